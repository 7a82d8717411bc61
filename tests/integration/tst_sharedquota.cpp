// Issue 18 against the real Dovecot (acl, imap_acl and quota plugins): folders other users share
// reach the cache with their rights and are enforced by the core; the quota is read and shown by
// the CLI with its French warning; a Sent copy refused over quota is kept and filed once space is
// freed, while the message itself is delivered exactly once.
#include "MailServerControl.h"
#include "TestEnvironment.h"
#include "account/AccountPaths.h"
#include "account/Profile.h"
#include "cache/MailCache.h"
#include "cache/PendingOperationQueue.h"
#include "compose/MessageBuilder.h"
#include "net/TlsTrust.h"
#include "outbox/Outbox.h"
#include "outbox/OutboxSender.h"
#include "session/AccountSession.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Amiens;
using namespace Amiens::Test;

class TestSharedQuota : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void sharedFoldersCarryTheirRights();
    void quotaWarningFromTheCli();
    void sentCopyOverQuotaIsKeptThenFiled();
    void cleanupTestCase();

private:
    /// One sync of @p account into its cache in the test profile; the error, if any.
    std::optional<ServiceError> sync(const Account &account, const QString &password);
    /// One run of @p account's outbox.
    void runOutbox(const Account &account, const QString &password);
    /// A message of about @p bytes (text lines, so the quota's vsize counts what was saved).
    static QByteArray bigMessage(const QString &subject, qsizetype bytes);
    QString cachePath(const Account &account) const
    {
        return AccountPaths(m_profile, account.id).cacheFile();
    }

    TestEnvironment m_env;
    QTemporaryDir m_dir;
    QString m_profile;
};

void TestSharedQuota::initTestCase()
{
    m_env = TestEnvironment::fromEnvironment();
    AMIENS_REQUIRE_SERVERS(m_env);
    m_profile = m_dir.filePath(u"profile"_s);
    QString error;
    QVERIFY2(Profile(m_profile).saveAccount(m_env.account(), &error), qPrintable(error));
    QVERIFY2(Profile(m_profile).saveAccount(m_env.functionalAccount(), &error), qPrintable(error));
}

void TestSharedQuota::init()
{
    for (const QString &user : {m_env.user, m_env.user2, m_env.functionalUser})
        QVERIFY(MailServerControl(user).reset());
    for (const Account &account : {m_env.account(), m_env.functionalAccount()}) {
        QFile::remove(cachePath(account));
        QDir(AccountPaths(m_profile, account.id).outboxDirectory()).removeRecursively();
    }
}

void TestSharedQuota::cleanupTestCase()
{
    // The functional mailbox is left empty, not full, for the suites that follow.
    if (m_env.isValid())
        MailServerControl(m_env.functionalUser).reset();
}

std::optional<ServiceError> TestSharedQuota::sync(const Account &account, const QString &password)
{
    QString error;
    const auto trust = TlsTrust::forAccount(account, &error);
    if (!trust)
        qFatal("%s", qPrintable(error));
    AccountSession session(account, *trust);
    session.setCachePath(cachePath(account));
    session.setPassword(password);
    std::optional<ServiceError> failure;
    bool finished = false;
    connect(&session, &AccountSession::syncFinished, this, [&] { finished = true; });
    connect(&session, &AccountSession::errorOccurred, this, [&](const ServiceError &e) {
        failure = e;
        finished = true;
    });
    session.synchronize({});
    if (!QTest::qWaitFor([&] { return finished; }, 60000))
        qWarning("sync did not finish");
    return failure;
}

void TestSharedQuota::runOutbox(const Account &account, const QString &password)
{
    QString error;
    const auto trust = TlsTrust::forAccount(account, &error);
    if (!trust)
        qFatal("%s", qPrintable(error));
    AccountSession session(account, *trust);
    session.setCachePath(cachePath(account));
    session.setPassword(password);
    OutboxSender sender(account, *trust, AccountPaths(m_profile, account.id).outboxDirectory(), &session);
    sender.setPassword(password);
    QSignalSpy finished(&sender, &OutboxSender::finished);
    sender.processNow();
    if (!finished.wait(60000))
        qWarning("the outbox run did not finish");
}

