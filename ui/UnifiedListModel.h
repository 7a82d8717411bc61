#pragma once

#include "cache/UnifiedMailbox.h"

#include <QAbstractTableModel>
#include <QCache>
#include <QHash>
#include <QList>
#include <optional>

namespace Amiens {

/// « Tous les comptes » in the message list (issue 18): the inboxes, unread or flagged messages of
/// every open account, newest first, or a search across accounts, each row naming its account.
/// Like MessageListModel it is lazy: it knows how many rows there are and reads the visible ones
/// in pages (UnifiedMailbox::page) as the view asks for them.
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
    static constexpr int kPageSize = 200;

    explicit UnifiedListModel(QObject *parent = nullptr);

    /// The accounts' caches (open, owned by the caller) and the names shown for them.
    void setSources(const QList<UnifiedMailbox::Source> &sources, const QHash<QString, QString> &names);
    /// Shows @p view of the sources, newest first.
    void setView(UnifiedMailbox::View view);
    [[nodiscard]] UnifiedMailbox::View view() const { return m_view; }
    /// Reads the rows again (after a sync or a local change).
    void reload();
    /// Shows exactly these messages (a search across accounts), in this order.
    void showEntries(const QList<UnifiedMailbox::Entry> &entries);
    [[nodiscard]] bool isShowingSearch() const { return m_search; }
    [[nodiscard]] std::optional<UnifiedMailbox::Entry> entryAt(int row) const;
    /// The row of @p rowId of @p accountId: looked for on the page of @p nearRow (where it was
    /// before a reload) and the pages read so far; -1 when not there.
    [[nodiscard]] int rowFor(const QString &accountId, qint64 rowId, int nearRow = -1) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    const UnifiedMailbox::Entry *cachedRow(int row) const;

    QList<UnifiedMailbox::Source> m_sources;
    QHash<QString, QString> m_names;
    UnifiedMailbox::View m_view = UnifiedMailbox::View::Inboxes;
    int m_count = 0;
    bool m_search = false;
    QList<UnifiedMailbox::Entry> m_found; ///< the search's rows
    mutable QCache<int, QList<UnifiedMailbox::Entry>> m_pages{32};
};

} // namespace Amiens
