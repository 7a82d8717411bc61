#pragma once

#include <QString>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

struct sqlite3;

namespace Amiens {

/// Copies the cache's write-ahead log back into the database on a thread of its own, through a
/// plain SQLite connection, when CacheDatabase's commits say the log has grown (request()). The
/// copy ends with two flushes to disk (0.46 s for 25 MB in one traced resync): done by the
/// connection that committed, as SQLite's automatic checkpoint does, they held up the sync at
/// every 32 MB of log (issue 19). A PASSIVE checkpoint never blocks the writer or the readers.
class WalCheckpointer
{
public:
    explicit WalCheckpointer(const QString &databasePath);
    /// Lets a checkpoint in progress finish (stopped half-way, it would be started again by every
    /// short command-line run, and the log would only grow), then ends the thread.
    ~WalCheckpointer();
    WalCheckpointer(const WalCheckpointer &) = delete;
    WalCheckpointer &operator=(const WalCheckpointer &) = delete;

    /// Asks for a checkpoint; one asked while another runs is done after it.
    void request();
    /// Checkpoints done to the end of the log so far.
    [[nodiscard]] int completed() const { return m_completed.load(); }

private:
    void run(const QString &databasePath);

    std::mutex m_mutex;
    std::condition_variable m_changed;
    bool m_requested = false;
    bool m_stopping = false;
    std::atomic<int> m_completed = 0;
    std::thread m_thread;
};

} // namespace Amiens
