#pragma once

#include "AfterPaint.h"
#include "cache/MailCache.h"

#include <QAbstractTableModel>
#include <QCache>
#include <QList>

class QAbstractItemView;
class QMimeData;

namespace Amiens {

/// A folder's messages from the offline cache, loaded lazily: the model holds only the row ids
/// in list order (a few hundred kilobytes for 100,000 messages) and fetches the visible rows in
/// pages as the view asks for them, so a big folder opens at once and memory stays small. A
/// folder's list starts with its first kFirstRows; the rest of the ids come with readRest(),
/// right after the view has painted that first screen (as UnifiedListModel's).
class MessageListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        SubjectColumn,
        CorrespondentColumn,
        DateColumn,
        SizeColumn,
        ColumnCount
    };
    enum Roles
    {
        UidRole = Qt::UserRole + 1,
        SeenRole,
        FlaggedRole,
        HasAttachmentsRole,
        RowIdRole,
        ThreadDepthRole, ///< 0 for a conversation's first message, 1 for a reply to it, …
    };
    /// Rows read from the cache at a time: a screenful or two. A search's matches lie on random
    /// pages of the cache, one read each; pages of 200 read four screens to paint one (the
    /// realistic 100,000: « Hénault » 19 -> 8 ms, scrolling everything unchanged).
    static constexpr int kPageSize = 50;
    /// The rows a folder's list starts with: a tall screen's worth, whole pages.
    static constexpr int kFirstRows = 4 * kPageSize;
    static_assert(kFirstRows % kPageSize == 0, "the pages read before the rest came stay whole");
    /// Dragged messages: their cache row ids, for FolderTreeModel's drop.
    static inline const QString kMimeType = QStringLiteral("application/x-amiens-message-rows");
    [[nodiscard]] static QList<qint64> rowIdsFromMimeData(const QMimeData *data);

    /// @p cache is a reader owned by the caller (the UI thread's connection).
    explicit MessageListModel(MailCache *cache, QObject *parent = nullptr);

    /// Shows @p folderId (0 for none) with the current sort and filter.
    void setFolder(qint64 folderId, bool sentFolder = false);
    [[nodiscard]] qint64 folderId() const { return m_folderId; }
    void setFilter(bool unreadOnly, bool flaggedOnly, bool withAttachmentsOnly);
    /// Groups replies under the message they answer (References, In-Reply-To).
    void setThreaded(bool threaded);
    [[nodiscard]] bool isThreaded() const { return m_threaded; }
    /// Re-reads the row ids after the cache changed (sync, local change), keeping nothing stale:
    /// the first ones, the rest with readRest() (all of them when threaded: threads need them).
    void reload();
    /// Whether the folder's list has more ids than its first rows read so far.
    [[nodiscard]] bool hasRestToRead() const { return m_moreRows; }
    /// Reads the rest of the folder's list: rows appended after the first ones (the list shown
    /// again if mail changed them in between).
    void readRest();
    /// Reads the rest once @p view has painted the first rows: queued by that paint, so before
    /// the user can scroll (AfterPaint).
    void readRestAfterPaintsOf(QAbstractItemView *view);
    /// Reads the shown rows again (previews, paper clips the search index just wrote) without
    /// touching the list's order or selection.
    void refreshRows();
    /// Shows exactly these messages, in this order (search results, from any folder).
    void showRowIds(const QList<qint64> &rowIds);
    [[nodiscard]] bool isShowingSearch() const { return m_search; }
    /// The shown messages' cache row ids, in list order (the first ones only while
    /// hasRestToRead()).
    [[nodiscard]] const QList<qint64> &rowIds() const { return m_rowIds; }
    /// The row of @p rowId, the rest of the list's ids read if need be; -1 when not listed.
    [[nodiscard]] int rowForRowId(qint64 rowId);

    /// The message on @p row; fetches its page if needed.
    [[nodiscard]] std::optional<CachedMessage> messageAt(int row) const;
    /// The row of the folder's message @p uid, every row read (tests).
    [[nodiscard]] int rowForUid(quint32 uid);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    Qt::DropActions supportedDragActions() const override;

    /// Today's messages show their time, older ones their date, in the user's language.
    [[nodiscard]] static QString formatDate(const QDateTime &date, const QDateTime &now);
    /// What a screen reader says for a message's row: subject, who (@p correspondent, the sender,
    /// or the recipient when @p sent), the full date, then unread, flagged, with attachments;
    /// @p accountName (the unified list) after the subject when not empty.
    [[nodiscard]] static QString spokenSummary(const CachedMessage &message, const MailAddress &correspondent,
                                               bool sent, const QString &accountName = {});

private:
    const CachedMessage *cachedRow(int row) const;

    MailCache *m_cache;
    qint64 m_folderId = 0;
    bool m_sentFolder = false;
    CacheMessageStore::ListQuery m_query;
    QList<qint64> m_rowIds;
    QList<int> m_depths; ///< per row when threaded, empty otherwise
    bool m_threaded = false;
    bool m_search = false;
    bool m_moreRows = false;         ///< m_rowIds is the folder's first kFirstRows; more may follow
    AfterPaint m_readRestAfterPaint; ///< reads the rest after the view's first paint
    /// Pages of rows by page number (12,800 rows); bounded so that scrolling a huge folder keeps
    /// memory flat.
    mutable QCache<int, QList<CachedMessage>> m_pages{256};
};

} // namespace Amiens
