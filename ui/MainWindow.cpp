#include "MainWindow.h"

#include "AboutDialog.h"
#include "AccessibleNames.h"
#include "CommandLinks.h"
#include "ComposerWindow.h"
#include "FolderTreeModel.h"
#include "FreeSpaceController.h"
#include "HelpTexts.h"
#include "MessageListModel.h"
#include "MessageView.h"
#include "NotificationBanner.h"
#include "ShortcutsDialog.h"
#include "UndoBar.h"
#include "UnifiedListModel.h"
#include "UnifiedListView.h"
#include "UrlOpener.h"
#include "WindowAccounts.h"
#include "WindowComposers.h"
#include "account/AccountPaths.h"
#include "account/Profile.h"
#include "drafts/DraftSynchronizer.h"
#include "mdn/ReadReceiptHandler.h"
#include "services/AccountServices.h"
#include "session/AccountSession.h"
#include "session/MessageOpener.h"
#include "session/ServerSearch.h"
#include "session/jobs/ReplayPendingJob.h"
#include "settings/PhishingSettings.h"
#include "settings/SitePolicy.h"
#include "util/Clock.h"
#include "util/Logging.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDateTime>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTextBrowser>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {
/// Long enough for the first screen to be painted, shorter than a user's first click.
constexpr auto kPhishingChecksDelay = std::chrono::milliseconds(400);
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_folderModel(new FolderTreeModel(this))
    , m_opener(new MessageOpener(m_cache, this))
    , m_receipts(new ReadReceiptHandler(m_cache, this))
    , m_serverSearch(new ServerSearch(this))
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
    m_listModel->readRestAfterPaintsOf(m_messageList);
    // Messages can be dragged onto a folder to move them there.
    m_messageList->setDragEnabled(true);
    m_messageList->setDragDropMode(QAbstractItemView::DragOnly);
    m_folderView->setAcceptDrops(true);
    m_folderView->setDropIndicatorShown(true);
    m_folderView->setDragDropMode(QAbstractItemView::DropOnly);
    connect(m_folderModel, &FolderTreeModel::messagesDropped, this, &MainWindow::moveMessages);
    connect(m_folderModel, &FolderTreeModel::dropRefused, this, [this](const QString &reason) {
        m_banner->showMessage(NotificationBanner::Level::Warning, reason.toHtmlEscaped());
    });
    m_folderRights.bindDrag(m_messageList);
    m_messageList->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_messageList, &QWidget::customContextMenuRequested, this, [this](const QPoint &position) {
        showMessageMenu(m_messageList->viewport()->mapToGlobal(position));
    });
    m_messageList->setSortingEnabled(true);
    m_messageList->sortByColumn(MessageListModel::DateColumn, Qt::DescendingOrder);
    m_messageList->header()->setStretchLastSection(false);
    m_messageList->header()->setSectionResizeMode(MessageListModel::SubjectColumn, QHeaderView::Stretch);

    m_messageView = new MessageView(this);
    connect(m_messageView, &MessageView::linkActivated, this, [](const QUrl &url) { UrlOpener::open(url); });
    connect(m_messageView, &MessageView::readReceiptAnswered, m_receipts,
            [this](bool send) { m_receipts->answer(send); });
    connectCore();

    m_searchField = new QLineEdit(this);
    m_searchField->setObjectName(u"searchField"_s);
    m_searchField->setPlaceholderText(tr("Search in all mail (subject, people, text)"));
    m_searchField->setClearButtonEnabled(true);
    m_searchField->setAccessibleName(tr("Search"));
    AccessibleNames::nameClearButton(m_searchField);
    m_searchTimer = new QTimer(this);
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(200);
    connect(m_searchField, &QLineEdit::textChanged, m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_searchTimer, &QTimer::timeout, this, &MainWindow::onSearchEdited);
    // Enter searches at once, without the typing pause.
    connect(m_searchField, &QLineEdit::returnPressed, this, [this] {
        m_searchTimer->stop();
        onSearchEdited();
    });

    m_banner = new NotificationBanner(this);
    m_banner->setObjectName(u"banner"_s);
    m_reminderBanner = new NotificationBanner(this);
    m_reminderBanner->setObjectName(u"passwordReminder"_s);
    m_absenceBanner = new NotificationBanner(this);
    m_absenceBanner->setObjectName(u"absenceBanner"_s);
    m_absenceBanner->hide();
    m_quotaBanner = new NotificationBanner(this);
    m_quotaBanner->setObjectName(u"quotaBanner"_s);
    m_freeSpace = new FreeSpaceController(this, m_quotaBanner);
    m_accounts = new WindowAccounts(m_folderModel, m_folderView, m_freeSpace, this);
    m_folderModel->setUnifiedViewsEnabled(true);
    connect(m_accounts, &WindowAccounts::inboxUnreadChanged, this, &MainWindow::inboxUnreadChanged);
    m_composers = new WindowComposers(this, m_accounts);
    connect(m_composers, &WindowComposers::outboxQueued, this, &MainWindow::outboxQueued);
    connect(m_composers, &WindowComposers::localChangeFinished, this, &MainWindow::afterLocalChange);
    // « Tous les comptes » and searches across accounts: a list of its own, in the folder list's place.
    m_unifiedList = new UnifiedListView(m_accounts, this);
    m_unifiedList->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_unifiedList, &QWidget::customContextMenuRequested, this, [this](const QPoint &position) {
        showMessageMenu(m_unifiedList->viewport()->mapToGlobal(position));
    });
    m_listStack = new QStackedWidget(this);
    m_listStack->addWidget(m_messageList);
    m_listStack->addWidget(m_unifiedList);
    // Any account's sync may bring messages to « Tous les comptes ».
    connect(m_accounts, &WindowAccounts::accountSynced, this, [this](const QString &accountId) {
        if (!isShowingUnifiedList())
            return;
        if (accountId == m_accountId)
            reloadFromCache(); // its counts in the tree too
        else
            reloadUnified();
    });
    connect(m_accounts, &WindowAccounts::errorOccurred, this,
            [this](const QString &accountId, const QString &name, const ServiceError &error) {
                m_banner->showMessageAbout(accountId, NotificationBanner::Level::Error,
                                           tr("%1: %2").arg(name, error.message).toHtmlEscaped(),
                                           error.technical);
            });
    connect(m_accounts, &WindowAccounts::accountConnected, m_banner, &NotificationBanner::hideAbout);
    connect(m_freeSpace, &FreeSpaceController::changesQueued, this, &MainWindow::syncRequested);

    m_readingSplitter = new QSplitter(Qt::Vertical, this);
    m_readingSplitter->setObjectName(u"readingSplitter"_s);
    // Under the list: how many messages an offline search could not cover yet (issue 19).
    m_searchNote = new QLabel(this);
    m_searchNote->setObjectName(u"searchNote"_s);
    m_searchNote->setWordWrap(true);
    m_searchNote->hide();
    auto *listPane = new QWidget(this);
    auto *listLayout = new QVBoxLayout(listPane);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->setSpacing(2);
    listLayout->addWidget(m_listStack, 1);
    listLayout->addWidget(m_searchNote);
    m_readingSplitter->addWidget(listPane);
    m_readingSplitter->addWidget(m_messageView);
    m_mainSplitter = new QSplitter(Qt::Horizontal, this);
    m_mainSplitter->setObjectName(u"mainSplitter"_s);
    m_mainSplitter->addWidget(m_folderView);
    m_mainSplitter->addWidget(m_readingSplitter);
    m_mainSplitter->setStretchFactor(1, 3);

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
    layout->addWidget(m_quotaBanner);
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
    m_indexLabel = new QLabel(this);
    m_indexLabel->setObjectName(u"searchIndexStatus"_s);
    m_indexLabel->hide();
    statusBar()->addPermanentWidget(m_indexLabel);
    statusBar()->addPermanentWidget(m_progress);
    m_undoBar = new UndoBar(this);
    statusBar()->addPermanentWidget(m_undoBar);
    connect(m_undoBar, &UndoBar::undoRequested, this, [this](qint64 operationId) {
        // The account that made the change, even if another one is shown now.
        const QPointer<AccountSession> session = m_undoSession ? m_undoSession : m_session;
        if (session)
            session->undoChange(operationId, [this](const QString &error) { afterLocalChange(error); });
    });
    // The change may now reach the server.
    connect(m_undoBar, &UndoBar::expired, this, &MainWindow::syncRequested);

    buildActions();
    restoreLayout();
    connect(m_folderView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MainWindow::onFolderSelected);
    connect(m_messageList->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MainWindow::onMessageSelected);
    connect(m_unifiedList->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MainWindow::onUnifiedMessageSelected);
}

