#pragma once

#include "cache/MailCache.h"
#include "net/ServiceError.h"
#include "settings/HelpCatalog.h"

#include <QMainWindow>
#include <QPointer>

class QAction;
class QActionGroup;
class QLabel;
class QLineEdit;
class QProgressBar;
class QSplitter;
class QTimer;
class QTreeView;

namespace Amiens {

class AccountSession;
class FolderTreeModel;
class MessageListModel;
class MessageView;
class NotificationBanner;

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
    [[nodiscard]] FolderTreeModel *folderModel() const { return m_folderModel; }
    [[nodiscard]] QTreeView *folderView() const { return m_folderView; }
    [[nodiscard]] NotificationBanner *banner() const { return m_banner; }
    /// The six-month password reminder, separate so that errors do not hide it.
    [[nodiscard]] NotificationBanner *reminderBanner() const { return m_reminderBanner; }
    /// "Absence active" with a link to end it, while the out-of-office message runs.
    [[nodiscard]] NotificationBanner *absenceBanner() const { return m_absenceBanner; }
    void showAbsenceActive(bool active, const QDateTime &until);
    [[nodiscard]] const HelpCatalog &help() const { return m_help; }
    [[nodiscard]] QAction *signOutAction() const { return m_signOutAction; }
    [[nodiscard]] MessageListModel *messageModel() const { return m_listModel; }
    [[nodiscard]] QTreeView *messageList() const { return m_messageList; }
    [[nodiscard]] MessageView *messageView() const { return m_messageView; }
    [[nodiscard]] QLineEdit *searchField() const { return m_searchField; }
    [[nodiscard]] QAction *action(const QString &objectName) const;

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
    void showPasswordReminder(qint64 ageInDays);
    /// Help > "Compte bloqué ou piraté" and "Assistance": non-modal, so tests can read them.
    void showHelp(const QString &objectName, const QString &title, const QString &html);

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

public Q_SLOTS:
    void refresh();
    /// A composer for a new message, or for a reply to @p uid of @p folderPath.
    void openComposer(const QString &folderPath = {}, quint32 uid = 0);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildActions();
    void restoreLayout();
    void saveLayout() const;
    void onBusyChanged(bool busy);
    void onError(const ServiceError &error);
    void onFoldersChanged();
    void onFolderSelected();
    void onMessageSelected();
    void onSearchEdited();
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
    void afterLocalChange(const QString &error);
    [[nodiscard]] QString folderPath(qint64 folderId) const;
    [[nodiscard]] bool openCacheIfNeeded();

    QPointer<AccountSession> m_session;
    MailCache m_cache;
    QString m_cachePath;
    QString m_accountId;
    MessageListModel *m_listModel = nullptr;
    QLineEdit *m_searchField = nullptr;
    QTimer *m_searchTimer = nullptr;
    QAction *m_unreadFilter = nullptr;
    QAction *m_flaggedFilter = nullptr;
    QAction *m_attachmentFilter = nullptr;
    QList<QAction *> m_messageActions;
    FolderTreeModel *m_folderModel = nullptr;
    QTreeView *m_folderView = nullptr;
    QTreeView *m_messageList = nullptr;
    MessageView *m_messageView = nullptr;
    QSplitter *m_mainSplitter = nullptr;
    QSplitter *m_readingSplitter = nullptr;
    NotificationBanner *m_banner = nullptr;
    NotificationBanner *m_reminderBanner = nullptr;
    NotificationBanner *m_absenceBanner = nullptr;
    HelpCatalog m_help;
    QAction *m_signOutAction = nullptr;
    QLabel *m_connectionLabel = nullptr;
    QLabel *m_lastSyncLabel = nullptr;
    QProgressBar *m_progress = nullptr;
};

} // namespace Amiens
