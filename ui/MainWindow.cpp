#include "MainWindow.h"

#include "ComposerWindow.h"
#include "FolderTreeModel.h"
#include "HelpTexts.h"
#include "MessageListModel.h"
#include "MessageView.h"
#include "NotificationBanner.h"
#include "UrlOpener.h"
#include "imap/AccountSession.h"
#include "imap/jobs/FetchBodyJob.h"
#include "outbox/Outbox.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTextBrowser>
#include <QTimer>
#include <QToolBar>
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

    m_listModel = new MessageListModel(&m_cache, this);
    m_messageList = new QTreeView(this);
    m_messageList->setObjectName(u"messageList"_s);
    m_messageList->setRootIsDecorated(false);
    m_messageList->setUniformRowHeights(true); // lets the view ask only for the visible rows
    m_messageList->setAllColumnsShowFocus(true);
    m_messageList->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_messageList->setAccessibleName(tr("Messages"));
    m_messageList->setModel(m_listModel);
    m_messageList->setSortingEnabled(true);
    m_messageList->sortByColumn(MessageListModel::DateColumn, Qt::DescendingOrder);
    m_messageList->header()->setStretchLastSection(false);
    m_messageList->header()->setSectionResizeMode(MessageListModel::SubjectColumn, QHeaderView::Stretch);

    m_messageView = new MessageView(this);
    connect(m_messageView, &MessageView::linkActivated, this, [](const QUrl &url) { UrlOpener::open(url); });

    m_searchField = new QLineEdit(this);
    m_searchField->setObjectName(u"searchField"_s);
    m_searchField->setPlaceholderText(tr("Search in all mail (subject, people, text)"));
    m_searchField->setClearButtonEnabled(true);
    m_searchField->setAccessibleName(tr("Search"));
    m_searchTimer = new QTimer(this);
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(200);
    connect(m_searchField, &QLineEdit::textChanged, m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_searchTimer, &QTimer::timeout, this, &MainWindow::onSearchEdited);

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
    m_absenceBanner = new NotificationBanner(this);
    m_absenceBanner->setObjectName(u"absenceBanner"_s);
    m_absenceBanner->hide();
    // Web links go to the browser; "amiens:" links are commands for whoever drives the window.
    for (NotificationBanner *banner : {m_banner, m_reminderBanner, m_absenceBanner}) {
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
    layout->addWidget(m_absenceBanner);
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
    connect(m_folderView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MainWindow::onFolderSelected);
    connect(m_messageList->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MainWindow::onMessageSelected);
}

MainWindow::~MainWindow() = default;

