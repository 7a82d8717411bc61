#include "CacheSearchIndex.h"

#include "CacheDatabase.h"
#include "CacheRows.h"
#include "SqliteStatement.h"
#include "util/Logging.h"

#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace Amiens {

using CacheRows::kMessageColumns;
using CacheRows::messageFromRow;

namespace {

/// Words this short are matched whole: as prefixes, « de » or « c » name thousands of index terms
/// (de, des, demain, demande…), and « conseil de classe » took 180 ms in 100,000 messages.
constexpr qsizetype kShortestPrefix = 3;

/// The schema that brought messages_search_rows (CacheSchema::migrationTo).
constexpr int kNarrowSearchIndexSchema = 9;

/// A user's words as an FTS5 query: each word quoted (no operator injection) and prefix-matched.
/// Words are split where the unicode61 tokenizer splits them (anything but letters, digits, marks
/// and private-use characters): the index of schema 10 keeps no positions, so a quoted word the
/// tokenizer cut in two (« Jean-Claude », « l'école ») would be a phrase, which it refuses.
QString ftsQuery(const QString &text)
{
    static const QRegularExpression separators(u"[^\\p{L}\\p{N}\\p{M}\\p{Co}]+"_s);
    QStringList terms;
    const QStringList words =
        text.normalized(QString::NormalizationForm_C).split(separators, Qt::SkipEmptyParts);
    for (const QString &word : words)
        terms.append(u'"' + word + (word.size() < kShortestPrefix ? u"\""_s : u"\"*"_s));
    return terms.join(u' ');
}

} // namespace

bool CacheSearchIndex::writeEntries(const QList<Entry> &entries, QString &error)
{
    SqliteStatement index(
        m_database.database(),
        "INSERT OR REPLACE INTO message_search (rowid, subject, addresses, body) VALUES (?, ?, ?, ?)");
    for (const Entry &entry : entries) {
        index.bind(entry.rowId).bind(entry.subject).bind(entry.addresses).bind(entry.body);
        if (!index.step()) {
            error = index.lastError();
            m_database.setLastError(error);
            qCWarning(lcCache).noquote() << "SQL failed: search index:" << error;
            return false;
        }
        index.reset();
    }
    return true;
}

bool CacheSearchIndex::removeEntriesOf(const QString &messagesWhere, const QVariantList &binds,
                                       QString &error)
{
    QSqlQuery remove(m_database.database());
    remove.prepare(
        u"DELETE FROM message_search WHERE rowid IN (SELECT id FROM messages WHERE %1)"_s.arg(messagesWhere));
    for (const QVariant &value : binds)
        remove.addBindValue(value);
    return CacheRows::execPrepared(remove, error, &m_database);
}

QString CacheSearchIndex::searchSql(const QString &columns, const QString &messagesSource)
{
    // The newest matches by row id (rows are written as mail arrives) let FTS5 stop after the
    // limit instead of joining and sorting every match: a common word in 100,000 messages took
    // 0.45 s. Binds: the FTS query, the limit.
    return u"SELECT %1 FROM %2 JOIN folders f ON f.id = m.folder_id WHERE m.id IN "
           "(SELECT rowid FROM message_search WHERE message_search MATCH ? ORDER BY rowid DESC LIMIT ?) "
           "AND m.hidden_by = 0 ORDER BY m.date DESC"_s.arg(columns, messagesSource);
}

QString CacheSearchIndex::rowIdSearchSql(bool narrowIndex)
{
    // The matches' folder, state and date from the narrow index of schema 9 rather than from
    // their rows, one random 16 KiB page each (« introuvable », 708 matches in the realistic
    // 100,000: 620 pages read, 41 ms in the window; 2 ms through the index). SQLite prefers the
    // rowid lookup unless told.
    return narrowIndex ? searchSql(u"m.id, m.date"_s, u"messages AS m INDEXED BY messages_search_rows"_s)
                       : searchSql(u"m.id, m.date"_s);
}

QList<SearchHit> CacheSearchIndex::search(const QString &text, int limit)
{
    QList<SearchHit> result;
    const QString match = ftsQuery(text);
    if (match.isEmpty())
        return result;
    QSqlQuery query(m_database.database());
    query.prepare(searchSql(u"f.path, "_s + QString::fromLatin1(kMessageColumns)));
    query.addBindValue(match);
    query.addBindValue(limit);
    if (!query.exec()) {
        qCWarning(lcCache) << "search failed:" << query.lastError().text();
        return result;
    }
    while (query.next()) {
        result.append({query.value(0).toString(), messageFromRow(query, 1)});
    }
    return result;
}

QList<qint64> CacheSearchIndex::searchRowIds(const QString &text, int limit)
{
    QList<qint64> result;
    const QList<Match> matches = searchMatches(text, limit);
    result.reserve(matches.size());
    for (const Match &match : matches)
        result.append(match.rowId);
    return result;
}

QList<CacheSearchIndex::Match> CacheSearchIndex::searchMatches(const QString &text, int limit)
{
    QList<Match> result;
    const QString match = ftsQuery(text);
    if (match.isEmpty())
        return result;
    // A cache its writer has not migrated yet (the window reads it first) has no narrow index
    // and is searched through the rows; a statement that fails is an error, not a fallback.
    const QByteArray sql = rowIdSearchSql(m_database.schemaVersion() >= kNarrowSearchIndexSchema).toUtf8();
    SqliteStatement query(m_database.database(), sql.constData());
    query.bind(match).bind(qint64(limit));
    while (query.step() && query.hasRow())
        result.append({query.columnInt64(0), query.columnInt64(1)});
    if (!query.lastError().isEmpty())
        qCWarning(lcCache).noquote() << "search failed:" << query.lastError();
    return result;
}

} // namespace Amiens
