#include "ShortcutsDialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

void collect(const QList<QAction *> &actions, QList<QAction *> *found)
{
    for (QAction *action : actions) {
        if (action->isSeparator())
            continue;
        if (QMenu *menu = action->menu())
            collect(menu->actions(), found);
        else if (!action->shortcuts().isEmpty() && !found->contains(action))
            found->append(action);
    }
}

} // namespace

QList<QAction *> ShortcutsDialog::actionsWithShortcuts(QWidget *window)
{
    QList<QAction *> found;
    if (auto *menuBar = window->findChild<QMenuBar *>(QString(), Qt::FindDirectChildrenOnly))
        collect(menuBar->actions(), &found);
    collect(window->actions(), &found);
    return found;
}

QString ShortcutsDialog::plainText(const QAction *action)
{
    QString text = action->text();
    // "&&" is a literal ampersand, a single "&" marks the mnemonic.
    text.replace(u"&&"_s, QString(QChar(0xfffc)));
    text.remove(u'&');
    text.replace(QChar(0xfffc), u'&');
    return text;
}

ShortcutsDialog::ShortcutsDialog(QWidget *window)
    : QDialog(window)
{
    setObjectName(u"shortcutsHelp"_s);
    setWindowTitle(tr("Keyboard shortcuts"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Everything can be done from the keyboard. Tab moves between the fields of a "
                                "window, F6 between the folders, the messages and the message read."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    const QList<QAction *> actions = actionsWithShortcuts(window);
    m_table = new QTableWidget(static_cast<int>(actions.size()), 2, this);
    m_table->setObjectName(u"shortcutsTable"_s);
    m_table->setAccessibleName(tr("Keyboard shortcuts"));
    m_table->setHorizontalHeaderLabels({tr("Action"), tr("Keys")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setTabKeyNavigation(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    for (int row = 0; row < actions.size(); ++row) {
        const QAction *action = actions.at(row);
        QStringList keys;
        for (const QKeySequence &sequence : action->shortcuts())
            keys.append(sequence.toString(QKeySequence::NativeText));
        auto *name = new QTableWidgetItem(plainText(action));
        if (!action->statusTip().isEmpty())
            name->setToolTip(action->statusTip());
        m_table->setItem(row, 0, name);
        m_table->setItem(row, 1, new QTableWidgetItem(keys.join(tr(" or "))));
    }
    m_table->resizeColumnsToContents();
    layout->addWidget(m_table, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    layout->addWidget(buttons);
    resize(520, 520);
}

} // namespace Amiens
