// The client-side out-of-office responder end to end (issue 7 part 3): Jean writes to Marie
// through the real Postfix; Marie's client syncs, answers through its outbox and the real SMTP
// server; Jean's mailbox is counted with doveadm. A list message gets no answer, and a second
// message from Jean within N days neither.
#include "MailServerControl.h"
#include "OutboxDelivery.h"
#include "SyncWait.h"
#include "TestEnvironment.h"
#include "account/AccountPaths.h"
#include "account/Profile.h"
#include "autoreply/AbsenceStore.h"
#include "autoreply/AutoResponder.h"
#include "cache/MailCache.h"
#include "compose/MessageBuilder.h"
#include "mime/RawHeaderFields.h"
#include "net/TlsTrust.h"
#include "outbox/Outbox.h"
#include "outbox/OutboxSender.h"
#include "session/AccountSession.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Amiens;
using namespace Amiens::Test;

namespace {

const QStringList kAutomaticReply{u"header"_s, u"Auto-Submitted"_s, u"auto-replied"_s};

/// The automatic replies in @p user's inbox, after waiting for @p expected of them.
int automaticReplies(const QString &user, int expected)
{
    return MailServerControl(user).awaitCount(u"INBOX"_s, kAutomaticReply, expected);
}

} // namespace

class TestAutoResponder : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void answersOncePerSenderAndNeverLists();
    void cliSyncAnswersToo();

private:
    [[nodiscard]] Account jean() const;
    /// Sends @p raw from Jean's account through the real SMTP server and waits until Marie has it.
    QString jeanSends(const QByteArray &raw);
    /// What the application does after a sync: the responder, then the outbox when it queued.
    int syncAndRespond();

    TestEnvironment m_env;
    QTemporaryDir m_dir;
    QString m_profile;
    std::unique_ptr<AccountSession> m_session;
};

void TestAutoResponder::initTestCase()
{
    m_env = TestEnvironment::fromEnvironment();
    AMIENS_REQUIRE_SERVERS(m_env);
    QVERIFY(MailServerControl(m_env.user).reset());
    QVERIFY(MailServerControl(m_env.user2).reset());
    m_profile = m_dir.filePath(u"profile"_s);
    QString error;
    QVERIFY2(Profile(m_profile).saveAccount(m_env.account(), &error), qPrintable(error));
    const auto trust = TlsTrust::forAccount(m_env.account(), &error);
    m_session = std::make_unique<AccountSession>(m_env.account(), *trust);
    m_session->setCachePath(AccountPaths(m_profile, m_env.account().id).cacheFile());
    m_session->setPassword(m_env.password);
    QVERIFY(synchronizeAndWait(*m_session,
                               SyncOptions::Bodies::Recent)); // the inbox as it was before the absence
}

Account TestAutoResponder::jean() const
{
    Account account = m_env.account();
    account.id = m_env.address2;
    account.address = m_env.address2;
    account.realName = u"Jean Martin"_s;
    account.imap.login = m_env.user2;
    account.smtp.login = m_env.user2;
    return account;
}

QString TestAutoResponder::jeanSends(const QByteArray &raw)
{
    QString error;
    const auto built = MessageBuilder::prepareRaw(raw, m_env.address2, &error);
    if (!built)
        qFatal("%s", qPrintable(error));
    if (!sendThroughOutbox(jean(), m_env.password2, *built, m_dir.filePath(u"jean.sqlite"_s)))
        qWarning("Jean's outbox did not finish");
    const MailServerControl marie(m_env.user);
    if (!QTest::qWaitFor(
            [&] { return marie.count(u"INBOX"_s, MailServerControl::withMessageId(built->messageId)) > 0; },
            15000))
        qWarning("Jean's message did not reach Marie");
    return built->messageId;
}

int TestAutoResponder::syncAndRespond()
{
    if (!synchronizeAndWait(*m_session, SyncOptions::Bodies::Recent))
        return -1;
    const AutoResponder::Result result = AutoResponder::runAfterSync(Profile(m_profile), m_env.account());
    if (!result.error.isEmpty())
        qWarning("%s", qPrintable(result.error));
    if (result.queued > 0) {
        QString error;
        const Account account = m_env.account();
        OutboxSender sender(account, *TlsTrust::forAccount(account, &error),
                            AccountPaths(m_profile, account.id).outboxDirectory(), m_session.get());
        sender.setPassword(m_env.password);
        QSignalSpy finished(&sender, &OutboxSender::finished);
        sender.processNow(true);
        if (!finished.wait(60000))
            qWarning("Marie's outbox did not finish");
    }
    return result.queued;
}

