// "Signaler comme hameçonnage" against the real servers (issue 8): the message ends in the
// account's \Junk folder on the IMAP server, and the report, sent through the outbox over SMTP,
// arrives in the security mailbox (the second test user) with the original attached unchanged.
#include "CliRun.h"
#include "MailServerControl.h"
#include "TestEnvironment.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Amiens::Test;

namespace {

using Run = CliRun;

} // namespace

class TestPhishingReport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void reportMovesToJunkAndForwardsTheOriginal();
    void withoutSecurityAddressOnlyJunk();

private:
    Run cli(const QStringList &arguments, const QByteArray &input = {});

    TestEnvironment m_env;
    QTemporaryDir m_dir;
    QString m_profile;
    QString m_siteFile;
};

void TestPhishingReport::initTestCase()
{
    m_env = TestEnvironment::fromEnvironment();
    AMIENS_REQUIRE_SERVERS(m_env);
    m_profile = m_dir.filePath(u"profile"_s);
    m_siteFile = m_dir.filePath(u"amiens-mail.conf"_s);
    const Run added =
        cli({u"--profile"_s,       m_profile,     u"account"_s,     u"add"_s,
             u"--address"_s,       m_env.address, u"--name"_s,      u"Marie Dupont"_s,
             u"--imap-host"_s,     m_env.host,    u"--imap-port"_s, QString::number(m_env.imapsPort),
             u"--smtp-host"_s,     m_env.host,    u"--smtp-port"_s, QString::number(m_env.smtpsPort),
             u"--login"_s,         m_env.user,    u"--ca-file"_s,   m_env.caFile,
             u"--password-stdin"_s},
            m_env.password.toUtf8() + '\n');
    QVERIFY2(added.exitCode == 0, qPrintable(added.err));
}

Run TestPhishingReport::cli(const QStringList &arguments, const QByteArray &input)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"AMIENS_MAIL_SITE_CONFIG"_s, m_siteFile);
    return runCli(QStringLiteral(AMIENS_CLI_PATH), arguments, input, env);
}

void TestPhishingReport::reportMovesToJunkAndForwardsTheOriginal()
{
    {
        QFile site(m_siteFile);
        QVERIFY(site.open(QIODevice::WriteOnly | QIODevice::Truncate));
        site.write("[phishing]\nreportAddress=" + m_env.address2.toUtf8() + "\n");
    }
    const MailServerControl mailbox(m_env.user);
    const MailServerControl security(m_env.user2);
    QVERIFY(mailbox.reset());
    QVERIFY(security.reset());
    QFile fixture(QStringLiteral(AMIENS_SOURCE_DIR "/tests/data/phishing/phish-amlens-link.eml"));
    QVERIFY(fixture.open(QIODevice::ReadOnly));
    const QByteArray original = fixture.readAll();
    const quint32 uid = mailbox.save(u"INBOX"_s, original);
    QVERIFY(uid != 0);
    const Run synced = cli({u"--profile"_s, m_profile, u"sync"_s});
    QVERIFY2(synced.exitCode == 0, qPrintable(synced.err));

    const Run reported = cli({u"--profile"_s, m_profile, u"report"_s, u"INBOX"_s, QString::number(uid)});
    QVERIFY2(reported.exitCode == 0, qPrintable(reported.err + reported.out));

    // On the server: out of the inbox, into the folder with the \Junk role.
    QVERIFY(mailbox.uids(u"INBOX"_s).isEmpty());
    const QList<quint32> junk = mailbox.uids(u"Junk"_s);
    QCOMPARE(junk.size(), 1);
    QVERIFY(mailbox.fetch(u"hdr"_s, u"Junk"_s, {u"all"_s}).contains("Message-ID: <phish-amlens-link"));

    // In the security mailbox, delivered by Postfix over LMTP: the report with the original.
    QByteArray delivered;
    QTRY_VERIFY_WITH_TIMEOUT(
        !(delivered = MailServerControl(m_env.user2).fetch(u"text"_s, u"INBOX"_s, {u"all"_s}))
             .trimmed()
             .isEmpty(),
        30000);
    QVERIFY2(delivered.contains("Content-Type: message/rfc822"), delivered.constData());
    QVERIFY(delivered.contains(QByteArray("<" + m_env.address.toUtf8() + ">")));
    // The original's header and body, byte for byte (modulo line ends).
    for (const QByteArray &line : original.split('\n')) {
        if (!line.trimmed().isEmpty())
            QVERIFY2(delivered.contains(line.trimmed()), line.constData());
    }
    // Nothing left waiting in the outbox.
    const Run outbox = cli({u"--profile"_s, m_profile, u"outbox"_s});
    QCOMPARE(outbox.exitCode, 0);
    QVERIFY2(!outbox.out.contains(u"Phishing report"_s), qPrintable(outbox.out));
}

void TestPhishingReport::withoutSecurityAddressOnlyJunk()
{
    QFile::remove(m_siteFile);
    const MailServerControl mailbox(m_env.user);
    const MailServerControl security(m_env.user2);
    QVERIFY(mailbox.reset());
    QVERIFY(security.reset());
    const quint32 uid = mailbox.save(u"INBOX"_s, MailServerControl::message(u"Votre boîte est pleine"_s));
    QVERIFY(cli({u"--profile"_s, m_profile, u"sync"_s}).exitCode == 0);
    const Run reported = cli({u"--profile"_s, m_profile, u"report"_s, u"INBOX"_s, QString::number(uid)});
    QVERIFY2(reported.exitCode == 0, qPrintable(reported.err));
    QCOMPARE(mailbox.uids(u"Junk"_s).size(), 1);
    QVERIFY(!reported.err.contains(u"queued in the outbox"_s, Qt::CaseInsensitive));
    QVERIFY(security.uids(u"INBOX"_s).isEmpty());
}

QTEST_GUILESS_MAIN(TestPhishingReport)
#include "tst_phishingreport.moc"
