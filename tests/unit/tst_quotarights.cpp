// Issue 18 in the core, without a server: the quota status and its French sentence, what a
// folder's rights allow with the reason, OfflineChanges refusing before queuing, the cache
// migration that stores rights, namespaces and the quota, and the « Libérer de l'espace » report.
#include "cache/CacheSchema.h"
#include "cache/CacheSpaceReport.h"
#include "cache/MailCache.h"
#include "cache/PendingOperationQueue.h"
#include "cache/QuotaStatus.h"
#include "imap/FolderPermissions.h"
#include "sync/OfflineChanges.h"
#include "sync/QuotaReader.h"
#include "util/Translations.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Amiens;

namespace {

AccountQuota quota(qint64 usedKiB, qint64 limitKiB, qint64 messages = -1, qint64 messagesLimit = -1)
{
    AccountQuota quota;
    quota.storageUsedKiB = usedKiB;
    quota.storageLimitKiB = limitKiB;
    quota.messagesUsed = messages;
    quota.messagesLimit = messagesLimit;
    quota.readAt = QDateTime(QDate(2026, 12, 4), QTime(8, 0), Qt::UTC);
    return quota;
}

FolderInfo sharedFolder(const QString &owner, const QString &name, const QString &rights)
{
    FolderInfo folder;
    folder.pathParts = {u"shared"_s, owner, name};
    folder.namespaceKind = FolderInfo::Namespace::OtherUser;
    folder.owner = owner;
    folder.rights = rights;
    folder.rightsKnown = true;
    return folder;
}

FetchedMessage fetched(quint32 uid, qint64 size, const char *date, bool attachment = false)
{
    FetchedMessage message;
    message.uid = uid;
    message.size = size;
    message.rawHeader =
        "From: Jean Martin <jean.martin@ac-amiens.fr>\r\nSubject: Message " + QByteArray::number(uid) +
        "\r\nDate: " + date + "\r\nMessage-ID: <q" + QByteArray::number(uid) + "@ac-amiens.fr>\r\n" +
        (attachment ? QByteArray("Content-Type: multipart/mixed; boundary=x\r\n") : QByteArray()) + "\r\n";
    return message;
}

} // namespace

class TestQuotaRights : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void quotaLevels_data();
    void quotaLevels();
    void missingOrUnlimitedQuota();
    void messageCountCanDecide();
    void permissionsFromRights();
    void unknownRightsAllowEverything();
    void offlineChangesRefuseBeforeQueuing();
    void migrationFromVersion4KeepsFoldersAndAddsColumns();
    void quotaAndRightsRoundTripInTheCache();
    void quotaIsReadAgainWhenDue();
    void spaceReportFromTheCache();
    // Last: installs the French translation for the rest of the process.
    void frenchSentences();
};

void TestQuotaRights::quotaLevels_data()
{
    QTest::addColumn<qint64>("used");
    QTest::addColumn<qint64>("limit");
    QTest::addColumn<QuotaStatus::Level>("level");
    QTest::addColumn<int>("percent");
    QTest::newRow("empty") << qint64(0) << qint64(2048) << QuotaStatus::Level::Normal << 0;
    QTest::newRow("79.9 % is not a warning")
        << qint64(1636) << qint64(2048) << QuotaStatus::Level::Normal << 79;
    QTest::newRow("80 %") << qint64(1639) << qint64(2048) << QuotaStatus::Level::Warning << 80;
    QTest::newRow("94 %") << qint64(1940) << qint64(2048) << QuotaStatus::Level::Warning << 94;
    QTest::newRow("95 %") << qint64(1946) << qint64(2048) << QuotaStatus::Level::Critical << 95;
    QTest::newRow("99.9 %") << qint64(2047) << qint64(2048) << QuotaStatus::Level::Critical << 99;
    QTest::newRow("full") << qint64(2048) << qint64(2048) << QuotaStatus::Level::Full << 100;
    QTest::newRow("over") << qint64(2100) << qint64(2048) << QuotaStatus::Level::Full << 102;
}

void TestQuotaRights::quotaLevels()
{
    QFETCH(qint64, used);
    QFETCH(qint64, limit);
    QFETCH(QuotaStatus::Level, level);
    QFETCH(int, percent);
    const QuotaStatus status = QuotaStatus::of(quota(used, limit), QLocale::c());
    QCOMPARE(status.level(), level);
    QCOMPARE(status.percent(), percent);
    QVERIFY(!status.message().isEmpty());
    QCOMPARE(status.needsAttention(), level >= QuotaStatus::Level::Warning);
}

