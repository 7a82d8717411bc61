#include "AccountLauncher.h"

#include "CertificateDialog.h"
#include "CommandLinks.h"
#include "HelpTexts.h"
#include "MainWindow.h"
#include "NotificationBanner.h"
#include "PasswordPrompt.h"
#include "account/PasswordAge.h"
#include "autoreply/AbsenceStore.h"
#include "autoreply/AutoResponder.h"
#include "outbox/OutboxSender.h"
#include "security/CredentialStore.h"
#include "services/AccountServices.h"
#include "session/AccountSession.h"
#include "session/SyncScheduler.h"
#include "settings/OfflinePolicy.h"
#include "sieve/ManageSieveClient.h"
#include "sieve/SieveRulesStore.h"
#include "sync/IdleWatcher.h"
#include "util/BackgroundTask.h"
#include "util/Clock.h"
#include "util/Logging.h"

using namespace Qt::StringLiterals;

namespace Amiens {

AccountLauncher::AccountLauncher(Profile profile, SitePolicy policy, Account account, MainWindow *window,
                                 CredentialStore *credentials, QObject *parent)
    : QObject(parent)
    , m_profile(std::move(profile))
    , m_policy(std::move(policy))
    , m_account(std::move(account))
    , m_window(window)
    , m_credentials(credentials)
{
    m_policy.applyTo(m_account);
}

AccountLauncher::~AccountLauncher()
{
    // It holds a copy of the password and a connection: let it end first (5 s at most).
    m_absenceTask.reset();
    // The window lets go first: it must not read a session being destroyed.
    if (m_window && m_services)
        m_window->removeAccount(m_account.id);
}

bool AccountLauncher::open(const QString &knownSecret)
{
    // Trust, session, outbox, background sync and push: built by the core, as for the CLI.
    QString trustError;
    m_services = AccountServices::create(m_profile, m_policy, m_account, &trustError);
    if (!m_services) {
        if (m_window)
            m_window->banner()->showMessageAbout(m_account.id, NotificationBanner::Level::Error,
                                                 named(trustError).toHtmlEscaped());
        return false;
    }
    m_account = m_services->account(); // with the site's rules applied
    // The window's handlers first, so that the richer messages below win.
    m_window->addAccount(m_services.get(), m_account.displayName());
    const OfflinePolicy offline = OfflinePolicy::load(m_profile, m_account.id);
    m_services->startBackgroundSync(offline.syncOptions(), std::chrono::minutes(offline.syncIntervalMinutes));
    AccountSession *session = m_services->session();
    SyncScheduler *scheduler = m_services->scheduler();
    connect(session, &AccountSession::syncProgress, m_window, &MainWindow::showSyncProgress);
    connect(scheduler, &SyncScheduler::syncSucceeded, m_window, &MainWindow::showSyncFinished);
    connect(m_window, &MainWindow::syncRequested, scheduler, &SyncScheduler::requestSync);
    if (IdleWatcher *push = m_services->idleWatcher())
        connect(push, &IdleWatcher::folderChanged, scheduler, &SyncScheduler::requestSync);
    // Mail written in the composer waits in its account's outbox (on disk) and leaves from here.
    OutboxSender *outbox = m_services->outboxSender();
    connect(m_window, &MainWindow::outboxQueued, outbox, [outbox] { outbox->processNow(); });
    // Without ManageSieve, this client answers for the user while the absence runs (RFC 3834).
    connect(scheduler, &SyncScheduler::syncSucceeded, this, &AccountLauncher::runAutoResponder);
    connect(session, &AccountSession::errorOccurred, this, &AccountLauncher::onSessionError);
    connect(session, &AccountSession::foldersChanged, this, &AccountLauncher::onFoldersChanged);

    const QDateTime now = Clock::currentDateTimeUtc();
    if (PasswordAge::isReminderDue(m_account, now, m_policy.passwordMaxAgeDays))
        m_window->showPasswordReminder(PasswordAge::ageInDays(m_account, now),
                                       m_profile.orderedIds().size() > 1 ? m_account.displayName()
                                                                         : QString());
    if (!m_account.passwordChangedAt.isValid() && m_account.credentialMode != CredentialMode::Passcode &&
        !m_account.sharedWorkstation) {
        // Accounts made before the reminder existed (or by the CLI) start counting now.
        m_account.passwordChangedAt = now;
        saveAccount();
    }
    if (!knownSecret.isEmpty())
        useSecret(knownSecret, false);
    else
        obtainSecret();
    return true;
}

std::optional<VacationSettings> AccountLauncher::activeAbsence() const
{
    return AbsenceStore::activeAt(m_profile, Clock::currentDateTimeUtc(), m_account.id);
}

QString AccountLauncher::commandLink(const QString &command, const QString &text) const
{
    return CommandLinks::html(command, text, m_account.id);
}

QString AccountLauncher::named(const QString &text) const
{
    if (m_profile.orderedIds().size() <= 1)
        return text;
    return tr("%1: %2").arg(m_account.displayName(), text);
}

void AccountLauncher::obtainSecret()
{
    if (!m_services)
        return;
    switch (m_account.credentialMode) {
    case CredentialMode::Passcode:
        askSecret(tr("Type your PIN followed by the code shown on your key."));
        return;
    case CredentialMode::AskAtStart:
        askSecret(tr("Your password is not stored on this computer."));
        return;
    case CredentialMode::Keychain:
        break;
    }
    if (m_account.sharedWorkstation) {
        askSecret(tr("Shared computer: your password will be forgotten when you sign out or quit."));
        return;
    }
    QPointer<AccountLauncher> self(this);
    m_credentials->readPassword(m_account.id, [self](const CredentialStore::Result &result) {
        if (!self)
            return;
        if (result.ok()) {
            self->useSecret(result.secret, false);
            return;
        }
        if (result.status == CredentialStore::Status::Unavailable) {
            self->m_keychainUnavailable = true;
            self->askSecret(tr("No keychain is available on this computer, so your password cannot be saved. "
                               "It will be kept for this session only, never written to disk."));
            return;
        }
        self->askSecret(result.message);
    });
}

void AccountLauncher::askSecretAgain()
{
    askSecret(tr("Type your password again."));
}

void AccountLauncher::askSecret(const QString &reason)
{
    if (!m_window || !m_services)
        return;
    const bool passcode = m_account.credentialMode == CredentialMode::Passcode;
    const auto secret = PasswordPrompt::ask(
        m_window, passcode ? tr("Passcode") : tr("Password"),
        tr("%1\n%2 for %3:").arg(reason, passcode ? tr("Passcode") : tr("Password"), m_account.address),
        passcode ? tr("Passcode:") : tr("Password:"));
    if (!secret) {
        m_window->banner()->showMessageAbout(
            m_account.id, NotificationBanner::Level::Warning,
            named(tr("Without a password, only the mail already on this computer can be read."))
                    .toHtmlEscaped() +
                commandLink(u"password"_s, passcode ? tr("Type a passcode…") : tr("Type my password…")));
        return;
    }
    useSecret(*secret, true);
}

void AccountLauncher::useSecret(const QString &secret, bool typedByUser)
{
    if (!m_services)
        return;
    m_secret = m_account.credentialMode == CredentialMode::Passcode ? QString() : secret;
    m_storeOnSuccess = typedByUser && m_account.credentialMode == CredentialMode::Keychain &&
                       !m_account.sharedWorkstation && !m_keychainUnavailable;
    m_services->setPassword(secret);
    m_services->session()->refreshFolders();
}

void AccountLauncher::onFoldersChanged()
{
    SyncScheduler *scheduler = m_services ? m_services->scheduler() : nullptr;
    if (scheduler && !scheduler->isSyncing() && !scheduler->lastSuccess().isValid()) {
        if (m_services->idleWatcher() && !m_secret.isEmpty())
            scheduler->setIdleWatcher(m_services->idleWatcher(), m_secret);
        scheduler->start();
        // Messages left in the outbox by an earlier session (or a crash) go out now.
        m_services->outboxSender()->processNow(false);
        refreshServerAbsence();
    }
    if (!std::exchange(m_storeOnSuccess, false))
        return;
    QPointer<AccountLauncher> self(this);
    m_credentials->writePassword(m_account.id, m_secret, [self](const CredentialStore::Result &result) {
        if (!self || !result.ok())
            return;
        // A password typed again after a refusal is usually a new one.
        self->m_account.passwordChangedAt = Clock::currentDateTimeUtc();
        self->saveAccount();
        if (self->m_window)
            self->m_window->reminderBanner()->hide();
    });
}

void AccountLauncher::onSessionError(const ServiceError &error)
{
    if (!m_window)
        return;
    const bool passcode = m_account.credentialMode == CredentialMode::Passcode;
    switch (error.kind) {
    case ServiceError::Kind::Authentication:
        m_window->banner()->showMessageAbout(
            m_account.id, NotificationBanner::Level::Error,
            u"<b>"_s + named(error.message).toHtmlEscaped() + u"</b>"_s +
                commandLink(u"password"_s,
                            passcode ? tr("Type a new passcode…") : tr("Type my password again…")) +
                HelpTexts::wrongPassword(m_window->help(), passcode),
            error.technical);
        break;
    case ServiceError::Kind::Certificate:
        m_lastTlsFailure = error.tlsFailure;
        if (m_lastTlsFailure) {
            m_window->banner()->showMessageAbout(
                m_account.id, NotificationBanner::Level::Error,
                named(error.message).toHtmlEscaped() +
                    commandLink(u"certificate"_s, tr("View the certificate…")),
                error.technical);
        }
        break;
    default:
        break;
    }
}

void AccountLauncher::trustCertificate()
{
    if (!m_lastTlsFailure || !m_window)
        return;
    const auto pin = CertificateDialog::ask(m_window, *m_lastTlsFailure);
    if (!pin)
        return;
    Account account = m_account;
    if (!account.pinnedCertificates.contains(*pin))
        account.pinnedCertificates.append(*pin);
    m_account = account;
    saveAccount();
    Q_EMIT reopenRequested(account, m_secret);
}

void AccountLauncher::refreshServerAbsence()
{
    if (!m_services || m_secret.isEmpty() || m_absenceTask)
        return;
    ManageSieveClient::Settings settings = m_services->manageSieveSettings();
    // A quick look only: the banner is not worth a long wait when the server does not answer.
    settings.timeout = std::chrono::seconds(5);
    const QString password = m_secret;
    auto vacation = std::make_shared<std::optional<VacationSettings>>();
    // The client and its socket are made, used and destroyed on the worker thread.
    m_absenceTask = std::make_unique<BackgroundTask>(u"absence"_s, [settings, password, vacation] {
        ManageSieveClient client(settings);
        if (!client.connectToServer() || !client.authenticate(password))
            return;
        if (const auto state = SieveRulesStore(client).load(QTimeZone::systemTimeZone()))
            *vacation = state->rules.vacation;
        client.logout();
    });
    m_absenceTask->start(this, [this, vacation] {
        m_absenceTask.reset();
        if (!*vacation)
            return; // no ManageSieve (or no answer): the client-side state stands
        AbsenceStore::rememberServerVacation(m_profile, **vacation, m_account.id);
        Q_EMIT absenceChanged();
    });
}

void AccountLauncher::runAutoResponder()
{
    if (!m_services)
        return;
    const AutoResponder::Result result = m_services->respondToAbsence();
    if (!result.error.isEmpty())
        qCWarning(lcAccount).noquote() << result.error;
    // The period may have ended since the start: the banner follows.
    Q_EMIT absenceChanged();
}

void AccountLauncher::saveAccount()
{
    QString error;
    if (!m_profile.saveAccount(m_account, &error))
        qCWarning(lcAccount).noquote() << error;
}

} // namespace Amiens
