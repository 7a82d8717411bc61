#pragma once

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>
#include <functional>
#include <memory>

struct sqlite3;

namespace Amiens {

class WalCheckpointer;

/// One SQLite file of the offline cache: WAL journal, foreign keys on, schema versioned with
/// migrations applied in a transaction at open. One connection per thread; only the account's
/// worker writes (with, during a sync, its BackgroundMessageWriter's connection in turn), readers
/// open their own read-only connection.
class CacheDatabase
{
    Q_DECLARE_TR_FUNCTIONS(Amiens::CacheDatabase)

public:
    enum class Mode
    {
        ReadWrite,
        ReadOnly
    };

    static constexpr int kSchemaVersion = 11;

    CacheDatabase();
    ~CacheDatabase();
    CacheDatabase(const CacheDatabase &) = delete;
    CacheDatabase &operator=(const CacheDatabase &) = delete;

    /// Opens (and in ReadWrite mode creates and migrates) the cache at @p path.
    bool open(const QString &path, Mode mode, QString *error);
    void close();
    [[nodiscard]] bool isOpen() const;
    [[nodiscard]] QSqlDatabase &database() { return m_database; }
    [[nodiscard]] QString path() const { return m_path; }
    [[nodiscard]] int schemaVersion();

    /// Runs @p work in one transaction: committed when it returns true, rolled back otherwise
    /// (or when it throws). Nested calls join the outer transaction.
    bool transaction(const std::function<bool()> &work);

    /// Executes @p sql (no result rows) and logs failures; returns success.
    bool exec(const QString &sql);
    [[nodiscard]] QString lastError() const { return m_lastError; }
    void setLastError(const QString &error) { m_lastError = error; }
    /// Checkpoints done by the background thread (WalCheckpointer) since the opening.
    [[nodiscard]] int backgroundCheckpoints() const;
    /// Whether a commit has asked for a checkpoint since the opening (the log passed the mark).
    [[nodiscard]] bool checkpointAsked() const { return m_checkpointer != nullptr; }

    /// How long a statement waits for another connection's lock before it fails.
    static constexpr int kBusyTimeoutMilliseconds = 5000;
    /// The log's size past which a commit asks WalCheckpointer for a checkpoint, and past which
    /// the committing connection does one itself (the thread could not keep up).
    static constexpr qint64 kBackgroundCheckpointBytes = 8 * 1024 * 1024;
    static constexpr qint64 kForegroundCheckpointBytes = 128 * 1024 * 1024;
    /// The page size of a cache created now (one created before keeps its own, 4 KiB).
    static constexpr int kNewCachePageSize = 16 * 1024;

private:
    bool migrate(QString *error);
    static int afterCommit(void *self, sqlite3 *connection, const char *database, int logPages);

    QSqlDatabase m_database;
    QString m_connectionName;
    QString m_path;
    QString m_lastError;
    int m_transactionDepth = 0;
    int m_pageSize = 4096; ///< this database's, read at the opening: the log counts pages
    std::unique_ptr<WalCheckpointer> m_checkpointer; ///< started at the first checkpoint asked
};

} // namespace Amiens
