#include "SqliteStatement.h"

#include <QSqlDatabase>
#include <QSqlDriver>
#include <QVariant>
#include <sqlite3.h>

namespace Amiens {

sqlite3 *SqliteStatement::connectionOf(QSqlDatabase &database)
{
    // Qt's SQLite driver hands out its sqlite3* as a QVariant of type "sqlite3*".
    const QVariant handle = database.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.data());
}

SqliteStatement::SqliteStatement(QSqlDatabase &database, const char *sql)
    : m_connection(connectionOf(database))
{
    if (!m_connection) {
        m_error = QStringLiteral("the cache is not an SQLite database");
        return;
    }
    if (sqlite3_prepare_v3(m_connection, sql, -1, SQLITE_PREPARE_PERSISTENT, &m_statement, nullptr) !=
        SQLITE_OK) {
        m_error = QString::fromUtf8(sqlite3_errmsg(m_connection));
        m_statement = nullptr;
    }
}

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_statement);
}

SqliteStatement &SqliteStatement::bind(qint64 value)
{
    sqlite3_bind_int64(m_statement, m_next++, value);
    return *this;
}

SqliteStatement &SqliteStatement::bind(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    sqlite3_bind_text(m_statement, m_next++, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
    return *this;
}

SqliteStatement &SqliteStatement::bindBlob(const QByteArray &bytes)
{
    // SQLITE_STATIC: the caller's bytes outlive step() (bodies are kept until the batch is stored).
    sqlite3_bind_blob64(m_statement, m_next++, bytes.constData(), sqlite3_uint64(bytes.size()),
                        SQLITE_STATIC);
    return *this;
}

SqliteStatement &SqliteStatement::bindNull()
{
    sqlite3_bind_null(m_statement, m_next++);
    return *this;
}

bool SqliteStatement::step()
{
    if (!m_statement)
        return false;
    const int result = sqlite3_step(m_statement);
    m_hasRow = result == SQLITE_ROW;
    if (result == SQLITE_DONE || result == SQLITE_ROW)
        return true;
    m_error = QString::fromUtf8(sqlite3_errmsg(m_connection));
    return false;
}

qint64 SqliteStatement::columnInt64(int column) const
{
    return sqlite3_column_int64(m_statement, column);
}

void SqliteStatement::reset()
{
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
    m_next = 1;
    m_hasRow = false;
}

QString SqliteStatement::lastError() const
{
    return m_error;
}

} // namespace Amiens
