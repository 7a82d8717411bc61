#pragma once

#include "account/Account.h"
#include "account/Profile.h"
#include "autoreply/AutoResponder.h"
#include "net/TlsTrust.h"
#include "settings/SitePolicy.h"
#include "sieve/ManageSieveClient.h"
#include "sync/SyncOptions.h"

#include <QCoreApplication>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <chrono>
#include <memory>
#include <optional>

namespace Amiens {

class AccountSession;
class DraftSynchronizer;
class IdleWatcher;
class OutboxSender;
class SyncScheduler;

/// Everything that works for one account, built in one place from the profile, the site policy and
/// the account (as Trojitá's ImapAccess): the account with the site's rules applied, its TLS trust
/// (the account's CA file and pinned certificates plus the site's CA bundle), the IMAP session,
/// background sync and push, the outbox sender, the ManageSieve settings, the automatic replies
/// and the phishing report. The window (through SessionLauncher, which keeps only prompts and
/// banners) and the CLI both use it, so they cannot drift apart; nothing in it is global, so
/// several can live at once, one per account.
class AccountServices : public QObject
{
    Q_OBJECT

public:
    /// Nothing, and @p error in the interface language, when the trust cannot be built (the
    /// account's CA file is missing or unreadable).
    [[nodiscard]] static std::unique_ptr<AccountServices>
    create(Profile profile, SitePolicy policy, Account account, QString *error, QObject *parent = nullptr);
    ~AccountServices() override;

    [[nodiscard]] const Account &account() const { return m_account; }
    [[nodiscard]] const Profile &profile() const { return m_profile; }
    [[nodiscard]] const SitePolicy &sitePolicy() const { return m_policy; }
    [[nodiscard]] const TlsTrust &trust() const { return m_trust; }
    [[nodiscard]] QString cachePath() const;
    [[nodiscard]] QString outboxDirectory() const;

    /// The account's IMAP session (its worker thread), made on first use, with its cache.
    [[nodiscard]] AccountSession *session();
    /// The outbox sender, made on first use; it sends through session().
    [[nodiscard]] OutboxSender *outboxSender();
    /// The account's local drafts kept in step with its Drafts folder, made on first use.
    [[nodiscard]] DraftSynchronizer *draftSynchronizer();
    /// Background sync every @p interval, and push on INBOX unless the account signs in with a
    /// one-time passcode (a passcode cannot open a second connection).
    void startBackgroundSync(const SyncOptions &options, std::chrono::minutes interval);
    [[nodiscard]] SyncScheduler *scheduler() const { return m_scheduler; }
    [[nodiscard]] IdleWatcher *idleWatcher() const { return m_idleWatcher; }

    /// The secret for the session, and for the outbox unless it is a passcode (it works once).
    void setPassword(const QString &secret);

    /// How to reach the account's ManageSieve server, with this account's trust.
    [[nodiscard]] ManageSieveClient::Settings manageSieveSettings() const;
    /// The same without an AccountServices (the settings dialog, the CLI's settings commands):
    /// nothing, and @p error, when the trust cannot be built.
    [[nodiscard]] static std::optional<ManageSieveClient::Settings>
    manageSieveSettings(const SitePolicy &policy, const Account &account, QString *error);

    /// The client-side out-of-office replies due after a sync, queued in the outbox and sent
    /// with whatever else waits there.
    AutoResponder::Result respondToAbsence();

    /// "Signaler comme hameçonnage": the report to the site's security address, queued in the
    /// outbox (on disk before the message moves). Its outbox id; an empty id when the site names no
    /// address; nothing, and @p error, when it could not be queued.
    [[nodiscard]] std::optional<QString> queuePhishingReport(const QByteArray &original, QString *error);
    struct QueuedReports
    {
        QStringList outboxIds;        ///< the reports queued, in order (none when the site names no address)
        std::optional<QString> error; ///< why the next one could not be queued; the earlier ones stay
    };
    /// The same for several messages, one report each, stopping at the first that cannot be queued.
    [[nodiscard]] QueuedReports queuePhishingReports(const QList<QByteArray> &originals);

private:
    AccountServices(Profile profile, SitePolicy policy, Account account, TlsTrust trust, QObject *parent);

    Profile m_profile;
    SitePolicy m_policy;
    Account m_account;
    TlsTrust m_trust;
    AccountSession *m_session = nullptr;
    OutboxSender *m_outbox = nullptr;
    DraftSynchronizer *m_drafts = nullptr;
    SyncScheduler *m_scheduler = nullptr;
    IdleWatcher *m_idleWatcher = nullptr;
};

} // namespace Amiens
