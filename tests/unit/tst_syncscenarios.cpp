// The sync engine, the offline queue and the draft and APPEND jobs against a scripted IMAP server
// (tests/support/ImapScenarioPlayer): no root, no Dovecot, no Postfix. The real code runs whole
// (AccountSession, its worker thread, VMime over our TLS socket, the SQLite cache); only the
// server is a script, so each test states exactly what the server says and counts what the
// client sends. tst_sync keeps the same engine honest against the real Dovecot.
#include "ImapScenario.h"
#include "ImapScenarioPlayer.h"
#include "MemorySyncStore.h"
#include "MockClock.h"
#include "ScenarioClient.h"
#include "TestCertificates.h"
#include "account/AccountPaths.h"
#include "cache/MailCache.h"
#include "cache/PendingOperationQueue.h"
#include "drafts/DraftSynchronizer.h"
#include "imap/ImapCommandChannel.h"
#include "imap/ImapConnection.h"
#include "session/AccountSession.h"
#include "session/jobs/AppendMessageJob.h"
#include "session/jobs/ServerSearchJob.h"
#include "sync/FolderSynchronizer.h"
#include "sync/OfflineChanges.h"
#include "sync/PendingOperationReplayer.h"
#include "sync/QuotaReader.h"
#include "util/CacheWriteError.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>

using namespace Qt::StringLiterals;
using namespace Amiens;
using namespace Amiens::Test;

namespace {

const QString kAddress = u"mdupont@ac-amiens.fr"_s;
/// The sync's LIST-EXTENDED with LIST-STATUS (RFC 5258, 5819; SPECIAL-USE where announced), as
/// the scenario expects it.
const QString kListStatus =
    uR"(LIST "" "\*" RETURN \((SPECIAL-USE )?CHILDREN STATUS \(MESSAGES UIDNEXT UIDVALIDITY HIGHESTMODSEQ\)\))"_s;

/// The LIST-STATUS answer for the inbox as seed({1, 2}, 7, 3, 12) leaves it: nothing changed.
const QByteArray kUnchangedInbox = "* LIST (\\HasNoChildren) \"/\" INBOX\r\n"
                                   "* STATUS INBOX (MESSAGES 2 UIDNEXT 3 UIDVALIDITY 7 HIGHESTMODSEQ 12)\r\n";

/// A small RFC 5322 message.
QByteArray message(const QByteArray &subject, quint32 number,
                   const QByteArray &date = "Mon, 2 Jun 2025 09:00:00 +0200")
{
    return "From: =?UTF-8?Q?=C3=89lodie_Lef=C3=A8vre?= <elodie.lefevre@ac-amiens.fr>\r\n"
           "To: Marie Dupont <mdupont@ac-amiens.fr>\r\n"
           "Subject: " +
           subject +
           "\r\n"
           "Date: " +
           date +
           "\r\n"
           "Message-ID: <scenario-" +
           QByteArray::number(number) +
           "@ac-amiens.fr>\r\n"
           "MIME-Version: 1.0\r\n"
           "Content-Type: text/plain; charset=utf-8\r\n"
           "\r\n"
           "Bonjour,\r\nle message " +
           QByteArray::number(number) + ".\r\n";
}

QByteArray headerOf(const QByteArray &raw)
{
    return raw.left(raw.indexOf("\r\n\r\n") + 4);
}

/// A line of the answer to UID FETCH … (UID FLAGS INTERNALDATE RFC822.SIZE MODSEQ BODY.PEEK[]).
QByteArray fetchWhole(quint32 sequence, quint32 uid, const QByteArray &flags, quint64 modSeq,
                      const QByteArray &raw)
{
    return ImapScenario::fetch(sequence, "UID " + QByteArray::number(uid) + " FLAGS (" + flags +
                                             ") RFC822.SIZE " + QByteArray::number(raw.size()) + " MODSEQ (" +
                                             QByteArray::number(modSeq) + ") BODY[] " +
                                             ImapScenario::literal(raw));
}

/// What a server answers to the sizes and arrival dates of new messages asked on a resync under
/// the "recent mail" policy (UID FETCH n:* (UID RFC822.SIZE INTERNALDATE)) for @p uids.
QByteArray sizesOf(const QList<quint32> &uids)
{
    QByteArray lines;
    for (qsizetype i = 0; i < uids.size(); ++i)
        lines += ImapScenario::fetch(quint32(i + 1),
                                     "UID " + QByteArray::number(uids.at(i)) +
                                         " RFC822.SIZE 1200 INTERNALDATE \"02-Jun-2025 09:00:00 +0200\"");
    return lines;
}

/// A line of the answer to UID FETCH … (UID RFC822.SIZE): message @p uid, @p raw's size.
QByteArray sizeLine(quint32 sequence, quint32 uid, const QByteArray &raw)
{
    return ImapScenario::fetch(sequence, "UID " + QByteArray::number(uid) + " RFC822.SIZE " +
                                             QByteArray::number(raw.size()));
}

/// The same for BODY.PEEK[HEADER].
QByteArray fetchHeader(quint32 sequence, quint32 uid, const QByteArray &flags, quint64 modSeq,
                       const QByteArray &raw)
{
    return ImapScenario::fetch(sequence, "UID " + QByteArray::number(uid) + " FLAGS (" + flags +
                                             ") RFC822.SIZE " + QByteArray::number(raw.size()) + " MODSEQ (" +
                                             QByteArray::number(modSeq) + ") BODY[HEADER] " +
                                             ImapScenario::literal(headerOf(raw)));
}

/// EXAMINE of @p folder answered with a state the cache already has: an unchanged folder.
ImapScenario examine(const QString &folder, quint32 exists, quint32 uidValidity, quint32 uidNext,
                     quint64 highestModSeq)
{
    ImapScenario scenario;
    scenario.expect(u"EXAMINE %1 \\(CONDSTORE\\)"_s.arg(folder))
        .send(ImapScenario::mailbox(exists, uidValidity, uidNext, highestModSeq))
        .ok("[READ-ONLY] done");
    return scenario;
}

/// The replay of a change queued for message @p uid of the inbox: SELECT (read-write, the inbox
/// holding @p exists messages, HIGHESTMODSEQ @p modSeq), then the check that it is still there.
ImapScenario selectedForReplay(quint32 uid, bool stillThere, quint32 exists, quint64 modSeq)
{
    ImapScenario scenario;
    scenario.expect(u"SELECT INBOX"_s)
        .send(ImapScenario::mailbox(exists, 7, 3, modSeq))
        .ok("[READ-WRITE] done")
        .expect(u"UID SEARCH UID %1"_s.arg(uid))
        .send(ImapScenario::search(stillThere ? QList<quint32>{uid} : QList<quint32>()))
        .ok();
    return scenario;
}

/// A first login on a server with every extension a resync uses, up to the inbox's EXAMINE in
/// the listing's write (the inbox as seed({1, 2}, 7, 3, 12) leaves it).
ImapScenario freshLoginUpToTheInbox()
{
    ImapScenario scenario;
    scenario
        .capabilities("IMAP4rev1 SASL-IR AUTH=PLAIN LITERAL+ CONDSTORE UIDPLUS LIST-EXTENDED LIST-STATUS "
                      "SPECIAL-USE CHILDREN UNSELECT NAMESPACE")
        .folder("INBOX")
        .expect(u"NAMESPACE"_s)
        .send("* NAMESPACE ((\"\" \"/\")) NIL NIL\r\n")
        .ok()
        .then(examine(u"INBOX"_s, 2, 7, 3, 12));
    return scenario;
}

/// Messages 1 to 3 of "INBOX" (folder 1 of @p store, with @p flags each), as a sync that left
/// UIDVALIDITY 7, UIDNEXT 4 and @p highestModSeq stored them; @p inbox gets the folder's row.
bool seedThreeMessages(MemorySyncStore &store, const QList<QStringList> &flags, quint64 highestModSeq,
                       CachedFolder *inbox)
{
    QList<FetchedMessage> cached;
    QList<QByteArray> bodies;
    for (quint32 uid = 1; uid <= 3; ++uid) {
        const QByteArray raw = message("Ancien " + QByteArray::number(uid), uid);
        FetchedMessage one;
        one.uid = uid;
        one.flags = flags.at(uid - 1);
        one.size = raw.size();
        one.rawHeader = headerOf(raw);
        cached.append(one);
        bodies.append(raw);
    }
    if (!store.storeMessages(1, cached, bodies) || !store.saveFolderState(1, 7, 4, highestModSeq))
        return false;
    inbox->id = 1;
    inbox->info.pathParts = {u"INBOX"_s};
    inbox->uidValidity = 7;
    inbox->uidNext = 4;
    inbox->highestModSeq = highestModSeq;
    inbox->messageCount = 3;
    return true;
}

} // namespace

class TestSyncScenarios : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void playerReportsTheCommandItDidNotExpect();
    void unchangedFolderCostsOneExamine();
    void uidValidityResetReplacesTheFolder();
    void changedSinceAppliesOnlyReturnedFlags();
    void expungesAreFoundWhenTheCountDrops();
    void refusedMoveIsRetriedThenUndone();
    void refusedFlagChangeIsRetriedThenAbandoned();
    void moveOfVanishedMessageIsAConflict();
    void draftReplacedWithoutUidPlus();
    void appendRefusedBeforeTheLiteral();
    void connectionDroppedMidLiteralStoresNothing();
    void cancelWhileTheServerIsSilentStopsTheSync();
    void serverSearchSkipsAFolderTheServerLost();
    void serverSearchWithoutLiteralPlus();
    void foldersAreSyncedInDisplayOrder();
    void recentPolicyFetchesRecentMessagesWhole();
    void recentPolicyResyncChoosesBodiesByArrival();
    void flagsAreComparedWithoutCondstore();
    void listStatusSparesTheUnchangedFolders();
    void listStatusLeavesTheSelectedMailboxFirst();
    void inboxExaminedAlongTheListIsNotExaminedAgain();
    void firstSyncAsksTheInboxSizesWithItsExamine();
    void unreadableExamineAlongTheListIsAskedAgain();
    void quotaIsReadWhenDueNotAfterEveryChange();
    void quotaGoesOutBeforeTheExpungedMessagesAreRemoved();
    void serverWorksWhileTheCacheDoes();
    void bodiesComeNewestFirstInGrowingBatches();
    void nextFolderIsExaminedWhileTheLastBatchArrives();
    void batchBeingStoredIsKeptWhenTheFolderFails();
    void firstFetchedFolderIsWrittenWhileTheNextStarts();
    void failedLastBatchOfAFolderSavesNotItsState();
    void namespaceIsAskedOncePerLogin();
    void unchangedResyncIsOneRoundTrip();
    void sizesSentWithAnUnchangedInboxAreDropped();

private:
    struct Outcome
    {
        bool finished = false;
        std::optional<ServiceError> error;
        SyncReport report;
        QStringList conflicts;
    };
    Account account(quint16 port) const;
    std::unique_ptr<AccountSession> session(const ImapScenarioPlayer &player);
    /// Starts a sync on @p session and waits for its end (signals, not the clock).
    Outcome sync(AccountSession &session, SyncOptions options = {});
    /// Runs @p job on @p session and waits for it; the error, if any.
    std::optional<ServiceError> run(AccountSession &session, const std::shared_ptr<ImapJob> &job);
    /// A logged-in connection to the player on this thread, for driving FolderSynchronizer
    /// directly against a MemorySyncStore.
    std::unique_ptr<ImapConnection> login(const ImapScenarioPlayer &player);
    /// The cache as a reader beside the worker's writer, opened afresh.
    MailCache &cache();
    CachedFolder folder(const QString &path);
    /// Writes INBOX (and the other @p folders, empty) into the cache as a finished sync would
    /// have left them: @p uids with whole bodies, the folder state of the server's last EXAMINE.
    void seed(const QList<quint32> &uids, quint32 uidValidity, quint32 uidNext, quint64 highestModSeq,
              const QList<FolderInfo> &others = {});
    /// The inbox and "Archives", both never synchronised.
    void seedTwoNewFolders();

    std::unique_ptr<QTemporaryDir> m_certificateDir;
    std::unique_ptr<TestCertificates> m_certificates;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MailCache> m_cache;
    QString m_cachePath;
};

void TestSyncScenarios::initTestCase()
{
    m_certificateDir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_certificateDir->isValid());
    m_certificates = std::make_unique<TestCertificates>(m_certificateDir->path());
    QVERIFY2(m_certificates->isValid(), qPrintable(m_certificates->error()));
}

void TestSyncScenarios::init()
{
    m_cache.reset();
    m_dir = std::make_unique<QTemporaryDir>();
    m_cachePath = AccountPaths(m_dir->path(), kAddress).cacheFile();
}

void TestSyncScenarios::cleanup()
{
    m_cache.reset();
}

Account TestSyncScenarios::account(quint16 port) const
{
    Account account = ScenarioClient(*m_certificates, port, kAddress).account();
    account.realName = u"Marie Dupont"_s;
    return account;
}

std::unique_ptr<AccountSession> TestSyncScenarios::session(const ImapScenarioPlayer &player)
{
    const ScenarioClient client(*m_certificates, player.port(), kAddress);
    auto session = std::make_unique<AccountSession>(account(player.port()), client.trust());
    session->setCachePath(m_cachePath);
    session->setPassword(QString::fromLatin1(ScenarioClient::kPassword));
    return session;
}

TestSyncScenarios::Outcome TestSyncScenarios::sync(AccountSession &session, SyncOptions options)
{
    Outcome outcome;
    QObject context;
    connect(&session, &AccountSession::syncFinished, &context,
            [&](const SyncReport &report, const QStringList &conflicts) {
                outcome.report = report;
                outcome.conflicts = conflicts;
                outcome.finished = true;
            });
    connect(&session, &AccountSession::errorOccurred, &context, [&](const ServiceError &failure) {
        outcome.error = failure;
        outcome.finished = true;
    });
    session.synchronize(options);
    if (!QTest::qWaitFor([&] { return outcome.finished; }, 30000))
        qWarning("the sync did not finish");
    m_cache.reset(); // the next read sees what this sync committed
    return outcome;
}

std::optional<ServiceError> TestSyncScenarios::run(AccountSession &session,
                                                   const std::shared_ptr<ImapJob> &job)
{
    std::optional<ServiceError> error;
    bool done = false;
    session.submit(job, [&](const std::optional<ServiceError> &failure) {
        error = failure;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 30000))
        qWarning("the job did not finish");
    return error;
}

std::unique_ptr<ImapConnection> TestSyncScenarios::login(const ImapScenarioPlayer &player)
{
    return ScenarioClient(*m_certificates, player.port(), kAddress).login();
}

MailCache &TestSyncScenarios::cache()
{
    if (!m_cache) {
        m_cache = std::make_unique<MailCache>();
        QString error;
        if (!m_cache->open(m_cachePath, kAddress, MailCache::Mode::ReadOnly, &error))
            qWarning("cannot open the cache: %s", qPrintable(error));
    }
    return *m_cache;
}

CachedFolder TestSyncScenarios::folder(const QString &path)
{
    return cache().folderStore().folder(path).value_or(CachedFolder());
}

