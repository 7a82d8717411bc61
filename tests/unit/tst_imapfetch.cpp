// FETCH replies read without VMime's parser (ImapLineAssembler, ImapTokenizer, ImapFetchParser):
// what real servers send (Dovecot, Gmail, Exchange, Cyrus), then malformed and hostile replies,
// which must give a clear error and nothing else. The channel's side (pipelined batches, the
// stream kept in step after a bad response) is in tst_imapextensions.
#include "MemoryAdvice.h"
#include "imap/ImapFetchParser.h"
#include "imap/ImapLineAssembler.h"
#include "imap/ImapSearchParser.h"
#include "util/LargeBuffers.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Amiens;

class TestImapFetch : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void literalIsReceivedApartAtItsSize();
    void bigLiteralsAreAdvisedForHugePages();
    void responsesSurviveEveryCut();

    void repliesOfRealServers_data();
    void repliesOfRealServers();
    void unsolicitedUpdateHasNoUid();
    void otherSectionsAreSkipped();
    void malformedRepliesAreRefused_data();
    void malformedRepliesAreRefused();
    void deepNestingInAnUnknownItemIsSkipped();
    void internalDates_data();
    void internalDates();
    void everyReplyFixtureIsRead_data();
    void everyReplyFixtureIsRead();
};

namespace {

/// A message as a mailer writes it, CRLF line ends, @p bodyBytes of base64-like text after it.
QByteArray message(const QByteArray &subject, int bodyBytes = 200)
{
    QByteArray raw = "Return-Path: <mdupont@ac-amiens.fr>\r\n"
                     "From: Marie Dupont <mdupont@ac-amiens.fr>\r\n"
                     "To: equipe-pedagogique@ac-amiens.fr\r\n"
                     "Subject: " +
                     subject +
                     "\r\n"
                     "Date: Thu, 22 May 2025 06:47:03 +0200\r\n"
                     "Message-ID: <1a2b3c@ac-amiens.fr>\r\n"
                     "MIME-Version: 1.0\r\n"
                     "Content-Type: text/plain; charset=utf-8\r\n"
                     "Content-Transfer-Encoding: 8bit\r\n\r\n";
    // Bytes that look like syntax to a careless reader: a literal announcement, parentheses,
    // a line that starts like a tagged reply.
    raw += "Ligne {12}\r\n(paren) \"quote\r\na1 OK fin\r\n";
    while (raw.size() < bodyBytes)
        raw += "Bonjour à toutes et à tous, la réunion est reportée.\r\n";
    return raw;
}

QByteArray withLiteral(const QByteArray &before, const QByteArray &literal, const QByteArray &after)
{
    return before + "{" + QByteArray::number(literal.size()) + "}\r\n" + literal + after;
}

/// The responses of @p wire, cut by the assembler.
QList<ImapResponse> responses(const QByteArray &wire)
{
    ImapLineAssembler assembler;
    QList<ImapResponse> result;
    if (!assembler.append(wire.constData(), wire.size()))
        return result;
    while (auto response = assembler.takeResponse())
        result.append(std::move(*response));
    return result;
}

std::optional<ImapFetchParser::Fetched> parseWire(const QByteArray &wire, QString *error = nullptr)
{
    QList<ImapResponse> list = responses(wire + "\r\n");
    if (list.size() != 1) {
        if (error)
            *error = u"%1 responses"_s.arg(list.size());
        return std::nullopt;
    }
    return ImapFetchParser::parse(std::move(list.first()), error);
}

} // namespace

void TestImapFetch::literalIsReceivedApartAtItsSize()
{
    // A body is read once, into an array reserved at the announced size: no growth by doubling,
    // no copy out of a line buffer (a 30 MB message must not cost 60 or 90 MB).
    const QByteArray body = message("Bulletin", 3 * 1024 * 1024);
    const QByteArray wire = withLiteral("* 1 FETCH (UID 7 BODY[] ", body, ")\r\n");
    ImapLineAssembler assembler;
    for (qsizetype at = 0; at < wire.size(); at += 16 * 1024)
        QVERIFY(assembler.append(wire.constData() + at, std::min<qsizetype>(16 * 1024, wire.size() - at)));
    auto response = assembler.takeResponse();
    QVERIFY(response);
    QCOMPARE(response->literals.size(), 1);
    QCOMPARE(response->literals.first(), body);
    QCOMPARE(response->literals.first().capacity(), body.size());
    QCOMPARE(response->text,
             QByteArray("* 1 FETCH (UID 7 BODY[] {") + QByteArray::number(body.size()) + "}\r\n)");
    QCOMPARE(response->literalOffsets.first(), response->text.size() - 1);
    QCOMPARE(assembler.pending(), 0);
    const QByteArray *data = &response->literals.first();
    const char *bytes = data->constData();
    auto fetched = ImapFetchParser::parse(std::move(*response));
    QVERIFY(fetched);
    QCOMPARE(fetched->body.size(), body.size());
    QCOMPARE(fetched->body.constData(), bytes); // handed over, not copied
}

