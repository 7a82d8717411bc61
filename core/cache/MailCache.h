#pragma once

#include "CacheDatabase.h"
#include "CachedMessage.h"
#include "FolderSyncStore.h"
#include "MessageThreader.h"

#include <QCoreApplication>
#include <QSet>
#include <QString>
#include <optional>

namespace Amiens {

class SqliteStatement;

/// The offline copy of one account: folders, message summaries, raw bodies and the search
/// index. Writes come in batches, each in one transaction, so that whatever point a crash stops
/// at, the cache reopens with exactly what was committed.
class MailCache : public FolderSyncStore
{
    Q_DECLARE_TR_FUNCTIONS(Amiens::MailCache)

public:
    using Mode = CacheDatabase::Mode;
    /// Bodies above this size live in files beside the database.
    static constexpr qsizetype kMaxInlineBody = 512 * 1024;

    bool open(const QString &path, const QString &accountKey, Mode mode, QString *error);
    void close() { m_database.close(); }
    [[nodiscard]] bool isOpen() const { return m_database.isOpen(); }
    [[nodiscard]] CacheDatabase &database() { return m_database; }
    [[nodiscard]] QString lastError() const override { return m_database.lastError(); }

    // Folders
    [[nodiscard]] QList<CachedFolder> folders();
    [[nodiscard]] std::optional<CachedFolder> folder(const QString &path);
    /// Makes the folder table match the server's list; folders gone from the server are dropped.
    bool replaceFolderList(const QList<FolderInfo> &folders);
    /// Records a completed sync of the folder.
    bool saveFolderState(qint64 folderId, quint32 uidValidity, quint32 uidNext,
                         quint64 highestModSeq) override;
    /// Forgets every message of the folder (UIDVALIDITY changed) and adopts the new validity.
    bool resetFolder(qint64 folderId, quint32 uidValidity) override;

    // Messages
    bool storeHeaders(qint64 folderId, const QList<FetchedMessage> &messages);
    /// New messages with, where @p bodies has a non-empty entry at the same position, their whole
    /// raw text: row, body and search entry written at once (a sync that fetches bodies in the
    /// same pass as the headers). Headers are decoded and bodies scanned on all cores first.
    bool storeMessages(qint64 folderId, const QList<FetchedMessage> &messages,
                       const QList<QByteArray> &bodies) override;
    bool applyFlagUpdates(qint64 folderId, const QList<FlagUpdate> &updates) override;
    bool removeMessages(qint64 folderId, const QList<quint32> &uids) override;
    [[nodiscard]] QSet<quint32> uids(qint64 folderId) override;
    [[nodiscard]] QList<CachedMessage> messages(qint64 folderId, int limit, int offset = 0);
    [[nodiscard]] std::optional<CachedMessage> message(qint64 folderId, quint32 uid) override;
    /// Messages whose Message-ID is @p messageId (one per folder it is in), e.g. the original a
    /// read receipt names.
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
    /// view can know its size and fetch visible rows with messagesByRowIds().
    [[nodiscard]] QList<qint64> messageRowIds(qint64 folderId, const ListQuery &query);
    /// What threading needs of the same messages, in the same order.
    [[nodiscard]] QList<MessageThreader::Message> threadKeys(qint64 folderId, const ListQuery &query);
    /// The messages with these row ids, in the same order (missing ones skipped).
    [[nodiscard]] QList<CachedMessage> messagesByRowIds(const QList<qint64> &rowIds);

    // Bodies
    bool storeBody(qint64 folderId, quint32 uid, const QByteArray &raw);
    /// Many bodies in one transaction, their MIME decoded on all cores first.
    bool storeBodies(qint64 folderId, const QList<QPair<quint32, QByteArray>> &bodies) override;
    /// Reads again, from the cache, up to @p limit bodies indexed by an older message model
    /// (MessageContent::kModelVersion) and rewrites their preview, paper clip and search entry;
    /// nothing is downloaded. Returns how many were done (0: none left), -1 on a cache error.
    int reindexOutdatedBodies(int limit);
    [[nodiscard]] std::optional<QByteArray> body(qint64 folderId, quint32 uid);
    /// UIDs whose body is not cached yet, newest first; @p since null means any date.
    [[nodiscard]] QList<quint32> uidsWithoutBody(qint64 folderId, const QDateTime &since, int limit);
    /// The same with each message's size, for fetches bounded in bytes.
    [[nodiscard]] QList<QPair<quint32, qint64>> bodiesToFetch(qint64 folderId,
                                                              const QDateTime &since) override;

    // Local changes (applied at once; the pending operation goes to the server later)
    bool changeFlags(qint64 folderId, const QList<quint32> &uids, const QStringList &add,
                     const QStringList &remove);
    /// Hides messages that a queued move or delete (@p operationId) takes away: they leave every
    /// list, count and search at once but stay in the cache until the server has done the change.
    bool hideMessages(qint64 folderId, const QList<quint32> &uids, qint64 operationId);
    /// Shows again the messages hidden for @p operationId (undone, or refused by the server).
    bool unhideMessages(qint64 operationId);
    /// Drops the messages hidden for @p operationId: the server has moved or deleted them.
    bool removeHiddenMessages(qint64 operationId);

    // Search
    [[nodiscard]] QList<SearchHit> search(const QString &query, int limit);
    /// The same matches' row ids only, for a list that reads its visible rows itself: building
    /// 1,000 full messages was most of a frequent word's search time in the window.
    [[nodiscard]] QList<qint64> searchRowIds(const QString &query, int limit);
    /// Addresses seen in the last @p scanned messages cached (senders and recipients), most frequent
    /// first, as "Name <address>", each address once; for completing recipients.
    [[nodiscard]] QStringList knownAddresses(int scanned = 5000, int limit = 2000);

private:
    [[nodiscard]] QString bodyFolder() const;
    /// "SELECT columns FROM messages WHERE … ORDER BY …" for a folder's list; binds: folder id.
    [[nodiscard]] static QString listSql(const QString &columns, const ListQuery &query);
    /// "SELECT columns FROM messages m JOIN folders f … ORDER BY date" for a full-text search.
    [[nodiscard]] static QString searchSql(const QString &columns);
    bool refreshFolderCounts(qint64 folderId);
    /// Inserts @p raw for @p rowId through @p insertBody, in a private file beside the database
    /// when it is big (its name appended to @p writtenFiles).
    bool indexBodies(qint64 folderId, const QList<QPair<quint32, QByteArray>> &bodies, bool writeBodies);
    bool writeBody(SqliteStatement &insertBody, qint64 rowId, const QByteArray &raw,
                   QStringList &writtenFiles);
    void removeBodyFiles(const QStringList &fileNames);

    CacheDatabase m_database;
};

} // namespace Amiens
