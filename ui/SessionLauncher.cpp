#include "SessionLauncher.h"

#include "AccountAssistant.h"
#include "AccountRemovalPrompt.h"
#include "CertificateDialog.h"
#include "HelpTexts.h"
#include "MainWindow.h"
#include "NotificationBanner.h"
#include "PasswordPrompt.h"
#include "UnsentMailPrompt.h"
#include "account/AccountPaths.h"
#include "account/PasswordAge.h"
#include "autoreply/AbsenceStore.h"
#include "autoreply/AutoResponder.h"
#include "cache/MailCache.h"
#include "outbox/Outbox.h"
#include "outbox/OutboxDrain.h"
#include "outbox/OutboxSender.h"
#include "security/CredentialStore.h"
#include "services/AccountServices.h"
#include "services/AccountStorage.h"
#include "session/AccountSession.h"
#include "session/SyncScheduler.h"
#include "settings/OfflinePolicy.h"
#include "settings/SettingsDialog.h"
#include "sieve/ManageSieveClient.h"
#include "sieve/SieveRulesStore.h"
#include "sync/IdleWatcher.h"
#include "util/BackgroundTask.h"
#include "util/Clock.h"
#include "util/Logging.h"

#include <QDateTime>
#include <QEventLoop>
#include <QInputDialog>
#include <QLineEdit>
#include <QPointer>

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {
QString commandLink(const char *command, const QString &text)
{
    return u" <a href=\"amiens:%1\">%2</a>"_s.arg(QString::fromLatin1(command), text.toHtmlEscaped());
}
} // namespace

SessionLauncher::SessionLauncher(Profile profile, MainWindow *window, QObject *parent)
    : QObject(parent)
    , m_profile(std::move(profile))
    , m_policy(SitePolicy::load())
    , m_window(window)
    , m_credentials(new CredentialStore(CredentialStore::defaultServiceName(), this))
{
    connect(m_window, &MainWindow::signOutRequested, this, &SessionLauncher::signOut);
    connect(m_window, &MainWindow::commandLinkActivated, this, &SessionLauncher::onCommandLink);
    connect(m_window, &MainWindow::settingsRequested, this, [this] { openSettings(); });
    connect(m_window, &MainWindow::addAccountRequested, this, &SessionLauncher::openAssistant);
    connect(m_window, &MainWindow::renameAccountRequested, this,
            [this](const QString &id) { renameAccount(id); });
    connect(m_window, &MainWindow::moveAccountRequested, this, &SessionLauncher::moveAccount);
    connect(m_window, &MainWindow::removeAccountRequested, this, &SessionLauncher::removeAccount);
}

SessionLauncher::~SessionLauncher() = default;

AccountSession *SessionLauncher::session() const
{
    return m_services ? m_services->session() : nullptr;
}

SyncScheduler *SessionLauncher::scheduler() const
{
    return m_services ? m_services->scheduler() : nullptr;
}

AccountAssistant *SessionLauncher::assistant() const
{
    return m_assistant.data();
}

void SessionLauncher::start()
{
    QList<Account> accounts = m_profile.accounts();
    // A shared-workstation account still here means the last session did not end cleanly.
    for (const Account &account : std::as_const(accounts)) {
        if (account.sharedWorkstation) {
            qCWarning(lcAccount).noquote()
                << "erasing" << account.address << "left over from a shared session";
            AccountStorage(m_profile, account.id).eraseAllAndWait(m_credentials);
        }
    }
    // The school's boxes IT set up for this workstation join the user's own account.
    QString siteError;
    if (m_policy.installFunctionalMailboxes(m_profile, &siteError) < 0)
        qCWarning(lcAccount).noquote() << "site functional mailboxes not added:" << siteError;
    accounts = m_profile.accounts();
    if (accounts.isEmpty()) {
        m_window->showNoAccount(m_profile.directory());
        openAssistant();
        return;
    }
    startSession(accounts.first());
    // Every other account of the profile too: a failing one does not keep the others closed.
    for (qsizetype i = 1; i < accounts.size(); ++i)
        startOtherAccount(accounts.at(i));
}

