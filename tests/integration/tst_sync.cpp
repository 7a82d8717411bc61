// The sync engine and the offline cache against the real Dovecot; server-side changes are made
// with doveadm, as another client or the server itself would make them.
#include "MailServerControl.h"
#include "TestEnvironment.h"
#include "account/AccountPaths.h"
#include "cache/MailCache.h"
#include "cache/PendingOperationQueue.h"
#include "imap/ImapConnection.h"
#include "mime/MessageContent.h"
#include "session/AccountSession.h"
#include "session/MessageOpener.h"
#include "sync/AccountSynchronizer.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>

using namespace Qt::StringLiterals;
using namespace Amiens;
using namespace Amiens::Test;

class TestSync : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void firstSyncBringsHeadersAndBodiesWithoutSettingSeen();
    void recentPolicyBringsRecentBodiesInTheSamePass();
    void incrementalSyncAfterServerChanges();
    void unchangedFoldersCostOneExamine();
    void uidValidityChangeRefetchesTheFolder();
    void offlineChangesAreReplayedInOrder();
    void changesOnVanishedMessagesAreReportedNotFatal();
    void interruptedSyncResumesWithoutLossOrDuplicates();
    void batchesAreWrittenBesideTheNextFetch_data();
    void batchesAreWrittenBesideTheNextFetch();
    void hostileHeadersDoNotCrash();
    void cacheSurvivesAKilledWriter();
    void searchIndexFollowsTheSyncInSlices();
    void damagedBodyFileIsFetchedAgainWhenOpened();

private:
    struct Outcome
    {
        std::optional<ServiceError> error;
        SyncReport report;
        QStringList conflicts;
    };
    /// A sync through AccountSession, then (@p waitForIndex) its search index completed.
    Outcome sync(SyncOptions options = {}, bool waitForIndex = true);
    MailCache &cache();
    CachedFolder folder(const QString &path);

    TestEnvironment m_env;
    std::unique_ptr<MailServerControl> m_server;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MailCache> m_cache;
    QString m_cachePath;
};

void TestSync::initTestCase()
{
    m_env = TestEnvironment::fromEnvironment();
    AMIENS_REQUIRE_SERVERS(m_env);
    m_server = std::make_unique<MailServerControl>(m_env.user);
}

void TestSync::init()
{
    QVERIFY(m_server->reset());
    m_cache.reset();
    m_dir = std::make_unique<QTemporaryDir>();
    m_cachePath = AccountPaths(m_dir->path(), m_env.address).cacheFile();
}

MailCache &TestSync::cache()
{
    // A reader beside the worker's writer, as the reading window will be.
    if (!m_cache) {
        m_cache = std::make_unique<MailCache>();
        QString error;
        if (!m_cache->open(m_cachePath, m_env.address, MailCache::Mode::ReadOnly, &error))
            qWarning("cannot open the cache: %s", qPrintable(error));
    }
    return *m_cache;
}

CachedFolder TestSync::folder(const QString &path)
{
    return cache().folderStore().folder(path).value_or(CachedFolder());
}

TestSync::Outcome TestSync::sync(SyncOptions options, bool waitForIndex)
{
    QString error;
    const auto trust = TlsTrust::forAccount(m_env.account(), &error);
    AccountSession session(m_env.account(), *trust);
    session.setCachePath(m_cachePath);
    session.setPassword(m_env.password);
    Outcome outcome;
    bool finished = false;
    connect(&session, &AccountSession::syncFinished, this,
            [&](const SyncReport &report, const QStringList &conflicts) {
                outcome.report = report;
                outcome.conflicts = conflicts;
                finished = true;
            });
    connect(&session, &AccountSession::errorOccurred, this, [&](const ServiceError &failure) {
        outcome.error = failure;
        finished = true;
    });
    session.synchronize(options);
    if (!QTest::qWaitFor([&] { return finished; }, 60000))
        qWarning("sync did not finish");
    if (waitForIndex) {
        // Previews, paper clips and the bodies' words come with the index, after the sync.
        session.setIndexInBackground(false);
        bool indexed = false;
        session.buildSearchIndex([&](int) { indexed = true; });
        if (!QTest::qWaitFor([&] { return indexed; }, 60000))
            qWarning("the search index did not finish");
    }
    return outcome;
}

