// The ManageSieve response parser and capability parsing, on scripted bytes (RFC 5804 §4).
#include "sieve/ManageSieveCapabilities.h"
#include "sieve/ManageSieveClient.h"
#include "sieve/ManageSieveParser.h"

#include <QElapsedTimer>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Amiens;
using Status = ManageSieveResponse::Status;

class TestSieveProtocol : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void dovecotGreeting();
    void responseArrivingByteByByte();
    void quotedStringsWithEscapes();
    void literalHoldingCrlfAndQuotes();
    void responseCodes();
    void byeWithCode();
    void listScripts();
    void oversizedLiteralIsRefusedBeforeItsBytes();
    void oversizedResponseIsRefused();
    void longLineArrivingInChunksIsReadOnce();
    void malformedLines();
    void commandQuoting();
};

void TestSieveProtocol::dovecotGreeting()
{
    ManageSieveParser parser;
    parser.append(
        "\"IMPLEMENTATION\" \"Dovecot Pigeonhole\"\r\n"
        "\"SIEVE\" \"fileinto reject envelope encoded-character vacation subaddress "
        "comparator-i;ascii-numeric "
        "relational regex imap4flags copy include variables body enotify environment mailbox date index "
        "ihave duplicate mime foreverypart extracttext\"\r\n"
        "\"NOTIFY\" \"mailto\"\r\n"
        "\"SASL\" \"\"\r\n"
        "\"STARTTLS\"\r\n"
        "\"VERSION\" \"1.0\"\r\n"
        "OK \"Dovecot ready.\"\r\n");
    const auto response = parser.nextResponse();
    QVERIFY(response);
    QCOMPARE(response->status, Status::Ok);
    QCOMPARE(response->text, u"Dovecot ready."_s);
    QCOMPARE(response->lines.size(), 6);
    const auto capabilities = ManageSieveCapabilities::fromResponse(*response);
    QCOMPARE(capabilities.implementation, u"Dovecot Pigeonhole"_s);
    QVERIFY(capabilities.hasExtension(u"vacation"_s));
    QVERIFY(capabilities.hasExtension(u"DATE"_s));
    QVERIFY(capabilities.hasExtension(u"comparator-i;ascii-numeric"_s));
    QVERIFY(capabilities.startTls);
    QVERIFY(capabilities.saslMechanisms.isEmpty()); // only after STARTTLS
    QVERIFY(capabilities.hasCheckScript());
    QCOMPARE(capabilities.notifyMethods, QStringList{u"mailto"_s});
    QCOMPARE(parser.pendingBytes(), 0);
}

void TestSieveProtocol::responseArrivingByteByByte()
{
    const QByteArray bytes =
        "\"SASL\" \"PLAIN LOGIN\"\r\n{11}\r\nab\r\ncd\"ef\\g\r\nOK (WARNINGS) {5}\r\nhé!!\r\n";
    ManageSieveParser parser;
    std::optional<ManageSieveResponse> response;
    for (const char c : bytes) {
        QVERIFY(!response);
        parser.append(QByteArray(1, c));
        response = parser.nextResponse();
        QVERIFY(!parser.hasError());
    }
    QVERIFY(response);
    QCOMPARE(response->lines.size(), 2);
    QCOMPARE(response->lines[1].first().value, QByteArray("ab\r\ncd\"ef\\g"));
    QCOMPARE(response->code, QByteArray("WARNINGS"));
    QCOMPARE(response->text, u"hé!!"_s);
}

void TestSieveProtocol::quotedStringsWithEscapes()
{
    ManageSieveParser parser;
    parser.append("\"a \\\"b\\\" \\\\c\" ACTIVE\r\nNO \"R\\u00e9ponse\"\r\n");
    const auto response = parser.nextResponse();
    QVERIFY(response);
    QCOMPARE(response->status, Status::No);
    QCOMPARE(response->lines.first().first().value, QByteArray("a \"b\" \\c"));
    QVERIFY(response->lines.first().first().isString);
    QCOMPARE(response->lines.first().at(1).value, QByteArray("ACTIVE"));
    QVERIFY(!response->lines.first().at(1).isString);
    QCOMPARE(response->text, u"Ru00e9ponse"_s);
}

void TestSieveProtocol::literalHoldingCrlfAndQuotes()
{
    const QByteArray script = "require \"vacation\";\r\n\r\nOK \"not a status\"\r\n";
    ManageSieveParser parser;
    parser.append("{" + QByteArray::number(script.size()) + "}\r\n" + script +
                  "\r\nOK \"Getscript completed.\"\r\n");
    const auto response = parser.nextResponse();
    QVERIFY(response);
    QCOMPARE(response->lines.size(), 1);
    QCOMPARE(response->lines.first().first().value, script);
    QCOMPARE(response->text, u"Getscript completed."_s);
}

