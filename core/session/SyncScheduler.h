#pragma once

#include "net/ServiceError.h"
#include "sync/SyncOptions.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <chrono>

namespace Amiens {

class AccountSession;
class IdleWatcher;

/// When to sync an account: at start, on every IDLE push, every poll interval otherwise, and
/// after a failure with a growing back-off, so a school with a flaky network is neither hammered
/// nor left stale. One sync at a time; requests during a sync are folded into one more.
class SyncScheduler : public QObject
{
    Q_OBJECT
public:
    SyncScheduler(AccountSession *session, SyncOptions options, QObject *parent = nullptr);
    ~SyncScheduler() override;

    void setPollInterval(std::chrono::milliseconds interval);
    /// Uses @p watcher's pushes (it is started with @p password and restarted after failures).
    void setIdleWatcher(IdleWatcher *watcher, const QString &password);

    void start();
    void stop();
    /// Sync as soon as possible (user action, push).
    void requestSync();

    [[nodiscard]] bool isSyncing() const { return m_syncing; }
    [[nodiscard]] int consecutiveFailures() const { return m_failures; }
    [[nodiscard]] QDateTime lastSuccess() const { return m_lastSuccess; }
    /// Delay before the next attempt after @p failures failures in a row: 15 s doubling to 15 min.
    [[nodiscard]] static std::chrono::milliseconds backoffDelay(int failures);

Q_SIGNALS:
    void syncStarted();
    void syncSucceeded(const QDateTime &when);
    /// A sync failed; @p retryIn is when the next attempt is planned (0 when none is).
    void syncFailed(const Amiens::ServiceError &error, std::chrono::milliseconds retryIn);

private:
    void runNow();
    void onFinished();
    void onFailed(const ServiceError &error);

    QPointer<AccountSession> m_session;
    SyncOptions m_options;
    QTimer m_timer;
    std::chrono::milliseconds m_pollInterval{std::chrono::minutes(5)};
    QPointer<IdleWatcher> m_watcher;
    QString m_password;
    bool m_running = false;
    bool m_syncing = false;
    bool m_pending = false;
    int m_failures = 0;
    QDateTime m_lastSuccess;
};

} // namespace Amiens
