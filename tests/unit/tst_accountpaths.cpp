// Where an account's files live in the profile, and that erasing the account leaves none of them.
#include "account/AccountPaths.h"
#include "account/Profile.h"
#include "cache/MailCache.h"
#include "outbox/Outbox.h"
#include "services/AccountStorage.h"
#include "smtp/SmtpSizeLimit.h"
#include "sync/MessageTransferQueue.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Amiens;

namespace {

void writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
}

Account marie()
{
    Account account;
    account.id = account.address = u"mdupont@ac-amiens.fr"_s;
    account.realName = u"Marie Dupont"_s;
    account.imap = {u"imap.ac-amiens.fr"_s, 993, ConnectionSecurity::ImplicitTls, u"mdupont"_s};
    account.smtp = {u"smtp.ac-amiens.fr"_s, 465, ConnectionSecurity::ImplicitTls, u"mdupont"_s};
    return account;
}

BuiltMessage message(const Account &from, const QString &subject)
{
    BuiltMessage built;
    built.bytes = "From: " + from.address.toUtf8() + "\r\nSubject: " + subject.toUtf8() + "\r\n\r\nTexte\r\n";
    built.messageId = u"1@ac-amiens.fr"_s;
    built.envelopeFrom = from.address;
    built.recipients = {u"jean.martin@ac-amiens.fr"_s};
    built.subject = subject;
    return built;
}

/// Every file and folder under @p root, relative to it.
QStringList entriesUnder(const QString &root)
{
    QStringList entries;
    QDirIterator it(root, QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        entries.append(QDir(root).relativeFilePath(it.next()));
    entries.sort();
    return entries;
}

} // namespace

class TestAccountPaths : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void pathsOfAKnownAccount();
    void erasingLeavesNothingOfTheAccount();
};

void TestAccountPaths::pathsOfAKnownAccount()
{
    // Existing profiles hold these exact names: they must never change.
    const AccountPaths paths(u"/p"_s, u"mdupont@ac-amiens.fr"_s);
    const QString hex = u"6d6475706f6e744061632d616d69656e732e6672"_s;
    QCOMPARE(AccountPaths::key(u"mdupont@ac-amiens.fr"_s), hex);
    QCOMPARE(AccountPaths::key(u"élève@ac-amiens.fr"_s), u"c3a96cc3a876654061632d616d69656e732e6672"_s);
    QCOMPARE(paths.cacheDirectory(), u"/p/cache/"_s + hex);
    QCOMPARE(paths.cacheFile(), u"/p/cache/"_s + hex + u"/mail.sqlite"_s);
    QCOMPARE(paths.temporaryDirectory(), u"/p/tmp/"_s + hex);
    QCOMPARE(paths.draftsDirectory(), u"/p/drafts/"_s + hex);
    QCOMPARE(paths.outboxDirectory(), u"/p/outbox/"_s + hex);
    QCOMPARE(paths.smtpSizeFile(), u"/p/outbox/"_s + hex + u".smtp-size"_s);
    QCOMPARE(paths.smtpSizeFile(), SmtpSizeLimit::pathFor(paths.outboxDirectory()));
    QCOMPARE(paths.autoReplyStateFile(), u"/p/autoreply/"_s + hex + u".json"_s);
    QCOMPARE(AccountPaths::profileDirectoryOfCacheFile(paths.cacheFile()), u"/p"_s);
    QCOMPARE(paths.transfersDirectory(), u"/p/transfers/"_s + hex);
    QCOMPARE(paths.all().size(), 7);

    // profile.ini names the account's group by the same key.
    QTemporaryDir dir;
    const Profile profile(dir.path());
    QVERIFY(profile.saveAccount(marie(), nullptr));
    QSettings settings(profile.settingsPath(), QSettings::IniFormat);
    QVERIFY2(settings.childGroups().contains(u"accounts"_s), qPrintable(settings.childGroups().join(u',')));
    settings.beginGroup(u"accounts"_s);
    QCOMPARE(settings.childGroups(), QStringList{hex});
}

void TestAccountPaths::erasingLeavesNothingOfTheAccount()
{
    QTemporaryDir dir;
    const Profile profile(dir.filePath(u"profile"_s));
    const Account account = marie();
    Account other = marie();
    other.id = other.address = u"jmartin@ac-amiens.fr"_s;
    other.realName = u"Jean Martin"_s;
    other.imap.login = other.smtp.login = u"jmartin"_s;
    QString error;
    QVERIFY2(profile.saveAccount(account, &error), qPrintable(error));
    QVERIFY2(profile.saveAccount(other, &error), qPrintable(error));
    const QString hex = u"6d6475706f6e744061632d616d69656e732e6672"_s;

    // What a session of the account writes: cache, opened attachment, draft, a message waiting
    // in the outbox with the server's size limit, and the automatic replies' memory.
    for (const Account &who : {account, other}) {
        const AccountPaths paths(profile.directory(), who.id);
        MailCache cache;
        QVERIFY2(cache.open(paths.cacheFile(), who.id, MailCache::Mode::ReadWrite, &error),
                 qPrintable(error));
        writeFile(AccountStorage(profile, who.id).ensureTemporaryDirectory() + u"/1/bulletin.pdf"_s, "%PDF");
        writeFile(paths.draftsDirectory() + u"/d1/draft.json"_s, "{}");
        QVERIFY2(Outbox(paths.outboxDirectory()).enqueue(message(who, u"Conseil de classe"_s), &error),
                 qPrintable(error));
        QVERIFY(SmtpSizeLimit::save(paths.outboxDirectory(), 10240000));
        writeFile(paths.autoReplyStateFile(), R"({"replied":{"jean.martin@ac-amiens.fr":""}})");
        MessageTransferQueue::Transfer moved;
        moved.folderPath = u"INBOX"_s;
        moved.subject = u"Dossier d'inscription"_s;
        QVERIFY2(MessageTransferQueue(paths.transfersDirectory())
                     .enqueue("Subject: x\r\n\r\n" + who.imap.login.toUtf8() + "\r\n", moved, &error),
                 qPrintable(error));
    }
    const QStringList before = entriesUnder(profile.directory());
    QVERIFY(before.filter(hex).size() >= 7);

    const AccountStorage::EraseResult result = AccountStorage(profile, account.id).eraseAllAndWait(nullptr);
    QVERIFY2(result.ok, qPrintable(result.problems.join(u"; "_s)));

    // Nothing under the profile is named after the account, or holds its address.
    const QStringList after = entriesUnder(profile.directory());
    QVERIFY2(after.filter(hex).isEmpty(), qPrintable(after.filter(hex).join(u'\n')));
    for (const QString &entry : after) {
        QFile file(profile.directory() + u'/' + entry);
        if (!QFileInfo(file).isFile())
            continue;
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY2(!file.readAll().contains("mdupont"), qPrintable(entry));
    }
    QVERIFY(!profile.account(account.id));
    // The other account keeps everything.
    QVERIFY(profile.account(other.id));
    const QString otherHex = AccountPaths::key(other.id);
    QCOMPARE(after.filter(otherHex), before.filter(otherHex));
    QCOMPARE(Outbox(AccountPaths(profile.directory(), other.id).outboxDirectory()).entries().size(), 1);
}

QTEST_GUILESS_MAIN(TestAccountPaths)
#include "tst_accountpaths.moc"
