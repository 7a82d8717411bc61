// The main window, on Qt's offscreen platform, filled from the core against the real Dovecot.
#include "FolderTreeModel.h"
#include "MailServerControl.h"
#include "MainWindow.h"
#include "MessageListModel.h"
#include "MessageView.h"
#include "NotificationBanner.h"
#include "SyncWait.h"
#include "TestEnvironment.h"
#include "UndoBar.h"
#include "account/AccountPaths.h"
#include "cache/MailCache.h"
#include "session/AccountSession.h"
#include "util/Translations.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QProgressBar>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Qt::StringLiterals;
using namespace Amiens;
using namespace Amiens::Test;

class TestMainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void folderTreeIsFilledInFrench();
    void wrongPasswordShowsTheErrorInTheWindow();
    void readingMarksReadAndReachesTheServer();
    void actionQueuedOfflineIsReplayedLater();
    void deleteCanBeUndoneUntilTheWindowEnds();
    void droppedMessagesMoveAndEmptyTrashDeletesForGood();
    void serverSearchFindsTextNotKeptOffline();
    void searchDuringIndexingSaysWhatIsLeft();

private:
    TestEnvironment m_env;
};

void TestMainWindow::initTestCase()
{
    m_env = TestEnvironment::fromEnvironment();
    AMIENS_REQUIRE_SERVERS(m_env);
    QApplication::setOrganizationName(u"AmiensMailTests"_s);
    QCOMPARE(Translations::install(*QCoreApplication::instance(), u"fr"_s), u"fr"_s);
}

void TestMainWindow::folderTreeIsFilledInFrench()
{
    QString error;
    const auto trust = TlsTrust::forAccount(m_env.account(), &error);
    QVERIFY2(trust, qPrintable(error));
    AccountSession session(m_env.account(), *trust);
    MainWindow window;
    window.setSession(&session);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    session.setPassword(m_env.password);
    window.refresh();
    FolderTreeModel *model = window.folderModel();
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() >= 6, 20000);

    QStringList names;
    for (int row = 0; row < model->rowCount(); ++row)
        names.append(model->index(row, 0).data().toString());
    QCOMPARE(names.first(), u"Boîte de réception"_s);
    for (const QString &expected :
         {u"Envoyés"_s, u"Brouillons"_s, u"Corbeille"_s, u"Indésirables"_s, u"Archives"_s})
        QVERIFY2(names.contains(expected), qPrintable(names.join(u", "_s)));
    QCOMPARE(window.folderView()->currentIndex().data(FolderTreeModel::PathRole).toString(), u"INBOX"_s);
    QVERIFY(!window.banner()->isVisible());
    QVERIFY(window.windowTitle().contains(m_env.address));
}

void TestMainWindow::wrongPasswordShowsTheErrorInTheWindow()
{
    QString error;
    const auto trust = TlsTrust::forAccount(m_env.account(), &error);
    AccountSession session(m_env.account(), *trust);
    MainWindow window;
    window.setSession(&session);
    window.show();
    session.setPassword(u"faux"_s);
    window.refresh();
    QTRY_VERIFY_WITH_TIMEOUT(window.banner()->isVisible(), 20000);
    QCOMPARE(window.banner()->level(), NotificationBanner::Level::Error);
    QVERIFY2(window.banner()->text().contains(u"mot de passe"_s), qPrintable(window.banner()->text()));
    QCOMPARE(window.folderModel()->rowCount(), 0);
}

namespace {

} // namespace

