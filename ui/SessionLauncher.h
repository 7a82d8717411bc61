#pragma once

#include "account/Profile.h"
#include "net/ServiceError.h"
#include "outbox/OutboxEntry.h"
#include "services/AccountServicesList.h"
#include "settings/SitePolicy.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <chrono>
#include <memory>
#include <optional>

namespace Amiens {

class AccountAssistant;
class BackgroundTask;
class AccountServices;
class AccountSession;
class CredentialStore;
class MainWindow;
class OutboxDrain;
class SyncScheduler;

/// Opens the profile's account in a window, or the first-run assistant when there is none. It
/// gets the secret the account's mode calls for (keychain, typed at start, OTP passcode), offers
/// the next steps when the server refuses it or its certificate, and signs out: on a shared
/// workstation that first sends what waits in the outbox, asks about what cannot be sent, then
/// erases the password, every file of the account and the account.
class SessionLauncher : public QObject
{
    Q_OBJECT
public:
    SessionLauncher(Profile profile, MainWindow *window, QObject *parent = nullptr);
    ~SessionLauncher() override;

    /// Replaces the site policy read from the system (tests).
    void setSitePolicy(SitePolicy policy) { m_policy = std::move(policy); }

    void start();
    void openAssistant();
    /// Opens @p account; @p knownSecret (just typed in the assistant) avoids asking again.
    void startSession(const Account &account, const QString &knownSecret = {});
    /// "Se déconnecter". On a shared workstation with mail in the outbox, it ends later (signedOut())
    /// or not at all, when the user keeps the unsent messages.
    void signOut();
    /// How long a shared sign-out waits for the outbox to be sent (tests shorten it).
    void setSignOutSendingTimeout(std::chrono::milliseconds timeout) { m_signOutSendingTimeout = timeout; }
    /// File > "Paramètres…"; @p page selects a page, @p endAbsence turns the absence off at once.
    void openSettings(const QString &page = {}, bool endAbsence = false);
    /// Quitting: ends the session and, on a shared workstation, erases everything (waits).
    void finish();

    [[nodiscard]] AccountSession *session() const;
    [[nodiscard]] SyncScheduler *scheduler() const;
    [[nodiscard]] AccountAssistant *assistant() const;
    [[nodiscard]] std::optional<Account> account() const { return m_account; }
    /// The services of any open account (the first or another), nullptr when not open.
    [[nodiscard]] AccountServices *servicesOf(const QString &accountId) const;
    /// Opens another account of the profile beside the first one (its own password, services
    /// and root in the window); a failure shows its banner and leaves the others running.
    void startOtherAccount(const Account &account, const QString &knownSecret = {});
    /// « Supprimer le compte… »: after the user agrees (and to lose its unsent mail, if any),
    /// stops the account and erases its files, keychain entry and profile entry, nothing else.
    void removeAccount(const QString &accountId);
    /// « Renommer… » with @p label (empty: asks), « Monter / Descendre ».
    void renameAccount(const QString &accountId, const QString &label = {});
    void moveAccount(const QString &accountId, int delta);

Q_SIGNALS:
    void assistantOpened();
    void sessionStarted();
    /// Another account's services were started.
    void otherAccountStarted(const QString &accountId);
    /// An account was erased (@p ok: every file and its keychain entry).
    void accountRemoved(const QString &accountId, bool ok);
    void signedOut();

private:
    void obtainSecret();
    void askSecret(const QString &reason);
    void useSecret(const QString &secret, bool typedByUser);
    void onFoldersChanged();
    void onSessionError(const ServiceError &error);
    void onCommandLink(const QString &link);
    void trustCertificate();
    void endSession();
    void eraseSharedAccount(const Account &account);
    /// Shared workstation: after the outbox's last attempt, asks about what is left.
    void afterSignOutSending(const QList<OutboxEntry> &unsent);
    void completeSignOut();
    void saveAccount();
    /// Another account: its secret from the keychain, or asked.
    void obtainOtherSecret(const QString &accountId);
    void askOtherSecret(const QString &accountId, const QString &reason);
    void useOtherSecret(const QString &accountId, const QString &secret, bool typedByUser);
    void stopOtherAccount(const QString &accountId);
    /// The window's roots follow the profile's order and names.
    void syncWindowAccounts();
    void clearCache();
    /// After each sync: the client-side out-of-office responder, when the profile has it on.
    void runAutoResponder();
    /// Reads the server's out-of-office rules in the background, for the banner.
    void refreshServerAbsence();

    Profile m_profile;
    SitePolicy m_policy;
    QPointer<MainWindow> m_window;
    /// The open account's trust, session, outbox and background sync (core).
    std::unique_ptr<AccountServices> m_services;
    /// The profile's other accounts, each with its own services (and secret, in memory only).
    AccountServicesList m_others;
    QHash<QString, QString> m_otherSecrets;
    QSet<QString> m_otherStoreOnSuccess;     ///< typed passwords written to the keychain once accepted
    OutboxDrain *m_signOutSending = nullptr; ///< while a shared sign-out sends the outbox
    std::chrono::milliseconds m_signOutSendingTimeout = std::chrono::seconds(60);
    std::unique_ptr<BackgroundTask> m_absenceTask;
    CredentialStore *m_credentials = nullptr;
    QPointer<AccountAssistant> m_assistant;
    std::optional<Account> m_account;
    std::optional<TlsFailure> m_lastTlsFailure;
    QString m_secret;              ///< in memory for this session only
    bool m_storeOnSuccess = false; ///< a typed password goes to the keychain once the server accepts it
    bool m_keychainUnavailable = false;
};

} // namespace Amiens
