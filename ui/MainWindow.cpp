#include "MainWindow.h"

#include "FolderTreeModel.h"
#include "HelpTexts.h"
#include "NotificationBanner.h"
#include "UrlOpener.h"
#include "imap/AccountSession.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QSettings>
#include <QSplitter>
#include <QStandardItemModel>
#include <QStatusBar>
#include <QTextBrowser>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Amiens {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_folderModel(new FolderTreeModel(this))
    , m_help(HelpCatalog::load())
{
    setWindowTitle(tr("AmiensMail"));
    setObjectName(u"MainWindow"_s);

    m_folderView = new QTreeView(this);
    m_folderView->setObjectName(u"folderView"_s);
    m_folderView->setModel(m_folderModel);
    m_folderView->setHeaderHidden(true);
    m_folderView->setAccessibleName(tr("Folders"));

    m_messageList = new QTreeView(this);
    m_messageList->setObjectName(u"messageList"_s);
    m_messageList->setRootIsDecorated(false);
    m_messageList->setAccessibleName(tr("Messages"));
    auto *listModel = new QStandardItemModel(0, 4, m_messageList);
    listModel->setHorizontalHeaderLabels({tr("Subject"), tr("Correspondent"), tr("Date"), tr("Size")});
    m_messageList->setModel(listModel);

    m_messageView = new QTextBrowser(this);
    m_messageView->setObjectName(u"messageView"_s);
    m_messageView->setOpenLinks(false);
    m_messageView->setAccessibleName(tr("Message"));
    m_messageView->setPlaceholderText(tr("Select a message to read it."));

    m_readingSplitter = new QSplitter(Qt::Vertical, this);
    m_readingSplitter->setObjectName(u"readingSplitter"_s);
    m_readingSplitter->addWidget(m_messageList);
    m_readingSplitter->addWidget(m_messageView);
    m_mainSplitter = new QSplitter(Qt::Horizontal, this);
    m_mainSplitter->setObjectName(u"mainSplitter"_s);
    m_mainSplitter->addWidget(m_folderView);
    m_mainSplitter->addWidget(m_readingSplitter);
    m_mainSplitter->setStretchFactor(1, 3);

    m_banner = new NotificationBanner(this);
    m_banner->setObjectName(u"banner"_s);
    m_reminderBanner = new NotificationBanner(this);
    m_reminderBanner->setObjectName(u"passwordReminder"_s);
    // Web links go to the browser; "amiens:" links are commands for whoever drives the window.
    for (NotificationBanner *banner : {m_banner, m_reminderBanner}) {
        connect(banner, &NotificationBanner::linkActivated, this, [this](const QString &link) {
            const QUrl url(link);
            if (url.scheme() == "amiens"_L1)
                Q_EMIT commandLinkActivated(link);
            else
                UrlOpener::open(url);
        });
    }
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_reminderBanner);
    layout->addWidget(m_banner);
    layout->addWidget(m_mainSplitter, 1);
    setCentralWidget(central);

    m_connectionLabel = new QLabel(tr("Offline"), this);
    m_lastSyncLabel = new QLabel(this);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 0);
    m_progress->setMaximumWidth(160);
    m_progress->setAccessibleName(tr("Synchronisation in progress"));
    m_progress->hide();
    statusBar()->addWidget(m_connectionLabel);
    statusBar()->addWidget(m_lastSyncLabel, 1);
    statusBar()->addPermanentWidget(m_progress);

    buildActions();
    restoreLayout();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildActions()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *refreshAction = fileMenu->addAction(tr("&Refresh"), this, &MainWindow::refresh);
    refreshAction->setShortcut(QKeySequence::Refresh);
    fileMenu->addSeparator();
    m_signOutAction = fileMenu->addAction(tr("Sign &out"), this, &MainWindow::signOutRequested);
    m_signOutAction->setObjectName(u"signOutAction"_s);
    m_signOutAction->setEnabled(false);
    QAction *quitAction = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quitAction->setShortcut(QKeySequence::Quit);

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    QAction *forgotten = helpMenu->addAction(tr("&Forgot your password?"), this,
                                             [this] { UrlOpener::open(m_help.passwordResetUrl()); });
    forgotten->setObjectName(u"forgotPasswordAction"_s);
    forgotten->setEnabled(!m_help.passwordResetUrl().isEmpty());
    QAction *blocked = helpMenu->addAction(tr("Account &blocked or hacked…"), this, [this] {
        showHelp(u"accountBlockedHelp"_s, tr("Account blocked or hacked"), HelpTexts::accountBlocked(m_help));
    });
    blocked->setObjectName(u"accountBlockedAction"_s);
    QAction *support = helpMenu->addAction(tr("&Assistance…"), this, [this] {
        showHelp(u"supportHelp"_s, tr("Assistance"), HelpTexts::support(m_help));
    });
    support->setObjectName(u"supportAction"_s);
    helpMenu->addSeparator();
    helpMenu->addAction(tr("&About AmiensMail"), this, [this] {
        QMessageBox::about(this, tr("About AmiensMail"),
                           tr("<p><b>AmiensMail</b> %1</p><p>The mail client of the staff of the "
                              "Académie d'Amiens.</p><p>Free software under the GNU GPL version 3 or "
                              "later.</p>")
                               .arg(QApplication::applicationVersion()));
    });
}