void TestSyncScenarios::seed(const QList<quint32> &uids, quint32 uidValidity, quint32 uidNext,
                             quint64 highestModSeq, const QList<FolderInfo> &others)
{
    MailCache writer;
    QString error;
    QVERIFY2(writer.open(m_cachePath, kAddress, MailCache::Mode::ReadWrite, &error), qPrintable(error));
    FolderInfo inbox;
    inbox.pathParts = {u"INBOX"_s};
    inbox.role = FolderInfo::Role::Inbox;
    QVERIFY(writer.folderStore().replaceFolderList(QList<FolderInfo>{inbox} + others));
    const qint64 id = writer.folderStore().folder(u"INBOX"_s)->id;
    QList<FetchedMessage> fetched;
    QList<QByteArray> bodies;
    for (const quint32 uid : uids) {
        const QByteArray raw = message("Ancien " + QByteArray::number(uid), uid);
        FetchedMessage one;
        one.uid = uid;
        one.modSeq = 1;
        one.size = raw.size();
        one.rawHeader = headerOf(raw);
        fetched.append(one);
        bodies.append(raw);
    }
    QVERIFY2(writer.storeMessages(id, fetched, bodies), qPrintable(writer.lastError()));
    QVERIFY(writer.saveFolderState(id, uidValidity, uidNext, highestModSeq));
    for (const FolderInfo &other : others) {
        // Empty and fully synced: the same state the scenario's EXAMINE announces for them.
        QVERIFY(writer.saveFolderState(writer.folderStore().folder(other.path())->id, 3, 1, 1));
    }
}

void TestSyncScenarios::seedTwoNewFolders()
{
    FolderInfo archives;
    archives.pathParts = {u"Archives"_s};
    seed({}, 0, 0, 0, {archives});
    MailCache writer;
    QString error;
    QVERIFY2(writer.open(m_cachePath, kAddress, MailCache::Mode::ReadWrite, &error), qPrintable(error));
    QVERIFY(writer.saveFolderState(writer.folderStore().folder(u"Archives"_s)->id, 0, 0, 0));
}

void TestSyncScenarios::playerReportsTheCommandItDidNotExpect()
{
    // The player itself: a command the scenario did not expect fails the scenario with what was
    // expected and what came, and the client gets a BAD, not a hang.
    ImapScenario scenario;
    scenario.expect(u"EXAMINE Archives.*"_s).send(ImapScenario::mailbox(0, 1, 1, 1)).ok();
    ImapScenarioPlayer player(scenario, m_certificates->serverIdentity());
    Outcome outcome;
    {
        const auto client = session(player);
        outcome = sync(*client);
    }
    QVERIFY(outcome.finished);
    QVERIFY(outcome.error);
    QVERIFY(!player.isComplete());
    QCOMPARE(player.failures().size(), 1);
    QVERIFY2(player.failures().first().startsWith(u"step 1: expect /EXAMINE Archives.*/, got « "_s),
             qPrintable(player.failures().first()));
    QVERIFY2(player.failures().first().contains(u"EXAMINE INBOX (CONDSTORE) »"_s),
             qPrintable(player.failures().first()));
    // Logged in and listed by the defaults, over TLS verified against the scenario's CA.
    QCOMPARE(player.transcript().count(u"^AUTHENTICATE PLAIN"_s), 1);
    QVERIFY(player.transcript().count(u"^LIST "_s) >= 1);
}

void TestSyncScenarios::unchangedFolderCostsOneExamine()
{
    // First sync: two messages, whole (bodies "all").
    const QByteArray first = message("Réunion", 1);
    const QByteArray second = message("Conseil de classe", 2);
    // With every body wanted, one FETCH gives the new UIDs and their sizes (no SEARCH).
    ImapScenario firstSync = examine(u"INBOX"_s, 2, 7, 3, 12);
    firstSync.expect(uR"(UID FETCH 1:\* \(UID RFC822.SIZE\))"_s)
        .send(sizeLine(1, 1, first) + sizeLine(2, 2, second))
        .ok()
        .expect(uR"(UID FETCH 1:2 \(UID FLAGS INTERNALDATE RFC822.SIZE MODSEQ BODY.PEEK\[\]\))"_s)
        .send(fetchWhole(2, 2, "", 12, second) + fetchWhole(1, 1, "\\Seen", 11, first))
        .ok();
    ImapScenarioPlayer player(firstSync, m_certificates->serverIdentity());
    const auto client = session(player);
    SyncOptions all;
    all.bodies = SyncOptions::Bodies::All;
    const Outcome initial = sync(*client, all);
    QVERIFY2(!initial.error, qPrintable(initial.error->technical + u'\n' + player.report()));
    QVERIFY2(player.isComplete(), qPrintable(player.report()));
    QCOMPARE(initial.report.total(&FolderSyncResult::added), 2);
    QCOMPARE(cache().uids(folder(u"INBOX"_s).id), (QSet<quint32>{1, 2}));

    // Second sync, same UIDVALIDITY, UIDNEXT, HIGHESTMODSEQ and count: EXAMINE and nothing else
    // about the folder. Default options, as the window's background sync.
    const qsizetype before = player.transcript().commands().size();
    player.extend(examine(u"INBOX"_s, 2, 7, 3, 12));
    const Outcome again = sync(*client);
    QVERIFY2(!again.error, qPrintable(again.error->technical + u'\n' + player.report()));
    QVERIFY2(player.isComplete(), qPrintable(player.report()));
    const QList<QByteArray> commands = player.transcript().commands().mid(before);
    const auto count = [&](const char *pattern) {
        const QRegularExpression expression(QString::fromLatin1(pattern));
        return std::count_if(commands.cbegin(), commands.cend(), [&](const QByteArray &command) {
            return expression.match(QString::fromUtf8(command)).hasMatch();
        });
    };
    QCOMPARE(count("^EXAMINE "), 1);
    QCOMPARE(count("FETCH"), 0);
    QCOMPARE(count("SEARCH"), 0);
    QCOMPARE(count("^SELECT "), 0);
    QCOMPARE(player.connectionCount(), 1); // the session kept its connection: no second login
    QCOMPARE(again.report.folders.size(), 1);
    QVERIFY(again.report.folders.first().unchanged);
}

void TestSyncScenarios::uidValidityResetReplacesTheFolder()
{
    seed({1, 2}, 7, 3, 12);
    QCOMPARE(cache().searchIndex().search(u"ancien"_s, 10).size(), 2);

    // UIDVALIDITY 7 → 8: UIDs 1 and 5 are new messages, UID 1 included; 2 is no more.
    const QByteArray one = message("Nouveau un", 101);
    const QByteArray five = message("Nouveau cinq", 105);
    ImapScenario scenario = examine(u"INBOX"_s, 2, 8, 6, 4);
    scenario.expect(uR"(UID SEARCH UID 1:\*)"_s)
        .send(ImapScenario::search({1, 5}))
        .ok()
        .expect(uR"(UID FETCH 1,5 \(UID FLAGS INTERNALDATE RFC822.SIZE MODSEQ BODY.PEEK\[HEADER\]\))"_s)
        .send(fetchHeader(2, 5, "", 4, five) + fetchHeader(1, 1, "\\Seen", 3, one))
        .ok();
    ImapScenarioPlayer player(scenario, m_certificates->serverIdentity());
    Outcome outcome;
    {
        const auto client = session(player);
        SyncOptions headersOnly;
        headersOnly.bodies = SyncOptions::Bodies::None;
        outcome = sync(*client, headersOnly);
    }
    QVERIFY2(!outcome.error, qPrintable(outcome.error->technical + u'\n' + player.report()));
    QVERIFY2(player.isComplete(), qPrintable(player.report()));
    QVERIFY(outcome.report.folders.first().reset);

    const CachedFolder inbox = folder(u"INBOX"_s);
    QCOMPARE(inbox.uidValidity, 8u);
    QCOMPARE(inbox.uidNext, 6u);
    QCOMPARE(inbox.highestModSeq, 4u);
    QCOMPARE(cache().uids(inbox.id), (QSet<quint32>{1, 5}));
    QCOMPARE(inbox.messageCount, 2);
    QCOMPARE(inbox.unseenCount, 1);
    // UID 1 is the new message, nothing of the old one: not its subject, not its body.
    QCOMPARE(cache().message(inbox.id, 1)->headers.subject, u"Nouveau un"_s);
    QVERIFY(!cache().message(inbox.id, 1)->hasBody);
    QVERIFY(!cache().messageStore().body(inbox.id, 1));
    QVERIFY(!cache().message(inbox.id, 2));
    QCOMPARE(cache().searchIndex().search(u"ancien"_s, 10).size(), 0);
    QCOMPARE(cache().searchIndex().search(u"nouveau"_s, 10).size(), 2);
}

void TestSyncScenarios::changedSinceAppliesOnlyReturnedFlags()
{
    seed({1, 2, 3}, 7, 4, 10);
    {
        MailCache writer;
        QString error;
        QVERIFY(writer.open(m_cachePath, kAddress, MailCache::Mode::ReadWrite, &error));
        const qint64 id = writer.folderStore().folder(u"INBOX"_s)->id;
        QVERIFY(writer.applyFlagUpdates(id, {{2, 2, {u"\\Seen"_s}}, {3, 2, {u"\\Flagged"_s}}}));
    }

    ImapScenario scenario = examine(u"INBOX"_s, 3, 7, 4, 15);
    // "4:*" names the last message even when it is below 4: UID 3 comes back and is not new.
    scenario.expect(uR"(UID FETCH 4:\* \(UID RFC822.SIZE INTERNALDATE\))"_s)
        .send(sizesOf({3}))
        .ok()
        .expect(uR"(UID FETCH 1:\* \(UID FLAGS\) \(CHANGEDSINCE 10\))"_s)
        .send(ImapScenario::fetch(1, "UID 1 FLAGS (\\Seen $Forwarded) MODSEQ (14)") +
              ImapScenario::fetch(2, "UID 2 FLAGS () MODSEQ (15)") +
              // A message the cache does not have (arrived and expunged meanwhile): ignored.
              ImapScenario::fetch(4, "UID 9 FLAGS (\\Seen) MODSEQ (13)"))
        .ok();
    ImapScenarioPlayer player(scenario, m_certificates->serverIdentity());
    Outcome outcome;
    {
        const auto client = session(player);
        outcome = sync(*client);
    }
    QVERIFY2(!outcome.error, qPrintable(outcome.error->technical + u'\n' + player.report()));
    QVERIFY2(player.isComplete(), qPrintable(player.report()));
    // The exact command, once: only what changed since the cache's HIGHESTMODSEQ (after the new
    // messages' sizes and dates, "recent mail" being the default policy).
    QCOMPARE(player.transcript().matching(u"FETCH"_s),
             (QList<QByteArray>{"UID FETCH 4:* (UID RFC822.SIZE INTERNALDATE)",
                                "UID FETCH 1:* (UID FLAGS) (CHANGEDSINCE 10)"}));
    QCOMPARE(player.transcript().count(u"^UID SEARCH UID 1:\\*$"_s), 0); // the count is right: no expunge

    const CachedFolder inbox = folder(u"INBOX"_s);
    const QStringList one = cache().message(inbox.id, 1)->flags;
    QVERIFY2(one.contains(u"\\Seen"_s) && one.contains(u"$Forwarded"_s), qPrintable(one.join(u' ')));
    QVERIFY(cache().message(inbox.id, 2)->flags.isEmpty());
    // Not returned, so not touched: the flag set before stays.
    QCOMPARE(cache().message(inbox.id, 3)->flags, QStringList{u"\\Flagged"_s});
    QVERIFY(!cache().message(inbox.id, 9));
    QCOMPARE(cache().uids(inbox.id), (QSet<quint32>{1, 2, 3}));
    QCOMPARE(outcome.report.folders.first().flagsChanged, 2);
    QCOMPARE(outcome.report.folders.first().added, 0);
    QCOMPARE(inbox.unseenCount, 2);
    QCOMPARE(inbox.highestModSeq, 15u);
}

void TestSyncScenarios::expungesAreFoundWhenTheCountDrops()
{
    seed({1, 2, 3, 4}, 7, 5, 10);

    // Two of the four are gone: EXISTS says 2 and nothing is new, so the UIDs are compared.
    ImapScenario scenario = examine(u"INBOX"_s, 2, 7, 5, 12);
    scenario.expect(uR"(UID FETCH 5:\* \(UID RFC822.SIZE INTERNALDATE\))"_s)
        .send(sizesOf({4}))
        .ok()
        .expect(uR"(UID FETCH 1:\* \(UID FLAGS\) \(CHANGEDSINCE 10\))"_s)
        .ok()
        .expect(uR"(UID SEARCH UID 1:\*)"_s)
        .send(ImapScenario::search({1, 4}))
        .ok();
    ImapScenarioPlayer player(scenario, m_certificates->serverIdentity());
    Outcome outcome;
    {
        const auto client = session(player);
        outcome = sync(*client);
    }
    QVERIFY2(!outcome.error, qPrintable(outcome.error->technical + u'\n' + player.report()));
    QVERIFY2(player.isComplete(), qPrintable(player.report()));
    const CachedFolder inbox = folder(u"INBOX"_s);
    QCOMPARE(cache().uids(inbox.id), (QSet<quint32>{1, 4}));
    QCOMPARE(inbox.messageCount, 2);
    QCOMPARE(outcome.report.folders.first().removed, 2);
    QCOMPARE(cache().searchIndex().search(u"ancien"_s, 10).size(), 2);

    // The whole UID list was asked for once, because the count said so
    // (changedSinceAppliesOnlyReturnedFlags, with the count right, asks for none).
    QCOMPARE(player.transcript().count(u"^UID SEARCH UID 1:\\*$"_s), 1);
}

