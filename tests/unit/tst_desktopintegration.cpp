// Desktop integration without servers: mailto: links fill a composer, new-mail notifications
// follow the setting, the tray icon shows the unread count, "À propos" and --version tell the
// versions and licences.
#include "AboutDialog.h"
#include "ComposerWindow.h"
#include "DesktopIntegration.h"
#include "MainWindow.h"
#include "TrayIcon.h"
#include "account/AccountPaths.h"
#include "account/Profile.h"
#include "cache/MailCache.h"
#include "net/TlsTrust.h"
#include "session/AccountSession.h"
#include "settings/NotificationPolicy.h"
#include "util/BuildInfo.h"

#include <QApplication>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Amiens;

class TestDesktopIntegration : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void mailtoWaitsForTheSession();
    void mailtoFillsTheComposer();
    void activateRaisesTheWindow();
    void newInboxMessagesCount();
    void notificationFollowsTheSetting();
    void trayTooltipAndBadge();
    void aboutDialogListsTheLibraries();
    void versionOptionOfBothPrograms_data();
    void versionOptionOfBothPrograms();

private:
    [[nodiscard]] static Account testAccount();
    [[nodiscard]] static SyncReport reportWith(const QString &path, int added, bool reset = false);

    QTemporaryDir m_dir;
};

void TestDesktopIntegration::initTestCase()
{
    QVERIFY(m_dir.isValid());
    qputenv("XDG_CONFIG_HOME", m_dir.filePath(u"config"_s).toUtf8());
    qputenv("XDG_CONFIG_DIRS", m_dir.filePath(u"etc"_s).toUtf8());
    qputenv("XDG_DATA_HOME", m_dir.filePath(u"data"_s).toUtf8());
    // No session bus: notifications fall back on the tray (which offscreen has not either).
    qunsetenv("DBUS_SESSION_BUS_ADDRESS");
    QApplication::setOrganizationName(u"AmiensMailTests"_s);
}

Account TestDesktopIntegration::testAccount()
{
    Account account;
    account.id = u"mdupont@ac-amiens.fr"_s;
    account.address = account.id;
    account.realName = u"Marie Dupont"_s;
    // Never contacted: the test only opens composers.
    account.imap = {u"127.0.0.1"_s, 9, ConnectionSecurity::ImplicitTls, u"mdupont"_s};
    account.smtp = {u"127.0.0.1"_s, 9, ConnectionSecurity::ImplicitTls, u"mdupont"_s};
    return account;
}

SyncReport TestDesktopIntegration::reportWith(const QString &path, int added, bool reset)
{
    SyncReport report;
    FolderSyncResult folder;
    folder.path = path;
    folder.added = added;
    folder.reset = reset;
    report.folders.append(folder);
    return report;
}

void TestDesktopIntegration::mailtoWaitsForTheSession()
{
    MainWindow window;
    DesktopIntegration desktop(Profile(m_dir.filePath(u"p1"_s)), &window, nullptr);
    QSignalSpy opened(&desktop, &DesktopIntegration::composerOpened);
    desktop.handleRequest(u"mailto:a@b.fr"_s);
    QCOMPARE(opened.size(), 0);
    QCOMPARE(desktop.pendingMailtoCount(), 1);
}

void TestDesktopIntegration::mailtoFillsTheComposer()
{
    const QString profileDir = m_dir.filePath(u"p2"_s);
    const Account account = testAccount();
    QString error;
    const auto trust = TlsTrust::forAccount(account, &error);
    QVERIFY2(trust, qPrintable(error));
    AccountSession session(account, *trust);
    MainWindow window;
    window.setSession(&session);
    window.setCachePath(AccountPaths(profileDir, account.id).cacheFile(), account.id);
    DesktopIntegration desktop(Profile(profileDir), &window, nullptr);
    QSignalSpy opened(&desktop, &DesktopIntegration::composerOpened);

    desktop.handleRequest(u"mailto:secretariat@ac-amiens.fr?cc=cpe@ac-amiens.fr&subject=Conseil%20de%20classe"
                          "&body=Bonjour%2C%0D%0A%0D%0AVoici%20l%27ordre%20du%20jour."_s);
    QCOMPARE(opened.size(), 1);
    auto *composer = opened.at(0).at(0).value<ComposerWindow *>();
    QVERIFY(composer && composer->isVisible());
    QCOMPARE(composer->toField()->text(), u"secretariat@ac-amiens.fr"_s);
    QCOMPARE(composer->ccField()->text(), u"cpe@ac-amiens.fr"_s);
    QCOMPARE(composer->subjectField()->text(), u"Conseil de classe"_s);
    QVERIFY(composer->bodyEdit()->toPlainText().startsWith(u"Bonjour,\n\nVoici l'ordre du jour."_s));
    const OutgoingMessage message = composer->message();
    QCOMPARE(message.to.size(), 1);
    QCOMPARE(message.to.first().address, u"secretariat@ac-amiens.fr"_s);
    delete composer; // close() would ask whether to keep a draft
    window.setSession(nullptr);
}

void TestDesktopIntegration::activateRaisesTheWindow()
{
    MainWindow window;
    DesktopIntegration desktop(Profile(m_dir.filePath(u"p3"_s)), &window, nullptr);
    QVERIFY(!window.isVisible());
    desktop.handleRequest(u"activate"_s);
    QVERIFY(window.isVisible());
    window.showMinimized();
    desktop.handleRequest(u"activate"_s);
    QVERIFY(!window.isMinimized());
}

