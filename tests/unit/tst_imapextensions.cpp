// The IMAP responses VMime 0.9.2's parser does not know (issue 18): NAMESPACE (RFC 2342), ACL and
// MYRIGHTS (RFC 4314), QUOTAROOT and QUOTA (RFC 9208), read raw by ImapCommandChannel::executeRaw
// and parsed by core/imap's ImapNamespaceParser, ImapAclParser and ImapQuotaParser. Real server
// outputs (Dovecot, Cyrus, Zimbra, Exchange, the RFCs' examples), then malformed and hostile
// ones, which must give a clear error and nothing else; then each family once through the
// scripted server (tests/support/ImapScenarioPlayer).
#include "ImapScenario.h"
#include "ImapScenarioPlayer.h"
#include "ScenarioClient.h"
#include "TestCertificates.h"
#include "imap/FolderList.h"
#include "imap/ImapAclParser.h"
#include "imap/ImapCommandChannel.h"
#include "imap/ImapConnection.h"
#include "imap/ImapLineAssembler.h"
#include "imap/ImapListStatusParser.h"
#include "imap/ImapNamespaceParser.h"
#include "imap/ImapQuotaParser.h"
#include "imap/ImapSearchParser.h"
#include "imap/ImapSelectParser.h"
#include "net/InitialResponseSaslMechanism.h"
#include "net/ScramSaslMechanism.h"
#include "net/VmimePlatform.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QPasswordDigestor>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <vmime/exception.hpp>
#include <vmime/security/sasl/SASLContext.hpp>
#include <vmime/security/sasl/SASLMechanismFactory.hpp>
#include <vmime/security/sasl/SASLSession.hpp>
#include <vmime/security/sasl/defaultSASLAuthenticator.hpp>

using namespace Qt::StringLiterals;
using namespace Amiens;
using namespace Amiens::Test;

using Namespace = ImapNamespaceParser::Namespace;
using NamespaceList = QList<ImapNamespaceParser::Namespace>;

class TestImapExtensions : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();

    void assemblerCutsLinesWithLiterals();
    void literalsAreReceivedInPlace();
    void assemblerBoundsLinesAndLiterals();

    void namespacesOfRealServers_data();
    void namespacesOfRealServers();
    void malformedNamespacesAreRefused_data();
    void malformedNamespacesAreRefused();
    void deepNestingInAnExtensionIsSkipped();

    void rightsOfRealServers_data();
    void rightsOfRealServers();
    void obsoleteRightsAreMapped_data();
    void obsoleteRightsAreMapped();
    void aclListsEveryIdentifier();
    void malformedRightsAreRefused_data();
    void malformedRightsAreRefused();

    void quotasOfRealServers_data();
    void quotasOfRealServers();
    void severalRootsKeepTheirOrder();
    void malformedQuotasAreRefused_data();
    void malformedQuotasAreRefused();

    void searchRepliesOfRealServers_data();
    void searchRepliesOfRealServers();
    void malformedSearchIsRefused_data();
    void malformedSearchIsRefused();

    void listStatusOfARealServer();
    void malformedStatusIsRefused_data();
    void malformedStatusIsRefused();
    void examineOfRealServers_data();
    void examineOfRealServers();
    void malformedExamineIsRefused_data();
    void malformedExamineIsRefused();

    void listLinesGiveTheFoldersVmimeWould();
    void malformedListIsRefused_data();
    void malformedListIsRefused();
    void listingNamespacesAndStatesInOneRoundTrip();
    void inboxExaminedBeforeTheListInTheSameWrite();
    void refusedCommandInABatchKeepsTheStreamInStep();
    void loginCapabilitiesSpareTheCapabilityCommand();
    void initialResponseOnlyWhereTheServerTakesIt_data();
    void initialResponseOnlyWhereTheServerTakesIt();
    void loginMechanismsPassTheStreamUnchanged();
    void scramProvesTheServer();
    void scramLoginWithoutTheServerProofIsRefused();
    void scramFailureNeverFallsBackToPlain();

    void namespacesThroughTheChannel();
    void myRightsThroughTheChannel();
    void quotaRootThroughTheChannel();
    void commandsReadLaterLeaveAtOnce();
    void replyHeldWhileTheBufferWasFullIsRead();
    void fetchesInFlightAreReadInOrder();
    void interleavedResponsesReachTheirOwnFetch();
    void examineAndFetchLeaveInOneWrite();
    void refusedExamineDropsTheFetchSentWithIt();
    void malformedFetchLeavesTheStreamInStep();
    void byeDuringAFetchIsAConnectionLoss();
    void repliesEndingOutOfOrderReachTheirCommands_data();
    void repliesEndingOutOfOrderReachTheirCommands();
    void nothingIsAskedWithoutTheCapability();
    void hostileAnswerIsAProtocolError();

private:
    std::unique_ptr<ImapConnection> login(const ImapScenarioPlayer &player);

    std::unique_ptr<QTemporaryDir> m_certificateDir;
    std::unique_ptr<TestCertificates> m_certificates;
};

namespace {

QByteArray nested(int depth)
{
    return QByteArray(depth, '(') + QByteArray(depth, ')');
}

} // namespace

void TestImapExtensions::initTestCase()
{
    m_certificateDir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_certificateDir->isValid());
    m_certificates = std::make_unique<TestCertificates>(m_certificateDir->path());
    QVERIFY2(m_certificates->isValid(), qPrintable(m_certificates->error()));
}

std::unique_ptr<ImapConnection> TestImapExtensions::login(const ImapScenarioPlayer &player)
{
    return ScenarioClient(*m_certificates, player.port()).login();
}

void TestImapExtensions::assemblerCutsLinesWithLiterals()
{
    // A literal may hold CRLF, "{", anything: it is data, not a line end.
    const QByteArray wire =
        "* ACL {12}\r\nA {3}\r\nb\r\ncd fred lrs\r\n* MYRIGHTS INBOX lr\r\nx1 OK done\r\n";
    const QList<QByteArray> expected = {"* ACL {12}\r\nA {3}\r\nb\r\ncd fred lrs", "* MYRIGHTS INBOX lr",
                                        "x1 OK done"};
    for (const qsizetype chunk : {qsizetype(1), qsizetype(5), wire.size()}) {
        ImapLineAssembler assembler;
        QList<QByteArray> lines;
        for (qsizetype at = 0; at < wire.size(); at += chunk) {
            QVERIFY(assembler.append(wire.constData() + at, std::min(chunk, wire.size() - at)));
            while (const auto line = assembler.takeLine())
                lines.append(*line);
        }
        QCOMPARE(lines, expected);
        QCOMPARE(assembler.pending(), 0);
    }
    // Bare LF line ends (broken servers) are lines too; a line without its end is not yet one.
    ImapLineAssembler assembler;
    QVERIFY(assembler.append("* OK a\n* OK b", 13));
    QCOMPARE(assembler.takeLine().value_or(QByteArray()), QByteArray("* OK a"));
    QVERIFY(!assembler.takeLine());
}

void TestImapExtensions::literalsAreReceivedInPlace()
{
    // A reader that receives a body straight into its literal (ImapCommandChannel), mixed with
    // append() for the text around it, in pieces that do not match the literal's bounds: the
    // same responses as append() alone.
    const QByteArray body = "From: a@b.fr\r\n\r\n{5}\r\n* 2 FETCH\r\n" + QByteArray(70'000, 'x');
    const QByteArray wire = "* 1 FETCH (UID 7 BODY[] {" + QByteArray::number(body.size()) + "}\r\n" + body +
                            ")\r\n* 3 FETCH (UID 9 BODY[] {0}\r\n)\r\nA1 OK done\r\n";
    for (const qsizetype piece : {qsizetype(1), qsizetype(7), qsizetype(4096), wire.size()}) {
        ImapLineAssembler assembler;
        QList<ImapResponse> responses;
        qsizetype at = 0;
        while (at < wire.size()) {
            const std::span<char> room = assembler.literalRoom();
            const qsizetype take = std::min(piece, wire.size() - at);
            if (!room.empty()) {
                const qsizetype into = std::min(take, static_cast<qsizetype>(room.size()));
                std::memcpy(room.data(), wire.constData() + at, static_cast<size_t>(into));
                assembler.literalReceived(into);
                at += into;
            } else {
                QVERIFY(assembler.append(wire.constData() + at, take));
                at += take;
            }
            while (auto response = assembler.takeResponse())
                responses.append(std::move(*response));
        }
        QCOMPARE(responses.size(), 3);
        QCOMPARE(responses.at(0).literals, QList<QByteArray>{body});
        QCOMPARE(responses.at(0).text,
                 QByteArray("* 1 FETCH (UID 7 BODY[] {") + QByteArray::number(body.size()) + "}\r\n)");
        QCOMPARE(responses.at(1).literals, QList<QByteArray>{QByteArray()});
        QCOMPARE(responses.at(2).text, QByteArray("A1 OK done"));
        QCOMPARE(assembler.pending(), 0);
    }
    // A read that failed (0 bytes) leaves the literal as it was; no room outside a literal.
    ImapLineAssembler assembler;
    QVERIFY(assembler.literalRoom().empty());
    QVERIFY(assembler.append("* 1 FETCH (BODY[] {4}\r\nab", 25));
    QCOMPARE(assembler.literalRoom().size(), size_t(2));
    assembler.literalReceived(0);
    QCOMPARE(assembler.pending(), 25);
    const std::span<char> room = assembler.literalRoom();
    std::memcpy(room.data(), "cd", 2);
    assembler.literalReceived(2);
    QVERIFY(assembler.literalRoom().empty());
    QVERIFY(assembler.append(")\r\n", 3));
    QCOMPARE(assembler.takeResponse()->literals, QList<QByteArray>{"abcd"});
}

void TestImapExtensions::assemblerBoundsLinesAndLiterals()
{
    {
        ImapLineAssembler assembler(100, 1000);
        const QByteArray endless(150, 'a');
        QVERIFY(!assembler.append(endless.constData(), endless.size()));
        QVERIFY(assembler.failed());
        QVERIFY2(assembler.error().contains(u"more than 100 bytes"_s), qPrintable(assembler.error()));
        QVERIFY(!assembler.takeLine());
        QVERIFY(!assembler.append("\r\n", 2)); // refused for good
    }
    {
        // Refused at the announcement, before a byte of it is buffered.
        ImapLineAssembler assembler(100, 1000);
        QVERIFY(!assembler.append("* QUOTA {1001}\r\n", 16));
        QVERIFY2(assembler.error().contains(u"literal of 1001 bytes"_s), qPrintable(assembler.error()));
    }
    {
        // An announcement beyond any number: refused, no overflow.
        ImapLineAssembler assembler;
        const QByteArray huge = "* QUOTA {99999999999999999999999}\r\n";
        QVERIFY(!assembler.append(huge.constData(), huge.size()));
        QVERIFY(assembler.failed());
    }
    {
        // The same bounds as the socket's guard by default.
        ImapLineAssembler assembler;
        const QByteArray announced =
            "* ACL {" + QByteArray::number(ImapStreamGuard::kMaxLiteralBytes + 1) + "}\r\n";
        QVERIFY(!assembler.append(announced.constData(), announced.size()));
    }
}

void TestImapExtensions::namespacesOfRealServers_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<NamespaceList>("personal");
    QTest::addColumn<NamespaceList>("otherUsers");
    QTest::addColumn<NamespaceList>("shared");
    const QChar dot = u'.';
    const QChar slash = u'/';
    QTest::newRow("dovecot") << QByteArray("* NAMESPACE ((\"\" \".\")) NIL NIL")
                             << NamespaceList{{u""_s, dot}} << NamespaceList{} << NamespaceList{};
    QTest::newRow("dovecot-shared") << QByteArray(
                                           "* NAMESPACE ((\"\" \"/\")) ((\"Autres utilisateurs/\" \"/\")) "
                                           "((\"Dossiers partag&AOk-s/\" \"/\"))")
                                    << NamespaceList{{u""_s, slash}}
                                    << NamespaceList{{u"Autres utilisateurs/"_s, slash}}
                                    << NamespaceList{{u"Dossiers partagés/"_s, slash}};
    QTest::newRow("cyrus") << QByteArray(
                                  "* NAMESPACE ((\"INBOX.\" \".\")) ((\"user.\" \".\")) ((\"\" \".\"))")
                           << NamespaceList{{u"INBOX."_s, dot}} << NamespaceList{{u"user."_s, dot}}
                           << NamespaceList{{u""_s, dot}};
    QTest::newRow("zimbra") << QByteArray("* NAMESPACE ((\"\" \"/\")) ((\"/home/\" \"/\")) NIL")
                            << NamespaceList{{u""_s, slash}} << NamespaceList{{u"/home/"_s, slash}}
                            << NamespaceList{};
    QTest::newRow("exchange") << QByteArray("* NAMESPACE ((\"\" \"/\")) NIL NIL")
                              << NamespaceList{{u""_s, slash}} << NamespaceList{} << NamespaceList{};
    // RFC 2342 §5, example 5.9 style: two personal namespaces, the second with an extension.
    QTest::newRow("rfc2342-extension")
        << QByteArray("* NAMESPACE ((\"\" \"/\")(\"#mh/\" \"/\" \"X-PARAM\" (\"FLAG1\" \"FLAG2\"))) NIL NIL")
        << NamespaceList{{u""_s, slash}, {u"#mh/"_s, slash}} << NamespaceList{} << NamespaceList{};
    QTest::newRow("flat") << QByteArray("* NAMESPACE ((\"\" NIL)) NIL NIL") << NamespaceList{{u""_s, QChar()}}
                          << NamespaceList{} << NamespaceList{};
    QTest::newRow("literal-prefix") << QByteArray("* namespace (({6}\r\nINBOX. \".\")) nil nil")
                                    << NamespaceList{{u"INBOX."_s, dot}} << NamespaceList{}
                                    << NamespaceList{};
    QTest::newRow("escaped-delimiter") << QByteArray("* NAMESPACE ((\"\" \"\\\\\")) NIL NIL")
                                       << NamespaceList{{u""_s, u'\\'}} << NamespaceList{} << NamespaceList{};
}