MainWindow::~MainWindow() = default;

void MainWindow::connectCore()
{
    connect(m_opener, &MessageOpener::bodyReady, this,
            [this](qint64 rowId, const QByteArray &raw) { showFetchedBody(rowId, raw); });
    // Not downloaded after all: shown without its body, as before the fetch.
    connect(m_opener, &MessageOpener::bodyFailed, this,
            [this](qint64 rowId) { showFetchedBody(rowId, std::nullopt); });
    connect(m_opener, &MessageOpener::localChangeFinished, this, &MainWindow::afterLocalChange);
    connect(m_receipts, &ReadReceiptHandler::answerNeeded, m_messageView, &MessageView::askReadReceipt);
    connect(m_receipts, &ReadReceiptHandler::sentAutomatically, m_messageView,
            [this] { m_messageView->showReadReceiptSent(true); });
    connect(m_receipts, &ReadReceiptHandler::queued, this, &MainWindow::outboxQueued);
    connect(m_receipts, &ReadReceiptHandler::failed, this, [this](const QString &error) {
        m_banner->showMessage(NotificationBanner::Level::Error, error.toHtmlEscaped());
    });
    connect(m_receipts, &ReadReceiptHandler::localChangeFinished, this, &MainWindow::afterLocalChange);
    connect(m_serverSearch, &ServerSearch::finished, this, &MainWindow::showServerSearch);
}

