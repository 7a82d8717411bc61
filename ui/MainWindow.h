#pragma once

#include "FolderActionRights.h"
#include "account/Account.h"
#include "cache/MailCache.h"
#include "cache/UnifiedMailbox.h"
#include "net/ServiceError.h"
#include "session/ServerSearch.h"
#include "settings/HelpCatalog.h"

#include <QHash>
#include <QMainWindow>
#include <QPointer>
#include <functional>

class QAction;
class QActionGroup;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QSplitter;
class QStackedWidget;
class QTimer;
class QTreeView;

namespace Amiens {

class AccountServices;
class AccountSession;
class ComposerWindow;
class DraftSynchronizer;
class FolderTreeModel;
class MessageListModel;
class MessageOpener;
class MessageView;
class FreeSpaceController;
class NotificationBanner;
class ReadReceiptHandler;
class UndoBar;
class UnifiedListModel;
class UnifiedListView;
class WindowAccounts;
class WindowComposers;

/// The reading window: folders with unread counts, the message list and the message, all read
/// from the offline cache, so it works the same with or without a network. Changes go through
/// the account's queue and show at once; syncs run in the background.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Shows @p session's account; the window does not own it.
    void setSession(AccountSession *session);
    /// Shows the account of @p services (its session) and reports phishing through it; the
    /// window does not own it. nullptr: no account open.
    void setAccountServices(AccountServices *services);
    /// Adds another account of the profile: its root in the folder tree (named @p name), its
    /// unread counts and errors; its messages show when one of its folders is selected. The
    /// window does not own @p services. The first account added is shown at once.
    void addAccount(AccountServices *services, const QString &name);
    /// Takes the account away from the window (before its services are destroyed).
    void removeAccount(const QString &accountId);
    /// The profile's order and names (after « Renommer » or « Monter / Descendre »).
    void setAccountOrder(const QList<Account> &accounts);
    [[nodiscard]] QStringList accountIds() const;
    /// The account whose folder is selected (its messages are the ones listed).
    [[nodiscard]] QString currentAccountId() const { return m_accountId; }
    /// Selects @p path of @p accountId, showing that account's messages.
    bool selectFolder(const QString &path, const QString &accountId);
    [[nodiscard]] FolderTreeModel *folderModel() const { return m_folderModel; }
    [[nodiscard]] QTreeView *folderView() const { return m_folderView; }
    [[nodiscard]] NotificationBanner *banner() const { return m_banner; }
    /// The six-month password reminder, separate so that errors do not hide it.
    [[nodiscard]] NotificationBanner *reminderBanner() const { return m_reminderBanner; }
    /// "Absence active" with a link to end it, while the out-of-office message runs.
    [[nodiscard]] NotificationBanner *absenceBanner() const { return m_absenceBanner; }
    /// With several accounts, @p accountName says whose it is; « Y mettre fin » opens
    /// @p accountId's settings.
    void showAbsenceActive(bool active, const QDateTime &until, const QString &accountId = {},
                           const QString &accountName = {});
    [[nodiscard]] const HelpCatalog &help() const { return m_help; }
    [[nodiscard]] QAction *signOutAction() const { return m_signOutAction; }
    [[nodiscard]] MessageListModel *messageModel() const { return m_listModel; }
    [[nodiscard]] QTreeView *messageList() const { return m_messageList; }
    /// « Tous les comptes » and searches across accounts: the list shown in place of messageList().
    [[nodiscard]] UnifiedListModel *unifiedModel() const;
    [[nodiscard]] UnifiedListView *unifiedList() const { return m_unifiedList; }
    /// Whether the list shown is the unified one (rather than a folder's).
    [[nodiscard]] bool isShowingUnifiedList() const;
    /// Selects @p view under « Tous les comptes » (two or more accounts).
    bool selectUnifiedView(UnifiedMailbox::View view);
    /// The accounts open in the window, their roots and unread counts.
    [[nodiscard]] WindowAccounts *accounts() const { return m_accounts; }
    /// Where the search field looks: « Ce compte » or « Tous les comptes » (several accounts).
    [[nodiscard]] QComboBox *searchScope() const { return m_searchScope; }
    enum class SearchScope
    {
        ThisAccount,
        AllAccounts,
    };
    [[nodiscard]] MessageView *messageView() const { return m_messageView; }
    [[nodiscard]] QLineEdit *searchField() const { return m_searchField; }
    [[nodiscard]] QAction *action(const QString &objectName) const;
    /// "Annuler" after a move or delete, for as long as the change is held back.
    [[nodiscard]] UndoBar *undoBar() const { return m_undoBar; }
    /// How long moves and deletes wait before they go to the server (tests shorten it).
    void setUndoSeconds(int seconds) { m_undoSeconds = seconds; }
    /// Moves the messages with these cache row ids (all of one folder) to @p destination, with undo.
    void moveMessages(const QList<qint64> &rowIds, const QString &destination);
    /// « Déplacer vers » a folder of another account (@p targetAccountId): through both
    /// accounts' queues, exactly once; a message not downloaded stays, with the reason shown.
    void transferSelection(const QString &targetAccountId, const QString &targetFolder);
    /// "Vider la corbeille": after @p confirm (a question to the user) says yes, deletes every
    /// message of the Trash for good. False when there was nothing to do or the user said no.
    bool emptyTrash(const std::function<bool(int count)> &confirm);

