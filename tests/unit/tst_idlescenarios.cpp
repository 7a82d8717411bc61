// Push (core/sync/IdleWatcher) against a scripted IMAP server (tests/support/ImapScenarioPlayer):
// IDLE, its continuation, what the server announces while idling, DONE, and the ways it ends.
// The watcher runs whole (its own thread and connection, VMime over our TLS socket); tst_push
// keeps it honest against the real Dovecot.
#include "ImapScenario.h"
#include "ImapScenarioPlayer.h"
#include "ScenarioClient.h"
#include "TestCertificates.h"
#include "sync/IdleWatcher.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Amiens;
using namespace Amiens::Test;

namespace {

const QByteArray kCapabilities = "IMAP4rev1 AUTH=PLAIN LITERAL+ CONDSTORE UIDPLUS MOVE SPECIAL-USE IDLE";

/// EXAMINE of the inbox, then IDLE and its continuation.
ImapScenario examineThenIdle()
{
    ImapScenario scenario;
    scenario.capabilities(kCapabilities)
        .expect(uR"(EXAMINE INBOX \(CONDSTORE\))"_s)
        .send(ImapScenario::mailbox(2, 7, 3, 10))
        .ok("[READ-ONLY] done")
        .expect(u"IDLE"_s)
        .send("+ idling\r\n");
    return scenario;
}

} // namespace

class TestIdleScenarios : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void existsWhileIdlingReportsAChange();
    void withoutIdleCapabilityIsUnavailable();
    void refusedIdleIsUnavailable();
    void droppedConnectionDuringIdleIsUnavailable();

private:
    /// A watcher on the player's INBOX.
    std::unique_ptr<IdleWatcher> watcher(const ImapScenarioPlayer &player) const;

    std::unique_ptr<QTemporaryDir> m_certificateDir;
    std::unique_ptr<TestCertificates> m_certificates;
};

void TestIdleScenarios::initTestCase()
{
    m_certificateDir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_certificateDir->isValid());
    m_certificates = std::make_unique<TestCertificates>(m_certificateDir->path());
    QVERIFY2(m_certificates->isValid(), qPrintable(m_certificates->error()));
}

std::unique_ptr<IdleWatcher> TestIdleScenarios::watcher(const ImapScenarioPlayer &player) const
{
    const ScenarioClient client(*m_certificates, player.port());
    return std::make_unique<IdleWatcher>(client.account(), client.trust(), u"INBOX"_s);
}

void TestIdleScenarios::existsWhileIdlingReportsAChange()
{
    // A keep-alive, then a new message: one change, reported after DONE, and IDLE again.
    ImapScenario scenario = examineThenIdle();
    scenario.send("* OK Still here\r\n* 3 EXISTS\r\n* 1 RECENT\r\n")
        .expect(u"DONE"_s)
        .ok("IDLE terminated")
        .expect(u"IDLE"_s)
        .send("+ idling\r\n");
    ImapScenarioPlayer player(scenario, m_certificates->serverIdentity());
    {
        const auto push = watcher(player);
        QSignalSpy listening(push.get(), &IdleWatcher::listening);
        QSignalSpy changed(push.get(), &IdleWatcher::folderChanged);
        QSignalSpy unavailable(push.get(), &IdleWatcher::unavailable);
        push->start(u"Mot-de-passe-1"_s);
        QVERIFY(QTest::qWaitFor([&] { return !changed.isEmpty(); }, 30000));
        // Idling again: the second IDLE got its continuation.
        QVERIFY2(QTest::qWaitFor([&] { return player.isComplete(); }, 30000), qPrintable(player.report()));
        QCOMPARE(listening.size(), 1);
        QCOMPARE(changed.size(), 1);
        QVERIFY(unavailable.isEmpty());
        QVERIFY(push->isRunning());
        push->stop();
        QVERIFY(!push->isRunning());
        QVERIFY(unavailable.isEmpty()); // stopping is not a failure
    }
    QVERIFY2(player.failures().isEmpty(), qPrintable(player.report()));
    const QList<QByteArray> commands = player.transcript().commands();
    const qsizetype examine = commands.indexOf("EXAMINE INBOX (CONDSTORE)");
    QVERIFY2(examine >= 0, qPrintable(player.report()));
    QCOMPARE(commands.mid(examine, 4),
             (QList<QByteArray>{"EXAMINE INBOX (CONDSTORE)", "IDLE", "DONE", "IDLE"}));
    // Push only tells; the sync fetches.
    QCOMPARE(player.transcript().count(u"FETCH|SEARCH|SELECT"_s), 0);
    QCOMPARE(player.connectionCount(), 1);
}