void TestAutoResponder::answersOncePerSenderAndNeverLists()
{
    // Marie turns the absence on; her server has no ManageSieve for this test's purpose.
    AbsenceStore::ClientSide clientSide;
    clientSide.active = true;
    clientSide.vacation.enabled = true;
    clientSide.vacation.start = QDateTime::currentDateTimeUtc().addSecs(-3600);
    clientSide.vacation.end = QDateTime::currentDateTimeUtc().addDays(10);
    clientSide.vacation.subject = u"Absente jusqu'au 15 juin"_s;
    clientSide.vacation.message = u"Bonjour,\nje suis absente. Pour toute urgence : secrétariat.\n"_s;
    clientSide.vacation.days = 7;
    clientSide.vacation.addresses = {m_env.address};
    QString error;
    QVERIFY2(AbsenceStore::saveClientSide(Profile(m_profile), clientSide, &error), qPrintable(error));

    const auto message = [this](const QByteArray &subject, const QByteArray &extra) -> QByteArray {
        return "From: Jean Martin <" + m_env.address2.toLatin1() + ">\r\nTo: Marie Dupont <" +
               m_env.address.toLatin1() + ">\r\nSubject: " + subject + "\r\n" + extra +
               "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nBonjour Marie,\r\n";
    };

    // A list message first: no answer (and Jean is not yet "answered", so the next one counts).
    jeanSends(message("[profs-verne] Planning", "List-Id: Profs du college <profs-verne.ac-amiens.fr>\r\n"));
    QCOMPARE(syncAndRespond(), 0);
    QCOMPARE(automaticReplies(m_env.user2, 0), 0);

    // Jean writes: exactly one automatic reply reaches him, threaded on his message.
    const QString first = jeanSends(message("Question sur le conseil de classe", {}));
    QCOMPARE(syncAndRespond(), 1);
    QCOMPARE(automaticReplies(m_env.user2, 1), 1);
    QByteArray reply = MailServerControl(m_env.user2).fetch(u"hdr"_s, u"INBOX"_s, kAutomaticReply);
    reply.replace("\n", "\r\n");
    const RawHeaderFields fields(reply);
    QCOMPARE(fields.value("In-Reply-To"), "<" + first.toLatin1() + ">");
    QVERIFY2(fields.value("Subject").contains("Absente"), fields.value("Subject").constData());

    // A sync with nothing new answers nothing; a second message from Jean within 7 days neither.
    QCOMPARE(syncAndRespond(), 0);
    jeanSends(message("Autre question", {}));
    QCOMPARE(syncAndRespond(), 0);
    QCOMPARE(automaticReplies(m_env.user2, 1), 1);
}

void TestAutoResponder::cliSyncAnswersToo()
{
    // amiens-mail-cli sync runs the same responder as the window: a fresh pair of mailboxes and
    // a profile of its own, with the client-side absence on.
    QVERIFY(MailServerControl(m_env.user).reset());
    QVERIFY(MailServerControl(m_env.user2).reset());
    const QString profile = m_dir.filePath(u"cli-profile"_s);
    QString error;
    QVERIFY2(Profile(profile).saveAccount(m_env.account(), &error), qPrintable(error));
    AbsenceStore::ClientSide clientSide;
    clientSide.active = true;
    clientSide.enabledAt = QDateTime::currentDateTimeUtc().addSecs(-60);
    clientSide.vacation.enabled = true;
    clientSide.vacation.start = QDateTime::currentDateTimeUtc().addSecs(-3600);
    clientSide.vacation.end = QDateTime::currentDateTimeUtc().addDays(10);
    clientSide.vacation.subject = u"Absente (ligne de commande)"_s;
    clientSide.vacation.message = u"Bonjour,\nje suis absente.\n"_s;
    clientSide.vacation.days = 7;
    clientSide.vacation.addresses = {m_env.address};
    QVERIFY2(AbsenceStore::saveClientSide(Profile(profile), clientSide, &error), qPrintable(error));

    /// The exit code and standard output of one `amiens-mail-cli sync`.
    const auto cliSync = [&]() -> std::pair<int, QByteArray> {
        QProcess process;
        process.start(QStringLiteral(AMIENS_CLI_PATH),
                      {u"--profile"_s, profile, u"--password-stdin"_s, u"sync"_s});
        process.write(m_env.password.toUtf8() + '\n');
        process.closeWriteChannel();
        if (!process.waitForFinished(60000))
            qWarning("amiens-mail-cli did not finish");
        if (process.exitCode() != 0)
            qWarning("%s", process.readAllStandardError().constData());
        return {process.exitCode(), process.readAllStandardOutput()};
    };

    jeanSends("From: Jean Martin <" + m_env.address2.toLatin1() + ">\r\nTo: <" + m_env.address.toLatin1() +
              ">\r\nSubject: Conseil de classe\r\nMIME-Version: 1.0\r\n"
              "Content-Type: text/plain; charset=UTF-8\r\n\r\nBonjour Marie,\r\n");
    const auto first = cliSync();
    QCOMPARE(first.first, 0);
    QVERIFY2(first.second.contains("1 automatic reply(ies) queued."), first.second.constData());
    QCOMPARE(automaticReplies(m_env.user2, 1), 1);
    // The reply left: nothing waits in the outbox. A second run queues nothing more.
    QVERIFY(Outbox(AccountPaths(profile, m_env.account().id).outboxDirectory()).entries().isEmpty());
    const auto second = cliSync();
    QCOMPARE(second.first, 0);
    QVERIFY2(!second.second.contains("automatic repl"), second.second.constData());
    QVERIFY(Outbox(AccountPaths(profile, m_env.account().id).outboxDirectory()).entries().isEmpty());
    QCOMPARE(MailServerControl(m_env.user2).count(u"INBOX"_s, kAutomaticReply), 1);
    const QByteArray subject =
        MailServerControl(m_env.user2).fetch(u"hdr.subject"_s, u"INBOX"_s, kAutomaticReply);
    QVERIFY2(subject.contains("ligne de commande"), subject.constData());
}

QTEST_MAIN(TestAutoResponder)
#include "tst_autoresponder.moc"