void TestSync::firstSyncBringsHeadersAndBodiesWithoutSettingSeen()
{
    for (int i = 0; i < 5; ++i)
        QVERIFY(m_server->save(u"INBOX"_s, MailServerControl::message(u"Réunion n°%1 : salle 204"_s.arg(i))));
    QVERIFY(m_server->save(u"Archives"_s, MailServerControl::message(u"Archivé"_s)));

    SyncOptions options;
    options.bodies = SyncOptions::Bodies::All;
    const Outcome outcome = sync(options);
    QVERIFY2(!outcome.error, outcome.error ? qPrintable(outcome.error->technical) : "");
    QCOMPARE(outcome.report.total(&FolderSyncResult::added), 6);
    QCOMPARE(outcome.report.total(&FolderSyncResult::bodies), 6);

    const CachedFolder inbox = folder(u"INBOX"_s);
    QCOMPARE(inbox.info.role, FolderInfo::Role::Inbox);
    QCOMPARE(inbox.uidValidity, m_server->uidValidity(u"INBOX"_s));
    QCOMPARE(inbox.messageCount, 5);
    QCOMPARE(inbox.unseenCount, 5);
    const QList<CachedMessage> messages = cache().messageStore().messages(inbox.id, 10);
    QCOMPARE(messages.size(), 5);
    QVERIFY(messages.first().headers.subject.startsWith(u"Réunion n°"_s));
    QCOMPARE(messages.first().headers.from.name, u"Élodie Lefèvre"_s);
    QVERIFY(messages.first().hasBody);
    QVERIFY(messages.first().preview.startsWith(u"Bonjour"_s));
    const auto raw = cache().messageStore().body(inbox.id, messages.first().uid);
    QVERIFY(raw && raw->contains("Subject: =?UTF-8?B?"));
    QCOMPARE(cache().searchIndex().search(u"reunion salle"_s, 10).size(), 5); // accents folded

    // Neither EXAMINE nor BODY.PEEK changed anything on the server.
    for (const quint32 uid : m_server->uids(u"INBOX"_s))
        QVERIFY2(!m_server->flags(u"INBOX"_s, uid).contains(u"\\Seen"_s), "sync set \\Seen on the server");
}

void TestSync::recentPolicyBringsRecentBodiesInTheSamePass()
{
    for (int i = 0; i < 3; ++i)
        QVERIFY(m_server->save(u"INBOX"_s,
                               MailServerControl::message(u"Conseil n°%1"_s.arg(i), u"Ordre du jour"_s)));

    // Mail that arrived today is recent: fetched whole with its header, nothing left for a body pass.
    SyncOptions recent;
    recent.bodies = SyncOptions::Bodies::Recent;
    recent.recentDays = 30;
    Outcome outcome = sync(recent);
    QVERIFY2(!outcome.error, outcome.error ? qPrintable(outcome.error->technical) : "");
    QCOMPARE(outcome.report.total(&FolderSyncResult::added), 3);
    QCOMPARE(outcome.report.total(&FolderSyncResult::bodies), 3);
    const CachedFolder inbox = folder(u"INBOX"_s);
    QVERIFY(cache().bodiesToFetch(inbox.id, {}).isEmpty());
    for (const CachedMessage &message : cache().messageStore().messages(inbox.id, 10)) {
        QVERIFY(message.hasBody);
        QCOMPARE(cache().messageStore().body(inbox.id, message.uid)->left(200).contains("Subject: "), true);
    }
    QCOMPARE(cache().searchIndex().search(u"ordre du jour"_s, 10).size(), 3);

    // A window that starts after today (the SEARCH SINCE seam), in a fresh cache: headers only.
    m_cache.reset();
    m_dir = std::make_unique<QTemporaryDir>();
    m_cachePath = AccountPaths(m_dir->path(), m_env.address).cacheFile();
    SyncOptions none;
    none.bodies = SyncOptions::Bodies::Recent;
    none.recentDays = -2;
    outcome = sync(none);
    QVERIFY(!outcome.error);
    QCOMPARE(outcome.report.total(&FolderSyncResult::added), 3);
    QCOMPARE(outcome.report.total(&FolderSyncResult::bodies), 0);
    QCOMPARE(cache().bodiesToFetch(folder(u"INBOX"_s).id, {}).size(), 3);
}

