#include "AboutDialog.h"

#include "util/BuildInfo.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Amiens {

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(u"aboutDialog"_s);
    setWindowTitle(tr("About AmiensMail"));
    auto *layout = new QVBoxLayout(this);

    auto *header = new QHBoxLayout;
    auto *icon = new QLabel(this);
    icon->setPixmap(QIcon::fromTheme(u"fr.ac-amiens.AmiensMail"_s, windowIcon()).pixmap(64, 64));
    header->addWidget(icon, 0, Qt::AlignTop);
    auto *title = new QLabel(this);
    title->setObjectName(u"aboutTitle"_s);
    title->setTextFormat(Qt::RichText);
    title->setOpenExternalLinks(true);
    title->setWordWrap(true);
    title->setText(tr("<h2>AmiensMail %1</h2><p>The mail client of the staff of the Académie d'Amiens.</p>"
                      "<p>Free software under the GNU General Public License, version 3 or later. It comes "
                      "with no warranty.</p>")
                       .arg(BuildInfo::version().toHtmlEscaped()));
    header->addWidget(title, 1);
    layout->addLayout(header);

    layout->addWidget(new QLabel(tr("Libraries used:"), this));
    const QList<BuildInfo::Component> components = BuildInfo::components();
    m_components = new QTableWidget(static_cast<int>(components.size()), 3, this);
    m_components->setObjectName(u"componentTable"_s);
    m_components->setAccessibleName(tr("Libraries used"));
    m_components->setHorizontalHeaderLabels({tr("Library"), tr("Version"), tr("Licence")});
    m_components->verticalHeader()->hide();
    m_components->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_components->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_components->horizontalHeader()->setStretchLastSection(true);
    for (int row = 0; row < components.size(); ++row) {
        const BuildInfo::Component &component = components.at(row);
        auto *name = new QTableWidgetItem(component.name);
        name->setToolTip(component.homepage.toString());
        m_components->setItem(row, 0, name);
        m_components->setItem(row, 1, new QTableWidgetItem(component.version));
        m_components->setItem(row, 2, new QTableWidgetItem(component.licence));
    }
    m_components->resizeColumnsToContents();
    layout->addWidget(m_components, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(520, 400);
}

} // namespace Amiens
