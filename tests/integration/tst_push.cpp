// New-mail push (IDLE on its own connection) and the sync schedule, against the real Dovecot.
#include "MailServerControl.h"
#include "TestEnvironment.h"
#include "account/AccountPaths.h"
#include "cache/MailCache.h"
#include "session/AccountSession.h"
#include "session/SyncScheduler.h"
#include "sync/IdleWatcher.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Amiens;
using namespace Amiens::Test;

class TestPush : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void idleReportsNewMailAtOnce();
    void pushTriggersASyncIntoTheCache();
    void unreachableServerBacksOff();
    void backoffGrowsAndIsCapped();
    void stopIsPrompt();

private:
    TlsTrust trust() const;
    TestEnvironment m_env;
    std::unique_ptr<MailServerControl> m_server;
};

void TestPush::initTestCase()
{
    m_env = TestEnvironment::fromEnvironment();
    AMIENS_REQUIRE_SERVERS(m_env);
    m_server = std::make_unique<MailServerControl>(m_env.user);
    qRegisterMetaType<std::chrono::milliseconds>();
}

void TestPush::init()
{
    QVERIFY(m_server->reset());
}

TlsTrust TestPush::trust() const
{
    QString error;
    return TlsTrust::forAccount(m_env.account(), &error).value_or(TlsTrust());
}

void TestPush::idleReportsNewMailAtOnce()
{
    IdleWatcher watcher(m_env.account(), trust());
    QSignalSpy listening(&watcher, &IdleWatcher::listening);
    QSignalSpy changed(&watcher, &IdleWatcher::folderChanged);
    QSignalSpy unavailable(&watcher, &IdleWatcher::unavailable);
    watcher.start(m_env.password);
    QVERIFY(listening.wait(15000));
    QVERIFY(m_server->save(u"INBOX"_s, MailServerControl::message(u"Poussé"_s)));
    // Far below the poll interval: the server told us.
    QVERIFY(changed.wait(10000));
    QCOMPARE(unavailable.count(), 0);
}

void TestPush::pushTriggersASyncIntoTheCache()
{
    QTemporaryDir dir;
    const QString cachePath = AccountPaths(dir.path(), m_env.address).cacheFile();
    AccountSession session(m_env.account(), trust());
    session.setCachePath(cachePath);
    session.setPassword(m_env.password);
    IdleWatcher watcher(m_env.account(), trust());
    SyncOptions options;
    options.bodies = SyncOptions::Bodies::None;
    SyncScheduler scheduler(&session, options);
    scheduler.setPollInterval(std::chrono::hours(1));
    scheduler.setIdleWatcher(&watcher, m_env.password);
    QSignalSpy succeeded(&scheduler, &SyncScheduler::syncSucceeded);
    QSignalSpy listening(&watcher, &IdleWatcher::listening);
    scheduler.start();
    QVERIFY(succeeded.wait(20000));
    QVERIFY(listening.wait(15000));

    QVERIFY(m_server->save(u"INBOX"_s, MailServerControl::message(u"Arrivé pendant l'écoute"_s)));
    QTRY_COMPARE_WITH_TIMEOUT(succeeded.count(), 2, 20000);
    MailCache cache;
    QString error;
    QVERIFY(cache.open(cachePath, m_env.address, MailCache::Mode::ReadOnly, &error));
    const auto inbox = cache.folderStore().folder(u"INBOX"_s);
    QVERIFY(inbox);
    QCOMPARE(cache.messageStore().messages(inbox->id, 10).value(0).headers.subject,
             u"Arrivé pendant l'écoute"_s);
    scheduler.stop();
}

void TestPush::unreachableServerBacksOff()
{
    Account account = m_env.account();
    account.imap.port = 1; // nothing listens there
    QTemporaryDir dir;
    AccountSession session(account, trust());
    session.setCachePath(AccountPaths(dir.path(), account.id).cacheFile());
    session.setPassword(m_env.password);
    SyncScheduler scheduler(&session, SyncOptions());
    QSignalSpy failed(&scheduler, &SyncScheduler::syncFailed);
    scheduler.start();
    QVERIFY(failed.wait(20000));
    const auto error = failed.first().at(0).value<ServiceError>();
    QCOMPARE(error.kind, ServiceError::Kind::Network);
    QCOMPARE(failed.first().at(1).value<std::chrono::milliseconds>(), SyncScheduler::backoffDelay(1));
    QCOMPARE(scheduler.consecutiveFailures(), 1);
    QVERIFY(!scheduler.isSyncing());
}

void TestPush::backoffGrowsAndIsCapped()
{
    using namespace std::chrono;
    QCOMPARE(SyncScheduler::backoffDelay(0), milliseconds(0));
    QCOMPARE(SyncScheduler::backoffDelay(1), milliseconds(seconds(15)));
    QCOMPARE(SyncScheduler::backoffDelay(2), milliseconds(seconds(30)));
    QCOMPARE(SyncScheduler::backoffDelay(4), milliseconds(minutes(2)));
    QCOMPARE(SyncScheduler::backoffDelay(7), milliseconds(minutes(15)));
    QCOMPARE(SyncScheduler::backoffDelay(40), milliseconds(minutes(15)));
}

void TestPush::stopIsPrompt()
{
    IdleWatcher watcher(m_env.account(), trust());
    QSignalSpy listening(&watcher, &IdleWatcher::listening);
    watcher.start(m_env.password);
    QVERIFY(listening.wait(15000));
    QElapsedTimer timer;
    timer.start();
    watcher.stop();
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(!watcher.isRunning());
}

QTEST_GUILESS_MAIN(TestPush)
#include "tst_push.moc"