void TestSyncScenarios::refusedMoveIsRetriedThenUndone()
{
    FolderInfo archives;
    archives.pathParts = {u"Archives"_s};
    archives.role = FolderInfo::Role::Archive;
    seed({1, 2}, 7, 3, 10, {archives});
    {
        MailCache writer;
        QString error;
        QVERIFY(writer.open(m_cachePath, kAddress, MailCache::Mode::ReadWrite, &error));
        QVERIFY2(OfflineChanges(writer).move(u"INBOX"_s, {2}, u"Archives"_s, &error), qPrintable(error));
    }
    QCOMPARE(cache().messageStore().messageCount(folder(u"INBOX"_s).id), 1); // hidden at once

    // Each sync: the move is refused, then the folders are synced. The contract
    // (PendingOperationReplayer): retried at the next sync, abandoned after the third refusal,
    // and then the message shows again where the server keeps it.
    const auto attempt = [](bool stillHidden) {
        ImapScenario scenario = selectedForReplay(2, true, 2, 10);
        scenario.expect(u"UID MOVE 2 Archives"_s)
            .no("[CANNOT] Archives is read-only")
            .then(examine(u"INBOX"_s, 2, 7, 3, 10));
        if (stillHidden) {
            // The folder's count leaves out the hidden message, so the unchanged folder does not
            // look unchanged: one UID SEARCH more while a move waits (costly only in time).
            scenario.expect(uR"(UID FETCH 3:\* \(UID RFC822.SIZE INTERNALDATE\))"_s).send(sizesOf({2})).ok();
        }
        scenario.then(examine(u"Archives"_s, 0, 3, 1, 1));
        return scenario;
    };
    ImapScenario scenario;
    scenario.folder("INBOX").folder("Archives", "\\HasNoChildren \\Archive");
    scenario.then(attempt(true));
    ImapScenarioPlayer player(scenario, m_certificates->serverIdentity());
    const auto client = session(player);
    for (int i = 1; i <= PendingOperationReplayer::kMaxAttempts; ++i) {
        if (i > 1)
            player.extend(attempt(i < PendingOperationReplayer::kMaxAttempts));
        const Outcome outcome = sync(*client);
        QVERIFY2(!outcome.error, qPrintable(outcome.error->technical + u'\n' + player.report()));
        QVERIFY2(player.isComplete(), qPrintable(player.report()));
        const bool last = i == PendingOperationReplayer::kMaxAttempts;
        QCOMPARE(outcome.conflicts.size(), last ? 1 : 0);
        QCOMPARE(PendingOperationQueue(cache().database()).count(), last ? 0 : 1);
        QCOMPARE(cache().messageStore().messageCount(folder(u"INBOX"_s).id), last ? 2 : 1);
        if (last)
            QVERIFY2(outcome.conflicts.first().contains(u"Archives is read-only"_s),
                     qPrintable(outcome.conflicts.first()));
    }
    QCOMPARE(player.transcript().count(u"^UID MOVE "_s), 3);
    QVERIFY(cache().message(folder(u"INBOX"_s).id, 2));
}

void TestSyncScenarios::refusedFlagChangeIsRetriedThenAbandoned()
{
    seed({1, 2}, 7, 3, 10);
    {
        MailCache writer;
        QString error;
        QVERIFY(writer.open(m_cachePath, kAddress, MailCache::Mode::ReadWrite, &error));
        QVERIFY(OfflineChanges(writer).changeFlags(u"INBOX"_s, {1}, {u"\\Flagged"_s}, {}, &error));
    }
    QVERIFY(cache().message(folder(u"INBOX"_s).id, 1)->isFlagged()); // shown at once

    const auto attempt = [](bool last) {
        ImapScenario scenario = selectedForReplay(1, true, 2, 10);
        scenario.expect(uR"(UID STORE 1 \+FLAGS.SILENT \(\\Flagged\))"_s)
            .no("[SERVERBUG] flags are frozen")
            .then(examine(u"INBOX"_s, 2, 7, 3, 10));
        if (last) {
            // Given up: the cache's flags are no longer trusted, every flag is read again.
            scenario.expect(uR"(UID FETCH 3:\* \(UID RFC822.SIZE INTERNALDATE\))"_s)
                .send(sizesOf({2}))
                .ok()
                .expect(uR"(UID FETCH 1:2 \(UID FLAGS\))"_s)
                .send(ImapScenario::fetch(1, "UID 1 FLAGS ()") + ImapScenario::fetch(2, "UID 2 FLAGS ()"))
                .ok();
        }
        return scenario;
    };
    ImapScenarioPlayer player(attempt(false), m_certificates->serverIdentity());
    const auto client = session(player);
    Outcome outcome;
    for (int i = 1; i <= PendingOperationReplayer::kMaxAttempts; ++i) {
        const bool last = i == PendingOperationReplayer::kMaxAttempts;
        if (i > 1)
            player.extend(attempt(last));
        outcome = sync(*client);
        QVERIFY2(!outcome.error, qPrintable(outcome.error->technical + u'\n' + player.report()));
        QVERIFY2(player.isComplete(), qPrintable(player.report()));
        QCOMPARE(PendingOperationQueue(cache().database()).count(), last ? 0 : 1);
        // Still shown while the change waits to be sent again.
        QCOMPARE(cache().message(folder(u"INBOX"_s).id, 1)->isFlagged(), !last);
    }
    QCOMPARE(outcome.conflicts.size(), 1);
    QVERIFY2(outcome.conflicts.first().contains(u"flags are frozen"_s),
             qPrintable(outcome.conflicts.first()));
    // The server never took the flag, so the cache must not keep showing it: the message's
    // MODSEQ did not move and no CHANGEDSINCE would ever bring the server's flags back.
    QCOMPARE(outcome.report.folders.first().flagsChanged, 1);
    QCOMPARE(folder(u"INBOX"_s).highestModSeq, 10u);

    // Once read again, the folder is back to one EXAMINE per sync.
    player.extend(examine(u"INBOX"_s, 2, 7, 3, 10));
    outcome = sync(*client);
    QVERIFY2(!outcome.error, qPrintable(outcome.error->technical + u'\n' + player.report()));
    QVERIFY2(player.isComplete(), qPrintable(player.report()));
    QVERIFY(outcome.report.folders.first().unchanged);
}

void TestSyncScenarios::moveOfVanishedMessageIsAConflict()
{
    FolderInfo archives;
    archives.pathParts = {u"Archives"_s};
    archives.role = FolderInfo::Role::Archive;
    seed({1, 2}, 7, 3, 10, {archives});
    {
        MailCache writer;
        QString error;
        QVERIFY(writer.open(m_cachePath, kAddress, MailCache::Mode::ReadWrite, &error));
        QVERIFY(OfflineChanges(writer).move(u"INBOX"_s, {2}, u"Archives"_s, &error));
    }

    // Another client expunged UID 2 meanwhile: the server wins, nothing is moved, the change is
    // dropped and reported, and the message is not shown again.
    ImapScenario scenario;
    scenario.folder("INBOX").folder("Archives", "\\HasNoChildren \\Archive");
    scenario.then(selectedForReplay(2, false, 1, 11))
        .then(examine(u"INBOX"_s, 1, 7, 3, 11))
        .expect(uR"(UID FETCH 3:\* \(UID RFC822.SIZE INTERNALDATE\))"_s)
        .send(sizesOf({1}))
        .ok()
        .expect(uR"(UID FETCH 1:\* \(UID FLAGS\) \(CHANGEDSINCE 10\))"_s)
        .ok()
        .then(examine(u"Archives"_s, 0, 3, 1, 1));
    ImapScenarioPlayer player(scenario, m_certificates->serverIdentity());
    Outcome outcome;
    {
        const auto client = session(player);
        outcome = sync(*client);
    }
    QVERIFY2(!outcome.error, qPrintable(outcome.error->technical + u'\n' + player.report()));
    QVERIFY2(player.isComplete(), qPrintable(player.report()));
    QCOMPARE(outcome.conflicts.size(), 1);
    QVERIFY2(outcome.conflicts.first().contains(u"INBOX"_s), qPrintable(outcome.conflicts.first()));
    QCOMPARE(player.transcript().count(u"^UID (MOVE|COPY|STORE|EXPUNGE) "_s), 0);
    QCOMPARE(PendingOperationQueue(cache().database()).count(), 0);
    const CachedFolder inbox = folder(u"INBOX"_s);
    QCOMPARE(cache().uids(inbox.id), QSet<quint32>{1});
    QCOMPARE(inbox.messageCount, 1);
}

void TestSyncScenarios::draftReplacedWithoutUidPlus()
{
    // No UIDPLUS: the APPEND's answer carries no APPENDUID, so the new copy is found by its
    // Message-ID (the highest UID), the older copy is marked \Deleted, and nothing is expunged:
    // a plain EXPUNGE would also remove whatever else someone marked \Deleted in Drafts.
    ImapScenario scenario;
    scenario.capabilities("IMAP4rev1 AUTH=PLAIN LITERAL+ CONDSTORE MOVE SPECIAL-USE")
        .folder("INBOX")
        .folder("Drafts", "\\HasNoChildren \\Drafts");
    scenario.expect(uR"(APPEND Drafts \(\\Draft \\Seen\) \{\d+\})"_s)
        .acceptLiteral()
        .ok("Append completed.")
        .expect(u"SELECT Drafts"_s)
        .send(ImapScenario::mailbox(2, 9, 10, 0))
        .ok("[READ-WRITE] done")
        .expect(uR"(UID SEARCH HEADER Message-ID "<brouillon-42@ac-amiens\.fr>")"_s)
        .send(ImapScenario::search({4, 9}))
        .ok()
        .expect(uR"(UID STORE 4 \+FLAGS\.SILENT \(\\Deleted\))"_s)
        .ok();
    ImapScenarioPlayer player(scenario, m_certificates->serverIdentity());
    const auto client = session(player);
    DraftSynchronizer drafts(m_dir->filePath(u"drafts"_s), client.get());
    Draft draft;
    draft.id = DraftStore::newId();
    draft.revision = 1;
    draft.updated = QDateTime::currentDateTimeUtc();
    draft.message.from = {u"Marie Dupont"_s, kAddress};
    draft.message.to = {{u"Élodie Lefèvre"_s, u"elodie.lefevre@ac-amiens.fr"_s}};
    draft.message.subject = u"Sortie au musée d'Amiens"_s;
    draft.message.plainText = u"Brouillon de la circulaire."_s;
    draft.message.messageId = u"brouillon-42@ac-amiens.fr"_s;
    QString error;
    QVERIFY2(drafts.store().save(draft, &error), qPrintable(error));

    QSignalSpy uploaded(&drafts, &DraftSynchronizer::uploaded);
    QSignalSpy failed(&drafts, &DraftSynchronizer::failed);
    QSignalSpy idle(&drafts, &DraftSynchronizer::idle);
    drafts.syncAll();
    QVERIFY(QTest::qWaitFor([&] { return !idle.isEmpty(); }, 30000));
    QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
    QVERIFY2(player.isComplete(), qPrintable(player.report()));
    QCOMPARE(uploaded.size(), 1);
    QCOMPARE(uploaded.first().at(1).toUInt(), 9u); // found by Message-ID, the newest copy
    QCOMPARE(drafts.store().uploadedRevision(draft.id), 1);

    const ImapTranscript transcript = player.transcript();
    const auto append = std::find_if(transcript.entries().cbegin(), transcript.entries().cend(),
                                     [](const ImapTranscript::Entry &entry) {
                                         return entry.fromClient && entry.text.startsWith("APPEND ");
                                     });
    QVERIFY(append != transcript.entries().cend());
    QVERIFY(append->text.endsWith(QByteArray('{' + QByteArray::number(append->literal.size()) + '}')));
    QVERIFY(append->literal.contains("Message-ID: <brouillon-42@ac-amiens.fr>\r\n"));
    QCOMPARE(transcript.matching(u"STORE"_s), QList<QByteArray>{"UID STORE 4 +FLAGS.SILENT (\\Deleted)"});
    QCOMPARE(transcript.count(u"EXPUNGE"_s), 0);
}

void TestSyncScenarios::appendRefusedBeforeTheLiteral()
{
    // The server answers the APPEND command itself with NO (over quota) instead of "+ Ready":
    // the message must not follow, or its lines would reach the server as commands. The quota
    // the cache kept said otherwise: it is marked stale, for the next sync to read.
    seed({1}, 7, 2, 10);
    {
        MailCache writer;
        QString error;
        QVERIFY(writer.open(m_cachePath, kAddress, MailCache::Mode::ReadWrite, &error));
        AccountQuota roomLeft;
        roomLeft.storageUsedKiB = 1200;
        roomLeft.storageLimitKiB = 2048;
        roomLeft.readAt = QDateTime::currentDateTimeUtc();
        QVERIFY(writer.quotaStore().saveQuota(roomLeft));
    }
    ImapScenario scenario;
    scenario.folder("INBOX").folder("Sent", "\\HasNoChildren \\Sent");
    scenario.expect(uR"(APPEND Sent \(\\Seen\) \{\d+\})"_s)
        .no("[OVERQUOTA] Quota exceeded (mailbox for user is full)");
    ImapScenarioPlayer player(scenario, m_certificates->serverIdentity());
    std::optional<ServiceError> error;
    bool done = false;
    {
        const auto client = session(player);
        auto job = std::make_shared<AppendMessageJob>(u"Sent"_s, message("Compte rendu", 7), QString());
        client->submit(job, [&](const std::optional<ServiceError> &failure) {
            error = failure;
            done = true;
        });
        QVERIFY(QTest::qWaitFor([&] { return done; }, 30000));
        QCOMPARE(job->uid(), 0u);
    }
    QVERIFY(error);
    QCOMPARE(error->kind, ServiceError::Kind::Protocol);
    QVERIFY2(error->message.contains(u"refused the operation"_s), qPrintable(error->message));
    // The server's reason reaches the user: an over-quota mailbox says so.
    QVERIFY2(error->message.contains(u"Quota exceeded"_s), qPrintable(error->message));
    QVERIFY2(error->technical.contains(u"APPEND"_s), qPrintable(error->technical));
    // Had the literal been sent, its lines would be commands the scenario did not expect.
    QVERIFY2(player.failures().isEmpty(), qPrintable(player.report()));
    QVERIFY2(player.isComplete(), qPrintable(player.report()));
    const ImapTranscript transcript = player.transcript();
    QCOMPARE(transcript.count(u"^APPEND "_s), 1);
    QCOMPARE(transcript.count(u"Subject|From:|Bonjour"_s), 0);
    for (const ImapTranscript::Entry &entry : transcript.entries())
        QVERIFY(entry.literal.isEmpty() || !entry.text.startsWith("APPEND"));
    QVERIFY(!cache().quotaStore().quota()->readAt.isValid());
    QCOMPARE(QuotaReader::refreshOf(cache().quotaStore().quota(), QDateTime::currentDateTimeUtc()),
             QuotaReader::Refresh::Now);
}

void TestSyncScenarios::connectionDroppedMidLiteralStoresNothing()
{
    seed({1}, 7, 2, 10);
    // Two new messages in one batch; the connection dies in the middle of the second's literal.
    const QByteArray two = message("Nouveau deux", 2);
    const QByteArray three = message("Nouveau trois", 3);
    ImapScenario scenario = examine(u"INBOX"_s, 3, 7, 4, 12);
    scenario.expect(uR"(UID FETCH 2:\* \(UID RFC822.SIZE\))"_s)
        .send(sizeLine(2, 2, two) + sizeLine(3, 3, three))
        .ok()
        .expect(uR"(UID FETCH 2:3 \(UID FLAGS INTERNALDATE RFC822.SIZE MODSEQ BODY.PEEK\[\]\))"_s)
        .send(fetchWhole(3, 3, "", 12, three) + fetchWhole(2, 2, "", 11, two).left(120))
        .drop();
    ImapScenarioPlayer player(scenario, m_certificates->serverIdentity());
    Outcome outcome;
    {
        const auto client = session(player);
        SyncOptions all;
        all.bodies = SyncOptions::Bodies::All;
        outcome = sync(*client, all);
    }
    QVERIFY(outcome.finished);
    QVERIFY2(player.isComplete(), qPrintable(player.report()));
    QVERIFY(outcome.error);
    QCOMPARE(outcome.error->kind, ServiceError::Kind::Network);
    QVERIFY2(outcome.error->message.contains(u"connection with localhost was lost"_s),
             qPrintable(outcome.error->message));
    QVERIFY2(outcome.error->technical.contains(u"connection lost"_s), qPrintable(outcome.error->technical));
    QCOMPARE(player.connectionCount(), 1);

    // The cache is as it was: the old message whole, neither new one (not even the complete
    // one of the batch), the folder state of the last complete sync, so the next sync asks again.
    const CachedFolder inbox = folder(u"INBOX"_s);
    QCOMPARE(cache().uids(inbox.id), QSet<quint32>{1});
    QCOMPARE(cache().messageStore().body(inbox.id, 1).value_or(QByteArray()), message("Ancien 1", 1));
    QCOMPARE(inbox.uidNext, 2u);
    QCOMPARE(inbox.highestModSeq, 10u);
    QCOMPARE(cache().searchIndex().search(u"nouveau"_s, 10).size(), 0);
}

