#pragma once

#include "CachedMessage.h"
#include "MessageThreader.h"
#include "imap/FetchedMessage.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QSet>
#include <QString>
#include <optional>

namespace Amiens {

class CacheDatabase;
class CacheFolderStore;
class CacheSearchIndex;
class SqliteStatement;

/// The cached messages: their rows (summaries, flags), their raw bodies (in the database, or in
/// private files beside it when big) and, in the same transaction, their search entries.
class CacheMessageStore
{
public:
    /// Bodies above this size live in files beside the database, written once: in SQLite every
    /// byte was written twice (WAL, then checkpoint), and most bytes are in the big bodies.
    static constexpr qsizetype kMaxInlineBody = 32 * 1024;

    CacheMessageStore(CacheDatabase &database, CacheFolderStore &folders, CacheSearchIndex &searchIndex)
        : m_database(database)
        , m_folders(folders)
        , m_searchIndex(searchIndex)
    {
    }

    // Rows
    bool storeHeaders(qint64 folderId, const QList<FetchedMessage> &messages);
    /// New messages with, where @p bodies has a non-empty entry at the same position, their whole
    /// raw text (a sync that fetches bodies in the same pass as the headers): rows, bodies and
    /// header search entries at once; the bodies' text, previews and paper clips are left to
    /// reindexOutdatedBodies() (model_version 0), out of the sync's way, unless
    /// setIndexBodiesWhenStored() asked for them here.
    bool storeMessages(qint64 folderId, const QList<FetchedMessage> &messages,
                       const QList<QByteArray> &bodies);
    /// For a caller that wants the search index complete as soon as the sync ends (the command
    /// line): storeMessages() reads each body's text, preview and paper clip from memory and
    /// indexes it in the same transaction, instead of an index pass reading every body back from
    /// its file afterwards. The window leaves it off: its mail is readable sooner, indexed after.
    void setIndexBodiesWhenStored(bool indexWhenStored) { m_indexBodiesWhenStored = indexWhenStored; }
    [[nodiscard]] bool indexesBodiesWhenStored() const { return m_indexBodiesWhenStored; }
    bool applyFlagUpdates(qint64 folderId, const QList<FlagUpdate> &updates);
    bool removeMessages(qint64 folderId, const QList<quint32> &uids);
    [[nodiscard]] QSet<quint32> uids(qint64 folderId);
    [[nodiscard]] QList<CachedMessage> messages(qint64 folderId, int limit, int offset = 0);
    [[nodiscard]] std::optional<CachedMessage> message(qint64 folderId, quint32 uid);
    /// Messages whose Message-ID is @p messageId (one per folder it is in), e.g. the original a
    /// read receipt names. Quick for messages that asked for a receipt (the only ones indexed by
    /// their Message-ID); any other is found by reading every row (5 ms at 10,000 messages).
    [[nodiscard]] QList<CachedMessage> messagesWithMessageId(const QString &messageId);
    /// Messages that answer @p messageId (In-Reply-To or References), newest first.
    [[nodiscard]] QList<CachedMessage> answersTo(const QString &messageId, int limit);
    [[nodiscard]] int messageCount(qint64 folderId);
    [[nodiscard]] int unseenCount(qint64 folderId);

    /// How a message list is ordered and narrowed.
    enum class SortKey
    {
        Date,
        Sender,
        Subject,
        Size
    };
    struct ListQuery
    {
        SortKey sortKey = SortKey::Date;
        bool descending = true;
        bool unreadOnly = false;
        bool flaggedOnly = false;
        bool withAttachmentsOnly = false;
    };
    /// Row ids of the folder's messages in list order: cheap even for 100,000 messages, so a
    /// view can know its size and fetch visible rows with messagesByRowIds(); the first @p limit
    /// only when it is not negative.
    [[nodiscard]] QList<qint64> messageRowIds(qint64 folderId, const ListQuery &query, int limit = -1);
    /// What threading needs of the same messages, in the same order.
    [[nodiscard]] QList<MessageThreader::Message> threadKeys(qint64 folderId, const ListQuery &query);
    /// The messages with these row ids, in the same order (missing ones skipped).
    [[nodiscard]] QList<CachedMessage> messagesByRowIds(const QList<qint64> &rowIds);

    // Bodies
    /// One body (the message the user opens), indexed at once.
    bool storeBody(qint64 folderId, quint32 uid, const QByteArray &raw);
    /// A sync's bodies in one transaction, indexed later (reindexOutdatedBodies()).
    bool storeBodies(qint64 folderId, const QList<QPair<quint32, QByteArray>> &bodies);
    /// After a process was killed while writing body files: removes those no row names.
    int sweepInterruptedBodyFiles();
    /// Bodies stored but not (or no longer) indexed for search: what reindexOutdatedBodies() has left.
    [[nodiscard]] int unindexedCount();
    /// Reads, from the cache, up to @p limit bodies not indexed yet or indexed by an older message
    /// model (MessageContent::kModelVersion) and writes their preview, paper clip and search
    /// entry; nothing is downloaded. A body whose file is missing or damaged goes back to "no
    /// body" (fetched again). Returns how many were done (0: none left), -1 on a cache error.
    int reindexOutdatedBodies(int limit);
    [[nodiscard]] std::optional<QByteArray> body(qint64 folderId, quint32 uid);
    /// UIDs whose body is not cached yet, newest first; @p since null means any date.
    [[nodiscard]] QList<quint32> uidsWithoutBody(qint64 folderId, const QDateTime &since, int limit);
    /// The same with each message's size, for fetches bounded in bytes.
    [[nodiscard]] QList<QPair<quint32, qint64>> bodiesToFetch(qint64 folderId, const QDateTime &since);

private:
    /// "SELECT columns FROM messages WHERE … ORDER BY …" for a folder's list; binds: folder id.
    [[nodiscard]] static QString listSql(const QString &columns, const ListQuery &query);
    bool indexBodies(qint64 folderId, const QList<QPair<quint32, QByteArray>> &bodies, bool writeBodies);
    /// Inserts @p raw for @p rowId through @p insertBody, in a private file beside the database
    /// when it is big (its name appended to @p writtenFiles).
    bool writeBody(SqliteStatement &insertBody, qint64 rowId, const QByteArray &raw,
                   QStringList &writtenFiles);
    void removeBodyFiles(const QStringList &fileNames);
    /// After a transaction that wrote @p writtenFiles: removes them if it was rolled back, and
    /// clears the interrupted-write marker.
    void finishBodyFiles(bool committed, const QStringList &writtenFiles);

    CacheDatabase &m_database;
    CacheFolderStore &m_folders;
    CacheSearchIndex &m_searchIndex;
    bool m_indexBodiesWhenStored = false;
};

} // namespace Amiens
