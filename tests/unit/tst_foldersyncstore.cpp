// The folder synchroniser writes through a narrow interface (core/cache/FolderSyncStore, issue 17)
// that MailCache implements over SQLite and MemorySyncStore (tests/support) in memory, so that sync
// tests can run without a database. The same writes are made to both here, and both must answer
// alike: what the sync reads back (UIDs, flags, bodies still to fetch and their order) is the
// contract.
#include "MemorySyncStore.h"
#include "cache/MailCache.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Amiens;
using namespace Amiens::Test;

namespace {

FetchedMessage fetched(quint32 uid, const char *date, QStringList flags = {}, qint64 size = 2048)
{
    FetchedMessage message;
    message.uid = uid;
    message.modSeq = 100 + uid;
    message.flags = std::move(flags);
    message.size = size;
    message.rawHeader =
        "From: Élodie Lefèvre <elodie.lefevre@ac-amiens.fr>\r\nTo: marie.dupont@ac-amiens.fr\r\n"
        "Subject: Conseil de classe " +
        QByteArray::number(uid) + "\r\nDate: " + date + "\r\nMessage-ID: <m" + QByteArray::number(uid) +
        "@ac-amiens.fr>\r\n\r\n";
    return message;
}

QByteArray bodyOf(const FetchedMessage &message)
{
    return message.rawHeader + "Bonjour,\r\nle conseil de classe a lieu jeudi.\r\n";
}

/// What the synchroniser can read back from a store, in a comparable form.
QStringList observed(FolderSyncStore &store, qint64 folderId)
{
    QStringList lines;
    QList<quint32> uids = store.uids(folderId).values();
    std::sort(uids.begin(), uids.end());
    for (const quint32 uid : uids) {
        const auto message = store.message(folderId, uid);
        lines.append(u"%1 flags=%2 body=%3 subject=%4"_s.arg(uid)
                         .arg(message ? message->flags.join(u' ') : u"?"_s)
                         .arg(message && message->hasBody ? u"yes"_s : u"no"_s)
                         .arg(message ? message->headers.subject : QString()));
    }
    QStringList toFetch;
    for (const auto &[uid, size] : store.bodiesToFetch(folderId, {}))
        toFetch.append(u"%1:%2"_s.arg(uid).arg(size));
    lines.append(u"to fetch " + toFetch.join(u' '));
    QStringList recent;
    for (const auto &[uid, size] :
         store.bodiesToFetch(folderId, QDateTime(QDate(2026, 11, 1), QTime(0, 0), Qt::UTC)))
        recent.append(QString::number(uid));
    lines.append(u"to fetch since November " + recent.join(u' '));
    return lines;
}

} // namespace

class TestFolderSyncStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void memoryStoreAnswersAsTheCache();
    void failedWritesAreReported();
};

void TestFolderSyncStore::memoryStoreAnswersAsTheCache()
{
    QTemporaryDir dir;
    MailCache cache;
    QString error;
    QVERIFY2(cache.open(dir.filePath(u"cache.sqlite"_s), u"mdupont@ac-amiens.fr"_s,
                        MailCache::Mode::ReadWrite, &error),
             qPrintable(error));
    FolderInfo inbox;
    inbox.pathParts = {u"INBOX"_s};
    inbox.role = FolderInfo::Role::Inbox;
    QVERIFY(cache.folderStore().replaceFolderList({inbox}));
    const qint64 cacheFolder = cache.folderStore().folder(u"INBOX"_s)->id;
    MemorySyncStore memory;
    const qint64 memoryFolder = 7;

    const QList<FetchedMessage> first = {fetched(1, "Mon, 12 Oct 2026 08:00:00 +0200", {u"\\Seen"_s}),
                                         fetched(2, "Tue, 3 Nov 2026 09:30:00 +0100", {u"\\Recent"_s}, 35000),
                                         fetched(3, "Thu, 19 Nov 2026 17:45:00 +0100", {}, 1200000)};
    const QList<FetchedMessage> resumed = {
        fetched(3, "Thu, 19 Nov 2026 17:45:00 +0100", {u"\\Flagged"_s}, 1200000),
        fetched(4, "Fri, 20 Nov 2026 07:10:00 +0100", {u"\\Seen"_s}, 5000)};
    const auto steps = [&](FolderSyncStore &store, qint64 folder) {
        QVERIFY(store.saveFolderState(folder, 1700000000, 4, 103));
        QVERIFY(store.storeMessages(folder, first, {bodyOf(first.at(0)), QByteArray(), QByteArray()}));
        // A sync cut short and resumed: message 3 again (flags changed), and a new one with its body.
        QVERIFY(store.storeMessages(folder, resumed, {QByteArray(), bodyOf(resumed.at(1))}));
        QVERIFY(store.applyFlagUpdates(
            folder, {{2, 120, {u"\\Seen"_s, u"\\Answered"_s, u"\\Seen"_s}}, {99, 121, {u"\\Seen"_s}}}));
        QVERIFY(store.storeBodies(folder, {{2, bodyOf(first.at(1))}}));
    };
    steps(cache, cacheFolder);
    steps(memory, memoryFolder);
    const QStringList expected = observed(cache, cacheFolder);
    QCOMPARE(observed(memory, memoryFolder), expected);
    QCOMPARE(expected.first(), u"1 flags=\\Seen body=yes subject=Conseil de classe 1"_s);
    QCOMPARE(expected.at(4), u"to fetch 3:1200000"_s);

    QVERIFY(cache.removeMessages(cacheFolder, {1, 4}));
    QVERIFY(memory.removeMessages(memoryFolder, {1, 4}));
    QCOMPARE(observed(memory, memoryFolder), observed(cache, cacheFolder));

    // UIDVALIDITY changed: everything goes.
    QVERIFY(cache.resetFolder(cacheFolder, 1800000000));
    QVERIFY(memory.resetFolder(memoryFolder, 1800000000));
    QCOMPARE(observed(memory, memoryFolder), observed(cache, cacheFolder));
    QVERIFY(memory.uids(memoryFolder).isEmpty());
}

void TestFolderSyncStore::failedWritesAreReported()
{
    MemorySyncStore memory;
    memory.failNextWrite();
    QVERIFY(!memory.storeMessages(1, {fetched(1, "Mon, 12 Oct 2026 08:00:00 +0200")}, {}));
    QVERIFY(!memory.lastError().isEmpty());
    QVERIFY(memory.uids(1).isEmpty());
    QVERIFY(memory.storeMessages(1, {fetched(1, "Mon, 12 Oct 2026 08:00:00 +0200")}, {}));
    QCOMPARE(memory.uids(1).size(), 1);
}

QTEST_GUILESS_MAIN(TestFolderSyncStore)
#include "tst_foldersyncstore.moc"