void MainWindow::buildActions()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *refreshAction = fileMenu->addAction(tr("&Refresh"), this, &MainWindow::refresh);
    // F5 only: QKeySequence::Refresh is Ctrl+R on some desktops, which is « Répondre ».
    refreshAction->setShortcut(QKeySequence(Qt::Key_F5));
    QAction *settingsAction = fileMenu->addAction(tr("&Settings…"), this, &MainWindow::settingsRequested);
    settingsAction->setObjectName(u"settingsAction"_s);
    fileMenu->addSeparator();
    m_signOutAction = fileMenu->addAction(tr("Sign &out"), this, &MainWindow::signOutRequested);
    m_signOutAction->setObjectName(u"signOutAction"_s);
    m_signOutAction->setEnabled(false);
    QAction *quitAction = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quitAction->setShortcut(QKeySequence::Quit);

    // Several mailboxes (personal, the school's functional one): each under its own root.
    QMenu *accountsMenu = menuBar()->addMenu(tr("&Accounts"));
    accountsMenu->setObjectName(u"accountsMenu"_s);
    QAction *addAccount =
        accountsMenu->addAction(tr("&Add an account…"), this, &MainWindow::addAccountRequested);
    addAccount->setObjectName(u"addAccountAction"_s);
    addAccount->setStatusTip(tr("Adds another mailbox, such as the school's functional mailbox"));
    QAction *renameAccount = accountsMenu->addAction(tr("&Rename…"), this, [this] {
        if (!m_accounts->accountForMenu().isEmpty())
            Q_EMIT renameAccountRequested(m_accounts->accountForMenu());
    });
    renameAccount->setObjectName(u"renameAccountAction"_s);
    QAction *moveUp = accountsMenu->addAction(tr("Move &up"), this, [this] {
        if (!m_accounts->accountForMenu().isEmpty())
            Q_EMIT moveAccountRequested(m_accounts->accountForMenu(), -1);
    });
    moveUp->setObjectName(u"moveAccountUpAction"_s);
    QAction *moveDown = accountsMenu->addAction(tr("Move &down"), this, [this] {
        if (!m_accounts->accountForMenu().isEmpty())
            Q_EMIT moveAccountRequested(m_accounts->accountForMenu(), 1);
    });
    moveDown->setObjectName(u"moveAccountDownAction"_s);
    accountsMenu->addSeparator();
    QAction *removeAccount = accountsMenu->addAction(tr("Re&move the account…"), this, [this] {
        if (!m_accounts->accountForMenu().isEmpty())
            Q_EMIT removeAccountRequested(m_accounts->accountForMenu());
    });
    removeAccount->setObjectName(u"removeAccountAction"_s);
    accountsMenu->addSeparator();
    QAction *freeSpace = accountsMenu->addAction(tr("&Free up space…"), this, [this] {
        if (!m_accounts->accountForMenu().isEmpty())
            m_freeSpace->open(m_accounts->accountForMenu());
    });
    freeSpace->setObjectName(u"freeSpaceAction"_s);
    freeSpace->setStatusTip(
        tr("Shows what fills the mailbox: the largest messages, old attachments, the Trash"));
    connect(accountsMenu, &QMenu::aboutToShow, this,
            [this, renameAccount, moveUp, moveDown, removeAccount, freeSpace] {
                const QString id = m_accounts->accountForMenu();
                const qsizetype position = accountIds().indexOf(id);
                freeSpace->setEnabled(!id.isEmpty());
                renameAccount->setEnabled(!id.isEmpty());
                removeAccount->setEnabled(!id.isEmpty());
                moveUp->setEnabled(position > 0);
                moveDown->setEnabled(position >= 0 && position + 1 < m_accounts->size());
            });

    QMenu *messageMenu = menuBar()->addMenu(tr("&Message"));
    QAction *newMessage = messageMenu->addAction(tr("&New message"), this, [this] { openComposer(); });
    newMessage->setObjectName(u"newMessageAction"_s);
    newMessage->setShortcut(QKeySequence::New);
    connect(this, &MainWindow::replyRequested, this, &MainWindow::openComposer);
    QToolBar *toolBar = addToolBar(tr("Actions"));
    toolBar->setObjectName(u"actionsToolBar"_s);
    toolBar->setMovable(false);
    // Icons from the desktop's theme, with their text as the desktop shows tool buttons (text
    // beside the icon by default); without an icon theme the text alone.
    toolBar->setToolButtonStyle(Qt::ToolButtonFollowStyle);
    AccessibleNames::nameExtensionButton(toolBar);
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
    toolBar->addAction(
        addMessageAction(u"replyAllAction"_s, tr("Reply to &all"), QKeySequence(u"Ctrl+Shift+R"_s), [this] {
            const Selection current = selection();
            if (!current.uids.isEmpty())
                openReplyAll(current.folderPath, current.uids.first());
        }));
    toolBar->addAction(
        addMessageAction(u"forwardAction"_s, tr("For&ward"), QKeySequence(u"Ctrl+L"_s), [this] {
            const Selection current = selection();
            if (!current.uids.isEmpty())
                openForward(current.folderPath, current.uids.first());
        }));
    QMenu *draftsMenu = messageMenu->addMenu(tr("&Drafts"));
    draftsMenu->setObjectName(u"draftsMenu"_s);
    connect(draftsMenu, &QMenu::aboutToShow, this, [this, draftsMenu] {
        draftsMenu->clear();
        const QList<Draft> drafts = m_composers->drafts();
        for (const Draft &draft : drafts) {
            const QString subject = draft.message.subject.trimmed().isEmpty()
                                        ? tr("(no subject)")
                                        : draft.message.subject.trimmed();
            const QString id = draft.id;
            draftsMenu->addAction(tr("%1 — %2").arg(subject, QLocale().toString(draft.updated.toLocalTime(),
                                                                                QLocale::ShortFormat)),
                                  this, [this, id] { openDraft(id); });
        }
        if (drafts.isEmpty())
            draftsMenu->addAction(tr("No draft"))->setEnabled(false);
    });
    toolBar->addSeparator();
    toolBar->addAction(addMessageAction(u"markReadAction"_s, tr("Mark as &read / unread"),
                                        QKeySequence(u"M"_s), [this] { markSelection(!selection().seen); }));
    toolBar->addAction(
        addMessageAction(u"flagAction"_s, tr("&Flag"), QKeySequence(u"S"_s), [this] { toggleFlag(); }));
    toolBar->addAction(addMessageAction(u"archiveAction"_s, tr("&Archive"), QKeySequence(u"A"_s),
                                        [this] { archiveSelection(); }));
    toolBar->addAction(addMessageAction(u"deleteAction"_s, tr("&Delete"), QKeySequence::Delete,
                                        [this] { deleteSelection(); }));
    // Not on the toolbar: a deliberate step, from the Message menu.
    addMessageAction(u"reportPhishingAction"_s, tr("Report as &phishing"), QKeySequence(),
                     [this] { reportPhishing(); })
        ->setStatusTip(
            tr("Moves the message to Junk and sends it to the academy's security team, if configured."));
    // Shared folders: what the rights forbid is greyed out, with the reason (updateFolderRights).
    messageMenu->setToolTipsVisible(true);
    using Right = FolderPermissions::Action;
    for (const auto &[name, right] : {std::pair{u"markReadAction"_s, Right::ChangeSeen},
                                      {u"flagAction"_s, Right::ChangeFlags},
                                      {u"archiveAction"_s, Right::MoveOut},
                                      {u"deleteAction"_s, Right::DeleteMessages},
                                      {u"reportPhishingAction"_s, Right::MoveOut}})
        m_folderRights.bind(action(name), right);
    for (const auto &[name, icon] : {std::pair{u"replyAction"_s, u"mail-reply-sender"_s},
                                     {u"replyAllAction"_s, u"mail-reply-all"_s},
                                     {u"forwardAction"_s, u"mail-forward"_s},
                                     {u"markReadAction"_s, u"mail-mark-read"_s},
                                     {u"flagAction"_s, u"mail-mark-important"_s},
                                     {u"archiveAction"_s, u"mail-archive"_s},
                                     {u"deleteAction"_s, u"edit-delete"_s},
                                     {u"newMessageAction"_s, u"mail-message-new"_s}})
        action(name)->setIcon(QIcon::fromTheme(icon));
    toolBar->addSeparator();
    m_unreadFilter = toolBar->addAction(tr("Unread"), this, &MainWindow::applyFilter);
    m_flaggedFilter = toolBar->addAction(tr("Flagged"), this, &MainWindow::applyFilter);
    m_attachmentFilter = toolBar->addAction(tr("With attachment"), this, &MainWindow::applyFilter);
    for (QAction *filter : {m_unreadFilter, m_flaggedFilter, m_attachmentFilter})
        filter->setCheckable(true);
    m_unreadFilter->setObjectName(u"unreadFilter"_s);
    m_flaggedFilter->setObjectName(u"flaggedFilter"_s);
    m_attachmentFilter->setObjectName(u"attachmentFilter"_s);
    QAction *threaded = messageMenu->addAction(tr("Group by &conversation"));
    threaded->setObjectName(u"threadedAction"_s);
    threaded->setCheckable(true);
    threaded->setChecked(QSettings().value(u"MainWindow/threaded"_s, false).toBool());
    m_listModel->setThreaded(threaded->isChecked());
    connect(threaded, &QAction::toggled, this, [this](bool on) {
        QSettings().setValue(u"MainWindow/threaded"_s, on);
        m_listModel->setThreaded(on);
    });
    QAction *emptyTrashAction = messageMenu->addAction(tr("&Empty the Trash…"), this, [this] {
        emptyTrash([this](int count) {
            return QMessageBox::question(
                       this, tr("Empty the Trash"),
                       tr("Delete the %n message(s) in the Trash for good? This cannot be undone.", nullptr,
                          count),
                       QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) == QMessageBox::Yes;
        });
    });
    emptyTrashAction->setObjectName(u"emptyTrashAction"_s);
    m_messageActions.append(emptyTrashAction);
    toolBar->addWidget(m_searchField);
    // A visible label as well as the accessible name: on Linux a screen reader reads a combo
    // box by its value and its label, not by its accessible name.
    auto *scope = new QWidget(this);
    auto *scopeLayout = new QHBoxLayout(scope);
    scopeLayout->setContentsMargins(0, 0, 0, 0);
    auto *scopeLabel = new QLabel(tr("Search in:"), scope);
    m_searchScope = new QComboBox(scope);
    scopeLabel->setBuddy(m_searchScope);
    scopeLayout->addWidget(scopeLabel);
    scopeLayout->addWidget(m_searchScope);
    m_searchScope->setObjectName(u"searchScope"_s);
    m_searchScope->addItem(tr("This account"));
    m_searchScope->addItem(tr("All accounts"));
    m_searchScope->setAccessibleName(tr("Search in"));
    m_searchScope->setToolTip(tr("Search the selected account only, or every account"));
    connect(m_searchScope, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_searchField->text().trimmed().isEmpty())
            onSearchEdited();
    });
    m_searchScopeAction = toolBar->addWidget(scope);
    m_searchScopeAction->setVisible(false); // with several accounts only
    QAction *serverSearch =
        toolBar->addAction(tr("Search the server too"), this, &MainWindow::searchOnServer);
    serverSearch->setObjectName(u"serverSearchAction"_s);
    serverSearch->setToolTip(tr("Also ask the server, for messages whose text is not kept offline"));
    m_messageActions.append(serverSearch);
    QAction *undo = messageMenu->addAction(tr("&Undo move or delete"), m_undoBar, &UndoBar::undo);
    undo->setObjectName(u"undoAction"_s);
    undo->setShortcut(QKeySequence::Undo);
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
    QAction *about = helpMenu->addAction(tr("&About AmiensMail"), this, [this] {
        auto *dialog = new AboutDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    about->setObjectName(u"aboutAction"_s);
    QAction *shortcuts = new QAction(tr("&Keyboard shortcuts"), this);
    shortcuts->setObjectName(u"shortcutsAction"_s);
    connect(shortcuts, &QAction::triggered, this, &MainWindow::showShortcuts);
    helpMenu->insertAction(about, shortcuts);

    // F6 / Shift+F6: folders, messages, the message read, as in other mail clients.
    QAction *nextPane = new QAction(tr("Next pane"), this);
    nextPane->setObjectName(u"nextPaneAction"_s);
    nextPane->setShortcut(QKeySequence(Qt::Key_F6));
    connect(nextPane, &QAction::triggered, this, [this] { focusPane(1); });
    QAction *previousPane = new QAction(tr("Previous pane"), this);
    previousPane->setObjectName(u"previousPaneAction"_s);
    previousPane->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F6));
    connect(previousPane, &QAction::triggered, this, [this] { focusPane(-1); });
    addActions({nextPane, previousPane});
}

