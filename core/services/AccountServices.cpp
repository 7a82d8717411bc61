#include "AccountServices.h"

#include "account/AccountPaths.h"
#include "drafts/DraftSynchronizer.h"
#include "outbox/Outbox.h"
#include "outbox/OutboxSender.h"
#include "security/PhishingReport.h"
#include "session/AccountSession.h"
#include "session/SyncScheduler.h"
#include "sync/IdleWatcher.h"

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

ManageSieveClient::Settings sieveSettingsWith(const Account &account, const TlsTrust &trust)
{
    const ServerEndpoint endpoint = account.sieveEndpoint();
    ManageSieveClient::Settings settings;
    settings.host = endpoint.host;
    settings.port = endpoint.port;
    settings.security = endpoint.security;
    settings.login = endpoint.login;
    settings.trust = trust;
    return settings;
}

} // namespace

std::unique_ptr<AccountServices> AccountServices::create(Profile profile, SitePolicy policy, Account account,
                                                         QString *error, QObject *parent)
{
    policy.applyTo(account);
    auto trust = policy.trustFor(account, error);
    if (!trust)
        return nullptr;
    return std::unique_ptr<AccountServices>(new AccountServices(
        std::move(profile), std::move(policy), std::move(account), std::move(*trust), parent));
}

AccountServices::AccountServices(Profile profile, SitePolicy policy, Account account, TlsTrust trust,
                                 QObject *parent)
    : QObject(parent)
    , m_profile(std::move(profile))
    , m_policy(std::move(policy))
    , m_account(std::move(account))
    , m_trust(std::move(trust))
{
}

AccountServices::~AccountServices()
{
    // The scheduler and the push connection use the session, and the outbox sends through it:
    // they go first.
    delete m_scheduler;
    delete m_outbox;
    delete m_drafts;
    delete m_idleWatcher;
    delete m_session;
}

QString AccountServices::cachePath() const
{
    return AccountPaths(m_profile.directory(), m_account.id).cacheFile();
}

QString AccountServices::outboxDirectory() const
{
    return AccountPaths(m_profile.directory(), m_account.id).outboxDirectory();
}

AccountSession *AccountServices::session()
{
    if (!m_session) {
        m_session = new AccountSession(m_account, m_trust);
        m_session->setCachePath(cachePath());
    }
    return m_session;
}

OutboxSender *AccountServices::outboxSender()
{
    if (!m_outbox)
        m_outbox = new OutboxSender(m_account, m_trust, outboxDirectory(), session());
    return m_outbox;
}

DraftSynchronizer *AccountServices::draftSynchronizer()
{
    if (!m_drafts)
        m_drafts = new DraftSynchronizer(AccountPaths(m_profile.directory(), m_account.id).draftsDirectory(),
                                         session());
    return m_drafts;
}

void AccountServices::startBackgroundSync(const SyncOptions &options, std::chrono::minutes interval)
{
    if (m_scheduler)
        return;
    m_scheduler = new SyncScheduler(session(), options);
    // Drafts saved offline reach the Drafts folder once a sync shows the server is back.
    DraftSynchronizer *drafts = draftSynchronizer();
    connect(session(), &AccountSession::syncFinished, drafts, [drafts] { drafts->syncAll(); });
    m_scheduler->setPollInterval(interval);
    if (m_account.credentialMode != CredentialMode::Passcode)
        m_idleWatcher = new IdleWatcher(m_account, m_trust, u"INBOX"_s);
}

void AccountServices::setPassword(const QString &secret)
{
    const bool passcode = m_account.credentialMode == CredentialMode::Passcode;
    session()->setPassword(secret, passcode);
    // A passcode works once: the outbox then waits for the next one.
    if (!passcode)
        outboxSender()->setPassword(secret);
}

ManageSieveClient::Settings AccountServices::manageSieveSettings() const
{
    return sieveSettingsWith(m_account, m_trust);
}

std::optional<ManageSieveClient::Settings>
AccountServices::manageSieveSettings(const SitePolicy &policy, const Account &account, QString *error)
{
    const auto trust = policy.trustFor(account, error);
    if (!trust)
        return std::nullopt;
    return sieveSettingsWith(account, *trust);
}

AutoResponder::Result AccountServices::respondToAbsence()
{
    const AutoResponder::Result result = AutoResponder::runAfterSync(m_profile, m_account);
    if (result.queued > 0)
        outboxSender()->processNow();
    return result;
}

std::optional<QString> AccountServices::queuePhishingReport(const QByteArray &original, QString *error)
{
    if (m_policy.phishingReportAddress.isEmpty())
        return QString();
    const auto report = PhishingReport::build({m_account.realName, m_account.address},
                                              m_policy.phishingReportAddress, original, error);
    if (!report)
        return std::nullopt;
    const auto queued = Outbox(outboxDirectory()).enqueue(*report, error);
    if (!queued)
        return std::nullopt;
    return queued->id;
}

AccountServices::QueuedReports AccountServices::queuePhishingReports(const QList<QByteArray> &originals)
{
    QueuedReports result;
    for (const QByteArray &original : originals) {
        QString error;
        const auto queued = queuePhishingReport(original, &error);
        if (!queued) {
            result.error = error;
            break;
        }
        if (queued->isEmpty())
            break; // the site names no security address
        result.outboxIds.append(*queued);
    }
    return result;
}

} // namespace Amiens