void TestSyncScenarios::cancelWhileTheServerIsSilentStopsTheSync()
{
    seed({1}, 7, 2, 10);
    // The server answers EXAMINE, then nothing: the user's cancel must end the sync at once (the
    // inactivity limit is a minute away), with nothing half-done in the cache.
    ImapScenario scenario = examine(u"INBOX"_s, 2, 7, 3, 11);
    scenario.expect(uR"(UID FETCH 2:\* \(UID RFC822.SIZE INTERNALDATE\))"_s).silence();
    ImapScenarioPlayer player(scenario, m_certificates->serverIdentity());
    Outcome outcome;
    {
        const auto client = session(player);
        QObject context;
        connect(client.get(), &AccountSession::errorOccurred, &context, [&](const ServiceError &failure) {
            outcome.error = failure;
            outcome.finished = true;
        });
        connect(client.get(), &AccountSession::syncFinished, &context, [&] { outcome.finished = true; });
        client->synchronize({});
        // Cancelled once the client waits on the silent server, not after some guessed delay.
        QVERIFY(QTest::qWaitFor([&] { return player.isComplete(); }, 30000));
        QElapsedTimer cancelling;
        cancelling.start();
        client->cancel();
        QVERIFY(QTest::qWaitFor([&] { return outcome.finished; }, 30000));
        QVERIFY2(cancelling.elapsed() < 10000, qPrintable(QString::number(cancelling.elapsed())));
    }
    QVERIFY(outcome.error);
    QCOMPARE(outcome.error->kind, ServiceError::Kind::Cancelled);
    m_cache.reset();
    const CachedFolder inbox = folder(u"INBOX"_s);
    QCOMPARE(cache().uids(inbox.id), QSet<quint32>{1});
    QCOMPARE(inbox.uidNext, 2u);
    QCOMPARE(inbox.highestModSeq, 10u);
}

void TestSyncScenarios::serverSearchSkipsAFolderTheServerLost()
{
    FolderInfo archives;
    archives.pathParts = {u"Archives"_s};
    archives.role = FolderInfo::Role::Archive;
    seed({1, 2}, 7, 3, 10, {archives});

    // The words go as one UTF-8 LITERAL+ literal; UID 5 matches but is not cached yet; Archives
    // was deleted on the server since the last sync and is skipped, not fatal.
    ImapScenario scenario;
    scenario.expect(uR"(EXAMINE INBOX \(CONDSTORE\))"_s)
        .send(ImapScenario::mailbox(3, 7, 6, 12))
        .ok("[READ-ONLY] done")
        .expect(u"UID SEARCH CHARSET UTF-8 TEXT \\{16\\+\\}\r\nréunion parents"_s)
        .send(ImapScenario::search({5, 2}))
        .ok()
        .expect(uR"(EXAMINE Archives \(CONDSTORE\))"_s)
        .no("[NONEXISTENT] Unknown mailbox");
    ImapScenarioPlayer player(scenario, m_certificates->serverIdentity());
    auto job = std::make_shared<ServerSearchJob>(u"  réunion   parents "_s);
    std::optional<ServiceError> error;
    {
        const auto client = session(player);
        error = run(*client, job);
    }
    QVERIFY2(!error, qPrintable(error->technical + u'\n' + player.report()));
    QVERIFY2(player.isComplete(), qPrintable(player.report()));
    QVERIFY(!job->unsupported());
    const qint64 two = cache().message(folder(u"INBOX"_s).id, 2)->rowId;
    QCOMPARE(job->rowIds(), QList<qint64>{two});
    QCOMPARE(job->missing(), 1);
    // One search per folder that exists, nothing fetched, and the cache left as it was.
    QCOMPARE(player.transcript().count(u"^UID SEARCH "_s), 1);
    QCOMPARE(player.transcript().count(u"^(UID FETCH|UID STORE|SELECT) "_s), 0);
    QCOMPARE(cache().uids(folder(u"INBOX"_s).id), (QSet<quint32>{1, 2}));
    QCOMPARE(folder(u"INBOX"_s).uidNext, 3u);
}

void TestSyncScenarios::serverSearchWithoutLiteralPlus()
{
    seed({1, 2}, 7, 3, 10);
    // No LITERAL+: plain ASCII goes quoted; accented text cannot go without a round trip, so
    // nothing is sent for it and the job says so.
    ImapScenario scenario;
    scenario.capabilities("IMAP4rev1 AUTH=PLAIN CONDSTORE UIDPLUS MOVE SPECIAL-USE")
        .expect(uR"(EXAMINE INBOX \(CONDSTORE\))"_s)
        .send(ImapScenario::mailbox(2, 7, 3, 10))
        .ok("[READ-ONLY] done")
        .expect(uR"(UID SEARCH TEXT "conseil")"_s)
        .send(ImapScenario::search({1}))
        .ok();
    ImapScenarioPlayer player(scenario, m_certificates->serverIdentity());
    auto ascii = std::make_shared<ServerSearchJob>(u"conseil"_s);
    auto accented = std::make_shared<ServerSearchJob>(u"réunion"_s);
    {
        const auto client = session(player);
        const auto error = run(*client, ascii);
        QVERIFY2(!error, qPrintable(error->technical + u'\n' + player.report()));
        QVERIFY2(!run(*client, accented), qPrintable(player.report()));
    }
    QVERIFY2(player.isComplete(), qPrintable(player.report()));
    QCOMPARE(ascii->rowIds(), QList<qint64>{cache().message(folder(u"INBOX"_s).id, 1)->rowId});
    QVERIFY(accented->unsupported());
    QVERIFY(accented->rowIds().isEmpty());
    QCOMPARE(player.transcript().count(u"^UID SEARCH "_s), 1);
    QCOMPARE(player.transcript().count(u"^EXAMINE "_s), 1);
}

void TestSyncScenarios::foldersAreSyncedInDisplayOrder()
{
    // LIST in the server's order; the product's order is the inbox, the special folders (drafts,
    // sent, archive, junk, trash), each with its sub-folders, then the others by name. Names are
    // modified UTF-7 on the wire and decoded in the cache; a \Noselect folder is listed, not opened.
    ImapScenario scenario;
    scenario.folder("Trash", "\\HasNoChildren \\Trash")
        .folder("Projets/Voyage scolaire")
        .folder("Projets", "\\HasChildren")
        .folder("Envoy&AOk-s")
        .folder("Partage", "\\Noselect \\HasChildren")
        .folder("Junk", "\\HasNoChildren \\Junk")
        .folder("Archives/2024")
        .folder("Sent", "\\HasNoChildren \\Sent")
        .folder("INBOX")
        .folder("Archives", "\\HasChildren \\Archive")
        .folder("Drafts", "\\HasNoChildren \\Drafts");
    const QStringList order = {
        u"INBOX"_s, u"Drafts"_s, u"Sent"_s,        u"Archives"_s, u"Archives/2024"_s,
        u"Junk"_s,  u"Trash"_s,  u"Envoy&AOk-s"_s, u"Projets"_s,  u"Projets/Voyage scolaire"_s};
    for (const QString &name : order) {
        scenario.expect(uR"(EXAMINE "?%1"? \(CONDSTORE\))"_s.arg(QRegularExpression::escape(name)))
            .send(ImapScenario::mailbox(0, 3, 1, 1))
            .ok("[READ-ONLY] done");
    }
    ImapScenarioPlayer player(scenario, m_certificates->serverIdentity());
    Outcome outcome;
    {
        const auto client = session(player);
        SyncOptions headersOnly;
        headersOnly.bodies = SyncOptions::Bodies::None;
        outcome = sync(*client, headersOnly);
    }
    QVERIFY2(!outcome.error, qPrintable(outcome.error->technical + u'\n' + player.report()));
    QVERIFY2(player.isComplete(), qPrintable(player.report()));
    QStringList reported;
    for (const FolderSyncResult &result : std::as_const(outcome.report.folders))
        reported.append(result.path);
    QStringList decoded = order;
    decoded.replace(order.indexOf(u"Envoy&AOk-s"_s), u"Envoyés"_s);
    QCOMPARE(reported, decoded);
    QCOMPARE(player.transcript().count(u"Partage"_s), 0);

    // The cache has every folder, the \Noselect one too, with its role and decoded name.
    QCOMPARE(cache().folderStore().folders().size(), 11);
    QCOMPARE(folder(u"INBOX"_s).info.role, FolderInfo::Role::Inbox);
    QCOMPARE(folder(u"Drafts"_s).info.role, FolderInfo::Role::Drafts);
    QCOMPARE(folder(u"Sent"_s).info.role, FolderInfo::Role::Sent);
    QCOMPARE(folder(u"Archives"_s).info.role, FolderInfo::Role::Archive);
    QCOMPARE(folder(u"Junk"_s).info.role, FolderInfo::Role::Junk);
    QCOMPARE(folder(u"Trash"_s).info.role, FolderInfo::Role::Trash);
    QCOMPARE(folder(u"Archives/2024"_s).info.role, FolderInfo::Role::None);
    QCOMPARE(folder(u"Envoyés"_s).info.pathParts, QStringList{u"Envoyés"_s});
    QCOMPARE(folder(u"Projets/Voyage scolaire"_s).info.pathParts,
             (QStringList{u"Projets"_s, u"Voyage scolaire"_s}));
    QVERIFY(!folder(u"Partage"_s).info.selectable);
    QCOMPARE(folder(u"Projets"_s).uidValidity, 3u);
}

void TestSyncScenarios::recentPolicyFetchesRecentMessagesWhole()
{
    // The "last 30 days" policy: the server's SEARCH SINCE decides which new messages come
    // whole; the others come as headers, and the later body pass leaves them alone.
    const MockClock clock(QDateTime(QDate(2025, 6, 20), QTime(12, 0), Qt::UTC));
    const QByteArray old = message("Ancien bulletin", 1, "Thu, 2 Jan 2025 09:00:00 +0100");
    const QByteArray two = message("Réunion", 2);
    const QByteArray three = message("Conseil de classe", 3, "Tue, 17 Jun 2025 08:30:00 +0200");
    ImapScenario scenario = examine(u"INBOX"_s, 3, 7, 4, 12);
    scenario.expect(uR"(UID SEARCH UID 1:\*)"_s)
        .send(ImapScenario::search({1, 2, 3}))
        .ok()
        .expect(uR"(UID SEARCH UID 1:3 SINCE 21-May-2025)"_s)
        .send(ImapScenario::search({2, 3}))
        .ok()
        .expect(uR"(UID FETCH 2:3 \(UID RFC822.SIZE\))"_s)
        .send(sizeLine(2, 2, two) + sizeLine(3, 3, three))
        .ok()
        .expect(uR"(UID FETCH 2:3 \(UID FLAGS INTERNALDATE RFC822.SIZE MODSEQ BODY.PEEK\[\]\))"_s)
        .send(fetchWhole(3, 3, "", 12, three) + fetchWhole(2, 2, "\\Seen", 11, two))
        .ok()
        .expect(uR"(UID FETCH 1 \(UID FLAGS INTERNALDATE RFC822.SIZE MODSEQ BODY.PEEK\[HEADER\]\))"_s)
        .send(fetchHeader(1, 1, "\\Seen", 5, old))
        .ok();
    ImapScenarioPlayer player(scenario, m_certificates->serverIdentity());
    MemorySyncStore store;
    CachedFolder inbox;
    inbox.id = 1;
    inbox.info.pathParts = {u"INBOX"_s};
    FolderSyncResult result;
    int downloaded = -1;
    {
        const auto connection = login(player);
        QVERIFY(connection->isOpen());
        ImapCommandChannel channel(*connection);
        SyncOptions recent;
        recent.bodies = SyncOptions::Bodies::Recent;
        recent.recentDays = 30;
        FolderSynchronizer synchronizer(channel, store, recent, {});
        result = synchronizer.synchronizeHeaders(inbox);
        // The body pass after the headers: the old message stays without its body.
        downloaded = synchronizer.downloadBodies(inbox, recent.bodiesSince(Clock::currentDateTimeUtc()));
    }
    QVERIFY2(player.isComplete(), qPrintable(player.report()));
    QCOMPARE(result.added, 3);
    QCOMPARE(result.bodies, 2);
    QCOMPARE(downloaded, 0);
    QCOMPARE(store.uids(1), (QSet<quint32>{1, 2, 3}));
    QCOMPARE(store.body(1, 3), three);
    QCOMPARE(store.body(1, 2), two);
    QVERIFY(store.body(1, 1).isEmpty());
    QVERIFY(!store.message(1, 1)->hasBody);
    QCOMPARE(store.message(1, 1)->headers.subject, u"Ancien bulletin"_s);
    QCOMPARE(store.message(1, 2)->flags, QStringList{u"\\Seen"_s});
    QCOMPARE(store.state(1).uidNext, 4u);
    QCOMPARE(store.state(1).highestModSeq, 12u);
    // Once each: the date search, the sizes, one whole batch, one header batch.
    QCOMPARE(player.transcript().count(u" SINCE "_s), 1);
    QCOMPARE(player.transcript().count(u"^UID FETCH "_s), 3);
    QCOMPARE(player.transcript().count(u"BODY.PEEK\\[\\]"_s), 1);
}

