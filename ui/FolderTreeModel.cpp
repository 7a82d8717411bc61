#include "FolderTreeModel.h"

#include "MessageListModel.h"
#include "ThemeIcons.h"
#include "cache/UnifiedMailbox.h"
#include "imap/FolderPermissions.h"

#include <QFont>
#include <QIcon>
#include <QMimeData>
#include <QStyle>
#include <algorithm>
#include <functional>

using namespace Qt::StringLiterals;

namespace Amiens {

struct FolderTreeModel::Node
{
    FolderInfo folder;
    QString accountId;
    bool accountRoot = false; ///< an account's root, with several accounts
    QString accountName;
    bool placeholder = false; ///< a parent the server did not list on its own
    /// « Dossiers partagés » or « Partagés par … »: a heading, not a folder.
    QString heading;
    QString headingKey;       ///< "" for « Dossiers partagés », the owner for « Partagés par … »
    bool unifiedRoot = false; ///< « Tous les comptes »
    int unifiedView = -1;     ///< an entry under it: its UnifiedMailbox::View
    Node *parent = nullptr;
    std::vector<std::unique_ptr<Node>> children;

    [[nodiscard]] int row() const
    {
        if (!parent)
            return 0;
        for (size_t i = 0; i < parent->children.size(); ++i) {
            if (parent->children[i].get() == this)
                return static_cast<int>(i);
        }
        return 0;
    }

    [[nodiscard]] bool isHeading() const { return !heading.isEmpty(); }

    Node *childNamed(const QString &name) const
    {
        for (const auto &child : children) {
            if (!child->isHeading() && child->folder.name() == name)
                return child.get();
        }
        return nullptr;
    }

