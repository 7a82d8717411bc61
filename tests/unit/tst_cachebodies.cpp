// Issue 19: where the offline cache keeps bodies (small ones in SQLite, big ones in files written
// without fsync), what it does with a damaged file, the deferred search index, the sweep of files
// left by a killed writer, and the migration of a cache written by the previous version.
#include "MemoryAdvice.h"
#include "cache/CacheBodyFiles.h"
#include "cache/CacheDatabase.h"
#include "cache/CacheRows.h"
#include "cache/CacheSchema.h"
#include "cache/MailCache.h"
#include "util/LargeBuffers.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace Amiens;

namespace {

FetchedMessage fetched(quint32 uid, const QByteArray &rawHeader)
{
    FetchedMessage message;
    message.uid = uid;
    message.rawHeader = rawHeader;
    message.size = 0;
    return message;
}

/// A message of about @p bytes whose body holds @p word, with an attachment when asked.
QByteArray messageOf(const QByteArray &subject, const QByteArray &word, qsizetype bytes, bool attachment)
{
    QByteArray text = "Bonjour,\r\n\r\n" + word + " pour la semaine prochaine.\r\n";
    while (text.size() < bytes)
        text += "Ligne de remplissage du conseil de classe, sans rien de particulier.\r\n";
    if (!attachment) {
        return "From: Elodie Lefevre <elodie.lefevre@ac-amiens.fr>\r\nSubject: " + subject +
               "\r\nMessage-ID: <" + subject +
               "@ac-amiens.fr>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + text;
    }
    return "From: Elodie Lefevre <elodie.lefevre@ac-amiens.fr>\r\nSubject: " + subject + "\r\nMessage-ID: <" +
           subject +
           "@ac-amiens.fr>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
           "--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" +
           text +
           "\r\n--b\r\nContent-Type: application/pdf; name=\"bulletin.pdf\"\r\n"
           "Content-Disposition: attachment; filename=\"bulletin.pdf\"\r\nContent-Transfer-Encoding: "
           "base64\r\n\r\n"
           "JVBERi0xLjQK\r\n--b--\r\n";
}

QByteArray headerOf(const QByteArray &raw)
{
    return raw.left(raw.indexOf("\r\n\r\n") + 4);
}

} // namespace

class TestCacheBodies : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void bigBodiesGoToFilesSmallOnesStayInline();
    void damagedOrMissingFileCountsAsNoBody();
    void bigBodyFilesAreReadIntoHugePages();
    void searchIndexIsBuiltAfterTheStore();
    void bodiesIndexedWhenStoredNeedNoIndexPass();
    void closingLeavesTheLogForTheNextOpening();
    void checkpointsRunBesideTheWriter();
    void olderCachesKeepTheirPageSize();
    void filesOfAnInterruptedWriteAreSwept();
    void migrationFromVersion5KeepsOldBodiesReadable();
    void aFolderGoneOrResetTakesItsFiles();
    void searchEntriesGoWithTheirMessages();
    void aBodyWrittenAgainLeavesLinkedCopiesAlone();
    void addressListsAreWrittenAsQtWroteThem();

private:
    qint64 inboxId();
    QString bodyFileOf(quint32 uid);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MailCache> m_cache;
    QString m_path;
};

void TestCacheBodies::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_path = m_dir->filePath(u"cache/mail.sqlite"_s);
    m_cache = std::make_unique<MailCache>();
    QString error;
    QVERIFY2(m_cache->open(m_path, u"mdupont"_s, MailCache::Mode::ReadWrite, &error), qPrintable(error));
    FolderInfo inbox;
    inbox.pathParts = {u"INBOX"_s};
    inbox.role = FolderInfo::Role::Inbox;
    QVERIFY(m_cache->folderStore().replaceFolderList({inbox}));
}

void TestCacheBodies::cleanup()
{
    m_cache.reset();
    m_dir.reset();
}

qint64 TestCacheBodies::inboxId()
{
    return m_cache->folderStore().folder(u"INBOX"_s)->id;
}