void TestSyncScenarios::recentPolicyResyncChoosesBodiesByArrival()
{
    // On a resync under the window's "last 30 days" policy, the new messages' arrival dates come
    // with their sizes, in the EXAMINE's write: they choose which messages come whole without
    // SEARCH, and the first batch leaves one round trip after the EXAMINE instead of three (80 ms
    // each on a rural school's link). A message delivered late with an old arrival date (a
    // restored archive) comes as headers.
    const MockClock clock(QDateTime(QDate(2025, 6, 20), QTime(12, 0), Qt::UTC));
    const QByteArray fresh = message("Conseil de classe", 4, "Thu, 19 Jun 2025 08:30:00 +0200");
    const QByteArray restored = message("Ancien bulletin", 5, "Thu, 2 Jan 2025 09:00:00 +0100");
    ImapScenario scenario;
    scenario.capabilities("IMAP4rev1 AUTH=PLAIN LITERAL+ CONDSTORE")
        .then(examine(u"INBOX"_s, 5, 7, 6, 14))
        .expect(uR"(UID FETCH 4:\* \(UID RFC822.SIZE INTERNALDATE\))"_s)
        .send(ImapScenario::fetch(4, "UID 4 RFC822.SIZE " + QByteArray::number(fresh.size()) +
                                         " INTERNALDATE \"19-Jun-2025 08:31:02 +0200\"") +
              ImapScenario::fetch(5, "UID 5 RFC822.SIZE " + QByteArray::number(restored.size()) +
                                         " INTERNALDATE \"02-Jan-2025 09:00:07 +0100\""))
        .ok()
        .expect(uR"(UID FETCH 5 \(UID FLAGS INTERNALDATE RFC822.SIZE MODSEQ BODY.PEEK\[HEADER\]\))"_s)
        .send(fetchHeader(5, 5, "\\Seen", 14, restored))
        .ok()
        .expect(uR"(UID FETCH 4 \(UID FLAGS INTERNALDATE RFC822.SIZE MODSEQ BODY.PEEK\[\]\))"_s)
        .send(fetchWhole(4, 4, "", 13, fresh))
        .ok()
        .expect(uR"(UID FETCH 1:\* \(UID FLAGS\) \(CHANGEDSINCE 12\))"_s)
        .ok();
    ImapScenarioPlayer player(scenario, m_certificates->serverIdentity());
    MemorySyncStore store;
    CachedFolder inbox;
    QVERIFY(seedThreeMessages(store, {{}, {}, {}}, 12, &inbox));
    FolderSyncResult result;
    {
        const auto connection = login(player);
        QVERIFY(connection->isOpen());
        ImapCommandChannel channel(*connection);
        SyncOptions recent;
        recent.bodies = SyncOptions::Bodies::Recent;
        recent.recentDays = 30;
        FolderSynchronizer synchronizer(channel, store, recent, {});
        ImapCommandChannel::MailboxState listed;
        listed.exists = 5;
        listed.uidValidity = 7;
        listed.uidNext = 6;
        listed.highestModSeq = 14;
        try {
            result = synchronizer.synchronizeHeaders(inbox, listed);
        } catch (const std::exception &error) {
            QFAIL(qPrintable(QString::fromStdString(error.what()) + u'\n' + player.report()));
        }
    }
    QVERIFY2(player.isComplete(), qPrintable(player.report()));
    QCOMPARE(result.added, 2);
    QCOMPARE(result.bodies, 1);
    QCOMPARE(store.body(1, 4), fresh);
    QVERIFY(store.body(1, 5).isEmpty());
    QCOMPARE(store.message(1, 5)->headers.subject, u"Ancien bulletin"_s);
    QCOMPARE(player.transcript().count(u"SEARCH"_s), 0);
    // EXAMINE with the sizes and dates, then the two batches and the flag changes: two round trips.
    const ImapTranscript &transcript = player.transcript();
    const int examined = transcript.roundTripOf(u"^EXAMINE INBOX"_s);
    QVERIFY(examined > 0);
    QCOMPARE(transcript.roundTripOf(u"^UID FETCH 4:\\* \\(UID RFC822.SIZE INTERNALDATE\\)"_s), examined);
    QCOMPARE(transcript.roundTripOf(u"^UID FETCH 5 "_s), examined + 1);
    QCOMPARE(transcript.roundTripOf(u"^UID FETCH 4 "_s), examined + 1);
    QCOMPARE(transcript.roundTripOf(u"CHANGEDSINCE 12"_s), examined + 1);
}

void TestSyncScenarios::flagsAreComparedWithoutCondstore()
{
    // No CONDSTORE: no HIGHESTMODSEQ, no CHANGEDSINCE. Every cached UID's flags are fetched and
    // compared, and only real changes are written (\Recent is not a change).
    ImapScenario scenario;
    scenario.capabilities("IMAP4rev1 AUTH=PLAIN LITERAL+ UIDPLUS MOVE SPECIAL-USE")
        .expect(u"EXAMINE INBOX"_s)
        .send(ImapScenario::mailbox(3, 7, 4, 0))
        .ok("[READ-ONLY] done")
        .expect(uR"(UID SEARCH UID 4:\*)"_s)
        .send(ImapScenario::search({3}))
        .ok()
        .expect(uR"(UID FETCH 1:3 \(UID FLAGS\))"_s)
        .send(ImapScenario::fetch(1, "UID 1 FLAGS (\\Seen)") +
              ImapScenario::fetch(2, "UID 2 FLAGS (\\Seen \\Answered $Forwarded)") +
              ImapScenario::fetch(3, "UID 3 FLAGS (\\Flagged \\Recent)"))
        .ok();
    ImapScenarioPlayer player(scenario, m_certificates->serverIdentity());
    MemorySyncStore store;
    CachedFolder inbox;
    QVERIFY(seedThreeMessages(store, {{u"\\Seen"_s}, {}, {u"\\Flagged"_s}}, 0, &inbox));
    FolderSyncResult result;
    {
        const auto connection = login(player);
        QVERIFY(connection->isOpen());
        ImapCommandChannel channel(*connection);
        SyncOptions headersOnly;
        headersOnly.bodies = SyncOptions::Bodies::None;
        result = FolderSynchronizer(channel, store, headersOnly, {}).synchronizeHeaders(inbox);
    }
    QVERIFY2(player.isComplete(), qPrintable(player.report()));
    QVERIFY(!result.unchanged); // without HIGHESTMODSEQ an unchanged folder cannot be told apart
    QCOMPARE(result.flagsChanged, 1);
    QCOMPARE(result.added, 0);
    QCOMPARE(result.removed, 0);
    QCOMPARE(store.message(1, 1)->flags, QStringList{u"\\Seen"_s});
    QCOMPARE(store.message(1, 2)->flags, (QStringList{u"$Forwarded"_s, u"\\Answered"_s, u"\\Seen"_s}));
    QCOMPARE(store.message(1, 3)->flags, QStringList{u"\\Flagged"_s});
    QCOMPARE(store.state(1).highestModSeq, 0u);
    QCOMPARE(store.state(1).uidNext, 4u);
    QCOMPARE(player.transcript().matching(u"FETCH"_s), QList<QByteArray>{"UID FETCH 1:3 (UID FLAGS)"});
    QCOMPARE(player.transcript().count(u"CHANGEDSINCE|MODSEQ|CONDSTORE"_s), 0);
}

void TestSyncScenarios::listStatusSparesTheUnchangedFolders()
{
    // A server with LIST-STATUS: one LIST … RETURN (STATUS …) tells the state of every folder;
    // the INBOX, examined in the same write, is not examined again, the unchanged one not
    // fetched from; the changed Drafts is examined, as before.
    FolderInfo drafts;
    drafts.pathParts = {u"Drafts"_s};
    drafts.role = FolderInfo::Role::Drafts;
    seed({1, 2}, 7, 3, 12, {drafts}); // Drafts: empty, UIDVALIDITY 3, UIDNEXT 1, HIGHESTMODSEQ 1
    const QByteArray draft = message("Brouillon", 1);
    ImapScenario scenario;
    scenario.capabilities("IMAP4rev1 AUTH=PLAIN LITERAL+ CONDSTORE UIDPLUS MOVE SPECIAL-USE LIST-STATUS")
        .folder("INBOX")
        .folder("Drafts", "\\HasNoChildren \\Drafts")
        .then(examine(u"INBOX"_s, 2, 7, 3, 12))
        .expect(kListStatus)
        .send("* LIST (\\HasNoChildren) \"/\" INBOX\r\n"
              "* STATUS INBOX (MESSAGES 2 UIDNEXT 3 UIDVALIDITY 7 HIGHESTMODSEQ 12)\r\n"
              "* LIST (\\HasNoChildren \\Drafts) \"/\" Drafts\r\n"
              "* STATUS \"Drafts\" (MESSAGES 1 UIDNEXT 2 UIDVALIDITY 3 HIGHESTMODSEQ 2)\r\n")
        .ok()
        .then(examine(u"Drafts"_s, 1, 3, 2, 2))
        .expect(uR"(UID SEARCH UID 1:\*)"_s)
        .send(ImapScenario::search({1}))
        .ok()
        .expect(uR"(UID FETCH 1 \(UID FLAGS INTERNALDATE RFC822.SIZE MODSEQ BODY.PEEK\[HEADER\]\))"_s)
        .send(fetchHeader(1, 1, "\\Draft", 2, draft))
        .ok();
    ImapScenarioPlayer player(scenario, m_certificates->serverIdentity());
    Outcome outcome;
    {
        const auto client = session(player);
        SyncOptions headersOnly;
        headersOnly.bodies = SyncOptions::Bodies::None;
        outcome = sync(*client, headersOnly);
    }
    QVERIFY2(!outcome.error, qPrintable(outcome.error->technical + u'\n' + player.report()));
    QVERIFY2(player.isComplete(), qPrintable(player.report()));
    QCOMPARE(player.transcript().count(u"^EXAMINE INBOX"_s), 1);
    QCOMPARE(player.transcript().count(u"^EXAMINE Drafts"_s), 1);
    // The inbox's EXAMINE and the LIST in one write (Dovecot opens a big inbox once that way).
    const QList<QList<QByteArray>> trips = player.transcript().roundTrips();
    const auto listing = std::find_if(trips.cbegin(), trips.cend(), [](const QList<QByteArray> &trip) {
        return trip.first().startsWith("EXAMINE INBOX");
    });
    QVERIFY2(listing != trips.cend() && listing->size() == 2 && listing->last().startsWith("LIST "),
             qPrintable(player.report()));
    QCOMPARE(outcome.report.folders.size(), 2);
    QCOMPARE(outcome.report.folders.at(0).path, u"INBOX"_s);
    QVERIFY(outcome.report.folders.at(0).unchanged);
    QCOMPARE(outcome.report.folders.at(1).path, u"Drafts"_s);
    QCOMPARE(outcome.report.folders.at(1).added, 1);
    QCOMPARE(folder(u"Drafts"_s).uidNext, 2u);
    QCOMPARE(folder(u"Drafts"_s).highestModSeq, 2u);
    QCOMPARE(cache().uids(folder(u"INBOX"_s).id), (QSet<quint32>{1, 2}));
}

void TestSyncScenarios::listStatusLeavesTheSelectedMailboxFirst()
{
    // Dovecot answers STATUS of the mailbox this connection has selected from the session's own
    // view of it, which misses mail delivered since: the next sync on the same connection leaves
    // it before its LIST-STATUS, or a new message would wait for the next login. The inbox's
    // EXAMINE, in the same write, leaves it: no UNSELECT.
    FolderInfo drafts;
    drafts.pathParts = {u"Drafts"_s};
    drafts.role = FolderInfo::Role::Drafts;
    seed({1, 2}, 7, 3, 12, {drafts});
    const QByteArray draft = message("Brouillon", 1);
    const QByteArray listStatus =
        "* LIST (\\HasNoChildren) \"/\" INBOX\r\n"
        "* STATUS INBOX (MESSAGES 2 UIDNEXT 3 UIDVALIDITY 7 HIGHESTMODSEQ 12)\r\n"
        "* LIST (\\HasNoChildren \\Drafts) \"/\" Drafts\r\n"
        "* STATUS \"Drafts\" (MESSAGES 1 UIDNEXT 2 UIDVALIDITY 3 HIGHESTMODSEQ 2)\r\n";
    ImapScenario scenario;
    scenario
        .capabilities("IMAP4rev1 AUTH=PLAIN LITERAL+ CONDSTORE UIDPLUS MOVE SPECIAL-USE LIST-STATUS UNSELECT")
        .folder("INBOX")
        .folder("Drafts", "\\HasNoChildren \\Drafts")
        .then(examine(u"INBOX"_s, 2, 7, 3, 12))
        .expect(kListStatus)
        .send(listStatus)
        .ok()
        .then(examine(u"Drafts"_s, 1, 3, 2, 2))
        .expect(uR"(UID SEARCH UID 1:\*)"_s)
        .send(ImapScenario::search({1}))
        .ok()
        .expect(uR"(UID FETCH 1 \(UID FLAGS INTERNALDATE RFC822.SIZE MODSEQ BODY.PEEK\[HEADER\]\))"_s)
        .send(fetchHeader(1, 1, "\\Draft", 2, draft))
        .ok();
    ImapScenarioPlayer player(scenario, m_certificates->serverIdentity());
    const auto client = session(player);
    SyncOptions headersOnly;
    headersOnly.bodies = SyncOptions::Bodies::None;
    Outcome outcome = sync(*client, headersOnly);
    QVERIFY2(!outcome.error, qPrintable(outcome.error->technical + u'\n' + player.report()));
    QVERIFY2(player.isComplete(), qPrintable(player.report()));
    QCOMPARE(player.transcript().count(u"^UNSELECT"_s), 0); // nothing was selected yet

    // The second sync, on the same connection: Drafts is still selected; the inbox's EXAMINE
    // leaves it before the LIST.
    ImapScenario again;
    again.then(examine(u"INBOX"_s, 2, 7, 3, 12)).expect(kListStatus).send(listStatus).ok();
    player.extend(again);
    outcome = sync(*client, headersOnly);
    QVERIFY2(!outcome.error, qPrintable(outcome.error->technical + u'\n' + player.report()));
    QVERIFY2(player.isComplete(), qPrintable(player.report()));
    QCOMPARE(player.transcript().count(u"^UNSELECT"_s), 0);
    const QList<QByteArray> last = player.transcript().roundTrips().last();
    QCOMPARE(last.size(), 2); // EXAMINE and LIST in one write
    QVERIFY(last.first().startsWith("EXAMINE INBOX"));
    QVERIFY(outcome.report.folders.at(0).unchanged);
    QVERIFY(outcome.report.folders.at(1).unchanged);
}