    /// The heading @p key under this node, created with @p text when missing.
    Node *headingFor(const QString &key, const QString &text)
    {
        for (const auto &child : children) {
            if (child->isHeading() && child->headingKey == key)
                return child.get();
        }
        auto node = std::make_unique<Node>();
        node->parent = this;
        node->accountId = accountId;
        node->heading = text;
        node->headingKey = key;
        node->folder.selectable = false;
        children.push_back(std::move(node));
        return children.back().get();
    }
};

namespace {

QIcon iconFor(FolderInfo::Role role)
{
    auto themed = [](const char *name, QStyle::StandardPixmap fallback) {
        return ThemeIcons::themed(QString::fromLatin1(name), fallback);
    };
    switch (role) {
    case FolderInfo::Role::Inbox:
        return themed("mail-folder-inbox", QStyle::SP_DriveNetIcon);
    case FolderInfo::Role::Sent:
        return themed("mail-folder-sent", QStyle::SP_ArrowForward);
    case FolderInfo::Role::Drafts:
        return themed("document-edit", QStyle::SP_FileDialogDetailedView);
    case FolderInfo::Role::Trash:
        return themed("user-trash", QStyle::SP_TrashIcon);
    case FolderInfo::Role::Junk:
        return themed("mail-mark-junk", QStyle::SP_MessageBoxWarning);
    case FolderInfo::Role::Archive:
        return themed("folder-documents", QStyle::SP_DirIcon);
    case FolderInfo::Role::All:
    case FolderInfo::Role::Flagged:
    case FolderInfo::Role::None:
        break;
    }
    return themed("folder", QStyle::SP_DirIcon);
}

bool isShared(const FolderInfo &folder)
{
    return folder.namespaceKind != FolderInfo::Namespace::Personal;
}

/// How many leading parts of a shared folder's path name its namespace and owner
/// ("shared/jmartin" of "shared/jmartin/Projets"), which the headings stand for.
qsizetype namespaceParts(const FolderInfo &folder)
{
    if (folder.namespaceKind == FolderInfo::Namespace::OtherUser && !folder.owner.isEmpty()) {
        const qsizetype owner = folder.pathParts.indexOf(folder.owner);
        if (owner >= 0)
            return owner + 1;
    }
    // The namespace's own root ("shared", "Public"), when there is more than it.
    return folder.pathParts.size() > 1 ? 1 : folder.pathParts.size();
}

bool sameDetails(const FolderInfo &a, const FolderInfo &b)
{
    return a.namespaceKind == b.namespaceKind && a.owner == b.owner && a.rights == b.rights &&
           a.rightsKnown == b.rightsKnown;
}

/// Whose folder it is and whether it is read-only, under its server path.
QString sharedToolTip(const FolderInfo &folder)
{
    QStringList lines{folder.path()};
    lines.append(folder.owner.isEmpty()
                     ? FolderTreeModel::tr("Shared folder")
                     : FolderTreeModel::tr("Folder of %1, shared with you").arg(folder.owner));
    if (FolderPermissions(folder).isReadOnly())
        lines.append(FolderTreeModel::tr("Read-only"));
    return lines.join(u'\n');
}

/// « Tous les comptes » (@p view < 0) and its entries.
QString unifiedName(int view)
{
    switch (view) {
    case static_cast<int>(UnifiedMailbox::View::Inboxes):
        return FolderTreeModel::tr("Inboxes");
    case static_cast<int>(UnifiedMailbox::View::Unread):
        return FolderTreeModel::tr("Unread");
    case static_cast<int>(UnifiedMailbox::View::Flagged):
        return FolderTreeModel::tr("Flagged");
    default:
        return FolderTreeModel::tr("All accounts");
    }
}

QString unifiedToolTip(int view)
{
    switch (view) {
    case static_cast<int>(UnifiedMailbox::View::Inboxes):
        return FolderTreeModel::tr("The inboxes of every account, newest first");
    case static_cast<int>(UnifiedMailbox::View::Unread):
        return FolderTreeModel::tr("Unread messages of every account, outside the Trash and Junk");
    case static_cast<int>(UnifiedMailbox::View::Flagged):
        return FolderTreeModel::tr("Flagged messages of every account, outside the Trash and Junk");
    default:
        return FolderTreeModel::tr("Every account's messages together");
    }
}

bool hasDetails(const FolderInfo &folder)
{
    return !sameDetails(folder, FolderInfo());
}

} // namespace

FolderTreeModel::FolderTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_root(std::make_unique<Node>())
{
}

FolderTreeModel::~FolderTreeModel() = default;

QString FolderTreeModel::displayName(const FolderInfo &folder)
{
    // Special names only for top-level folders: "Projets/Sent" is the user's own folder.
    if (folder.pathParts.size() == 1) {
        switch (folder.role) {
        case FolderInfo::Role::Inbox:
            return tr("Inbox");
        case FolderInfo::Role::Sent:
            return tr("Sent");
        case FolderInfo::Role::Drafts:
            return tr("Drafts");
        case FolderInfo::Role::Trash:
            return tr("Trash");
        case FolderInfo::Role::Junk:
            return tr("Junk");
        case FolderInfo::Role::Archive:
            return tr("Archives");
        case FolderInfo::Role::All:
        case FolderInfo::Role::Flagged:
        case FolderInfo::Role::None:
            break;
        }
    }
    return folder.name();
}

void FolderTreeModel::setAccounts(const QList<AccountRoot> &accounts)
{
    // With one account its data is kept under an empty key (callers may not name it): moved
    // when a second account arrives or the last but one goes.
    const bool wasMulti = m_accounts.size() > 1;
    const bool multi = accounts.size() > 1;
    if (!wasMulti && multi && !m_accounts.isEmpty()) {
        m_folders.insert(m_accounts.first().id, m_folders.take(QString()));
        m_unread.insert(m_accounts.first().id, m_unread.take(QString()));
    } else if (wasMulti && !multi && !accounts.isEmpty()) {
        m_folders.insert(QString(), m_folders.take(accounts.first().id));
        m_unread.insert(QString(), m_unread.take(accounts.first().id));
    }
    m_accounts = accounts;
    QHash<QString, QList<FolderInfo>> kept;
    QHash<QString, QHash<QString, int>> keptUnread;
    QStringList keys;
    if (multi) {
        for (const AccountRoot &account : accounts)
            keys.append(account.id);
    } else if (!accounts.isEmpty()) {
        keys.append(QString());
    }
    for (const QString &key : std::as_const(keys)) {
        if (m_folders.contains(key))
            kept.insert(key, m_folders.value(key));
        if (m_unread.contains(key))
            keptUnread.insert(key, m_unread.value(key));
    }
    if (!accounts.isEmpty()) {
        m_folders = kept;
        m_unread = keptUnread;
    }
    rebuild();
}

QString FolderTreeModel::keyFor(const QString &accountId) const
{
    return m_accounts.size() > 1 ? accountId : QString();
}

void FolderTreeModel::setFolders(const QString &accountId, const QList<FolderInfo> &folders)
{
    QList<FolderInfo> shown = folders;
    // A plain LIST knows no namespace nor rights: what the last sync learned stays.
    if (std::none_of(folders.cbegin(), folders.cend(), hasDetails)) {
        const QList<FolderInfo> previous = m_folders.value(keyFor(accountId));
        for (FolderInfo &folder : shown) {
            for (const FolderInfo &known : previous) {
                if (known.path() == folder.path()) {
                    folder.namespaceKind = known.namespaceKind;
                    folder.owner = known.owner;
                    folder.rights = known.rights;
                    folder.rightsKnown = known.rightsKnown;
                    break;
                }
            }
        }
    }
    m_folders.insert(keyFor(accountId), shown);
    rebuild();
}

bool FolderTreeModel::detailsDiffer(const QString &accountId, const QList<FolderInfo> &cached) const
{
    const QList<FolderInfo> shown = m_folders.value(keyFor(accountId));
    for (const FolderInfo &folder : cached) {
        for (const FolderInfo &current : shown) {
            if (current.path() == folder.path()) {
                if (!sameDetails(current, folder))
                    return true;
                break;
            }
        }
    }
    return false;
}

bool FolderTreeModel::hasFolders(const QString &accountId) const
{
    return !m_folders.value(keyFor(accountId)).isEmpty();
}

void FolderTreeModel::setUnifiedViewsEnabled(bool enabled)
{
    if (enabled == m_unifiedEnabled)
        return;
    m_unifiedEnabled = enabled;
    rebuild();
}

void FolderTreeModel::setUnifiedCounts(int inboxUnread, int unread)
{
    if (inboxUnread == m_unifiedInboxUnread && unread == m_unifiedUnread)
        return;
    m_unifiedInboxUnread = inboxUnread;
    m_unifiedUnread = unread;
    const QModelIndex root = indexForUnifiedView(-1);
    if (!root.isValid())
        return;
    const QList<int> roles{Qt::DisplayRole, Qt::FontRole};
    Q_EMIT dataChanged(root, root, roles);
    Q_EMIT dataChanged(index(0, 0, root), index(rowCount(root) - 1, 0, root), roles);
}

QModelIndex FolderTreeModel::indexForUnifiedView(int view) const
{
    if (m_root->children.empty() || !m_root->children.front()->unifiedRoot)
        return {};
    const QModelIndex root = index(0, 0);
    if (view < 0)
        return root;
    const Node *node = m_root->children.front().get();
    for (size_t i = 0; i < node->children.size(); ++i) {
        if (node->children[i]->unifiedView == view)
            return index(static_cast<int>(i), 0, root);
    }
    return {};
}

void FolderTreeModel::addUnifiedRoot()
{
    auto root = std::make_unique<Node>();
    root->parent = m_root.get();
    root->unifiedRoot = true;
    root->folder.selectable = false;
    for (const UnifiedMailbox::View view :
         {UnifiedMailbox::View::Inboxes, UnifiedMailbox::View::Unread, UnifiedMailbox::View::Flagged}) {
        auto entry = std::make_unique<Node>();
        entry->parent = root.get();
        entry->unifiedView = static_cast<int>(view);
        entry->folder.selectable = false; // no folder: nothing may be dropped on it
        root->children.push_back(std::move(entry));
    }
    m_root->children.push_back(std::move(root));
}

void FolderTreeModel::rebuild()
{
    beginResetModel();
    m_root = std::make_unique<Node>();
    if (m_accounts.size() > 1 && m_unifiedEnabled)
        addUnifiedRoot();
    if (m_accounts.size() > 1) {
        for (const AccountRoot &account : std::as_const(m_accounts)) {
            auto node = std::make_unique<Node>();
            node->parent = m_root.get();
            node->accountId = account.id;
            node->accountRoot = true;
            node->accountName = account.name;
            node->folder.selectable = false;
            Node *top = node.get();
            m_root->children.push_back(std::move(node));
            addFolders(top, account.id, m_folders.value(account.id));
        }
    } else {
        addFolders(m_root.get(), soleAccountId(), m_folders.value(QString()));
    }
    endResetModel();
}

void FolderTreeModel::addFolders(Node *top, const QString &accountId, const QList<FolderInfo> &folders)
{
    for (const FolderInfo &folder : folders) {
        if (!isShared(folder))
            addFolder(top, accountId, folder, 0);
    }
    // Other people's folders after the user's own, under one heading, by owner.
    for (const FolderInfo &folder : folders) {
        if (!isShared(folder))
            continue;
        qsizetype skip = namespaceParts(folder);
        if (skip >= folder.pathParts.size()) {
            // "shared", "shared/jmartin": \Noselect levels the headings replace.
            if (!folder.selectable)
                continue;
            skip = folder.pathParts.size() - 1;
        }
        Node *parent = top->headingFor(QString(), tr("Shared folders"));
        parent->accountId = accountId;
        if (folder.namespaceKind == FolderInfo::Namespace::OtherUser && !folder.owner.isEmpty())
            parent = parent->headingFor(folder.owner, tr("Shared by %1").arg(folder.owner));
        addFolder(parent, accountId, folder, skip);
    }
}

void FolderTreeModel::addFolder(Node *top, const QString &accountId, const FolderInfo &folder, qsizetype skip)
{
    Node *parent = top;
    for (qsizetype depth = skip; depth < folder.pathParts.size(); ++depth) {
        const QString &part = folder.pathParts.at(depth);
        Node *child = parent->childNamed(part);
        if (!child) {
            auto node = std::make_unique<Node>();
            node->parent = parent;
            node->accountId = accountId;
            node->folder.pathParts = folder.pathParts.mid(0, depth + 1);
            node->folder.separator = folder.separator;
            node->folder.selectable = false;
            node->placeholder = true;
            child = node.get();
            parent->children.push_back(std::move(node));
        }
        parent = child;
    }
    parent->folder = folder;
    parent->placeholder = false;
}

int FolderTreeModel::unreadTotal(const QString &accountId) const
{
    int total = 0;
    for (const int count : m_unread.value(keyFor(accountId)))
        total += count;
    return total;
}

int FolderTreeModel::unreadOf(const Node *node) const
{
    if (node->unifiedRoot || node->unifiedView == static_cast<int>(UnifiedMailbox::View::Inboxes))
        return m_unifiedInboxUnread;
    if (node->unifiedView == static_cast<int>(UnifiedMailbox::View::Unread))
        return m_unifiedUnread;
    if (node->unifiedView >= 0)
        return 0;
    return node->accountRoot ? unreadTotal(node->accountId)
                             : m_unread.value(keyFor(node->accountId)).value(node->folder.path());
}

void FolderTreeModel::setUnreadCounts(const QString &accountId, const QHash<QString, int> &counts)
{
    m_unread.insert(keyFor(accountId), counts);
    // Only texts change: the tree's shape, and so every index, stays valid.
    std::function<void(const QModelIndex &)> touch = [&](const QModelIndex &parent) {
        const int rows = rowCount(parent);
        if (rows == 0)
            return;
        Q_EMIT dataChanged(index(0, 0, parent), index(rows - 1, 0, parent), {Qt::DisplayRole, Qt::FontRole});
        for (int row = 0; row < rows; ++row)
            touch(index(row, 0, parent));
    };
    touch({});
}

QModelIndex FolderTreeModel::indexForAccount(const QString &accountId) const
{
    for (size_t i = 0; i < m_root->children.size(); ++i) {
        if (m_root->children[i]->accountRoot && m_root->children[i]->accountId == accountId)
            return index(static_cast<int>(i), 0);
    }
    return {};
}

QModelIndex FolderTreeModel::indexForPath(const QString &path, const QString &accountId) const
{
    QModelIndex top;
    if (m_accounts.size() > 1) {
        // The account's root; without an account, the first one.
        top = indexForAccount(accountId.isEmpty() ? m_accounts.first().id : accountId);
        if (!top.isValid())
            return {};
    }
    // Shared folders sit under headings that are not levels of their path: the whole tree is
    // searched (a few dozen nodes).
    std::function<QModelIndex(const QModelIndex &)> find = [&](const QModelIndex &parent) -> QModelIndex {
        const Node *node = nodeFor(parent);
        for (size_t i = 0; i < node->children.size(); ++i) {
            const Node *child = node->children[i].get();
            const QModelIndex childIndex = index(static_cast<int>(i), 0, parent);
            if (!child->isHeading() && child->folder.path() == path)
                return childIndex;
            if (const QModelIndex found = find(childIndex); found.isValid())
                return found;
        }
        return {};
    };
    return path.isEmpty() ? QModelIndex() : find(top);
}

FolderTreeModel::Node *FolderTreeModel::nodeFor(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

QModelIndex FolderTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column != 0 || row < 0)
        return {};
    const Node *parentNode = nodeFor(parent);
    if (static_cast<size_t>(row) >= parentNode->children.size())
        return {};
    return createIndex(row, column, parentNode->children[static_cast<size_t>(row)].get());
}

