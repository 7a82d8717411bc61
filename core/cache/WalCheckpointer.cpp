#include "WalCheckpointer.h"

#include "util/Logging.h"

#include <sqlite3.h>

namespace Amiens {

WalCheckpointer::WalCheckpointer(const QString &databasePath)
    : m_thread([this, databasePath] { run(databasePath); })
{
}

WalCheckpointer::~WalCheckpointer()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_changed.notify_all();
    m_thread.join();
}

void WalCheckpointer::request()
{
    {
        std::lock_guard lock(m_mutex);
        m_requested = true;
    }
    m_changed.notify_all();
}

void WalCheckpointer::run(const QString &databasePath)
{
    sqlite3 *connection = nullptr;
    if (sqlite3_open_v2(databasePath.toUtf8().constData(), &connection, SQLITE_OPEN_READWRITE, nullptr) !=
        SQLITE_OK) {
        qCWarning(lcCache).noquote() << "no background checkpoints:" << sqlite3_errmsg(connection);
        sqlite3_close_v2(connection);
        return;
    }
    // Its own closing leaves the log alone too; its flushes are those of the cache's connections.
    sqlite3_db_config(connection, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
    sqlite3_exec(connection, "PRAGMA synchronous = NORMAL", nullptr, nullptr, nullptr);
    std::unique_lock lock(m_mutex);
    while (true) {
        m_changed.wait(lock, [this] { return m_requested || m_stopping; });
        if (m_stopping)
            break;
        m_requested = false;
        lock.unlock();
        int logPages = 0;
        int copiedPages = 0;
        const int result = sqlite3_wal_checkpoint_v2(connection, nullptr, SQLITE_CHECKPOINT_PASSIVE,
                                                     &logPages, &copiedPages);
        if (result == SQLITE_OK && copiedPages == logPages)
            ++m_completed;
        else if (result != SQLITE_OK && result != SQLITE_BUSY)
            qCWarning(lcCache).noquote() << "background checkpoint:" << sqlite3_errmsg(connection);
        lock.lock();
    }
    lock.unlock();
    sqlite3_close_v2(connection);
}

} // namespace Amiens
