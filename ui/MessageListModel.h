#pragma once

#include "cache/MailCache.h"

#include <QAbstractTableModel>
#include <QCache>
#include <QList>

class QMimeData;

namespace Amiens {

/// A folder's messages from the offline cache, loaded lazily: the model holds only the row ids
/// in list order (a few hundred kilobytes for 100,000 messages) and fetches the visible rows in
/// pages as the view asks for them, so a big folder opens at once and memory stays small.
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
    /// Re-reads the row ids after the cache changed (sync, local change), keeping nothing stale.
    void reload();
    /// Reads the shown rows again (previews, paper clips the search index just wrote) without
    /// touching the list's order or selection.
    void refreshRows();
    /// Shows exactly these messages, in this order (search results, from any folder).
    void showRowIds(const QList<qint64> &rowIds);
    [[nodiscard]] bool isShowingSearch() const { return m_search; }
    /// The shown messages' cache row ids, in list order.
    [[nodiscard]] const QList<qint64> &rowIds() const { return m_rowIds; }
    [[nodiscard]] int rowForRowId(qint64 rowId) const { return static_cast<int>(m_rowIds.indexOf(rowId)); }

    /// The message on @p row; fetches its page if needed.
    [[nodiscard]] std::optional<CachedMessage> messageAt(int row) const;
    [[nodiscard]] int rowForUid(quint32 uid) const;

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
    /// Pages of rows by page number (12,800 rows); bounded so that scrolling a huge folder keeps
    /// memory flat.
    mutable QCache<int, QList<CachedMessage>> m_pages{256};
};

} // namespace Amiens