void TestImapFetch::bigLiteralsAreAdvisedForHugePages()
{
    // A first sync writes hundreds of megabytes of bodies into fresh arrays: mapped 4 KiB at a
    // time, a third of its page faults. Literals of megabytes are advised for huge pages.
    const QByteArray body =
        message("Photos de la sortie", static_cast<int>(LargeBuffers::kAdviceThreshold) + 1024 * 1024);
    const QList<ImapResponse> list = responses(withLiteral("* 1 FETCH (UID 9 BODY[] ", body, ")\r\n"));
    QCOMPARE(list.size(), 1);
    QCOMPARE(list.first().literals.first(), body);
    if (!Test::kernelTakesHugePageAdvice())
        QSKIP("this kernel has no transparent huge pages");
    QString error;
    const QByteArray &literal = list.first().literals.first();
    QVERIFY2(Test::advisedForHugePages(literal.constData() + literal.size() / 2, &error), qPrintable(error));
}

void TestImapFetch::responsesSurviveEveryCut()
{
    // Two FETCH responses, a zero-length literal, a literal ending the line, an unsolicited
    // EXPUNGE and the tagged reply, received cut at every position.
    const QByteArray first = message("Conseil de classe");
    const QByteArray wire = withLiteral("* 1 FETCH (UID 7 FLAGS (\\Seen) BODY[] ", first, ")\r\n") +
                            "* 3 EXPUNGE\r\n" +
                            withLiteral("* 2 FETCH (UID 8 BODY[HEADER] ", "", " FLAGS ())\r\n") +
                            "a5 OK Fetch completed (0.001 + 0.000 secs).\r\n";
    const QList<ImapResponse> whole = responses(wire);
    QCOMPARE(whole.size(), 4);
    QCOMPARE(whole.at(0).inlined(), wire.left(wire.indexOf("\r\n* 3")));
    for (qsizetype cut = 1; cut < wire.size(); ++cut) {
        ImapLineAssembler assembler;
        QList<ImapResponse> got;
        QVERIFY(assembler.append(wire.constData(), cut));
        while (auto response = assembler.takeResponse())
            got.append(std::move(*response));
        QVERIFY(assembler.append(wire.constData() + cut, wire.size() - cut));
        while (auto response = assembler.takeResponse())
            got.append(std::move(*response));
        QCOMPARE(got.size(), whole.size());
        for (qsizetype i = 0; i < got.size(); ++i) {
            QCOMPARE(got.at(i).text, whole.at(i).text);
            QCOMPARE(got.at(i).literals, whole.at(i).literals);
        }
    }
    auto fetched = ImapFetchParser::parse(whole.at(0));
    QVERIFY(fetched);
    QCOMPARE(fetched->body, first);
    auto second = ImapFetchParser::parse(whole.at(2));
    QVERIFY(second);
    QCOMPARE(second->message.uid, 8u);
    QVERIFY(second->message.rawHeader.isEmpty());
    QVERIFY(!ImapFetchParser::isFetch(whole.at(1).text));
    QVERIFY(!ImapFetchParser::isFetch(whole.at(3).text));
}

