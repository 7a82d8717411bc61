#include "ForwardingPage.h"

#include "AbsencePage.h"
#include "ThemeColours.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Amiens {

ForwardingPage::ForwardingPage(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"forwardingPage"_s);
    auto *layout = new QVBoxLayout(this);
    // The academy's rules: professional mail may hold pupils' and staff's personal data, which
    // must not leave the academy's servers without a reason; the guide says so before anything.
    auto *warning =
        new QLabel(tr("<b>Warning:</b> forwarding academic mail to an address outside the academy "
                      "(a personal mailbox, for example) may be forbidden. Professional mail can hold "
                      "personal data of pupils and colleagues. Check with your head of school or "
                      "your department before turning it on."),
                   this);
    warning->setObjectName(u"forwardingWarning"_s);
    warning->setWordWrap(true);
    layout->addWidget(warning);

    m_fields = new QWidget(this);
    auto *form = new QFormLayout(m_fields);
    m_enabled = new QCheckBox(tr("Forward my incoming mail"), m_fields);
    m_enabled->setObjectName(u"forwardingEnabled"_s);
    form->addRow(m_enabled);
    m_address = new QLineEdit(m_fields);
    m_address->setObjectName(u"forwardingAddress"_s);
    form->addRow(tr("To the address:"), m_address);
    m_addressError = new QLabel(m_fields);
    m_addressError->setObjectName(u"forwardingAddressError"_s);
    m_addressError->setStyleSheet(
        ThemeColours::textStyleSheet(m_addressError->palette(), ThemeColours::Tone::Error));
    m_addressError->hide();
    form->addRow(m_addressError);
    m_keepCopy = new QCheckBox(tr("Keep a copy in this mailbox"), m_fields);
    m_keepCopy->setObjectName(u"forwardingKeepCopy"_s);
    form->addRow(m_keepCopy);
    layout->addWidget(m_fields);
    layout->addStretch();
    setSettings(ForwardSettings());
    setEditable(false);
}

void ForwardingPage::setSettings(const ForwardSettings &settings)
{
    m_enabled->setChecked(settings.enabled);
    m_address->setText(settings.address);
    m_keepCopy->setChecked(settings.keepCopy);
    m_addressError->hide();
}

ForwardSettings ForwardingPage::settings() const
{
    ForwardSettings settings;
    settings.enabled = m_enabled->isChecked();
    settings.address = m_address->text().trimmed();
    settings.keepCopy = m_keepCopy->isChecked();
    return settings;
}

bool ForwardingPage::validate()
{
    const ForwardSettings edited = settings();
    QString error;
    if (edited.enabled && edited.address.isEmpty())
        error = tr("Give the address mail is forwarded to.");
    else if (!edited.address.isEmpty() && !AbsencePage::isValidAddress(edited.address))
        error = tr("Not a valid e-mail address: %1").arg(edited.address);
    m_addressError->setText(error);
    m_addressError->setVisible(!error.isEmpty());
    return error.isEmpty();
}

void ForwardingPage::setEditable(bool editable)
{
    m_fields->setEnabled(editable);
}

} // namespace Amiens