void MainWindow::buildActions()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *refreshAction = fileMenu->addAction(tr("&Refresh"), this, &MainWindow::refresh);
    refreshAction->setShortcut(QKeySequence::Refresh);
    QAction *settingsAction = fileMenu->addAction(tr("&Settings…"), this, &MainWindow::settingsRequested);
    settingsAction->setObjectName(u"settingsAction"_s);
    fileMenu->addSeparator();
    m_signOutAction = fileMenu->addAction(tr("Sign &out"), this, &MainWindow::signOutRequested);
    m_signOutAction->setObjectName(u"signOutAction"_s);
    m_signOutAction->setEnabled(false);
    QAction *quitAction = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quitAction->setShortcut(QKeySequence::Quit);

    QMenu *messageMenu = menuBar()->addMenu(tr("&Message"));
    QAction *newMessage = messageMenu->addAction(tr("&New message"), this, [this] { openComposer(); });
    newMessage->setObjectName(u"newMessageAction"_s);
    newMessage->setShortcut(QKeySequence::New);
    connect(this, &MainWindow::replyRequested, this, &MainWindow::openComposer);
    QToolBar *toolBar = addToolBar(tr("Actions"));
    toolBar->setObjectName(u"actionsToolBar"_s);
    toolBar->setMovable(false);
    const auto addMessageAction = [&](const QString &name, const QString &text, const QKeySequence &shortcut,
                                      auto slot) {
        QAction *action = messageMenu->addAction(text, this, slot);
        action->setObjectName(name);
        action->setShortcut(shortcut);
        m_messageActions.append(action);
        return action;
    };
    toolBar->addAction(addMessageAction(u"replyAction"_s, tr("&Reply"), QKeySequence(u"Ctrl+R"_s), [this] {
        const Selection current = selection();
        if (!current.uids.isEmpty())
            Q_EMIT replyRequested(current.folderPath, current.uids.first());
    }));
    toolBar->addSeparator();
    toolBar->addAction(addMessageAction(u"markReadAction"_s, tr("Mark as &read / unread"),
                                        QKeySequence(u"M"_s), [this] { markSelection(!selection().seen); }));
    toolBar->addAction(
        addMessageAction(u"flagAction"_s, tr("&Flag"), QKeySequence(u"S"_s), [this] { toggleFlag(); }));
    toolBar->addAction(addMessageAction(u"archiveAction"_s, tr("&Archive"), QKeySequence(u"A"_s),
                                        [this] { archiveSelection(); }));
    toolBar->addAction(addMessageAction(u"deleteAction"_s, tr("&Delete"), QKeySequence::Delete,
                                        [this] { deleteSelection(); }));
    toolBar->addSeparator();
    m_unreadFilter = toolBar->addAction(tr("Unread"), this, &MainWindow::applyFilter);
    m_flaggedFilter = toolBar->addAction(tr("Flagged"), this, &MainWindow::applyFilter);
    m_attachmentFilter = toolBar->addAction(tr("With attachment"), this, &MainWindow::applyFilter);
    for (QAction *filter : {m_unreadFilter, m_flaggedFilter, m_attachmentFilter})
        filter->setCheckable(true);
    m_unreadFilter->setObjectName(u"unreadFilter"_s);
    m_flaggedFilter->setObjectName(u"flaggedFilter"_s);
    m_attachmentFilter->setObjectName(u"attachmentFilter"_s);
    toolBar->addWidget(m_searchField);
    QAction *find = messageMenu->addAction(tr("&Search…"), this, [this] {
        m_searchField->setFocus();
        m_searchField->selectAll();
    });
    find->setShortcut(QKeySequence::Find);
    refreshAction->setText(tr("&Synchronise now"));

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
    for (QAction *action : std::as_const(m_messageActions))
        action->setEnabled(m_session != nullptr);
    if (!m_session) {
        setWindowTitle(tr("AmiensMail"));
        setCachePath({}, {});
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
    m_banner->showMessage(
        NotificationBanner::Level::Information,
        tr("No mail account is configured in %1 yet.").arg(profileDirectory).toHtmlEscaped() +
            u" <a href=\"amiens:setup\">"_s + tr("Set up my account…").toHtmlEscaped() + u"</a>"_s);
}

void MainWindow::showAbsenceActive(bool active, const QDateTime &until)
{
    if (!active) {
        m_absenceBanner->hide();
        return;
    }
    const QString text = until.isValid()
                             ? tr("Your out-of-office message is on until %1.")
                                   .arg(QLocale().toString(until.toLocalTime(), QLocale::ShortFormat))
                             : tr("Your out-of-office message is on.");
    m_absenceBanner->showMessage(NotificationBanner::Level::Information,
                                 text.toHtmlEscaped() + u" <a href=\"amiens:endabsence\">"_s + tr("End it") +
                                     u"</a>"_s);
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
    Q_EMIT syncRequested();
}

QAction *MainWindow::action(const QString &objectName) const
{
    return findChild<QAction *>(objectName);
}

void MainWindow::setCachePath(const QString &path, const QString &accountId)
{
    m_cache.close();
    m_cachePath = path;
    m_accountId = accountId;
    m_messageView->clear();
    if (openCacheIfNeeded())
        reloadFromCache();
    else
        m_listModel->setFolder(0);
}

bool MainWindow::openCacheIfNeeded()
{
    if (m_cache.isOpen())
        return true;
    if (m_cachePath.isEmpty() || !QFileInfo::exists(m_cachePath))
        return false;
    QString error;
    if (!m_cache.open(m_cachePath, m_accountId, MailCache::Mode::ReadOnly, &error)) {
        m_banner->showMessage(NotificationBanner::Level::Error, error.toHtmlEscaped());
        return false;
    }
    return true;
}

QString MainWindow::folderPath(qint64 folderId) const
{
    for (const CachedFolder &folder : const_cast<MailCache &>(m_cache).folders()) {
        if (folder.id == folderId)
            return folder.info.path();
    }
    return {};
}

bool MainWindow::selectFolder(const QString &path)
{
    const QModelIndex index = m_folderModel->indexForPath(path);
    if (!index.isValid())
        return false;
    m_folderView->setCurrentIndex(index);
    return true;
}

