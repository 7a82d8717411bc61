#pragma once

#include "CachedMessage.h"

#include <QList>
#include <QString>
#include <QVariantList>

namespace Amiens {

class CacheDatabase;

/// The full-text index (FTS5 table message_search) over subjects, addresses and bodies: written by
/// CacheMessageStore within its own transaction, read by the search field and the CLI.
class CacheSearchIndex
{
public:
    /// One row of the full-text index, written after the batch's other rows: an FTS5 table flushes
    /// its pending terms at every statement savepoint, so interleaving its inserts with the upserts
    /// wrote one index segment per message.
    struct Entry
    {
        qint64 rowId = 0;
        QString subject;
        QString addresses;
        QString body;
    };

    explicit CacheSearchIndex(CacheDatabase &database)
        : m_database(database)
    {
    }

    /// Writes @p entries within the caller's transaction; false (with @p error) on failure.
    bool writeEntries(const QList<Entry> &entries, QString &error);

    /// Removes, in one statement within the caller's transaction, the entries of the messages
    /// matching @p messagesWhere (a condition on the messages table, e.g. "folder_id = ?", its
    /// values in @p binds), before the caller deletes those messages. A trigger on the messages
    /// table did this row by row: FTS5 flushes its pending changes at each of a trigger's
    /// statements (200 expunges in a 100,000-message cache: 145 ms to remove, 115 ms now).
    bool removeEntriesOf(const QString &messagesWhere, const QVariantList &binds, QString &error);

    /// A match of searchMatches: its row and its date (seconds since the epoch).
    struct Match
    {
        qint64 rowId = 0;
        qint64 date = 0;
        friend bool operator==(const Match &, const Match &) = default;
    };

    [[nodiscard]] QList<SearchHit> search(const QString &query, int limit);
    /// The same matches' row ids only, for a list that reads its visible rows itself: building
    /// 1,000 full messages was most of a frequent word's search time in the window.
    [[nodiscard]] QList<qint64> searchRowIds(const QString &query, int limit);
    /// The same matches with their dates, newest first: what a search across accounts merges.
    [[nodiscard]] QList<Match> searchMatches(const QString &query, int limit);
    /// The statement searchMatches runs: through schema 9's narrow index when the cache has it.
    [[nodiscard]] static QString rowIdSearchSql(bool narrowIndex);

private:
    /// "SELECT columns FROM messages m JOIN folders f … ORDER BY date" for a full-text search;
    /// @p messagesSource names the table as m, with an index hint when one is wanted.
    [[nodiscard]] static QString searchSql(const QString &columns,
                                           const QString &messagesSource = QStringLiteral("messages m"));

    CacheDatabase &m_database;
};

} // namespace Amiens