void TestImapExtensions::namespacesOfRealServers()
{
    QFETCH(QByteArray, line);
    QString error;
    const auto parsed = ImapNamespaceParser::parse({"* OK ignored", line}, &error);
    QVERIFY2(parsed, qPrintable(error));
    QFETCH(NamespaceList, personal);
    QFETCH(NamespaceList, otherUsers);
    QFETCH(NamespaceList, shared);
    QCOMPARE(parsed->personal, personal);
    QCOMPARE(parsed->otherUsers, otherUsers);
    QCOMPARE(parsed->shared, shared);
}

void TestImapExtensions::malformedNamespacesAreRefused_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("reason");
    QTest::newRow("unbalanced") << QByteArray("* NAMESPACE ((\"\" \"/\") NIL NIL") << u"expected"_s;
    QTest::newRow("two-lists") << QByteArray("* NAMESPACE ((\"\" \"/\")) NIL") << u"namespace list or NIL"_s;
    QTest::newRow("empty") << QByteArray("* NAMESPACE") << u"namespace list or NIL"_s;
    QTest::newRow("empty-list") << QByteArray("* NAMESPACE () NIL NIL") << u"expected a namespace"_s;
    QTest::newRow("atom-prefix") << QByteArray("* NAMESPACE ((INBOX \"/\")) NIL NIL") << u"prefix"_s;
    QTest::newRow("long-delimiter") << QByteArray("* NAMESPACE ((\"\" \"//\")) NIL NIL") << u"delimiter"_s;
    QTest::newRow("unterminated") << QByteArray("* NAMESPACE ((\"INBOX NIL NIL") << u"unterminated"_s;
    QTest::newRow("literal-beyond") << QByteArray("* NAMESPACE (({999}\r\nINBOX \"/\")) NIL NIL")
                                    << u"beyond the line"_s;
    QTest::newRow("trailing") << QByteArray("* NAMESPACE NIL NIL NIL (garbage)") << u"after the shared"_s;
    QTest::newRow("10000-nested") << "* NAMESPACE " + nested(10000) + " NIL NIL" << u"prefix"_s;
    QTest::newRow("10000-open") << "* NAMESPACE ((\"\" \"/\" \"X\" " + QByteArray(10000, '(') + " NIL NIL"
                                << u"unbalanced"_s;
    QTest::newRow("extension-without-values")
        << QByteArray("* NAMESPACE ((\"\" \"/\" \"X-PARAM\")) NIL NIL") << u"values"_s;
    QTest::newRow("control-byte") << QByteArray("* NAMESPACE ((\"\" \"/\"))\x01 NIL NIL") << u"0x01"_s;
}

void TestImapExtensions::malformedNamespacesAreRefused()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, reason);
    QString error;
    QVERIFY(!ImapNamespaceParser::parse({line}, &error));
    QVERIFY2(error.startsWith(u"NAMESPACE: "_s), qPrintable(error));
    QVERIFY2(error.contains(reason), qPrintable(error));
    QVERIFY2(error.contains(u"at byte"_s), qPrintable(error));
    QVERIFY(!ImapNamespaceParser::parse({"* OK [ALERT] nothing here"}, &error));
    QCOMPARE(error, u"no NAMESPACE response"_s);
}

void TestImapExtensions::deepNestingInAnExtensionIsSkipped()
{
    // Extensions are skipped with a counter: 100,000 levels cost no stack.
    const QByteArray line = "* NAMESPACE ((\"\" \"/\" \"X-DEEP\" " + nested(100000) + ")) NIL NIL";
    QString error;
    const auto parsed = ImapNamespaceParser::parseLine(line, &error);
    QVERIFY2(parsed, qPrintable(error));
    QCOMPARE(parsed->personal, (NamespaceList{{u""_s, u'/'}}));
}

void TestImapExtensions::rightsOfRealServers_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("mailbox");
    QTest::addColumn<QString>("letters");
    // RFC 4314 §3.8's example.
    QTest::newRow("rfc4314") << QByteArray("* MYRIGHTS INBOX rwiptsldaex") << u"INBOX"_s << u"aeilprstwx"_s;
    // Dovecot sends the RFC 2086 letters too; they only echo the current ones.
    QTest::newRow("dovecot") << QByteArray("* MYRIGHTS \"INBOX\" lrwstipekxacd") << u"INBOX"_s
                             << u"aeiklprstwx"_s;
    QTest::newRow("cyrus") << QByteArray("* MYRIGHTS user.mdupont.Envoy&AOk-s lrswipkxtecdan")
                           << u"user.mdupont.Envoyés"_s << u"aeiklnprstwx"_s;
    QTest::newRow("shared-read-only")
        << QByteArray("* MYRIGHTS \"Partages/Vie scolaire\" lrs") << u"Partages/Vie scolaire"_s << u"lrs"_s;
    QTest::newRow("literal-mailbox") << QByteArray("* MYRIGHTS {7}\r\nArchiv\" lr") << u"Archiv\""_s
                                     << u"lr"_s;
    QTest::newRow("digits") << QByteArray("* MYRIGHTS INBOX lr01") << u"INBOX"_s << u"01lr"_s;
    QTest::newRow("none") << QByteArray("* MYRIGHTS INBOX \"\"") << u"INBOX"_s << QString();
}

void TestImapExtensions::rightsOfRealServers()
{
    QFETCH(QByteArray, line);
    QString error;
    const auto parsed = ImapAclParser::parseMyRights({"* 3 EXISTS", line}, &error);
    QVERIFY2(parsed, qPrintable(error));
    QTEST(parsed->mailbox, "mailbox");
    QTEST(parsed->rights.letters(), "letters");
}

void TestImapExtensions::obsoleteRightsAreMapped_data()
{
    // An RFC 2086 server (no k, x, t, e): "c" is create, "d" is delete; deleting the mailbox
    // (x) falls under "c" on some of them and under "d" on others, so only both give it.
    QTest::addColumn<QByteArray>("rights");
    QTest::addColumn<QString>("letters");
    QTest::addColumn<bool>("deleteMessages");
    QTest::addColumn<bool>("createSubfolder");
    QTest::addColumn<bool>("deleteFolder");
    QTest::newRow("c-and-d") << QByteArray("lrswipcda") << u"aeiklprstwx"_s << true << true << true;
    QTest::newRow("c-only") << QByteArray("lrswic") << u"iklrsw"_s << false << true << false;
    QTest::newRow("d-only") << QByteArray("lrswid") << u"eilrstw"_s << true << false << false;
    // A current server's "c"/"d" add nothing: here x without k, and t without e.
    QTest::newRow("current") << QByteArray("lrxtcd") << u"lrtx"_s << false << false << true;
    QTest::newRow("read-only") << QByteArray("lrs") << u"lrs"_s << false << false << false;
}

void TestImapExtensions::obsoleteRightsAreMapped()
{
    QFETCH(QByteArray, rights);
    const auto parsed = ImapRights::fromServer(rights);
    QVERIFY(parsed);
    QTEST(parsed->letters(), "letters");
    QTEST(parsed->mayDeleteMessages(), "deleteMessages");
    QTEST(parsed->mayCreateSubfolder(), "createSubfolder");
    QTEST(parsed->mayDeleteFolder(), "deleteFolder");
    QCOMPARE(parsed->original(), rights);
    QVERIFY(parsed->mayRead());
}

void TestImapExtensions::aclListsEveryIdentifier()
{
    // RFC 4314 §3.6's example, then Cyrus with a negative right and a literal identifier.
    QString error;
    auto acl = ImapAclParser::parseAcl({"* ACL INBOX Fred rwipsldexta"}, &error);
    QVERIFY2(acl, qPrintable(error));
    QCOMPARE(acl->mailbox, u"INBOX"_s);
    QCOMPARE(acl->entries.size(), 1);
    QCOMPARE(acl->entries.first().identifier, u"Fred"_s);
    QCOMPARE(acl->entries.first().rights.letters(), u"aeilprstwx"_s);

    acl = ImapAclParser::parseAcl({"* ACL \"Projets/Voyage scolaire\" mdupont lrswipkxtecda anyone lrs "
                                   "-lperrin w {9}\r\nÉlodie L lr"},
                                  &error);
    QVERIFY2(acl, qPrintable(error));
    QCOMPARE(acl->mailbox, u"Projets/Voyage scolaire"_s);
    QCOMPARE(acl->entries.size(), 4);
    QCOMPARE(acl->entries.at(1).identifier, u"anyone"_s);
    QVERIFY(!acl->entries.at(1).rights.mayInsert());
    QVERIFY(acl->entries.at(1).rights.maySetSeen());
    QCOMPARE(acl->entries.at(2).identifier, u"-lperrin"_s);
    QVERIFY(acl->entries.at(2).rights.mayWrite());
    QCOMPARE(acl->entries.at(3).identifier, u"Élodie L"_s);
    QVERIFY(acl->entries.at(0).rights.mayAdminister());
    QVERIFY(acl->entries.at(0).rights.mayDeleteFolder());

    // An empty list is an answer too (nobody has rights besides the server's defaults).
    acl = ImapAclParser::parseAcl({"* ACL Archives"}, &error);
    QVERIFY2(acl, qPrintable(error));
    QVERIFY(acl->entries.isEmpty());
}

void TestImapExtensions::malformedRightsAreRefused_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("reason");
    QTest::newRow("no-rights") << QByteArray("* MYRIGHTS INBOX") << u"expected rights"_s;
    QTest::newRow("upper-case") << QByteArray("* MYRIGHTS INBOX LRS") << u"invalid right 0x4c"_s;
    QTest::newRow("symbol") << QByteArray("* MYRIGHTS INBOX lr$") << u"invalid right 0x24"_s;
    QTest::newRow("list-mailbox") << QByteArray("* MYRIGHTS (INBOX) lr") << u"mailbox name"_s;
    QTest::newRow("trailing") << QByteArray("* MYRIGHTS INBOX lr extra") << u"after the rights"_s;
    QTest::newRow("acl-odd") << QByteArray("* ACL INBOX fred lrs anyone") << u"expected rights"_s;
    QTest::newRow("acl-nested") << "* ACL INBOX " + nested(10000) << u"identifier"_s;
    QTest::newRow("acl-literal-beyond") << QByteArray("* ACL INBOX {4000000000}\r\nfred lrs") << u"beyond"_s;
    QTest::newRow("acl-unterminated") << QByteArray("* ACL \"INBOX fred lrs") << u"unterminated"_s;
}

void TestImapExtensions::malformedRightsAreRefused()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, reason);
    QString error;
    const bool acl = line.startsWith("* ACL");
    const bool parsed = acl ? ImapAclParser::parseAcl({line}, &error).has_value()
                            : ImapAclParser::parseMyRights({line}, &error).has_value();
    QVERIFY(!parsed);
    QVERIFY2(error.startsWith(acl ? u"ACL: "_s : u"MYRIGHTS: "_s), qPrintable(error));
    QVERIFY2(error.contains(reason), qPrintable(error));
}

