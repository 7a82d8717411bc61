#pragma once

#include "account/Profile.h"
#include "net/ServiceError.h"
#include "outbox/OutboxEntry.h"
#include "settings/SitePolicy.h"

#include <QList>
#include <QObject>
#include <QPointer>
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

Q_SIGNALS:
    void assistantOpened();
    void sessionStarted();
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