void TestSync::incrementalSyncAfterServerChanges()
{
    QList<quint32> uids;
    for (int i = 0; i < 4; ++i)
        uids.append(m_server->save(u"INBOX"_s, MailServerControl::message(u"Message %1"_s.arg(i))));
    QVERIFY(!sync().error);

    QVERIFY(m_server->save(u"INBOX"_s, MailServerControl::message(u"Nouveau"_s)));
    QVERIFY(m_server->addFlags(u"INBOX"_s, uids[1], u"\\Seen $Forwarded"_s));
    QVERIFY(m_server->expunge(u"INBOX"_s, uids[2]));

    const Outcome outcome = sync();
    QVERIFY(!outcome.error);
    const CachedFolder inbox = folder(u"INBOX"_s);
    QCOMPARE(cache().uids(inbox.id), QSet<quint32>(uids.cbegin(), uids.cend()) - QSet<quint32>{uids[2]} +
                                         QSet<quint32>{m_server->uids(u"INBOX"_s).last()});
    const auto changed = cache().message(inbox.id, uids[1]);
    QVERIFY(changed->isSeen());
    QVERIFY2(changed->flags.contains(u"$Forwarded"_s), qPrintable(changed->flags.join(u' ')));
    QCOMPARE(inbox.unseenCount, 3);
    const auto &inboxResult = outcome.report.folders.first();
    QCOMPARE(inboxResult.path, u"INBOX"_s);
    QCOMPARE(inboxResult.added, 1);
    QCOMPARE(inboxResult.flagsChanged, 1); // CHANGEDSINCE brought only the changed message
    QCOMPARE(inboxResult.removed, 1);
}

void TestSync::unchangedFoldersCostOneExamine()
{
    // Against Dovecot only the outcome can be seen; the commands themselves (one EXAMINE, no
    // SEARCH or FETCH) are counted in tst_syncscenarios unchangedFolderCostsOneExamine.
    QVERIFY(m_server->save(u"INBOX"_s, MailServerControl::message(u"Seul"_s)));
    QVERIFY(!sync().error);
    const Outcome again = sync();
    QVERIFY(!again.error);
    QVERIFY(!again.report.folders.isEmpty());
    for (const FolderSyncResult &result : again.report.folders)
        QVERIFY2(result.unchanged, qPrintable(result.path));
}

void TestSync::uidValidityChangeRefetchesTheFolder()
{
    QVERIFY(m_server->save(u"Archives"_s, MailServerControl::message(u"Avant"_s)));
    QVERIFY(!sync().error);
    const quint32 before = folder(u"Archives"_s).uidValidity;
    QVERIFY(before != 0);
    QVERIFY(m_server->setUidValidity(u"Archives"_s, before + 1000));

    const Outcome outcome = sync();
    QVERIFY(!outcome.error);
    m_cache.reset();
    const CachedFolder archives = folder(u"Archives"_s);
    QCOMPARE(archives.uidValidity, before + 1000);
    QCOMPARE(archives.messageCount, 1);
    bool reset = false;
    for (const FolderSyncResult &result : outcome.report.folders)
        reset = reset || (result.path == "Archives"_L1 && result.reset);
    QVERIFY(reset);
}

void TestSync::offlineChangesAreReplayedInOrder()
{
    const quint32 first = m_server->save(u"INBOX"_s, MailServerControl::message(u"À lire"_s));
    const quint32 second = m_server->save(u"INBOX"_s, MailServerControl::message(u"À archiver"_s));
    const quint32 third = m_server->save(u"INBOX"_s, MailServerControl::message(u"À jeter"_s));
    QVERIFY(!sync().error);

    // Offline: no password, so nothing can reach the server.
    {
        QString error;
        const auto trust = TlsTrust::forAccount(m_env.account(), &error);
        AccountSession offline(m_env.account(), *trust);
        offline.setCachePath(m_cachePath);
        int done = 0;
        const auto check = [&](const QString &failure) {
            QVERIFY2(failure.isEmpty(), qPrintable(failure));
            ++done;
        };
        offline.changeFlags(u"INBOX"_s, {first}, {u"\\Seen"_s, u"\\Flagged"_s}, {}, check);
        offline.moveMessages(u"INBOX"_s, {second}, u"Archives"_s, check);
        offline.deleteMessages(u"INBOX"_s, {third}, check);
        QTRY_COMPARE(done, 3);
    }
    // Shown at once, queued, not yet on the server.
    const CachedFolder inbox = folder(u"INBOX"_s);
    QVERIFY(cache().message(inbox.id, first)->isSeen());
    // The moved and deleted ones are hidden, not dropped, until the server has done it.
    QCOMPARE(inbox.messageCount, 1);
    QVERIFY(!cache().message(inbox.id, second));
    QVERIFY(!cache().message(inbox.id, third));
    QCOMPARE(cache().uids(inbox.id), (QSet<quint32>{first, second, third}));
    QCOMPARE(PendingOperationQueue(cache().database()).count(), 3);
    QVERIFY(!m_server->flags(u"INBOX"_s, first).contains(u"\\Seen"_s));

    const Outcome outcome = sync();
    QVERIFY2(!outcome.error, outcome.error ? qPrintable(outcome.error->technical) : "");
    QVERIFY(outcome.conflicts.isEmpty());
    QCOMPARE(m_server->uids(u"INBOX"_s), QList<quint32>{first});
    QVERIFY(m_server->flags(u"INBOX"_s, first).contains(u"\\Seen"_s));
    QVERIFY(m_server->flags(u"INBOX"_s, first).contains(u"\\Flagged"_s));
    QCOMPARE(m_server->uids(u"Archives"_s).size(), 1);
    QCOMPARE(m_server->uids(u"Trash"_s).size(), 1);
    m_cache.reset();
    QCOMPARE(PendingOperationQueue(cache().database()).count(), 0);
    QCOMPARE(cache().uids(inbox.id), QSet<quint32>{first});
    QCOMPARE(folder(u"Archives"_s).messageCount, 1);
    QCOMPARE(folder(u"Trash"_s).messageCount, 1);
}

