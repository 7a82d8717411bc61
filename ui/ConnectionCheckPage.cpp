#include "ConnectionCheckPage.h"

#include "AccountAssistant.h"
#include "CertificateView.h"
#include "HelpTexts.h"
#include "UrlOpener.h"
#include "security/CredentialStore.h"

#include <QButtonGroup>
#include <QGroupBox>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

QLabel *statusLabel(QWidget *parent, const QString &objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    return label;
}

QString endpointText(const ServerEndpoint &endpoint)
{
    return u"%1:%2"_s.arg(endpoint.host).arg(endpoint.port);
}

} // namespace

ConnectionCheckPage::ConnectionCheckPage(AccountAssistant *assistant)
    : QWizardPage(assistant)
    , m_assistant(assistant)
    , m_check(new ConnectionCheck(this))
{
    setObjectName(u"checkPage"_s);
    setTitle(tr("Connection test"));
    setSubTitle(tr("AmiensMail signs in to your mail servers to check everything works."));

    m_imapStatus = statusLabel(this, u"imapStatus"_s);
    m_smtpStatus = statusLabel(this, u"smtpStatus"_s);
    m_message = new QLabel(this);
    m_message->setObjectName(u"checkMessage"_s);
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::RichText);
    m_message->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_message->setOpenExternalLinks(false);
    connect(m_message, &QLabel::linkActivated, this,
            [](const QString &link) { UrlOpener::open(QUrl(link)); });

    m_certificate = new CertificateView(this);
    m_certificate->hide();
    m_retry = new QPushButton(tr("Try again"), this);
    m_retry->setObjectName(u"retryButton"_s);
    m_retry->hide();
    connect(m_retry, &QPushButton::clicked, this, [this] {
        if (m_certificate->isVisible() && m_certificate->isTrustRequested())
            m_assistant->addPinnedCertificate(m_certificate->pin());
        startCheck();
    });

    m_keychainChoice = new QGroupBox(tr("No keychain on this computer"), this);
    m_keychainChoice->setObjectName(u"keychainChoice"_s);
    m_sessionOnly = new QRadioButton(tr("Keep my password until I quit AmiensMail (this session only)"),
                                     m_keychainChoice);
    m_sessionOnly->setObjectName(u"sessionOnlyRadio"_s);
    m_askAtStart = new QRadioButton(tr("Ask for my password each time AmiensMail starts"), m_keychainChoice);
    m_askAtStart->setObjectName(u"askAtStartRadio"_s);
    auto *choiceLayout = new QVBoxLayout(m_keychainChoice);
    auto *explanation = new QLabel(
        tr("AmiensMail never writes your password to a file. Choose how to go on:"), m_keychainChoice);
    explanation->setWordWrap(true);
    choiceLayout->addWidget(explanation);
    choiceLayout->addWidget(m_sessionOnly);
    choiceLayout->addWidget(m_askAtStart);
    m_keychainChoice->hide();
    m_choiceGroup = new QButtonGroup(this);
    m_choiceGroup->addButton(m_sessionOnly);
    m_choiceGroup->addButton(m_askAtStart);
    connect(m_choiceGroup, &QButtonGroup::buttonToggled, this, [this] {
        m_assistant->setCredentialMode(m_askAtStart->isChecked() ? CredentialMode::AskAtStart
                                                                 : CredentialMode::Keychain);
        m_credentialsSettled = m_sessionOnly->isChecked() || m_askAtStart->isChecked();
        Q_EMIT completeChanged();
    });
    m_credentialsStatus = statusLabel(this, u"credentialsStatus"_s);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_imapStatus);
    layout->addWidget(m_smtpStatus);
    layout->addWidget(m_message);
    layout->addWidget(m_certificate);
    layout->addWidget(m_retry, 0, Qt::AlignLeft);
    layout->addWidget(m_keychainChoice);
    layout->addWidget(m_credentialsStatus);
    layout->addStretch();

    connect(m_check, &ConnectionCheck::serviceStarted, this, &ConnectionCheckPage::onServiceStarted);
    connect(m_check, &ConnectionCheck::finished, this, &ConnectionCheckPage::onFinished);
}

void ConnectionCheckPage::initializePage()
{
    startCheck();
}

void ConnectionCheckPage::cleanupPage()
{
    // Going back to change something: whatever was stored for the old answers goes.
    cancelCheck();
    m_assistant->forgetStoredPassword();
    m_assistant->setCredentialMode(CredentialMode::Keychain);
    m_succeeded = false;
    m_credentialsSettled = false;
}

void ConnectionCheckPage::cancelCheck()
{
    m_check->cancel();
}

void ConnectionCheckPage::startCheck()
{
    if (m_check->isRunning())
        return;
    m_succeeded = false;
    m_credentialsSettled = false;
    m_imapStatus->clear();
    m_smtpStatus->clear();
    m_message->clear();
    m_certificate->hide();
    m_retry->hide();
    m_keychainChoice->hide();
    // Nothing is chosen for the user: an exclusive group cannot be emptied, so lift it briefly.
    m_choiceGroup->setExclusive(false);
    m_sessionOnly->setChecked(false);
    m_askAtStart->setChecked(false);
    m_choiceGroup->setExclusive(true);
    m_credentialsStatus->clear();
    Q_EMIT completeChanged();

    const Account account = m_assistant->draftAccount();
    QString error;
    const auto trust = m_assistant->sitePolicy().trustFor(account, &error);
    if (!trust) {
        showMessage(u"<p>"_s + error.toHtmlEscaped() + u"</p>"_s);
        return;
    }
    m_check->start(account, *trust, m_assistant->typedSecret(), !m_assistant->isPasscodeMode());
}

