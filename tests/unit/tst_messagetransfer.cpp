// Moving messages between two accounts (issue 18) against scripted IMAP servers: the target adds
// each message exactly once, even after a crash between its APPEND and the note that it was done;
// the source removes its copy only after that, and gets it back when the target refuses it. No
// Dovecot: every line each side sends is in the transcript.
#include "ImapScenario.h"
#include "ImapScenarioPlayer.h"
#include "ScenarioClient.h"
#include "TestCertificates.h"
#include "account/AccountPaths.h"
#include "cache/MailCache.h"
#include "cache/PendingOperationQueue.h"
#include "imap/ImapCommandChannel.h"
#include "imap/ImapConnection.h"
#include "sync/MessageTransferQueue.h"
#include "sync/OfflineChanges.h"
#include "sync/PendingOperationReplayer.h"
#include "sync/TransferReplayer.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Amiens;
using namespace Amiens::Test;

namespace {

const auto kPersonal = u"mdupont@ac-amiens.fr"_s;
const auto kSchool = u"ce.0801234x@ac-amiens.fr"_s;
using Transfer = MessageTransferQueue::Transfer;

QByteArray parentMessage()
{
    return "From: Famille Lefèvre <famille.lefevre@example.fr>\r\n"
           "To: Marie Dupont <mdupont@ac-amiens.fr>\r\n"
           "Subject: =?UTF-8?Q?Inscription_en_6e_:_dossier_Lef=C3=A8vre?=\r\n"
           "Date: Tue, 1 Dec 2026 08:12:00 +0100\r\n"
           "Message-ID: <inscription-2026@example.fr>\r\n"
           "MIME-Version: 1.0\r\n"
           "Content-Type: text/plain; charset=UTF-8\r\n"
           "Content-Transfer-Encoding: 8bit\r\n"
           "\r\n"
           "Madame la Principale, veuillez trouver le dossier d'inscription de notre fille.\r\n";
}

} // namespace

class TestMessageTransfer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void moveRemovesTheSourceOnlyOnceTheTargetHasIt();
    void crashAfterAppendAddsNoSecondCopy();
    void attemptedButAbsentIsSentAgain();
    void fullMailboxKeepsTheMessageQueued();
    void refusedMessageGoesBackToTheSource();
    void copyLeavesTheSourceAlone();
    void sourceThatCannotRemoveItsCopyKeepsIt();
    void messagesNotDownloadedAreRefusedWholesale();

private:
    std::unique_ptr<ImapConnection> login(const ImapScenarioPlayer &player, const QString &accountId) const;
    /// Runs the target's replay against @p scenario; the player for its transcript.
    std::unique_ptr<ImapScenarioPlayer> replayTarget(const ImapScenario &scenario,
                                                     TransferReplayer::Result *result = nullptr);
    std::unique_ptr<ImapScenarioPlayer> replaySource(const ImapScenario &scenario,
                                                     PendingOperationReplayer::Result *result = nullptr);
    [[nodiscard]] int visibleInInbox();
    [[nodiscard]] MessageTransferQueue targetQueue() const;

    std::unique_ptr<QTemporaryDir> m_certificateDir;
    std::unique_ptr<TestCertificates> m_certificates;
    std::unique_ptr<QTemporaryDir> m_profile;
    std::unique_ptr<MailCache> m_source;
    qint64 m_inbox = 0;
};

void TestMessageTransfer::initTestCase()
{
    m_certificateDir = std::make_unique<QTemporaryDir>();
    m_certificates = std::make_unique<TestCertificates>(m_certificateDir->path());
    QVERIFY2(m_certificates->isValid(), qPrintable(m_certificates->error()));
}

void TestMessageTransfer::init()
{
    // The source account's cache: INBOX with the parent's message downloaded (UID 7, read and
    // flagged) and a second one whose body is not downloaded (UID 8).
    m_profile = std::make_unique<QTemporaryDir>();
    m_source = std::make_unique<MailCache>();
    QString error;
    QVERIFY2(m_source->open(AccountPaths(m_profile->path(), kPersonal).cacheFile(), kPersonal,
                            MailCache::Mode::ReadWrite, &error),
             qPrintable(error));
    FolderInfo inbox;
    inbox.pathParts = {u"INBOX"_s};
    inbox.role = FolderInfo::Role::Inbox;
    QVERIFY(m_source->folderStore().replaceFolderList({inbox}));
    m_inbox = m_source->folderStore().folder(u"INBOX"_s)->id;
    const QByteArray raw = parentMessage();
    FetchedMessage downloaded;
    downloaded.uid = 7;
    downloaded.size = raw.size();
    downloaded.flags = {u"\\Seen"_s, u"\\Flagged"_s};
    downloaded.rawHeader = raw.left(raw.indexOf("\r\n\r\n") + 4);
    FetchedMessage headerOnly = downloaded;
    headerOnly.uid = 8;
    QVERIFY(m_source->storeMessages(m_inbox, {downloaded, headerOnly}, {raw, QByteArray()}));
    QVERIFY(m_source->saveFolderState(m_inbox, 5, 9, 0));
}