QString TestCacheBodies::bodyFileOf(quint32 uid)
{
    QSqlQuery query(m_cache->database().database());
    query.prepare(
        u"SELECT b.file_name FROM bodies b JOIN messages m ON m.id = b.message_row WHERE m.uid = ?"_s);
    query.addBindValue(uid);
    if (!query.exec() || !query.next() || query.value(0).isNull())
        return {};
    return CacheBodyFiles(m_path).folder() + u'/' + query.value(0).toString();
}

void TestCacheBodies::bigBodiesGoToFilesSmallOnesStayInline()
{
    const QByteArray small = messageOf("petit", "vernissage", 2000, false);
    const QByteArray big = messageOf("grand", "kermesse", CacheMessageStore::kMaxInlineBody + 1000, true);
    QVERIFY(m_cache->storeMessages(inboxId(), {fetched(1, headerOf(small)), fetched(2, headerOf(big))},
                                   {small, big}));

    QVERIFY(bodyFileOf(1).isEmpty()); // in SQLite
    const QString file = bodyFileOf(2);
    QVERIFY(!file.isEmpty());
    QCOMPARE(QFileInfo(file).size(), big.size());
    QCOMPARE(QFile(file).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
             QFileDevice::Permissions());
    QCOMPARE(m_cache->messageStore().body(inboxId(), 1), std::optional<QByteArray>(small));
    QCOMPARE(m_cache->messageStore().body(inboxId(), 2), std::optional<QByteArray>(big));
    // No write was left marked as interrupted.
    QVERIFY(!QFileInfo::exists(CacheBodyFiles(m_path).folder() + u"/.writing"_s));

    // A batch of bodies for messages stored header-only (a sync's body pass) lands the same way.
    const QByteArray later = messageOf("plus-tard", "brevet", CacheMessageStore::kMaxInlineBody * 2, false);
    QVERIFY(m_cache->storeMessages(inboxId(), {fetched(3, headerOf(later))}, {QByteArray()}));
    QVERIFY(m_cache->storeBodies(inboxId(), {{3, later}}));
    QVERIFY(!bodyFileOf(3).isEmpty());
    QCOMPARE(m_cache->messageStore().body(inboxId(), 3), std::optional<QByteArray>(later));

    // Removing the messages removes their files.
    QVERIFY(m_cache->removeMessages(inboxId(), {2, 3}));
    QVERIFY(!QFileInfo::exists(file));
}

void TestCacheBodies::bigBodyFilesAreReadIntoHugePages()
{
    // Opening a 17 MB message read its file into fresh memory mapped 4 KiB at a time: 74 ms of
    // page faults on a virtual machine. Big bodies are read into memory advised for huge pages.
    const QByteArray big =
        messageOf("scan", "photocopieur", LargeBuffers::kAdviceThreshold + 2 * 1024 * 1024, true);
    const QByteArray medium = messageOf("moyen", "cantine", 1024 * 1024, true);
    QVERIFY(m_cache->storeMessages(inboxId(), {fetched(1, headerOf(big)), fetched(2, headerOf(medium))},
                                   {big, medium}));
    QVERIFY(!bodyFileOf(1).isEmpty());

    const std::optional<QByteArray> read = m_cache->messageStore().body(inboxId(), 1);
    QVERIFY(read);
    QCOMPARE(*read, big);
    QCOMPARE(m_cache->messageStore().body(inboxId(), 2), std::optional<QByteArray>(medium));
    if (!Test::kernelTakesHugePageAdvice())
        QSKIP("this kernel has no transparent huge pages");
    QString error;
    QVERIFY2(Test::advisedForHugePages(read->constData() + read->size() / 2, &error), qPrintable(error));
}

