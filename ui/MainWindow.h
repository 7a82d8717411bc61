#pragma once

#include "net/ServiceError.h"

#include <QMainWindow>
#include <QPointer>

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

    /// "No account yet": the first-run assistant will take this place.
    void showNoAccount(const QString &profileDirectory);

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
    QLabel *m_connectionLabel = nullptr;
    QLabel *m_lastSyncLabel = nullptr;
    QProgressBar *m_progress = nullptr;
};

} // namespace Amiens