void SessionLauncher::openAssistant()
{
    if (m_assistant) {
        m_assistant->raise();
        return;
    }
    m_assistant = new AccountAssistant(m_profile, m_policy, m_window);
    m_assistant->setAttribute(Qt::WA_DeleteOnClose);
    m_assistant->setWindowModality(Qt::WindowModal);
    connect(m_assistant, &QWizard::accepted, this, [this] {
        m_window->banner()->hide();
        // With an account open, the assistant added another one to the profile.
        if (m_services && m_assistant->account().id != m_services->account().id)
            startOtherAccount(m_assistant->account(), m_assistant->sessionPassword());
        else
            startSession(m_assistant->account(), m_assistant->sessionPassword());
    });
    connect(m_assistant, &QWizard::rejected, this, [this] {
        if (!m_services && m_others.isEmpty())
            m_window->showNoAccount(m_profile.directory());
    });
    m_assistant->open();
    Q_EMIT assistantOpened();
}

void SessionLauncher::startSession(const Account &account, const QString &knownSecret)
{
    endSession();
    m_keychainUnavailable = false;
    m_storeOnSuccess = false;

    // Trust, session, outbox, background sync and push: built by the core, as for the CLI.
    QString trustError;
    m_services = AccountServices::create(m_profile, m_policy, account, &trustError);
    if (!m_services) {
        m_account = account;
        m_policy.applyTo(*m_account);
        m_window->banner()->showMessage(NotificationBanner::Level::Error, trustError.toHtmlEscaped());
        return;
    }
    m_account = m_services->account(); // with the site's rules applied
    AccountSession *session = m_services->session();
    m_window->setAccountServices(m_services.get());
    syncWindowAccounts();
    // The offline cache: the window reads it, the session's worker writes it.
    m_window->setCachePath(m_services->cachePath(), m_account->id);
    const OfflinePolicy offline = OfflinePolicy::load(m_profile);
    m_services->startBackgroundSync(offline.syncOptions(), std::chrono::minutes(offline.syncIntervalMinutes));
    SyncScheduler *scheduler = m_services->scheduler();
    connect(session, &AccountSession::syncProgress, m_window, &MainWindow::showSyncProgress);
    connect(scheduler, &SyncScheduler::syncSucceeded, m_window, &MainWindow::showSyncFinished);
    connect(m_window, &MainWindow::syncRequested, scheduler, &SyncScheduler::requestSync);
    if (IdleWatcher *push = m_services->idleWatcher())
        connect(push, &IdleWatcher::folderChanged, scheduler, &SyncScheduler::requestSync);
    // Mail written in the composer waits in the outbox (on disk) and leaves from here.
    OutboxSender *outbox = m_services->outboxSender();
    connect(m_window, &MainWindow::outboxQueued, outbox, [outbox] { outbox->processNow(); });
    // Without ManageSieve, this client answers for the user while the absence runs (RFC 3834).
    connect(scheduler, &SyncScheduler::syncSucceeded, this, &SessionLauncher::runAutoResponder);
    // After the window's own handlers, so that the richer messages win.
    connect(session, &AccountSession::errorOccurred, this, &SessionLauncher::onSessionError);
    connect(session, &AccountSession::foldersChanged, this, &SessionLauncher::onFoldersChanged);

    const QDateTime now = Clock::currentDateTimeUtc();
    const auto absence = AbsenceStore::activeAt(m_profile, now);
    m_window->showAbsenceActive(absence.has_value(), absence ? absence->end : QDateTime());
    if (PasswordAge::isReminderDue(*m_account, now, m_policy.passwordMaxAgeDays))
        m_window->showPasswordReminder(PasswordAge::ageInDays(*m_account, now));
    if (!m_account->passwordChangedAt.isValid() && m_account->credentialMode != CredentialMode::Passcode &&
        !m_account->sharedWorkstation) {
        // Accounts made before the reminder existed (or by the CLI) start counting now.
        m_account->passwordChangedAt = now;
        saveAccount();
    }

    Q_EMIT sessionStarted();
    if (!knownSecret.isEmpty())
        useSecret(knownSecret, false);
    else
        obtainSecret();
}