void TestCacheBodies::damagedOrMissingFileCountsAsNoBody()
{
    const QByteArray big = messageOf("grand", "kermesse", CacheMessageStore::kMaxInlineBody * 3, false);
    const QByteArray other = messageOf("autre", "chorale", CacheMessageStore::kMaxInlineBody * 2, false);
    QVERIFY(m_cache->storeMessages(inboxId(), {fetched(1, headerOf(big)), fetched(2, headerOf(other))},
                                   {big, other}));

    // Cut short (a crash before the kernel wrote it all): never shown truncated.
    {
        QFile file(bodyFileOf(1));
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.resize(big.size() / 2));
    }
    QCOMPARE(m_cache->messageStore().body(inboxId(), 1), std::nullopt);
    // Gone: the same.
    QVERIFY(QFile::remove(bodyFileOf(2)));
    QCOMPARE(m_cache->messageStore().body(inboxId(), 2), std::nullopt);

    // The index pass puts both back among the messages without a body, to be fetched again.
    QCOMPARE(m_cache->messageStore().reindexOutdatedBodies(100), 2);
    QCOMPARE(m_cache->messageStore().uidsWithoutBody(inboxId(), {}, 10).size(), 2);
    QVERIFY(!m_cache->messageStore().message(inboxId(), 1)->hasBody);
    QCOMPARE(m_cache->messageStore().unindexedCount(), 0);

    // Fetched again (MessageOpener's FetchBodyJob stores it so): whole, and indexed at once.
    QVERIFY(m_cache->messageStore().storeBody(inboxId(), 1, big));
    QCOMPARE(m_cache->messageStore().body(inboxId(), 1), std::optional<QByteArray>(big));
    QCOMPARE(m_cache->searchIndex().search(u"kermesse"_s, 10).size(), 1);
}

void TestCacheBodies::searchIndexIsBuiltAfterTheStore()
{
    const QByteArray plain = messageOf("conseil", "vernissage", 3000, false);
    const QByteArray withFile =
        messageOf("bulletin", "kermesse", CacheMessageStore::kMaxInlineBody * 2, true);
    QVERIFY(m_cache->storeMessages(inboxId(), {fetched(1, headerOf(plain)), fetched(2, headerOf(withFile))},
                                   {plain, withFile}));

    // Stored, not indexed: the subject is searchable, the body's words not yet.
    QCOMPARE(m_cache->messageStore().unindexedCount(), 2);
    QCOMPARE(m_cache->searchIndex().search(u"bulletin"_s, 10).size(), 1);
    QVERIFY(m_cache->searchIndex().search(u"kermesse"_s, 10).isEmpty());
    QVERIFY(m_cache->messageStore().message(inboxId(), 1)->preview.isEmpty());

    // The index pass, as the CLI and the account worker run it.
    QCOMPARE(m_cache->messageStore().reindexOutdatedBodies(500), 2);
    QCOMPARE(m_cache->messageStore().reindexOutdatedBodies(500), 0);
    QCOMPARE(m_cache->messageStore().unindexedCount(), 0);
    QCOMPARE(m_cache->searchIndex().search(u"kermesse"_s, 10).size(), 1);
    QCOMPARE(m_cache->searchIndex().search(u"vernissage"_s, 10).size(), 1);
    const CachedMessage first = *m_cache->messageStore().message(inboxId(), 1);
    QVERIFY2(first.preview.startsWith(u"Bonjour"_s), qPrintable(first.preview));
    QVERIFY(!first.hasAttachments);
    QVERIFY(m_cache->messageStore().message(inboxId(), 2)->hasAttachments);
}

void TestCacheBodies::bodiesIndexedWhenStoredNeedNoIndexPass()
{
    // The command line wants the index complete when its sync ends: each body is read from memory
    // as it is stored (text, preview, paper clip from the body itself), so the index pass after
    // the sync finds nothing to read back. A message stored without its body keeps its header entry.
    m_cache->messageStore().setIndexBodiesWhenStored(true);
    const QByteArray plain = messageOf("conseil", "vernissage", 3000, false);
    const QByteArray withFile =
        messageOf("bulletin", "kermesse", CacheMessageStore::kMaxInlineBody * 2, true);
    const QByteArray headerOnly = messageOf("convocation", "brocante", 3000, false);
    QVERIFY(m_cache->storeMessages(
        inboxId(),
        {fetched(1, headerOf(plain)), fetched(2, headerOf(withFile)), fetched(3, headerOf(headerOnly))},
        {plain, withFile, QByteArray()}));

    QCOMPARE(m_cache->messageStore().unindexedCount(), 0);
    QCOMPARE(m_cache->messageStore().reindexOutdatedBodies(500), 0);
    QCOMPARE(m_cache->searchIndex().search(u"vernissage"_s, 10).size(), 1);
    QCOMPARE(m_cache->searchIndex().search(u"kermesse"_s, 10).size(), 1);
    QCOMPARE(m_cache->searchIndex().search(u"convocation"_s, 10).size(), 1);
    QVERIFY(m_cache->searchIndex().search(u"brocante"_s, 10).isEmpty()); // its body never came
    QCOMPARE(m_cache->searchIndex().search(u"elodie"_s, 10).size(), 3);
    const CachedMessage first = *m_cache->messageStore().message(inboxId(), 1);
    QVERIFY2(first.preview.startsWith(u"Bonjour"_s), qPrintable(first.preview));
    QVERIFY(!first.hasAttachments);
    QVERIFY(m_cache->messageStore().message(inboxId(), 2)->hasAttachments);
    QCOMPARE(m_cache->messageStore().body(inboxId(), 2), std::optional<QByteArray>(withFile));
    QVERIFY(m_cache->messageStore().message(inboxId(), 3)->preview.isEmpty());

    // The same message again (a sync cut short and resumed) leaves one entry, still indexed.
    QVERIFY(m_cache->storeMessages(inboxId(), {fetched(1, headerOf(plain))}, {plain}));
    QCOMPARE(m_cache->searchIndex().search(u"vernissage"_s, 10).size(), 1);
    QCOMPARE(m_cache->messageStore().unindexedCount(), 0);
}

