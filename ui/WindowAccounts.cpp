#include "WindowAccounts.h"

#include "FolderTreeModel.h"
#include "FreeSpaceController.h"
#include "cache/MailCache.h"
#include "services/AccountServices.h"
#include "session/AccountSession.h"

#include <QFileInfo>
#include <QSignalBlocker>
#include <QTreeView>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace Amiens {

WindowAccounts::WindowAccounts(FolderTreeModel *model, QTreeView *view, FreeSpaceController *freeSpace,
                               QObject *parent)
    : QObject(parent)
    , m_model(model)
    , m_view(view)
    , m_freeSpace(freeSpace)
{
}

WindowAccounts::~WindowAccounts() = default;

const WindowAccounts::OpenAccount *WindowAccounts::find(const QString &accountId) const
{
    for (const OpenAccount &account : m_accounts) {
        if (account.id == accountId)
            return &account;
    }
    return nullptr;
}

QStringList WindowAccounts::ids() const
{
    QStringList result;
    for (const OpenAccount &account : m_accounts)
        result.append(account.id);
    return result;
}

QString WindowAccounts::name(const QString &accountId) const
{
    const OpenAccount *account = find(accountId);
    return account ? account->name : accountId;
}

QHash<QString, QString> WindowAccounts::names() const
{
    QHash<QString, QString> result;
    for (const OpenAccount &account : m_accounts)
        result.insert(account.id, account.name);
    return result;
}

bool WindowAccounts::add(AccountServices *services, const QString &name)
{
    if (!services)
        return false;
    const QString id = services->account().id;
    if (find(id))
        return false;
    m_accounts.append(OpenAccount{id, name, services, services->cachePath()});
    auto *context = new QObject(this);
    m_contexts.insert(id, context);
    // The shown account's signals go to the window's usual handlers; the others only update
    // their root and report their errors.
    AccountSession *session = services->session();
    connect(session, &AccountSession::foldersChanged, context, [this, id](const QList<FolderInfo> &folders) {
        if (id == m_shown)
            return;
        setFolders(id, folders);
        refreshCounts(id);
        Q_EMIT accountConnected(id);
    });
    connect(session, &AccountSession::syncFinished, context, [this, id](const SyncReport &report) {
        if (id != m_shown)
            refreshCounts(id);
        updateQuota(id);
        Q_EMIT accountSynced(id, report);
    });
    connect(session, &AccountSession::errorOccurred, context, [this, id](const ServiceError &error) {
        if (id != m_shown)
            Q_EMIT errorOccurred(id, this->name(id), error);
    });
    updateRoots();
    updateQuota(id); // what the last sync stored, before the next one
    return true;
}

void WindowAccounts::remove(const QString &accountId)
{
    m_accounts.erase(std::remove_if(m_accounts.begin(), m_accounts.end(),
                                    [&](const OpenAccount &account) { return account.id == accountId; }),
                     m_accounts.end());
    delete m_contexts.take(accountId);
    // Closed before its files go.
    m_caches.remove(accountId);
    m_inboxUnread.remove(accountId);
    m_freeSpace->forget(accountId);
    emitInboxUnread();
}

void WindowAccounts::clear()
{
    for (const OpenAccount &account : std::as_const(m_accounts))
        m_freeSpace->forget(account.id);
    qDeleteAll(m_contexts);
    m_contexts.clear();
    m_accounts.clear();
    m_caches.clear();
    m_inboxUnread.clear();
    m_model->setAccounts({});
}

void WindowAccounts::setOrder(const QList<Account> &accounts)
{
    QList<OpenAccount> ordered;
    for (const Account &account : accounts) {
        for (const OpenAccount &open : std::as_const(m_accounts)) {
            if (open.id == account.id) {
                ordered.append(open);
                ordered.last().name = account.displayName();
            }
        }
    }
    // Accounts the profile no longer lists stay at the end until removed.
    for (const OpenAccount &open : std::as_const(m_accounts)) {
        if (std::none_of(ordered.cbegin(), ordered.cend(),
                         [&](const OpenAccount &o) { return o.id == open.id; }))
            ordered.append(open);
    }
    m_accounts = ordered;
    updateRoots();
    emitInboxUnread(); // the names and order of the tray's lines
}