void TestMessageTransfer::cleanup()
{
    m_source.reset();
    m_profile.reset();
}

std::unique_ptr<ImapConnection> TestMessageTransfer::login(const ImapScenarioPlayer &player,
                                                           const QString &accountId) const
{
    return ScenarioClient(*m_certificates, player.port(), accountId).login();
}

std::unique_ptr<ImapScenarioPlayer> TestMessageTransfer::replayTarget(const ImapScenario &scenario,
                                                                      TransferReplayer::Result *result)
{
    auto player = std::make_unique<ImapScenarioPlayer>(scenario, m_certificates->serverIdentity());
    const auto connection = login(*player, kSchool);
    ImapCommandChannel channel(*connection);
    MessageTransferQueue queue = targetQueue();
    const TransferReplayer::Result outcome = TransferReplayer(channel, queue).run();
    if (result)
        *result = outcome;
    return player;
}

std::unique_ptr<ImapScenarioPlayer>
TestMessageTransfer::replaySource(const ImapScenario &scenario, PendingOperationReplayer::Result *result)
{
    auto player = std::make_unique<ImapScenarioPlayer>(scenario, m_certificates->serverIdentity());
    const auto connection = login(*player, kPersonal);
    ImapCommandChannel channel(*connection);
    const PendingOperationReplayer::Result outcome = PendingOperationReplayer(channel, *m_source).run();
    if (result)
        *result = outcome;
    return player;
}

int TestMessageTransfer::visibleInInbox()
{
    return static_cast<int>(m_source->messageStore().messages(m_inbox, 100).size());
}

MessageTransferQueue TestMessageTransfer::targetQueue() const
{
    return MessageTransferQueue(AccountPaths(m_profile->path(), kSchool).transfersDirectory());
}

void TestMessageTransfer::moveRemovesTheSourceOnlyOnceTheTargetHasIt()
{
    QString error;
    QVERIFY2(OfflineChanges(*m_source).transfer(u"INBOX"_s, {7}, kSchool, u"Inscriptions"_s, false, &error),
             qPrintable(error));
    // Gone from the list at once; waiting in the target's queue with its flags.
    QCOMPARE(visibleInInbox(), 1);
    const QList<Transfer> queued = targetQueue().all();
    QCOMPARE(queued.size(), 1);
    QCOMPARE(queued.first().state, Transfer::State::Queued);
    QStringList flags = queued.first().flags;
    flags.sort();
    QCOMPARE(flags, (QStringList{u"\\Flagged"_s, u"\\Seen"_s}));
    QCOMPARE(queued.first().sourceAccount, kPersonal);
    QCOMPARE(queued.first().subject, u"Inscription en 6e : dossier Lefèvre"_s);

    // The source's replay comes first: the target has not added it yet, so nothing is touched.
    PendingOperationReplayer::Result sourceResult;
    auto early = replaySource(ImapScenario(), &sourceResult);
    QCOMPARE(early->transcript().count(u"^(SELECT|UID STORE|UID EXPUNGE)"_s), 0);
    QCOMPARE(sourceResult.applied, 0);
    QCOMPARE(PendingOperationQueue(m_source->database()).all().size(), 1);

    // The target adds it, with its flags, byte for byte.
    ImapScenario target;
    target.expect(uR"re(APPEND Inscriptions \((\\Seen \\Flagged|\\Flagged \\Seen)\) \{\d+\})re"_s)
        .acceptLiteral()
        .ok("[APPENDUID 31 4] Append completed.");
    TransferReplayer::Result targetResult;
    auto appended = replayTarget(target, &targetResult);
    QVERIFY2(appended->isComplete(), qPrintable(appended->report()));
    QCOMPARE(targetResult.appended, 1);
    const auto entries = appended->transcript().entries();
    const auto append = std::find_if(entries.begin(), entries.end(), [](const ImapTranscript::Entry &entry) {
        return entry.fromClient && entry.text.startsWith("APPEND ");
    });
    QVERIFY(append != entries.end());
    QCOMPARE(append->literal, parentMessage());
    QCOMPARE(targetQueue().transfer(queued.first().id)->state, Transfer::State::Appended);
    QVERIFY(!targetQueue().bytes(queued.first().id)); // no second copy of the mail on disk

    // Now the source removes its copy for good (not to its Trash: it would be a second copy).
    ImapScenario source;
    source.expect(u"SELECT INBOX"_s)
        .send(ImapScenario::mailbox(2, 5, 9, 0))
        .ok("[READ-WRITE] done")
        .expect(u"UID SEARCH UID 7"_s)
        .send(ImapScenario::search({7}))
        .ok()
        .expect(uR"re(UID STORE 7 \+FLAGS\.SILENT \(\\Deleted\))re"_s)
        .ok()
        .expect(u"UID EXPUNGE 7"_s)
        .ok();
    auto removed = replaySource(source, &sourceResult);
    QVERIFY2(removed->isComplete(), qPrintable(removed->report()));
    QCOMPARE(sourceResult.applied, 1);
    QVERIFY(PendingOperationQueue(m_source->database()).all().isEmpty());
    QVERIFY(targetQueue().all().isEmpty());
    QVERIFY(!m_source->messageStore().message(m_inbox, 7));

    // Replayed again on both sides: nothing more is sent.
    auto again = replayTarget(ImapScenario());
    QCOMPARE(again->transcript().count(u"^APPEND"_s), 0);
    auto sourceAgain = replaySource(ImapScenario());
    QCOMPARE(sourceAgain->transcript().count(u"^(SELECT|UID STORE)"_s), 0);
}