void TestCacheBodies::closingLeavesTheLogForTheNextOpening()
{
    // Closing no longer copies the write-ahead log back into the database (50-60 ms of each
    // command-line sync): the log stays, and every committed message is there at the next
    // opening, for a writer and for the window's read-only connection alike.
    const QByteArray plain = messageOf("conseil", "vernissage", 3000, false);
    QVERIFY(m_cache->storeMessages(inboxId(), {fetched(1, headerOf(plain))}, {plain}));
    m_cache.reset();
    QVERIFY(QFileInfo(m_path + u"-wal"_s).size() > 0);

    QString error;
    MailCache reader;
    QVERIFY2(reader.open(m_path, u"mdupont"_s, MailCache::Mode::ReadOnly, &error), qPrintable(error));
    QCOMPARE(reader.messageStore().body(reader.folderStore().folder(u"INBOX"_s)->id, 1),
             std::optional<QByteArray>(plain));
    m_cache = std::make_unique<MailCache>();
    QVERIFY2(m_cache->open(m_path, u"mdupont"_s, MailCache::Mode::ReadWrite, &error), qPrintable(error));
    QCOMPARE(m_cache->messageStore().body(inboxId(), 1), std::optional<QByteArray>(plain));
}

void TestCacheBodies::checkpointsRunBesideTheWriter()
{
    // 12 MB of inline bodies in four commits: the log passes the 8 MB mark, and its copy back
    // into the database (with its flushes) is done by the background thread, not by the commit.
    QList<QByteArray> written;
    for (int batch = 0; batch < 4; ++batch) {
        QList<FetchedMessage> messages;
        QList<QByteArray> bodies;
        for (int i = 0; i < 100; ++i) {
            const auto uid = static_cast<quint32>(batch * 100 + i + 1);
            const QByteArray raw = messageOf("lot" + QByteArray::number(uid), "kermesse",
                                             CacheMessageStore::kMaxInlineBody - 2048, false);
            messages.append(fetched(uid, headerOf(raw)));
            bodies.append(raw);
            written.append(raw);
        }
        QVERIFY(m_cache->storeMessages(inboxId(), messages, bodies));
    }
    QTRY_VERIFY(m_cache->database().backgroundCheckpoints() >= 1);

    // Closed at once after more commits (a checkpoint may be running: it is finished first):
    // every message is there at the next opening.
    QVERIFY(m_cache->storeMessages(inboxId(), {fetched(1000, headerOf(written.first()))}, {written.first()}));
    m_cache.reset();
    QString error;
    m_cache = std::make_unique<MailCache>();
    QVERIFY2(m_cache->open(m_path, u"mdupont"_s, MailCache::Mode::ReadWrite, &error), qPrintable(error));
    QCOMPARE(m_cache->messageStore().messageCount(inboxId()), 401);
    for (quint32 uid : {1u, 200u, 400u})
        QCOMPARE(m_cache->messageStore().body(inboxId(), uid),
                 std::optional<QByteArray>(written.at(uid - 1)));
    QSqlQuery check(m_cache->database().database());
    QVERIFY(check.exec(u"PRAGMA integrity_check"_s) && check.next());
    QCOMPARE(check.value(0).toString(), u"ok"_s);
}