void TestImapExtensions::quotasOfRealServers_data()
{
    QTest::addColumn<QList<QByteArray>>("lines");
    QTest::addColumn<QString>("root");
    QTest::addColumn<qint64>("storageUsed");  // KiB, -1: none
    QTest::addColumn<qint64>("storageLimit"); // KiB
    QTest::addColumn<qint64>("messages");     // -1: none
    QTest::addColumn<qint64>("messageLimit");
    // RFC 9208 §5.1's example.
    QTest::newRow("rfc9208") << QList<QByteArray>{"* QUOTAROOT INBOX \"\"", "* QUOTA \"\" (STORAGE 10 512)"}
                             << QString() << qint64(10) << qint64(512) << qint64(-1) << qint64(0);
    QTest::newRow("dovecot")
        << QList<QByteArray>{"* QUOTAROOT \"INBOX\" \"User quota\"",
                             "* QUOTA \"User quota\" (STORAGE 1234 10240 MESSAGE 12 1000)"}
        << u"User quota"_s << qint64(1234) << qint64(10240) << qint64(12) << qint64(1000);
    QTest::newRow("cyrus") << QList<QByteArray>{"* QUOTAROOT INBOX user.mdupont",
                                                "* QUOTA user.mdupont (STORAGE 51200 102400)"}
                           << u"user.mdupont"_s << qint64(51200) << qint64(102400) << qint64(-1) << qint64(0);
    QTest::newRow("zimbra") << QList<QByteArray>{"* QUOTAROOT INBOX \"\"",
                                                 "* QUOTA \"\" (STORAGE 2097152 5242880)"}
                            << QString() << qint64(2097152) << qint64(5242880) << qint64(-1) << qint64(0);
    QTest::newRow("exchange") << QList<QByteArray>{"* quotaroot INBOX \"\"",
                                                   "* quota \"\" (storage 102 51200)"}
                              << QString() << qint64(102) << qint64(51200) << qint64(-1) << qint64(0);
    QTest::newRow("literal-root") << QList<QByteArray>{"* QUOTAROOT INBOX {10}\r\nUser quota",
                                                       "* QUOTA {10}\r\nUser quota (MESSAGE 3 10)"}
                                  << u"User quota"_s << qint64(-1) << qint64(0) << qint64(3) << qint64(10);
    QTest::newRow("largest-number") << QList<QByteArray>{"* QUOTAROOT INBOX q",
                                                         "* QUOTA q (STORAGE 9223372036854775807 "
                                                         "9223372036854775807)"}
                                    << u"q"_s << qint64(std::numeric_limits<qint64>::max())
                                    << qint64(std::numeric_limits<qint64>::max()) << qint64(-1) << qint64(0);
}

void TestImapExtensions::quotasOfRealServers()
{
    QFETCH(QList<QByteArray>, lines);
    QString error;
    const auto parsed = ImapQuotaParser::parseQuotaRoot(lines, &error);
    QVERIFY2(parsed, qPrintable(error));
    QCOMPARE(parsed->mailbox, u"INBOX"_s);
    QFETCH(QString, root);
    QCOMPARE(parsed->roots, QStringList{root});
    QCOMPARE(parsed->quotas.size(), 1);
    const ImapQuotaParser::Quota &quota = parsed->quotas.first();
    QCOMPARE(quota.root, root);
    QFETCH(qint64, storageUsed);
    QFETCH(qint64, storageLimit);
    QFETCH(qint64, messages);
    QFETCH(qint64, messageLimit);
    QCOMPARE(quota.storage().has_value(), storageUsed >= 0);
    if (storageUsed >= 0) {
        QCOMPARE(quota.storage()->usage, quint64(storageUsed));
        QCOMPARE(quota.storage()->limit, quint64(storageLimit));
    }
    QCOMPARE(quota.messages().has_value(), messages >= 0);
    if (messages >= 0) {
        QCOMPARE(quota.messages()->usage, quint64(messages));
        QCOMPARE(quota.messages()->limit, quint64(messageLimit));
    }
}

void TestImapExtensions::severalRootsKeepTheirOrder()
{
    QString error;
    const auto parsed = ImapQuotaParser::parseQuotaRoot(
        {"* QUOTAROOT \"Dossiers partag&AOk-s/Vie scolaire\" "
         "\"User quota\" \"Shared quota\"",
         "* QUOTA \"Other\" (STORAGE 1 2)", "* QUOTA \"Shared quota\" (MESSAGE 40 5000 MAILBOX 3 10)",
         "* QUOTA \"User quota\" ()"},
        &error);
    QVERIFY2(parsed, qPrintable(error));
    QCOMPARE(parsed->mailbox, u"Dossiers partagés/Vie scolaire"_s);
    QCOMPARE(parsed->roots, (QStringList{u"User quota"_s, u"Shared quota"_s}));
    QCOMPARE(parsed->quotas.size(), 2);
    QCOMPARE(parsed->quotas.at(0).root, u"User quota"_s);
    QVERIFY(parsed->quotas.at(0).resources.isEmpty());
    QCOMPARE(parsed->quotas.at(1).root, u"Shared quota"_s);
    QCOMPARE(parsed->quotas.at(1).messages()->usage, 40u);
    QCOMPARE(parsed->quotas.at(1).resource(u"mailbox"_s)->limit, 10u);
    QVERIFY(!parsed->quotas.at(1).storage());

    // A mailbox without quota: a root list that is empty, not an error.
    const auto none = ImapQuotaParser::parseQuotaRoot({"* QUOTAROOT INBOX"}, &error);
    QVERIFY2(none, qPrintable(error));
    QVERIFY(none->roots.isEmpty());
    QVERIFY(none->quotas.isEmpty());
}

void TestImapExtensions::listStatusOfARealServer()
{
    // Dovecot 2.3's answer to LIST "" "*" RETURN (STATUS (MESSAGES UIDNEXT UIDVALIDITY
    // HIGHESTMODSEQ)): LIST and STATUS lines in turn, names quoted, atoms or literals.
    QString error;
    const auto parsed = ImapListStatusParser::parse(
        {"* LIST (\\HasNoChildren \\Trash) \"/\" Trash",
         "* STATUS Trash (MESSAGES 292 UIDNEXT 293 UIDVALIDITY 1796423911 HIGHESTMODSEQ 4)",
         "* LIST (\\Noselect) \"/\" Projets",
         "* STATUS \"Projets/Atelier th&AOkA4g-tre\" (MESSAGES 74 UIDNEXT 75 UIDVALIDITY 1796423906 "
         "HIGHESTMODSEQ 2)",
         "* STATUS {5}\r\nINBOX (UIDNEXT 6992 MESSAGES 6991 HIGHESTMODSEQ 18446744073 UIDVALIDITY 4294967295 "
         "SIZE 12345)",
         "* STATUS Junk (MESSAGES 0)"},
        &error);
    QVERIFY2(parsed, qPrintable(error));
    QCOMPARE(parsed->size(), 4);
    QCOMPARE(parsed->at(0).mailbox, u"Trash"_s);
    QCOMPARE(parsed->at(0).messages, 292u);
    QCOMPARE(parsed->at(0).uidNext, 293u);
    QCOMPARE(parsed->at(0).uidValidity, 1796423911u);
    QCOMPARE(parsed->at(0).highestModSeq, 4u);
    QCOMPARE(parsed->at(1).mailbox, u"Projets/Atelier théâtre"_s);
    QCOMPARE(parsed->at(2).mailbox, u"INBOX"_s);
    QCOMPARE(parsed->at(2).messages, 6991u);
    QCOMPARE(parsed->at(2).highestModSeq, Q_UINT64_C(18446744073));
    QCOMPARE(parsed->at(2).uidValidity, 4294967295u);
    QCOMPARE(parsed->at(3).highestModSeq, 0u); // not reported: the folder will be examined
}

void TestImapExtensions::malformedStatusIsRefused_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::newRow("no list") << QByteArray("* STATUS INBOX MESSAGES 3");
    QTest::newRow("not a number") << QByteArray("* STATUS INBOX (MESSAGES three)");
    QTest::newRow("beyond 32 bits") << QByteArray("* STATUS INBOX (UIDNEXT 4294967296)");
    QTest::newRow("beyond 63 bits") << QByteArray("* STATUS INBOX (HIGHESTMODSEQ 9223372036854775808)");
    QTest::newRow("unclosed") << QByteArray("* STATUS INBOX (MESSAGES 3");
    QTest::newRow("trailing data") << QByteArray("* STATUS INBOX (MESSAGES 3) extra");
    QTest::newRow("list as an item") << QByteArray("* STATUS INBOX ((MESSAGES) 3)");
}

void TestImapExtensions::malformedStatusIsRefused()
{
    QFETCH(QByteArray, line);
    QString error;
    QVERIFY(!ImapListStatusParser::parse({"* LIST () \"/\" INBOX", line}, &error));
    QVERIFY2(error.startsWith(u"STATUS: "_s), qPrintable(error));
}

void TestImapExtensions::malformedQuotasAreRefused_data()
{
    QTest::addColumn<QList<QByteArray>>("lines");
    QTest::addColumn<QString>("reason");
    const QByteArray root = "* QUOTAROOT INBOX q";
    QTest::newRow("beyond-2^63") << QList<QByteArray>{root, "* QUOTA q (STORAGE 9223372036854775808 1)"}
                                 << u"beyond 2^63 - 1"_s;
    QTest::newRow("20-digits") << QList<QByteArray>{root, "* QUOTA q (STORAGE 99999999999999999999 1)"}
                               << u"at most 19 digits"_s;
    QTest::newRow("non-numeric") << QList<QByteArray>{root, "* QUOTA q (STORAGE ten 512)"}
                                 << u"not a number: « ten »"_s;
    QTest::newRow("negative") << QList<QByteArray>{root, "* QUOTA q (STORAGE -5 512)"} << u"not a number"_s;
    QTest::newRow("odd") << QList<QByteArray>{root, "* QUOTA q (STORAGE 10)"} << u"the limit"_s;
    QTest::newRow("unbalanced") << QList<QByteArray>{root, "* QUOTA q (STORAGE 10 512"} << u"resource name"_s;
    QTest::newRow("no-list") << QList<QByteArray>{root, "* QUOTA q STORAGE 10 512"} << u"resource list"_s;
    QTest::newRow("nested") << QList<QByteArray>{root, "* QUOTA q " + nested(10000)} << u"resource name"_s;
    QTest::newRow("trailing") << QList<QByteArray>{root, "* QUOTA q (STORAGE 1 2) (MESSAGE 1 2)"}
                              << u"after the resource list"_s;
    QTest::newRow("root-list") << QList<QByteArray>{"* QUOTAROOT INBOX (q)"} << u"quota root name"_s;
    QTest::newRow("no-quotaroot") << QList<QByteArray>{"* QUOTA q (STORAGE 1 2)"} << u"no QUOTAROOT"_s;
}

void TestImapExtensions::malformedQuotasAreRefused()
{
    QFETCH(QList<QByteArray>, lines);
    QFETCH(QString, reason);
    QString error;
    QVERIFY(!ImapQuotaParser::parseQuotaRoot(lines, &error));
    QVERIFY2(error.contains(reason), qPrintable(error));
}

void TestImapExtensions::searchRepliesOfRealServers_data()
{
    QTest::addColumn<QList<QByteArray>>("lines");
    QTest::addColumn<QList<quint32>>("uids");
    QTest::newRow("rfc3501") << QList<QByteArray>{"* SEARCH 2 84 882"} << QList<quint32>{2, 84, 882};
    QTest::newRow("none") << QList<QByteArray>{"* SEARCH"} << QList<quint32>{};
    QTest::newRow("unsorted, repeated, several lines (Exchange)")
        << QList<QByteArray>{"* search 9 3", "* SEARCH 3 5"} << QList<quint32>{3, 5, 9};
    QTest::newRow("condstore mod-sequence (rfc7162)")
        << QList<QByteArray>{"* SEARCH 2 5 6 7 11 12 18 19 20 23 (MODSEQ 917162500)"}
        << QList<quint32>{2, 5, 6, 7, 11, 12, 18, 19, 20, 23};
    QTest::newRow("dovecot esearch") << QList<QByteArray>{"* ESEARCH (TAG \"a7\") UID ALL 1:3,5,9:10"}
                                     << QList<quint32>{1, 2, 3, 5, 9, 10};
    QTest::newRow("esearch, nothing found (rfc4731)")
        << QList<QByteArray>{"* ESEARCH (TAG \"a7\") UID"} << QList<quint32>{};
    QTest::newRow("esearch with count, min and max first")
        << QList<QByteArray>{"* ESEARCH (TAG \"a7\") UID MIN 4 MAX 6 COUNT 3 ALL 6:4"}
        << QList<quint32>{4, 5, 6};
    QTest::newRow("esearch without correlator")
        << QList<QByteArray>{"* ESEARCH UID ALL 17,900"} << QList<quint32>{17, 900};
    QTest::newRow("another command's esearch is left alone")
        << QList<QByteArray>{"* ESEARCH (TAG \"a6\") UID ALL 1:100000", "* ESEARCH (TAG \"a7\") UID ALL 4"}
        << QList<quint32>{4};
    QTest::newRow("other lines are left alone")
        << QList<QByteArray>{"* 12 EXPUNGE", "* SEARCH 1", "* OK [HIGHESTMODSEQ 9] x"} << QList<quint32>{1};
    QTest::newRow("largest uid") << QList<QByteArray>{"* SEARCH 4294967295"} << QList<quint32>{4294967295u};
}