void TestQuotaRights::missingOrUnlimitedQuota()
{
    const QuotaStatus none = QuotaStatus::of(std::nullopt);
    QCOMPARE(none.level(), QuotaStatus::Level::Unknown);
    QCOMPARE(none.percent(), -1);
    QVERIFY(none.message().isEmpty());
    QVERIFY(!none.needsAttention());
    // A root without a STORAGE limit (0 or missing) says nothing about fullness.
    QCOMPARE(QuotaStatus::of(quota(5000, 0)).level(), QuotaStatus::Level::Unknown);
    QCOMPARE(QuotaStatus::of(quota(5000, -1)).level(), QuotaStatus::Level::Unknown);
    QCOMPARE(QuotaStatus::levelName(QuotaStatus::Level::Unknown), u"unknown"_s);
    QCOMPARE(QuotaStatus::levelName(QuotaStatus::Level::Warning), u"warning"_s);
}

void TestQuotaRights::messageCountCanDecide()
{
    // 10 % by size but 96 % by count: the count fills first.
    const QuotaStatus status = QuotaStatus::of(quota(100, 1000, 960, 1000), QLocale::c());
    QCOMPARE(status.level(), QuotaStatus::Level::Critical);
    QCOMPARE(status.percent(), 96);
    QVERIFY2(status.message().contains(u"960"_s), qPrintable(status.message()));
}

void TestQuotaRights::permissionsFromRights()
{
    const FolderPermissions readOnly(sharedFolder(u"jmartin"_s, u"Projets"_s, u"lr"_s));
    QVERIFY(readOnly.isReadOnly());
    QVERIFY(readOnly.can(FolderPermissions::Action::Read));
    QVERIFY(readOnly.reason(FolderPermissions::Action::Read).isEmpty());
    for (const auto action :
         {FolderPermissions::Action::ChangeSeen, FolderPermissions::Action::ChangeFlags,
          FolderPermissions::Action::DeleteMessages, FolderPermissions::Action::MoveOut,
          FolderPermissions::Action::AddMessages, FolderPermissions::Action::DeleteFolder}) {
        QVERIFY(!readOnly.can(action));
        QVERIFY(readOnly.reason(action).contains(u"« Projets »"_s));
        QVERIFY(readOnly.reason(action).contains(u"jmartin"_s));
    }
    QCOMPARE(readOnly.reason(FolderPermissions::Action::DeleteMessages),
             u"You cannot delete messages in « Projets », shared by jmartin read-only."_s);

    // Read and mark read, but nothing else: not read-only, the reason names the missing right.
    const FolderPermissions seenOnly(sharedFolder(u"jmartin"_s, u"Notes"_s, u"lrs"_s));
    QVERIFY(!seenOnly.isReadOnly());
    QVERIFY(seenOnly.can(FolderPermissions::Action::ChangeSeen));
    QVERIFY(seenOnly.canChangeFlags({u"\\Seen"_s}));
    QString reason;
    QVERIFY(!seenOnly.canChangeFlags({u"\\Seen"_s, u"\\Flagged"_s}, &reason));
    QCOMPARE(reason,
             u"You cannot flag or tag messages in « Notes », shared by jmartin without this right."_s);
    QVERIFY(!seenOnly.canChangeFlags({u"\\Deleted"_s}));

    const FolderPermissions full(sharedFolder(u"ce.0801234x"_s, u"Commun"_s, u"eiklrstwx"_s));
    for (const auto action :
         {FolderPermissions::Action::ChangeSeen, FolderPermissions::Action::ChangeFlags,
          FolderPermissions::Action::DeleteMessages, FolderPermissions::Action::MoveOut,
          FolderPermissions::Action::AddMessages, FolderPermissions::Action::CreateSubfolder,
          FolderPermissions::Action::DeleteFolder})
        QVERIFY(full.can(action));

    FolderInfo publicFolder = sharedFolder({}, u"Annonces"_s, u"lr"_s);
    publicFolder.pathParts = {u"Public"_s, u"Annonces"_s};
    publicFolder.namespaceKind = FolderInfo::Namespace::Shared;
    QCOMPARE(FolderPermissions(publicFolder).reason(FolderPermissions::Action::AddMessages),
             u"You cannot put messages in « Annonces », a shared folder, read-only."_s);
}

