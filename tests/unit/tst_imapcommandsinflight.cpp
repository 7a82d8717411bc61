// The bookkeeping of pipelined commands (ImapCommandsInFlight), without a socket: which command a
// line read for another one answers, as Dovecot interleaves and reorders them (RFC 3501 §5.5).
// The channel's reading around it is in tst_imapextensions and tst_syncscenarios.
#include "imap/ImapCommandsInFlight.h"
#include "imap/ImapFetchParser.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Amiens;

class TestImapCommandsInFlight : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void laterCompletionIsKeptWithItsCommand();
    void searchAndQuotaLinesGoToTheirCommands();
    void otherLinesAreNotKept();
    void fetchResponsesReachTheBatchThatAskedForThem();
    void keptReplyStartsWithItsEarlyLines();
    void newCommandForgetsTheOldKeptReply();
};

namespace {

using Kind = ImapCommandsInFlight::Kind;

ImapResponse response(const QByteArray &text)
{
    return ImapResponse{text, {}, {}};
}

/// The batches of a sync in flight, then its expunge check and its quota, as FolderSynchronizer
/// sends them.
ImapCommandsInFlight folderInFlight()
{
    ImapCommandsInFlight inFlight;
    inFlight.addFetch("a7", "6902:6911", "(UID FLAGS INTERNALDATE RFC822.SIZE MODSEQ BODY.PEEK[])");
    inFlight.addFetch("a8", "1:*", "(UID FLAGS) (CHANGEDSINCE 4)");
    inFlight.addKept("a9", "SEARCH", Kind::Search);
    inFlight.addKept("a10", "GETQUOTAROOT", Kind::QuotaRoot);
    return inFlight;
}

} // namespace

void TestImapCommandsInFlight::laterCompletionIsKeptWithItsCommand()
{
    // Dovecot's SEARCH ended before the FETCH it was sent behind.
    ImapCommandsInFlight inFlight = folderInFlight();
    QVERIFY(inFlight.keepLine("a9 OK Search completed (0.002 + 0.000 secs).", "a7"));
    QVERIFY(!inFlight.keepLine("a7 OK Fetch completed.", "a7"));  // the reply being read: not kept
    QVERIFY(!inFlight.keepLine("a99 OK Fetch completed.", "a7")); // no such command
    ImapCommandsInFlight::Command first = inFlight.takeOldest();
    QCOMPARE(first.tag, std::string("a7"));
    QVERIFY(!first.completion);
    (void)inFlight.takeOldest(); // a8
    const ImapCommandsInFlight::Command search = inFlight.takeOldest();
    QCOMPARE(search.completion.value_or(QByteArray()), "a9 OK Search completed (0.002 + 0.000 secs)."_ba);
    // "a1" must not pass for "a10"'s tagged reply, nor "a10" for "a1"'s.
    ImapCommandsInFlight tags;
    tags.addKept("a1", "EXAMINE", Kind::Examine);
    tags.addKept("a10", "GETQUOTAROOT", Kind::QuotaRoot);
    QVERIFY(tags.keepLine("a10 OK Getquotaroot completed.", "a2"));
    QVERIFY(!tags.oldest().completion);
}

void TestImapCommandsInFlight::searchAndQuotaLinesGoToTheirCommands()
{
    ImapCommandsInFlight inFlight = folderInFlight();
    QVERIFY(inFlight.keepLine("* ESEARCH (TAG \"a9\") UID ALL 1:171,173:514", "a7"));
    QVERIFY(inFlight.keepLine("* QUOTAROOT INBOX \"User quota\"", "a7"));
    QVERIFY(inFlight.keepLine("* QUOTA \"User quota\" (STORAGE 533152 512000)", "a7"));
    // Another search's answer is not this one's.
    QVERIFY(!inFlight.keepLine("* ESEARCH (TAG \"a3\") UID ALL 1:4", "a7"));
    (void)inFlight.takeOldest();
    (void)inFlight.takeOldest();
    const ImapCommandsInFlight::Command search = inFlight.takeOldest();
    QCOMPARE(search.early, QList<QByteArray>{"* ESEARCH (TAG \"a9\") UID ALL 1:171,173:514"_ba});
    const ImapCommandsInFlight::Command quota = inFlight.takeOldest();
    QCOMPARE(quota.early.size(), 2);
    QVERIFY(inFlight.isEmpty());
    QCOMPARE(inFlight.searchTag(), std::string("a9"));
    // A server without ESEARCH names no tag: a SEARCH line answers the search in flight.
    ImapCommandsInFlight plain = folderInFlight();
    QVERIFY(plain.keepLine("* SEARCH 1 2 3", "a7"));
}