void TestImapExtensions::searchRepliesOfRealServers()
{
    QFETCH(QList<QByteArray>, lines);
    QFETCH(QList<quint32>, uids);
    QString error;
    const std::optional<QList<quint32>> parsed = ImapSearchParser::parse(lines, "a7", &error);
    QVERIFY2(parsed, qPrintable(error));
    QCOMPARE(*parsed, uids);
    for (const QByteArray &line : std::as_const(lines)) {
        if (!line.contains("a6") && (line.toUpper().startsWith("* SEARCH") || line.startsWith("* ESEARCH")))
            QVERIFY(ImapSearchParser::answers(line, "a7"));
    }
    QVERIFY(!ImapSearchParser::answers("* ESEARCH (TAG \"a6\") UID ALL 1", "a7"));
    QVERIFY(!ImapSearchParser::answers("* QUOTA \"\" (STORAGE 1 2)", "a7"));
}

void TestImapExtensions::malformedSearchIsRefused_data()
{
    QTest::addColumn<QList<QByteArray>>("lines");
    QTest::addColumn<QString>("reason");
    QTest::newRow("uid zero") << QList<QByteArray>{"* SEARCH 0"} << u"not a UID"_s;
    QTest::newRow("beyond 32 bits") << QList<QByteArray>{"* SEARCH 4294967296"} << u"not a UID"_s;
    QTest::newRow("word") << QList<QByteArray>{"* SEARCH 3 abc"} << u"not a UID"_s;
    QTest::newRow("string") << QList<QByteArray>{"* SEARCH \"3\""} << u"not a UID"_s;
    QTest::newRow("broken mod-sequence") << QList<QByteArray>{"* SEARCH 3 (MODSEQ x)"} << u"mod-sequence"_s;
    QTest::newRow("broken set") << QList<QByteArray>{"* ESEARCH (TAG \"a7\") UID ALL 1:x"} << u"not a UID"_s;
    QTest::newRow("star in a set") << QList<QByteArray>{"* ESEARCH (TAG \"a7\") UID ALL 5:*"}
                                   << u"not a UID"_s;
    QTest::newRow("set missing") << QList<QByteArray>{"* ESEARCH (TAG \"a7\") UID ALL"}
                                 << u"no sequence set"_s;
    // A hostile server's set would take 16 GB once expanded.
    QTest::newRow("four billion uids")
        << QList<QByteArray>{"* ESEARCH (TAG \"a7\") UID ALL 1:4294967295"} << u"more than 4000000 UIDs"_s;
    QTest::newRow("many small ranges")
        << QList<QByteArray>{"* ESEARCH (TAG \"a7\") UID ALL 1:3000000,3000002:6000000"}
        << u"more than 4000000 UIDs"_s;
    QTest::newRow("correlator other than TAG")
        << QList<QByteArray>{"* ESEARCH (FOO \"a7\") UID ALL 1"} << u"correlator"_s;
}

void TestImapExtensions::malformedSearchIsRefused()
{
    QFETCH(QList<QByteArray>, lines);
    QFETCH(QString, reason);
    QString error;
    QVERIFY(!ImapSearchParser::parse(lines, "a7", &error));
    QVERIFY2(error.contains(reason), qPrintable(error));
}

void TestImapExtensions::examineOfRealServers_data()
{
    QTest::addColumn<QList<QByteArray>>("lines");
    QTest::addColumn<quint32>("exists");
    QTest::addColumn<quint32>("uidValidity");
    QTest::addColumn<quint32>("uidNext");
    QTest::addColumn<quint64>("highestModSeq");
    // Dovecot 2.3.19 (the loopback server), with CONDSTORE.
    QTest::newRow("dovecot")
        << QList<QByteArray>{"* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft $Forwarded)",
                             "* OK [PERMANENTFLAGS ()] Read-only mailbox.",
                             "* 68855 EXISTS",
                             "* 68855 RECENT",
                             "* OK [UNSEEN 2] First unseen.",
                             "* OK [UIDVALIDITY 1796457873] UIDs valid",
                             "* OK [UIDNEXT 69056] Predicted next UID",
                             "* OK [HIGHESTMODSEQ 8] Highest"}
        << 68855u << 1796457873u << 69056u << quint64(8);
    // A mailbox format without mod-sequences (RFC 7162 §3.1.2.2), and an earlier mailbox closed
    // by this EXAMINE (QRESYNC's CLOSED), in lower case.
    QTest::newRow("nomodseq") << QList<QByteArray>{"* OK [CLOSED] Previous mailbox closed.",
                                                   "* 0 exists",
                                                   "* 0 recent",
                                                   "* ok [uidvalidity 3] UIDs valid",
                                                   "* OK [UIDNEXT 1] Predicted next UID",
                                                   "* OK [NOMODSEQ] No mod-sequences here"}
                              << 0u << 3u << 1u << quint64(0);
    // Cyrus: a HIGHESTMODSEQ beyond 32 bits, and codes that change nothing here (URLMECH, ANNOTATIONS).
    QTest::newRow("cyrus") << QList<QByteArray>{"* 12 EXISTS",
                                                "* 0 RECENT",
                                                "* OK [UIDVALIDITY 1633012345]",
                                                "* OK [UIDNEXT 40]",
                                                "* OK [HIGHESTMODSEQ 5000000000]",
                                                "* OK [URLMECH INTERNAL] Ok",
                                                "* OK [ANNOTATIONS 65536] Ok"}
                           << 12u << 1633012345u << 40u << quint64(5000000000);
}

void TestImapExtensions::examineOfRealServers()
{
    QFETCH(QList<QByteArray>, lines);
    QString error;
    const auto state = ImapSelectParser::parse(lines, &error);
    QVERIFY2(state, qPrintable(error));
    QTEST(state->exists, "exists");
    QTEST(state->uidValidity, "uidValidity");
    QTEST(state->uidNext, "uidNext");
    QTEST(state->highestModSeq, "highestModSeq");
}

void TestImapExtensions::malformedExamineIsRefused_data()
{
    QTest::addColumn<QList<QByteArray>>("lines");
    QTest::addColumn<QString>("reason");
    const QByteArray exists = "* 3 EXISTS";
    const QByteArray validity = "* OK [UIDVALIDITY 7] UIDs valid";
    QTest::newRow("no uidvalidity") << QList<QByteArray>{exists, "* OK [UIDNEXT 4] next"}
                                    << u"no UIDVALIDITY"_s;
    QTest::newRow("no exists") << QList<QByteArray>{validity} << u"no EXISTS"_s;
    QTest::newRow("zero uidvalidity")
        << QList<QByteArray>{exists, "* OK [UIDVALIDITY 0] x"} << u"UIDVALIDITY is no number"_s;
    QTest::newRow("uidvalidity beyond 32 bits")
        << QList<QByteArray>{exists, "* OK [UIDVALIDITY 4294967296] x"} << u"UIDVALIDITY is no number"_s;
    QTest::newRow("letters") << QList<QByteArray>{exists, validity, "* OK [UIDNEXT 4a] x"}
                             << u"UIDNEXT is no number"_s;
    QTest::newRow("count no number") << QList<QByteArray>{"* -3 EXISTS", validity} << u"no number"_s;
    QTest::newRow("modseq too long") << QList<QByteArray>{exists, validity,
                                                          "* OK [HIGHESTMODSEQ 99999999999999999999]"}
                                     << u"HIGHESTMODSEQ is no number"_s;
    QTest::newRow("unclosed code") << QList<QByteArray>{exists, "* OK [UIDVALIDITY 7 UIDs valid"}
                                   << u"unclosed"_s;
    QTest::newRow("two values") << QList<QByteArray>{exists, "* OK [UIDVALIDITY 7 8] x"} << u"single value"_s;
}

void TestImapExtensions::malformedExamineIsRefused()
{
    QFETCH(QList<QByteArray>, lines);
    QFETCH(QString, reason);
    QString error;
    QVERIFY(!ImapSelectParser::parse(lines, &error));
    QVERIFY2(error.contains(reason), qPrintable(error));
}

void TestImapExtensions::listLinesGiveTheFoldersVmimeWould()
{
    // Dovecot's answer to LIST "" "*" RETURN (SPECIAL-USE CHILDREN STATUS (…)): LIST and STATUS
    // lines in turn; names atoms, quoted, literals, in modified UTF-7; a \Noselect parent.
    QString error;
    const auto folders = FolderList::fromListResponses(
        {"* LIST (\\HasNoChildren \\Trash) \"/\" Trash",
         "* STATUS Trash (MESSAGES 2 UIDNEXT 3 UIDVALIDITY 1 HIGHESTMODSEQ 4)",
         "* LIST (\\Noselect \\HasChildren) \"/\" \"Conseils de classe\"",
         "* LIST (\\HasNoChildren) \"/\" \"Conseils de classe/&AMk-l&AOg-ves\"",
         "* LIST (\\HasChildren \\NoSelect) \"/\" shared/jmartin",
         "* LIST (\\HasNoChildren) \"/\" {23}\r\nshared/jmartin/Projets/",
         "* LIST (\\HasNoChildren \\sent) \"/\" Sent ((\"CHILDINFO\" (\"SUBSCRIBED\")))",
         "* LIST (\\HasNoChildren) NIL Plat", "* 4 EXISTS", "* LIST (\\HasNoChildren) \"/\" inbox",
         "* STATUS INBOX (MESSAGES 0 UIDNEXT 1 UIDVALIDITY 1 HIGHESTMODSEQ 1)"},
        u'/', true, &error);
    QVERIFY2(folders, qPrintable(error));
    QStringList paths;
    for (const FolderInfo &folder : *folders)
        paths.append(folder.path());
    // The inbox, the special folders, then the others by path (FolderList's order).
    QCOMPARE(paths, (QStringList{u"INBOX"_s, u"Sent"_s, u"Trash"_s, u"Conseils de classe"_s,
                                 u"Conseils de classe/Élèves"_s, u"Plat"_s, u"shared/jmartin"_s,
                                 u"shared/jmartin/Projets"_s}));
    QCOMPARE(folders->at(0).role, FolderInfo::Role::Inbox);
    QCOMPARE(folders->at(1).role, FolderInfo::Role::Sent);
    QCOMPARE(folders->at(2).role, FolderInfo::Role::Trash);
    QVERIFY(!folders->at(3).selectable);
    QVERIFY(folders->at(3).hasChildren);
    QCOMPARE(folders->at(4).pathParts, (QStringList{u"Conseils de classe"_s, u"Élèves"_s}));
    QVERIFY(folders->at(4).selectable);
    QVERIFY(!folders->at(4).hasChildren);
    QCOMPARE(folders->at(6).pathParts, (QStringList{u"shared"_s, u"jmartin"_s}));
    QVERIFY(!folders->at(6).selectable);
    QCOMPARE(folders->at(7).pathParts, (QStringList{u"shared"_s, u"jmartin"_s, u"Projets"_s}));
    for (const FolderInfo &folder : *folders)
        QCOMPARE(folder.separator, u'/');

    // Without CHILDREN, VMime takes a folder without \HasNoChildren to have children.
    const auto withoutChildren = FolderList::fromListResponses({"* LIST () \"/\" Projets"}, u'/', false);
    QVERIFY(withoutChildren);
    QVERIFY(withoutChildren->first().hasChildren);
}

void TestImapExtensions::malformedListIsRefused_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::newRow("no flags") << QByteArray("* LIST \"/\" INBOX");
    QTest::newRow("unclosed flags") << QByteArray("* LIST (\\HasNoChildren \"/\" INBOX");
    QTest::newRow("long delimiter") << QByteArray("* LIST () \"//\" INBOX");
    QTest::newRow("no name") << QByteArray("* LIST () \"/\"");
    QTest::newRow("list as a flag") << QByteArray("* LIST ((x)) \"/\" INBOX");
    QTest::newRow("literal beyond the line") << QByteArray("* LIST () \"/\" {40}\r\nINBOX");
}