void TestMessageTransfer::crashAfterAppendAddsNoSecondCopy()
{
    QString error;
    QVERIFY(OfflineChanges(*m_source).transfer(u"INBOX"_s, {7}, kSchool, u"INBOX"_s, false, &error));
    // The client died after sending the APPEND and before writing down that it was done.
    MessageTransferQueue queue = targetQueue();
    Transfer transfer = queue.all().first();
    transfer.state = Transfer::State::Attempted;
    QVERIFY(queue.update(transfer, &error));

    ImapScenario target;
    target.expect(u"EXAMINE INBOX \\(CONDSTORE\\)"_s)
        .send(ImapScenario::mailbox(12, 31, 13, 40))
        .ok("[READ-ONLY] done")
        .expect(uR"re(UID SEARCH HEADER Message-ID "<inscription-2026@example\.fr>")re"_s)
        .send(ImapScenario::search({12}))
        .ok();
    TransferReplayer::Result result;
    auto player = replayTarget(target, &result);
    QVERIFY2(player->isComplete(), qPrintable(player->report()));
    QCOMPARE(player->transcript().count(u"^APPEND"_s), 0);
    QCOMPARE(result.appended, 1);
    QCOMPARE(targetQueue().transfer(transfer.id)->state, Transfer::State::Appended);
}

void TestMessageTransfer::attemptedButAbsentIsSentAgain()
{
    QString error;
    QVERIFY(OfflineChanges(*m_source).transfer(u"INBOX"_s, {7}, kSchool, u"INBOX"_s, false, &error));
    MessageTransferQueue queue = targetQueue();
    Transfer transfer = queue.all().first();
    transfer.state = Transfer::State::Attempted; // the connection broke before the server had it
    QVERIFY(queue.update(transfer, &error));

    ImapScenario target;
    target.expect(u"EXAMINE INBOX \\(CONDSTORE\\)"_s)
        .send(ImapScenario::mailbox(11, 31, 12, 40))
        .ok("[READ-ONLY] done")
        .expect(uR"re(UID SEARCH HEADER Message-ID .*)re"_s)
        .send(ImapScenario::search({}))
        .ok()
        .expect(uR"re(APPEND INBOX .*)re"_s)
        .acceptLiteral()
        .ok();
    auto player = replayTarget(target);
    QVERIFY2(player->isComplete(), qPrintable(player->report()));
    QCOMPARE(player->transcript().count(u"^APPEND"_s), 1);
    QCOMPARE(targetQueue().transfer(transfer.id)->state, Transfer::State::Appended);
}

void TestMessageTransfer::fullMailboxKeepsTheMessageQueued()
{
    QString error;
    QVERIFY(OfflineChanges(*m_source).transfer(u"INBOX"_s, {7}, kSchool, u"INBOX"_s, false, &error));
    // A full mailbox is nobody's fault: the message waits however many times it is refused.
    for (int round = 0; round < TransferReplayer::kMaxAttempts + 1; ++round) {
        ImapScenario target;
        target.expect(uR"re(APPEND INBOX .*)re"_s)
            .no("[OVERQUOTA] Quota exceeded (mailbox for user is full)");
        TransferReplayer::Result result;
        auto player = replayTarget(target, &result);
        QVERIFY2(player->isComplete(), qPrintable(player->report()));
        QCOMPARE(result.problems.size(), 1);
        QVERIFY2(result.problems.first().contains(u"full"_s), qPrintable(result.problems.first()));
        const Transfer transfer = targetQueue().all().first();
        QCOMPARE(transfer.state, Transfer::State::Queued);
        QCOMPARE(transfer.attempts, 0);
        QVERIFY(targetQueue().bytes(transfer.id));
    }
    // Meanwhile the source keeps waiting, its copy untouched.
    auto source = replaySource(ImapScenario());
    QCOMPARE(source->transcript().count(u"^UID STORE"_s), 0);
    QCOMPARE(PendingOperationQueue(m_source->database()).all().size(), 1);
}