void MainWindow::reloadFromCache()
{
    if (!openCacheIfNeeded())
        return;
    const QString currentFolder = m_folderView->currentIndex().data(FolderTreeModel::PathRole).toString();
    const QList<CachedFolder> folders = m_cache.folders();
    // The server's list (LIST) may be more recent; the cache gives the tree when offline.
    if (m_folderModel->rowCount() == 0) {
        QList<FolderInfo> infos;
        for (const CachedFolder &folder : folders)
            infos.append(folder.info);
        m_folderModel->setFolders(infos);
        m_folderView->expandAll();
    }
    QHash<QString, int> unread;
    for (const CachedFolder &folder : folders)
        unread.insert(folder.info.path(), folder.unseenCount);
    m_folderModel->setUnreadCounts(unread);
    if (currentFolder.isEmpty() || !selectFolder(currentFolder))
        selectFolder(u"INBOX"_s);

    // Keep the open message selected across the reload.
    const qint64 currentRow = m_messageList->currentIndex().data(MessageListModel::RowIdRole).toLongLong();
    if (m_listModel->isShowingSearch())
        onSearchEdited();
    else
        m_listModel->reload();
    const int row = m_listModel->rowForRowId(currentRow);
    if (row >= 0) {
        const QSignalBlocker blocker(m_messageList->selectionModel());
        m_messageList->setCurrentIndex(m_listModel->index(row, 0));
    }
}

void MainWindow::onFolderSelected()
{
    const QModelIndex index = m_folderView->currentIndex();
    m_messageView->clear();
    if (!openCacheIfNeeded() || !index.isValid()) {
        m_listModel->setFolder(0);
        return;
    }
    const auto folder = m_cache.folder(index.data(FolderTreeModel::PathRole).toString());
    if (!m_searchField->text().isEmpty()) {
        const QSignalBlocker blocker(m_searchField);
        m_searchField->clear();
    }
    m_listModel->setFolder(folder ? folder->id : 0, folder && folder->info.role == FolderInfo::Role::Sent);
}

void MainWindow::applyFilter()
{
    m_listModel->setFilter(m_unreadFilter->isChecked(), m_flaggedFilter->isChecked(),
                           m_attachmentFilter->isChecked());
}

void MainWindow::onSearchEdited()
{
    const QString text = m_searchField->text().trimmed();
    if (text.isEmpty()) {
        onFolderSelected();
        return;
    }
    if (!openCacheIfNeeded())
        return;
    QList<qint64> rowIds;
    const QList<SearchHit> hits = m_cache.search(text, 1000);
    for (const SearchHit &hit : hits)
        rowIds.append(hit.message.rowId);
    m_listModel->showRowIds(rowIds);
    m_messageView->clear();
}

MainWindow::Selection MainWindow::selection() const
{
    Selection result;
    const QModelIndexList rows = m_messageList->selectionModel()->selectedRows();
    for (const QModelIndex &index : rows) {
        const auto message = m_listModel->messageAt(index.row());
        if (!message)
            continue;
        if (result.uids.isEmpty()) {
            result.folderPath = folderPath(message->folderId);
            result.rowId = message->rowId;
            result.seen = message->isSeen();
            result.flagged = message->isFlagged();
        }
        // One folder per action: search results may mix folders.
        if (folderPath(message->folderId) == result.folderPath)
            result.uids.append(message->uid);
    }
    return result;
}

void MainWindow::onMessageSelected()
{
    const QModelIndex index = m_messageList->currentIndex();
    const auto message = index.isValid() ? m_listModel->messageAt(index.row()) : std::nullopt;
    if (!message) {
        m_messageView->clear();
        return;
    }
    const std::optional<QByteArray> raw = m_cache.body(message->folderId, message->uid);
    // The user's own mail (Sent, Drafts) is not checked for phishing.
    const auto ownFolder = [this](qint64 folderId) {
        for (const CachedFolder &folder : m_cache.folders()) {
            if (folder.id == folderId)
                return folder.info.role == FolderInfo::Role::Sent ||
                       folder.info.role == FolderInfo::Role::Drafts;
        }
        return false;
    };
    m_messageView->showMessage(*message, raw, ownFolder(message->folderId));
    const QString path = folderPath(message->folderId);
    if (!raw && m_session) {
        // Not downloaded yet: fetch it now, then show it if it is still the one selected.
        auto job = std::make_shared<FetchBodyJob>(path, message->uid);
        const qint64 rowId = message->rowId;
        m_session->submit(job, [this, rowId, ownFolder](const std::optional<ServiceError> &) {
            const auto current = m_listModel->messageAt(m_messageList->currentIndex().row());
            if (current && current->rowId == rowId)
                m_messageView->showMessage(*current, m_cache.body(current->folderId, current->uid),
                                           ownFolder(current->folderId));
        });
    }
    if (!message->isSeen() && m_session && raw)
        m_session->changeFlags(path, {message->uid}, {u"\\Seen"_s}, {},
                               [this](const QString &error) { afterLocalChange(error); });
}