void TestImapCommandsInFlight::otherLinesAreNotKept()
{
    // News for the next sync, or a line no command asked for: the reader decides.
    ImapCommandsInFlight inFlight = folderInFlight();
    for (const QByteArray &line : {"* 6912 EXISTS"_ba, "* 3 EXPUNGE"_ba, "* OK [ALERT] maintenance"_ba,
                                   "+ go ahead"_ba, "* QUOT"_ba}) {
        QVERIFY2(!inFlight.keepLine(line, "a7"), line.constData());
    }
    ImapCommandsInFlight fetchesOnly;
    fetchesOnly.addFetch("a4", "1:*", "(UID FLAGS)");
    QVERIFY(!fetchesOnly.keepLine("* QUOTA \"User quota\" (STORAGE 1 2)", "a4"));
}

void TestImapCommandsInFlight::fetchResponsesReachTheBatchThatAskedForThem()
{
    ImapCommandsInFlight inFlight;
    inFlight.addFetch("a5", "100:150", "(UID FLAGS)");
    inFlight.addFetch("a6", "1:99", "(UID FLAGS)");
    QVERIFY(inFlight.routeFetch(response("* 40 FETCH (UID 40 FLAGS (\\Seen))")));
    QVERIFY(inFlight.routeFetch(response("* 120 FETCH (UID 120 FLAGS ())")));
    QVERIFY(inFlight.routeFetch(response("* 2 FETCH (FLAGS (\\Deleted))"))); // unsolicited: dropped
    QVERIFY(!inFlight.oldest().fetch->malformed());
    const QList<ImapFetchParser::Fetched> first = inFlight.oldest().fetch->takeKept();
    QCOMPARE(first.size(), 1);
    QCOMPARE(first.first().message.uid, 120u);
    (void)inFlight.takeOldest();
    const QList<ImapFetchParser::Fetched> second = inFlight.oldest().fetch->takeKept();
    QCOMPARE(second.size(), 1);
    QCOMPARE(second.first().message.uid, 40u);
    // A malformed response fails the oldest FETCH, the one being read.
    QVERIFY(inFlight.routeFetch(response("* 7 FETCH (UID")));
    QVERIFY(inFlight.oldest().fetch->malformed());
    (void)inFlight.takeOldest();
    QVERIFY(!inFlight.routeFetch(response("* 7 FETCH (UID 7 FLAGS ())"))); // none in flight
}

void TestImapCommandsInFlight::keptReplyStartsWithItsEarlyLines()
{
    ImapCommandsInFlight inFlight;
    inFlight.addFetch("a2", "5:*", "(UID RFC822.SIZE)");
    inFlight.addKept("a3", "GETQUOTAROOT", Kind::QuotaRoot);
    QVERIFY(inFlight.keepLine("* QUOTAROOT INBOX \"User quota\"", "a2"));
    (void)inFlight.takeOldest();
    QVERIFY(inFlight.contains(Kind::QuotaRoot));
    QVERIFY(!inFlight.contains(Kind::Search));
    const ImapCommandsInFlight::Command quota = inFlight.takeOldest();
    QVERIFY(!inFlight.contains(Kind::QuotaRoot));
    QVERIFY(!inFlight.takeReply(Kind::QuotaRoot)); // not read yet
    inFlight.keepReply(quota, ImapRawReply{{"* QUOTA \"User quota\" (STORAGE 10 512000)"_ba}, std::nullopt});
    const std::optional<ImapRawReply> reply = inFlight.takeReply(Kind::QuotaRoot);
    QVERIFY(reply);
    QCOMPARE(reply->untagged, (QList<QByteArray>{"* QUOTAROOT INBOX \"User quota\""_ba,
                                                 "* QUOTA \"User quota\" (STORAGE 10 512000)"_ba}));
    QVERIFY(!inFlight.takeReply(Kind::QuotaRoot)); // handed over once
    QVERIFY(!inFlight.takeReply(Kind::Examine));
}

void TestImapCommandsInFlight::newCommandForgetsTheOldKeptReply()
{
    // A reply kept and never asked for must not pass for the answer to a later command.
    ImapCommandsInFlight inFlight;
    inFlight.addKept("a3", "EXAMINE", Kind::Examine);
    inFlight.keepReply(inFlight.takeOldest(), ImapRawReply{{"* 4 EXISTS"_ba}, std::nullopt});
    inFlight.addKept("a4", "EXAMINE", Kind::Examine);
    QVERIFY(!inFlight.takeReply(Kind::Examine));
    inFlight.keepReply(inFlight.takeOldest(), ImapRawReply{{}, std::string("Mailbox doesn't exist")});
    const std::optional<ImapRawReply> refused = inFlight.takeReply(Kind::Examine);
    QVERIFY(refused && refused->refusal);
    QCOMPARE(*refused->refusal, std::string("Mailbox doesn't exist"));
}

QTEST_GUILESS_MAIN(TestImapCommandsInFlight)
#include "tst_imapcommandsinflight.moc"