void MainWindow::focusPane(int delta)
{
    QList<QWidget *> panes{m_folderView, m_listStack->currentWidget(), m_messageView};
    panes.removeIf([](const QWidget *pane) { return !pane || !pane->isVisible(); });
    if (panes.isEmpty())
        return;
    const QWidget *focus = QApplication::focusWidget();
    qsizetype current = -1;
    for (qsizetype i = 0; i < panes.size(); ++i) {
        if (focus && (focus == panes.at(i) || panes.at(i)->isAncestorOf(focus)))
            current = i;
    }
    const qsizetype count = panes.size();
    const qsizetype next = current < 0 ? (delta > 0 ? 0 : count - 1) : (current + delta + count) % count;
    panes.at(next)->setFocus(delta > 0 ? Qt::TabFocusReason : Qt::BacktabFocusReason);
}

void MainWindow::showShortcuts()
{
    auto *dialog = findChild<ShortcutsDialog *>(u"shortcutsHelp"_s, Qt::FindDirectChildrenOnly);
    if (!dialog)
        dialog = new ShortcutsDialog(this);
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
}

void MainWindow::setAccountServices(AccountServices *services)
{
    if (!services) {
        showFolderList(); // before the caches it reads close
        m_accounts->clear();
        m_services = nullptr;
        setSession(nullptr);
        updateSearchScope();
        return;
    }
    if (!m_accounts->find(services->account().id)) {
        addAccount(services, services->account().displayName());
        if (m_accountId == services->account().id)
            return;
    }
    m_services = services;
    setSession(services->session());
    m_folderModel->setDropAccount(services->account().id);
}

QStringList MainWindow::accountIds() const
{
    return m_accounts->ids();
}

void MainWindow::addAccount(AccountServices *services, const QString &name)
{
    if (!services || !m_accounts->add(services, name))
        return;
    updateSearchScope();
    const QString id = services->account().id;
    if (!m_session) {
        activateAccount(id);
        return;
    }
    m_accounts->refreshCounts(id);
}

void MainWindow::removeAccount(const QString &accountId)
{
    // The unified list reads the account's cache: emptied before it closes, read again below.
    if (isShowingUnifiedList())
        m_unifiedList->clearRows();
    m_accounts->remove(accountId);
    const bool shown = accountId == m_accountId;
    if (shown) {
        // Closes its cache before its files go.
        m_services = nullptr;
        setSession(nullptr);
    }
    if (m_accounts->size() < 2)
        showFolderList();
    m_accounts->updateRoots();
    updateSearchScope();
    if (shown && !m_accounts->isEmpty())
        activateAccount(m_accounts->accounts().first().id);
    else if (isShowingUnifiedList())
        reloadUnified();
}

void MainWindow::setAccountOrder(const QList<Account> &accounts)
{
    m_accounts->setOrder(accounts);
    if (isShowingUnifiedList())
        reloadUnified(); // the accounts' new names
}

void MainWindow::activateAccount(const QString &accountId)
{
    if (accountId == m_accountId && m_session)
        return;
    const WindowAccounts::OpenAccount *account = m_accounts->find(accountId);
    if (!account || !account->services)
        return;
    AccountServices *services = account->services;
    const QString cachePath = account->cachePath;
    m_listModel->setFolder(0);
    m_services = services;
    setSession(services->session());
    m_folderModel->setDropAccount(accountId);
    setCachePath(cachePath, accountId);
}

void MainWindow::useAccount(const QString &accountId)
{
    if (accountId == m_accountId && m_session)
        return;
    const WindowAccounts::OpenAccount *account = m_accounts->find(accountId);
    if (!account || !account->services)
        return;
    AccountServices *services = account->services;
    const QString cachePath = account->cachePath;
    m_listModel->setFolder(0); // its rows were the other cache's
    m_services = services;
    setSession(services->session());
    m_folderModel->setDropAccount(accountId);
    useCache(cachePath, accountId);
}

bool MainWindow::selectFolder(const QString &path, const QString &accountId)
{
    const QModelIndex index = m_folderModel->indexForPath(path, accountId);
    if (!index.isValid())
        return false;
    m_folderView->setCurrentIndex(index);
    return true;
}

bool MainWindow::selectUnifiedView(UnifiedMailbox::View view)
{
    const QModelIndex index = m_folderModel->indexForUnifiedView(static_cast<int>(view));
    if (!index.isValid())
        return false;
    m_folderView->setCurrentIndex(index);
    return true;
}

bool MainWindow::isShowingUnifiedList() const
{
    return m_listStack->currentWidget() == m_unifiedList;
}

UnifiedListModel *MainWindow::unifiedModel() const
{
    return m_unifiedList->unifiedModel();
}

void MainWindow::updateSearchScope()
{
    const bool several = m_accounts->size() > 1;
    m_searchScopeAction->setVisible(several);
    if (!several)
        setSearchScope(SearchScope::ThisAccount);
}

void MainWindow::setSearchScope(SearchScope scope)
{
    const QSignalBlocker blocker(m_searchScope);
    m_searchScope->setCurrentIndex(scope == SearchScope::AllAccounts ? 1 : 0);
}

void MainWindow::showUnified(UnifiedMailbox::View view)
{
    m_unifiedView = view;
    if (!m_searchField->text().isEmpty()) {
        const QSignalBlocker blocker(m_searchField);
        m_searchField->clear();
    }
    // Searching from here looks in every account.
    setSearchScope(SearchScope::AllAccounts);
    m_listStack->setCurrentWidget(m_unifiedList);
    m_messageView->clear();
    m_unifiedList->showView(view);
    updateFolderRights();
}