void MainWindow::setSession(AccountSession *session)
{
    if (m_session)
        m_session->disconnect(this);
    m_session = session;
    m_signOutAction->setEnabled(m_session != nullptr);
    if (!m_session) {
        setWindowTitle(tr("AmiensMail"));
        m_folderModel->setFolders({});
        m_connectionLabel->setText(tr("Offline"));
        m_progress->hide();
        return;
    }
    setWindowTitle(tr("%1 — AmiensMail").arg(m_session->account().address));
    connect(m_session, &AccountSession::foldersChanged, this, [this](const QList<FolderInfo> &folders) {
        m_folderModel->setFolders(folders);
        onFoldersChanged();
    });
    connect(m_session, &AccountSession::errorOccurred, this, &MainWindow::onError);
    connect(m_session, &AccountSession::busyChanged, this, &MainWindow::onBusyChanged);
}

void MainWindow::showNoAccount(const QString &profileDirectory)
{
    m_banner->showMessage(NotificationBanner::Level::Information,
                          tr("No mail account is configured in %1 yet.").arg(profileDirectory).toHtmlEscaped()
                              + u" <a href=\"amiens:setup\">"_s + tr("Set up my account…").toHtmlEscaped()
                              + u"</a>"_s);
}

void MainWindow::showPasswordReminder(qint64 ageInDays)
{
    m_reminderBanner->showMessage(NotificationBanner::Level::Information,
                                  HelpTexts::passwordReminder(m_help, ageInDays));
}

void MainWindow::showHelp(const QString &objectName, const QString &title, const QString &html)
{
    auto *dialog = findChild<QDialog *>(objectName, Qt::FindDirectChildrenOnly);
    if (!dialog) {
        dialog = new QDialog(this);
        dialog->setObjectName(objectName);
        dialog->setWindowTitle(title);
        auto *browser = new QTextBrowser(dialog);
        browser->setObjectName(u"helpText"_s);
        browser->setOpenLinks(false);
        browser->setHtml(html);
        connect(browser, &QTextBrowser::anchorClicked, this, [](const QUrl &url) { UrlOpener::open(url); });
        auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
        connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::close);
        auto *layout = new QVBoxLayout(dialog);
        layout->addWidget(browser);
        layout->addWidget(buttons);
        dialog->resize(520, 480);
    }
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
}

void MainWindow::refresh()
{
    if (m_session)
        m_session->refreshFolders();
}

void MainWindow::onBusyChanged(bool busy)
{
    m_progress->setVisible(busy);
    if (busy)
        m_connectionLabel->setText(tr("Connecting…"));
}

void MainWindow::onFoldersChanged()
{
    m_banner->hide();
    m_connectionLabel->setText(tr("Online"));
    m_lastSyncLabel->setText(
        tr("Last synchronisation: %1").arg(QLocale().toString(QDateTime::currentDateTime().time(), QLocale::ShortFormat)));
    const QModelIndex inbox = m_folderModel->index(0, 0);
    if (inbox.isValid() && !m_folderView->currentIndex().isValid())
        m_folderView->setCurrentIndex(inbox);
    m_folderView->expandAll();
}

void MainWindow::onError(const ServiceError &error)
{
    m_connectionLabel->setText(tr("Offline"));
    m_banner->showMessage(NotificationBanner::Level::Error, error.message.toHtmlEscaped(), error.technical);
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    settings.beginGroup(u"MainWindow"_s);
    if (!restoreGeometry(settings.value(u"geometry"_s).toByteArray()))
        resize(1100, 700);
    restoreState(settings.value(u"state"_s).toByteArray());
    if (!m_mainSplitter->restoreState(settings.value(u"mainSplitter"_s).toByteArray()))
        m_mainSplitter->setSizes({250, 850});
    m_readingSplitter->restoreState(settings.value(u"readingSplitter"_s).toByteArray());
    m_messageList->header()->restoreState(settings.value(u"messageColumns"_s).toByteArray());
    settings.endGroup();
}

void MainWindow::saveLayout() const
{
    QSettings settings;
    settings.beginGroup(u"MainWindow"_s);
    settings.setValue(u"geometry"_s, saveGeometry());
    settings.setValue(u"state"_s, saveState());
    settings.setValue(u"mainSplitter"_s, m_mainSplitter->saveState());
    settings.setValue(u"readingSplitter"_s, m_readingSplitter->saveState());
    settings.setValue(u"messageColumns"_s, m_messageList->header()->saveState());
    settings.endGroup();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    QMainWindow::closeEvent(event);
}

} // namespace Amiens