void TestQuotaRights::unknownRightsAllowEverything()
{
    FolderInfo inbox;
    inbox.pathParts = {u"INBOX"_s};
    const FolderPermissions permissions(inbox);
    QVERIFY(!permissions.isReadOnly());
    QVERIFY(permissions.can(FolderPermissions::Action::DeleteMessages));
    QVERIFY(permissions.reason(FolderPermissions::Action::DeleteMessages).isEmpty());
}

void TestQuotaRights::offlineChangesRefuseBeforeQueuing()
{
    QTemporaryDir dir;
    MailCache cache;
    QString error;
    QVERIFY2(cache.open(dir.filePath(u"cache.sqlite"_s), u"mdupont"_s, MailCache::Mode::ReadWrite, &error),
             qPrintable(error));
    FolderInfo inbox;
    inbox.pathParts = {u"INBOX"_s};
    inbox.role = FolderInfo::Role::Inbox;
    const FolderInfo readOnly = sharedFolder(u"jmartin"_s, u"Projets"_s, u"lr"_s);
    const FolderInfo writable = sharedFolder(u"ce.0801234x"_s, u"Commun"_s, u"eiklrstw"_s);
    QVERIFY(cache.folderStore().replaceFolderList({inbox, readOnly, writable}));
    const auto projets = cache.folderStore().folder(u"shared/jmartin/Projets"_s);
    QVERIFY(projets);
    QVERIFY(cache.storeMessages(projets->id, {fetched(1, 1000, "Mon, 1 Dec 2026 10:00:00 +0100")},
                                {QByteArray()}));

    OfflineChanges changes(cache);
    PendingOperationQueue queue(cache.database());
    QVERIFY(!changes.remove(u"shared/jmartin/Projets"_s, {1}, &error));
    QCOMPARE(error, u"You cannot delete messages in « Projets », shared by jmartin read-only."_s);
    QVERIFY(!changes.move(u"shared/jmartin/Projets"_s, {1}, u"INBOX"_s, &error));
    QVERIFY2(error.startsWith(u"You cannot move messages out of « Projets »"_s), qPrintable(error));
    QVERIFY(!changes.changeFlags(u"shared/jmartin/Projets"_s, {1}, {u"\\Seen"_s}, {}, &error));
    QVERIFY(!changes.move(u"INBOX"_s, {1}, u"shared/jmartin/Projets"_s, &error));
    QVERIFY2(error.startsWith(u"You cannot put messages in « Projets »"_s), qPrintable(error));
    QVERIFY(!changes.transfer(u"shared/jmartin/Projets"_s, {1}, u"other"_s, u"INBOX"_s, false, &error));
    QVERIFY(queue.all().isEmpty());
    // Nothing was hidden either: the message is still shown.
    QVERIFY(cache.folderStore().refreshFolderCounts(projets->id));
    QCOMPARE(cache.folderStore().folder(u"shared/jmartin/Projets"_s)->messageCount, 1);

    // The read-write one takes the same changes.
    QVERIFY2(changes.changeFlags(u"shared/ce.0801234x/Commun"_s, {1}, {u"\\Flagged"_s}, {}, &error),
             qPrintable(error));
    QVERIFY2(changes.remove(u"shared/ce.0801234x/Commun"_s, {1}, &error), qPrintable(error));
    QCOMPARE(queue.all().size(), 2);
}

void TestQuotaRights::migrationFromVersion4KeepsFoldersAndAddsColumns()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"cache.sqlite"_s);
    {
        // A cache as version 4 left it, with a folder and a message.
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"v4"_s);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery query(db);
        for (int version = 1; version <= 4; ++version) {
            for (const QString &statement : CacheSchema::migrationTo(version))
                QVERIFY2(query.exec(statement), qPrintable(query.lastError().text()));
        }
        QVERIFY(query.exec(u"INSERT INTO account (id, account_key) VALUES (1, 'mdupont')"_s));
        QVERIFY(query.exec(u"INSERT INTO folders (path, role) VALUES ('INBOX', 'inbox')"_s));
        QVERIFY(query.exec(u"PRAGMA user_version = 4"_s));
        db.close();
    }
    QSqlDatabase::removeDatabase(u"v4"_s);

    MailCache cache;
    QString error;
    QVERIFY2(cache.open(path, u"mdupont"_s, MailCache::Mode::ReadWrite, &error), qPrintable(error));
    QCOMPARE(cache.database().schemaVersion(), CacheDatabase::kSchemaVersion);
    const auto inbox = cache.folderStore().folder(u"INBOX"_s);
    QVERIFY(inbox);
    QCOMPARE(inbox->info.role, FolderInfo::Role::Inbox);
    QCOMPARE(inbox->info.namespaceKind, FolderInfo::Namespace::Personal);
    QVERIFY(!inbox->info.rightsKnown);
    QVERIFY(inbox->info.owner.isEmpty());
    QVERIFY(!cache.quotaStore().quota());
}