void MainWindow::showFolderList()
{
    m_unifiedView.reset();
    if (!isShowingUnifiedList())
        return;
    m_listStack->setCurrentWidget(m_messageList);
    m_unifiedList->clearRows();
    m_messageView->clear();
}

void MainWindow::reloadUnified()
{
    m_unifiedList->reload(m_searchField->text().trimmed());
}

void MainWindow::onUnifiedMessageSelected()
{
    const auto entry = m_unifiedList->currentEntry();
    if (!entry) {
        m_messageView->clear();
        return;
    }
    // Its account is the one shown from now on: opening it, marking it, answering it go there.
    if (entry->accountId != m_accountId)
        useAccount(entry->accountId);
    if (entry->accountId != m_accountId || !m_cache.isOpen()) {
        m_messageView->clear();
        return;
    }
    updateFolderRights();
    const MessageOpener::Opened opened = m_opener->open(entry->message);
    showInMessageView(entry->message, opened.raw, opened.ownFolder);
    if (opened.raw)
        showReadReceipts(entry->message, *opened.raw, opened.ownFolder);
}

void MainWindow::setSession(AccountSession *session)
{
    if (m_session)
        m_session->disconnect(this);
    m_session = session;
    m_indexLabel->hide(); // the previous account's index
    m_composers->setShownAccount(session, &m_cache, m_cachePath);
    m_opener->setSession(session);
    m_receipts->setSession(session);
    m_serverSearch->setSession(session);
    m_signOutAction->setEnabled(m_session != nullptr);
    for (QAction *action : std::as_const(m_messageActions))
        action->setEnabled(m_session != nullptr);
    updateFolderRights();
    if (!m_session) {
        setWindowTitle(tr("AmiensMail"));
        setCachePath({}, {});
        m_folderModel->setFolders({});
        m_connectionLabel->setText(tr("Offline"));
        m_progress->hide();
        m_indexLabel->hide();
        return;
    }
    setWindowTitle(tr("%1 — AmiensMail").arg(m_session->account().address));
    connect(m_session, &AccountSession::foldersChanged, this, [this](const QList<FolderInfo> &folders) {
        const QString id = m_session ? m_session->account().id : QString();
        // Under « Tous les comptes » the tree keeps its selection; otherwise the folder is selected again.
        if (isShowingUnifiedList())
            m_accounts->setFolders(id, folders);
        else
            m_folderModel->setFolders(id, folders);
        onFoldersChanged();
    });
    connect(m_session, &AccountSession::errorOccurred, this, &MainWindow::onError);
    connect(m_session, &AccountSession::busyChanged, this, &MainWindow::onBusyChanged);
    connect(m_session, &AccountSession::searchIndexProgress, this, &MainWindow::onSearchIndexProgress);
}

void MainWindow::showNoAccount(const QString &profileDirectory)
{
    // The profile's directory is for the log, not for the user.
    qCInfo(lcAccount).noquote() << "no account in the profile" << QDir::toNativeSeparators(profileDirectory);
    m_banner->showMessage(NotificationBanner::Level::Information,
                          tr("No mail account is set up on this computer yet.").toHtmlEscaped() +
                              CommandLinks::html(u"setup"_s, tr("Set up my account…")));
}

void MainWindow::showAbsenceActive(bool active, const QDateTime &until, const QString &accountId,
                                   const QString &accountName)
{
    if (!active) {
        m_absenceBanner->hide();
        return;
    }
    const QString end = QLocale().toString(until.toLocalTime(), QLocale::ShortFormat);
    QString text;
    if (accountName.isEmpty())
        text = until.isValid() ? tr("Your out-of-office message is on until %1.").arg(end)
                               : tr("Your out-of-office message is on.");
    else
        text = until.isValid() ? tr("The out-of-office message of %1 is on until %2.").arg(accountName, end)
                               : tr("The out-of-office message of %1 is on.").arg(accountName);
    m_absenceBanner->showMessage(NotificationBanner::Level::Information,
                                 text.toHtmlEscaped() +
                                     CommandLinks::html(u"endabsence"_s, tr("End it"), accountId));
}

void MainWindow::showPasswordReminder(qint64 ageInDays, const QString &accountName)
{
    const QString reminder = HelpTexts::passwordReminder(m_help, ageInDays);
    m_reminderBanner->showMessage(
        NotificationBanner::Level::Information,
        accountName.isEmpty() ? reminder : u"<b>"_s + accountName.toHtmlEscaped() + u"</b> — "_s + reminder);
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
        browser->setAccessibleName(title);
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
    if (useCache(path, accountId))
        reloadFromCache();
    else
        m_listModel->setFolder(0);
}

bool MainWindow::useCache(const QString &path, const QString &accountId)
{
    m_cache.close();
    m_cachePath = path;
    m_accountId = accountId;
    m_composers->setShownAccount(m_session, &m_cache, path);
    m_accounts->setShownAccount(accountId);
    m_receipts->setProfileDirectory(path.isEmpty() ? QString() : profileDirectory());
    m_messageView->clear();
    // Opened attachments go where shared-workstation mode erases them.
    m_messageView->setTemporaryDirectory(
        path.isEmpty() ? QString() : AccountPaths(profileDirectory(), accountId).temporaryDirectory());
    if (!openCacheIfNeeded())
        return false;
    // Read after the first screen (or when a message is shown first), not before it: the
    // colleagues' names come from the 5,000 newest messages (40 ms of a 150 ms start-up at
    // 100,000 messages).
    m_phishingChecksReady = false;
    QTimer::singleShot(kPhishingChecksDelay, this, [this, path] {
        if (m_cachePath == path)
            ensurePhishingChecks();
    });
    return true;
}

void MainWindow::showInMessageView(const CachedMessage &message, const std::optional<QByteArray> &raw,
                                   bool ownFolder)
{
    ensurePhishingChecks();
    m_messageView->showMessage(message, raw, ownFolder);
}

void MainWindow::ensurePhishingChecks()
{
    if (m_phishingChecksReady || !m_cache.isOpen())
        return;
    configurePhishingChecks();
    m_phishingChecksReady = true;
}

void MainWindow::configurePhishingChecks()
{
    const QStringList domains =
        PhishingSettings::trustedDomains(SitePolicy::load(), Profile(profileDirectory()));
    m_messageView->setPhishingAnalyzer(PhishingAnalyzer(
        domains, PhishingSettings::colleagueNames(m_cache.addressBook().knownAddresses(), domains)));
}

void MainWindow::reportPhishing()
{
    const Selection current = selection();
    if (!m_session || current.uids.isEmpty() || !openCacheIfNeeded())
        return;
    const auto junk = folderWithRole(FolderInfo::Role::Junk);
    const auto folder = m_cache.folderStore().folder(current.folderPath);
    if (!junk || !folder) {
        m_banner->showMessage(
            NotificationBanner::Level::Warning,
            tr("This account has no Junk folder, so the message stays where it is.").toHtmlEscaped());
        return;
    }
    // The reports are in the outbox, on disk, before the messages move: nothing is lost offline.
    // Without the account's services (a window shown for tests), the messages only move.
    if (m_services) {
        QList<QByteArray> originals;
        for (const quint32 uid : current.uids)
            originals.append(m_cache.messageStore().body(folder->id, uid).value_or(QByteArray()));
        const AccountServices::QueuedReports reports = m_services->queuePhishingReports(originals);
        for (const QString &id : reports.outboxIds)
            Q_EMIT outboxQueued(id);
        if (reports.error) {
            m_banner->showMessage(NotificationBanner::Level::Error, reports.error->toHtmlEscaped());
            return;
        }
    }
    moveTo(current, junk->info.path());
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
    return m_opener->folderPath(folderId);
}