void TestCacheBodies::olderCachesKeepTheirPageSize()
{
    // New caches get 16 KiB pages; one written by an earlier version keeps its 4 KiB (SQLite cannot
    // change a WAL database's page size), and its log is still checkpointed at 8 MB: the marks are
    // bytes, not pages (2,048 pages were 8 MB of 4 KiB pages, 32 MB of 16 KiB ones).
    QSqlQuery newPages(m_cache->database().database());
    QVERIFY(newPages.exec(u"PRAGMA page_size"_s) && newPages.next());
    QCOMPARE(newPages.value(0).toInt(), CacheDatabase::kNewCachePageSize);

    const QString oldPath = m_dir->filePath(u"old/mail.sqlite"_s);
    QVERIFY(QDir().mkpath(QFileInfo(oldPath).path()));
    {
        QSqlDatabase old = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"four-kib"_s);
        old.setDatabaseName(oldPath);
        QVERIFY(old.open());
        QSqlQuery query(old);
        QVERIFY(query.exec(u"PRAGMA page_size = 4096"_s));
        QVERIFY(query.exec(u"PRAGMA journal_mode = WAL"_s));
        for (int version = 1; version <= 7; ++version) {
            for (const QString &statement : CacheSchema::migrationTo(version))
                QVERIFY2(query.exec(statement), qPrintable(statement));
        }
        QVERIFY(query.exec(u"INSERT INTO account (id, account_key) VALUES (1, 'mdupont')"_s));
        QVERIFY(query.exec(u"INSERT INTO folders (id, path, role) VALUES (1, 'INBOX', 'inbox')"_s));
        QVERIFY(query.exec(u"PRAGMA user_version = 7"_s));
        old.close();
    }
    QSqlDatabase::removeDatabase(u"four-kib"_s);

    MailCache cache;
    QString error;
    QVERIFY2(cache.open(oldPath, u"mdupont"_s, MailCache::Mode::ReadWrite, &error), qPrintable(error));
    QCOMPARE(cache.database().schemaVersion(), CacheDatabase::kSchemaVersion);
    QSqlQuery oldPages(cache.database().database());
    QVERIFY(oldPages.exec(u"PRAGMA page_size"_s) && oldPages.next());
    QCOMPARE(oldPages.value(0).toInt(), 4096);
    // 6 MB in the log (1,536 pages of 4 KiB): no checkpoint asked yet, where a mark counted in
    // 16 KiB pages (512) would have asked one; 12 MB: one, run by the background thread.
    quint32 uid = 0;
    const QByteArray body = messageOf("lot", "kermesse", CacheMessageStore::kMaxInlineBody - 2048, false);
    const auto storeMegabytes = [&](int megabytes) {
        QList<FetchedMessage> messages;
        QList<QByteArray> bodies;
        for (qsizetype stored = 0; stored < qsizetype(megabytes) * 1024 * 1024; stored += body.size()) {
            messages.append(fetched(++uid, headerOf(body)));
            bodies.append(body);
        }
        return cache.storeMessages(1, messages, bodies);
    };
    QVERIFY(storeMegabytes(6));
    QVERIFY(!cache.database().checkpointAsked()); // asked for (or not) by the commit itself
    QVERIFY(storeMegabytes(6));
    QVERIFY(cache.database().checkpointAsked());
    QTRY_VERIFY(cache.database().backgroundCheckpoints() >= 1);
    QCOMPARE(cache.messageStore().messageCount(1), int(uid));
    QCOMPARE(cache.messageStore().body(1, uid), std::optional<QByteArray>(body));
}