QByteArray TestSharedQuota::bigMessage(const QString &subject, qsizetype bytes)
{
    QByteArray message = MailServerControl::message(subject, u"Bonjour,\npièce jointe ci-dessous.\n"_s);
    const QByteArray line = QByteArray(76, 'A') + "\r\n";
    while (message.size() < bytes)
        message += line;
    return message;
}

void TestSharedQuota::sharedFoldersCarryTheirRights()
{
    // jmartin shares « Projets » read-only; the functional mailbox shares « Commun » read-write.
    const MailServerControl colleague(m_env.user2);
    QVERIFY(colleague.createFolder(u"Projets"_s));
    QVERIFY(colleague.save(u"Projets"_s, MailServerControl::message(u"Plan du projet"_s)));
    QVERIFY(colleague.shareFolder(u"Projets"_s, m_env.user, {u"lookup"_s, u"read"_s}));
    const MailServerControl school(m_env.functionalUser);
    QVERIFY(school.createFolder(u"Commun"_s));
    QVERIFY(school.save(u"Commun"_s, MailServerControl::message(u"Note de service"_s)));
    QVERIFY(school.shareFolder(u"Commun"_s, m_env.user,
                               {u"lookup"_s, u"read"_s, u"write"_s, u"write-seen"_s, u"write-deleted"_s,
                                u"insert"_s, u"expunge"_s}));

    const std::optional<ServiceError> failure = sync(m_env.account(), m_env.password);
    QVERIFY2(!failure, failure ? qPrintable(failure->technical) : "");

    const QString projetsPath = u"shared/%1/Projets"_s.arg(m_env.user2);
    const QString communPath = u"shared/%1/Commun"_s.arg(m_env.functionalUser);
    {
        MailCache cache;
        QString error;
        QVERIFY2(
            cache.open(cachePath(m_env.account()), m_env.account().id, MailCache::Mode::ReadOnly, &error),
            qPrintable(error));
        const auto projets = cache.folderStore().folder(projetsPath);
        QVERIFY2(projets, "the read-only shared folder is not in the cache");
        QCOMPARE(projets->info.namespaceKind, FolderInfo::Namespace::OtherUser);
        QCOMPARE(projets->info.owner, m_env.user2);
        QVERIFY(projets->info.rightsKnown);
        QCOMPARE(projets->info.rights, u"lr"_s);
        QCOMPARE(projets->messageCount, 1); // synced by the same policy as the rest
        const auto commun = cache.folderStore().folder(communPath);
        QVERIFY(commun);
        QCOMPARE(commun->info.owner, m_env.functionalUser);
        QVERIFY2(commun->info.rights.contains(u't') && commun->info.rights.contains(u'e') &&
                     commun->info.rights.contains(u'i'),
                 qPrintable(commun->info.rights));
        QCOMPARE(commun->messageCount, 1);
        // The user's own folders are not asked about (see AccountSynchronizer): unknown, allowed.
        const auto inbox = cache.folderStore().folder(u"INBOX"_s);
        QVERIFY(inbox);
        QCOMPARE(inbox->info.namespaceKind, FolderInfo::Namespace::Personal);
        QVERIFY(!inbox->info.rightsKnown);
        // The quota came with the sync: 500 MB for mdupont.
        const auto quota = cache.quotaStore().quota();
        QVERIFY(quota);
        QCOMPARE(quota->storageLimitKiB, 500 * 1024);
    }

    QString error;
    const auto trust = TlsTrust::forAccount(m_env.account(), &error);
    AccountSession session(m_env.account(), *trust);
    session.setCachePath(cachePath(m_env.account()));
    session.setPassword(m_env.password);
    // Read-only: refused by the core with the reason, and nothing queued.
    const quint32 projetsUid = colleague.uids(u"Projets"_s).value(0);
    QString refused;
    bool done = false;
    session.deleteMessages(projetsPath, {projetsUid}, [&](const QString &e) {
        refused = e;
        done = true;
    });
    QVERIFY(QTest::qWaitFor([&] { return done; }, 20000));
    QCOMPARE(refused,
             u"You cannot delete messages in « Projets », shared by %1 read-only."_s.arg(m_env.user2));
    {
        MailCache cache;
        QVERIFY(
            cache.open(cachePath(m_env.account()), m_env.account().id, MailCache::Mode::ReadOnly, &error));
        QVERIFY(PendingOperationQueue(cache.database()).all().isEmpty());
        QCOMPARE(cache.folderStore().folder(projetsPath)->messageCount, 1);
    }

    // Read-write: queued, then done on the server by the next sync.
    const quint32 communUid = school.uids(u"Commun"_s).value(0);
    QString accepted = u"?"_s;
    done = false;
    session.deleteMessages(communPath, {communUid}, [&](const QString &e) {
        accepted = e;
        done = true;
    });
    QVERIFY(QTest::qWaitFor([&] { return done; }, 20000));
    QVERIFY2(accepted.isEmpty(), qPrintable(accepted));
    bool synced = false;
    std::optional<ServiceError> syncError;
    connect(&session, &AccountSession::syncFinished, this, [&] { synced = true; });
    connect(&session, &AccountSession::errorOccurred, this, [&](const ServiceError &e) {
        syncError = e;
        synced = true;
    });
    session.synchronize({});
    QVERIFY(QTest::qWaitFor([&] { return synced; }, 60000));
    QVERIFY2(!syncError, syncError ? qPrintable(syncError->technical) : "");
    QVERIFY(school.uids(u"Commun"_s).isEmpty());
    QCOMPARE(colleague.uids(u"Projets"_s).size(), 1);
}