void WindowAccounts::updateRoots()
{
    const QString path = m_view->currentIndex().data(FolderTreeModel::PathRole).toString();
    const QVariant unified = m_view->currentIndex().data(FolderTreeModel::UnifiedViewRole);
    QList<FolderTreeModel::AccountRoot> roots;
    for (const OpenAccount &account : std::as_const(m_accounts))
        roots.append({account.id, account.name});
    m_model->setAccounts(roots);
    m_view->expandAll();
    // The roots moved or were renamed: the folder being read stays selected, its list as it is.
    QModelIndex current;
    if (unified.isValid())
        current = m_model->indexForUnifiedView(unified.toInt());
    else if (!path.isEmpty() && !m_shown.isEmpty())
        current = m_model->indexForPath(path, m_shown);
    if (current.isValid()) {
        const QSignalBlocker blocker(m_view->selectionModel());
        m_view->setCurrentIndex(current);
        m_view->viewport()->update();
    }
}

void WindowAccounts::setFolders(const QString &accountId, const QList<FolderInfo> &folders)
{
    const QModelIndex before = m_view->currentIndex();
    const QString path = before.data(FolderTreeModel::PathRole).toString();
    const QString shown = before.data(FolderTreeModel::AccountIdRole).toString();
    const QVariant unified = before.data(FolderTreeModel::UnifiedViewRole);
    m_model->setFolders(accountId, folders);
    m_view->expandAll();
    if (!path.isEmpty() || unified.isValid()) {
        // Another account's list changed: the folder being read stays selected, its list as it is.
        const QSignalBlocker blocker(m_view->selectionModel());
        m_view->setCurrentIndex(unified.isValid() ? m_model->indexForUnifiedView(unified.toInt())
                                                  : m_model->indexForPath(path, shown));
        m_view->viewport()->update();
    }
}

MailCache *WindowAccounts::cache(const QString &accountId)
{
    if (const auto open = m_caches.value(accountId))
        return open.get();
    const OpenAccount *account = find(accountId);
    if (!account || account->cachePath.isEmpty() || !QFileInfo::exists(account->cachePath))
        return nullptr;
    auto reader = std::make_shared<MailCache>();
    QString error;
    if (!reader->open(account->cachePath, accountId, MailCache::Mode::ReadOnly, &error))
        return nullptr;
    m_caches.insert(accountId, reader);
    return reader.get();
}

QList<UnifiedMailbox::Source> WindowAccounts::unifiedSources()
{
    QList<UnifiedMailbox::Source> sources;
    for (const OpenAccount &account : std::as_const(m_accounts)) {
        if (MailCache *reader = cache(account.id))
            sources.append({account.id, reader});
    }
    return sources;
}

void WindowAccounts::refreshCounts(const QString &accountId)
{
    MailCache *reader = cache(accountId);
    if (!reader)
        return;
    const QList<CachedFolder> folders = reader->folderStore().folders();
    QList<FolderInfo> infos;
    for (const CachedFolder &folder : folders)
        infos.append(folder.info);
    if (!m_model->hasFolders(accountId) || m_model->detailsDiffer(accountId, infos))
        setFolders(accountId, infos);
    QHash<QString, int> unread;
    for (const CachedFolder &folder : folders)
        unread.insert(folder.info.path(), folder.unseenCount);
    setUnreadCounts(accountId, unread);
}

void WindowAccounts::setUnreadCounts(const QString &accountId, const QHash<QString, int> &unread)
{
    m_model->setUnreadCounts(accountId, unread);
    m_inboxUnread.insert(accountId, unread.value(u"INBOX"_s));
    emitInboxUnread();
}

QList<WindowAccounts::UnreadCount> WindowAccounts::inboxUnread() const
{
    QList<UnreadCount> counts;
    for (const OpenAccount &account : m_accounts)
        counts.append({account.name, m_inboxUnread.value(account.id)});
    return counts;
}

void WindowAccounts::emitInboxUnread()
{
    int total = 0;
    for (const int count : std::as_const(m_inboxUnread))
        total += count;
    updateUnifiedCounts();
    Q_EMIT inboxUnreadChanged(total);
    Q_EMIT inboxUnreadPerAccountChanged(inboxUnread());
}

void WindowAccounts::updateUnifiedCounts()
{
    if (m_accounts.size() < 2)
        return;
    const UnifiedMailbox mailbox(unifiedSources());
    m_model->setUnifiedCounts(mailbox.unreadInInboxes(), mailbox.count(UnifiedMailbox::View::Unread));
}

void WindowAccounts::updateQuota(const QString &accountId)
{
    if (const OpenAccount *account = find(accountId)) {
        m_freeSpace->update({account->id, account->name, account->cachePath,
                             account->services ? account->services->session() : nullptr});
    }
}

QString WindowAccounts::accountForMenu() const
{
    const QString selected = m_view->currentIndex().data(FolderTreeModel::AccountIdRole).toString();
    if (!selected.isEmpty() && find(selected))
        return selected;
    return find(m_shown) ? m_shown : QString();
}

} // namespace Amiens
