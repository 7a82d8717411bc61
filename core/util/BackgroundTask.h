#pragma once

#include <QString>
#include <functional>
#include <memory>

class QObject;
class QThread;

namespace Amiens {

/// The one way the client runs blocking work off the caller's thread (README « Threads and
/// errors »): an SMTP exchange, a ManageSieve session, a connection check, the push loop. work()
/// runs on a thread of its own with copies of what it needs (and a cancellation flag the owner
/// sets); done() then runs on @p context's thread, never after @p context is gone. Destroying the
/// task waits for the thread: the owner cancels first, then lets the task go. IMAP jobs go to the
/// account's worker instead (AccountSession), CPU-bound parsing to ParallelMap.
class BackgroundTask
{
public:
    BackgroundTask(const QString &name, std::function<void()> work);
    ~BackgroundTask();
    BackgroundTask(const BackgroundTask &) = delete;
    BackgroundTask &operator=(const BackgroundTask &) = delete;

    /// Starts the work; @p done (may be empty) runs on @p context's thread once it is over. done()
    /// may destroy this task.
    void start(QObject *context, std::function<void()> done = {});
    [[nodiscard]] bool isRunning() const;
    /// Blocks until the work is over.
    void wait();

private:
    QThread *m_thread = nullptr;
    /// False once the task is destroyed: a done() already queued then does not run.
    std::shared_ptr<bool> m_alive = std::make_shared<bool>(true);
};

} // namespace Amiens