void TestSyncScenarios::inboxExaminedAlongTheListIsNotExaminedAgain()
{
    // The inbox changed: its EXAMINE, answered in the LIST's write, is the state the sync works
    // from (no second EXAMINE, which made Dovecot open a big inbox again); the flag changes are
    // asked from the cache's HIGHESTMODSEQ and the new one saved. The sizes of its new messages
    // (none here) went behind that EXAMINE, in the same write.
    seed({1, 2, 3}, 7, 4, 10);
    ImapScenario scenario;
    scenario.capabilities("IMAP4rev1 AUTH=PLAIN LITERAL+ CONDSTORE UIDPLUS LIST-STATUS UNSELECT")
        .folder("INBOX")
        .then(examine(u"INBOX"_s, 3, 7, 4, 15))
        .expect(uR"(UID FETCH 4:\* \(UID RFC822.SIZE INTERNALDATE\))"_s)
        .send(sizesOf({3}))
        .ok()
        .expect(kListStatus)
        .send("* LIST (\\HasNoChildren) \"/\" INBOX\r\n"
              "* STATUS INBOX (MESSAGES 3 UIDNEXT 4 UIDVALIDITY 7 HIGHESTMODSEQ 15)\r\n")
        .ok()
        .expect(uR"(UID FETCH 1:\* \(UID FLAGS\) \(CHANGEDSINCE 10\))"_s)
        .send(ImapScenario::fetch(2, "UID 2 FLAGS (\\Seen) MODSEQ (15)"))
        .ok();
    ImapScenarioPlayer player(scenario, m_certificates->serverIdentity());
    Outcome outcome;
    {
        const auto client = session(player);
        outcome = sync(*client);
    }
    QVERIFY2(!outcome.error, qPrintable(outcome.error->technical + u'\n' + player.report()));
    QVERIFY2(player.isComplete(), qPrintable(player.report()));
    QCOMPARE(player.transcript().count(u"^EXAMINE "_s), 1);
    // The listing's write: the EXAMINE, the sizes behind it and the LIST; the flag changes next.
    const ImapTranscript &transcript = player.transcript();
    const int listing = transcript.roundTripOf(u"^EXAMINE INBOX"_s);
    QVERIFY(listing > 0);
    QCOMPARE(transcript.roundTripOf(u"^UID FETCH 4:\\* \\(UID RFC822.SIZE INTERNALDATE\\)"_s), listing);
    QCOMPARE(transcript.roundTripOf(u"^LIST \"\" \"\\*\""_s), listing);
    QCOMPARE(transcript.roundTripOf(u"CHANGEDSINCE 10"_s), listing + 1);
    const CachedFolder inbox = folder(u"INBOX"_s);
    QCOMPARE(cache().message(inbox.id, 2)->flags, QStringList{u"\\Seen"_s});
    QCOMPARE(inbox.highestModSeq, 15u);
    QCOMPARE(inbox.uidNext, 4u);
    QCOMPARE(outcome.report.folders.first().flagsChanged, 1);
    QVERIFY(!outcome.report.folders.first().unchanged);
}

void TestSyncScenarios::firstSyncAsksTheInboxSizesWithItsExamine()
{
    // Nothing cached yet: every message of the inbox is new, and their sizes go behind its
    // EXAMINE in the listing's write, so its first batch leaves one round trip after the login's
    // instead of two (20 ms on a school's link).
    const QByteArray first = message("Convocation", 1);
    const QByteArray second = message("Circulaire", 2);
    ImapScenario scenario;
    scenario.capabilities("IMAP4rev1 AUTH=PLAIN LITERAL+ CONDSTORE UIDPLUS LIST-STATUS UNSELECT")
        .folder("INBOX")
        .then(examine(u"INBOX"_s, 2, 7, 3, 12))
        .expect(uR"(UID FETCH 1:\* \(UID RFC822.SIZE\))"_s)
        .send(sizeLine(1, 1, first) + sizeLine(2, 2, second))
        .ok()
        .expect(kListStatus)
        .send("* LIST (\\HasNoChildren) \"/\" INBOX\r\n"
              "* STATUS INBOX (MESSAGES 2 UIDNEXT 3 UIDVALIDITY 7 HIGHESTMODSEQ 12)\r\n")
        .ok()
        .expect(uR"(UID FETCH 1:2 \(UID FLAGS INTERNALDATE RFC822.SIZE MODSEQ BODY.PEEK\[\]\))"_s)
        .send(fetchWhole(2, 2, "", 12, second) + fetchWhole(1, 1, "\\Seen", 11, first))
        .ok();
    ImapScenarioPlayer player(scenario, m_certificates->serverIdentity());
    Outcome outcome;
    {
        const auto client = session(player);
        SyncOptions everyBody;
        everyBody.bodies = SyncOptions::Bodies::All;
        outcome = sync(*client, everyBody);
    }
    QVERIFY2(!outcome.error, qPrintable(outcome.error->technical + u'\n' + player.report()));
    QVERIFY2(player.isComplete(), qPrintable(player.report()));
    const ImapTranscript &transcript = player.transcript();
    const int listing = transcript.roundTripOf(u"^EXAMINE INBOX"_s);
    QVERIFY(listing > 0);
    QCOMPARE(transcript.roundTripOf(u"^UID FETCH 1:\\* \\(UID RFC822.SIZE\\)"_s), listing);
    QCOMPARE(transcript.roundTripOf(u"BODY.PEEK"_s), listing + 1);
    QCOMPARE(transcript.count(u"^EXAMINE "_s), 1);
    const CachedFolder inbox = folder(u"INBOX"_s);
    QCOMPARE(cache().uids(inbox.id), (QSet<quint32>{1, 2}));
    QCOMPARE(cache().messageStore().body(inbox.id, 2).value_or(QByteArray()), second);
    QCOMPARE(cache().message(inbox.id, 1)->flags, QStringList{u"\\Seen"_s});
    QCOMPARE(inbox.uidNext, 3u);
    QCOMPARE(outcome.report.folders.first().added, 2);
}

void TestSyncScenarios::unreadableExamineAlongTheListIsAskedAgain()
{
    // An EXAMINE answer in the LIST's write without UIDVALIDITY is not trusted (0 would look like a
    // new UIDVALIDITY and throw the cached inbox away): the inbox is examined again on its own,
    // and the cache keeps its messages.
    seed({1, 2}, 7, 3, 12);
    ImapScenario scenario;
    scenario.capabilities("IMAP4rev1 AUTH=PLAIN LITERAL+ CONDSTORE UIDPLUS LIST-STATUS UNSELECT")
        .folder("INBOX")
        .expect(uR"(EXAMINE INBOX \(CONDSTORE\))"_s)
        .send("* 2 EXISTS\r\n* OK [UIDNEXT 3] Predicted next UID\r\n")
        .ok("[READ-ONLY] done")
        .expect(kListStatus)
        .send("* LIST (\\HasNoChildren) \"/\" INBOX\r\n"
              "* STATUS INBOX (MESSAGES 2 UIDNEXT 3 UIDVALIDITY 7 HIGHESTMODSEQ 13)\r\n")
        .ok()
        .then(examine(u"INBOX"_s, 2, 7, 3, 12));
    ImapScenarioPlayer player(scenario, m_certificates->serverIdentity());
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"EXAMINE along the LIST: .*no UIDVALIDITY"_s));
    Outcome outcome;
    {
        const auto client = session(player);
        SyncOptions headersOnly;
        headersOnly.bodies = SyncOptions::Bodies::None;
        outcome = sync(*client, headersOnly);
    }
    QVERIFY2(!outcome.error, qPrintable(outcome.error->technical + u'\n' + player.report()));
    QVERIFY2(player.isComplete(), qPrintable(player.report()));
    QCOMPARE(player.transcript().count(u"^EXAMINE INBOX"_s), 2);
    QVERIFY(outcome.report.folders.first().unchanged);
    QVERIFY(!outcome.report.folders.first().reset);
    QCOMPARE(cache().uids(folder(u"INBOX"_s).id), (QSet<quint32>{1, 2}));
}

void TestSyncScenarios::quotaIsReadWhenDueNotAfterEveryChange()
{
    // Dovecot counts a quota for every GETQUOTAROOT (150-200 ms at 100,000 messages) and a slow
    // link pays a round trip: a sync asks when nothing is known, when the answer is a quarter of
    // an hour old, when the user removed mail for good, and after a change only from the warning
    // level (80 %) on, where new mail may cross the next threshold.
    MockClock clock(QDateTime(QDate(2026, 12, 4), QTime(8, 0), Qt::UTC));
    seed({1, 2}, 7, 3, 12);
    const auto quota = [](int usedKiB) {
        ImapScenario step;
        step.expect(u"GETQUOTAROOT INBOX"_s)
            .send("* QUOTAROOT INBOX \"User quota\"\r\n* QUOTA \"User quota\" (STORAGE " +
                  QByteArray::number(usedKiB) + " 2048)\r\n")
            .ok();
        return step;
    };
    // The inbox as seed() left it (@p exists messages, HIGHESTMODSEQ @p modSeq).
    const auto inboxListed = [](quint32 exists, quint64 modSeq) {
        ImapScenario step = examine(u"INBOX"_s, exists, 7, 3, modSeq);
        step.expect(kListStatus)
            .send("* LIST (\\HasNoChildren) \"/\" INBOX\r\n* STATUS INBOX (MESSAGES " +
                  QByteArray::number(exists) + " UIDNEXT 3 UIDVALIDITY 7 HIGHESTMODSEQ " +
                  QByteArray::number(modSeq) + ")\r\n")
            .ok();
        return step;
    };
    // Another client marked message 2 read: HIGHESTMODSEQ from @p from to @p to.
    const auto flagChange = [&](quint64 from, quint64 to) {
        ImapScenario step = inboxListed(2, to);
        step.expect(uR"(UID SEARCH UID 3:\*)"_s)
            .send(ImapScenario::search({}))
            .ok()
            .expect(uR"(UID FETCH 1:\* \(UID FLAGS\) \(CHANGEDSINCE %1\))"_s.arg(from))
            .send(ImapScenario::fetch(2, "UID 2 FLAGS (\\Seen) MODSEQ (" + QByteArray::number(to) + ")"))
            .ok();
        return step;
    };
    ImapScenario scenario;
    scenario.capabilities("IMAP4rev1 AUTH=PLAIN LITERAL+ CONDSTORE UIDPLUS LIST-STATUS UNSELECT QUOTA")
        .folder("INBOX")
        .then(inboxListed(2, 12))
        .then(quota(1200));
    ImapScenarioPlayer player(scenario, m_certificates->serverIdentity());
    const auto client = session(player);
    SyncOptions headersOnly;
    headersOnly.bodies = SyncOptions::Bodies::None;
    const auto syncAfter = [&](int minutes, const ImapScenario &next) {
        player.extend(next);
        clock.advanceSeconds(minutes * 60);
        const Outcome outcome = sync(*client, headersOnly);
        QVERIFY2(!outcome.error, qPrintable(outcome.error->technical + u'\n' + player.report()));
        QVERIFY2(player.isComplete(), qPrintable(player.report()));
    };
    const auto asked = [&] {
        return player.transcript().count(u"^GETQUOTAROOT"_s);
    };
    syncAfter(0, ImapScenario()); // nothing known yet: asked
    QCOMPARE(asked(), 1);
    QCOMPARE(cache().quotaStore().quota()->storageUsedKiB, 1200);

    syncAfter(2, flagChange(12, 13)); // a change at 58 %: not asked
    syncAfter(8, inboxListed(2, 13)); // nothing new, ten minutes after the answer: not asked
    QCOMPARE(asked(), 1);

    syncAfter(6, inboxListed(2, 13).then(quota(1700))); // sixteen minutes: asked again
    QCOMPARE(asked(), 2);
    QCOMPARE(cache().quotaStore().quota()->storageUsedKiB, 1700);

    syncAfter(1, flagChange(13, 14).then(quota(1750))); // 83 %: a change is enough
    syncAfter(1, inboxListed(2, 14));                   // but not a resync that found nothing
    QCOMPARE(asked(), 3);
    QCOMPARE(cache().quotaStore().quota()->storageUsedKiB, 1750);

    // The user empties message 2 for good: the sync that sends it reads the quota at once.
    {
        MailCache writer;
        QString error;
        QVERIFY(writer.open(m_cachePath, kAddress, MailCache::Mode::ReadWrite, &error));
        QVERIFY2(OfflineChanges(writer).removeForGood(u"INBOX"_s, {2}, &error), qPrintable(error));
        AccountQuota lower = *writer.quotaStore().quota();
        lower.storageUsedKiB = 1000; // below the warning level: only the removal asks
        QVERIFY(writer.quotaStore().saveQuota(lower));
    }
    ImapScenario removal = selectedForReplay(2, true, 2, 14);
    removal.expect(uR"(UID STORE 2 \+FLAGS.SILENT \(\\Deleted\))"_s)
        .ok()
        .expect(u"UID EXPUNGE 2"_s)
        .send("* 2 EXPUNGE\r\n")
        .ok()
        .then(inboxListed(1, 15))
        .expect(uR"(UID SEARCH UID 3:\*)"_s)
        .send(ImapScenario::search({}))
        .ok()
        .expect(uR"(UID FETCH 1:\* \(UID FLAGS\) \(CHANGEDSINCE 14\))"_s)
        .ok()
        .then(quota(900));
    syncAfter(1, removal);
    QCOMPARE(asked(), 4);
    QCOMPARE(cache().quotaStore().quota()->storageUsedKiB, 900);
}

void TestSyncScenarios::quotaGoesOutBeforeTheExpungedMessagesAreRemoved()
{
    // Once a changed folder's commands are answered, the account may send its own (the sync's
    // GETQUOTAROOT) before the cache removes what was expunged: the server counts the quota while
    // the cache writes. The reply is read later, after another command went out (kept, not lost).
    // The expunge check leaves with the flag changes, one round trip for both; the GETQUOTAROOT
    // only after their answers: Dovecot counts a quota as soon as it reads the command, and the
    // answers sent with it would wait for the count (200 ms at 100,000 messages).
    ImapScenario scenario = examine(u"INBOX"_s, 2, 7, 4, 12);
    scenario.capabilities("IMAP4rev1 AUTH=PLAIN LITERAL+ CONDSTORE QUOTA")
        .expect(uR"(UID SEARCH UID 4:\*)"_s)
        .send(ImapScenario::search({3}))
        .ok()
        .expect(uR"(UID FETCH 1:\* \(UID FLAGS\) \(CHANGEDSINCE 10\))"_s)
        .ok()
        .expect(uR"(UID SEARCH UID 1:\*)"_s)
        .send(ImapScenario::search({1, 3}))
        .ok()
        .expect(u"GETQUOTAROOT INBOX"_s)
        .send("* QUOTAROOT INBOX \"User quota\"\r\n* QUOTA \"User quota\" (STORAGE 1500 2048)\r\n")
        .ok()
        .then(examine(u"Archives"_s, 0, 3, 1, 1));
    ImapScenarioPlayer player(scenario, m_certificates->serverIdentity());
    MemorySyncStore store;
    CachedFolder inbox;
    QVERIFY(seedThreeMessages(store, {{}, {}, {}}, 10, &inbox));
    FolderSyncResult result;
    bool expungedStillCachedWhenAsked = false;
    bool quotaSent = false;
    std::optional<ImapQuotaParser::QuotaRoots> roots;
    ImapCommandChannel::MailboxState archives;
    {
        const auto connection = login(player);
        QVERIFY(connection->isOpen());
        ImapCommandChannel channel(*connection);
        SyncOptions headersOnly;
        headersOnly.bodies = SyncOptions::Bodies::None;
        FolderSynchronizer synchronizer(channel, store, headersOnly, {});
        synchronizer.setServerPartDone([&] {
            expungedStillCachedWhenAsked = store.message(1, 2).has_value();
            quotaSent = channel.sendQuotaRoot(u"INBOX"_s);
        });
        result = synchronizer.synchronizeHeaders(inbox);
        archives = channel.examine(u"Archives"_s);
        roots = channel.readQuotaRoot();
    }
    QVERIFY2(player.isComplete(), qPrintable(player.report()));
    const ImapTranscript &transcript = player.transcript();
    const int flagsAsked = transcript.roundTripOf(u"CHANGEDSINCE 10"_s);
    QVERIFY(flagsAsked > 0);
    QCOMPARE(transcript.roundTripOf(u"^UID SEARCH UID 1:\\*"_s), flagsAsked);
    QCOMPARE(transcript.roundTripOf(u"^GETQUOTAROOT INBOX"_s), flagsAsked + 1);
    QVERIFY(quotaSent);
    QVERIFY(expungedStillCachedWhenAsked);
    QCOMPARE(result.removed, 1);
    QVERIFY(!store.message(1, 2));
    QCOMPARE(store.state(1).highestModSeq, 12u);
    QCOMPARE(archives.uidValidity, 3u);
    QVERIFY(roots);
    QCOMPARE(roots->quotas.size(), 1);
    QCOMPARE(roots->quotas.first().storage()->usage, quint64(1500));
}

