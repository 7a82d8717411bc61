// The main window, on Qt's offscreen platform, filled from the core against the real Dovecot.
#include "FolderTreeModel.h"
#include "MainWindow.h"
#include "NotificationBanner.h"
#include "TestEnvironment.h"
#include "imap/AccountSession.h"
#include "util/Translations.h"

#include <QApplication>
#include <QLabel>
#include <QProgressBar>
#include <QStatusBar>
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
    for (const QString &expected : {u"Envoyés"_s, u"Brouillons"_s, u"Corbeille"_s, u"Indésirables"_s, u"Archives"_s})
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

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