bool MainWindow::selectFolder(const QString &path)
{
    const QModelIndex index = m_folderModel->indexForPath(path, m_accountId);
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
    const QList<CachedFolder> folders = m_cache.folderStore().folders();
    // The server's list (LIST) may be more recent; the cache gives the tree when offline, and
    // the namespaces and rights the last sync read.
    QList<FolderInfo> infos;
    for (const CachedFolder &folder : folders)
        infos.append(folder.info);
    const bool unified = isShowingUnifiedList();
    if (!m_folderModel->hasFolders(m_accountId) || m_folderModel->detailsDiffer(m_accountId, infos)) {
        if (unified) {
            m_accounts->setFolders(m_accountId, infos); // « Tous les comptes » stays selected
        } else {
            m_folderModel->setFolders(m_accountId, infos);
            m_folderView->expandAll();
        }
    }
    QHash<QString, int> unread;
    for (const CachedFolder &folder : folders)
        unread.insert(folder.info.path(), folder.unseenCount);
    m_accounts->setUnreadCounts(m_accountId, unread);
    if (unified) {
        // The shown account is the selected message's; the tree and the list are every account's.
        if (m_unifiedView && !m_folderView->currentIndex().data(FolderTreeModel::UnifiedViewRole).isValid()) {
            const QSignalBlocker blocker(m_folderView->selectionModel());
            m_folderView->setCurrentIndex(
                m_folderModel->indexForUnifiedView(static_cast<int>(*m_unifiedView)));
        }
        reloadUnified();
        updateFolderRights();
        return;
    }
    // Selecting another folder reads its list already; reading it twice doubled the first screen's wait.
    bool listRead = false;
    if (currentFolder.isEmpty() || !selectFolder(currentFolder))
        listRead = selectFolder(u"INBOX"_s);
    // Selected before its account's cache knew it (first sync, or another account's tree
    // changing under it): the list is read again for the folder now known.
    const QString shownFolder = m_folderView->currentIndex().data(FolderTreeModel::PathRole).toString();
    if (!listRead && !shownFolder.isEmpty() && !m_listModel->isShowingSearch()) {
        const auto folder = m_cache.folderStore().folder(shownFolder);
        if (folder && folder->id != m_listModel->folderId()) {
            m_listModel->setFolder(folder->id, folder->info.role == FolderInfo::Role::Sent);
            listRead = true;
        }
    }

    // Keep the open message selected across the reload.
    const qint64 currentRow = m_messageList->currentIndex().data(MessageListModel::RowIdRole).toLongLong();
    if (m_listModel->isShowingSearch())
        onSearchEdited();
    else if (!listRead)
        m_listModel->reload();
    const int row = m_listModel->rowForRowId(currentRow);
    if (row >= 0) {
        const QSignalBlocker blocker(m_messageList->selectionModel());
        m_messageList->setCurrentIndex(m_listModel->index(row, 0));
    }
    updateFolderRights(); // the sync may have read new rights
}

void MainWindow::onFolderSelected()
{
    const QModelIndex index = m_folderView->currentIndex();
    if (const QVariant view = index.data(FolderTreeModel::UnifiedViewRole); view.isValid()) {
        showUnified(static_cast<UnifiedMailbox::View>(view.toInt()));
        return;
    }
    showFolderList();
    setSearchScope(SearchScope::ThisAccount);
    // A folder of another account: its cache, its list and its session from now on.
    const QString accountId = index.data(FolderTreeModel::AccountIdRole).toString();
    if (index.isValid() && !accountId.isEmpty() && accountId != m_accountId && m_accounts->find(accountId))
        activateAccount(accountId);
    m_messageView->clear();
    if (!openCacheIfNeeded() || !index.isValid()) {
        m_listModel->setFolder(0);
        return;
    }
    const auto folder = m_cache.folderStore().folder(index.data(FolderTreeModel::PathRole).toString());
    if (!m_searchField->text().isEmpty()) {
        const QSignalBlocker blocker(m_searchField);
        m_searchField->clear();
    }
    m_listModel->setFolder(folder ? folder->id : 0, folder && folder->info.role == FolderInfo::Role::Sent);
    updateFolderRights();
}

void MainWindow::updateFolderRights()
{
    // The messages' own folder (search results may come from another), else the tree's.
    QString path = selection().folderPath;
    if (path.isEmpty())
        path = m_folderView->currentIndex().data(FolderTreeModel::PathRole).toString();
    std::optional<CachedFolder> folder;
    if (!path.isEmpty() && m_cache.isOpen())
        folder = m_cache.folderStore().folder(path);
    m_folderRights.apply(folder ? std::optional<FolderInfo>(folder->info) : std::nullopt,
                         m_session != nullptr);
}

void MainWindow::applyFilter()
{
    m_listModel->setFilter(m_unreadFilter->isChecked(), m_flaggedFilter->isChecked(),
                           m_attachmentFilter->isChecked());
}

void MainWindow::onSearchEdited()
{
    m_searchNote->hide(); // said again below for an offline search of this account
    const QString text = m_searchField->text().trimmed();
    if (text.isEmpty()) {
        onFolderSelected();
        return;
    }
    if (m_accounts->size() > 1 && m_searchScope->currentIndex() == 1) {
        // « Tous les comptes »: every account's offline copy, each result naming its account.
        m_listStack->setCurrentWidget(m_unifiedList);
        m_unifiedList->showSearch(text);
        m_messageView->clear();
        return;
    }
    // « Ce compte »: the shown account (the selected message's, under « Tous les comptes »).
    m_listStack->setCurrentWidget(m_messageList);
    if (!openCacheIfNeeded())
        return;
    m_listModel->showRowIds(m_cache.searchIndex().searchRowIds(text, 1000));
    m_messageView->clear();
    updateSearchNote();
}

void MainWindow::updateSearchNote()
{
    const bool searching = !m_searchField->text().trimmed().isEmpty() && !isShowingUnifiedList() &&
                           m_listModel->isShowingSearch();
    const int unindexed = searching && m_cache.isOpen() ? m_cache.messageStore().unindexedCount() : 0;
    m_searchNote->setText(
        tr("%n message(s) are not indexed yet: the search will cover them in a moment.", nullptr, unindexed));
    m_searchNote->setVisible(unindexed > 0);
}

void MainWindow::onSearchIndexProgress(int indexed, int total)
{
    const bool done = indexed >= total;
    m_indexLabel->setText(tr("Indexing for search: %1 %").arg(total > 0 ? indexed * 100 / total : 100));
    m_indexLabel->setVisible(!done);
    if (!openCacheIfNeeded())
        return;
    if (isShowingUnifiedList())
        return;
    // Previews and paper clips of the rows just indexed; the selection stays.
    m_listModel->refreshRows();
    if (m_listModel->isShowingSearch()) {
        // Once complete, the search is run again to cover every message.
        const QString text = m_searchField->text().trimmed();
        if (done && !text.isEmpty())
            m_listModel->showRowIds(m_cache.searchIndex().searchRowIds(text, 1000));
        updateSearchNote();
    }
}