QModelIndex FolderTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const Node *parentNode = nodeFor(child)->parent;
    if (!parentNode || parentNode == m_root.get())
        return {};
    return createIndex(parentNode->row(), 0, const_cast<Node *>(parentNode));
}

int FolderTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    return static_cast<int>(nodeFor(parent)->children.size());
}

int FolderTreeModel::columnCount(const QModelIndex &) const
{
    return 1;
}

QVariant FolderTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const Node *node = nodeFor(index);
    switch (role) {
    case Qt::DisplayRole: {
        const int unread = unreadOf(node);
        if (node->unifiedRoot || node->unifiedView >= 0) {
            const QString name = unifiedName(node->unifiedView);
            return unread > 0 ? tr("%1 (%2)").arg(name).arg(unread) : name;
        }
        const QString name = node->accountRoot
                                 ? node->accountName
                                 : (node->isHeading() ? node->heading : displayName(node->folder));
        return unread > 0 ? tr("%1 (%2)").arg(name).arg(unread) : name;
    }
    case Qt::AccessibleTextRole: {
        // Read aloud: « Boîte de réception, 3 messages non lus » rather than « (3) ».
        const int unread = unreadOf(node);
        const QString name =
            node->unifiedRoot || node->unifiedView >= 0
                ? unifiedName(node->unifiedView)
                : (node->accountRoot ? node->accountName
                                     : (node->isHeading() ? node->heading : displayName(node->folder)));
        return unread > 0 ? tr("%1, %n unread message(s)", nullptr, unread).arg(name) : name;
    }
    case AccountIdRole:
        return node->accountId;
    case AccountRootRole:
        return node->accountRoot;
    case UnifiedRootRole:
        return node->unifiedRoot;
    case UnifiedViewRole:
        return node->unifiedView >= 0 ? QVariant(node->unifiedView) : QVariant();
    case SharedGroupRole:
        return node->isHeading();
    case AddRefusalRole:
        return node->accountRoot || node->isHeading() || node->unifiedRoot || node->unifiedView >= 0
                   ? QString()
                   : FolderPermissions(node->folder).reason(FolderPermissions::Action::AddMessages);
    case Qt::FontRole:
        if (node->accountRoot || node->unifiedRoot || unreadOf(node) > 0) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::DecorationRole:
        if (node->unifiedRoot)
            return ThemeIcons::themed(u"mail-folder-inbox"_s, QStyle::SP_DirHomeIcon);
        if (node->unifiedView >= 0)
            return node->unifiedView == static_cast<int>(UnifiedMailbox::View::Flagged)
                       ? ThemeIcons::themed(u"emblem-important"_s, QStyle::SP_MessageBoxWarning)
                       : iconFor(FolderInfo::Role::Inbox);
        if (node->accountRoot)
            return ThemeIcons::themed(u"internet-mail"_s, QStyle::SP_DirHomeIcon);
        if (node->isHeading() || (isShared(node->folder) && !node->placeholder))
            return ThemeIcons::themed(u"folder-remote"_s, QStyle::SP_DirLinkIcon);
        return iconFor(node->folder.pathParts.size() == 1 ? node->folder.role : FolderInfo::Role::None);
    case Qt::ToolTipRole:
        if (node->unifiedRoot || node->unifiedView >= 0)
            return unifiedToolTip(node->unifiedView);
        if (node->accountRoot || node->isHeading())
            return node->accountRoot ? node->accountName : node->heading;
        return isShared(node->folder) && !node->placeholder ? sharedToolTip(node->folder)
                                                            : node->folder.path();
    case PathRole:
        return node->folder.path();
    case FolderRoleRole:
        return static_cast<int>(node->folder.role);
    default:
        return {};
    }
}