void TestSync::changesOnVanishedMessagesAreReportedNotFatal()
{
    const quint32 uid = m_server->save(u"INBOX"_s, MailServerControl::message(u"Éphémère"_s));
    QVERIFY(!sync().error);
    {
        QString error;
        const auto trust = TlsTrust::forAccount(m_env.account(), &error);
        AccountSession offline(m_env.account(), *trust);
        offline.setCachePath(m_cachePath);
        bool done = false;
        offline.changeFlags(u"INBOX"_s, {uid}, {u"\\Flagged"_s}, {}, [&](const QString &) { done = true; });
        QTRY_VERIFY(done);
    }
    QVERIFY(m_server->expunge(u"INBOX"_s, uid)); // meanwhile, another client deleted it

    const Outcome outcome = sync();
    QVERIFY(!outcome.error);
    QCOMPARE(outcome.conflicts.size(), 1);
    m_cache.reset();
    QCOMPARE(folder(u"INBOX"_s).messageCount, 0);
    QCOMPARE(PendingOperationQueue(cache().database()).count(), 0);
}

void TestSync::interruptedSyncResumesWithoutLossOrDuplicates()
{
    for (int i = 0; i < 30; ++i)
        QVERIFY(m_server->save(u"INBOX"_s, MailServerControl::message(u"Lot %1"_s.arg(i))));
    SyncOptions options;
    options.headerBatchSize = 5;
    options.bodies = SyncOptions::Bodies::None;
    // The connection is cut right after the first batch was stored: the progress callback runs
    // on the syncing thread, so the cut lands between two batches. The batch being written
    // beside the fetch then (BackgroundMessageWriter) is committed whole before the error.
    {
        auto cancelled = std::make_shared<std::atomic<bool>>(false);
        QString error;
        ImapConnection connection(m_env.account(), *TlsTrust::forAccount(m_env.account(), &error), cancelled);
        QVERIFY(!connection.open(m_env.password));
        MailCache writer;
        QVERIFY(writer.open(m_cachePath, m_env.address, MailCache::Mode::ReadWrite, &error));
        AccountSynchronizer synchronizer(connection, writer, options, [&](const QString &, int done, int) {
            if (done >= 5)
                cancelled->store(true);
        });
        std::optional<ServiceError> failure;
        try {
            synchronizer.run();
        } catch (...) {
            failure = connection.translate(std::current_exception());
        }
        QVERIFY(failure);
        QCOMPARE(failure->kind, ServiceError::Kind::Cancelled);
    }
    const int partial = cache().messageStore().messageCount(folder(u"INBOX"_s).id);
    QVERIFY2(partial == 5 || partial == 10, qPrintable(QString::number(partial)));
    QCOMPARE(folder(u"INBOX"_s).uidNext, 0u); // the folder's sync was not recorded as complete

    const Outcome resumed = sync(options);
    QVERIFY(!resumed.error);
    m_cache.reset();
    const CachedFolder inbox = folder(u"INBOX"_s);
    const QList<quint32> serverUids = m_server->uids(u"INBOX"_s);
    QCOMPARE(cache().uids(inbox.id), QSet<quint32>(serverUids.cbegin(), serverUids.cend()));
    QCOMPARE(inbox.messageCount, 30);
    QCOMPARE(resumed.report.folders.first().added, 30 - partial);
}