void TestCacheBodies::filesOfAnInterruptedWriteAreSwept()
{
    const QByteArray big = messageOf("grand", "kermesse", CacheMessageStore::kMaxInlineBody * 2, false);
    QVERIFY(m_cache->storeMessages(inboxId(), {fetched(1, headerOf(big))}, {big}));
    const QString kept = bodyFileOf(1);
    QVERIFY(QFileInfo::exists(kept));

    // A writer killed after writing a file, before its row was committed.
    const CacheBodyFiles files(m_path);
    files.beginWrites();
    QString error;
    QVERIFY(files.write(u"999.eml"_s, big, &error));
    const QString orphan = files.folder() + u"/999.eml"_s;
    m_cache.reset();

    // Written seconds ago: perhaps another process about to commit, so kept for now.
    m_cache = std::make_unique<MailCache>();
    QVERIFY(m_cache->open(m_path, u"mdupont"_s, MailCache::Mode::ReadWrite, &error));
    QVERIFY(QFileInfo::exists(orphan));
    m_cache.reset();

    // Older: removed at the next opening; the file a row names stays.
    {
        QFile old(orphan);
        QVERIFY(old.open(QIODevice::ReadWrite));
        QVERIFY(
            old.setFileTime(QDateTime::currentDateTime().addSecs(-3600), QFileDevice::FileModificationTime));
    }
    m_cache = std::make_unique<MailCache>();
    QVERIFY(m_cache->open(m_path, u"mdupont"_s, MailCache::Mode::ReadWrite, &error));
    QVERIFY(!QFileInfo::exists(orphan));
    QVERIFY(QFileInfo::exists(kept));
    QVERIFY(!QFileInfo::exists(files.folder() + u"/.writing"_s));
    QCOMPARE(m_cache->messageStore().body(inboxId(), 1), std::optional<QByteArray>(big));
}