void TestMainWindow::readingMarksReadAndReachesTheServer()
{
    MailServerControl server(m_env.user);
    QVERIFY(server.reset());
    const quint32 uid =
        server.save(u"INBOX"_s, MailServerControl::message(u"Conseil pédagogique"_s,
                                                           u"Ordre du jour : projet d'établissement.\n"_s));
    QVERIFY(server.save(u"INBOX"_s, MailServerControl::message(u"Autre"_s)));
    QTemporaryDir dir;
    const QString cachePath = AccountPaths(dir.path(), m_env.address).cacheFile();
    QString error;
    AccountSession session(m_env.account(), *TlsTrust::forAccount(m_env.account(), &error));
    session.setCachePath(cachePath);
    session.setPassword(m_env.password);
    QVERIFY(synchronizeAndWait(session));

    MainWindow window;
    window.setSession(&session);
    window.setCachePath(cachePath, m_env.address);
    connect(&window, &MainWindow::syncRequested, &session,
            [&session] { session.synchronize(SyncOptions{}); });
    window.show();
    QVERIFY(window.selectFolder(u"INBOX"_s));
    QCOMPARE(window.messageModel()->rowCount(), 2);
    const int row = window.messageModel()->rowForRowId(
        window.messageModel()->index(0, 0).data(MessageListModel::UidRole).toUInt() == uid
            ? window.messageModel()->index(0, 0).data(MessageListModel::RowIdRole).toLongLong()
            : window.messageModel()->index(1, 0).data(MessageListModel::RowIdRole).toLongLong());
    QVERIFY(!window.messageModel()->index(row, 0).data(MessageListModel::SeenRole).toBool());
    window.messageList()->setCurrentIndex(window.messageModel()->index(row, 0));
    QVERIFY(window.messageView()->bodyText().contains(u"projet d'établissement"_s));

    // Opening it marked it read: at once in the list, then on the server after the sync it asked for.
    QTRY_VERIFY_WITH_TIMEOUT(server.flags(u"INBOX"_s, uid).contains(u"\\Seen"_s), 20000);
    const int after = window.messageModel()->rowForRowId(
        window.messageList()->currentIndex().data(MessageListModel::RowIdRole).toLongLong());
    QVERIFY(after >= 0);
    QVERIFY(window.messageModel()->index(after, 0).data(MessageListModel::SeenRole).toBool());

    // Search across the cache.
    window.searchField()->setText(u"etablissement"_s);
    QTRY_COMPARE(window.messageModel()->rowCount(), 1);
}

void TestMainWindow::actionQueuedOfflineIsReplayedLater()
{
    MailServerControl server(m_env.user);
    QVERIFY(server.reset());
    const quint32 uid = server.save(u"INBOX"_s, MailServerControl::message(u"À supprimer hors connexion"_s));
    QTemporaryDir dir;
    const QString cachePath = AccountPaths(dir.path(), m_env.address).cacheFile();
    QString error;
    const TlsTrust trust = *TlsTrust::forAccount(m_env.account(), &error);
    {
        AccountSession online(m_env.account(), trust);
        online.setCachePath(cachePath);
        online.setPassword(m_env.password);
        QVERIFY(synchronizeAndWait(online));
    }
    // The network is gone: the session cannot reach the server.
    Account unreachable = m_env.account();
    unreachable.imap.port = 1;
    {
        AccountSession offline(unreachable, trust);
        offline.setCachePath(cachePath);
        offline.setPassword(m_env.password);
        MainWindow window;
        window.setUndoSeconds(0); // queued for the server at once
        window.setSession(&offline);
        window.setCachePath(cachePath, m_env.address);
        QVERIFY(window.selectFolder(u"INBOX"_s));
        QCOMPARE(window.messageModel()->rowCount(), 1);
        window.messageList()->setCurrentIndex(window.messageModel()->index(0, 0));
        window.action(u"deleteAction"_s)->trigger();
        QTRY_COMPARE(window.messageModel()->rowCount(), 0); // gone from the list at once
    }
    QCOMPARE(server.uids(u"INBOX"_s), QList<quint32>{uid}); // still on the server

    AccountSession back(m_env.account(), trust);
    back.setCachePath(cachePath);
    back.setPassword(m_env.password);
    QVERIFY(synchronizeAndWait(back));
    QVERIFY(server.uids(u"INBOX"_s).isEmpty());
    QCOMPARE(server.uids(u"Trash"_s).size(), 1);
}

namespace {

/// A window on a freshly synced cache of the test user's mailbox, syncing when it asks to.
struct SyncedWindow
{
    QTemporaryDir dir;
    QString cachePath;
    std::unique_ptr<AccountSession> session;
    MainWindow window;

    bool open(const TestEnvironment &env, SyncOptions::Bodies bodies = SyncOptions::Bodies::All)
    {
        cachePath = AccountPaths(dir.path(), env.address).cacheFile();
        QString error;
        session =
            std::make_unique<AccountSession>(env.account(), *TlsTrust::forAccount(env.account(), &error));
        session->setCachePath(cachePath);
        session->setPassword(env.password);
        if (!synchronizeAndWait(*session, bodies))
            return false;
        window.setSession(session.get());
        window.setCachePath(cachePath, env.address);
        QObject::connect(&window, &MainWindow::syncRequested, session.get(),
                         [this] { session->synchronize(SyncOptions{}); });
        return window.selectFolder(u"INBOX"_s);
    }
};

} // namespace

