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
    };

    explicit FolderTreeModel(QObject *parent = nullptr);
    ~FolderTreeModel() override;

    void setFolders(const QList<FolderInfo> &folders);
    /// Unread messages per folder path, shown after the name and in bold.
    void setUnreadCounts(const QHash<QString, int> &counts);
    [[nodiscard]] QModelIndex indexForPath(const QString &path) const;

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

private:
    struct Node;
    [[nodiscard]] Node *nodeFor(const QModelIndex &index) const;
    std::unique_ptr<Node> m_root;
    QHash<QString, int> m_unread;
};

} // namespace Amiens