void TestSync::batchesAreWrittenBesideTheNextFetch_data()
{
    QTest::addColumn<bool>("indexWhenStored");
    QTest::newRow("window: index after the sync") << false;
    QTest::newRow("command line: index as stored") << true;
}

void TestSync::batchesAreWrittenBesideTheNextFetch()
{
    // Bodies of 40 KB in batches of 100 KB: a dozen batches, each written by the cache's second
    // connection while the next one arrives. Every message comes once, whole, in order of
    // progress, and the files of the big bodies are there. For the command line, the second
    // connection also indexes each batch: the body's words are searchable with no index pass.
    QFETCH(bool, indexWhenStored);
    QList<QByteArray> sent;
    for (int i = 0; i < 30; ++i) {
        const QByteArray message = MailServerControl::message(
            u"Compte rendu %1"_s.arg(i),
            u"Ligne du compte rendu du conseil pédagogique n°%1.\n"_s.arg(i).repeated(900));
        sent.append(message);
        QVERIFY(m_server->save(u"INBOX"_s, message));
    }
    SyncOptions options;
    options.bodies = SyncOptions::Bodies::All;
    options.bodyBatchBytes = 100 * 1024;
    QList<int> progress;
    {
        QString error;
        auto cancelled = std::make_shared<std::atomic<bool>>(false);
        ImapConnection connection(m_env.account(), *TlsTrust::forAccount(m_env.account(), &error), cancelled);
        QVERIFY(!connection.open(m_env.password));
        MailCache writer;
        QVERIFY(writer.open(m_cachePath, m_env.address, MailCache::Mode::ReadWrite, &error));
        writer.messageStore().setIndexBodiesWhenStored(indexWhenStored);
        AccountSynchronizer synchronizer(connection, writer, options,
                                         [&](const QString &path, int done, int) {
                                             if (path == u"INBOX"_s)
                                                 progress.append(done);
                                         });
        const SyncReport report = synchronizer.run();
        QCOMPARE(report.folders.first().added, 30);
        QCOMPARE(report.folders.first().bodies, 30);
    }
    QVERIFY2(progress.size() >= 10, qPrintable(QString::number(progress.size())));
    QVERIFY(std::is_sorted(progress.cbegin(), progress.cend()));
    QCOMPARE(progress.constLast(), 30);
    const CachedFolder inbox = folder(u"INBOX"_s);
    QCOMPARE(inbox.messageCount, 30);
    const QList<quint32> serverUids = m_server->uids(u"INBOX"_s);
    QCOMPARE(cache().uids(inbox.id), QSet<quint32>(serverUids.cbegin(), serverUids.cend()));
    for (const quint32 uid : serverUids) {
        const std::optional<QByteArray> body = cache().messageStore().body(inbox.id, uid);
        QVERIFY(body && body->size() > 40000 && sent.contains(*body));
    }
    // "pédagogique" is only in the bodies.
    QCOMPARE(cache().messageStore().unindexedCount(), indexWhenStored ? 0 : 30);
    QCOMPARE(cache().searchIndex().search(u"pedagogique"_s, 50).size(), indexWhenStored ? 30 : 0);
    QCOMPARE(cache().searchIndex().search(u"compte rendu"_s, 50).size(), 30);
}