void TestSharedQuota::quotaWarningFromTheCli()
{
    // ~1.65 MB of the functional mailbox's 2 MB: just over 80 %.
    const MailServerControl school(m_env.functionalUser);
    QVERIFY(school.save(u"INBOX"_s, bigMessage(u"Bulletins du trimestre"_s, 1690 * 1024)));

    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"AMIENS_MAIL_LANGUAGE"_s, u"fr"_s);
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(AMIENS_CLI_PATH),
                  {u"--profile"_s, m_profile, u"quota"_s, u"--json"_s, u"--account"_s,
                   m_env.functionalAccount().id, u"--password-stdin"_s});
    process.write(m_env.functionalPassword.toUtf8() + '\n');
    process.closeWriteChannel();
    QVERIFY(process.waitForFinished(60000));
    const QString err = QString::fromUtf8(process.readAllStandardError());
    QVERIFY2(process.exitCode() == 0, qPrintable(err));
    const QJsonArray accounts = QJsonDocument::fromJson(process.readAllStandardOutput()).array();
    QCOMPARE(accounts.size(), 1);
    const QJsonObject quota = accounts.first().toObject();
    QCOMPARE(quota.value(u"account"_s).toString(), m_env.functionalAccount().id);
    QCOMPARE(quota.value(u"source"_s).toString(), u"server"_s);
    QCOMPARE(quota.value(u"level"_s).toString(), u"warning"_s);
    QCOMPARE(quota.value(u"limitKiB"_s).toInteger(), 2048);
    const int percent = quota.value(u"percent"_s).toInt();
    QVERIFY2(percent >= 80 && percent < 95, qPrintable(QString::number(percent)));
    const QString message = quota.value(u"message"_s).toString();
    QVERIFY2(message.startsWith(u"Votre boîte aux lettres est pleine à %1 % ("_s.arg(percent)),
             qPrintable(message));
    QVERIFY2(message.contains(u" Mo sur 2 Mo"_s) && message.contains(u"libérez"_s), qPrintable(message));

    // Without the server (the same account on a closed port): the value the cache kept, saying so.
    Account offline = m_env.functionalAccount();
    offline.imap.port = 1;
    QString error;
    QVERIFY(Profile(m_profile).saveAccount(offline, &error));
    const auto quotaOffline = [&] {
        QProcess cached;
        cached.setProcessEnvironment(env);
        cached.start(QStringLiteral(AMIENS_CLI_PATH), {u"--profile"_s, m_profile, u"quota"_s, u"--json"_s,
                                                       u"--account"_s, offline.id, u"--password-stdin"_s});
        cached.write(m_env.functionalPassword.toUtf8() + '\n');
        cached.closeWriteChannel();
        if (!cached.waitForFinished(60000) || cached.exitCode() != 0)
            qWarning() << "quota offline:" << cached.readAllStandardError();
        return QJsonDocument::fromJson(cached.readAllStandardOutput()).array().first().toObject();
    };
    QJsonObject kept = quotaOffline();
    QCOMPARE(kept.value(u"source"_s).toString(), u"cache"_s);
    QCOMPARE(kept.value(u"level"_s).toString(), u"warning"_s);
    QVERIFY2(kept.value(u"note"_s).toString().contains(u"dernière synchronisation"_s),
             qPrintable(kept.value(u"note"_s).toString()));

    // Made stale (mail removed for good since, or [OVERQUOTA]): the same value, without the date
    // it no longer has, and a word that it may have moved.
    {
        MailCache cache;
        QVERIFY(cache.open(cachePath(offline), offline.id, MailCache::Mode::ReadWrite, &error));
        QVERIFY(cache.quotaStore().markStale());
    }
    kept = quotaOffline();
    QVERIFY(Profile(m_profile).saveAccount(m_env.functionalAccount(), &error)); // the real port again
    QCOMPARE(kept.value(u"source"_s).toString(), u"cache"_s);
    QCOMPARE(kept.value(u"level"_s).toString(), u"warning"_s);
    const QString staleNote = kept.value(u"note"_s).toString();
    QVERIFY2(staleNote.contains(u"synchronisation antérieure"_s) && staleNote.contains(u"a pu changer"_s),
             qPrintable(staleNote));
    QVERIFY2(!staleNote.contains(u", ."_s), qPrintable(staleNote));
}