void TestImapExtensions::malformedListIsRefused()
{
    QFETCH(QByteArray, line);
    QString error;
    QVERIFY(!FolderList::fromListResponses({"* LIST () \"/\" Trash", line}, u'/', true, &error));
    QVERIFY2(error.startsWith(u"LIST: "_s), qPrintable(error));
}

void TestImapExtensions::listingNamespacesAndStatesInOneRoundTrip()
{
    // NAMESPACE and the LIST go in one write; VMime's parser then reads the next reply: the
    // stream stayed in step.
    ImapScenario scenario;
    scenario
        .capabilities("IMAP4rev1 AUTH=PLAIN LITERAL+ CONDSTORE NAMESPACE LIST-EXTENDED LIST-STATUS "
                      "SPECIAL-USE CHILDREN")
        .expect(u"NAMESPACE"_s)
        .send("* NAMESPACE ((\"\" \"/\")) ((\"shared/\" \"/\")) NIL\r\n")
        .ok()
        .expect(
            uR"(LIST "" "\*" RETURN \(SPECIAL-USE CHILDREN STATUS \(MESSAGES UIDNEXT UIDVALIDITY HIGHESTMODSEQ\)\))"_s)
        .send("* LIST (\\HasNoChildren \\Drafts) \"/\" Drafts\r\n"
              "* STATUS Drafts (MESSAGES 1 UIDNEXT 5 UIDVALIDITY 9 HIGHESTMODSEQ 12)\r\n"
              "* LIST (\\HasNoChildren) \"/\" INBOX\r\n"
              "* STATUS INBOX (MESSAGES 3 UIDNEXT 4 UIDVALIDITY 9 HIGHESTMODSEQ 30)\r\n")
        .ok()
        .expect(uR"(EXAMINE INBOX \(CONDSTORE\))"_s)
        .send(ImapScenario::mailbox(3, 9, 4, 30))
        .ok("[READ-ONLY] done");
    ImapScenarioPlayer player(scenario, m_certificates->serverIdentity());
    std::optional<ImapCommandChannel::MailboxListing> listing;
    ImapCommandChannel::MailboxState state;
    {
        const auto connection = login(player);
        QVERIFY(connection->isOpen());
        ImapCommandChannel channel(*connection);
        listing = channel.listMailboxes(true);
        state = channel.examine(u"INBOX"_s);
    }
    QVERIFY2(player.isComplete(), qPrintable(player.report()));
    QVERIFY(listing);
    QCOMPARE(listing->folders.size(), 2);
    QCOMPARE(listing->folders.at(0).path(), u"INBOX"_s);
    QCOMPARE(listing->folders.at(1).role, FolderInfo::Role::Drafts);
    QCOMPARE(listing->states.value(u"Drafts"_s).uidNext, 5u);
    QCOMPARE(listing->states.value(u"INBOX"_s).highestModSeq, 30u);
    QVERIFY(listing->namespaces);
    QCOMPARE(listing->namespaces->otherUsers.size(), 1);
    QCOMPARE(state.exists, 3u);
    // NAMESPACE and LIST together, the EXAMINE on its own (a LOGOUT may follow, or not yet).
    const QList<QList<QByteArray>> trips = player.transcript().roundTrips();
    const auto batch = std::find_if(trips.cbegin(), trips.cend(),
                                    [](const QList<QByteArray> &trip) { return trip.contains("NAMESPACE"); });
    QVERIFY2(batch != trips.cend(), qPrintable(player.report()));
    QCOMPARE(batch->size(), 2);
    QVERIFY2(batch + 1 != trips.cend() && batch[1].size() == 1 && batch[1].first().startsWith("EXAMINE"),
             qPrintable(player.report()));
}

void TestImapExtensions::inboxExaminedBeforeTheListInTheSameWrite()
{
    // NAMESPACE, the inbox's EXAMINE and the LIST in one write; the EXAMINE's state comes back
    // read without VMime's parser, and the next listing's EXAMINE leaves the inbox (no UNSELECT).
    // A refused EXAMINE gives no state and leaves nothing selected.
    const QByteArray listed = "* LIST (\\HasNoChildren) \"/\" INBOX\r\n"
                              "* STATUS INBOX (MESSAGES 3 UIDNEXT 4 UIDVALIDITY 9 HIGHESTMODSEQ 30)\r\n";
    ImapScenario scenario;
    scenario
        .capabilities("IMAP4rev1 AUTH=PLAIN LITERAL+ CONDSTORE NAMESPACE LIST-EXTENDED LIST-STATUS "
                      "SPECIAL-USE CHILDREN UNSELECT")
        .expect(u"NAMESPACE"_s)
        .send("* NAMESPACE ((\"\" \"/\")) NIL NIL\r\n")
        .ok()
        .expect(uR"(EXAMINE INBOX \(CONDSTORE\))"_s)
        .send(ImapScenario::mailbox(3, 9, 4, 30))
        .ok("[READ-ONLY] done")
        .expect(uR"(LIST "" "\*" RETURN .*)"_s)
        .send(listed)
        .ok()
        .expect(uR"(EXAMINE INBOX \(CONDSTORE\))"_s)
        .no("[SERVERBUG] not now")
        .expect(uR"(LIST "" "\*" RETURN .*)"_s)
        .send(listed)
        .ok()
        .expect(uR"(LIST "" "\*" RETURN .*)"_s)
        .send(listed)
        .ok();
    ImapScenarioPlayer player(scenario, m_certificates->serverIdentity());
    std::optional<ImapCommandChannel::MailboxListing> first;
    std::optional<ImapCommandChannel::MailboxListing> refused;
    std::optional<ImapCommandChannel::MailboxListing> plain;
    {
        const auto connection = login(player);
        QVERIFY(connection->isOpen());
        ImapCommandChannel channel(*connection);
        first = channel.listMailboxes(true, u"INBOX"_s);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"EXAMINE along the LIST: .*not now"_s));
        refused = channel.listMailboxes(false, u"INBOX"_s);
        // The refused EXAMINE left nothing selected (RFC 3501 §6.3.1): a listing without it
        // needs no UNSELECT.
        plain = channel.listMailboxes(false);
    }
    QVERIFY2(player.isComplete(), qPrintable(player.report()));
    QVERIFY(first && first->examined);
    QCOMPARE(first->examined->exists, 3u);
    QCOMPARE(first->examined->uidValidity, 9u);
    QCOMPARE(first->examined->uidNext, 4u);
    QCOMPARE(first->examined->highestModSeq, 30u);
    QVERIFY(first->namespaces);
    QCOMPARE(first->states.value(u"INBOX"_s).highestModSeq, 30u);
    QVERIFY(refused && !refused->examined);
    QCOMPARE(refused->states.value(u"INBOX"_s).uidNext, 4u);
    QVERIFY(plain && !plain->examined);
    QCOMPARE(player.transcript().count(u"^UNSELECT"_s), 0);
    const QList<QList<QByteArray>> trips = player.transcript().roundTrips();
    const auto batch = std::find_if(trips.cbegin(), trips.cend(),
                                    [](const QList<QByteArray> &trip) { return trip.contains("NAMESPACE"); });
    QVERIFY2(batch != trips.cend() && batch->size() == 3 && batch->at(1).startsWith("EXAMINE INBOX"),
             qPrintable(player.report()));
}

void TestImapExtensions::refusedCommandInABatchKeepsTheStreamInStep()
{
    ImapScenario scenario;
    scenario.capabilities("IMAP4rev1 AUTH=PLAIN LITERAL+ CONDSTORE ACL")
        .expect(uR"(MYRIGHTS "?shared/jmartin/Projets"?)"_s)
        .no("[NONEXISTENT] no such mailbox")
        .expect(uR"(MYRIGHTS "?shared/jmartin/Classe"?)"_s)
        .send("* MYRIGHTS shared/jmartin/Classe lr\r\n")
        .ok()
        .expect(uR"(EXAMINE INBOX \(CONDSTORE\))"_s)
        .send(ImapScenario::mailbox(3, 9, 4, 30))
        .ok("[READ-ONLY] done");
    ImapScenarioPlayer player(scenario, m_certificates->serverIdentity());
    std::optional<QList<std::optional<ImapRights>>> rights;
    ImapCommandChannel::MailboxState state;
    {
        const auto connection = login(player);
        QVERIFY(connection->isOpen());
        ImapCommandChannel channel(*connection);
        rights = channel.myRights(QStringList{u"shared/jmartin/Projets"_s, u"shared/jmartin/Classe"_s});
        state = channel.examine(u"INBOX"_s);
    }
    QVERIFY2(player.isComplete(), qPrintable(player.report()));
    QVERIFY(rights);
    QCOMPARE(rights->size(), 2);
    QVERIFY(!rights->at(0));
    QVERIFY(rights->at(1));
    QCOMPARE(rights->at(1)->letters(), u"lr"_s);
    QCOMPARE(state.uidNext, 4u);
    // Both MYRIGHTS in one round trip (a LOGOUT may follow, or not yet).
    const QList<QList<QByteArray>> trips = player.transcript().roundTrips();
    const auto batch = std::find_if(trips.cbegin(), trips.cend(), [](const QList<QByteArray> &trip) {
        return trip.first().startsWith("MYRIGHTS");
    });
    QVERIFY2(batch != trips.cend(), qPrintable(player.report()));
    QCOMPARE(batch->size(), 2);
}

void TestImapExtensions::loginCapabilitiesSpareTheCapabilityCommand()
{
    // The login's tagged OK carries [CAPABILITY …]: nothing asks for them again.
    ImapScenario scenario;
    scenario.capabilities("IMAP4rev1 AUTH=PLAIN LITERAL+ CONDSTORE QUOTA");
    ImapScenarioPlayer player(scenario, m_certificates->serverIdentity());
    {
        const auto connection = login(player);
        QVERIFY(connection->isOpen());
        QVERIFY(std::find(connection->capabilities().cbegin(), connection->capabilities().cend(), "QUOTA") !=
                connection->capabilities().cend());
        ImapCommandChannel channel(*connection);
        QVERIFY(channel.hasCapability("quota"));
        QVERIFY(channel.hasCapability("CONDSTORE"));
        QVERIFY(!channel.hasCapability("ACL"));
    }
    QVERIFY2(player.failures().isEmpty(), qPrintable(player.report()));
    QCOMPARE(player.transcript().count(u"^CAPABILITY"_s), 0);
}

void TestImapExtensions::initialResponseOnlyWhereTheServerTakesIt_data()
{
    QTest::addColumn<QByteArray>("capabilities");
    QTest::addColumn<bool>("initialResponse");
    QTest::newRow("SASL-IR") << QByteArray("IMAP4rev1 SASL-IR AUTH=PLAIN") << true;
    QTest::newRow("no SASL-IR") << QByteArray("IMAP4rev1 AUTH=PLAIN") << false;
}

void TestImapExtensions::initialResponseOnlyWhereTheServerTakesIt()
{
    // SASL-IR (RFC 4959) spares the round trip of the empty continuation; a server that did not
    // announce it gets the mechanism alone.
    QFETCH(QByteArray, capabilities);
    QFETCH(bool, initialResponse);
    ImapScenario scenario;
    scenario.capabilities(capabilities);
    ImapScenarioPlayer player(scenario, m_certificates->serverIdentity());
    {
        const auto connection = login(player);
        QVERIFY(connection->isOpen());
    }
    const QList<QByteArray> logins = player.transcript().matching(u"^AUTHENTICATE"_s);
    QCOMPARE(logins.size(), 1);
    QCOMPARE(logins.first().split(' ').size(), initialResponse ? 3 : 2);
    QVERIFY(logins.first().startsWith("AUTHENTICATE PLAIN"));
    // The login is the first round trip after the greeting; the LIST "" "" VMime asks next.
    const QList<QList<QByteArray>> trips = player.transcript().roundTrips();
    QVERIFY(trips.first().first().startsWith("AUTHENTICATE PLAIN"));
}

namespace {

/// Credentials for a SASL session outside any service.
class FixedCredentials : public vmime::security::sasl::defaultSASLAuthenticator
{
public:
    const vmime::string getUsername() const override { return "mdupont"; }
    const vmime::string getPassword() const override { return "Mot-de-passe-1"; }
};

/// One step of a mechanism: its response, or the exception's type name.
QByteArray stepOf(vmime::security::sasl::SASLSession &session, const QByteArray &challenge)
{
    vmime::byte_t *response = nullptr;
    size_t length = 0;
    session.evaluateChallenge(reinterpret_cast<const vmime::byte_t *>(challenge.constData()),
                              size_t(challenge.size()), &response, &length);
    const QByteArray result(reinterpret_cast<const char *>(response), qsizetype(length));
    delete[] response;
    return result;
}

} // namespace