void TestQuotaRights::quotaAndRightsRoundTripInTheCache()
{
    QTemporaryDir dir;
    MailCache cache;
    QString error;
    QVERIFY(cache.open(dir.filePath(u"cache.sqlite"_s), u"mdupont"_s, MailCache::Mode::ReadWrite, &error));
    QVERIFY(cache.folderStore().replaceFolderList({sharedFolder(u"jmartin"_s, u"Projets"_s, u"lr"_s)}));
    const auto folder = cache.folderStore().folder(u"shared/jmartin/Projets"_s);
    QVERIFY(folder);
    QCOMPARE(folder->info.namespaceKind, FolderInfo::Namespace::OtherUser);
    QCOMPARE(folder->info.owner, u"jmartin"_s);
    QCOMPARE(folder->info.rights, u"lr"_s);
    QVERIFY(folder->info.rightsKnown);

    const AccountQuota saved = quota(1700, 2048, 3, 0);
    QVERIFY(cache.quotaStore().saveQuota(saved));
    QCOMPARE(cache.quotaStore().quota(), std::optional<AccountQuota>(saved));
    // Made stale: the figures stay for the window, the date goes so that the next sync reads it.
    QVERIFY(cache.quotaStore().markStale());
    const auto stale = cache.quotaStore().quota();
    QVERIFY(stale);
    QCOMPARE(stale->storageUsedKiB, 1700);
    QVERIFY(!stale->readAt.isValid());
    // A server without limits: the reading is kept with its date (nothing for the window to show).
    const AccountQuota unlimited = quota(-1, -1);
    QVERIFY(cache.quotaStore().saveQuota(unlimited));
    QCOMPARE(cache.quotaStore().quota(), std::optional<AccountQuota>(unlimited));
    QCOMPARE(QuotaStatus::of(cache.quotaStore().quota()).level(), QuotaStatus::Level::Unknown);
}

void TestQuotaRights::quotaIsReadAgainWhenDue()
{
    // Counting costs the server (150-200 ms at 100,000 messages) and a slow link a round trip:
    // a sync reads the quota when it is unknown, a quarter of an hour old or made stale, and after
    // every change only from the warning level, where new mail may cross the next threshold.
    const QDateTime now(QDate(2026, 12, 4), QTime(8, 10), Qt::UTC); // ten minutes after quota()'s
    using Refresh = QuotaReader::Refresh;
    QCOMPARE(QuotaReader::refreshOf(std::nullopt, now), Refresh::Now);
    QCOMPARE(QuotaReader::refreshOf(quota(1000, 2048), now), Refresh::NotNeeded);
    QCOMPARE(QuotaReader::refreshOf(quota(-1, -1), now), Refresh::NotNeeded);
    QCOMPARE(QuotaReader::refreshOf(quota(1000, 2048), now.addSecs(6 * 60)), Refresh::Now);
    QCOMPARE(QuotaReader::refreshOf(quota(1700, 2048), now), Refresh::IfMailChanged); // 83 %
    QCOMPARE(QuotaReader::refreshOf(quota(100, 2048, 95, 100), now), Refresh::IfMailChanged);
    AccountQuota stale = quota(1000, 2048);
    stale.readAt = QDateTime();
    QCOMPARE(QuotaReader::refreshOf(stale, now), Refresh::Now);
    // Read "after" now: the clock was set back since; the reading is not trusted.
    QCOMPARE(QuotaReader::refreshOf(quota(1000, 2048), now.addSecs(-3600)), Refresh::Now);
}

