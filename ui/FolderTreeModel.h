#pragma once

#include "imap/FolderInfo.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QList>
#include <memory>
#include <vector>

namespace Amiens {

/// The account's folders as a tree, special folders named in the user's language.
class FolderTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Roles
    {
        PathRole = Qt::UserRole + 1, ///< the server path, e.g. "Projets/Voyage scolaire"
        FolderRoleRole,              ///< FolderInfo::Role as int
        AccountIdRole,               ///< the id of the account the folder belongs to
        AccountRootRole,             ///< true on an account's root (several accounts)
        /// Empty when messages may be put in the folder; otherwise the French reason
        /// (FolderPermissions::reason(AddMessages)), for drops and « Déplacer vers ».
        AddRefusalRole,
        SharedGroupRole, ///< true on « Dossiers partagés » and « Partagés par … » headings
        /// On « Tous les comptes »'s entries: their UnifiedMailbox::View as int; invalid elsewhere.
        UnifiedViewRole,
        UnifiedRootRole, ///< true on « Tous les comptes »
    };

    /// An account shown in the tree, in the profile's order.
    struct AccountRoot
    {
        QString id;
        QString name;
    };

    explicit FolderTreeModel(QObject *parent = nullptr);
    ~FolderTreeModel() override;

    /// The accounts, in order. With two or more, each has a root (its name and unread count)
    /// with its folders under it; with one, its folders are the top level, as before.
    void setAccounts(const QList<AccountRoot> &accounts);
    [[nodiscard]] QList<AccountRoot> accounts() const { return m_accounts; }
    /// With two or more accounts, « Tous les comptes » comes first, with « Boîtes de réception »,
    /// « Non lus » and « Suivis » (UnifiedViewRole) under it. Off by default.
    void setUnifiedViewsEnabled(bool enabled);
    /// The unread inbox messages of every account (on the root and « Boîtes de réception ») and
    /// every unread message (« Non lus »).
    void setUnifiedCounts(int inboxUnread, int unread);
    /// The entry of « Tous les comptes » for @p view (a UnifiedMailbox::View), if shown.
    [[nodiscard]] QModelIndex indexForUnifiedView(int view) const;
    /// The folders of @p accountId (ignored while there is one account at most). Folders of the
    /// other-users and shared namespaces go under « Dossiers partagés », grouped by owner. A
    /// plain LIST (no namespace, no rights) keeps what a sync learned about a known path.
    void setFolders(const QString &accountId, const QList<FolderInfo> &folders);
    void setFolders(const QList<FolderInfo> &folders) { setFolders(QString(), folders); }
    [[nodiscard]] bool hasFolders(const QString &accountId) const;
    /// Whether @p cached (the cache after a sync) knows other namespaces, owners or rights than
    /// the folders shown: then the caller gives the tree the cache's list.
    [[nodiscard]] bool detailsDiffer(const QString &accountId, const QList<FolderInfo> &cached) const;
    /// Unread messages per folder path, shown after the name and in bold.
    void setUnreadCounts(const QString &accountId, const QHash<QString, int> &counts);
    void setUnreadCounts(const QHash<QString, int> &counts) { setUnreadCounts(QString(), counts); }
    /// Unread messages of every folder of @p accountId.
    [[nodiscard]] int unreadTotal(const QString &accountId) const;
    [[nodiscard]] QModelIndex indexForPath(const QString &path, const QString &accountId = {}) const;
    [[nodiscard]] QModelIndex indexForAccount(const QString &accountId) const;
    /// Messages may be dropped only on folders of this account (moves between accounts go
    /// through their queues, not a drop).
    void setDropAccount(const QString &accountId) { m_dropAccount = accountId; }

    /// "Boîte de réception", "Envoyés", … for special folders; the folder's own name otherwise.
    [[nodiscard]] static QString displayName(const FolderInfo &folder);
    /// The same for a path of this tree; the path itself when unknown.
    [[nodiscard]] QString displayNameForPath(const QString &path) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    // Messages dragged from the list (MessageListModel::kMimeType) drop onto a folder.
    QStringList mimeTypes() const override;
    Qt::DropActions supportedDropActions() const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                         const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                      const QModelIndex &parent) override;

Q_SIGNALS:
    /// Messages (cache row ids) were dropped on the folder @p destinationPath.
    void messagesDropped(const QList<qint64> &rowIds, const QString &destinationPath);
    /// Messages were dropped on a folder the rights keep them out of: the French @p reason.
    void dropRefused(const QString &reason);

private:
    struct Node;
    [[nodiscard]] Node *nodeFor(const QModelIndex &index) const;
    [[nodiscard]] QString soleAccountId() const
    {
        return m_accounts.size() == 1 ? m_accounts.first().id : QString();
    }
    [[nodiscard]] int unreadOf(const Node *node) const;
    /// Where an account's data is kept: its id, or an empty key while it is the only one.
    [[nodiscard]] QString keyFor(const QString &accountId) const;
    void rebuild();
    void addUnifiedRoot();
    void addFolders(Node *top, const QString &accountId, const QList<FolderInfo> &folders);
    /// Puts @p folder under @p top, creating the missing levels; the first @p skip parts of
    /// its path (shared/jmartin) are the heading's, not levels of their own.
    void addFolder(Node *top, const QString &accountId, const FolderInfo &folder, qsizetype skip);
    std::unique_ptr<Node> m_root;
    QList<AccountRoot> m_accounts;
    QHash<QString, QList<FolderInfo>> m_folders;  ///< per account id
    QHash<QString, QHash<QString, int>> m_unread; ///< per account id, per path
    QString m_dropAccount;
    bool m_unifiedEnabled = false;
    int m_unifiedInboxUnread = 0;
    int m_unifiedUnread = 0;
};

} // namespace Amiens