void TestImapExtensions::scramProvesTheServer()
{
    // The server side of RFC 5802 computed here with Qt's own PBKDF2 and HMAC: the client (OpenSSL's
    // PBKDF2) must produce the proof this server expects and accept only its true signature.
    VmimePlatform::ensureInstalled();
    const auto context = vmime::security::sasl::SASLContext::create();
    for (const bool honest : {true, false}) {
        const auto mechanism =
            vmime::security::sasl::SASLMechanismFactory::getInstance()->create(context, "SCRAM-SHA-256");
        const auto session =
            context->createSession("imap", vmime::make_shared<FixedCredentials>(), mechanism);
        session->init();
        const QByteArray clientFirst = stepOf(*session, {});
        QVERIFY(clientFirst.startsWith("n,,n=mdupont,r="));
        const QByteArray clientFirstBare = clientFirst.mid(3);
        const QByteArray nonce = clientFirst.mid(clientFirst.indexOf(",r=") + 3) + "serverpart";
        const QByteArray salt = "sel-de-Guérande";
        const QByteArray serverFirst = "r=" + nonce + ",s=" + salt.toBase64() + ",i=4096";
        const QByteArray clientFinal = stepOf(*session, serverFirst);
        const QByteArray withoutProof = "c=biws,r=" + nonce;
        QVERIFY(clientFinal.startsWith(QByteArray(withoutProof + ",p=")));
        const auto algorithm = QCryptographicHash::Sha256;
        const QByteArray salted =
            QPasswordDigestor::deriveKeyPbkdf2(algorithm, "Mot-de-passe-1", salt, 4096, 32);
        const QByteArray authMessage = clientFirstBare + ',' + serverFirst + ',' + withoutProof;
        const QByteArray clientKey = QMessageAuthenticationCode::hash("Client Key", salted, algorithm);
        const QByteArray signature = QMessageAuthenticationCode::hash(
            authMessage, QCryptographicHash::hash(clientKey, algorithm), algorithm);
        QByteArray proof = clientKey;
        for (qsizetype i = 0; i < proof.size(); ++i)
            proof[i] = char(proof[i] ^ signature[i]);
        QCOMPARE(clientFinal, withoutProof + ",p=" + proof.toBase64());
        QByteArray serverSignature = QMessageAuthenticationCode::hash(
            authMessage, QMessageAuthenticationCode::hash("Server Key", salted, algorithm), algorithm);
        if (!honest)
            serverSignature[0] = char(serverSignature[0] ^ 1); // a server that does not know the password
        const QByteArray serverFinal = "v=" + serverSignature.toBase64();
        if (honest) {
            QCOMPARE(stepOf(*session, serverFinal), QByteArray());
            QVERIFY(mechanism->isComplete());
        } else {
            // Not a sasl_exception: VMime would answer it by trying the next mechanism, PLAIN.
            QVERIFY_THROWS_EXCEPTION(vmime::exceptions::authentication_error, stepOf(*session, serverFinal));
            QVERIFY(!mechanism->isComplete());
        }
    }
}

void TestImapExtensions::scramLoginWithoutTheServerProofIsRefused()
{
    // The player's default login answers OK to any AUTHENTICATE at once: after SCRAM's first
    // message, before the server proved anything. VMime takes any OK as success; the login must fail.
    ImapScenario scenario;
    scenario.capabilities("IMAP4rev1 SASL-IR AUTH=SCRAM-SHA-256 AUTH=PLAIN");
    ImapScenarioPlayer player(scenario, m_certificates->serverIdentity());
    {
        const auto connection = login(player);
        QVERIFY(!connection->isOpen());
    }
    const QList<QByteArray> logins = player.transcript().matching(u"^AUTHENTICATE"_s);
    QCOMPARE(logins.size(), 1);
    QVERIFY(logins.first().startsWith("AUTHENTICATE SCRAM-SHA-256 "));
}

void TestImapExtensions::scramFailureNeverFallsBackToPlain()
{
    // A server-first that does not extend our nonce: the exchange ends there. GNU SASL's error was
    // a sasl_exception, on which VMime sent « * » and tried PLAIN: the password, in the clear
    // inside TLS, to the server that had just failed SCRAM.
    ImapScenario scenario;
    scenario.capabilities("IMAP4rev1 SASL-IR AUTH=SCRAM-SHA-256 AUTH=PLAIN");
    scenario.expect(u"AUTHENTICATE SCRAM-SHA-256 .*"_s)
        .send("+ " + QByteArray("r=not-our-nonce,s=" + QByteArray("sel").toBase64() + ",i=4096").toBase64() +
              "\r\n");
    ImapScenarioPlayer player(scenario, m_certificates->serverIdentity());
    {
        const auto connection = login(player);
        QVERIFY(!connection->isOpen());
    }
    QCOMPARE(player.transcript().matching(u"^AUTHENTICATE PLAIN"_s).size(), 0);
    QCOMPARE(player.transcript().matching(u"^AUTHENTICATE SCRAM-SHA-256"_s).size(), 1);
}

void TestImapExtensions::loginMechanismsPassTheStreamUnchanged()
{
    // VMime wraps the connection in a SASL socket after any login and runs every byte through the
    // mechanism's decode(); PLAIN and SCRAM have no security layer, so ours hands it back as it
    // came (one memcpy; Debian's unoptimised GSASL round trip copied it byte by byte).
    VmimePlatform::ensureInstalled();
    const auto context = vmime::security::sasl::SASLContext::create();
    QByteArray stream;
    for (int i = 0; i < 70000; ++i)
        stream.append(char(i * 7 % 256)); // every byte value, past a 64 KiB read
    for (const char *name : {"PLAIN", "SCRAM-SHA-1", "SCRAM-SHA-256"}) {
        const auto mechanism =
            vmime::security::sasl::SASLMechanismFactory::getInstance()->create(context, name);
        // What VMime creates for that name: ours, GNU SASL's only for PLAIN.
        QVERIFY2(std::string(name) == "PLAIN"
                     ? bool(std::dynamic_pointer_cast<InitialResponseSaslMechanism>(mechanism))
                     : bool(std::dynamic_pointer_cast<ScramSaslMechanism>(mechanism)),
                 name);
        for (const qsizetype size : {qsizetype(0), qsizetype(1), stream.size()}) {
            const auto *input = reinterpret_cast<const vmime::byte_t *>(stream.constData());
            vmime::byte_t *decoded = nullptr;
            size_t decodedSize = 0;
            mechanism->decode(nullptr, input, size_t(size), &decoded, &decodedSize);
            QCOMPARE(QByteArray(reinterpret_cast<const char *>(decoded), qsizetype(decodedSize)),
                     stream.left(size));
            delete[] decoded; // as SASLSocket frees it
            vmime::byte_t *encoded = nullptr;
            size_t encodedSize = 0;
            mechanism->encode(nullptr, input, size_t(size), &encoded, &encodedSize);
            QCOMPARE(QByteArray(reinterpret_cast<const char *>(encoded), qsizetype(encodedSize)),
                     stream.left(size));
            delete[] encoded;
        }
    }
}

void TestImapExtensions::namespacesThroughTheChannel()
{
    // Read raw, then VMime's parser reads the next reply: the stream stayed in step.
    ImapScenario scenario;
    scenario.capabilities("IMAP4rev1 AUTH=PLAIN LITERAL+ CONDSTORE NAMESPACE")
        .expect(u"NAMESPACE"_s)
        .send("* NAMESPACE ((\"\" \"/\")) ((\"Autres utilisateurs/\" \"/\")) ((\"Partag&AOk-s/\" \"/\"))\r\n")
        .ok("Namespace completed")
        .expect(uR"(EXAMINE INBOX \(CONDSTORE\))"_s)
        .send(ImapScenario::mailbox(4, 7, 9, 20))
        .ok("[READ-ONLY] done");
    ImapScenarioPlayer player(scenario, m_certificates->serverIdentity());
    std::optional<ImapNamespaceParser::Namespaces> namespaces;
    ImapCommandChannel::MailboxState state;
    {
        const auto connection = login(player);
        QVERIFY(connection->isOpen());
        ImapCommandChannel channel(*connection);
        namespaces = channel.namespaces();
        state = channel.examine(u"INBOX"_s);
    }
    QVERIFY2(player.isComplete(), qPrintable(player.report()));
    QVERIFY(namespaces);
    QCOMPARE(namespaces->personal, (NamespaceList{{u""_s, u'/'}}));
    QCOMPARE(namespaces->otherUsers, (NamespaceList{{u"Autres utilisateurs/"_s, u'/'}}));
    QCOMPARE(namespaces->shared, (NamespaceList{{u"Partagés/"_s, u'/'}}));
    QCOMPARE(state.exists, 4u);
    QCOMPARE(state.highestModSeq, 20u);
}

void TestImapExtensions::myRightsThroughTheChannel()
{
    // The mailbox goes out in modified UTF-7 and comes back decoded.
    ImapScenario scenario;
    scenario.capabilities("IMAP4rev1 AUTH=PLAIN LITERAL+ ACL RIGHTS=texk")
        .expect(uR"(MYRIGHTS "?Partag&AOk-s/Vie scolaire"?)"_s)
        .send("* MYRIGHTS \"Partag&AOk-s/Vie scolaire\" lrsi\r\n")
        .ok("Myrights completed")
        .expect(u"MYRIGHTS INBOX"_s)
        .no("[NOPERM] not allowed");
    ImapScenarioPlayer player(scenario, m_certificates->serverIdentity());
    std::optional<ImapRights> rights;
    QString refusal;
    {
        const auto connection = login(player);
        QVERIFY(connection->isOpen());
        ImapCommandChannel channel(*connection);
        rights = channel.myRights(u"Partagés/Vie scolaire"_s);
        try {
            channel.myRights(u"INBOX"_s);
        } catch (const vmime::exceptions::command_error &error) {
            refusal = QString::fromStdString(error.response());
        }
    }
    QVERIFY2(player.isComplete(), qPrintable(player.report()));
    QVERIFY(rights);
    QCOMPARE(rights->letters(), u"ilrs"_s);
    QVERIFY(rights->mayInsert());
    QVERIFY(!rights->mayDeleteMessages());
    QVERIFY(!rights->mayWrite());
    QVERIFY(!rights->mayCreateSubfolder());
    QVERIFY2(refusal.contains(u"not allowed"_s), qPrintable(refusal));
}

void TestImapExtensions::quotaRootThroughTheChannel()
{
    // Literals on the wire, two roots, and an unsolicited line in the middle.
    ImapScenario scenario;
    scenario.capabilities("IMAP4rev1 AUTH=PLAIN LITERAL+ QUOTA QUOTA=RES-STORAGE QUOTA=RES-MESSAGE")
        .expect(u"GETQUOTAROOT INBOX"_s)
        .send("* QUOTAROOT INBOX {10}\r\nUser quota \"Shared\"\r\n"
              "* 5 EXISTS\r\n"
              "* QUOTA {10}\r\nUser quota (STORAGE 1234 10240 MESSAGE 12 1000)\r\n"
              "* QUOTA \"Shared\" (STORAGE 9 100)\r\n")
        .ok("Getquotaroot completed");
    ImapScenarioPlayer player(scenario, m_certificates->serverIdentity());
    std::optional<ImapQuotaParser::QuotaRoots> quota;
    {
        const auto connection = login(player);
        QVERIFY(connection->isOpen());
        ImapCommandChannel channel(*connection);
        quota = channel.quotaRoot(u"INBOX"_s);
    }
    QVERIFY2(player.isComplete(), qPrintable(player.report()));
    QVERIFY(quota);
    QCOMPARE(quota->roots, (QStringList{u"User quota"_s, u"Shared"_s}));
    QCOMPARE(quota->quotas.size(), 2);
    QCOMPARE(quota->quotas.at(0).storage()->usage, 1234u);
    QCOMPARE(quota->quotas.at(0).storage()->limit, 10240u);
    QCOMPARE(quota->quotas.at(0).messages()->limit, 1000u);
    QCOMPARE(quota->quotas.at(1).storage()->limit, 100u);
    QCOMPARE(player.transcript().matching(u"QUOTA"_s), QList<QByteArray>{"GETQUOTAROOT INBOX"});
}