void ConnectionCheckPage::onServiceStarted(ConnectionCheck::Service service)
{
    const Account account = m_assistant->draftAccount();
    if (service == ConnectionCheck::Service::Imap)
        m_imapStatus->setText(tr("Incoming mail: connecting to %1…").arg(endpointText(account.imap)));
    else
        m_smtpStatus->setText(tr("Outgoing mail: connecting to %1…").arg(endpointText(account.smtp)));
}

void ConnectionCheckPage::onFinished(const ConnectionCheck::Result &result)
{
    const Account account = m_assistant->draftAccount();
    if (result.imap.ok()) {
        QString text = tr("✔ Incoming mail: signed in to %1 as %2 (%3).")
                           .arg(endpointText(account.imap), account.imap.login, result.imap.tlsDescription);
        if (result.folderCount >= 0)
            text += u' ' + tr("%n folder(s) found.", nullptr, result.folderCount);
        m_imapStatus->setText(text);
    } else if (result.imap.error) {
        m_imapStatus->setText(tr("✘ Incoming mail: %1").arg(result.imap.error->message));
    }
    if (result.smtp.ok()) {
        m_smtpStatus->setText(
            tr("✔ Outgoing mail: signed in to %1 as %2 (%3).")
                .arg(endpointText(account.smtp), account.smtp.login, result.smtp.tlsDescription));
    } else if (result.smtp.error) {
        m_smtpStatus->setText(tr("✘ Outgoing mail: %1").arg(result.smtp.error->message));
    } else if (result.imap.ok() && m_assistant->isPasscodeMode()) {
        m_smtpStatus->setText(
            tr("Outgoing mail (%1) will be checked when you first send a message: a passcode "
               "works only once.")
                .arg(endpointText(account.smtp)));
    } else {
        m_smtpStatus->clear();
    }

    if (result.imap.error) {
        showFailure(*result.imap.error);
        return;
    }
    if (result.smtp.error) {
        const ServiceError &error = *result.smtp.error;
        // Reading mail works; a sending server that is down or misnamed can be fixed later.
        const bool blocking = error.kind == ServiceError::Kind::Authentication ||
                              error.kind == ServiceError::Kind::Certificate ||
                              error.kind == ServiceError::Kind::TlsUnavailable;
        if (blocking) {
            showFailure(error);
            return;
        }
        showMessage(u"<p>"_s +
                    tr("You can read your mail, but sending may fail until the outgoing server is corrected "
                       "(Back, then \"Advanced settings…\").")
                        .toHtmlEscaped() +
                    u"</p>"_s);
    }
    m_succeeded = true;
    storePassword();
}

void ConnectionCheckPage::showFailure(const ServiceError &error)
{
    QString html = u"<p><b>"_s + error.message.toHtmlEscaped() + u"</b></p>"_s;
    switch (error.kind) {
    case ServiceError::Kind::Authentication:
        html += HelpTexts::wrongPassword(m_assistant->help(), m_assistant->isPasscodeMode());
        html +=
            u"<p>"_s + tr("Go back to correct your identifier or your password.").toHtmlEscaped() + u"</p>"_s;
        break;
    case ServiceError::Kind::Certificate:
        if (error.tlsFailure) {
            m_certificate->setFailure(*error.tlsFailure);
            m_certificate->show();
        }
        m_retry->show();
        break;
    case ServiceError::Kind::Network:
    case ServiceError::Kind::Timeout:
        html +=
            u"<p>"_s +
            tr("Check that this computer is connected to the Internet, and the server names in \"Advanced "
               "settings…\". The service may also be in maintenance: try again later.")
                .toHtmlEscaped() +
            u"</p>"_s;
        m_retry->show();
        break;
    default:
        m_retry->show();
        break;
    }
    showMessage(html);
    Q_EMIT completeChanged();
}

void ConnectionCheckPage::storePassword()
{
    const Account account = m_assistant->draftAccount();
    if (account.credentialMode == CredentialMode::Passcode) {
        m_credentialsStatus->setText(
            tr("No secret is stored: AmiensMail will ask for a passcode when it has to "
               "connect."));
        m_credentialsSettled = true;
        Q_EMIT completeChanged();
        return;
    }
    if (account.sharedWorkstation) {
        m_credentialsStatus->setText(
            tr("Shared computer: your password stays in memory only and everything is "
               "erased when you sign out or quit."));
        m_credentialsSettled = true;
        Q_EMIT completeChanged();
        return;
    }
    m_credentialsStatus->setText(tr("Saving the password in the keychain…"));
    QPointer<ConnectionCheckPage> self(this);
    const QString id = account.id;
    m_assistant->credentials()->writePassword(
        id, m_assistant->typedSecret(), [self, id](const CredentialStore::Result &result) {
            if (!self)
                return;
            if (result.ok()) {
                self->m_assistant->setStoredInKeychain(id);
                self->m_credentialsStatus->setText(tr("✔ Password saved in this computer's keychain."));
                self->m_credentialsSettled = true;
            } else {
                self->m_credentialsStatus->setText(result.message);
                self->m_keychainChoice->show();
            }
            Q_EMIT self->completeChanged();
        });
}

void ConnectionCheckPage::showMessage(const QString &html)
{
    m_message->setText(html);
}

bool ConnectionCheckPage::isComplete() const
{
    return m_succeeded && m_credentialsSettled && !m_check->isRunning();
}

bool ConnectionCheckPage::validatePage()
{
    QString error;
    if (!m_assistant->saveAccount(&error)) {
        showMessage(u"<p><b>"_s + error.toHtmlEscaped() + u"</b></p>"_s);
        return false;
    }
    return true;
}

} // namespace Amiens