void TestSync::hostileHeadersDoNotCrash()
{
    // VMime 0.9.2 overflows the stack on ~20,000 nested address groups
    // (core/net/VmimeTraps.md, « Nested address groups »).
    QByteArray nested = "To: ";
    for (int i = 0; i < 25000; ++i)
        nested += "g:";
    nested += "victim@ac-amiens.fr;\r\n";
    QFile fixture(QStringLiteral(AMIENS_SOURCE_DIR "/tests/data/messages/nested-address-groups.eml"));
    QVERIFY(fixture.open(QIODevice::ReadOnly));
    QByteArray hostile = fixture.readAll();
    hostile.replace("To: NESTED-GROUPS\r\n", nested);
    QVERIFY(hostile.contains("g:g:g:g:"));
    QVERIFY(m_server->save(u"INBOX"_s, hostile));
    QByteArray huge = MailServerControl::message(u"Énorme"_s);
    huge.insert(0, "X-Filler: " + QByteArray(2 * 1024 * 1024, 'x') + "\r\n");
    QVERIFY(m_server->save(u"INBOX"_s, huge));
    QVERIFY(m_server->save(u"INBOX"_s, MailServerControl::message(u"Normal"_s)));

    SyncOptions options;
    options.bodies = SyncOptions::Bodies::All;
    const Outcome outcome = sync(options);
    QVERIFY2(!outcome.error, outcome.error ? qPrintable(outcome.error->technical) : "");
    const CachedFolder inbox = folder(u"INBOX"_s);
    QCOMPARE(inbox.messageCount, 3);
    QStringList subjects;
    for (const CachedMessage &message : cache().messageStore().messages(inbox.id, 10))
        subjects.append(message.headers.subject);
    QVERIFY2(subjects.contains(u"Groupes imbriqués"_s), qPrintable(subjects.join(u'|')));
    QVERIFY(subjects.contains(u"Normal"_s));
}

void TestSync::cacheSurvivesAKilledWriter()
{
    for (int i = 0; i < 120; ++i)
        QVERIFY(m_server->save(u"INBOX"_s,
                               MailServerControl::message(u"Masse %1"_s.arg(i), QString(20000, u'é'))));
    // A real process, killed without warning while it writes.
    const QString profile = m_dir->filePath(u"cli"_s);
    QProcess add;
    add.start(QStringLiteral(AMIENS_CLI_PATH),
              {u"--profile"_s, profile, u"account"_s, u"add"_s, u"--address"_s, m_env.address,
               u"--imap-host"_s, m_env.host, u"--imap-port"_s, QString::number(m_env.imapsPort),
               u"--smtp-host"_s, m_env.host, u"--smtp-port"_s, QString::number(m_env.smtpsPort), u"--login"_s,
               m_env.user, u"--ca-file"_s, m_env.caFile});
    QVERIFY(add.waitForFinished(20000) && add.exitCode() == 0);
    QProcess writer;
    writer.start(QStringLiteral(AMIENS_CLI_PATH),
                 {u"--profile"_s, profile, u"sync"_s, u"--bodies"_s, u"all"_s, u"--password-stdin"_s});
    writer.write(m_env.password.toUtf8() + '\n');
    writer.closeWriteChannel();
    // Killed as soon as it reports its first stored batch.
    QVERIFY(QTest::qWaitFor([&] { return writer.readAllStandardError().contains("INBOX"); }, 30000));
    ::kill(static_cast<pid_t>(writer.processId()), SIGKILL);
    writer.waitForFinished(5000);
    QCOMPARE(writer.exitStatus(), QProcess::CrashExit); // it really died mid-sync

    const QString path = AccountPaths(profile, m_env.address).cacheFile();
    {
        MailCache reopened;
        QString error;
        QVERIFY2(reopened.open(path, m_env.address, MailCache::Mode::ReadWrite, &error), qPrintable(error));
        QSqlQuery check(reopened.database().database());
        QVERIFY(check.exec(u"PRAGMA integrity_check"_s) && check.next());
        QCOMPARE(check.value(0).toString(), u"ok"_s);
        const auto inbox = reopened.folderStore().folder(u"INBOX"_s);
        QVERIFY(inbox);
        // Whatever was committed is complete: every body row belongs to a message row.
        QVERIFY(check.exec(
            u"SELECT COUNT(*) FROM bodies b LEFT JOIN messages m ON m.id = b.message_row WHERE m.id IS NULL"_s));
        QVERIFY(check.next());
        QCOMPARE(check.value(0).toInt(), 0);
    }
    QProcess resume;
    resume.start(QStringLiteral(AMIENS_CLI_PATH),
                 {u"--profile"_s, profile, u"sync"_s, u"--bodies"_s, u"all"_s, u"--password-stdin"_s});
    resume.write(m_env.password.toUtf8() + '\n');
    resume.closeWriteChannel();
    QVERIFY(resume.waitForFinished(60000));
    QCOMPARE(resume.exitCode(), 0);
    MailCache final;
    QString error;
    QVERIFY(final.open(path, m_env.address, MailCache::Mode::ReadOnly, &error));
    const auto inbox = final.folderStore().folder(u"INBOX"_s);
    QCOMPARE(final.messageStore().messageCount(inbox->id), 120);
    QCOMPARE(final.messageStore().uidsWithoutBody(inbox->id, {}, 1000).size(), 0);
    QCOMPARE(final.messageStore().unindexedCount(), 0); // the CLI leaves the cache searchable
}