void TestSieveProtocol::responseCodes()
{
    ManageSieveParser parser;
    parser.append("NO (QUOTA/MAXSIZE) \"Script too large\"\r\n"
                  "OK (SASL \"dGVzdA==\")\r\n"
                  "NO (nonexistent) \"There is no script by that name\"\r\n");
    auto response = parser.nextResponse();
    QCOMPARE(response->code, QByteArray("QUOTA/MAXSIZE"));
    QCOMPARE(response->text, u"Script too large"_s);
    response = parser.nextResponse();
    QCOMPARE(response->status, Status::Ok);
    QCOMPARE(response->code, QByteArray("SASL"));
    QCOMPARE(response->codeArguments, QList<QByteArray>{"dGVzdA=="});
    QVERIFY(response->text.isEmpty());
    response = parser.nextResponse();
    QCOMPARE(response->code, QByteArray("NONEXISTENT"));
    QVERIFY(!parser.nextResponse());
}

void TestSieveProtocol::byeWithCode()
{
    ManageSieveParser parser;
    parser.append("BYE (REFERRAL \"sieve://other.example\") \"Go away\"\r\n");
    const auto response = parser.nextResponse();
    QCOMPARE(response->status, Status::Bye);
    QCOMPARE(response->code, QByteArray("REFERRAL"));
    QCOMPARE(response->codeArguments.first(), QByteArray("sieve://other.example"));
    QCOMPARE(response->text, u"Go away"_s);
}

void TestSieveProtocol::listScripts()
{
    ManageSieveParser parser;
    parser.append("\"roundcube\"\r\n\"amiensmail\" ACTIVE\r\n{9}\r\nvacances\"\r\nOK\r\n");
    const auto response = parser.nextResponse();
    QVERIFY(response);
    QCOMPARE(response->lines.size(), 3);
    QCOMPARE(response->lines[2].first().value, QByteArray("vacances\""));
    QVERIFY(response->text.isEmpty());
}

void TestSieveProtocol::oversizedLiteralIsRefusedBeforeItsBytes()
{
    ManageSieveParser parser(1024);
    parser.append("{5000}\r\n");
    QVERIFY(!parser.nextResponse());
    QVERIFY(parser.hasError());
    QVERIFY(parser.error().contains(u"larger"_s) || parser.error().contains(u"malformed"_s));
    parser.append(QByteArray(5000, 'x') + "\r\nOK\r\n");
    QVERIFY(!parser.nextResponse()); // stays failed
}

void TestSieveProtocol::longLineArrivingInChunksIsReadOnce()
{
    // A 3 MB quoted string in 1 KB reads (issue 16): the line was scanned again from its start at
    // every read, about five billion steps; each byte is now looked at a bounded number of times.
    const QByteArray line = "\"" + QByteArray(3 * 1024 * 1024, 'x') + "\"\r\nOK\r\n";
    ManageSieveParser parser;
    std::optional<ManageSieveResponse> response;
    QElapsedTimer timer;
    timer.start();
    for (qsizetype at = 0; at < line.size(); at += 1024) {
        QVERIFY(!response);
        parser.append(line.mid(at, 1024));
        response = parser.nextResponse();
        QVERIFY(!parser.hasError());
    }
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(response);
    QCOMPARE(response->lines.first().first().value.size(), 3 * 1024 * 1024);
}

void TestSieveProtocol::oversizedResponseIsRefused()
{
    ManageSieveParser parser(1024);
    for (int i = 0; i < 100 && !parser.hasError(); ++i) {
        parser.append("\"line " + QByteArray::number(i) + " of a response that never ends\"\r\n");
        QVERIFY(!parser.nextResponse());
    }
    QVERIFY(parser.hasError());
    // One endless line without a line break is refused as well.
    ManageSieveParser endless(1024);
    endless.append("\"" + QByteArray(2000, 'a'));
    QVERIFY(!endless.nextResponse());
    QVERIFY(endless.hasError());
}

void TestSieveProtocol::malformedLines()
{
    for (const QByteArray &bad : {QByteArray("\"unterminated\r\nOK\r\n"), QByteArray("{abc}\r\n"),
                                  QByteArray("OK (WARNINGS \"text\"\r\n"), QByteArray("\"a\"\rOK\r\n")}) {
        ManageSieveParser parser;
        parser.append(bad);
        QVERIFY2(!parser.nextResponse(), bad.constData());
        QVERIFY2(parser.hasError(), bad.constData());
    }
}

void TestSieveProtocol::commandQuoting()
{
    QCOMPARE(ManageSieveClient::quoted("a\"b\\c"), QByteArray("\"a\\\"b\\\\c\""));
    QCOMPARE(ManageSieveClient::literal("é\r\n"), QByteArray("{4+}\r\né\r\n"));
}

QTEST_GUILESS_MAIN(TestSieveProtocol)
#include "tst_sieveprotocol.moc"
