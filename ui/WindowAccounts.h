#pragma once

#include "account/Account.h"
#include "cache/UnifiedMailbox.h"
#include "imap/FolderInfo.h"
#include "net/ServiceError.h"
#include "sync/SyncOptions.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <memory>

class QTreeView;

namespace Amiens {

class AccountServices;
class FolderTreeModel;
class FreeSpaceController;
class MailCache;

/// The accounts open in the main window (issue 18), apart from the one whose messages are shown:
/// their services, names and order, their roots, folders and unread counts in the folder tree,
/// their quota for the banner, and a reader of each one's offline cache (for the counts and for
/// « Tous les comptes »). The window shows one account at a time (setShownAccount); the others'
/// sessions are followed here and their errors passed on.
class WindowAccounts : public QObject
{
    Q_OBJECT
public:
    /// An account shown in the window.
    struct OpenAccount
    {
        QString id;
        QString name;
        QPointer<AccountServices> services;
        QString cachePath;
    };
    /// An account's unread inbox messages, for the tray.
    struct UnreadCount
    {
        QString name;
        int count = 0;
    };

    /// Keeps @p model's roots and folders (shown in @p view) and @p freeSpace's quotas up to date.
    WindowAccounts(FolderTreeModel *model, QTreeView *view, FreeSpaceController *freeSpace,
                   QObject *parent = nullptr);
    ~WindowAccounts() override;

    /// Adds @p services's account, its root named @p name; false when it is open already.
    bool add(AccountServices *services, const QString &name);
    void remove(const QString &accountId);
    /// Every account gone (signed out); their cache readers closed.
    void clear();
    /// The profile's order and names.
    void setOrder(const QList<Account> &accounts);
    /// The account whose messages the window lists (its own cache and session handle it).
    void setShownAccount(const QString &accountId) { m_shown = accountId; }

    [[nodiscard]] const QList<OpenAccount> &accounts() const { return m_accounts; }
    [[nodiscard]] const OpenAccount *find(const QString &accountId) const;
    [[nodiscard]] QStringList ids() const;
    [[nodiscard]] qsizetype size() const { return m_accounts.size(); }
    [[nodiscard]] bool isEmpty() const { return m_accounts.isEmpty(); }
    /// The name shown for @p accountId (its root), or the id when unknown.
    [[nodiscard]] QString name(const QString &accountId) const;
    /// Every account's name by id.
    [[nodiscard]] QHash<QString, QString> names() const;
    /// The account of the folder selected in the tree, or the shown one; empty without any.
    [[nodiscard]] QString accountForMenu() const;

    /// The roots again, in order, keeping the selected folder.
    void updateRoots();
    /// Folders and unread counts of @p accountId, read from its cache.
    void refreshCounts(const QString &accountId);
    /// The shown account's unread counts per folder path, read by the window from its cache.
    void setUnreadCounts(const QString &accountId, const QHash<QString, int> &unread);
    /// @p accountId's folders, keeping the folder (or « Tous les comptes » view) selected.
    void setFolders(const QString &accountId, const QList<FolderInfo> &folders);
    /// Re-reads @p accountId's quota from its cache (after its sync) for the quota banner.
    void updateQuota(const QString &accountId);

    /// A reader of @p accountId's cache, opened on first use; nullptr before its first sync.
    [[nodiscard]] MailCache *cache(const QString &accountId);
    /// Every open account's cache, in the profile's order, for « Tous les comptes ».
    [[nodiscard]] QList<UnifiedMailbox::Source> unifiedSources();
    /// Inbox unread messages per account, in order.
    [[nodiscard]] QList<UnreadCount> inboxUnread() const;

Q_SIGNALS:
    /// The inboxes' unread count, every account together, and per account.
    void inboxUnreadChanged(int count);
    void inboxUnreadPerAccountChanged(const QList<Amiens::WindowAccounts::UnreadCount> &counts);
    /// An account's session finished a sync (any account, shown or not).
    void accountSynced(const QString &accountId, const Amiens::SyncReport &report);
    /// An account not shown failed: @p name, for the banner.
    void errorOccurred(const QString &accountId, const QString &name, const Amiens::ServiceError &error);
    /// An account not shown reached its server (its folders came): its error, if shown, is over.
    void accountConnected(const QString &accountId);

private:
    void emitInboxUnread();
    /// The badges of « Tous les comptes » (two accounts or more).
    void updateUnifiedCounts();

    FolderTreeModel *m_model = nullptr;
    QTreeView *m_view = nullptr;
    FreeSpaceController *m_freeSpace = nullptr;
    QList<OpenAccount> m_accounts;
    QHash<QString, QObject *> m_contexts; ///< per account: receives its session's signals
    QHash<QString, std::shared_ptr<MailCache>> m_caches;
    QHash<QString, int> m_inboxUnread;
    QString m_shown;
};

} // namespace Amiens