void TestImapExtensions::commandsReadLaterLeaveAtOnce()
{
    // QtSslSocket keeps what is written until the next read (a pipelined batch goes out as one
    // TLS record). A FETCH sent before the previous batch is stored, and a GETQUOTAROOT sent
    // before the cache removes what was expunged, must reach the server then, not when the
    // client reads again: the server works on them while the client does.
    ImapScenario scenario;
    scenario.capabilities("IMAP4rev1 AUTH=PLAIN LITERAL+ QUOTA")
        .expect(uR"(UID FETCH 7 \(UID FLAGS\))"_s)
        .send("* 1 FETCH (UID 7 FLAGS (\\Seen))\r\n")
        .ok()
        .expect(u"GETQUOTAROOT INBOX"_s)
        .send("* QUOTAROOT INBOX \"User quota\"\r\n* QUOTA \"User quota\" (STORAGE 10 100)\r\n")
        .ok();
    ImapScenarioPlayer player(scenario, m_certificates->serverIdentity());
    qint64 afterLogin = 0;
    qint64 afterFetch = 0;
    qint64 afterQuota = 0;
    QList<quint32> uids;
    std::optional<ImapQuotaParser::QuotaRoots> roots;
    {
        const auto connection = login(player);
        QVERIFY(connection->isOpen());
        ImapCommandChannel channel(*connection);
        afterLogin = connection->lastConnectionReport().bytesSent;
        channel.sendFetch("7", "(UID FLAGS)");
        afterFetch = connection->lastConnectionReport().bytesSent;
        channel.readFetch([&](FetchedMessage &&message, QByteArray &&) { uids.append(message.uid); });
        QVERIFY(channel.sendQuotaRoot(u"INBOX"_s));
        afterQuota = connection->lastConnectionReport().bytesSent;
        roots = channel.readQuotaRoot();
    }
    QVERIFY2(player.isComplete(), qPrintable(player.report()));
    // "a003 UID FETCH 7 (UID FLAGS)\r\n" and "a004 GETQUOTAROOT INBOX\r\n" handed to the network
    // before anything was read.
    QCOMPARE(afterFetch - afterLogin, qint64(QByteArrayView("a003 UID FETCH 7 (UID FLAGS)\r\n").size()));
    QCOMPARE(afterQuota - afterFetch, qint64(QByteArrayView("a004 GETQUOTAROOT INBOX\r\n").size()));
    QCOMPARE(uids, QList<quint32>{7});
    QVERIFY(roots);
    QCOMPARE(roots->quotas.first().storage()->usage, quint64(10));
}

void TestImapExtensions::replyHeldWhileTheBufferWasFullIsRead()
{
    // QSslSocket's read buffer is bounded (QtSslSocket, kReadBufferBytes). A reply that arrives
    // while nobody reads (the window's kept connection between two jobs, its event loop running)
    // fills it, then the TCP socket's own buffer; the rest waits in the kernel. QSslSocket leaves
    // those bytes undecrypted and only queues their decryption to the event loop, which a
    // blocking reader does not run: the reader must make it decrypt them, not wait for the network.
    constexpr int kLines = 6000; // 35 bytes each: 210 KB, more than both buffers hold
    QByteArray flood;
    for (int i = 0; i < kLines; ++i)
        flood += "* 1 FETCH (UID 7 FLAGS (\\Seen))\r\n";
    ImapScenario scenario;
    scenario.capabilities("IMAP4rev1 AUTH=PLAIN LITERAL+")
        .expect(uR"(UID FETCH 7 \(UID FLAGS\))"_s)
        .send(flood)
        .ok();
    ImapScenarioPlayer player(scenario, m_certificates->serverIdentity());
    int messages = 0;
    std::optional<std::string> failure;
    {
        const auto connection = login(player);
        QVERIFY(connection->isOpen());
        ImapCommandChannel channel(*connection);
        channel.sendFetch("7", "(UID FLAGS)");
        // The whole reply was handed to the network once the player moved past it (its tagged OK
        // goes out after the untagged lines; loopback queues them in our socket at once).
        QTRY_VERIFY(player.isComplete());
        // The idle window: its event loop lets QSslSocket read until its buffers are full.
        for (int turn = 0; turn < 50; ++turn)
            QCoreApplication::processEvents();
        try {
            channel.readFetch([&](FetchedMessage &&message, QByteArray &&) {
                if (message.uid == 7)
                    ++messages;
            });
        } catch (const vmime::exception &error) {
            failure = error.what();
        }
    }
    QVERIFY2(!failure, failure ? failure->c_str() : "");
    QCOMPARE(messages, kLines);
}

void TestImapExtensions::fetchesInFlightAreReadInOrder()
{
    // The sync asks for the next batches before reading the first (FolderSynchronizer,
    // kBatchesInFlight), with a GETQUOTAROOT among them: every command leaves before any reply is
    // read, each reply reaches its own reader, bodies whole.
    const QByteArray first = "Subject: Conseil de classe\r\n\r\nLigne {5}\r\n(a1 OK)\r\n";
    const QByteArray second = "Subject: Sortie au musée\r\n\r\nBonjour\r\n";
    ImapScenario scenario;
    scenario.capabilities("IMAP4rev1 AUTH=PLAIN LITERAL+ QUOTA")
        .expect(uR"(UID FETCH 1:2 \(UID BODY.PEEK\[\]\))"_s)
        .send("* 1 FETCH (UID 1 BODY[] {" + QByteArray::number(first.size()) + "}\r\n" + first +
              ")\r\n* 2 FETCH (UID 2 BODY[] {" + QByteArray::number(second.size()) + "}\r\n" + second +
              ")\r\n")
        .ok()
        .expect(u"GETQUOTAROOT INBOX"_s)
        .send("* QUOTAROOT INBOX \"User quota\"\r\n* QUOTA \"User quota\" (STORAGE 10 100)\r\n")
        .ok()
        .expect(uR"(UID FETCH 3 \(UID BODY.PEEK\[\]\))"_s)
        .send("* 4 EXISTS\r\n* 3 FETCH (UID 3 BODY[] \"court\")\r\n")
        .ok();
    ImapScenarioPlayer player(scenario, m_certificates->serverIdentity());
    qint64 sentBeforeReading = 0;
    qint64 afterLogin = 0;
    QHash<quint32, QByteArray> bodies;
    QList<quint32> order;
    std::optional<ImapQuotaParser::QuotaRoots> roots;
    {
        const auto connection = login(player);
        QVERIFY(connection->isOpen());
        ImapCommandChannel channel(*connection);
        afterLogin = connection->lastConnectionReport().bytesSent;
        channel.sendFetch("1:2", "(UID BODY.PEEK[])");
        QVERIFY(channel.sendQuotaRoot(u"INBOX"_s));
        channel.sendFetch("3", "(UID BODY.PEEK[])");
        sentBeforeReading = connection->lastConnectionReport().bytesSent - afterLogin;
        const auto collect = [&](FetchedMessage &&message, QByteArray &&body) {
            order.append(message.uid);
            bodies.insert(message.uid, body);
        };
        channel.readFetch(collect);
        QCOMPARE(order, (QList<quint32>{1, 2}));
        channel.readFetch(collect);
        roots = channel.readQuotaRoot();
    }
    QVERIFY2(player.isComplete(), qPrintable(player.report()));
    QCOMPARE(sentBeforeReading, qint64(QByteArrayView("a003 UID FETCH 1:2 (UID BODY.PEEK[])\r\n"
                                                      "a004 GETQUOTAROOT INBOX\r\n"
                                                      "a005 UID FETCH 3 (UID BODY.PEEK[])\r\n")
                                           .size()));
    QCOMPARE(order, (QList<quint32>{1, 2, 3}));
    QCOMPARE(bodies.value(1), first);
    QCOMPARE(bodies.value(2), second);
    QCOMPARE(bodies.value(3), QByteArray("court"));
    QVERIFY(roots);
    QCOMPARE(roots->quotas.first().storage()->limit, quint64(100));
}

void TestImapExtensions::interleavedResponsesReachTheirOwnFetch()
{
    // A server may run pipelined commands at once and interleave their untagged responses (RFC
    // 3501 §5.5). Dovecot does: the flag changes asked right after a batch of bodies came before
    // that batch's tagged OK, and the sync took them for three new messages. Each response goes
    // to the FETCH that asked for its UID and its kind of item, whichever reply is being read.
    const QByteArray first = "Subject: Premier\r\n\r\nUn\r\n";
    const QByteArray second = "Subject: Second\r\n\r\nDeux\r\n";
    const QByteArray third = "Subject: Troisième\r\n\r\nTrois\r\n";
    const auto body = [](int sequence, int uid, const QByteArray &bytes) -> QByteArray {
        return "* " + QByteArray::number(sequence) + " FETCH (UID " + QByteArray::number(uid) + " BODY[] {" +
               QByteArray::number(bytes.size()) + "}\r\n" + bytes + ")\r\n";
    };
    ImapScenario scenario;
    scenario.capabilities("IMAP4rev1 AUTH=PLAIN LITERAL+ CONDSTORE QUOTA")
        .expect(uR"(UID FETCH 10:11 \(UID BODY.PEEK\[\]\))"_s)
        .send(body(1, 10, first))
        .expect(uR"(UID FETCH 12 \(UID BODY.PEEK\[\]\))"_s)
        .send(body(3, 12, third)) // the second batch's body, before the first batch is done
        .expect(u"GETQUOTAROOT INBOX"_s)
        .expect(uR"(UID FETCH 1:\* \(UID FLAGS\) \(CHANGEDSINCE 5\))"_s)
        .send("* 1 FETCH (UID 10 FLAGS (\\Seen) MODSEQ (9))\r\n" + body(2, 11, second) +
              "a003 OK Fetch completed.\r\n"
              "* 7 FETCH (UID 4 FLAGS (\\Flagged) MODSEQ (8))\r\n"
              "a004 OK Fetch completed.\r\n"
              "* QUOTAROOT INBOX \"User quota\"\r\n* QUOTA \"User quota\" (STORAGE 10 100)\r\n"
              "a005 OK Getquotaroot completed.\r\n")
        .ok();
    ImapScenarioPlayer player(scenario, m_certificates->serverIdentity());
    QList<QPair<quint32, QByteArray>> bodies;
    QList<QPair<quint32, QStringList>> flags;
    std::optional<ImapQuotaParser::QuotaRoots> roots;
    {
        const auto connection = login(player);
        QVERIFY(connection->isOpen());
        ImapCommandChannel channel(*connection);
        channel.sendFetch("10:11", "(UID BODY.PEEK[])");
        channel.sendFetch("12", "(UID BODY.PEEK[])");
        QVERIFY(channel.sendQuotaRoot(u"INBOX"_s));
        channel.sendFetch("1:*", "(UID FLAGS) (CHANGEDSINCE 5)");
        const auto collectBodies = [&](FetchedMessage &&message, QByteArray &&bytes) {
            bodies.append({message.uid, bytes});
        };
        channel.readFetch(collectBodies);
        QCOMPARE(bodies, (QList<QPair<quint32, QByteArray>>{{10, first}, {11, second}}));
        channel.readFetch(collectBodies);
        channel.readFetch([&](FetchedMessage &&message, QByteArray &&bytes) {
            QVERIFY(bytes.isEmpty());
            flags.append({message.uid, message.flags});
        });
        roots = channel.readQuotaRoot();
    }
    QVERIFY2(player.isComplete(), qPrintable(player.report()));
    QCOMPARE(bodies, (QList<QPair<quint32, QByteArray>>{{10, first}, {11, second}, {12, third}}));
    QCOMPARE(flags, (QList<QPair<quint32, QStringList>>{{10, {u"\\Seen"_s}}, {4, {u"\\Flagged"_s}}}));
    QVERIFY(roots);
    QCOMPARE(roots->quotas.first().storage()->usage, quint64(10));
}

void TestImapExtensions::examineAndFetchLeaveInOneWrite()
{
    // A folder the LIST showed changed: its EXAMINE and the new messages' sizes go together, one
    // round trip instead of two.
    ImapScenario scenario;
    scenario.expect(uR"(EXAMINE Archives \(CONDSTORE\))"_s)
        .send("* 3 EXISTS\r\n* OK [UIDVALIDITY 5] UIDs valid\r\n* OK [UIDNEXT 9] Predicted next UID\r\n"
              "* OK [HIGHESTMODSEQ 40] Highest\r\n")
        .ok("[READ-ONLY] Examine completed")
        .expect(uR"(UID FETCH 7:\* \(UID RFC822.SIZE\))"_s)
        .send("* 3 FETCH (UID 8 RFC822.SIZE 48213)\r\n")
        .ok();
    ImapScenarioPlayer player(scenario, m_certificates->serverIdentity());
    ImapCommandChannel::MailboxState state;
    qint64 sent = 0;
    QHash<quint32, qint64> sizes;
    {
        const auto connection = login(player);
        QVERIFY(connection->isOpen());
        ImapCommandChannel channel(*connection);
        const qint64 afterLogin = connection->lastConnectionReport().bytesSent;
        state = channel.examine(u"Archives"_s, {"7:*", "(UID RFC822.SIZE)"});
        sent = connection->lastConnectionReport().bytesSent - afterLogin;
        channel.readFetch(
            [&](FetchedMessage &&message, QByteArray &&) { sizes.insert(message.uid, message.size); });
    }
    QVERIFY2(player.isComplete(), qPrintable(player.report()));
    QCOMPARE(sent, qint64(QByteArrayView("a003 EXAMINE Archives (CONDSTORE)\r\n"
                                         "a004 UID FETCH 7:* (UID RFC822.SIZE)\r\n")
                              .size()));
    QCOMPARE(state.exists, 3u);
    QCOMPARE(state.uidValidity, 5u);
    QCOMPARE(state.uidNext, 9u);
    QCOMPARE(state.highestModSeq, quint64(40));
    QCOMPARE(sizes, (QHash<quint32, qint64>{{8, 48213}}));
}

