#pragma once

#include "account/Profile.h"
#include "settings/SitePolicy.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <chrono>
#include <memory>
#include <optional>
#include <vector>

namespace Amiens {

class AccountAssistant;
class AccountLauncher;
class AccountServices;
class AccountSession;
class CredentialStore;
class MainWindow;
class OutboxDrain;
class SyncScheduler;

/// Opens every account of the profile in the window (one AccountLauncher each, the first like
/// the others), or the first-run assistant when there is none; adds, renames, reorders and
/// removes accounts; opens the settings of the account being read; and signs out of all of
/// them: on a shared workstation that first sends what waits in the outboxes, asks about what
/// cannot be sent, then erases every account with its password and files.
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
    /// Opens @p account beside those already open (again, if it was); @p knownSecret (just typed
    /// in the assistant) avoids asking again. A failure shows its banner and leaves the others.
    void startSession(const Account &account, const QString &knownSecret = {});
    /// "Se déconnecter", for every account. On a shared workstation with mail in an outbox, it
    /// ends later (signedOut()) or not at all, when the user keeps the unsent messages.
    void signOut();
    /// How long a shared sign-out waits for the outboxes to be sent (tests shorten it).
    void setSignOutSendingTimeout(std::chrono::milliseconds timeout) { m_signOutSendingTimeout = timeout; }
    /// File > "Paramètres…" for @p accountId (empty: the account being read); @p page selects a
    /// page, @p endAbsence turns the absence off at once.
    void openSettings(const QString &page = {}, bool endAbsence = false, const QString &accountId = {});
    /// Quitting: ends every session and, on a shared workstation, erases everything (waits).
    void finish();

    /// The first open account's (the profile's order): its session, scheduler and account.
    [[nodiscard]] AccountSession *session() const;
    [[nodiscard]] SyncScheduler *scheduler() const;
    [[nodiscard]] std::optional<Account> account() const;
    [[nodiscard]] AccountAssistant *assistant() const;
    /// The services of an open account, nullptr when it is not open.
    [[nodiscard]] AccountServices *servicesOf(const QString &accountId) const;
    /// The ids of the open accounts, in the profile's order.
    [[nodiscard]] QStringList openAccountIds() const;
    /// « Supprimer le compte… »: after the user agrees (and to lose its unsent mail, if any),
    /// stops the account and erases its files, keychain entry and profile entry, nothing else.
    void removeAccount(const QString &accountId);
    /// « Renommer… » with @p label (empty: asks), « Monter / Descendre ».
    void renameAccount(const QString &accountId, const QString &label = {});
    void moveAccount(const QString &accountId, int delta);

Q_SIGNALS:
    void assistantOpened();
    /// An account was opened (its services exist, its secret is being obtained).
    void accountOpened(const QString &accountId);
    /// The first account of a start (or of a sign-in) was opened.
    void sessionStarted();
    /// An account was erased (@p ok: every file and its keychain entry).
    void accountRemoved(const QString &accountId, bool ok);
    void signedOut();

private:
    [[nodiscard]] AccountLauncher *launcherOf(const QString &accountId) const;
    /// The services of the first account (profile order) that could be opened.
    [[nodiscard]] AccountServices *firstOpenServices() const;
    /// Stops @p accountId's services (the window lets go first); its files stay.
    void closeAccount(const QString &accountId);
    void closeAll();
    void onCommandLink(const QString &link);
    /// The absence banner: the first account (in the profile's order) whose absence runs.
    void updateAbsenceBanner();
    void eraseSharedAccount(const Account &account);
    /// Shared workstation: after the outboxes' last attempt, asks about what is left.
    void afterSignOutSending();
    void completeSignOut();
    /// The launchers and the window's roots follow the profile's order and names.
    void syncWindowAccounts();
    void clearCache(const QString &accountId);

    Profile m_profile;
    SitePolicy m_policy;
    QPointer<MainWindow> m_window;
    /// One per open account, in the profile's order.
    std::vector<std::unique_ptr<AccountLauncher>> m_launchers;
    /// While a shared sign-out sends the outboxes: one per account with mail waiting.
    QList<OutboxDrain *> m_signOutSending;
    QStringList m_signOutUnsent; ///< subjects the drains could not send
    std::chrono::milliseconds m_signOutSendingTimeout = std::chrono::seconds(60);
    /// The accounts closed by a (non-shared) sign-out, opened again by « Se reconnecter ».
    QList<Account> m_signedOutAccounts;
    CredentialStore *m_credentials = nullptr;
    QPointer<AccountAssistant> m_assistant;
};

} // namespace Amiens