void TestQuotaRights::spaceReportFromTheCache()
{
    QTemporaryDir dir;
    MailCache cache;
    QString error;
    QVERIFY(cache.open(dir.filePath(u"cache.sqlite"_s), u"mdupont"_s, MailCache::Mode::ReadWrite, &error));
    FolderInfo inbox;
    inbox.pathParts = {u"INBOX"_s};
    inbox.role = FolderInfo::Role::Inbox;
    FolderInfo trash;
    trash.pathParts = {u"Trash"_s};
    trash.role = FolderInfo::Role::Trash;
    FolderInfo junk;
    junk.pathParts = {u"Junk"_s};
    junk.role = FolderInfo::Role::Junk;
    QVERIFY(cache.folderStore().replaceFolderList({inbox, trash, junk}));
    const qint64 inboxId = cache.folderStore().folder(u"INBOX"_s)->id;
    const qint64 trashId = cache.folderStore().folder(u"Trash"_s)->id;
    QVERIFY(cache.storeMessages(inboxId,
                                {fetched(1, 5000, "Mon, 1 Dec 2026 10:00:00 +0100"),
                                 fetched(2, 900000, "Tue, 2 Dec 2025 10:00:00 +0100", true),
                                 fetched(3, 300000, "Wed, 3 Sep 2025 10:00:00 +0100", true)},
                                {QByteArray(), QByteArray(), QByteArray()}));
    QVERIFY(cache.storeMessages(trashId, {fetched(1, 2000000, "Mon, 1 Dec 2026 11:00:00 +0100")},
                                {QByteArray()}));

    const CacheSpaceReport report = CacheSpaceReport::compute(cache, 2);
    QCOMPARE(report.largest.size(), 2);
    QCOMPARE(report.largest.at(0).folderPath, u"Trash"_s);
    QCOMPARE(report.largest.at(0).message.size, 2000000);
    QCOMPARE(report.largest.at(1).message.uid, 2u);
    QCOMPARE(report.oldestWithAttachments.size(), 2);
    QCOMPARE(report.oldestWithAttachments.at(0).message.uid, 3u);
    QCOMPARE(report.oldestWithAttachments.at(1).message.uid, 2u);
    QCOMPARE(report.disposable.size(), 2);
    QCOMPARE(report.disposable.at(0).folderPath, u"Trash"_s);
    QCOMPARE(report.disposable.at(0).messages, 1);
    QCOMPARE(report.disposable.at(0).bytes, 2000000);
    QCOMPARE(report.disposable.at(1).role, FolderInfo::Role::Junk);
    QCOMPARE(report.disposable.at(1).bytes, 0);
    QCOMPARE(report.totalBytes, 5000 + 900000 + 300000 + 2000000);
}

void TestQuotaRights::frenchSentences()
{
    QCOMPARE(Translations::install(*QCoreApplication::instance(), u"fr"_s), u"fr"_s);
    const QLocale french(QLocale::French);
    QCOMPARE(QuotaStatus::formatSize(1679, french), u"1,6 Mo"_s);
    QCOMPARE(QuotaStatus::formatSize(2048, french), u"2 Mo"_s);
    QCOMPARE(QuotaStatus::formatSize(820, french), u"820 Ko"_s);
    QCOMPARE(QuotaStatus::formatSize(1258291, french), u"1,2 Go"_s);

    const QuotaStatus warning = QuotaStatus::of(quota(1679, 2048), french);
    QCOMPARE(warning.level(), QuotaStatus::Level::Warning);
    QCOMPARE(warning.percent(), 81);
    QVERIFY2(warning.message().startsWith(u"Votre boîte aux lettres est pleine à 81 % (1,6 Mo sur 2 Mo)"_s),
             qPrintable(warning.message()));
    QVERIFY2(warning.message().contains(u"libérez"_s), qPrintable(warning.message()));
    QVERIFY(QuotaStatus::of(quota(2048, 2048), french).message().contains(u"pleine"_s));

    const FolderPermissions readOnly(sharedFolder(u"jmartin"_s, u"Projets"_s, u"lr"_s));
    QCOMPARE(
        readOnly.reason(FolderPermissions::Action::DeleteMessages),
        u"Vous ne pouvez pas supprimer de messages dans « Projets », partagé par jmartin en lecture seule."_s);
}

QTEST_GUILESS_MAIN(TestQuotaRights)
#include "tst_quotarights.moc"