void TestImapFetch::repliesOfRealServers_data()
{
    QTest::addColumn<QByteArray>("wire");
    QTest::addColumn<quint32>("uid");
    QTest::addColumn<QStringList>("flags");
    QTest::addColumn<qint64>("size");
    QTest::addColumn<quint64>("modSeq");
    QTest::addColumn<QString>("internalDate"); // ISO 8601 in UTC, empty when none
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QByteArray>("body");

    const QByteArray body = message("Convocation");
    const QByteArray header = body.left(body.indexOf("\r\n\r\n") + 4);
    // Dovecot 2.3 answering the sync's body fetch, items in the order asked.
    QTest::newRow("dovecot body")
        << withLiteral(
               "* 3 FETCH (UID 12 FLAGS (\\Seen $Forwarded Junk) INTERNALDATE \"22-May-2025 06:47:03 +0200\" "
               "RFC822.SIZE " +
                   QByteArray::number(body.size()) + " MODSEQ (57) BODY[] ",
               body, ")")
        << 12u << QStringList{u"\\Seen"_s, u"$Forwarded"_s, u"Junk"_s} << qint64(body.size()) << quint64(57)
        << u"2025-05-22T04:47:03Z"_s << QByteArray() << body;
    // Gmail: its own items first, UID after them, a space-padded day, a label list with a
    // quoted string and an escaped backslash.
    QTest::newRow("gmail header")
        << withLiteral("* 1 FETCH (X-GM-THRID 1732516546455432150 X-GM-MSGID 1732516546455432150 "
                       "X-GM-LABELS (\\Inbox \"\\\\Important\" \"Vie scolaire\") UID 7 FLAGS () "
                       "INTERNALDATE \" 2-Jun-2025 17:05:51 +0000\" RFC822.SIZE 4071 BODY[HEADER] ",
                       header, ")")
        << 7u << QStringList() << qint64(4071) << quint64(0) << u"2025-06-02T17:05:51Z"_s << header
        << QByteArray();
    // Exchange Online: UID last, the size before the flags, a negative zone.
    QTest::newRow("exchange") << withLiteral("* 9 FETCH (RFC822.SIZE 812 FLAGS (\\Answered \\Seen) "
                                             "INTERNALDATE \"31-Dec-2024 23:30:00 -0500\" "
                                             "BODY[] ",
                                             body, " UID 1009)")
                              << 1009u << QStringList{u"\\Answered"_s, u"\\Seen"_s} << qint64(812)
                              << quint64(0) << u"2025-01-01T04:30:00Z"_s << QByteArray() << body;
    // Cyrus: lower-case names, \Recent, a body as a quoted string, MODSEQ beyond 32 bits.
    QTest::newRow("cyrus lower case")
        << QByteArray("* 5 fetch (flags (\\recent \\SEEN) uid 9 modseq (5000000000) body[] \"court\")") << 9u
        << QStringList{u"\\Recent"_s, u"\\Seen"_s} << qint64(0) << quint64(5000000000) << QString()
        << QByteArray() << QByteArray("court");
    // A message the server could not read: NIL body (RFC 3501 allows nstring).
    QTest::newRow("nil body") << QByteArray("* 2 FETCH (UID 4 BODY[] NIL FLAGS (\\Deleted))") << 4u
                              << QStringList{u"\\Deleted"_s} << qint64(0) << quint64(0) << QString()
                              << QByteArray() << QByteArray();
    // ENVELOPE and BODYSTRUCTURE (asked by other clients, sent by some proxies unasked), with a
    // literal inside the envelope: skipped, the rest still read.
    QTest::newRow("envelope and bodystructure")
        << withLiteral("* 4 FETCH (ENVELOPE (\"Thu, 22 May 2025 06:47:03 +0200\" ", "Réunion (parents)",
                       " ((\"Marie Dupont\" NIL \"mdupont\" \"ac-amiens.fr\")) NIL NIL NIL NIL NIL NIL "
                       "\"<1a2b3c@ac-amiens.fr>\") BODYSTRUCTURE ((\"text\" \"plain\" (\"charset\" "
                       "\"utf-8\") NIL NIL "
                       "\"8bit\" 120 4 NIL NIL NIL NIL) \"mixed\" (\"boundary\" \"b1\") NIL NIL NIL) UID 31 "
                       "FLAGS (\\Flagged))")
        << 31u << QStringList{u"\\Flagged"_s} << qint64(0) << quint64(0) << QString() << QByteArray()
        << QByteArray();
}

