#pragma once

#include "AfterPaint.h"
#include "cache/UnifiedMailbox.h"

#include <QAbstractTableModel>
#include <QCache>
#include <QHash>
#include <QList>
#include <optional>

class QAbstractItemView;

namespace Amiens {

/// « Tous les comptes » in the message list (issue 18): the inboxes, unread or flagged messages of
/// every open account, newest first, or a search across accounts, each row naming its account.
/// Like MessageListModel it is lazy: it holds the merged list's (account, row id) pairs only
/// (UnifiedMailbox::rows, read from the caches' indexes) and reads the visible rows in pages
/// (UnifiedMailbox::entries) as the view asks for them. A view's list starts with its first
/// kFirstRows; the rest of the ids come with readRest(), right after the view has painted that
/// first screen (reading and merging 137,000 ids, and the view laying them out, took ~65 ms of
/// the first screen).
class UnifiedListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        SubjectColumn,
        CorrespondentColumn,
        AccountColumn,
        DateColumn,
        ColumnCount
    };
    enum Roles
    {
        // The same numbers as MessageListModel's, for what both lists have.
        UidRole = Qt::UserRole + 1,
        SeenRole,
        FlaggedRole,
        HasAttachmentsRole,
        RowIdRole,
        AccountIdRole = Qt::UserRole + 20, ///< the account the message belongs to
        FolderPathRole,                    ///< its folder in that account
    };
    /// Rows read at a time, per page of the list: a screenful, as MessageListModel::kPageSize.
    static constexpr int kPageSize = 50;
    /// The rows a view's list starts with: a tall screen's worth, whole pages.
    static constexpr int kFirstRows = 4 * kPageSize;
    static_assert(kFirstRows % kPageSize == 0, "the pages read before the rest came stay whole");

    explicit UnifiedListModel(QObject *parent = nullptr);

    /// The accounts' caches (open, owned by the caller) and the names shown for them; no rows
    /// until setView(), reload() or showRows().
    void setSources(const QList<UnifiedMailbox::Source> &sources, const QHash<QString, QString> &names);
    /// Shows @p view of the sources, newest first.
    void setView(UnifiedMailbox::View view);
    [[nodiscard]] UnifiedMailbox::View view() const { return m_view; }
    /// Reads the list's first ids again (after a sync or a local change), keeping no row read
    /// before; the rest with readRest().
    void reload();
    /// Shows exactly these messages of the sources (a search across accounts), in this order.
    void showRows(const QList<UnifiedMailbox::Row> &rows);
    [[nodiscard]] bool isShowingSearch() const { return m_search; }
    /// The shown messages, in list order (the first ones only while hasRestToRead()).
    [[nodiscard]] const QList<UnifiedMailbox::Row> &rows() const { return m_rows; }
    /// The message on @p row, its page read if need be; none when it is gone from its cache since
    /// the list's ids were read.
    [[nodiscard]] std::optional<UnifiedMailbox::Entry> entryAt(int row) const;
    /// The row of @p rowId of @p accountId, looked for from @p nearRow (where it was before a
    /// reload) on, the rest of the list's ids read if need be; -1 when not listed. Reads no message.
    [[nodiscard]] int rowFor(const QString &accountId, qint64 rowId, int nearRow = -1);

    /// Whether the view's list has more ids than its first rows read so far.
    [[nodiscard]] bool hasRestToRead() const { return m_moreRows; }
    /// Reads the rest of the view's list: rows appended after the first ones (the list shown
    /// again if mail changed them in between).
    void readRest();
    /// Reads the rest once @p view has painted the first rows: queued by that paint, so before
    /// the user can scroll (AfterPaint).
    void readRestAfterPaintsOf(QAbstractItemView *view);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    const UnifiedMailbox::Entry *cachedRow(int row) const;

    using Page = QList<std::optional<UnifiedMailbox::Entry>>;

    UnifiedMailbox m_mailbox{{}};
    QHash<QString, QString> m_names;
    UnifiedMailbox::View m_view = UnifiedMailbox::View::Inboxes;
    bool m_search = false;
    QList<UnifiedMailbox::Row> m_rows;
    bool m_moreRows = false;         ///< m_rows is the view's first kFirstRows; more may follow
    AfterPaint m_readRestAfterPaint; ///< reads the rest after the view's first paint
    /// Pages of rows by page number (12,800 rows), as MessageListModel: scrolling 137,000 rows
    /// keeps memory flat.
    mutable QCache<int, Page> m_pages{256};
};

} // namespace Amiens