void TestSyncScenarios::serverWorksWhileTheCacheDoes()
{
    // A command whose answer the cache's work does not change goes out before that work: the new
    // messages' UIDs and sizes before the cached UIDs are read, the flag changes before the last
    // new messages are stored. The server looks them up meanwhile (Dovecot: 100-160 ms for the
    // sizes of 500 new messages in a 68,000-message Maildir inbox) instead of after.
    const QByteArray fresh = message("Nouveau", 4);
    ImapScenario scenario;
    scenario.capabilities("IMAP4rev1 AUTH=PLAIN LITERAL+ CONDSTORE")
        .expect(uR"(UID FETCH 4:\* \(UID RFC822.SIZE\))"_s)
        .send(sizeLine(4, 4, fresh))
        .ok()
        .expect(uR"(UID FETCH 4 \(UID FLAGS INTERNALDATE RFC822.SIZE MODSEQ BODY.PEEK\[\]\))"_s)
        .send(fetchWhole(4, 4, "\\Recent", 12, fresh))
        .ok()
        .expect(uR"(UID FETCH 1:\* \(UID FLAGS\) \(CHANGEDSINCE 10\))"_s)
        .send(ImapScenario::fetch(2, "UID 2 FLAGS (\\Seen) MODSEQ (11)") +
              ImapScenario::fetch(4, "UID 4 FLAGS (\\Recent) MODSEQ (12)"))
        .ok();
    ImapScenarioPlayer player(scenario, m_certificates->serverIdentity());
    MemorySyncStore store;
    CachedFolder inbox;
    QVERIFY(seedThreeMessages(store, {{}, {}, {}}, 10, &inbox));
    qint64 sentWhenUidsRead = -1;
    qint64 sentWhenStored = -1;
    qint64 sentAtTheEnd = -1;
    FolderSyncResult result;
    {
        const auto connection = login(player);
        QVERIFY(connection->isOpen());
        ImapCommandChannel channel(*connection);
        SyncOptions everyBody;
        everyBody.bodies = SyncOptions::Bodies::All;
        FolderSynchronizer synchronizer(channel, store, everyBody, {});
        const qint64 sentBefore = connection->lastConnectionReport().bytesSent;
        store.setObserver([&](MemorySyncStore::Access access) {
            const qint64 sent = connection->lastConnectionReport().bytesSent;
            if (access == MemorySyncStore::Access::UidsRead)
                sentWhenUidsRead = sent - sentBefore;
            else if (access == MemorySyncStore::Access::MessagesStored)
                sentWhenStored = sent;
        });
        // The inbox was examined along the folder list: its state is known.
        result = synchronizer.synchronizeHeaders(inbox, ImapCommandChannel::MailboxState{7, 5, 12, 4},
                                                 FolderSynchronizer::KnownState::Examined);
        sentAtTheEnd = connection->lastConnectionReport().bytesSent;
    }
    QVERIFY2(player.isComplete(), qPrintable(player.report()));
    // The FETCH of the sizes was on the network when the cache was read…
    QCOMPARE(sentWhenUidsRead, qint64(QByteArrayView("a003 UID FETCH 4:* (UID RFC822.SIZE)\r\n").size()));
    // … and the one of the flag changes when the new message was stored: nothing left after it.
    QVERIFY(sentWhenStored > 0);
    QCOMPARE(sentWhenStored, sentAtTheEnd);
    QCOMPARE(result.added, 1);
    QCOMPARE(result.bodies, 1);
    QCOMPARE(result.flagsChanged, 1); // message 2; the new message 4 is not a flag change
    QCOMPARE(store.message(1, 2)->flags, QStringList{u"\\Seen"_s});
    QCOMPARE(store.body(1, 4), fresh);
    QCOMPARE(store.state(1).highestModSeq, 12u);
    QCOMPARE(store.state(1).uidNext, 5u);
}

void TestSyncScenarios::nextFolderIsExaminedWhileTheLastBatchArrives()
{
    // A first sync: once the inbox's last batch is asked for, nothing more will be asked of the
    // inbox, so the next folder's EXAMINE and sizes leave at once, behind that batch, and the
    // link does not wait a round trip between the two folders. The replies still reach their
    // own readers.
    const QByteArray inboxMessage = message("Bienvenue", 1);
    const QByteArray archived = message("Archive 2024", 2);
    ImapScenario scenario;
    scenario.capabilities("IMAP4rev1 AUTH=PLAIN LITERAL+ CONDSTORE")
        .expect(uR"(UID FETCH 1:\* \(UID RFC822.SIZE\))"_s)
        .send(sizeLine(1, 1, inboxMessage))
        .ok()
        .expect(uR"(UID FETCH 1 \(UID FLAGS INTERNALDATE RFC822.SIZE MODSEQ BODY.PEEK\[\]\))"_s)
        .send(fetchWhole(1, 1, "", 3, inboxMessage))
        .ok()
        .expect(uR"(EXAMINE Archives \(CONDSTORE\))"_s)
        .send("* 1 EXISTS\r\n* OK [UIDVALIDITY 9] x\r\n* OK [UIDNEXT 3] x\r\n* OK [HIGHESTMODSEQ 5] x\r\n")
        .ok("[READ-ONLY] Examine completed")
        .expect(uR"(UID FETCH 1:\* \(UID RFC822.SIZE\))"_s)
        .send(sizeLine(1, 2, archived))
        .ok()
        .expect(uR"(UID FETCH 2 \(UID FLAGS INTERNALDATE RFC822.SIZE MODSEQ BODY.PEEK\[\]\))"_s)
        .send(fetchWhole(1, 2, "\\Seen", 5, archived))
        .ok();
    ImapScenarioPlayer player(scenario, m_certificates->serverIdentity());
    MemorySyncStore store;
    CachedFolder inbox;
    inbox.id = 1;
    inbox.info.pathParts = {u"INBOX"_s};
    CachedFolder archives;
    archives.id = 2;
    archives.info.pathParts = {u"Archives"_s};
    qint64 sentBefore = 0;
    qint64 sentWhenInboxStored = -1;
    FolderSyncResult inboxResult;
    FolderSyncResult archivesResult;
    {
        const auto connection = login(player);
        QVERIFY(connection->isOpen());
        ImapCommandChannel channel(*connection);
        SyncOptions everyBody;
        everyBody.bodies = SyncOptions::Bodies::All;
        FolderSynchronizer synchronizer(channel, store, everyBody, {});
        sentBefore = connection->lastConnectionReport().bytesSent;
        store.setObserver([&](MemorySyncStore::Access access) {
            if (access == MemorySyncStore::Access::MessagesStored && sentWhenInboxStored < 0)
                sentWhenInboxStored = connection->lastConnectionReport().bytesSent - sentBefore;
        });
        const ImapCommandChannel::MailboxState archivesListed{9, 3, 5, 1};
        synchronizer.setFolderAhead(std::make_pair(archives, archivesListed));
        inboxResult = synchronizer.synchronizeHeaders(inbox, ImapCommandChannel::MailboxState{7, 2, 3, 1},
                                                      FolderSynchronizer::KnownState::Examined);
        synchronizer.setFolderAhead(std::nullopt);
        archivesResult = synchronizer.synchronizeHeaders(archives, archivesListed);
    }
    QVERIFY2(player.isComplete(), qPrintable(player.report()));
    QCOMPARE(
        sentWhenInboxStored,
        qint64(QByteArrayView("a003 UID FETCH 1:* (UID RFC822.SIZE)\r\n"
                              "a004 UID FETCH 1 (UID FLAGS INTERNALDATE RFC822.SIZE MODSEQ BODY.PEEK[])\r\n"
                              "a005 EXAMINE Archives (CONDSTORE)\r\n"
                              "a006 UID FETCH 1:* (UID RFC822.SIZE)\r\n")
                   .size()));
    QCOMPARE(inboxResult.added, 1);
    QCOMPARE(archivesResult.added, 1);
    QCOMPARE(store.body(1, 1), inboxMessage);
    QCOMPARE(store.body(2, 2), archived);
    QCOMPARE(store.message(2, 2)->flags, QStringList{u"\\Seen"_s});
    QCOMPARE(store.state(2).uidNext, 3u);
}

void TestSyncScenarios::bodiesComeNewestFirstInGrowingBatches()
{
    // The first batch of bodies is bounded at 1 MB, each next one at twice the bound before (up
    // to SyncOptions::bodyBatchBytes): the newest message is readable after a short first fetch
    // instead of after 8 MB (seven seconds on a school's 10 Mbit/s link). Five new messages the
    // server says weigh 600 KB each: 1 MB takes the newest alone, 2 MB the next three, 4 MB the
    // oldest.
    QList<QByteArray> fresh;
    QByteArray sizes;
    for (quint32 uid = 4; uid <= 8; ++uid) {
        fresh.append(message("Nouveau " + QByteArray::number(uid), uid));
        sizes += ImapScenario::fetch(uid, "UID " + QByteArray::number(uid) + " RFC822.SIZE 600000");
    }
    const auto whole = [&](quint32 uid) {
        return fetchWhole(uid, uid, "", 12, fresh.at(uid - 4));
    };
    ImapScenario scenario;
    scenario.capabilities("IMAP4rev1 AUTH=PLAIN LITERAL+ CONDSTORE")
        .expect(uR"(UID FETCH 4:\* \(UID RFC822.SIZE\))"_s)
        .send(sizes)
        .ok()
        .expect(uR"(UID FETCH 8 \(UID FLAGS INTERNALDATE RFC822.SIZE MODSEQ BODY.PEEK\[\]\))"_s)
        .send(whole(8))
        .ok()
        .expect(uR"(UID FETCH 5:7 \(UID FLAGS INTERNALDATE RFC822.SIZE MODSEQ BODY.PEEK\[\]\))"_s)
        .send(whole(7) + whole(6) + whole(5))
        .ok()
        .expect(uR"(UID FETCH 4 \(UID FLAGS INTERNALDATE RFC822.SIZE MODSEQ BODY.PEEK\[\]\))"_s)
        .send(whole(4))
        .ok()
        .expect(uR"(UID FETCH 1:\* \(UID FLAGS\) \(CHANGEDSINCE 10\))"_s)
        .ok();
    ImapScenarioPlayer player(scenario, m_certificates->serverIdentity());
    MemorySyncStore store;
    CachedFolder inbox;
    QVERIFY(seedThreeMessages(store, {{}, {}, {}}, 10, &inbox));
    QList<int> progress;
    FolderSyncResult result;
    {
        const auto connection = login(player);
        QVERIFY(connection->isOpen());
        ImapCommandChannel channel(*connection);
        SyncOptions everyBody;
        everyBody.bodies = SyncOptions::Bodies::All;
        FolderSynchronizer synchronizer(channel, store, everyBody,
                                        [&](const QString &, int done, int) { progress.append(done); });
        result = synchronizer.synchronizeHeaders(inbox, ImapCommandChannel::MailboxState{7, 9, 12, 8},
                                                 FolderSynchronizer::KnownState::Examined);
    }
    QVERIFY2(player.isComplete(), qPrintable(player.report()));
    QCOMPARE(progress, (QList<int>{1, 4, 5}));
    QCOMPARE(result.added, 5);
    QCOMPARE(result.bodies, 5);
    for (quint32 uid = 4; uid <= 8; ++uid)
        QCOMPARE(store.body(1, uid), fresh.at(uid - 4));
    QCOMPARE(store.state(1).uidNext, 9u);
}

void TestSyncScenarios::batchBeingStoredIsKeptWhenTheFolderFails()
{
    // The last batch of new messages is still being written (BackgroundMessageWriter) while the
    // flag changes are read; when the server fails there, that batch is committed before the
    // error goes up, and the folder's state is not saved: the next sync asks again from the old
    // UIDNEXT and skips what is already cached. Nothing fetched is lost.
    seed({1, 2, 3}, 7, 4, 10);
    QList<QByteArray> fresh;
    for (quint32 uid = 4; uid <= 6; ++uid)
        fresh.append(message("Nouveau " + QByteArray::number(uid), uid));
    QByteArray sizes;
    for (quint32 uid = 4; uid <= 6; ++uid)
        sizes += ImapScenario::fetch(uid, "UID " + QByteArray::number(uid) + " RFC822.SIZE " +
                                              QByteArray::number(fresh.at(uid - 4).size()));
    ImapScenario scenario;
    scenario.capabilities("IMAP4rev1 AUTH=PLAIN LITERAL+ CONDSTORE")
        .expect(uR"(UID FETCH 4:\* \(UID RFC822.SIZE\))"_s)
        .send(sizes)
        .ok();
    // Newest first, one message per batch (a one-byte batch bound): three batches, so the
    // writer thread stores them.
    for (quint32 uid = 6; uid >= 4; --uid) {
        scenario
            .expect(
                u"UID FETCH %1 \\(UID FLAGS INTERNALDATE RFC822.SIZE MODSEQ BODY.PEEK\\[\\]\\)"_s.arg(uid))
            .send(fetchWhole(uid, uid, "", 11, fresh.at(uid - 4)))
            .ok();
    }
    scenario.expect(uR"(UID FETCH 1:\* \(UID FLAGS\) \(CHANGEDSINCE 10\))"_s)
        .no("[SERVERBUG] Internal error");
    ImapScenarioPlayer player(scenario, m_certificates->serverIdentity());
    std::optional<std::string> failure;
    int progressReports = 0;
    {
        MailCache writer;
        QString error;
        QVERIFY2(writer.open(m_cachePath, kAddress, MailCache::Mode::ReadWrite, &error), qPrintable(error));
        const CachedFolder inbox = *writer.folderStore().folder(u"INBOX"_s);
        const auto connection = login(player);
        QVERIFY(connection->isOpen());
        ImapCommandChannel channel(*connection);
        SyncOptions options;
        options.bodies = SyncOptions::Bodies::All;
        options.bodyBatchBytes = 1;
        FolderSynchronizer synchronizer(channel, writer, options,
                                        [&](const QString &, int, int) { ++progressReports; });
        try {
            synchronizer.synchronizeHeaders(inbox, ImapCommandChannel::MailboxState{7, 7, 12, 6},
                                            FolderSynchronizer::KnownState::Examined);
        } catch (const vmime::exceptions::command_error &refusal) {
            failure = refusal.what();
        }
    }
    QVERIFY2(player.isComplete(), qPrintable(player.report()));
    QVERIFY2(failure, "the server's NO must reach the caller");
    QCOMPARE(progressReports, 2); // the third batch was committed after the failure, not reported
    const CachedFolder inbox = folder(u"INBOX"_s);
    QCOMPARE(cache().uids(inbox.id), (QSet<quint32>{1, 2, 3, 4, 5, 6}));
    QCOMPARE(cache().messageStore().body(inbox.id, 4).value_or(QByteArray()), fresh.at(0));
    QCOMPARE(inbox.uidNext, 4u);
    QCOMPARE(inbox.highestModSeq, 10u);
}

