#pragma once

#include <QByteArray>
#include <QString>

struct sqlite3;
struct sqlite3_stmt;
class QSqlDatabase;

namespace Amiens {

/// A prepared statement on the cache's own SQLite connection, for the sync's bulk inserts. Qt's
/// QSqlQuery formats a placeholder name and looks it up in a hash for every bound value; with
/// twenty values per message that was a sixth of a header sync (perf). Same connection, same
/// transaction as the QSqlQuery calls around it.
class SqliteStatement
{
public:
    SqliteStatement(QSqlDatabase &database, const char *sql);
    ~SqliteStatement();
    /// The sqlite3* under Qt's driver of @p database, or null when it is not SQLite.
    [[nodiscard]] static sqlite3 *connectionOf(QSqlDatabase &database);
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    [[nodiscard]] bool isValid() const { return m_statement != nullptr; }

    /// Binds the next parameter (1, 2, … in order since the last reset()).
    SqliteStatement &bind(qint64 value);
    SqliteStatement &bind(const QString &text); ///< as UTF-8; a null QString binds ''
    SqliteStatement &bindBlob(const QByteArray &bytes);
    SqliteStatement &bindNull();

    /// Runs the statement; true when it finished (SQLITE_DONE) or gave a row (SQLITE_ROW).
    bool step();
    /// Whether the last step() produced a row.
    [[nodiscard]] bool hasRow() const { return m_hasRow; }
    /// The first column of the row step() produced, e.g. RETURNING id.
    [[nodiscard]] qint64 columnInt64(int column) const;
    /// Makes it ready for the next values.
    void reset();
    /// The SQLite error of the last failed call, for the cache's error text.
    [[nodiscard]] QString lastError() const;

private:
    sqlite3 *m_connection = nullptr;
    sqlite3_stmt *m_statement = nullptr;
    int m_next = 1;
    bool m_hasRow = false;
    QString m_error;
};

} // namespace Amiens