void TestImapFetch::repliesOfRealServers()
{
    QFETCH(QByteArray, wire);
    QString error;
    const auto fetched = parseWire(wire, &error);
    QVERIFY2(fetched, qPrintable(error));
    QTEST(fetched->message.uid, "uid");
    QTEST(fetched->message.flags, "flags");
    QTEST(fetched->message.size, "size");
    QTEST(fetched->message.modSeq, "modSeq");
    QFETCH(QString, internalDate);
    QCOMPARE(fetched->message.internalDate.isValid() ? fetched->message.internalDate.toString(Qt::ISODate)
                                                     : QString(),
             internalDate);
    QTEST(fetched->message.rawHeader, "header");
    QTEST(fetched->body, "body");
}

void TestImapFetch::unsolicitedUpdateHasNoUid()
{
    // Another client set a flag: "* 14 FETCH (FLAGS (\Seen))" without UID inside a UID FETCH.
    const auto fetched = parseWire("* 14 FETCH (FLAGS (\\Seen))");
    QVERIFY(fetched);
    QCOMPARE(fetched->sequence, 14u);
    QCOMPARE(fetched->message.uid, 0u);
    QCOMPARE(fetched->message.flags, QStringList{u"\\Seen"_s});
}

void TestImapFetch::otherSectionsAreSkipped()
{
    // Sections the sync does not ask for (a proxy answering more than asked) neither land in the
    // body nor in the header; a field list inside the brackets is read past.
    const auto fetched = parseWire(
        withLiteral("* 1 FETCH (UID 3 BODY[HEADER.FIELDS (DATE FROM)] ", "Date: x\r\n\r\n", " BODY[TEXT] ") +
        withLiteral("", "texte", " BODY[1.MIME] NIL BODY[]<0> \"abc\")"));
    QVERIFY(fetched);
    QCOMPARE(fetched->message.uid, 3u);
    QVERIFY(fetched->message.rawHeader.isEmpty());
    QCOMPARE(fetched->body, QByteArray("abc")); // BODY[]<0>: a partial fetch of the whole message
}

void TestImapFetch::malformedRepliesAreRefused_data()
{
    QTest::addColumn<QByteArray>("wire");
    QTest::addColumn<QString>("reason");
    QTest::newRow("list left open") << QByteArray("* 1 FETCH (UID 7 FLAGS (\\Seen)")
                                    << u"expected a FETCH item name"_s;
    QTest::newRow("uid beyond 32 bits")
        << QByteArray("* 1 FETCH (UID 4294967296)") << u"UID is beyond 4294967295"_s;
    QTest::newRow("uid not a number") << QByteArray("* 1 FETCH (UID 7a)") << u"UID is not a number"_s;
    QTest::newRow("20-digit size") << QByteArray("* 1 FETCH (UID 7 RFC822.SIZE 99999999999999999999)")
                                   << u"at most 19 digits"_s;
    QTest::newRow("body without value") << QByteArray("* 1 FETCH (UID 7 BODY[])") << u"a string or NIL"_s;
    QTest::newRow("modseq without list") << QByteArray("* 1 FETCH (UID 7 MODSEQ 12)") << u"MODSEQ's list"_s;
    QTest::newRow("flag as a string")
        << QByteArray("* 1 FETCH (UID 7 FLAGS (\"\\Seen\"))") << u"expected a flag"_s;
    QTest::newRow("bytes after the list") << QByteArray("* 1 FETCH (UID 7) (UID 8)") << u"bytes after"_s;
    QTest::newRow("no item list") << QByteArray("* 1 FETCH UID 7") << u"the FETCH item list"_s;
    QTest::newRow("sequence not a number") << QByteArray("* x FETCH (UID 7)") << u"message number"_s;
    QTest::newRow("unterminated quoted body")
        << QByteArray("* 1 FETCH (UID 7 BODY[] \"abc)") << u"unterminated"_s;
    QTest::newRow("section list left open")
        << QByteArray("* 1 FETCH (UID 7 BODY[HEADER.FIELDS (DATE FROM) NIL)") << u"expected ]"_s;
    QTest::newRow("section list unbalanced")
        << QByteArray("* 1 FETCH (UID 7 BODY[HEADER.FIELDS (DATE FROM") << u"unbalanced"_s;
}

void TestImapFetch::malformedRepliesAreRefused()
{
    QFETCH(QByteArray, wire);
    QFETCH(QString, reason);
    QString error;
    QVERIFY(!parseWire(wire, &error));
    QVERIFY2(error.startsWith(u"FETCH: "_s), qPrintable(error));
    QVERIFY2(error.contains(reason), qPrintable(error));
}

