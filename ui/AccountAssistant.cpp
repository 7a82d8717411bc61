#include "AccountAssistant.h"

#include "AdvancedSettingsDialog.h"
#include "ConnectionCheckPage.h"
#include "ThemeColours.h"
#include "account/AcademicIdentifier.h"
#include "account/ProviderRegistry.h"
#include "security/CredentialStore.h"
#include "util/Clock.h"
#include "util/Logging.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

// Staff addresses stay in the academy's domain even on the national service.
const auto kAcademyDomain = "ac-amiens.fr"_L1;
const auto kNationalPreset = "education.gouv.fr"_L1;

QLabel *wrappedLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    return label;
}

} // namespace

AccountAssistant::AccountAssistant(Profile profile, SitePolicy policy, QWidget *parent)
    : QWizard(parent)
    , m_profile(std::move(profile))
    , m_policy(std::move(policy))
    , m_help(HelpCatalog::load())
    , m_presets(ProviderRegistry().presets())
    , m_credentials(new CredentialStore(CredentialStore::defaultServiceName(), this))
{
    setObjectName(u"accountAssistant"_s);
    setWindowTitle(tr("Set up your mail account"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setButtonText(QWizard::FinishButton, tr("Start reading my mail"));
    setPage(IdentityPageId, buildIdentityPage());
    setPage(PasswordPageId, buildPasswordPage());
    m_checkPage = new ConnectionCheckPage(this);
    setPage(CheckPageId, m_checkPage);
    onPresetChanged();
    connect(this, &QWizard::currentIdChanged, this, &AccountAssistant::focusFirstField);
}

AccountAssistant::~AccountAssistant() = default;

void AccountAssistant::focusFirstField(int id)
{
    // Typing a name at once goes where it belongs, not into the service box above it.
    // (QWizard has just focused the page's first widget in the tab order: the service.)
    if (id == IdentityPageId)
        (isFunctionalMailbox() ? m_mailboxName : m_firstName)->setFocus(Qt::OtherFocusReason);
    else if (id == PasswordPageId)
        m_password->setFocus(Qt::OtherFocusReason);
}

QWizardPage *AccountAssistant::buildIdentityPage()
{
    auto *page = new QWizardPage(this);
    page->setObjectName(u"identityPage"_s);
    page->setTitle(tr("Who are you?"));
    page->setSubTitle(
        tr("Your academic identifier is usually the first letter of your first name followed by "
           "your surname. Correct it if yours is different (for example mdupont2)."));

    m_presetCombo = new QComboBox(page);
    m_presetCombo->setObjectName(u"presetCombo"_s);
    int selected = 0;
    for (const ProviderPreset &preset : std::as_const(m_presets)) {
        if (preset.id.compare(m_policy.defaultPreset, Qt::CaseInsensitive) == 0)
            selected = m_presetCombo->count();
        m_presetCombo->addItem(preset.displayName.isEmpty() ? preset.id : preset.displayName, preset.id);
    }
    if (m_policy.customServersAllowed)
        m_presetCombo->addItem(tr("Another mail server"), QString());
    m_presetCombo->setCurrentIndex(selected);

    // A school's or a service's mailbox has its own login and a shared password: the head of
    // school, a deputy or a secretary add it beside their own (issue 18).
    m_personalChoice = new QRadioButton(tr("My own mailbox"), page);
    m_personalChoice->setObjectName(u"personalMailboxChoice"_s);
    m_personalChoice->setChecked(true);
    m_functionalChoice = new QRadioButton(tr("The school's or a service's functional mailbox"), page);
    m_functionalChoice->setObjectName(u"functionalMailboxChoice"_s);
    m_functionalHelp = wrappedLabel(
        tr("A functional mailbox (ce.0801234x@ac-amiens.fr, gestion.0801234x@ac-amiens.fr, a DSDEN "
           "service's box…) has its own identifier: the service's prefix followed by the school's UAI "
           "number, in lower case, for example ce.0801234x. Its password is the mailbox's, given by the "
           "head of school or the service, not yours. Replies written from it are sent from its address."),
        page);
    m_functionalHelp->setObjectName(u"functionalMailboxHelp"_s);
    m_functionalHelp->hide();
    m_mailboxName = new QLineEdit(page);
    m_mailboxName->setObjectName(u"mailboxNameEdit"_s);
    m_mailboxName->setPlaceholderText(tr("Collège Jules Verne"));

    m_firstName = new QLineEdit(page);
    m_firstName->setObjectName(u"firstNameEdit"_s);
    m_lastName = new QLineEdit(page);
    m_lastName->setObjectName(u"lastNameEdit"_s);
    m_identifier = new QLineEdit(page);
    m_identifier->setObjectName(u"identifierEdit"_s);
    m_identifier->setPlaceholderText(tr("mdupont"));
    m_address = new QLineEdit(page);
    m_address->setObjectName(u"addressEdit"_s);
    m_address->setPlaceholderText(tr("mdupont@ac-amiens.fr"));
    m_identityError = wrappedLabel({}, page);
    m_identityError->setObjectName(u"identityError"_s);
    m_identityError->setStyleSheet(
        ThemeColours::textStyleSheet(m_identityError->palette(), ThemeColours::Tone::Error));
    m_identityError->hide();
    auto *advanced = new QPushButton(tr("Advanced settings…"), page);
    advanced->setObjectName(u"advancedButton"_s);

    m_firstNameLabel = new QLabel(tr("First name:"), page);
    m_firstNameLabel->setBuddy(m_firstName); // the field's accessible name
    m_lastNameLabel = new QLabel(tr("Surname:"), page);
    m_lastNameLabel->setBuddy(m_lastName);
    m_mailboxNameLabel = new QLabel(tr("Mailbox name:"), page);
    m_mailboxNameLabel->setBuddy(m_mailboxName);
    m_mailboxNameLabel->hide();
    m_mailboxName->hide();
    auto *form = new QFormLayout;
    form->addRow(tr("Mail service:"), m_presetCombo);
    form->addRow(tr("Mailbox:"), m_personalChoice);
    form->addRow(QString(), m_functionalChoice);
    form->addRow(m_functionalHelp);
    form->addRow(m_firstNameLabel, m_firstName);
    form->addRow(m_lastNameLabel, m_lastName);
    form->addRow(m_mailboxNameLabel, m_mailboxName);
    form->addRow(tr("Identifier:"), m_identifier);
    form->addRow(tr("Address:"), m_address);
    auto *layout = new QVBoxLayout(page);
    layout->addLayout(form);
    layout->addWidget(wrappedLabel(tr("You may also type your identifier or your address directly."), page));
    layout->addWidget(m_identityError);
    layout->addStretch();
    layout->addWidget(advanced, 0, Qt::AlignRight);

    connect(m_presetCombo, &QComboBox::currentIndexChanged, this, &AccountAssistant::onPresetChanged);
    connect(m_functionalChoice, &QRadioButton::toggled, this, &AccountAssistant::onKindChanged);
    connect(m_firstName, &QLineEdit::textEdited, this, &AccountAssistant::updateProposals);
    connect(m_lastName, &QLineEdit::textEdited, this, &AccountAssistant::updateProposals);
    connect(m_identifier, &QLineEdit::textEdited, this, [this](const QString &text) {
        m_identifierEdited = !text.trimmed().isEmpty();
        updateProposals();
    });
    connect(m_address, &QLineEdit::textEdited, this,
            [this](const QString &text) { m_addressEdited = !text.trimmed().isEmpty(); });
    connect(advanced, &QPushButton::clicked, this, &AccountAssistant::openAdvancedSettings);

    // Tab follows the form from top to bottom (the mailbox name was made before the names).
    const QList<QWidget *> order{m_presetCombo, m_personalChoice, m_functionalChoice, m_firstName, m_lastName,
                                 m_mailboxName, m_identifier,     m_address,          advanced};
    for (qsizetype i = 1; i < order.size(); ++i)
        QWidget::setTabOrder(order.at(i - 1), order.at(i));
    m_presetCombo->setAccessibleDescription(
        tr("The academy's own service unless your institution told you otherwise"));
    m_identifier->setAccessibleDescription(
        tr("Proposed from your first name and surname; correct it if yours is different"));
    return page;
}

QWizardPage *AccountAssistant::buildPasswordPage()
{
    auto *page = new QWizardPage(this);
    page->setObjectName(u"passwordPage"_s);
    page->setTitle(tr("Your password"));
    page->setSubTitle(tr("It is sent only to your mail servers, over an encrypted connection, and kept only "
                         "in this computer's keychain."));

    m_password = new QLineEdit(page);
    m_password->setObjectName(u"passwordEdit"_s);
    m_password->setEchoMode(QLineEdit::Password);
    m_passwordLabel = new QLabel(tr("Password:"), page);
    m_passwordLabel->setBuddy(m_password);
    m_passcode =
        new QCheckBox(tr("I sign in with an OTP passcode (my PIN followed by the code of my key)"), page);
    m_passcode->setObjectName(u"passcodeCheck"_s);
    m_passwordHint = wrappedLabel({}, page);
    m_shared = new QCheckBox(tr("Shared computer: forget everything when I sign out or quit"), page);
    m_shared->setObjectName(u"sharedWorkstationCheck"_s);
    if (m_policy.sharedWorkstationForced) {
        m_shared->setChecked(true);
        m_shared->setEnabled(false);
        m_shared->setToolTip(tr("Required on this computer by your institution."));
    }

    auto *form = new QFormLayout;
    form->addRow(m_passwordLabel, m_password);
    auto *layout = new QVBoxLayout(page);
    layout->addLayout(form);
    layout->addWidget(m_passcode);
    layout->addWidget(m_passwordHint);
    layout->addSpacing(12);
    layout->addWidget(m_shared);
    layout->addWidget(
        wrappedLabel(tr("On a computer shared with colleagues or pupils, the password, the mail "
                        "kept offline and the temporary files are erased when you sign out."),
                     page));
    layout->addStretch();

    connect(m_passcode, &QCheckBox::toggled, this, [this](bool passcode) {
        m_passwordLabel->setText(passcode ? tr("Passcode:") : tr("Password:"));
        m_passwordHint->setText(passcode
                                    ? tr("A passcode works only once: AmiensMail never stores it and asks "
                                         "for a new one whenever it has to connect.")
                                    : QString());
    });
    return page;
}

std::optional<ProviderPreset> AccountAssistant::currentPreset() const
{
    const QString id = m_presetCombo->currentData().toString();
    for (const ProviderPreset &preset : m_presets) {
        if (preset.id == id)
            return preset;
    }
    return std::nullopt;
}

QString AccountAssistant::identifier() const
{
    const QString text = m_identifier->text().trimmed();
    const qsizetype at = text.indexOf(u'@');
    return at < 0 ? text : text.left(at);
}

void AccountAssistant::onPresetChanged()
{
    // Servers chosen by hand belonged to the previous choice.
    m_advanced.reset();
    updateProposals();
}

bool AccountAssistant::isFunctionalMailbox() const
{
    return m_functionalChoice->isChecked();
}

void AccountAssistant::onKindChanged()
{
    const bool functional = isFunctionalMailbox();
    m_functionalHelp->setVisible(functional);
    for (QWidget *widget : {static_cast<QWidget *>(m_firstNameLabel), static_cast<QWidget *>(m_firstName),
                            static_cast<QWidget *>(m_lastNameLabel), static_cast<QWidget *>(m_lastName)})
        widget->setVisible(!functional);
    m_mailboxNameLabel->setVisible(functional);
    m_mailboxName->setVisible(functional);
    m_identifier->setPlaceholderText(functional ? tr("ce.0801234x") : tr("mdupont"));
    m_address->setPlaceholderText(functional ? tr("ce.0801234x@ac-amiens.fr") : tr("mdupont@ac-amiens.fr"));
    // A name typed for oneself is no proposal for the school's box, and the other way round.
    if (!m_identifierEdited)
        m_identifier->clear();
    if (!m_addressEdited)
        m_address->clear();
    updateProposals();
}

void AccountAssistant::updateProposals()
{
    const auto preset = currentPreset();
    const bool national = preset && preset->id == kNationalPreset;
    // A functional mailbox's identifier cannot be guessed from a name: the user types it.
    if (!m_identifierEdited && !isFunctionalMailbox()) {
        const QString proposal =
            national ? AcademicIdentifier::proposeDotted(m_firstName->text(), m_lastName->text())
                     : AcademicIdentifier::propose(m_firstName->text(), m_lastName->text());
        m_identifier->setText(proposal);
    }
    if (!m_addressEdited) {
        const QString typed = m_identifier->text().trimmed();
        if (typed.contains(u'@'))
            m_address->setText(typed.toLower());
        else if (!typed.isEmpty() && preset)
            m_address->setText(typed.toLower() + u'@' + kAcademyDomain);
        else if (typed.isEmpty())
            m_address->clear();
    }
    m_identityError->hide();
}

Account AccountAssistant::draftAccount() const
{
    const QString address = m_address->text().trimmed();
    const bool functional = isFunctionalMailbox();
    const QString realName =
        functional
            ? m_mailboxName->text().simplified()
            : QString(m_firstName->text().simplified() + u' ' + m_lastName->text().simplified()).trimmed();
    const QString login = identifier();

    Account account;
    if (m_advanced) {
        account = *m_advanced;
    } else if (const auto preset = currentPreset()) {
        account = preset->accountFor(address, realName);
        // The academy logs in with the identifier, which may differ from the address's local
        // part (an alias such as marie.dupont@ for mdupont).
        if (preset->incoming.login == "%EMAILLOCALPART%"_L1)
            account.imap.login = login;
        if (preset->outgoing.login == "%EMAILLOCALPART%"_L1)
            account.smtp.login = login;
    } else {
        account.imap.login = login;
        account.smtp.login = login;
    }
    account.id = address;
    account.address = address;
    account.realName = realName;
    account.kind = functional ? MailboxKind::Functional : MailboxKind::Personal;
    account.label = functional ? realName : QString();
    account.pinnedCertificates = m_pins;
    account.credentialMode = m_passcode->isChecked() ? CredentialMode::Passcode : m_credentialMode;
    account.sharedWorkstation = m_shared->isChecked();
    m_policy.applyTo(account);
    return account;
}

void AccountAssistant::openAdvancedSettings()
{
    AdvancedSettingsDialog dialog(draftAccount(), this);
    dialog.setServersLocked(!m_policy.customServersAllowed);
    if (dialog.exec() == QDialog::Accepted)
        m_advanced = dialog.account();
}

void AccountAssistant::showIdentityError(const QString &message)
{
    m_identityError->setText(message);
    m_identityError->show();
}

bool AccountAssistant::validateCurrentPage()
{
    if (currentId() == IdentityPageId) {
        const QString address = m_address->text().trimmed();
        const qsizetype at = address.indexOf(u'@');
        if (identifier().isEmpty()) {
            showIdentityError(isFunctionalMailbox()
                                  ? tr("Type the functional mailbox's identifier, for example ce.0801234x.")
                                  : tr("Type your first name and surname, or your identifier."));
            return false;
        }
        if (at <= 0 || at == address.size() - 1 || address.count(u'@') != 1 || address.contains(u' ')) {
            showIdentityError(tr("The address must look like mdupont@ac-amiens.fr."));
            return false;
        }
        if (m_profile.account(address)) {
            showIdentityError(tr("The account %1 is already set up on this computer.").arg(address));
            return false;
        }
        if (!draftAccount().isComplete()) {
            showIdentityError(tr("Give the servers of this mail service in \"Advanced settings…\"."));
            return false;
        }
    } else if (currentId() == PasswordPageId) {
        if (m_password->text().isEmpty()) {
            m_passwordHint->setText(m_passcode->isChecked() ? tr("Type your passcode.")
                                                            : tr("Type your password."));
            return false;
        }
    }
    return QWizard::validateCurrentPage();
}

QString AccountAssistant::typedSecret() const
{
    return m_password->text();
}

QString AccountAssistant::sessionPassword() const
{
    return isPasscodeMode() ? QString() : m_password->text();
}

bool AccountAssistant::isPasscodeMode() const
{
    return m_passcode->isChecked();
}

void AccountAssistant::addPinnedCertificate(const QString &pin)
{
    if (pin.isEmpty() || m_pins.contains(pin))
        return;
    m_pins.append(pin);
    if (m_advanced)
        m_advanced->pinnedCertificates = m_pins;
}

void AccountAssistant::forgetStoredPassword()
{
    if (m_storedInKeychain.isEmpty())
        return;
    m_credentials->deletePasswordAndWait(std::exchange(m_storedInKeychain, QString()));
}

bool AccountAssistant::saveAccount(QString *error)
{
    Account account = draftAccount();
    if (account.credentialMode != CredentialMode::Passcode)
        account.passwordChangedAt = Clock::currentDateTimeUtc();
    if (!m_profile.saveAccount(account, error))
        return false;
    m_finalAccount = account;
    m_storedInKeychain.clear(); // it belongs to the saved account now
    qCInfo(lcAccount).noquote() << "account" << account.address << "set up with"
                                << Account::credentialModeName(account.credentialMode)
                                << (account.sharedWorkstation ? "(shared workstation)" : "");
    return true;
}

void AccountAssistant::done(int result)
{
    if (result != QDialog::Accepted) {
        m_checkPage->cancelCheck();
        forgetStoredPassword();
    }
    QWizard::done(result);
}

} // namespace Amiens
