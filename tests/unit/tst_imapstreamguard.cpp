// The bounds on what an IMAP server may send before VMime's parser buffers it: lines, and
// literals refused at their announcement. The hostile servers themselves are in
// tests/integration/tst_imapconnection.cpp.
#include "net/ConnectionReport.h"
#include "net/ImapStreamGuard.h"
#include "net/VmimeErrorTranslator.h"

#include <QTest>
#include <vmime/exception.hpp>

using namespace Qt::StringLiterals;
using namespace Amiens;
using Violation = ImapStreamGuard::Violation;

namespace {

constexpr qsizetype kChunk = 64 * 1024; // what one socket read hands to VMime

/// Feeds @p bytes in reads of @p chunk bytes; the bytes accepted before the refusal, if any.
qint64 feedInChunks(ImapStreamGuard &guard, const QByteArray &bytes, qsizetype chunk = kChunk)
{
    qint64 fed = 0;
    for (qsizetype at = 0; at < bytes.size(); at += chunk) {
        const qsizetype size = std::min(chunk, bytes.size() - at);
        if (!guard.feed(bytes.constData() + at, size))
            return fed;
        fed += size;
    }
    return fed;
}

} // namespace

class TestImapStreamGuard : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void boundsAreWellAboveRealReplies();
    void realFetchOf30MegabytesIsAccepted();
    void hugeLiteralIsRefusedAtItsAnnouncement_data();
    void hugeLiteralIsRefusedAtItsAnnouncement();
    void announcementSplitAcrossReadsIsSeen();
    void endlessLineIsRefusedAtTheBound();
    void longSearchLineUnderTheBoundPasses();
    void bracesElsewhereAreNotLiterals();
    void refusalIsFinal();
    void errorReachesTheUserInTheirWords();
};