void TestCacheBodies::migrationFromVersion5KeepsOldBodiesReadable()
{
    m_cache.reset();
    const QString path = m_dir->filePath(u"old/mail.sqlite"_s);
    QVERIFY(QDir().mkpath(m_dir->filePath(u"old/bodies"_s)));
    const QByteArray inline_ = messageOf("ancien", "vernissage", 2000, false);
    const QByteArray filed = messageOf("ancien-gros", "kermesse", 600 * 1024, false);
    {
        // A cache as version 5 left it: one body inline, one in "<rowid>.eml" without a size.
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"v5"_s);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery query(db);
        for (int version = 1; version <= 5; ++version) {
            for (const QString &statement : CacheSchema::migrationTo(version))
                QVERIFY2(query.exec(statement), qPrintable(query.lastError().text()));
        }
        QVERIFY(query.exec(u"INSERT INTO account (id, account_key) VALUES (1, 'mdupont')"_s));
        QVERIFY(query.exec(u"INSERT INTO folders (id, path, role) VALUES (1, 'INBOX', 'inbox')"_s));
        QVERIFY(query.exec(u"INSERT INTO messages (id, folder_id, uid, subject, has_body, model_version) "
                           "VALUES (1, 1, 1, 'ancien', 1, 2), (2, 1, 2, 'ancien-gros', 1, 2)"_s));
        query.prepare(u"INSERT INTO bodies (message_row, raw, file_name) VALUES (1, ?, NULL)"_s);
        query.addBindValue(inline_);
        QVERIFY(query.exec());
        QVERIFY(query.exec(u"INSERT INTO bodies (message_row, raw, file_name) VALUES (2, NULL, '2.eml')"_s));
        QVERIFY(query.exec(u"PRAGMA user_version = 5"_s));
        db.close();
        QFile file(m_dir->filePath(u"old/bodies/2.eml"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(filed);
    }
    QSqlDatabase::removeDatabase(u"v5"_s);

    MailCache cache;
    QString error;
    QVERIFY2(cache.open(path, u"mdupont"_s, MailCache::Mode::ReadWrite, &error), qPrintable(error));
    QCOMPARE(cache.database().schemaVersion(), CacheDatabase::kSchemaVersion);
    QCOMPARE(cache.messageStore().body(1, 1), std::optional<QByteArray>(inline_));
    QCOMPARE(cache.messageStore().body(1, 2), std::optional<QByteArray>(filed));
    QCOMPARE(cache.messageStore().unindexedCount(), 0); // nothing to index again
    QSqlQuery trigger(cache.database().database());
    QVERIFY(trigger.exec(u"SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger'"_s) && trigger.next());
    QCOMPARE(trigger.value(0).toInt(), 0); // schema 7: the search entries go with explicit deletes
}

QTEST_GUILESS_MAIN(TestCacheBodies)
void TestCacheBodies::aFolderGoneOrResetTakesItsFiles()
{
    // A folder deleted on the server, or whose UIDVALIDITY changed, loses its rows: its body files
    // go too (a 100,000-message cache keeps most of its bytes in them).
    FolderInfo inbox;
    inbox.pathParts = {u"INBOX"_s};
    inbox.role = FolderInfo::Role::Inbox;
    FolderInfo trip;
    trip.pathParts = {u"Projets"_s, u"Voyage scolaire"_s};
    QVERIFY(m_cache->folderStore().replaceFolderList({inbox, trip}));
    const qint64 tripId = m_cache->folderStore().folder(u"Projets/Voyage scolaire"_s)->id;
    const QByteArray big =
        messageOf("autorisation", "sortie", CacheMessageStore::kMaxInlineBody + 1000, true);
    QVERIFY(m_cache->storeMessages(tripId, {fetched(7, headerOf(big))}, {big}));
    QVERIFY(m_cache->storeMessages(inboxId(), {fetched(8, headerOf(big))}, {big}));
    const QString tripFile = bodyFileOf(7);
    const QString inboxFile = bodyFileOf(8);
    QVERIFY(QFileInfo::exists(tripFile));
    QVERIFY(QFileInfo::exists(inboxFile));

    QVERIFY(m_cache->folderStore().replaceFolderList({inbox}));
    QVERIFY(!QFileInfo::exists(tripFile));
    QVERIFY(QFileInfo::exists(inboxFile)); // only the gone folder's

    QVERIFY(m_cache->resetFolder(inboxId(), 4242));
    QVERIFY(!QFileInfo::exists(inboxFile));
}

void TestCacheBodies::searchEntriesGoWithTheirMessages()
{
    // No trigger removes them since schema 7 (it cost a flush of the index per message): every
    // way a message leaves the cache removes its search entry, and FTS5's own check agrees.
    FolderInfo inbox;
    inbox.pathParts = {u"INBOX"_s};
    inbox.role = FolderInfo::Role::Inbox;
    FolderInfo trip;
    trip.pathParts = {u"Projets"_s, u"Voyage scolaire"_s};
    QVERIFY(m_cache->folderStore().replaceFolderList({inbox, trip}));
    const qint64 tripId = m_cache->folderStore().folder(u"Projets/Voyage scolaire"_s)->id;
    const QByteArray council = messageOf("conseil", "vernissage", 3000, false);
    const QByteArray bulletin = messageOf("bulletin", "kermesse", 4000, true);
    const QByteArray outing = messageOf("sortie", "piquenique", 2500, false);
    const QByteArray consent = messageOf("autorisation", "randonnee", 2000, false);
    QVERIFY(m_cache->storeMessages(tripId, {fetched(7, headerOf(consent))}, {consent}));
    QVERIFY(m_cache->storeMessages(inboxId(), {fetched(1, headerOf(council)), fetched(2, headerOf(bulletin))},
                                   {council, bulletin}));
    QVERIFY(m_cache->storeMessages(inboxId(), {fetched(3, headerOf(outing))}, {outing})); // the last row id
    QCOMPARE(m_cache->messageStore().reindexOutdatedBodies(500), 4);
    const auto entries = [&] {
        QSqlQuery query(m_cache->database().database());
        return query.exec(u"SELECT COUNT(*) FROM message_search"_s) && query.next() ? query.value(0).toInt()
                                                                                    : -1;
    };
    const auto indexConsistent = [&] {
        QSqlQuery query(m_cache->database().database());
        return query.exec(u"INSERT INTO message_search (message_search) VALUES ('integrity-check')"_s);
    };
    QCOMPARE(entries(), 4);
    QCOMPARE(m_cache->searchIndex().search(u"kermesse"_s, 10).size(), 1);

    // Expunged on the server.
    QVERIFY(m_cache->removeMessages(inboxId(), {2, 3}));
    QCOMPARE(entries(), 2);
    QVERIFY(m_cache->searchIndex().search(u"kermesse"_s, 10).isEmpty());
    QVERIFY(m_cache->searchIndex().search(u"bulletin"_s, 10).isEmpty());
    QVERIFY(indexConsistent());

    // SQLite gives the next message the row id the last one had: its entry is its own.
    const QByteArray canteen = messageOf("cantine", "menu", 2000, false);
    QVERIFY(m_cache->storeMessages(inboxId(), {fetched(4, headerOf(canteen))}, {canteen}));
    QCOMPARE(m_cache->messageStore().reindexOutdatedBodies(500), 1);
    QCOMPARE(m_cache->searchIndex().search(u"menu"_s, 10).size(), 1);
    QVERIFY(m_cache->searchIndex().search(u"piquenique"_s, 10).isEmpty());
    QCOMPARE(entries(), 3);

    // UIDVALIDITY changed, then a folder deleted on the server.
    QVERIFY(m_cache->resetFolder(inboxId(), 4242));
    QCOMPARE(entries(), 1);
    QVERIFY(m_cache->searchIndex().search(u"vernissage"_s, 10).isEmpty());
    QCOMPARE(m_cache->searchIndex().search(u"randonnee"_s, 10).size(), 1);
    QVERIFY(m_cache->folderStore().replaceFolderList({inbox}));
    QCOMPARE(entries(), 0);
    QVERIFY(indexConsistent());
}

void TestCacheBodies::aBodyWrittenAgainLeavesLinkedCopiesAlone()
{
    // A copy of the cache that shares its body files (hard links, as backups and the benchmark
    // make them) must keep its bytes when this cache stores the same message's body again.
    const QByteArray first =
        messageOf("bulletin", "trimestre", CacheMessageStore::kMaxInlineBody + 500, true);
    QVERIFY(m_cache->storeMessages(inboxId(), {fetched(9, headerOf(first))}, {first}));
    const QString file = bodyFileOf(9);
    const QString copy = m_dir->filePath(u"copy.eml"_s);
    QCOMPARE(::link(QFile::encodeName(file).constData(), QFile::encodeName(copy).constData()), 0);
    const QByteArray second =
        messageOf("bulletin", "semestre", CacheMessageStore::kMaxInlineBody + 900, true);
    QVERIFY(m_cache->storeBodies(inboxId(), {{9, second}}));
    QCOMPARE(m_cache->messageStore().body(inboxId(), 9), std::optional<QByteArray>(second));
    QFile kept(copy);
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QCOMPARE(kept.readAll(), first);
}

void TestCacheBodies::addressListsAreWrittenAsQtWroteThem()
{
    // The address columns are JSON written by hand since issue 19; rows written before by
    // QJsonDocument must read the same, and hostile display names must survive the round trip.
    const QList<QList<MailAddress>> lists = {
        {},
        {{u"Marie Dupont"_s, u"mdupont@ac-amiens.fr"_s}},
        {{QString(), u"ce.0800001a@ac-amiens.fr"_s}, {u"Élodie « DSDEN 80 »"_s, u"e.h@ac-amiens.fr"_s}},
        {{u"\"Guillemets\" \\ barre"_s, u"a\"b@x.fr"_s}},
        {{u"tab\there\r\nline\u0001\u001f\u007f\b\f"_s, u"x@y.fr"_s}},
        {{u"emoji \U0001F600 ok"_s, u"z@y.fr"_s}},
        {{QString(QChar(0xD800)) + u"lone"_s + QChar(0xDC00), u"s@y.fr"_s}},
    };
    for (const QList<MailAddress> &list : lists) {
        QJsonArray array;
        for (const MailAddress &address : list)
            array.append(QJsonObject{{u"name"_s, address.name}, {u"address"_s, address.address}});
        const QString byQt = QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
        QCOMPARE(CacheRows::toJson(list), byQt);
        const QList<MailAddress> back = CacheRows::addressesFromJson(CacheRows::toJson(list));
        QCOMPARE(back.size(), list.size());
        for (qsizetype i = 0; i < list.size(); ++i) {
            QCOMPARE(back.at(i).address, list.at(i).address);
            if (!list.at(i).name.contains(QChar(0xD800))) // a lone surrogate is not text
                QCOMPARE(back.at(i).name, list.at(i).name);
        }
    }
}

#include "tst_cachebodies.moc"
