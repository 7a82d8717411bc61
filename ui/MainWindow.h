#pragma once

#include "net/ServiceError.h"
#include "settings/HelpCatalog.h"

#include <QMainWindow>
#include <QPointer>

class QAction;
class QLabel;
class QProgressBar;
class QSplitter;
class QTextBrowser;
class QTreeView;

namespace Amiens {

class AccountSession;
class FolderTreeModel;
class NotificationBanner;

/// The reading window: folders on the left, then the message list and the message. In this
/// first version the folder tree is live; the list and the view come with the cache.
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
    [[nodiscard]] const HelpCatalog &help() const { return m_help; }
    [[nodiscard]] QAction *signOutAction() const { return m_signOutAction; }

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

public Q_SLOTS:
    void refresh();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildActions();
    void restoreLayout();
    void saveLayout() const;
    void onBusyChanged(bool busy);
    void onError(const ServiceError &error);
    void onFoldersChanged();

    QPointer<AccountSession> m_session;
    FolderTreeModel *m_folderModel = nullptr;
    QTreeView *m_folderView = nullptr;
    QTreeView *m_messageList = nullptr;
    QTextBrowser *m_messageView = nullptr;
    QSplitter *m_mainSplitter = nullptr;
    QSplitter *m_readingSplitter = nullptr;
    NotificationBanner *m_banner = nullptr;
    NotificationBanner *m_reminderBanner = nullptr;
    HelpCatalog m_help;
    QAction *m_signOutAction = nullptr;
    QLabel *m_connectionLabel = nullptr;
    QLabel *m_lastSyncLabel = nullptr;
    QProgressBar *m_progress = nullptr;
};

} // namespace Amiens