void TestSync::searchIndexFollowsTheSyncInSlices()
{
    for (int i = 0; i < 12; ++i)
        QVERIFY(
            m_server->save(u"INBOX"_s, MailServerControl::message(u"Conseil n°%1"_s.arg(i),
                                                                  u"Prévoir la kermesse n°%1."_s.arg(i))));
    QString error;
    const auto trust = TlsTrust::forAccount(m_env.account(), &error);
    AccountSession session(m_env.account(), *trust);
    session.setCachePath(m_cachePath);
    session.setPassword(m_env.password);
    int unindexedAtSummary = -1;
    int searchableAtSummary = -1;
    bool finished = false;
    connect(&session, &AccountSession::syncFinished, this, [&] {
        // Stored, readable, not indexed yet: the sync did not wait for the index.
        unindexedAtSummary = cache().messageStore().unindexedCount();
        searchableAtSummary = static_cast<int>(cache().searchIndex().search(u"kermesse"_s, 50).size());
        finished = true;
    });
    QSignalSpy progress(&session, &AccountSession::searchIndexProgress);
    SyncOptions options;
    options.bodies = SyncOptions::Bodies::All;
    session.synchronize(options);
    QVERIFY(QTest::qWaitFor([&] { return finished; }, 60000));
    QCOMPARE(unindexedAtSummary, 12);
    QCOMPARE(searchableAtSummary, 0);
    QCOMPARE(cache().searchIndex().search(u"conseil"_s, 50).size(), 12); // subjects at once

    // The background index reports its progress and ends at 100 %.
    QTRY_VERIFY_WITH_TIMEOUT(!progress.isEmpty() && progress.last().at(0) == progress.last().at(1), 20000);
    QCOMPARE(progress.last().at(1).toInt(), 12);
    QVERIFY(!session.isIndexing());
    QCOMPARE(cache().messageStore().unindexedCount(), 0);
    QCOMPARE(cache().searchIndex().search(u"kermesse"_s, 50).size(), 12);
    const QList<CachedMessage> messages = cache().messageStore().messages(folder(u"INBOX"_s).id, 50);
    QVERIFY(messages.first().preview.startsWith(u"Prévoir"_s));
}

void TestSync::damagedBodyFileIsFetchedAgainWhenOpened()
{
    const QString big = u"Ligne du compte rendu du conseil d'administration.\n"_s.repeated(2000);
    QVERIFY(m_server->save(u"INBOX"_s, MailServerControl::message(u"Compte rendu"_s, big)));
    SyncOptions options;
    options.bodies = SyncOptions::Bodies::All;
    QVERIFY(!sync(options).error);
    const CachedMessage message = cache().messageStore().messages(folder(u"INBOX"_s).id, 1).value(0);
    const std::optional<QByteArray> whole = cache().messageStore().body(message.folderId, message.uid);
    QVERIFY(whole && whole->size() > CacheMessageStore::kMaxInlineBody);
    QCOMPARE(whole->size(), message.size);

    // The file a crash cut short: not shown, asked of the server again.
    const QDir bodies(QFileInfo(m_cachePath).absolutePath() + u"/bodies"_s);
    const QStringList files = bodies.entryList({u"*.eml"_s}, QDir::Files);
    QCOMPARE(files.size(), 1);
    {
        QFile file(bodies.filePath(files.first()));
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.resize(whole->size() / 3));
    }
    QString error;
    const auto trust = TlsTrust::forAccount(m_env.account(), &error);
    AccountSession session(m_env.account(), *trust);
    session.setCachePath(m_cachePath);
    session.setPassword(m_env.password);
    MessageOpener opener(cache());
    opener.setSession(&session);
    QSignalSpy ready(&opener, &MessageOpener::bodyReady);
    const MessageOpener::Opened opened = opener.open(message);
    QVERIFY(!opened.raw);
    QVERIFY(opened.fetching);
    QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 20000);
    QCOMPARE(ready.first().at(1).toByteArray(), *whole);
    QCOMPARE(cache().messageStore().body(message.folderId, message.uid), whole);
}

QTEST_GUILESS_MAIN(TestSync)
#include "tst_sync.moc"