void TestIdleScenarios::withoutIdleCapabilityIsUnavailable()
{
    // The default capabilities have no IDLE: the watcher says so and stops, and the scheduler
    // polls instead. Nothing is opened.
    ImapScenario scenario;
    ImapScenarioPlayer player(scenario, m_certificates->serverIdentity());
    const auto push = watcher(player);
    QSignalSpy listening(push.get(), &IdleWatcher::listening);
    QSignalSpy unavailable(push.get(), &IdleWatcher::unavailable);
    push->start(u"Mot-de-passe-1"_s);
    QVERIFY(QTest::qWaitFor([&] { return !unavailable.isEmpty(); }, 30000));
    const auto error = unavailable.first().first().value<ServiceError>();
    QCOMPARE(error.kind, ServiceError::Kind::Protocol);
    QVERIFY2(error.message.contains(u"no IDLE"_s), qPrintable(error.message));
    QVERIFY(listening.isEmpty());
    QVERIFY(QTest::qWaitFor([&] { return !push->isRunning(); }, 30000));
    QVERIFY2(player.failures().isEmpty(), qPrintable(player.report()));
    QCOMPARE(player.transcript().count(u"^(IDLE|EXAMINE|SELECT)"_s), 0);
}

void TestIdleScenarios::refusedIdleIsUnavailable()
{
    // IDLE announced, then refused: the server's reason reaches the logs and the watcher stops.
    ImapScenario scenario;
    scenario.capabilities(kCapabilities)
        .expect(uR"(EXAMINE INBOX \(CONDSTORE\))"_s)
        .send(ImapScenario::mailbox(2, 7, 3, 10))
        .ok("[READ-ONLY] done")
        .expect(u"IDLE"_s)
        .no("[LIMIT] too many IDLE sessions");
    ImapScenarioPlayer player(scenario, m_certificates->serverIdentity());
    const auto push = watcher(player);
    QSignalSpy listening(push.get(), &IdleWatcher::listening);
    QSignalSpy unavailable(push.get(), &IdleWatcher::unavailable);
    push->start(u"Mot-de-passe-1"_s);
    QVERIFY(QTest::qWaitFor([&] { return !unavailable.isEmpty(); }, 30000));
    const auto error = unavailable.first().first().value<ServiceError>();
    QCOMPARE(error.kind, ServiceError::Kind::Protocol);
    QVERIFY2(error.technical.contains(u"too many IDLE sessions"_s), qPrintable(error.technical));
    QVERIFY(listening.isEmpty());
    QVERIFY2(player.isComplete(), qPrintable(player.report()));
    QCOMPARE(player.transcript().count(u"^DONE$"_s), 0); // no DONE for an IDLE that never began
}

void TestIdleScenarios::droppedConnectionDuringIdleIsUnavailable()
{
    // The server goes away while the client idles: reported as a lost connection, at once (not
    // after the 25-minute renewal), and the watcher stops instead of spinning.
    ImapScenario scenario = examineThenIdle();
    scenario.drop();
    ImapScenarioPlayer player(scenario, m_certificates->serverIdentity());
    const auto push = watcher(player);
    QSignalSpy listening(push.get(), &IdleWatcher::listening);
    QSignalSpy changed(push.get(), &IdleWatcher::folderChanged);
    QSignalSpy unavailable(push.get(), &IdleWatcher::unavailable);
    push->start(u"Mot-de-passe-1"_s);
    QVERIFY(QTest::qWaitFor([&] { return !unavailable.isEmpty(); }, 30000));
    QCOMPARE(listening.size(), 1);
    QVERIFY(changed.isEmpty());
    const auto error = unavailable.first().first().value<ServiceError>();
    QCOMPARE(error.kind, ServiceError::Kind::Network);
    QVERIFY2(error.message.contains(u"localhost"_s), qPrintable(error.message));
    QVERIFY2(error.technical.contains(u"connection lost"_s), qPrintable(error.technical));
    QVERIFY(QTest::qWaitFor([&] { return !push->isRunning(); }, 30000));
    QVERIFY2(player.isComplete(), qPrintable(player.report()));
    QCOMPARE(player.connectionCount(), 1);
}

QTEST_GUILESS_MAIN(TestIdleScenarios)
#include "tst_idlescenarios.moc"