    /// Reads the account's offline cache (once it exists) for the folders and messages.
    void setCachePath(const QString &path, const QString &accountId);
    /// Re-reads the cache after a sync or a local change, keeping the selection.
    void reloadFromCache();
    void showSyncProgress(const QString &folderPath, int done, int total);
    void showSyncFinished(const QDateTime &when);
    /// Selects a folder by server path ("INBOX").
    bool selectFolder(const QString &path);
    /// "No account yet", with a link to the first-run assistant.
    void showNoAccount(const QString &profileDirectory);
    /// The gentle reminder that the password is older than the academy allows.
    void showPasswordReminder(qint64 ageInDays, const QString &accountName = {});
    /// Help > "Compte bloqué ou piraté" and "Assistance": non-modal, so tests can read them.
    void showHelp(const QString &objectName, const QString &title, const QString &html);
    /// Aide › « Raccourcis clavier » (ShortcutsDialog, « shortcutsHelp »).
    void showShortcuts();

Q_SIGNALS:
    /// "Se déconnecter".
    void signOutRequested();
    /// A banner link that asks the application to do something ("amiens:setup", …).
    void commandLinkActivated(const QString &link);
    /// File > "Paramètres…".
    void settingsRequested();
    /// F5, or a change that should reach the server soon.
    void syncRequested();
    /// Ctrl+R: the window opens a composer for it (openComposer).
    void replyRequested(const QString &folderPath, quint32 uid);
    /// A composer wrote a message to the outbox: the application should send the outbox now.
    void outboxQueued(const QString &outboxId);
    /// The inboxes' unread count (every account) after reading the caches (the tray icon shows it).
    void inboxUnreadChanged(int count);
    /// Comptes > « Ajouter un compte… ».
    void addAccountRequested();
    /// Comptes > « Renommer… », « Supprimer le compte… » for @p accountId.
    void renameAccountRequested(const QString &accountId);
    void removeAccountRequested(const QString &accountId);
    /// Comptes > « Monter » (-1) / « Descendre » (+1).
    void moveAccountRequested(const QString &accountId, int delta);

public Q_SLOTS:
    void refresh();
    /// A composer for a new message, or for a reply to @p uid of @p folderPath.
    /// Returns the composer, or nullptr when no account is open.
    ComposerWindow *openComposer(const QString &folderPath = {}, quint32 uid = 0);
    /// Ctrl+Shift+R: a reply to the sender and every recipient of @p uid.
    ComposerWindow *openReplyAll(const QString &folderPath, quint32 uid);
    /// Ctrl+L: a forward of @p uid with its attachments.
    ComposerWindow *openForward(const QString &folderPath, quint32 uid);
    /// Reopens a local draft (Message > Drafts).
    ComposerWindow *openDraft(const QString &draftId);
    /// Keeps the account's drafts in its Drafts folder; nullptr without an account.
    [[nodiscard]] DraftSynchronizer *draftSynchronizer();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildActions();
    /// F6 (+1) / Shift+F6 (-1): the focus to the next or previous of folders, list, message.
    void focusPane(int delta);
    void restoreLayout();
    void saveLayout() const;
    void onBusyChanged(bool busy);
    /// The shown account's background search index (issue 19): the status bar's percentage, the
    /// note under search results, and the list's previews filled in as they are indexed.
    void onSearchIndexProgress(int indexed, int total);
    /// Says under the results of an offline search how many messages it could not cover yet.
    void updateSearchNote();
    void onError(const ServiceError &error);
    void onFoldersChanged();
    void onFolderSelected();
    void onMessageSelected();
    /// A row of the unified list: its account becomes the shown one (cache, session), so that
    /// every action on it goes to that account and folder.
    void onUnifiedMessageSelected();
    /// « Tous les comptes » › @p view in the message list.
    void showUnified(UnifiedMailbox::View view);
    /// Back to the folder list (another folder selected, or one account left).
    void showFolderList();
    /// Reads the unified list again from every account's cache, keeping the selected message.
    void reloadUnified();
    /// The scope combo is offered with several accounts only.
    void updateSearchScope();
    void setSearchScope(SearchScope scope);
    /// Greys out what the rights of the selected messages' folder (or the selected folder) forbid.
    void updateFolderRights();
    void onSearchEdited();
    /// The message list's context menu: « Déplacer vers », a submenu per account.
    void showMessageMenu(const QPoint &globalPosition);
    /// The server's own search, for bodies the offline cache does not hold.
    void searchOnServer();
    void applyFilter();
    /// The current message(s): their folder path and UIDs.
    struct Selection
    {
        QString folderPath;
        QList<quint32> uids;
        qint64 rowId = 0;
        bool seen = false;
        bool flagged = false;
    };
    [[nodiscard]] Selection selection() const;
    void markSelection(bool seen);
    void toggleFlag();
    void deleteSelection();
    void archiveSelection();
    /// "Signaler comme hameçonnage": a report to the site's security address (outbox), then Junk.
    void reportPhishing();
    /// The phishing checks with the site's and the user's domains and the cache's colleagues.
    void configurePhishingChecks();
    /// configurePhishingChecks() once per cache opened, when the cache is open.
    void ensurePhishingChecks();
    /// Shows a message, with the phishing checks read from the cache first if they are not yet.
    void showInMessageView(const CachedMessage &message, const std::optional<QByteArray> &raw,
                           bool ownFolder);
    void moveTo(const Selection &messages, const QString &destination);
    /// Replays @p targetAccountId's queue (it adds the messages moved to it), then the shown
    /// account's (it removes its copies once the other has them).
    void sendTransfer(const QString &targetAccountId);
    [[nodiscard]] Selection selectionOf(const QList<CachedMessage> &messages) const;
    [[nodiscard]] std::optional<CachedFolder> folderWithRole(FolderInfo::Role role);
    void afterLocalChange(const QString &error);
    void afterUndoableChange(const QString &error, qint64 operationId, const QString &description);
    [[nodiscard]] QString folderPath(qint64 folderId) const;
    [[nodiscard]] bool openCacheIfNeeded();
    /// Read receipts for the message just shown: who read it, and the sender's request.
    void showReadReceipts(const CachedMessage &message, const QByteArray &raw, bool ownFolder);
    /// A body fetched after the message was selected: shown if it is still the selected one.
    void showFetchedBody(qint64 rowId, const std::optional<QByteArray> &raw);
    void showServerSearch(const ServerSearch::Result &result);
    /// The window's part of the core helpers: their results shown.
    void connectCore();
    [[nodiscard]] QString profileDirectory() const;