void TestMessageTransfer::refusedMessageGoesBackToTheSource()
{
    QString error;
    QVERIFY(OfflineChanges(*m_source).transfer(u"INBOX"_s, {7}, kSchool, u"Inscriptions"_s, false, &error));
    for (int round = 0; round < TransferReplayer::kMaxAttempts; ++round) {
        ImapScenario target;
        target.expect(uR"re(APPEND Inscriptions .*)re"_s)
            .no("[TRYCREATE] Mailbox doesn't exist: Inscriptions");
        auto player = replayTarget(target);
        QVERIFY2(player->isComplete(), qPrintable(player->report()));
    }
    QCOMPARE(targetQueue().all().first().state, Transfer::State::Failed);

    // The source shows the message again and drops the change; nothing is sent to its server.
    PendingOperationReplayer::Result result;
    auto source = replaySource(ImapScenario(), &result);
    QCOMPARE(source->transcript().count(u"^(SELECT|UID STORE)"_s), 0);
    QCOMPARE(visibleInInbox(), 2);
    QVERIFY(PendingOperationQueue(m_source->database()).all().isEmpty());
    QVERIFY(targetQueue().all().isEmpty());
    QCOMPARE(result.conflicts.size(), 1);
    QVERIFY2(result.conflicts.first().contains(u"TRYCREATE"_s), qPrintable(result.conflicts.first()));
}

void TestMessageTransfer::sourceThatCannotRemoveItsCopyKeepsIt()
{
    QString error;
    QVERIFY(OfflineChanges(*m_source).transfer(u"INBOX"_s, {7}, kSchool, u"INBOX"_s, false, &error));
    ImapScenario target;
    target.expect(uR"re(APPEND INBOX .*)re"_s).acceptLiteral().ok();
    QVERIFY(replayTarget(target)->isComplete());
    // The source's server refuses to let it go (a folder shared read-only meanwhile): after three
    // refusals the copy stays, shown again, and the other account's record is dropped with it.
    for (int round = 0; round < PendingOperationReplayer::kMaxAttempts; ++round) {
        ImapScenario source;
        source.expect(u"SELECT INBOX"_s).no("[NOPERM] Permission denied");
        auto player = replaySource(source);
        QVERIFY2(player->isComplete(), qPrintable(player->report()));
    }
    QVERIFY(PendingOperationQueue(m_source->database()).all().isEmpty());
    QCOMPARE(visibleInInbox(), 2);
    QVERIFY(targetQueue().all().isEmpty());
}

void TestMessageTransfer::copyLeavesTheSourceAlone()
{
    QString error;
    QVERIFY(OfflineChanges(*m_source).transfer(u"INBOX"_s, {7}, kSchool, u"INBOX"_s, true, &error));
    QCOMPARE(visibleInInbox(), 2);
    QVERIFY(PendingOperationQueue(m_source->database()).all().isEmpty());
    QCOMPARE(targetQueue().all().first().sourceAccount, QString());

    ImapScenario target;
    target.expect(uR"re(APPEND INBOX .*)re"_s).acceptLiteral().ok();
    auto player = replayTarget(target);
    QVERIFY2(player->isComplete(), qPrintable(player->report()));
    QVERIFY(targetQueue().all().isEmpty()); // nothing for a source to collect
}

void TestMessageTransfer::messagesNotDownloadedAreRefusedWholesale()
{
    QString error;
    QVERIFY(!OfflineChanges(*m_source).transfer(u"INBOX"_s, {7, 8}, kSchool, u"INBOX"_s, false, &error));
    QVERIFY2(error.contains(u"not downloaded"_s), qPrintable(error));
    // Not even the downloaded one went: all or nothing.
    QCOMPARE(visibleInInbox(), 2);
    QVERIFY(PendingOperationQueue(m_source->database()).all().isEmpty());
    QVERIFY(targetQueue().all().isEmpty());
    QVERIFY(!OfflineChanges(*m_source).transfer(u"Archives"_s, {7}, kSchool, u"INBOX"_s, false, &error));
}

QTEST_GUILESS_MAIN(TestMessageTransfer)
#include "tst_messagetransfer.moc"