Qt::ItemFlags FolderTreeModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags result = Qt::ItemIsEnabled;
    if (nodeFor(index)->unifiedView >= 0)
        return result | Qt::ItemIsSelectable; // a list, not a folder: nothing is dropped there
    if (nodeFor(index)->unifiedRoot || nodeFor(index)->accountRoot || nodeFor(index)->isHeading())
        return result; // a heading: its folders hold the messages
    if (nodeFor(index)->folder.selectable)
        result |= Qt::ItemIsSelectable | Qt::ItemIsDropEnabled;
    return result;
}

QString FolderTreeModel::displayNameForPath(const QString &path) const
{
    const QModelIndex index = indexForPath(path);
    return index.isValid() ? displayName(nodeFor(index)->folder) : path;
}

QStringList FolderTreeModel::mimeTypes() const
{
    return {MessageListModel::kMimeType};
}

Qt::DropActions FolderTreeModel::supportedDropActions() const
{
    return Qt::MoveAction;
}

bool FolderTreeModel::canDropMimeData(const QMimeData *data, Qt::DropAction action, int, int,
                                      const QModelIndex &parent) const
{
    // Onto a folder that can hold messages, not between folders.
    return action == Qt::MoveAction && data && data->hasFormat(MessageListModel::kMimeType) &&
           parent.isValid() && nodeFor(parent)->folder.selectable && !nodeFor(parent)->placeholder &&
           !nodeFor(parent)->accountRoot && !nodeFor(parent)->isHeading() &&
           (m_dropAccount.isEmpty() || nodeFor(parent)->accountId == m_dropAccount);
}

bool FolderTreeModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                                   const QModelIndex &parent)
{
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    const QList<qint64> rowIds = MessageListModel::rowIdsFromMimeData(data);
    if (rowIds.isEmpty())
        return false;
    // Accepted while dragging so that the user learns why, rather than seeing a bare "no".
    const FolderPermissions permissions(nodeFor(parent)->folder);
    if (!permissions.can(FolderPermissions::Action::AddMessages)) {
        Q_EMIT dropRefused(permissions.reason(FolderPermissions::Action::AddMessages));
        return false;
    }
    Q_EMIT messagesDropped(rowIds, nodeFor(parent)->folder.path());
    // The move goes through the offline queue; the list is not asked to remove rows itself.
    return false;
}

} // namespace Amiens
