// The out-of-office message without ManageSieve (issue 7 part 3): the Absence page switches to
// the client-side responder with its warning and saves to the profile; the main window shows the
// banner at start while an absence runs, and its "end it" link turns it off.
#include "MainWindow.h"
#include "NotificationBanner.h"
#include "SessionLauncher.h"
#include "TestEnvironment.h"
#include "account/Profile.h"
#include "autoreply/AbsenceStore.h"
#include "settings/SettingsDialog.h"

#include <QCheckBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Amiens;
using namespace Amiens::Test;

class TestAbsenceBanner : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void pageSavesTheClientSideAbsence();
    void bannerAtStartAndEndingIt();

private:
    [[nodiscard]] Account accountWithoutSieve() const;

    TestEnvironment m_env;
    quint16 m_closedPort = 0;
};

void TestAbsenceBanner::initTestCase()
{
    m_env = TestEnvironment::fromEnvironment();
    AMIENS_REQUIRE_SERVERS(m_env);
    // A port where nothing listens: the server offers no ManageSieve.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    m_closedPort = probe.serverPort();
    probe.close();
}

Account TestAbsenceBanner::accountWithoutSieve() const
{
    Account account = m_env.account();
    account.sieve = {m_env.host, m_closedPort, ConnectionSecurity::StartTls, m_env.user};
    return account;
}

void TestAbsenceBanner::pageSavesTheClientSideAbsence()
{
    QTemporaryDir dir;
    const Profile profile(dir.path());
    SettingsDialog dialog(profile, accountWithoutSieve(), SitePolicy());
    dialog.setPassword(m_env.password);
    QSignalSpy read(&dialog, &SettingsDialog::serverSettingsRead);
    QSignalSpy state(&dialog, &SettingsDialog::absenceStateChanged);
    dialog.loadServerSettings();
    QVERIFY(read.wait(20000));
    QVERIFY(dialog.clientSideAbsence());
    const QString status = dialog.findChild<QLabel *>(u"absenceStatus"_s)->text();
    const QString warning = SettingsDialog::tr(
        "The automatic reply is sent only while this computer is on and AmiensMail is open.");
    QVERIFY2(status.contains(warning.toHtmlEscaped()), qPrintable(status));

    auto *enabled = dialog.findChild<QCheckBox *>(u"absenceEnabled"_s);
    QVERIFY(enabled->isEnabled());
    enabled->setChecked(true);
    dialog.findChild<QPlainTextEdit *>(u"absenceMessage"_s)->setPlainText(u"Je suis absente.\n"_s);
    QVERIFY(dialog.apply());
    const AbsenceStore::ClientSide saved = AbsenceStore::loadClientSide(profile, accountWithoutSieve().id);
    QVERIFY(saved.active);
    QVERIFY(saved.vacation.enabled);
    QCOMPARE(saved.vacation.message, u"Je suis absente.\n"_s);
    QCOMPARE(saved.vacation.addresses, QStringList{m_env.address}); // filled from the account
    QVERIFY(saved.enabledAt.isValid());
    QVERIFY(!state.isEmpty());
    QVERIFY(state.last().first().toBool()); // the banner is told

    // A validation problem saves nothing.
    dialog.findChild<QPlainTextEdit *>(u"absenceMessage"_s)->setPlainText({});
    QVERIFY(!dialog.apply());
    QCOMPARE(AbsenceStore::loadClientSide(profile, accountWithoutSieve().id).vacation.message,
             u"Je suis absente.\n"_s);
}

void TestAbsenceBanner::bannerAtStartAndEndingIt()
{
    QTemporaryDir dir;
    const Profile profile(dir.path());
    const Account account = accountWithoutSieve();
    QString error;
    QVERIFY(profile.saveAccount(account, &error));
    AbsenceStore::ClientSide clientSide;
    clientSide.active = true;
    clientSide.vacation.enabled = true;
    clientSide.vacation.end = QDateTime::currentDateTime().addDays(3);
    clientSide.vacation.message = u"Absente.\n"_s;
    QVERIFY(AbsenceStore::saveClientSide(profile, clientSide, &error));

    MainWindow window;
    window.show();
    SessionLauncher launcher(profile, &window);
    launcher.setSitePolicy(SitePolicy());
    launcher.startSession(account, m_env.password);
    NotificationBanner *banner = window.absenceBanner();
    QVERIFY(banner->isVisible());
    QVERIFY(banner->text().contains(u"amiens:endabsence"_s));

    // "End it": the settings open on the Absence page and turn it off in the profile.
    Q_EMIT banner->linkActivated(u"amiens:endabsence"_s);
    QTRY_VERIFY_WITH_TIMEOUT(!AbsenceStore::loadClientSide(profile).vacation.enabled, 20000);
    QTRY_VERIFY(banner->isHidden());
    QCOMPARE(AbsenceStore::loadClientSide(profile).vacation.message, u"Absente.\n"_s); // kept for next time
    launcher.finish();

    // Outside its period, no banner.
    clientSide.vacation.enabled = true;
    clientSide.vacation.start = QDateTime::currentDateTime().addDays(10);
    clientSide.vacation.end = QDateTime::currentDateTime().addDays(20);
    QVERIFY(AbsenceStore::saveClientSide(profile, clientSide, &error));
    MainWindow later;
    later.show();
    SessionLauncher again(profile, &later);
    again.setSitePolicy(SitePolicy());
    again.startSession(account, m_env.password);
    QVERIFY(later.absenceBanner()->isHidden());
    again.finish();
}

QTEST_MAIN(TestAbsenceBanner)
#include "tst_absencebanner.moc"