void TestImapFetch::deepNestingInAnUnknownItemIsSkipped()
{
    // 200,000 nested lists in an extension item: read with a counter, no recursion, so neither
    // the stack nor the time explodes; unbalanced, the same depth is refused.
    constexpr int kDepth = 200000;
    const QByteArray balanced = "* 1 FETCH (X-HOSTILE " + QByteArray(kDepth, '(') + QByteArray(kDepth, ')') +
                                " UID 7 FLAGS (\\Seen))";
    const auto fetched = parseWire(balanced);
    QVERIFY(fetched);
    QCOMPARE(fetched->message.uid, 7u);
    QString error;
    QVERIFY(!parseWire("* 1 FETCH (X-HOSTILE " + QByteArray(kDepth, '(') + " UID 7)", &error));
    QVERIFY2(error.contains(u"unbalanced"_s), qPrintable(error));
}

void TestImapFetch::internalDates_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("utc"); // empty: refused
    QTest::newRow("dovecot") << QByteArray("22-May-2025 06:47:03 +0200") << u"2025-05-22T04:47:03Z"_s;
    QTest::newRow("padded day") << QByteArray(" 2-Jun-2025 17:05:51 +0000") << u"2025-06-02T17:05:51Z"_s;
    QTest::newRow("half-hour zone") << QByteArray("01-Mar-2024 10:00:00 +0530") << u"2024-03-01T04:30:00Z"_s;
    QTest::newRow("lower-case month")
        << QByteArray("01-mar-2024 10:00:00 -0100") << u"2024-03-01T11:00:00Z"_s;
    QTest::newRow("29 February, no leap year") << QByteArray("29-Feb-2025 10:00:00 +0000") << QString();
    QTest::newRow("unknown month") << QByteArray("01-Foo-2024 10:00:00 +0000") << QString();
    QTest::newRow("zone minutes 75") << QByteArray("01-Mar-2024 10:00:00 +0075") << QString();
    QTest::newRow("no zone") << QByteArray("01-Mar-2024 10:00:00") << QString();
    QTest::newRow("hour 25") << QByteArray("01-Mar-2024 25:00:00 +0000") << QString();
}

void TestImapFetch::internalDates()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, utc);
    const QDateTime date = ImapFetchParser::internalDate(text);
    QCOMPARE(date.isValid() ? date.toString(Qt::ISODate) : QString(), utc);
}

void TestImapFetch::everyReplyFixtureIsRead_data()
{
    // Wire captures (tests/data/imap), and what scripts/fuzz (AMIENS_FUZZ_TARGET=fuzz_imapreply)
    // found: crash-*, timeout-* and oom-* only have to be read without harm.
    QTest::addColumn<QString>("path");
    const QDir dir(QStringLiteral(AMIENS_SOURCE_DIR "/tests/data/imap"));
    for (const QString &file : dir.entryList(QDir::Files))
        QTest::newRow(qPrintable(file)) << dir.filePath(file);
}

void TestImapFetch::everyReplyFixtureIsRead()
{
    QFETCH(QString, path);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray wire = file.readAll();
    const QString name = QFileInfo(path).fileName();
    const bool foundByTheFuzzer =
        name.startsWith(u"crash-"_s) || name.startsWith(u"timeout-"_s) || name.startsWith(u"oom-"_s);
    ImapLineAssembler assembler;
    if (!assembler.append(wire.constData(), wire.size())) {
        QVERIFY2(foundByTheFuzzer, qPrintable(assembler.error()));
        return;
    }
    int read = 0;
    while (auto response = assembler.takeResponse()) {
        QString error;
        if (const QByteArray line = response->inlined(); ImapSearchParser::answers(line, "a3")) {
            // The search answers of a capture are read with the tag the capture gave them.
            QVERIFY2(ImapSearchParser::parse({line}, "a3", &error) || foundByTheFuzzer, qPrintable(error));
            ++read;
            continue;
        }
        if (!ImapFetchParser::isFetch(response->text))
            continue;
        const auto fetched = ImapFetchParser::parse(std::move(*response), &error);
        QVERIFY2(fetched || foundByTheFuzzer, qPrintable(error));
        ++read;
    }
    QVERIFY(read > 0 || foundByTheFuzzer);
}

QTEST_GUILESS_MAIN(TestImapFetch)
#include "tst_imapfetch.moc"