void TestMainWindow::deleteCanBeUndoneUntilTheWindowEnds()
{
    MailServerControl server(m_env.user);
    QVERIFY(server.reset());
    const quint32 kept = server.save(u"INBOX"_s, MailServerControl::message(u"Supprimé par erreur"_s));
    const quint32 deleted = server.save(u"INBOX"_s, MailServerControl::message(u"Vraiment à supprimer"_s));
    SyncedWindow synced;
    MainWindow &window = synced.window;
    window.setUndoSeconds(60);
    QVERIFY(synced.open(m_env));
    QCOMPARE(window.messageModel()->rowCount(), 2);

    window.messageList()->setCurrentIndex(
        window.messageModel()->index(window.messageModel()->rowForUid(kept), 0));
    window.action(u"deleteAction"_s)->trigger();
    QTRY_COMPARE(window.messageModel()->rowCount(), 1);
    QTRY_VERIFY(window.undoBar()->isOffering());
    QCOMPARE(window.undoBar()->text(), u"1 message supprimé."_s);
    // The sync the change asked for leaves it alone while it can be undone.
    QVERIFY(synchronizeAndWait(*synced.session));
    QCOMPARE(server.uids(u"INBOX"_s).size(), 2);
    window.action(u"undoAction"_s)->trigger(); // Ctrl+Z
    QTRY_COMPARE(window.messageModel()->rowCount(), 2);
    QVERIFY(!window.undoBar()->isOffering());
    QVERIFY(synchronizeAndWait(*synced.session));
    QCOMPARE(server.uids(u"INBOX"_s).size(), 2);
    QVERIFY(server.uids(u"Trash"_s).isEmpty());

    // Not undone: once the window is over, the window asks for a sync and the server gets it.
    window.setUndoSeconds(1);
    window.messageList()->setCurrentIndex(
        window.messageModel()->index(window.messageModel()->rowForUid(deleted), 0));
    window.action(u"deleteAction"_s)->trigger();
    QTRY_COMPARE(window.messageModel()->rowCount(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(!window.undoBar()->isOffering(), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(server.uids(u"INBOX"_s), QList<quint32>{kept}, 20000);
    QCOMPARE(server.uids(u"Trash"_s).size(), 1);
}

void TestMainWindow::droppedMessagesMoveAndEmptyTrashDeletesForGood()
{
    MailServerControl server(m_env.user);
    QVERIFY(server.reset());
    const quint32 uid = server.save(u"INBOX"_s, MailServerControl::message(u"À classer"_s));
    QVERIFY(server.save(u"Trash"_s, MailServerControl::message(u"Vieux 1"_s)));
    QVERIFY(server.save(u"Trash"_s, MailServerControl::message(u"Vieux 2"_s)));
    SyncedWindow synced;
    MainWindow &window = synced.window;
    window.setUndoSeconds(0);
    QVERIFY(synced.open(m_env));

    // A drop on "Archives" moves the message, like the A key.
    const qint64 rowId = window.messageModel()->index(0, 0).data(MessageListModel::RowIdRole).toLongLong();
    QCOMPARE(window.messageModel()->index(0, 0).data(MessageListModel::UidRole).toUInt(), uid);
    std::unique_ptr<QMimeData> data(window.messageModel()->mimeData({window.messageModel()->index(0, 0)}));
    const QModelIndex archives = window.folderModel()->indexForPath(u"Archives"_s);
    QVERIFY(archives.isValid());
    window.folderModel()->dropMimeData(data.get(), Qt::MoveAction, -1, -1, archives);
    QTRY_COMPARE(window.messageModel()->rowForRowId(rowId), -1);
    QCOMPARE(window.messageModel()->rowCount(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(server.uids(u"Archives"_s).size(), 1, 20000);
    QVERIFY(server.uids(u"INBOX"_s).isEmpty());

    // "Vider la corbeille": nothing happens when the user says no; everything goes when yes.
    int asked = 0;
    QVERIFY(!window.emptyTrash([&asked](int count) {
        asked = count;
        return false;
    }));
    QCOMPARE(asked, 2);
    QVERIFY(window.emptyTrash([](int) { return true; }));
    QTRY_VERIFY_WITH_TIMEOUT(server.uids(u"Trash"_s).isEmpty(), 20000);
    QCOMPARE(server.uids(u"Archives"_s).size(), 1);
}

void TestMainWindow::serverSearchFindsTextNotKeptOffline()
{
    MailServerControl server(m_env.user);
    QVERIFY(server.reset());
    QVERIFY(server.save(
        u"INBOX"_s,
        MailServerControl::message(u"Compte rendu"_s, u"Le conseil d'établissement a voté le budget.\n"_s)));
    QVERIFY(server.save(u"INBOX"_s, MailServerControl::message(u"Autre chose"_s, u"Rien à voir.\n"_s)));
    QVERIFY(server.createFolder(u"Projets"_s));
    SyncedWindow synced;
    MainWindow &window = synced.window;
    QVERIFY(synced.open(m_env, SyncOptions::Bodies::None)); // headers only: no text offline

    window.searchField()->setText(u"établissement"_s);
    Q_EMIT window.searchField()->returnPressed();
    QCOMPARE(window.messageModel()->rowCount(), 0); // the offline copy has no bodies
    // A folder deleted on the server since the sync is skipped, not fatal to the search.
    QVERIFY(server.deleteFolder(u"Projets"_s));
    window.action(u"serverSearchAction"_s)->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(window.messageModel()->rowCount(), 1, 20000);
    QCOMPARE(window.messageModel()->index(0, MessageListModel::SubjectColumn).data().toString(),
             u"Compte rendu"_s);
}

void TestMainWindow::searchDuringIndexingSaysWhatIsLeft()
{
    MailServerControl server(m_env.user);
    QVERIFY(server.reset());
    for (int i = 0; i < 3; ++i)
        QVERIFY(server.save(u"INBOX"_s, MailServerControl::message(u"Fête de l'école n°%1"_s.arg(i),
                                                                   u"Prévoir la kermesse du samedi.\n"_s)));
    QTemporaryDir dir;
    const QString cachePath = AccountPaths(dir.path(), m_env.address).cacheFile();
    QString error;
    AccountSession session(m_env.account(), *TlsTrust::forAccount(m_env.account(), &error));
    session.setCachePath(cachePath);
    session.setPassword(m_env.password);
    // Stored by a sync as the window runs it (bodies indexed afterwards, in the background), the
    // index held back as it ends: the state the window finds while the index runs.
    QSignalSpy synced(&session, &AccountSession::syncFinished);
    QObject::connect(
        &session, &AccountSession::syncFinished, &session,
        [&session] { session.setIndexInBackground(false); }, Qt::SingleShotConnection);
    session.synchronize(SyncOptions{SyncOptions::Bodies::All});
    QTRY_COMPARE_WITH_TIMEOUT(synced.size(), 1, 20000);

    MainWindow window;
    window.setSession(&session);
    window.setCachePath(cachePath, m_env.address);
    window.show();
    QVERIFY(window.selectFolder(u"INBOX"_s));
    QCOMPARE(window.messageModel()->rowCount(), 3);
    QVERIFY(window.messageModel()->messageAt(0)->preview.isEmpty());
    auto *status = window.findChild<QLabel *>(u"searchIndexStatus"_s);
    auto *note = window.findChild<QLabel *>(u"searchNote"_s);
    QVERIFY(status && note);
    QVERIFY(!status->isVisible());

    window.searchField()->setText(u"kermesse"_s);
    QTRY_VERIFY(note->isVisible());
    QCOMPARE(window.messageModel()->rowCount(), 0);
    QCOMPARE(note->text(),
             u"3 messages ne sont pas encore indexés : la recherche les couvrira dans un instant."_s);
    window.searchField()->clear();
    QTRY_VERIFY(!note->isVisible());

    // The status bar follows the account's index…
    Q_EMIT session.searchIndexProgress(1, 4);
    QVERIFY(status->isVisible());
    QCOMPARE(status->text(), u"Indexation pour la recherche : 25 %"_s);
    // …and the real one, once complete, hides it; the list's previews are filled in meanwhile,
    // without a new selection of the folder.
    session.setIndexInBackground(true);
    session.synchronize(SyncOptions{SyncOptions::Bodies::All});
    QTRY_VERIFY_WITH_TIMEOUT(!status->isVisible(), 20000);
    QVERIFY2(window.messageModel()->messageAt(0)->preview.startsWith(u"Prévoir"_s),
             qPrintable(window.messageModel()->messageAt(0)->preview));
    window.searchField()->setText(u"kermesse"_s);
    QTRY_COMPARE(window.messageModel()->rowCount(), 3);
    QVERIFY(!note->isVisible());
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