void TestImapExtensions::refusedExamineDropsTheFetchSentWithIt()
{
    // The folder went away between the LIST and the EXAMINE: no mailbox is selected, the FETCH
    // sent with it fails, and the next command still gets its own reply.
    ImapScenario scenario;
    scenario.expect(uR"(EXAMINE Archives \(CONDSTORE\))"_s)
        .no("Mailbox doesn't exist: Archives")
        .expect(uR"(UID FETCH 1:\* \(UID RFC822.SIZE\))"_s)
        .bad("No mailbox selected")
        .expect(uR"(EXAMINE INBOX \(CONDSTORE\))"_s)
        .send("* 2 EXISTS\r\n* OK [UIDVALIDITY 1] x\r\n* OK [UIDNEXT 3] x\r\n* OK [HIGHESTMODSEQ 4] x\r\n")
        .ok();
    ImapScenarioPlayer player(scenario, m_certificates->serverIdentity());
    std::optional<std::string> refusal;
    ImapCommandChannel::MailboxState inbox;
    {
        const auto connection = login(player);
        QVERIFY(connection->isOpen());
        ImapCommandChannel channel(*connection);
        try {
            channel.examine(u"Archives"_s, {"1:*", "(UID RFC822.SIZE)"});
        } catch (const vmime::exceptions::command_error &error) {
            refusal = error.response();
        }
        inbox = channel.examine(u"INBOX"_s);
    }
    QVERIFY2(player.isComplete(), qPrintable(player.report()));
    QVERIFY(refusal);
    QVERIFY2(refusal->find("doesn't exist") != std::string::npos, refusal->c_str());
    QCOMPARE(inbox.exists, 2u);
    QCOMPARE(inbox.uidNext, 3u);
}

void TestImapExtensions::malformedFetchLeavesTheStreamInStep()
{
    // One response the reader cannot take (a UID beyond 32 bits), then a line no FETCH reply has:
    // the FETCH fails with the first thing wrong, once its whole reply is read, so the next
    // command reads its own reply.
    ImapScenario scenario;
    scenario.expect(uR"(UID FETCH 1:3 \(UID FLAGS\))"_s)
        .send("* 1 FETCH (UID 1 FLAGS (\\Seen))\r\n* 2 FETCH (UID 99999999999 FLAGS ())\r\n"
              "* 3 FETCH (UID 3 BODY[] {10}\r\nun\r\n(deux))\r\n+ stray continuation\r\n")
        .ok()
        .expect(uR"(UID FETCH 4 \(UID FLAGS\))"_s)
        .send("* 4 FETCH (UID 4 FLAGS (\\Flagged))\r\n")
        .ok();
    ImapScenarioPlayer player(scenario, m_certificates->serverIdentity());
    QList<quint32> uids;
    std::optional<ServiceError> error;
    {
        const auto connection = login(player);
        QVERIFY(connection->isOpen());
        ImapCommandChannel channel(*connection);
        const auto collect = [&](FetchedMessage &&message, QByteArray &&) {
            uids.append(message.uid);
        };
        try {
            channel.fetch("1:3", "(UID FLAGS)", collect);
        } catch (...) {
            error = connection->translate(std::current_exception());
        }
        channel.fetch("4", "(UID FLAGS)", collect);
    }
    QVERIFY2(player.isComplete(), qPrintable(player.report()));
    QVERIFY(error);
    QCOMPARE(error->kind, ServiceError::Kind::Protocol);
    QVERIFY2(error->technical.contains(u"UID is beyond 4294967295"_s), qPrintable(error->technical));
    QCOMPARE(uids, (QList<quint32>{1, 4}));
}

void TestImapExtensions::byeDuringAFetchIsAConnectionLoss()
{
    // The server shuts down in the middle of a batch: the reader says what the server said, as a
    // lost connection (the sync retries later), not as a message it could not read.
    ImapScenario scenario;
    scenario.expect(uR"(UID FETCH 1:2 \(UID FLAGS\))"_s)
        .send("* 1 FETCH (UID 1 FLAGS ())\r\n* BYE Server shutting down.\r\n")
        .drop();
    ImapScenarioPlayer player(scenario, m_certificates->serverIdentity());
    std::optional<ServiceError> error;
    QList<quint32> uids;
    {
        const auto connection = login(player);
        QVERIFY(connection->isOpen());
        ImapCommandChannel channel(*connection);
        try {
            channel.fetch("1:2", "(UID FLAGS)",
                          [&](FetchedMessage &&message, QByteArray &&) { uids.append(message.uid); });
        } catch (...) {
            error = connection->translate(std::current_exception());
        }
    }
    QVERIFY(error);
    QCOMPARE(error->kind, ServiceError::Kind::Network);
    QVERIFY2(error->technical.contains(u"Server shutting down"_s), qPrintable(error->technical));
    QCOMPARE(uids, QList<quint32>{1});
}

void TestImapExtensions::repliesEndingOutOfOrderReachTheirCommands_data()
{
    QTest::addColumn<QByteArray>("capabilities");
    QTest::addColumn<QString>("searchCommand");
    QTest::addColumn<QByteArray>("searchLine");
    // Tags: a003 the batch, a004 the flag changes, a005 the search, a006 GETQUOTAROOT.
    QTest::newRow("esearch") << QByteArray("IMAP4rev1 AUTH=PLAIN LITERAL+ CONDSTORE QUOTA ESEARCH")
                             << uR"(UID SEARCH RETURN \(ALL\) UID 1:\*)"_s
                             << QByteArray("* ESEARCH (TAG \"a005\") UID ALL 1:3,5\r\n"
                                           "* ESEARCH (TAG \"a099\") UID ALL 7:9\r\n"); // not ours
    QTest::newRow("search") << QByteArray("IMAP4rev1 AUTH=PLAIN LITERAL+ CONDSTORE QUOTA")
                            << uR"(UID SEARCH UID 1:\*)"_s << QByteArray("* SEARCH 5 1 2 3\r\n");
}

void TestImapExtensions::repliesEndingOutOfOrderReachTheirCommands()
{
    // A folder's last batch, its flag changes, its expunge check and the account's GETQUOTAROOT
    // leave in one write. Dovecot runs what does not touch the mailbox at once: the quota's
    // answer and tagged OK, the search's and the flag changes' come while the batch is still
    // being sent, before its own OK. Each reaches the command it answers; none is lost or taken
    // for the batch's.
    QFETCH(QByteArray, capabilities);
    QFETCH(QString, searchCommand);
    QFETCH(QByteArray, searchLine);
    const QByteArray first = "Subject: Premier\r\n\r\nUn\r\n";
    const QByteArray second = "Subject: Second\r\n\r\nDeux\r\n";
    const auto body = [](int sequence, int uid, const QByteArray &bytes) -> QByteArray {
        return "* " + QByteArray::number(sequence) + " FETCH (UID " + QByteArray::number(uid) + " BODY[] {" +
               QByteArray::number(bytes.size()) + "}\r\n" + bytes + ")\r\n";
    };
    ImapScenario scenario;
    scenario.capabilities(capabilities)
        .expect(uR"(UID FETCH 6:7 \(UID BODY.PEEK\[\]\))"_s)
        .send(body(4, 6, first))
        .expect(uR"(UID FETCH 1:\* \(UID FLAGS\) \(CHANGEDSINCE 5\))"_s)
        .expect(searchCommand)
        .expect(u"GETQUOTAROOT INBOX"_s)
        .send("* QUOTAROOT INBOX \"User quota\"\r\n* QUOTA \"User quota\" (STORAGE 10 100)\r\n"
              "a006 OK Getquotaroot completed.\r\n" +
              searchLine + "* 2 FETCH (UID 2 FLAGS (\\Seen) MODSEQ (9))\r\na005 OK Search completed.\r\n" +
              "a004 OK Fetch completed.\r\n" + body(5, 7, second) + "a003 OK Fetch completed.\r\n");
    ImapScenarioPlayer player(scenario, m_certificates->serverIdentity());
    QList<QPair<quint32, QByteArray>> bodies;
    QList<QPair<quint32, QStringList>> flags;
    QList<quint32> left;
    std::optional<ImapQuotaParser::QuotaRoots> roots;
    {
        const auto connection = login(player);
        QVERIFY(connection->isOpen());
        ImapCommandChannel channel(*connection);
        {
            const ImapCommandChannel::SendTogether together(channel);
            channel.sendFetch("6:7", "(UID BODY.PEEK[])");
            channel.sendFetch("1:*", "(UID FLAGS) (CHANGEDSINCE 5)");
            channel.sendUidSearch("1:*");
            QVERIFY(channel.sendQuotaRoot(u"INBOX"_s));
        }
        channel.readFetch([&](FetchedMessage &&message, QByteArray &&bytes) {
            bodies.append({message.uid, bytes});
        });
        channel.readFetch([&](FetchedMessage &&message, QByteArray &&) {
            flags.append({message.uid, message.flags});
        });
        left = channel.readUidSearch();
        roots = channel.readQuotaRoot();
    }
    QVERIFY2(player.isComplete(), qPrintable(player.report()));
    const QList<QList<QByteArray>> trips = player.transcript().roundTrips();
    const auto batchTrip = std::find_if(trips.cbegin(), trips.cend(), [](const QList<QByteArray> &trip) {
        return trip.first().startsWith("UID FETCH 6:7");
    });
    QVERIFY(batchTrip != trips.cend());
    QCOMPARE(batchTrip->size(), 4); // one write for the four
    QCOMPARE(bodies, (QList<QPair<quint32, QByteArray>>{{6, first}, {7, second}}));
    QCOMPARE(flags, (QList<QPair<quint32, QStringList>>{{2, {u"\\Seen"_s}}}));
    QCOMPARE(left, (QList<quint32>{1, 2, 3, 5}));
    QVERIFY(roots);
    QCOMPARE(roots->quotas.first().storage()->usage, quint64(10));
}

void TestImapExtensions::nothingIsAskedWithoutTheCapability()
{
    ImapScenario scenario; // the default capabilities: no NAMESPACE, ACL or QUOTA
    ImapScenarioPlayer player(scenario, m_certificates->serverIdentity());
    {
        const auto connection = login(player);
        QVERIFY(connection->isOpen());
        ImapCommandChannel channel(*connection);
        QVERIFY(!channel.namespaces());
        QVERIFY(!channel.myRights(u"INBOX"_s));
        QVERIFY(!channel.quotaRoot(u"INBOX"_s));
    }
    QVERIFY2(player.failures().isEmpty(), qPrintable(player.report()));
    QCOMPARE(player.transcript().count(u"NAMESPACE|RIGHTS|QUOTA"_s), 0);
}

void TestImapExtensions::hostileAnswerIsAProtocolError()
{
    // A malformed answer is refused with what was wrong, and the connection translates it as a
    // protocol error (the worker then drops the connection).
    ImapScenario scenario;
    scenario.capabilities("IMAP4rev1 AUTH=PLAIN QUOTA")
        .expect(u"GETQUOTAROOT INBOX"_s)
        .send("* QUOTAROOT INBOX q\r\n* QUOTA q (STORAGE 99999999999999999999 " + QByteArray(5000, '(') +
              "\r\n")
        .ok();
    ImapScenarioPlayer player(scenario, m_certificates->serverIdentity());
    std::optional<ServiceError> error;
    {
        const auto connection = login(player);
        QVERIFY(connection->isOpen());
        ImapCommandChannel channel(*connection);
        try {
            channel.quotaRoot(u"INBOX"_s);
        } catch (...) {
            error = connection->translate(std::current_exception());
        }
    }
    QVERIFY(error);
    QCOMPARE(error->kind, ServiceError::Kind::Protocol);
    QVERIFY2(error->technical.contains(u"at most 19 digits"_s), qPrintable(error->technical));
    QVERIFY2(player.isComplete(), qPrintable(player.report()));
}

QTEST_GUILESS_MAIN(TestImapExtensions)
#include "tst_imapextensions.moc"