namespace {

/// The messages of twoFirstFetches(): the inbox's UIDs 1 and 2, the archives' UID 4.
QByteArray firstFetched(quint32 uid)
{
    return message(uid == 1 ? "Convocation" : uid == 2 ? "Circulaire" : "Archive 2024", uid);
}

/// Two folders fetched for the first time on a real cache (so with its BackgroundMessageWriter):
/// the inbox's two messages, then the archives' one, the archives examined behind the inbox's
/// last batch as AccountSynchronizer has it.
ImapScenario twoFirstFetches()
{
    const QByteArray first = firstFetched(1);
    const QByteArray second = firstFetched(2);
    const QByteArray archived = firstFetched(4);
    ImapScenario scenario;
    scenario.capabilities("IMAP4rev1 AUTH=PLAIN LITERAL+ CONDSTORE")
        .expect(uR"(UID FETCH 1:\* \(UID RFC822.SIZE\))"_s)
        .send(sizeLine(1, 1, first) + sizeLine(2, 2, second))
        .ok()
        .expect(uR"(UID FETCH 1:2 \(UID FLAGS INTERNALDATE RFC822.SIZE MODSEQ BODY.PEEK\[\]\))"_s)
        .send(fetchWhole(2, 2, "", 3, second) + fetchWhole(1, 1, "\\Seen", 3, first))
        .ok()
        .expect(uR"(EXAMINE Archives \(CONDSTORE\))"_s)
        .send("* 1 EXISTS\r\n* OK [UIDVALIDITY 9] x\r\n* OK [UIDNEXT 5] x\r\n* OK [HIGHESTMODSEQ 5] x\r\n")
        .ok("[READ-ONLY] Examine completed")
        .expect(uR"(UID FETCH 1:\* \(UID RFC822.SIZE\))"_s)
        .send(sizeLine(1, 4, archived))
        .ok()
        .expect(uR"(UID FETCH 4 \(UID FLAGS INTERNALDATE RFC822.SIZE MODSEQ BODY.PEEK\[\]\))"_s)
        .send(fetchWhole(1, 4, "\\Seen", 5, archived))
        .ok();
    return scenario;
}

} // namespace

void TestSyncScenarios::firstFetchedFolderIsWrittenWhileTheNextStarts()
{
    // A folder fetched for the first time has nothing left to do once its last batch is read: the
    // writer stores that batch and then saves the folder's state, while the next folder starts
    // (its EXAMINE and sizes already answered) instead of waiting for the commit. The inbox's
    // progress is reported once committed, when the next folder's batch is handed over.
    seedTwoNewFolders();
    ImapScenarioPlayer player(twoFirstFetches(), m_certificates->serverIdentity());
    QList<std::tuple<QString, int, int>> progress;
    QList<std::tuple<QString, int, int>> progressWhenInboxReturned;
    FolderSyncResult inboxResult;
    FolderSyncResult archivesResult;
    {
        MailCache writer;
        QString error;
        QVERIFY2(writer.open(m_cachePath, kAddress, MailCache::Mode::ReadWrite, &error), qPrintable(error));
        const CachedFolder inbox = *writer.folderStore().folder(u"INBOX"_s);
        const CachedFolder archives = *writer.folderStore().folder(u"Archives"_s);
        const auto connection = login(player);
        QVERIFY(connection->isOpen());
        ImapCommandChannel channel(*connection);
        SyncOptions everyBody;
        everyBody.bodies = SyncOptions::Bodies::All;
        FolderSynchronizer synchronizer(channel, writer, everyBody,
                                        [&](const QString &path, int done, int total) {
                                            progress.append({path, done, total});
                                        });
        const ImapCommandChannel::MailboxState archivesListed{9, 5, 5, 1};
        synchronizer.setFolderAhead(std::make_pair(archives, archivesListed));
        inboxResult = synchronizer.synchronizeHeaders(inbox, ImapCommandChannel::MailboxState{7, 3, 3, 2},
                                                      FolderSynchronizer::KnownState::Examined);
        progressWhenInboxReturned = progress;
        synchronizer.setFolderAhead(std::nullopt);
        archivesResult = synchronizer.synchronizeHeaders(archives, archivesListed);
        synchronizer.finishStoring();
    }
    QVERIFY2(player.isComplete(), qPrintable(player.report()));
    // The inbox's sync returned without waiting for its batch's commit…
    QVERIFY(progressWhenInboxReturned.isEmpty());
    QCOMPARE(inboxResult.added, 2);
    QCOMPARE(inboxResult.bodies, 2);
    // … which was reported before the archives' own.
    const QList<std::tuple<QString, int, int>> expected{{u"INBOX"_s, 2, 2}, {u"Archives"_s, 1, 1}};
    QCOMPARE(progress, expected);
    QCOMPARE(archivesResult.added, 1);
    const CachedFolder inbox = folder(u"INBOX"_s);
    QCOMPARE(cache().uids(inbox.id), (QSet<quint32>{1, 2}));
    QCOMPARE(cache().messageStore().body(inbox.id, 2).value_or(QByteArray()), firstFetched(2));
    QCOMPARE(inbox.uidValidity, 7u);
    QCOMPARE(inbox.uidNext, 3u);
    QCOMPARE(inbox.highestModSeq, 3u);
    const CachedFolder archives = folder(u"Archives"_s);
    QCOMPARE(cache().uids(archives.id), QSet<quint32>{4});
    QCOMPARE(archives.uidNext, 5u);
}

void TestSyncScenarios::failedLastBatchOfAFolderSavesNotItsState()
{
    // The writer fails on the inbox's last batch (the disk refused it) after the inbox's sync
    // returned: the error comes up in the next folder's sync, the inbox keeps its old state (the
    // next sync asks again from UIDNEXT 1), and nothing half-written is left in either folder.
    seedTwoNewFolders();
    ImapScenarioPlayer player(twoFirstFetches(), m_certificates->serverIdentity());
    std::optional<std::string> failure;
    {
        MailCache writer;
        QString error;
        QVERIFY2(writer.open(m_cachePath, kAddress, MailCache::Mode::ReadWrite, &error), qPrintable(error));
        const CachedFolder inbox = *writer.folderStore().folder(u"INBOX"_s);
        const CachedFolder archives = *writer.folderStore().folder(u"Archives"_s);
        // A write the database refuses, as a full disk would, on the writer's own connection.
        QVERIFY(writer.database().exec(
            u"CREATE TRIGGER refuse_inbox BEFORE INSERT ON messages WHEN NEW.folder_id = "_s +
            QString::number(inbox.id) + u" BEGIN SELECT RAISE(ABORT, 'disk full'); END"_s));
        const auto connection = login(player);
        QVERIFY(connection->isOpen());
        ImapCommandChannel channel(*connection);
        SyncOptions everyBody;
        everyBody.bodies = SyncOptions::Bodies::All;
        FolderSynchronizer synchronizer(channel, writer, everyBody, {});
        const ImapCommandChannel::MailboxState archivesListed{9, 5, 5, 1};
        synchronizer.setFolderAhead(std::make_pair(archives, archivesListed));
        (void)synchronizer.synchronizeHeaders(inbox, ImapCommandChannel::MailboxState{7, 3, 3, 2},
                                              FolderSynchronizer::KnownState::Examined);
        synchronizer.setFolderAhead(std::nullopt);
        try {
            (void)synchronizer.synchronizeHeaders(archives, archivesListed);
            synchronizer.finishStoring();
        } catch (const CacheWriteError &refused) {
            failure = refused.what();
        }
        QVERIFY(writer.database().exec(u"DROP TRIGGER refuse_inbox"_s));
    }
    QVERIFY2(failure, "the writer's failure must reach the sync");
    QVERIFY2(failure->find("disk full") != std::string::npos, failure->c_str());
    const CachedFolder inbox = folder(u"INBOX"_s);
    QVERIFY(cache().uids(inbox.id).isEmpty());
    QCOMPARE(inbox.uidNext, 0u);
    QCOMPARE(inbox.uidValidity, 0u);
    const CachedFolder archives = folder(u"Archives"_s);
    QVERIFY(cache().uids(archives.id).isEmpty());
    QCOMPARE(archives.uidNext, 0u); // its batch was never stored
}

void TestSyncScenarios::namespaceIsAskedOncePerLogin()
{
    // The namespaces do not change while logged in: the kept connection asks once, not at every
    // resync (a round trip each on a slow link).
    seed({1, 2}, 7, 3, 12);
    ImapScenario scenario;
    scenario.capabilities("IMAP4rev1 AUTH=PLAIN LITERAL+ CONDSTORE UIDPLUS LIST-STATUS UNSELECT NAMESPACE")
        .folder("INBOX")
        .expect(u"NAMESPACE"_s)
        .send("* NAMESPACE ((\"\" \"/\")) ((\"shared/\" \"/\")) NIL\r\n")
        .ok()
        .then(examine(u"INBOX"_s, 2, 7, 3, 12))
        .expect(kListStatus)
        .send(kUnchangedInbox)
        .ok();
    ImapScenarioPlayer player(scenario, m_certificates->serverIdentity());
    const auto client = session(player);
    SyncOptions headersOnly;
    headersOnly.bodies = SyncOptions::Bodies::None;
    for (int i = 0; i < 3; ++i) {
        if (i > 0) {
            ImapScenario again;
            again.then(examine(u"INBOX"_s, 2, 7, 3, 12)).expect(kListStatus).send(kUnchangedInbox).ok();
            player.extend(again);
        }
        const Outcome outcome = sync(*client, headersOnly);
        QVERIFY2(!outcome.error, qPrintable(outcome.error->technical + u'\n' + player.report()));
        QVERIFY2(player.isComplete(), qPrintable(player.report()));
    }
    QCOMPARE(player.transcript().count(u"^NAMESPACE"_s), 1);
}

void TestSyncScenarios::sizesSentWithAnUnchangedInboxAreDropped()
{
    // The inbox's sizes go behind its EXAMINE in the listing's write; an unchanged inbox does not
    // need them, but their reply is read all the same (FolderSynchronizer::dropFetchReply), here
    // coming after the LIST's (a server may answer the LIST first), and the next sync on the
    // connection the window keeps starts clean. The scripted server sends the two replies in one
    // burst, which the first reader takes whole: this does not show a reply left in the socket.
    seed({1, 2}, 7, 3, 12);
    ImapScenario scenario = freshLoginUpToTheInbox();
    scenario.expect(uR"(UID FETCH 3:\* \(UID RFC822.SIZE INTERNALDATE\))"_s)
        .expect(kListStatus)
        .send(kUnchangedInbox)
        .ok()
        .send(sizesOf({2}) + "a005 OK done\r\n"); // the FETCH's, after the LIST's
    ImapScenarioPlayer player(scenario, m_certificates->serverIdentity());
    const auto client = session(player);
    Outcome outcome = sync(*client); // the window's policy: recent mail
    QVERIFY2(!outcome.error, qPrintable(outcome.error->technical + u'\n' + player.report()));
    QVERIFY2(player.isComplete(), qPrintable(player.report()));
    QVERIFY(outcome.report.folders.at(0).unchanged);

    ImapScenario again;
    again.then(examine(u"INBOX"_s, 2, 7, 3, 12))
        .expect(uR"(UID FETCH 3:\* \(UID RFC822.SIZE INTERNALDATE\))"_s)
        .send(sizesOf({2}))
        .ok()
        .expect(kListStatus)
        .send(kUnchangedInbox)
        .ok();
    player.extend(again);
    outcome = sync(*client);
    QVERIFY2(!outcome.error, qPrintable(outcome.error->technical + u'\n' + player.report()));
    QVERIFY2(player.isComplete(), qPrintable(player.report()));
    QVERIFY(outcome.report.folders.at(0).unchanged);
    QCOMPARE(player.transcript().count(u"^EXAMINE "_s), 2);
}

void TestSyncScenarios::unchangedResyncIsOneRoundTrip()
{
    // Issue 19: from a fresh login, the login (SASL-IR), VMime's LIST "" "", then NAMESPACE, the
    // inbox's EXAMINE and the LIST of the folders with their states in one write, and no
    // CAPABILITY (the login's OK carried them); on the kept connection, a resync that finds
    // nothing new is one round trip.
    seed({1, 2}, 7, 3, 12);
    ImapScenario scenario = freshLoginUpToTheInbox();
    scenario.expect(kListStatus).send(kUnchangedInbox).ok();
    ImapScenarioPlayer player(scenario, m_certificates->serverIdentity());
    const auto client = session(player);
    SyncOptions headersOnly;
    headersOnly.bodies = SyncOptions::Bodies::None;
    Outcome outcome = sync(*client, headersOnly);
    QVERIFY2(!outcome.error, qPrintable(outcome.error->technical + u'\n' + player.report()));
    QVERIFY2(player.isComplete(), qPrintable(player.report()));
    QList<QList<QByteArray>> trips = player.transcript().roundTrips();
    QCOMPARE(trips.size(), 3);
    QCOMPARE(trips.at(0).size(), 1);
    QVERIFY(trips.at(0).first().startsWith("AUTHENTICATE PLAIN ")); // with its initial response
    QCOMPARE(trips.at(1), QList<QByteArray>{"LIST \"\" \"\""});
    QCOMPARE(trips.at(2).size(), 3);
    QCOMPARE(trips.at(2).first(), QByteArray("NAMESPACE"));
    QCOMPARE(trips.at(2).at(1), QByteArray("EXAMINE INBOX (CONDSTORE)"));
    QCOMPARE(player.transcript().count(u"^CAPABILITY"_s), 0);
    QVERIFY(outcome.report.folders.at(0).unchanged);

    // The next resyncs on the kept connection: the inbox's EXAMINE and the LIST, one round trip
    // each.
    for (int i = 0; i < 2; ++i) {
        ImapScenario again;
        again.then(examine(u"INBOX"_s, 2, 7, 3, 12)).expect(kListStatus).send(kUnchangedInbox).ok();
        player.extend(again);
        outcome = sync(*client, headersOnly);
        QVERIFY2(!outcome.error, qPrintable(outcome.error->technical + u'\n' + player.report()));
        QVERIFY2(player.isComplete(), qPrintable(player.report()));
        trips = player.transcript().roundTrips();
        QCOMPARE(trips.size(), 4 + i);
        QCOMPARE(trips.last().size(), 2);
        QCOMPARE(trips.last().first(), QByteArray("EXAMINE INBOX (CONDSTORE)"));
        QVERIFY(QRegularExpression(QRegularExpression::anchoredPattern(kListStatus))
                    .match(QString::fromUtf8(trips.last().last()))
                    .hasMatch());
        QVERIFY(outcome.report.folders.at(0).unchanged);
    }
}

QTEST_GUILESS_MAIN(TestSyncScenarios)
#include "tst_syncscenarios.moc"