void MainWindow::searchOnServer()
{
    // The server searched is the shown account's: its own results, in its list.
    if (isShowingUnifiedList()) {
        setSearchScope(SearchScope::ThisAccount);
        onSearchEdited();
    }
    if (m_serverSearch->start(m_searchField->text().trimmed()))
        statusBar()->showMessage(tr("Searching on the server…"));
}

void MainWindow::showServerSearch(const ServerSearch::Result &result)
{
    statusBar()->clearMessage();
    if (m_searchField->text().trimmed() != result.text)
        return; // the user has moved on
    if (result.error) {
        m_banner->showMessage(NotificationBanner::Level::Error, result.error->message.toHtmlEscaped(),
                              result.error->technical);
        return;
    }
    if (result.unsupported) {
        m_banner->showMessage(
            NotificationBanner::Level::Warning,
            tr("This server cannot search for accented text; the offline copy was searched instead.")
                .toHtmlEscaped());
        return;
    }
    m_listModel->showRowIds(ServerSearch::merged(
        m_listModel->isShowingSearch() ? m_listModel->rowIds() : QList<qint64>(), result.rowIds));
    QString summary =
        tr("%n message(s) found on the server.", nullptr, static_cast<int>(result.rowIds.size()));
    if (result.missing > 0) {
        summary += u' ' + tr("%n more will show after the next synchronisation.", nullptr, result.missing);
        Q_EMIT syncRequested();
    }
    statusBar()->showMessage(summary, 10000);
}

MainWindow::Selection MainWindow::selection() const
{
    QList<CachedMessage> messages;
    // Under « Tous les comptes », those of the shown account (the current row's): one account per action.
    if (isShowingUnifiedList())
        return selectionOf(m_unifiedList->selectedMessages(m_accountId));
    const QModelIndexList rows = m_messageList->selectionModel()->selectedRows();
    for (const QModelIndex &index : rows) {
        if (const auto message = m_listModel->messageAt(index.row()))
            messages.append(*message);
    }
    return selectionOf(messages);
}

MainWindow::Selection MainWindow::selectionOf(const QList<CachedMessage> &messages) const
{
    Selection result;
    for (const CachedMessage &message : messages) {
        if (result.uids.isEmpty()) {
            result.folderPath = folderPath(message.folderId);
            result.rowId = message.rowId;
            result.seen = message.isSeen();
            result.flagged = message.isFlagged();
        }
        // One folder per action: search results may mix folders.
        if (folderPath(message.folderId) == result.folderPath)
            result.uids.append(message.uid);
    }
    return result;
}

void MainWindow::onMessageSelected()
{
    const QModelIndex index = m_messageList->currentIndex();
    // Reaching the list from the keyboard (Tab, F6) makes its first row current, and shown,
    // without selecting it: selected, it is highlighted and the actions (Ctrl+R…) apply to it.
    if (index.isValid() && !m_messageList->selectionModel()->hasSelection())
        m_messageList->selectionModel()->select(index,
                                                QItemSelectionModel::Select | QItemSelectionModel::Rows);
    updateFolderRights();
    const auto message = index.isValid() ? m_listModel->messageAt(index.row()) : std::nullopt;
    if (!message) {
        m_messageView->clear();
        return;
    }
    const MessageOpener::Opened opened = m_opener->open(*message);
    showInMessageView(*message, opened.raw, opened.ownFolder);
    if (opened.raw)
        showReadReceipts(*message, *opened.raw, opened.ownFolder);
}

void MainWindow::showFetchedBody(qint64 rowId, const std::optional<QByteArray> &raw)
{
    const auto current = m_listModel->messageAt(m_messageList->currentIndex().row());
    if (!current || current->rowId != rowId)
        return; // the user has moved on
    const bool ownFolder = m_opener->isOwnFolder(current->folderId);
    showInMessageView(*current, raw, ownFolder);
    if (raw)
        showReadReceipts(*current, *raw, ownFolder);
}

QString MainWindow::profileDirectory() const
{
    return AccountPaths::profileDirectoryOfCacheFile(m_cachePath);
}

void MainWindow::showReadReceipts(const CachedMessage &message, const QByteArray &raw, bool ownFolder)
{
    m_messageView->setReceiptStatus(m_receipts->status(message, raw, ownFolder));
    m_receipts->consider(message, raw, ownFolder);
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
    const QString description = tr("%n message(s) deleted.", nullptr, static_cast<int>(current.uids.size()));
    m_session->deleteMessages(current.folderPath, current.uids, m_undoSeconds,
                              [this, description](const QString &error, qint64 operationId) {
                                  afterUndoableChange(error, operationId, description);
                              });
}

void MainWindow::archiveSelection()
{
    const Selection current = selection();
    if (!m_session || current.uids.isEmpty())
        return;
    const auto archive = folderWithRole(FolderInfo::Role::Archive);
    if (!archive || archive->info.path() == current.folderPath) {
        m_banner->showMessage(NotificationBanner::Level::Warning,
                              tr("This account has no archive folder.").toHtmlEscaped());
        return;
    }
    moveTo(current, archive->info.path());
}

void MainWindow::moveMessages(const QList<qint64> &rowIds, const QString &destination)
{
    if (openCacheIfNeeded())
        moveTo(selectionOf(m_cache.messageStore().messagesByRowIds(rowIds)), destination);
}

void MainWindow::showMessageMenu(const QPoint &globalPosition)
{
    if (!m_session || selection().uids.isEmpty())
        return;
    QMenu menu(this);
    menu.setObjectName(u"messageContextMenu"_s);
    QMenu *moveMenu = menu.addMenu(tr("Move to"));
    moveMenu->setObjectName(u"moveToMenu"_s);
    menu.setToolTipsVisible(true);
    moveMenu->setToolTipsVisible(true);
    // Out of a folder the rights keep the messages in: greyed out, with the reason.
    if (const auto source =
            m_cache.isOpen() ? m_cache.folderStore().folder(selection().folderPath) : std::nullopt) {
        const QString reason = FolderPermissions(source->info).reason(FolderPermissions::Action::MoveOut);
        moveMenu->setEnabled(reason.isEmpty());
        moveMenu->menuAction()->setToolTip(reason);
        moveMenu->menuAction()->setStatusTip(reason);
    }
    const QList<WindowAccounts::OpenAccount> accounts =
        m_accounts->isEmpty() ? QList<WindowAccounts::OpenAccount>{{m_accountId, {}, m_services, {}}}
                              : m_accounts->accounts();
    for (const WindowAccounts::OpenAccount &account : accounts) {
        QMenu *target = accounts.size() > 1 ? moveMenu->addMenu(account.name) : moveMenu;
        const QString accountId = account.id;
        // Every folder that holds messages, in the tree's order and with its shown name.
        std::function<void(const QModelIndex &)> addFolders = [&](const QModelIndex &parent) {
            for (int row = 0; row < m_folderModel->rowCount(parent); ++row) {
                const QModelIndex index = m_folderModel->index(row, 0, parent);
                const QString path = index.data(FolderTreeModel::PathRole).toString();
                if (!index.data(FolderTreeModel::AccountRootRole).toBool() &&
                    (m_folderModel->flags(index) & Qt::ItemIsSelectable)) {
                    QAction *entry = target->addAction(
                        m_folderModel->displayNameForPath(path), this, [this, accountId, path] {
                            if (accountId == m_accountId || accountId.isEmpty())
                                moveTo(selection(), path);
                            else
                                transferSelection(accountId, path);
                        });
                    // A folder without the insert right cannot take them.
                    const QString refusal = index.data(FolderTreeModel::AddRefusalRole).toString();
                    entry->setEnabled(refusal.isEmpty());
                    entry->setToolTip(refusal.isEmpty() ? entry->text() : refusal);
                    entry->setStatusTip(refusal);
                }
                addFolders(index);
            }
        };
        addFolders(accounts.size() > 1 ? m_folderModel->indexForAccount(accountId) : QModelIndex());
    }
    menu.exec(globalPosition);
}