void MainWindow::afterLocalChange(const QString &error)
{
    if (!error.isEmpty()) {
        m_banner->showMessage(NotificationBanner::Level::Error, error.toHtmlEscaped());
        return;
    }
    reloadFromCache();
    Q_EMIT syncRequested();
}

void MainWindow::markSelection(bool seen)
{
    const Selection current = selection();
    if (!m_session || current.uids.isEmpty())
        return;
    const QStringList flag{u"\\Seen"_s};
    m_session->changeFlags(current.folderPath, current.uids, seen ? flag : QStringList(),
                           seen ? QStringList() : flag,
                           [this](const QString &error) { afterLocalChange(error); });
}

void MainWindow::toggleFlag()
{
    const Selection current = selection();
    if (!m_session || current.uids.isEmpty())
        return;
    const QStringList flag{u"\\Flagged"_s};
    m_session->changeFlags(current.folderPath, current.uids, current.flagged ? QStringList() : flag,
                           current.flagged ? flag : QStringList(),
                           [this](const QString &error) { afterLocalChange(error); });
}

void MainWindow::deleteSelection()
{
    const Selection current = selection();
    if (!m_session || current.uids.isEmpty())
        return;
    m_session->deleteMessages(current.folderPath, current.uids,
                              [this](const QString &error) { afterLocalChange(error); });
}

void MainWindow::archiveSelection()
{
    const Selection current = selection();
    if (!m_session || current.uids.isEmpty() || !m_cache.isOpen())
        return;
    QString archive;
    for (const CachedFolder &folder : m_cache.folders()) {
        if (folder.info.role == FolderInfo::Role::Archive)
            archive = folder.info.path();
    }
    if (archive.isEmpty() || archive == current.folderPath) {
        m_banner->showMessage(NotificationBanner::Level::Warning,
                              tr("This account has no archive folder.").toHtmlEscaped());
        return;
    }
    m_session->moveMessages(current.folderPath, current.uids, archive,
                            [this](const QString &error) { afterLocalChange(error); });
}

void MainWindow::showSyncProgress(const QString &path, int done, int total)
{
    m_progress->setRange(0, std::max(total, 1));
    m_progress->setValue(done);
    m_progress->setFormat(
        FolderTreeModel::displayName(
            FolderInfo{path.split(u'/'), u'/',
                       path == "INBOX"_L1 ? FolderInfo::Role::Inbox : FolderInfo::Role::None, true, false}) +
        u" %v/%m"_s);
    m_progress->setTextVisible(true);
    m_progress->show();
    m_connectionLabel->setText(tr("Synchronising…"));
}

void MainWindow::showSyncFinished(const QDateTime &when)
{
    m_progress->hide();
    m_progress->setRange(0, 0);
    m_connectionLabel->setText(tr("Online"));
    m_lastSyncLabel->setText(
        tr("Last synchronisation: %1").arg(QLocale().toString(when.time(), QLocale::ShortFormat)));
    reloadFromCache();
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
    reloadFromCache();
    m_connectionLabel->setText(tr("Online"));
    m_lastSyncLabel->setText(
        tr("Last synchronisation: %1")
            .arg(QLocale().toString(QDateTime::currentDateTime().time(), QLocale::ShortFormat)));
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
    m_messageList->sortByColumn(m_messageList->header()->sortIndicatorSection(),
                                m_messageList->header()->sortIndicatorOrder());
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

void MainWindow::openComposer(const QString &folderPath, quint32 uid)
{
    if (!m_session)
        return;
    // The outbox sits beside the cache: <profile>/cache/<hex>/mail.sqlite → <profile>/outbox/<hex>.
    QDir profile = QFileInfo(m_cachePath).dir();
    profile.cdUp();
    profile.cdUp();
    auto *composer = new ComposerWindow(m_session->account(),
                                        Outbox::directoryFor(profile.path(), m_session->account().id), this);
    composer->setAttribute(Qt::WA_DeleteOnClose);
    if (uid != 0 && openCacheIfNeeded()) {
        if (const auto folder = m_cache.folder(folderPath)) {
            if (const auto original = m_cache.message(folder->id, uid))
                composer->setReplyTo(*original, m_cache.body(folder->id, uid));
        }
    }
    connect(composer, &ComposerWindow::queued, this, &MainWindow::outboxQueued);
    composer->show();
}

} // namespace Amiens