void TestDesktopIntegration::newInboxMessagesCount()
{
    SyncReport report = reportWith(u"INBOX"_s, 3);
    report.folders.append(reportWith(u"Archives"_s, 40).folders);
    QCOMPARE(DesktopIntegration::newInboxMessages(report), 3);
    // A folder fetched again from scratch (new UIDVALIDITY) is not new mail.
    QCOMPARE(DesktopIntegration::newInboxMessages(reportWith(u"INBOX"_s, 500, true)), 0);
    QCOMPARE(DesktopIntegration::newInboxMessages(reportWith(u"Sent"_s, 2)), 0);
}

void TestDesktopIntegration::notificationFollowsTheSetting()
{
    const Profile profile(m_dir.filePath(u"p4"_s));
    QCOMPARE(NotificationPolicy::load(profile).newMail, true); // on by default
    MainWindow window;
    DesktopIntegration desktop(profile, &window, nullptr);
    QSignalSpy notified(&desktop, &DesktopIntegration::newMailNotified);

    // The first sync of a session brings what came while the client was closed: no notification.
    desktop.onSyncFinished(reportWith(u"INBOX"_s, 250));
    QCOMPARE(notified.size(), 0);
    desktop.onSyncFinished(reportWith(u"INBOX"_s, 2));
    QCOMPARE(notified.size(), 1);
    QCOMPARE(notified.at(0).at(0).toInt(), 2);
    desktop.onSyncFinished(reportWith(u"INBOX"_s, 0));
    QCOMPARE(notified.size(), 1);

    NotificationPolicy off;
    off.newMail = false;
    QString error;
    QVERIFY2(off.save(profile, &error), qPrintable(error));
    QCOMPARE(NotificationPolicy::load(profile).newMail, false);
    desktop.onSyncFinished(reportWith(u"INBOX"_s, 5));
    QCOMPARE(notified.size(), 1);
}

void TestDesktopIntegration::trayTooltipAndBadge()
{
    TrayIcon tray;
    tray.setUnreadCount(0);
    QCOMPARE(tray.toolTip(), u"AmiensMail: no unread message"_s);
    tray.setUnreadCount(12);
    QCOMPARE(tray.unreadCount(), 12);
    // The source string is "%n unread message(s)": English has no plural forms file.
    QVERIFY2(tray.toolTip().startsWith(u"AmiensMail: 12 unread message"_s), qPrintable(tray.toolTip()));

    const QIcon icon = TrayIcon::applicationIcon();
    QVERIFY(!icon.isNull());
    const QImage plain = icon.pixmap(32, 32).toImage();
    QVERIFY(!plain.isNull());
    const QImage badged = TrayIcon::withBadge(icon, 12).pixmap(32, 32).toImage();
    QCOMPARE(badged.size(), plain.size());
    QVERIFY(badged != plain);
    QVERIFY(TrayIcon::withBadge(icon, 0).pixmap(32, 32).toImage() == plain);
}

void TestDesktopIntegration::aboutDialogListsTheLibraries()
{
    AboutDialog dialog;
    QTableWidget *table = dialog.componentTable();
    QStringList names;
    for (int row = 0; row < table->rowCount(); ++row) {
        names.append(table->item(row, 0)->text());
        QVERIFY2(!table->item(row, 2)->text().isEmpty(), "every library has its licence");
    }
    for (const QString &expected : {u"Qt"_s, u"VMime"_s, u"QtKeychain"_s, u"OpenSSL"_s})
        QVERIFY2(names.contains(expected), qPrintable(expected));
    QCOMPARE(table->item(static_cast<int>(names.indexOf(u"Qt"_s)), 1)->text(),
             QString::fromLatin1(qVersion()));
    QCOMPARE(table->item(static_cast<int>(names.indexOf(u"VMime"_s)), 1)->text(), u"0.9.2"_s);
    QVERIFY(!table->item(static_cast<int>(names.indexOf(u"OpenSSL"_s)), 1)->text().isEmpty());
    QVERIFY(BuildInfo::version().startsWith(BuildInfo::versionNumber()));
}

void TestDesktopIntegration::versionOptionOfBothPrograms_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QString>("name");
    QTest::newRow("cli") << QStringLiteral(AMIENS_CLI_PATH) << u"amiens-mail-cli"_s;
    QTest::newRow("gui") << QStringLiteral(AMIENS_GUI_PATH) << u"amiens-mail"_s;
}

void TestDesktopIntegration::versionOptionOfBothPrograms()
{
    QFETCH(QString, program);
    QFETCH(QString, name);
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // --version must work without a display (the package test runs it on a bare console).
    environment.remove(u"QT_QPA_PLATFORM"_s);
    environment.remove(u"DISPLAY"_s);
    environment.remove(u"WAYLAND_DISPLAY"_s);
    process.setProcessEnvironment(environment);
    process.start(program, {u"--version"_s});
    QVERIFY(process.waitForFinished(20000));
    QCOMPARE(process.exitCode(), 0);
    const QStringList lines =
        QString::fromUtf8(process.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
    QVERIFY(lines.size() >= 5);
    QCOMPARE(lines.first(), name + u' ' + BuildInfo::version());
    QVERIFY(lines.contains(u"VMime 0.9.2 (GPL-3.0-or-later)"_s));
    QVERIFY(lines.contains(u"Qt %1 (LGPL-3.0-only)"_s.arg(QString::fromLatin1(qVersion()))));
}

QTEST_MAIN(TestDesktopIntegration)
#include "tst_desktopintegration.moc"