void SessionLauncher::obtainSecret()
{
    if (!m_account || !m_services)
        return;
    switch (m_account->credentialMode) {
    case CredentialMode::Passcode:
        askSecret(tr("Type your PIN followed by the code shown on your key."));
        return;
    case CredentialMode::AskAtStart:
        askSecret(tr("Your password is not stored on this computer."));
        return;
    case CredentialMode::Keychain:
        break;
    }
    if (m_account->sharedWorkstation) {
        askSecret(tr("Shared computer: your password will be forgotten when you sign out or quit."));
        return;
    }
    QPointer<SessionLauncher> self(this);
    m_credentials->readPassword(m_account->id, [self](const CredentialStore::Result &result) {
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

void SessionLauncher::askSecret(const QString &reason)
{
    if (!m_window || !m_services || !m_account)
        return;
    const bool passcode = m_account->credentialMode == CredentialMode::Passcode;
    const auto secret = PasswordPrompt::ask(
        m_window, passcode ? tr("Passcode") : tr("Password"),
        tr("%1\n%2 for %3:").arg(reason, passcode ? tr("Passcode") : tr("Password"), m_account->address),
        passcode ? tr("Passcode:") : tr("Password:"));
    if (!secret) {
        m_window->banner()->showMessage(
            NotificationBanner::Level::Warning,
            tr("Without a password, only the mail already on this computer can be read.").toHtmlEscaped() +
                commandLink("password", passcode ? tr("Type a passcode…") : tr("Type my password…")));
        return;
    }
    useSecret(*secret, true);
}

void SessionLauncher::useSecret(const QString &secret, bool typedByUser)
{
    if (!m_services || !m_account)
        return;
    m_secret = m_account->credentialMode == CredentialMode::Passcode ? QString() : secret;
    m_storeOnSuccess = typedByUser && m_account->credentialMode == CredentialMode::Keychain &&
                       !m_account->sharedWorkstation && !m_keychainUnavailable;
    m_services->setPassword(secret);
    m_services->session()->refreshFolders();
}

void SessionLauncher::onFoldersChanged()
{
    // The server accepted the secret: background syncs (and push) can start.
    SyncScheduler *scheduler = m_services ? m_services->scheduler() : nullptr;
    if (scheduler && !scheduler->isSyncing() && !scheduler->lastSuccess().isValid()) {
        if (m_services->idleWatcher() && !m_secret.isEmpty())
            scheduler->setIdleWatcher(m_services->idleWatcher(), m_secret);
        scheduler->start();
        // Messages left in the outbox by an earlier session (or a crash) go out now.
        m_services->outboxSender()->processNow(false);
        refreshServerAbsence();
    }
    if (!m_storeOnSuccess || !m_account)
        return;
    m_storeOnSuccess = false;
    QPointer<SessionLauncher> self(this);
    m_credentials->writePassword(m_account->id, m_secret, [self](const CredentialStore::Result &result) {
        if (!self || !self->m_account || !result.ok())
            return;
        // A password typed again after a refusal is usually a new one.
        self->m_account->passwordChangedAt = Clock::currentDateTimeUtc();
        self->saveAccount();
        self->m_window->reminderBanner()->hide();
    });
}

void SessionLauncher::onSessionError(const ServiceError &error)
{
    if (!m_window || !m_account)
        return;
    const bool passcode = m_account->credentialMode == CredentialMode::Passcode;
    switch (error.kind) {
    case ServiceError::Kind::Authentication:
        m_window->banner()->showMessage(NotificationBanner::Level::Error,
                                        u"<b>"_s + error.message.toHtmlEscaped() + u"</b>"_s +
                                            commandLink("password", passcode
                                                                        ? tr("Type a new passcode…")
                                                                        : tr("Type my password again…")) +
                                            HelpTexts::wrongPassword(m_window->help(), passcode),
                                        error.technical);
        break;
    case ServiceError::Kind::Certificate:
        m_lastTlsFailure = error.tlsFailure;
        if (m_lastTlsFailure) {
            m_window->banner()->showMessage(NotificationBanner::Level::Error,
                                            error.message.toHtmlEscaped() +
                                                commandLink("certificate", tr("View the certificate…")),
                                            error.technical);
        }
        break;
    default:
        break;
    }
}

void SessionLauncher::onCommandLink(const QString &link)
{
    const QString command = QUrl(link).path();
    if (command == "setup"_L1) {
        openAssistant();
    } else if (command == "password"_L1) {
        askSecret(tr("Type your password again."));
    } else if (command == "certificate"_L1) {
        trustCertificate();
    } else if (command == "signin"_L1 && m_account) {
        startSession(*m_account);
    } else if (command == "endabsence"_L1) {
        openSettings(u"absencePage"_s, true);
    }
}

void SessionLauncher::trustCertificate()
{
    if (!m_lastTlsFailure || !m_account)
        return;
    const auto pin = CertificateDialog::ask(m_window, *m_lastTlsFailure);
    if (!pin)
        return;
    Account account = *m_account;
    if (!account.pinnedCertificates.contains(*pin))
        account.pinnedCertificates.append(*pin);
    m_account = account;
    saveAccount();
    const QString secret = m_secret;
    startSession(account, secret);
}

void SessionLauncher::openSettings(const QString &page, bool endAbsence)
{
    if (!m_account || !m_window)
        return;
    auto *dialog = new SettingsDialog(m_profile, *m_account, m_policy, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setPassword(m_secret);
    connect(dialog, &SettingsDialog::absenceStateChanged, m_window, &MainWindow::showAbsenceActive);
    connect(dialog, &SettingsDialog::clearCacheRequested, this, &SessionLauncher::clearCache);
    if (!page.isEmpty())
        dialog->showPage(page);
    if (endAbsence)
        dialog->endAbsenceWhenLoaded();
    dialog->open();
    dialog->loadServerSettings();
}

void SessionLauncher::refreshServerAbsence()
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
        AbsenceStore::rememberServerVacation(m_profile, **vacation);
        const auto absence = AbsenceStore::activeAt(m_profile, Clock::currentDateTimeUtc());
        if (m_window)
            m_window->showAbsenceActive(absence.has_value(), absence ? absence->end : QDateTime());
    });
}

void SessionLauncher::runAutoResponder()
{
    if (!m_services)
        return;
    const AutoResponder::Result result = m_services->respondToAbsence();
    if (!result.error.isEmpty())
        qCWarning(lcAccount).noquote() << result.error;
    // The period may have ended since the start: the banner follows.
    const auto absence = AbsenceStore::activeAt(m_profile, Clock::currentDateTimeUtc());
    if (m_window)
        m_window->showAbsenceActive(absence.has_value(), absence ? absence->end : QDateTime());
}

void SessionLauncher::clearCache()
{
    if (!m_account)
        return;
    // The session's worker and the window hold the cache open: close them before removing it.
    const Account account = *m_account;
    const QString secret = m_secret;
    endSession();
    QStringList problems;
    if (!AccountStorage(m_profile, account.id).wipeLocalData(&problems))
        qCWarning(lcCache).noquote() << "cache not fully removed:" << problems.join(u"; "_s);
    startSession(account, secret);
}

void SessionLauncher::saveAccount()
{
    if (!m_account)
        return;
    QString error;
    if (!m_profile.saveAccount(*m_account, &error))
        qCWarning(lcAccount).noquote() << error;
}

void SessionLauncher::endSession()
{
    // A sign-out still sending is over: the session it waited on goes.
    delete m_signOutSending;
    m_signOutSending = nullptr;
    // It holds a copy of the password and a connection: let it end first (5 s at most).
    m_absenceTask.reset();
    if (m_window && m_services)
        m_window->removeAccount(m_services->account().id);
    m_services.reset();
    m_secret.clear();
    m_storeOnSuccess = false;
    m_lastTlsFailure.reset();
}

void SessionLauncher::eraseSharedAccount(const Account &account)
{
    const AccountStorage::EraseResult result =
        AccountStorage(m_profile, account.id).eraseAllAndWait(m_credentials);
    if (!result.ok)
        qCWarning(lcAccount).noquote() << "shared session not fully erased:" << result.problems.join(u"; "_s);
}

void SessionLauncher::signOut()
{
    if (m_signOutSending)
        return; // already sending before signing out
    // Shared workstation: nothing can be sent later from another computer, so the outbox goes now.
    OutboxSender *outbox = m_services ? m_services->outboxSender() : nullptr;
    if (m_account && m_account->sharedWorkstation && outbox && !outbox->outbox().entries().isEmpty()) {
        m_window->banner()->showMessage(
            NotificationBanner::Level::Information,
            tr("Sending the messages waiting in the outbox before signing out…").toHtmlEscaped());
        m_signOutSending = new OutboxDrain(outbox, this);
        m_signOutSending->setTimeout(m_signOutSendingTimeout);
        connect(m_signOutSending, &OutboxDrain::finished, this, &SessionLauncher::afterSignOutSending);
        m_signOutSending->start();
        return;
    }
    completeSignOut();
}

void SessionLauncher::afterSignOutSending(const QList<OutboxEntry> &unsent)
{
    m_signOutSending->deleteLater();
    m_signOutSending = nullptr;
    if (!unsent.isEmpty()) {
        QStringList subjects;
        for (const OutboxEntry &entry : unsent)
            subjects.append(entry.subject);
        if (!UnsentMailPrompt::confirmDeletion(m_window, subjects)) {
            m_window->banner()->showMessage(
                NotificationBanner::Level::Warning,
                tr("You are still signed in: the messages wait in the outbox.").toHtmlEscaped());
            return;
        }
        qCInfo(lcAccount).noquote() << "signing out of a shared workstation:" << unsent.size()
                                    << "unsent messages deleted at the user's request";
    }
    m_window->banner()->hide();
    completeSignOut();
}

void SessionLauncher::completeSignOut()
{
    endSession();
    const std::optional<Account> account = std::exchange(m_account, std::nullopt);
    if (account && account->sharedWorkstation) {
        eraseSharedAccount(*account);
        m_window->showNoAccount(m_profile.directory());
        Q_EMIT signedOut();
        openAssistant();
        return;
    }
    m_account = account;
    m_window->banner()->showMessage(NotificationBanner::Level::Information,
                                    tr("You are signed out.").toHtmlEscaped() +
                                        commandLink("signin", tr("Sign in again")));
    Q_EMIT signedOut();
}

void SessionLauncher::finish()
{
    if (m_assistant)
        m_assistant->reject();
    OutboxSender *outbox = m_services ? m_services->outboxSender() : nullptr;
    if (m_account && m_account->sharedWorkstation && outbox && !outbox->outbox().entries().isEmpty()) {
        // Quitting: one last attempt to send, since the files go next; there is no one to ask
        // any more (the window is closed), so what cannot be sent is lost, and logged.
        delete std::exchange(m_signOutSending, nullptr);
        OutboxDrain sending(outbox);
        sending.setTimeout(m_signOutSendingTimeout);
        QEventLoop loop;
        qsizetype left = 0;
        connect(&sending, &OutboxDrain::finished, &loop, [&](const QList<OutboxEntry> &unsent) {
            left = unsent.size();
            loop.quit();
        });
        sending.start();
        loop.exec();
        if (left > 0)
            qCWarning(lcAccount).noquote()
                << "quitting a shared workstation:" << left << "unsent messages deleted";
    }
    endSession();
    // Other accounts on a shared workstation are erased on quitting too, once stopped.
    QList<Account> sharedOthers;
    for (const AccountServices *services : m_others.all()) {
        if (services->account().sharedWorkstation)
            sharedOthers.append(services->account());
    }
    while (!m_others.isEmpty())
        stopOtherAccount(m_others.ids().constFirst());
    for (const Account &shared : std::as_const(sharedOthers))
        eraseSharedAccount(shared);
    if (m_account && m_account->sharedWorkstation)
        eraseSharedAccount(*m_account);
    m_account.reset();
}

AccountServices *SessionLauncher::servicesOf(const QString &accountId) const
{
    if (m_services && m_services->account().id == accountId)
        return m_services.get();
    return m_others.find(accountId);
}

void SessionLauncher::startOtherAccount(const Account &account, const QString &knownSecret)
{
    if (servicesOf(account.id))
        return;
    QString trustError;
    std::unique_ptr<AccountServices> created =
        AccountServices::create(m_profile, m_policy, account, &trustError);
    if (!created) {
        m_window->banner()->showMessage(NotificationBanner::Level::Error,
                                        tr("%1: %2").arg(account.displayName(), trustError).toHtmlEscaped());
        return;
    }
    AccountServices *services = m_others.add(std::move(created));
    const QString id = account.id;
    m_window->addAccount(services, services->account().displayName());
    syncWindowAccounts();
    const OfflinePolicy offline = OfflinePolicy::load(m_profile);
    services->startBackgroundSync(offline.syncOptions(), std::chrono::minutes(offline.syncIntervalMinutes));
    AccountSession *session = services->session();
    SyncScheduler *scheduler = services->scheduler();
    connect(session, &AccountSession::syncProgress, m_window, &MainWindow::showSyncProgress);
    connect(m_window, &MainWindow::syncRequested, scheduler, &SyncScheduler::requestSync);
    if (IdleWatcher *push = services->idleWatcher())
        connect(push, &IdleWatcher::folderChanged, scheduler, &SyncScheduler::requestSync);
    // Each account sends its own outbox: the composer writes to the sending account's.
    OutboxSender *outbox = services->outboxSender();
    connect(m_window, &MainWindow::outboxQueued, outbox, [outbox] { outbox->processNow(); });
    connect(session, &AccountSession::foldersChanged, services, [this, id] {
        // The server accepted the secret: background syncs, push and the outbox start.
        AccountServices *opened = servicesOf(id);
        SyncScheduler *background = opened ? opened->scheduler() : nullptr;
        if (background && !background->isSyncing() && !background->lastSuccess().isValid()) {
            const QString secret = m_otherSecrets.value(id);
            if (opened->idleWatcher() && !secret.isEmpty())
                background->setIdleWatcher(opened->idleWatcher(), secret);
            background->start();
            opened->outboxSender()->processNow(false);
        }
        if (m_otherStoreOnSuccess.remove(id))
            m_credentials->writePassword(id, m_otherSecrets.value(id),
                                         [](const CredentialStore::Result &) {});
    });
    connect(session, &AccountSession::errorOccurred, services, [this, id](const ServiceError &error) {
        if (error.kind != ServiceError::Kind::Authentication)
            return;
        // Asked again once; the banner (from the window) says which account refused it.
        if (m_otherStoreOnSuccess.contains(id))
            askOtherSecret(id, error.message);
    });
    Q_EMIT otherAccountStarted(id);
    if (!knownSecret.isEmpty())
        useOtherSecret(id, knownSecret, false);
    else
        obtainOtherSecret(id);
}

void SessionLauncher::obtainOtherSecret(const QString &accountId)
{
    AccountServices *services = servicesOf(accountId);
    if (!services)
        return;
    const Account &account = services->account();
    if (account.credentialMode == CredentialMode::Passcode) {
        askOtherSecret(accountId, tr("Type your PIN followed by the code shown on your key."));
        return;
    }
    if (account.credentialMode == CredentialMode::AskAtStart || account.sharedWorkstation) {
        askOtherSecret(accountId, tr("Your password is not stored on this computer."));
        return;
    }
    QPointer<SessionLauncher> self(this);
    m_credentials->readPassword(accountId, [self, accountId](const CredentialStore::Result &result) {
        if (!self)
            return;
        if (result.ok())
            self->useOtherSecret(accountId, result.secret, false);
        else
            self->askOtherSecret(accountId, result.message);
    });
}

void SessionLauncher::askOtherSecret(const QString &accountId, const QString &reason)
{
    AccountServices *services = servicesOf(accountId);
    if (!m_window || !services)
        return;
    const Account account = services->account();
    const bool passcode = account.credentialMode == CredentialMode::Passcode;
    const auto secret = PasswordPrompt::ask(
        m_window, passcode ? tr("Passcode") : tr("Password"),
        tr("%1\n%2 for %3:").arg(reason, passcode ? tr("Passcode") : tr("Password"), account.address),
        passcode ? tr("Passcode:") : tr("Password:"));
    if (!secret) {
        m_window->banner()->showMessage(
            NotificationBanner::Level::Warning,
            tr("%1: without a password, only the mail already on this computer can be read.")
                .arg(account.displayName())
                .toHtmlEscaped());
        return;
    }
    useOtherSecret(accountId, *secret, true);
}

void SessionLauncher::useOtherSecret(const QString &accountId, const QString &secret, bool typedByUser)
{
    AccountServices *services = servicesOf(accountId);
    if (!services)
        return;
    const Account &account = services->account();
    m_otherSecrets.insert(accountId, account.credentialMode == CredentialMode::Passcode ? QString() : secret);
    if (typedByUser && account.credentialMode == CredentialMode::Keychain && !account.sharedWorkstation)
        m_otherStoreOnSuccess.insert(accountId);
    services->setPassword(secret);
    services->session()->refreshFolders();
}

void SessionLauncher::stopOtherAccount(const QString &accountId)
{
    // The window lets go of it first: it must not read a session being destroyed.
    if (m_window)
        m_window->removeAccount(accountId);
    m_others.take(accountId).reset();
    m_otherSecrets.remove(accountId);
    m_otherStoreOnSuccess.remove(accountId);
}

void SessionLauncher::syncWindowAccounts()
{
    m_others.sortLike(m_profile.accounts());
    if (m_window)
        m_window->setAccountOrder(m_profile.accounts());
}

void SessionLauncher::renameAccount(const QString &accountId, const QString &label)
{
    std::optional<Account> account = m_profile.account(accountId);
    if (!account)
        return;
    QString name = label;
    if (name.isEmpty()) {
        bool ok = false;
        name = QInputDialog::getText(m_window, tr("Rename the account"),
                                     tr("Name shown for %1:").arg(account->address), QLineEdit::Normal,
                                     account->displayName(), &ok)
                   .trimmed();
        if (!ok)
            return;
    }
    account->label = name == account->address ? QString() : name;
    QString error;
    if (!m_profile.saveAccount(*account, &error)) {
        m_window->banner()->showMessage(NotificationBanner::Level::Error, error.toHtmlEscaped());
        return;
    }
    if (m_account && m_account->id == accountId)
        m_account->label = account->label;
    syncWindowAccounts();
}

void SessionLauncher::moveAccount(const QString &accountId, int delta)
{
    const QList<Account> accounts = m_profile.accounts();
    qsizetype position = -1;
    for (qsizetype i = 0; i < accounts.size(); ++i) {
        if (accounts.at(i).id == accountId)
            position = i;
    }
    if (position < 0)
        return;
    QString error;
    if (!m_profile.moveAccount(accountId, std::max<qsizetype>(0, position + delta), &error)) {
        m_window->banner()->showMessage(NotificationBanner::Level::Error, error.toHtmlEscaped());
        return;
    }
    syncWindowAccounts();
}

void SessionLauncher::removeAccount(const QString &accountId)
{
    const std::optional<Account> account = m_profile.account(accountId);
    if (!account)
        return;
    AccountServices *services = servicesOf(accountId);
    const qsizetype unsent =
        services ? services->outboxSender()->outbox().entries().size()
                 : Outbox(AccountPaths(m_profile.directory(), accountId).outboxDirectory()).entries().size();
    if (!AccountRemovalPrompt::confirm(m_window, account->displayName(), unsent))
        return;
    // Its worker and the window hold its cache open: both let go before the files are erased.
    if (m_services && m_services->account().id == accountId) {
        endSession();
        m_account.reset();
    } else {
        stopOtherAccount(accountId);
    }
    QPointer<SessionLauncher> self(this);
    AccountStorage(m_profile, accountId)
        .eraseAll(m_credentials, [self, accountId](const AccountStorage::EraseResult &result) {
            if (!self)
                return;
            if (!result.ok) {
                qCWarning(lcAccount).noquote()
                    << "account not fully erased:" << result.problems.join(u"; "_s);
                self->m_window->banner()->showMessage(NotificationBanner::Level::Error,
                                                      result.problems.join(u"\n"_s).toHtmlEscaped());
            }
            self->syncWindowAccounts();
            if (self->m_profile.accounts().isEmpty())
                self->m_window->showNoAccount(self->m_profile.directory());
            Q_EMIT self->accountRemoved(accountId, result.ok);
        });
}

} // namespace Amiens
