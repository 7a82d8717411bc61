#include "CacheDatabase.h"

#include "CacheSchema.h"
#include "SqliteStatement.h"
#include "WalCheckpointer.h"
#include "util/Logging.h"
#include "util/PrivateFiles.h"

#include <QAtomicInt>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <sqlite3.h>

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {
QString uniqueConnectionName()
{
    static QAtomicInt counter;
    return u"amiens-cache-%1"_s.arg(counter.fetchAndAddRelaxed(1));
}
} // namespace

CacheDatabase::CacheDatabase()
    : m_connectionName(uniqueConnectionName())
{
}

CacheDatabase::~CacheDatabase()
{
    close();
}

bool CacheDatabase::open(const QString &path, Mode mode, QString *error)
{
    close();
    m_path = path;
    if (mode == Mode::ReadWrite) {
        const QString folder = QFileInfo(path).absolutePath();
        // <profile>/cache/<hex>: every folder created here is private, not only the last one.
        if (!PrivateFiles::makeFolder(folder)) {
            if (error)
                *error = tr("Cannot create the cache folder %1.").arg(folder);
            return false;
        }
    } else if (!QFileInfo::exists(path)) {
        if (error)
            *error = tr("There is no offline copy of this account yet: synchronise it once.");
        return false;
    }

    m_database = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
    m_database.setDatabaseName(path);
    if (mode == Mode::ReadOnly)
        m_database.setConnectOptions(
            u"QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=%1"_s.arg(kBusyTimeoutMilliseconds));
    else
        m_database.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=%1"_s.arg(kBusyTimeoutMilliseconds));
    if (!m_database.open()) {
        if (error)
            *error = tr("Cannot open the offline cache %1: %2").arg(path, m_database.lastError().text());
        close();
        return false;
    }
    // WAL lets the reading window read while the worker writes; synchronous=NORMAL in WAL mode
    // keeps every committed transaction after a crash of the program (only a power cut may lose
    // the last ones), and the database always reopens consistent.
    exec(u"PRAGMA foreign_keys = ON"_s);
    exec(u"PRAGMA synchronous = NORMAL"_s);
    exec(u"PRAGMA temp_store = MEMORY"_s);
    exec(u"PRAGMA cache_size = -16000"_s);
    if (mode == Mode::ReadWrite) {
        // Only a new, empty database takes it. A page is the unit of everything SQLite writes
        // and checkpoints: 16 KiB pages carry the inline bodies (up to 32 KiB) in a quarter of the
        // log frames of 4 KiB ones. A first sync of 10,000 real messages: 91,000 -> 26,000
        // pwrite and 29,000 -> 7,400 pread (half the system calls), 2.5 % less time; 100,000:
        // 60 -> 53 s. Small commits write more bytes (a page is 16 KiB), not more calls.
        exec(u"PRAGMA page_size = %1"_s.arg(kNewCachePageSize));
        exec(u"PRAGMA journal_mode = WAL"_s);
        if (QSqlQuery pageSize(m_database); pageSize.exec(u"PRAGMA page_size"_s) && pageSize.next())
            m_pageSize = std::max(512, pageSize.value(0).toInt());
        // Checkpoints run on a thread of their own (WalCheckpointer) once the log passes 8 MB;
        // the committing connection does one itself only past 128 MB (afterCommit). The hook
        // replaces SQLite's automatic checkpoint, whose flushes held up the sync's thread (it was
        // set to every 32 MB rather than 4 MB: a page the sync rewrites many times is copied back
        // once per checkpoint; 100,000 messages: 2.7 -> 2.0 s of system time).
        // Closing copied the whole WAL back into the database and flushed both: 50-60 ms of every
        // command-line sync (a third of a resync after a few changes). It now only waits for a
        // background checkpoint in progress; the WAL stays for the next opening, as consistent
        // and as durable as after any commit, and its file is cut back to 64 MB after each
        // checkpoint.
        if (sqlite3 *connection = SqliteStatement::connectionOf(m_database)) {
            sqlite3_wal_hook(connection, &CacheDatabase::afterCommit, this);
            sqlite3_db_config(connection, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
        } else {
            exec(u"PRAGMA wal_autocheckpoint = 8192"_s);
        }
        exec(u"PRAGMA journal_size_limit = 67108864"_s);
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
        if (!migrate(error)) {
            close();
            return false;
        }
    } else if (schemaVersion() > kSchemaVersion) {
        if (error)
            *error = tr("The offline cache was written by a newer version of AmiensMail.");
        close();
        return false;
    }
    return true;
}

int CacheDatabase::afterCommit(void *self, sqlite3 *connection, const char *database, int logPages)
{
    auto *cache = static_cast<CacheDatabase *>(self);
    const qint64 logBytes = qint64(logPages) * cache->m_pageSize;
    if (logBytes >= kForegroundCheckpointBytes) {
        sqlite3_wal_checkpoint_v2(connection, database, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    } else if (logBytes >= kBackgroundCheckpointBytes) {
        if (!cache->m_checkpointer)
            cache->m_checkpointer = std::make_unique<WalCheckpointer>(cache->m_path);
        cache->m_checkpointer->request();
    }
    return SQLITE_OK;
}

int CacheDatabase::backgroundCheckpoints() const
{
    return m_checkpointer ? m_checkpointer->completed() : 0;
}

void CacheDatabase::close()
{
    m_checkpointer.reset();
    if (m_database.isValid()) {
        m_database.close();
        m_database = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
    m_transactionDepth = 0;
}

bool CacheDatabase::isOpen() const
{
    return m_database.isValid() && m_database.isOpen();
}

bool CacheDatabase::exec(const QString &sql)
{
    QSqlQuery query(m_database);
    if (!query.exec(sql)) {
        m_lastError = query.lastError().text();
        qCWarning(lcCache).noquote() << "SQL failed:" << sql.left(120) << ":" << m_lastError;
        return false;
    }
    return true;
}

int CacheDatabase::schemaVersion()
{
    QSqlQuery query(m_database);
    if (!query.exec(u"PRAGMA user_version"_s) || !query.next())
        return -1;
    return query.value(0).toInt();
}

bool CacheDatabase::migrate(QString *error)
{
    const int current = schemaVersion();
    if (current > kSchemaVersion) {
        if (error)
            *error = tr("The offline cache was written by a newer version of AmiensMail.");
        return false;
    }
    for (int version = current + 1; version <= kSchemaVersion; ++version) {
        const bool ok = transaction([&] {
            for (const QString &statement : CacheSchema::migrationTo(version)) {
                if (!exec(statement))
                    return false;
            }
            return exec(u"PRAGMA user_version = %1"_s.arg(version));
        });
        if (!ok) {
            if (error)
                *error = tr("Cannot prepare the offline cache (step %1): %2").arg(version).arg(m_lastError);
            return false;
        }
        qCInfo(lcCache) << "cache" << m_path << "migrated to schema" << version;
    }
    // A migration may rewrite whole indexes (schema 10 rebuilt the search index, 35 MB for
    // 100,000 messages). Left in the log, those pages were read back at every opening until
    // commits brought a checkpoint: the first connection rebuilds the log's index from all of it
    // (a 10.8 MB log: 4 ms more to open). Copied into the database once, the log emptied.
    // Without waiting: a reader (the window) in the way leaves it to the usual checkpoints.
    if (current > 0 && current < kSchemaVersion) {
        if (sqlite3 *connection = SqliteStatement::connectionOf(m_database)) {
            sqlite3_busy_timeout(connection, 0);
            sqlite3_wal_checkpoint_v2(connection, nullptr, SQLITE_CHECKPOINT_TRUNCATE, nullptr, nullptr);
            sqlite3_busy_timeout(connection, kBusyTimeoutMilliseconds);
        }
    }
    return true;
}

bool CacheDatabase::transaction(const std::function<bool()> &work)
{
    if (m_transactionDepth > 0) {
        ++m_transactionDepth;
        const bool ok = work();
        --m_transactionDepth;
        return ok;
    }
    if (!m_database.transaction()) {
        m_lastError = m_database.lastError().text();
        qCWarning(lcCache) << "cannot begin a transaction:" << m_lastError;
        return false;
    }
    m_transactionDepth = 1;
    bool ok = false;
    try {
        ok = work();
    } catch (...) {
        m_transactionDepth = 0;
        m_database.rollback();
        throw;
    }
    m_transactionDepth = 0;
    if (ok && m_database.commit())
        return true;
    if (ok)
        m_lastError = m_database.lastError().text();
    qCWarning(lcCache) << "transaction rolled back:" << m_lastError;
    m_database.rollback();
    return false;
}

} // namespace Amiens