void TestImapStreamGuard::boundsAreWellAboveRealReplies()
{
    // A message with 20 MB of attachments is ~35 MB in base64; a folder of 500,000 messages
    // makes a "* SEARCH" line of ~4 MB.
    QVERIFY(ImapStreamGuard::kMaxLiteralBytes >= 64 * 1024 * 1024);
    QVERIFY(ImapStreamGuard::kMaxLineBytes >= 500'000 * 8);
}

void TestImapStreamGuard::realFetchOf30MegabytesIsAccepted()
{
    ImapStreamGuard guard;
    const qsizetype size = 30 * 1024 * 1024;
    // The literal's own bytes look like hostile syntax (endless line, huge announcements): they
    // are data, never scanned.
    QByteArray literal;
    literal.reserve(size);
    while (literal.size() < size)
        literal +=
            "{99999999999}\r\nxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";
    literal.truncate(size - 3);
    literal += "{9}"; // ends like an announcement, but the literal ends there
    const QByteArray reply =
        "* 1 FETCH (UID 7 RFC822.SIZE 31457280 BODY[] {" + QByteArray::number(size) + "}\r\n" + literal +
        " FLAGS (\\Seen))\r\n* 2 FETCH (UID 8 BODY[] {5}\r\nhello)\r\n" + "a12 OK Fetch completed.\r\n";
    QCOMPARE(feedInChunks(guard, reply), qint64(reply.size()));
    QCOMPARE(guard.violation(), Violation::None);
    // The stream is back to lines: a short one passes, an endless one does not.
    QVERIFY(guard.feed("* 3 EXISTS\r\n", 12));
}

void TestImapStreamGuard::hugeLiteralIsRefusedAtItsAnnouncement_data()
{
    QTest::addColumn<QByteArray>("announcement");
    QTest::addColumn<qint64>("announced");
    QTest::newRow("4 GB") << QByteArray("{4294967296}\r\n") << Q_INT64_C(4294967296);
    QTest::newRow("non-synchronising") << QByteArray("{4000000000+}\r\n") << Q_INT64_C(4000000000);
    QTest::newRow("bare line feed") << QByteArray("{67108865}\n") << Q_INT64_C(67108865);
    QTest::newRow("30 digits") << QByteArray("{123456789012345678901234567890}\r\n")
                               << Q_INT64_C(1000000000000000);
}

void TestImapStreamGuard::hugeLiteralIsRefusedAtItsAnnouncement()
{
    QFETCH(QByteArray, announcement);
    QFETCH(qint64, announced);
    ImapStreamGuard guard;
    const QByteArray line = "* 1 FETCH (UID 7 BODY[] " + announcement;
    QVERIFY(!guard.feed(line.constData(), line.size()));
    QCOMPARE(guard.violation(), Violation::LiteralTooLarge);
    QCOMPARE(guard.announcedLiteral(), announced);
    QVERIFY2(guard.detail().contains(u"literal of %1 bytes"_s.arg(announced)), qPrintable(guard.detail()));

    // The largest literal allowed passes.
    ImapStreamGuard exact;
    const QByteArray atBound =
        "* 1 FETCH (UID 7 BODY[] {" + QByteArray::number(ImapStreamGuard::kMaxLiteralBytes) + "}\r\n";
    QVERIFY(exact.feed(atBound.constData(), atBound.size()));
}

void TestImapStreamGuard::announcementSplitAcrossReadsIsSeen()
{
    ImapStreamGuard guard;
    const QByteArray reply = "* 1 FETCH (UID 7 BODY[] {4294967296}\r\n";
    QCOMPARE(feedInChunks(guard, reply, 1), qint64(reply.size() - 1)); // refused at its line feed
    QCOMPARE(guard.violation(), Violation::LiteralTooLarge);

    // A small literal split the same way is skipped exactly: its "\r\n" bytes are data.
    ImapStreamGuard small;
    const QByteArray ok = "* 1 FETCH (BODY[] {4}\r\n\r\n\r\n)\r\na1 OK done\r\n";
    QCOMPARE(feedInChunks(small, ok, 1), qint64(ok.size()));
}

void TestImapStreamGuard::endlessLineIsRefusedAtTheBound()
{
    ImapStreamGuard guard;
    const QByteArray chunk(kChunk, 'x');
    qint64 fed = 0;
    while (guard.feed(chunk.constData(), chunk.size())) {
        fed += chunk.size();
        QVERIFY(fed <= 4 * ImapStreamGuard::kMaxLineBytes);
    }
    QCOMPARE(guard.violation(), Violation::LineTooLong);
    // Refused in the read that crossed the bound: nothing more is ever buffered.
    QVERIFY(fed <= ImapStreamGuard::kMaxLineBytes);
    QVERIFY(fed + chunk.size() > ImapStreamGuard::kMaxLineBytes);
    QVERIFY2(guard.detail().contains(u"line of more than 8388608 bytes"_s), qPrintable(guard.detail()));
}

void TestImapStreamGuard::longSearchLineUnderTheBoundPasses()
{
    ImapStreamGuard guard;
    QByteArray search = "* SEARCH";
    for (int uid = 1'000'000; search.size() < 7 * 1024 * 1024; ++uid)
        search += ' ' + QByteArray::number(uid);
    search += "\r\n";
    // Twice: the bound is per line, not per reply.
    QCOMPARE(feedInChunks(guard, search + search + "a5 OK Search completed\r\n"),
             qint64(2 * search.size() + 24));
}

void TestImapStreamGuard::bracesElsewhereAreNotLiterals()
{
    // "{5}" inside a line, or not followed by the line end, announces nothing: the next line is
    // scanned (and bounded) as a line.
    ImapStreamGuard guard(/*maxLineBytes=*/64, /*maxLiteralBytes=*/1024);
    for (const QByteArray &line :
         {QByteArray("* OK {5} text\r\n"), QByteArray("* OK {99999}x\r\n"), QByteArray("* OK {}\r\n"),
          QByteArray("* OK {12a}\r\n"), QByteArray("* OK {+}\r\n"), QByteArray("* OK {5}\r \r\n")})
        QVERIFY2(guard.feed(line.constData(), line.size()), line.constData());
    const QByteArray tooLong(65, 'y');
    QVERIFY(!guard.feed(tooLong.constData(), tooLong.size()));
    QCOMPARE(guard.violation(), Violation::LineTooLong);
}

void TestImapStreamGuard::refusalIsFinal()
{
    ImapStreamGuard guard(/*maxLineBytes=*/8, /*maxLiteralBytes=*/1024);
    QVERIFY(!guard.feed("123456789", 9));
    QVERIFY(!guard.feed("\r\n", 2));
    QCOMPARE(guard.violation(), Violation::LineTooLong);
}

void TestImapStreamGuard::errorReachesTheUserInTheirWords()
{
    ConnectionReport report;
    report.failure = ConnectionReport::Failure::OversizedResponse;
    report.detail = u"the server announced a literal of 4000000000 bytes (limit 67108864)"_s;
    report.oversizedLiteral = 4000000000;
    const auto failure = std::make_exception_ptr(vmime::exceptions::invalid_response("", "oversized"));
    ServiceError error = VmimeErrorTranslator::translate(failure, &report, false, u"imap.ac-amiens.fr"_s);
    QCOMPARE(error.kind, ServiceError::Kind::Protocol);
    QVERIFY(!error.isTransient());
    QCOMPARE(error.message, u"The server imap.ac-amiens.fr sent an oversized reply (a block of 4 GiB, the "
                            u"limit is 64 MiB); the connection was closed."_s);
    QCOMPARE(error.technical, report.detail);

    report.oversizedLiteral = 0;
    error = VmimeErrorTranslator::translate(failure, &report, false, u"imap.ac-amiens.fr"_s);
    QCOMPARE(error.message,
             u"The server imap.ac-amiens.fr sent an oversized reply (a line longer than 8 MiB); "
             u"the connection was closed."_s);
}

QTEST_GUILESS_MAIN(TestImapStreamGuard)
#include "tst_imapstreamguard.moc"