void MainWindow::transferSelection(const QString &targetAccountId, const QString &targetFolder)
{
    const Selection current = selection();
    if (!m_session || current.uids.isEmpty() || targetAccountId == m_accountId ||
        !m_accounts->find(targetAccountId))
        return;
    m_session->transferMessages(current.folderPath, current.uids, targetAccountId, targetFolder, false,
                                [this, targetAccountId](const QString &error) {
                                    // Not downloaded: the French reason in the banner.
                                    afterLocalChange(error);
                                    if (error.isEmpty())
                                        sendTransfer(targetAccountId);
                                });
}

void MainWindow::sendTransfer(const QString &targetAccountId)
{
    // At once, not whenever the schedulers next run: first the other account adds the messages,
    // then this one removes its copies. Offline, both stay queued for their next sync.
    const WindowAccounts::OpenAccount *target = m_accounts->find(targetAccountId);
    AccountSession *targetSession = target && target->services ? target->services->session() : nullptr;
    if (!targetSession)
        return;
    auto received = std::make_shared<ReplayPendingJob>();
    QPointer<AccountSession> source = m_session;
    targetSession->submit(received, [received, source](const std::optional<ServiceError> &failure) {
        if (failure || !source)
            return;
        auto removed = std::make_shared<ReplayPendingJob>();
        source->submit(removed, [removed](const std::optional<ServiceError> &) {});
    });
}

void MainWindow::moveTo(const Selection &messages, const QString &destination)
{
    if (!m_session || messages.uids.isEmpty() || destination == messages.folderPath)
        return;
    const QString description =
        tr("%n message(s) moved to %1.", nullptr, static_cast<int>(messages.uids.size()))
            .arg(m_folderModel->displayNameForPath(destination));
    m_session->moveMessages(messages.folderPath, messages.uids, destination, m_undoSeconds,
                            [this, description](const QString &error, qint64 operationId) {
                                afterUndoableChange(error, operationId, description);
                            });
}

std::optional<CachedFolder> MainWindow::folderWithRole(FolderInfo::Role role)
{
    if (!openCacheIfNeeded())
        return std::nullopt;
    for (const CachedFolder &folder : m_cache.folderStore().folders()) {
        if (folder.info.role == role)
            return folder;
    }
    return std::nullopt;
}

bool MainWindow::emptyTrash(const std::function<bool(int count)> &confirm)
{
    const auto trash = folderWithRole(FolderInfo::Role::Trash);
    if (!m_session || !trash)
        return false;
    QList<quint32> uids;
    for (const CachedMessage &message :
         m_cache.messageStore().messagesByRowIds(m_cache.messageStore().messageRowIds(trash->id, {})))
        uids.append(message.uid);
    if (uids.isEmpty() || !confirm(static_cast<int>(uids.size())))
        return false;
    // Deleting in the Trash is for good: no undo window, the confirmation was the safeguard.
    m_session->deleteMessages(trash->info.path(), uids,
                              [this](const QString &error) { afterLocalChange(error); });
    return true;
}

void MainWindow::afterUndoableChange(const QString &error, qint64 operationId, const QString &description)
{
    if (error.isEmpty() && operationId != 0 && m_undoSeconds > 0) {
        m_undoSession = m_session;
        m_undoBar->offer(description, operationId, m_undoSeconds);
    }
    afterLocalChange(error);
}

void MainWindow::showSyncProgress(const QString &path, int done, int total)
{
    m_progress->setRange(0, std::max(total, 1));
    m_progress->setValue(done);
    FolderInfo folder;
    folder.pathParts = path.split(u'/');
    folder.separator = u'/';
    folder.role = path == "INBOX"_L1 ? FolderInfo::Role::Inbox : FolderInfo::Role::None;
    m_progress->setFormat(FolderTreeModel::displayName(folder) + u" %v/%m"_s);
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
    // Another account's error (a refused password) stays until that account connects.
    m_banner->hideAbout(m_accountId);
    reloadFromCache();
    m_connectionLabel->setText(tr("Online"));
    m_lastSyncLabel->setText(
        tr("Last synchronisation: %1")
            .arg(QLocale().toString(Clock::currentDateTime().time(), QLocale::ShortFormat)));
    QModelIndex inbox = m_folderModel->indexForPath(u"INBOX"_s, m_accountId);
    if (!inbox.isValid())
        inbox = m_folderModel->index(0, 0);
    if (inbox.isValid() && !m_folderView->currentIndex().isValid())
        m_folderView->setCurrentIndex(inbox);
    m_folderView->expandAll();
}

void MainWindow::onError(const ServiceError &error)
{
    m_connectionLabel->setText(tr("Offline"));
    m_banner->showMessageAbout(m_accountId, NotificationBanner::Level::Error, error.message.toHtmlEscaped(),
                               error.technical);
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

DraftSynchronizer *MainWindow::draftSynchronizer()
{
    return m_composers->draftSynchronizer();
}

WindowComposers *MainWindow::composers()
{
    // They read the addresses the cache knows and the originals: opened once it exists.
    static_cast<void>(openCacheIfNeeded());
    return m_composers;
}

ComposerWindow *MainWindow::openComposer(const QString &folderPath, quint32 uid)
{
    return uid == 0 ? composers()->openNew()
                    : composers()->openAnswer(folderPath, uid, WindowComposers::Answer::Reply);
}

ComposerWindow *MainWindow::openReplyAll(const QString &folderPath, quint32 uid)
{
    return composers()->openAnswer(folderPath, uid, WindowComposers::Answer::ReplyAll);
}

ComposerWindow *MainWindow::openForward(const QString &folderPath, quint32 uid)
{
    return composers()->openAnswer(folderPath, uid, WindowComposers::Answer::Forward);
}

ComposerWindow *MainWindow::openDraft(const QString &draftId)
{
    QString error;
    ComposerWindow *composer = composers()->openDraft(draftId, &error);
    if (!composer && !error.isEmpty())
        QMessageBox::warning(this, tr("Drafts"), error);
    return composer;
}

} // namespace Amiens