    /// Shows the messages of @p accountId (its cache, its session).
    void activateAccount(const QString &accountId);
    /// Makes @p accountId the shown account (session, cache) without reading a list.
    void useAccount(const QString &accountId);
    /// Opens @p path as the shown account's cache; false when there is none yet.
    bool useCache(const QString &path, const QString &accountId);

    WindowAccounts *m_accounts = nullptr;
    QPointer<AccountSession> m_session;
    QPointer<AccountServices> m_services;
    QPointer<AccountSession> m_undoSession; ///< whose change "Annuler" offers to undo
    /// New messages, answers and drafts of the shown account.
    WindowComposers *m_composers = nullptr;
    /// m_composers, with the shown account's cache open if it exists.
    [[nodiscard]] WindowComposers *composers();
    MailCache m_cache;
    QString m_cachePath;
    /// The phishing checks know this cache's colleagues (read on the first message shown).
    bool m_phishingChecksReady = false;
    QString m_accountId;
    MessageListModel *m_listModel = nullptr;
    QLineEdit *m_searchField = nullptr;
    QComboBox *m_searchScope = nullptr;
    QAction *m_searchScopeAction = nullptr;
    UnifiedListView *m_unifiedList = nullptr;
    QStackedWidget *m_listStack = nullptr;
    /// « Tous les comptes » › this view is selected in the tree.
    std::optional<UnifiedMailbox::View> m_unifiedView;
    QTimer *m_searchTimer = nullptr;
    QAction *m_unreadFilter = nullptr;
    QAction *m_flaggedFilter = nullptr;
    QAction *m_attachmentFilter = nullptr;
    QList<QAction *> m_messageActions;
    FolderActionRights m_folderRights;
    FolderTreeModel *m_folderModel = nullptr;
    MessageOpener *m_opener = nullptr;
    ReadReceiptHandler *m_receipts = nullptr;
    ServerSearch *m_serverSearch = nullptr;
    QTreeView *m_folderView = nullptr;
    QTreeView *m_messageList = nullptr;
    MessageView *m_messageView = nullptr;
    QSplitter *m_mainSplitter = nullptr;
    QSplitter *m_readingSplitter = nullptr;
    NotificationBanner *m_banner = nullptr;
    NotificationBanner *m_reminderBanner = nullptr;
    NotificationBanner *m_absenceBanner = nullptr;
    NotificationBanner *m_quotaBanner = nullptr;
    FreeSpaceController *m_freeSpace = nullptr;
    HelpCatalog m_help;
    QAction *m_signOutAction = nullptr;
    QLabel *m_connectionLabel = nullptr;
    QLabel *m_lastSyncLabel = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_indexLabel = nullptr;
    QLabel *m_searchNote = nullptr;
    UndoBar *m_undoBar = nullptr;
    int m_undoSeconds = 10;
};

} // namespace Amiens