void TestSharedQuota::sentCopyOverQuotaIsKeptThenFiled()
{
    // The functional mailbox nearly full: a 30 KB Sent copy no longer fits.
    const MailServerControl school(m_env.functionalUser);
    const quint32 filler = school.save(u"INBOX"_s, bigMessage(u"Archives scannées"_s, 2025 * 1024));
    QVERIFY(filler != 0);

    const Account account = m_env.functionalAccount();
    OutgoingMessage outgoing;
    outgoing.from = {u"Collège Jules Verne"_s, m_env.functionalAddress};
    outgoing.to = {{u"Marie Dupont"_s, m_env.address}};
    outgoing.subject = u"Conseil d'administration du 12 décembre"_s;
    outgoing.plainText = u"Bonjour,\n"_s + QString(30000, u'x') + u"\n"_s;
    QString error;
    const auto built = MessageBuilder::build(outgoing, &error);
    QVERIFY2(built, qPrintable(error));
    const QString outbox = AccountPaths(m_profile, account.id).outboxDirectory();
    QVERIFY2(Outbox(outbox).enqueue(*built, &error), qPrintable(error));

    runOutbox(account, m_env.functionalPassword);
    QCOMPARE(MailServerControl(m_env.user).deliveredCopies(built->messageId), 1);
    QCOMPARE(school.count(u"Sent"_s, MailServerControl::withMessageId(built->messageId)), 0);
    QList<OutboxEntry> entries = Outbox(outbox).entries();
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.first().state, OutboxEntry::State::SentAwaitingCopy);
    QVERIFY2(entries.first().errorTechnical.contains(u"OVERQUOTA"_s, Qt::CaseInsensitive) ||
                 entries.first().error.contains(u"quota"_s, Qt::CaseInsensitive),
             qPrintable(entries.first().error + u" / "_s + entries.first().errorTechnical));

    // Still full: a second run files nothing and sends nothing again.
    runOutbox(account, m_env.functionalPassword);
    QCOMPARE(Outbox(outbox).entries().size(), 1);

    // Space freed: the next run files the copy, once, and the message is still delivered once.
    QVERIFY(school.expunge(u"INBOX"_s, filler));
    runOutbox(account, m_env.functionalPassword);
    QVERIFY(Outbox(outbox).entries().isEmpty());
    QCOMPARE(school.count(u"Sent"_s, MailServerControl::withMessageId(built->messageId)), 1);
    QVERIFY(MailServerControl::awaitIdleMailServer());
    QCOMPARE(
        MailServerControl(m_env.user).count(u"INBOX"_s, MailServerControl::withMessageId(built->messageId)),
        1);
}

QTEST_GUILESS_MAIN(TestSharedQuota)
#include "tst_sharedquota.moc"
