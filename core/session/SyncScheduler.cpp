#include "SyncScheduler.h"

#include "session/AccountSession.h"
#include "sync/IdleWatcher.h"
#include "util/Clock.h"
#include "util/Logging.h"

#include <algorithm>

namespace Amiens {

SyncScheduler::SyncScheduler(AccountSession *session, SyncOptions options, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_options(options)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &SyncScheduler::runNow);
    connect(session, &AccountSession::syncFinished, this, &SyncScheduler::onFinished);
    connect(session, &AccountSession::errorOccurred, this, &SyncScheduler::onFailed);
}

SyncScheduler::~SyncScheduler() = default;

std::chrono::milliseconds SyncScheduler::backoffDelay(int failures)
{
    using namespace std::chrono;
    if (failures <= 0)
        return milliseconds(0);
    const auto delay = seconds(15) * (1 << std::min(failures - 1, 6));
    return std::min<milliseconds>(delay, minutes(15));
}

void SyncScheduler::setPollInterval(std::chrono::milliseconds interval)
{
    m_pollInterval = interval;
}

void SyncScheduler::setIdleWatcher(IdleWatcher *watcher, const QString &password)
{
    m_watcher = watcher;
    m_password = password;
    connect(watcher, &IdleWatcher::folderChanged, this, &SyncScheduler::requestSync);
    connect(watcher, &IdleWatcher::unavailable, this, [this](const ServiceError &error) {
        // Polling carries on; the push is tried again at the next successful sync.
        qCInfo(lcSync).noquote() << "push unavailable, polling instead:" << error.message;
    });
}

void SyncScheduler::start()
{
    m_running = true;
    requestSync();
}

void SyncScheduler::stop()
{
    m_running = false;
    m_timer.stop();
    if (m_watcher)
        m_watcher->stop();
}

void SyncScheduler::requestSync()
{
    if (!m_running)
        return;
    if (m_syncing) {
        m_pending = true;
        return;
    }
    m_timer.start(0);
}

void SyncScheduler::runNow()
{
    if (!m_running || m_syncing || !m_session)
        return;
    m_syncing = true;
    m_pending = false;
    Q_EMIT syncStarted();
    m_session->synchronize(m_options);
}

void SyncScheduler::onFinished()
{
    if (!m_syncing)
        return;
    m_syncing = false;
    m_failures = 0;
    m_lastSuccess = Clock::currentDateTime();
    Q_EMIT syncSucceeded(m_lastSuccess);
    if (m_watcher && !m_watcher->isRunning() && !m_password.isEmpty())
        m_watcher->start(m_password);
    if (!m_running)
        return;
    m_timer.start(m_pending ? std::chrono::milliseconds(0) : m_pollInterval);
}

void SyncScheduler::onFailed(const ServiceError &error)
{
    if (!m_syncing)
        return;
    m_syncing = false;
    if (!m_running)
        return;
    // Only failures that time may cure are retried by themselves: a wrong password or a refused
    // certificate waits for the user.
    if (error.isTransient() || error.kind == ServiceError::Kind::Protocol) {
        ++m_failures;
        const auto delay = backoffDelay(m_failures);
        m_timer.start(delay);
        Q_EMIT syncFailed(error, delay);
    } else {
        m_timer.stop();
        Q_EMIT syncFailed(error, std::chrono::milliseconds(0));
    }
}

} // namespace Amiens
