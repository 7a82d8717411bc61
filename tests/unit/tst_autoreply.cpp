// The client-side out-of-office responder (issue 7 part 3, RFC 3834): which messages it answers,
// the reply it writes, the settings kept in the profile, and the responder over a real cache and
// outbox (no server: the messages are stored in the cache as a sync would).
#include "MockClock.h"
#include "account/AccountPaths.h"
#include "account/Profile.h"
#include "autoreply/AbsenceStore.h"
#include "autoreply/AutoReplyRules.h"
#include "autoreply/AutoResponder.h"
#include "cache/MailCache.h"
#include "mime/RawHeaderFields.h"
#include "outbox/Outbox.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Amiens;

Q_DECLARE_METATYPE(Amiens::AutoReplyRules::Outcome)

namespace {

const QString kUs = u"marie.dupont@ac-amiens.fr"_s;

VacationSettings absence()
{
    VacationSettings settings;
    settings.enabled = true;
    settings.start = QDateTime::currentDateTimeUtc().addDays(-1);
    settings.end = QDateTime::currentDateTimeUtc().addDays(6);
    settings.subject = u"Absente jusqu'au 15 juin"_s;
    settings.message = u"Bonjour,\nJe suis absente. Pour toute urgence : secretariat@ac-amiens.fr\n"_s;
    settings.days = 7;
    settings.addresses = {kUs, u"mdupont@ac-amiens.fr"_s};
    return settings;
}

QByteArray incoming(const QByteArray &extraHeaders, const QByteArray &from = "jean.martin@ac-amiens.fr",
                    const QByteArray &to = "marie.dupont@ac-amiens.fr",
                    const QByteArray &id = "m1@ac-amiens.fr")
{
    return "Return-Path: <" + from + ">\r\nFrom: Jean <" + from + ">\r\nTo: Marie <" + to +
           ">\r\nSubject: Question\r\nMessage-ID: <" + id + ">\r\nDate: " +
           QLocale::c().toString(QDateTime::currentDateTimeUtc(), u"ddd, dd MMM yyyy HH:mm:ss"_s).toLatin1() +
           " +0000\r\n" + extraHeaders + "\r\nBonjour\r\n";
}

} // namespace

class TestAutoReply : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rules_data();
    void rules();
    void oncePerSenderPerNDays();
    void robotAddresses();
    void replyHeaders();
    void storeRoundTrip();
    void responderOverTheCache();
};

void TestAutoReply::rules_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<bool>("enabled");
    QTest::addColumn<bool>("academyOnly");
    QTest::addColumn<AutoReplyRules::Outcome>("outcome");
    using O = AutoReplyRules::Outcome;
    QTest::newRow("plain") << incoming({}) << true << false << O::Reply;
    QTest::newRow("off") << incoming({}) << false << false << O::Off;
    QTest::newRow("auto-replied") << incoming("Auto-Submitted: auto-replied\r\n") << true << false
                                  << O::AutoSubmitted;
    QTest::newRow("auto-generated") << incoming("Auto-Submitted: auto-generated\r\n") << true << false
                                    << O::AutoSubmitted;
    QTest::newRow("auto-submitted no") << incoming("Auto-Submitted: no\r\n") << true << false << O::Reply;
    QTest::newRow("list-id") << incoming("List-Id: <profs.clg-verne.ac-amiens.fr>\r\n") << true << false
                             << O::MailingList;
    QTest::newRow("list-unsubscribe")
        << incoming("List-Unsubscribe: <mailto:x@y.fr>\r\n") << true << false << O::MailingList;
    QTest::newRow("precedence bulk") << incoming("Precedence: bulk\r\n") << true << false << O::Bulk;
    QTest::newRow("precedence junk") << incoming("Precedence: junk\r\n") << true << false << O::Bulk;
    QTest::newRow("precedence list") << incoming("Precedence: list\r\n") << true << false << O::Bulk;
    QTest::newRow("noreply") << incoming({}, "noreply@ac-amiens.fr") << true << false << O::NoReplySender;
    QTest::newRow("no-reply+tag") << incoming({}, "no-reply-pronote@index-education.net") << true << false
                                  << O::NoReplySender;
    QTest::newRow("mailer-daemon") << incoming({}, "MAILER-DAEMON@ac-amiens.fr") << true << false
                                   << O::NoReplySender;
    QTest::newRow("postmaster") << incoming({}, "postmaster@ac-amiens.fr") << true << false
                                << O::NoReplySender;
    QTest::newRow("ourselves") << incoming({}, "mdupont@ac-amiens.fr") << true << false << O::OwnAddress;
    QTest::newRow("not to us") << incoming({}, "jean.martin@ac-amiens.fr", "equipe-3b@ac-amiens.fr") << true
                               << false << O::NotAddressedToUs;
    QTest::newRow("alias in To") << incoming({}, "jean.martin@ac-amiens.fr", "MDupont@ac-amiens.fr") << true
                                 << false << O::Reply;
    QTest::newRow("outside, allowed") << incoming({}, "parent@gmail.com") << true << false << O::Reply;
    QTest::newRow("outside, academy only")
        << incoming({}, "parent@gmail.com") << true << true << O::OutsideAcademy;
    QTest::newRow("subdomain, academy only")
        << incoming({}, "sec@clg-verne.ac-amiens.fr") << true << true << O::Reply;
    QByteArray bounce = incoming({});
    bounce.replace("Return-Path: <jean.martin@ac-amiens.fr>", "Return-Path: <>");
    QTest::newRow("null return-path") << bounce << true << false << O::NoSender;
}

void TestAutoReply::rules()
{
    QFETCH(QByteArray, raw);
    QFETCH(bool, enabled);
    QFETCH(bool, academyOnly);
    QFETCH(AutoReplyRules::Outcome, outcome);
    VacationSettings settings = absence();
    settings.enabled = enabled;
    settings.academyOnly = academyOnly;
    const auto message = AutoReplyRules::fromRaw(raw, QDateTime::currentDateTimeUtc());
    QStringList ours{kUs};
    for (const QString &address : settings.addresses)
        ours.append(address.toLower());
    QCOMPARE(AutoReplyRules::decide(settings, {}, message, ours, std::nullopt), outcome);
}

void TestAutoReply::oncePerSenderPerNDays()
{
    const VacationSettings settings = absence();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto message = AutoReplyRules::fromRaw(incoming({}), now);
    using O = AutoReplyRules::Outcome;
    QCOMPARE(AutoReplyRules::decide(settings, {}, message, {kUs}, now.addDays(-6)), O::AlreadyAnswered);
    QCOMPARE(AutoReplyRules::decide(settings, {}, message, {kUs}, now.addDays(-8)), O::Reply);
    // Before the absence was turned on, or outside its period: nothing.
    QCOMPARE(AutoReplyRules::decide(settings, now.addSecs(60), message, {kUs}, std::nullopt),
             O::BeforeEnabled);
    VacationSettings later = settings;
    later.start = now.addDays(2);
    QCOMPARE(AutoReplyRules::decide(later, {}, message, {kUs}, std::nullopt), O::Off);
}

void TestAutoReply::robotAddresses()
{
    for (const char *robot :
         {"noreply@x.fr", "no-reply@x.fr", "do-not-reply@x.fr", "ne-pas-repondre@x.fr", "mailer-daemon@x.fr",
          "owner-profs@x.fr", "profs-request@x.fr", "bounces@x.fr", "listes-bounces@x.fr", "sympa@x.fr"})
        QVERIFY2(AutoReplyRules::isRobotAddress(QString::fromLatin1(robot)), robot);
    for (const char *person : {"jean.martin@x.fr", "noemie@x.fr", "replyall.fan@x.fr", "postmaster.fan@x.fr"})
        QVERIFY2(!AutoReplyRules::isRobotAddress(QString::fromLatin1(person)), person);
}

void TestAutoReply::replyHeaders()
{
    MessageHeaders original;
    original.subject = u"Question"_s;
    original.messageId = u"m1@ac-amiens.fr"_s;
    original.references = {u"m0@ac-amiens.fr"_s};
    QString error;
    const auto reply = AutoResponder::buildReply(absence(), {u"Marie Dupont"_s, kUs}, original,
                                                 u"jean.martin@ac-amiens.fr"_s, &error);
    QVERIFY2(reply, qPrintable(error));
    const RawHeaderFields headers(reply->bytes);
    QCOMPARE(headers.value("Auto-Submitted"), QByteArray("auto-replied"));
    QCOMPARE(headers.value("In-Reply-To"), QByteArray("<m1@ac-amiens.fr>"));
    QVERIFY(headers.value("References").contains("<m0@ac-amiens.fr>"));
    QVERIFY(headers.value("References").contains("<m1@ac-amiens.fr>"));
    QCOMPARE(headers.value("Message-ID"), "<" + reply->messageId.toLatin1() + ">");
    QCOMPARE(reply->recipients, QStringList{u"jean.martin@ac-amiens.fr"_s});
    QCOMPARE(reply->subject, u"Absente jusqu'au 15 juin"_s);
    // The same message answered again gets the same Message-ID (the outbox then keeps one).
    const auto again = AutoResponder::buildReply(absence(), {u"Marie Dupont"_s, kUs}, original,
                                                 u"jean.martin@ac-amiens.fr"_s, &error);
    QCOMPARE(again->messageId, reply->messageId);
}

void TestAutoReply::storeRoundTrip()
{
    Test::MockClock clock(QDateTime(QDate(2026, 6, 20), QTime(9, 0), Qt::UTC));
    QTemporaryDir dir;
    const Profile profile(dir.path());
    AbsenceStore::ClientSide clientSide;
    clientSide.active = true;
    clientSide.vacation = absence();
    clientSide.vacation.start = QDateTime(QDate(2026, 7, 1), QTime(8, 0), clientSide.vacation.timeZone);
    clientSide.vacation.end = QDateTime(QDate(2026, 7, 20), QTime(18, 0), clientSide.vacation.timeZone);
    clientSide.vacation.academyOnly = true;
    QString error;
    QVERIFY2(AbsenceStore::saveClientSide(profile, clientSide, &error), qPrintable(error));
    const AbsenceStore::ClientSide loaded = AbsenceStore::loadClientSide(profile);
    QVERIFY(loaded.active);
    QCOMPARE(loaded.vacation, clientSide.vacation);
    QCOMPARE(loaded.enabledAt, Clock::currentDateTimeUtc()); // turned on now
    const QDateTime enabledAt = loaded.enabledAt;

    // Saved again while on, an hour later: the moment it was turned on stays.
    clock.advanceSeconds(3600);
    QVERIFY(AbsenceStore::saveClientSide(profile, loaded, &error));
    AbsenceStore::ClientSide resaved = loaded;
    resaved.enabledAt = {};
    QVERIFY(AbsenceStore::saveClientSide(profile, resaved, &error));
    QCOMPARE(AbsenceStore::loadClientSide(profile).enabledAt, enabledAt);

    // Active only inside its period.
    QVERIFY(AbsenceStore::activeAt(profile, clientSide.vacation.start.addDays(1)));
    QVERIFY(!AbsenceStore::activeAt(profile, clientSide.vacation.end.addDays(1)));

    // Off: the text stays for next time.
    AbsenceStore::ClientSide off = loaded;
    off.vacation.enabled = false;
    QVERIFY(AbsenceStore::saveClientSide(profile, off, &error));
    QCOMPARE(AbsenceStore::loadClientSide(profile).vacation.message, clientSide.vacation.message);
    QVERIFY(!AbsenceStore::activeAt(profile, clientSide.vacation.start.addDays(1)));

    // The server's state, remembered for the banner at start.
    QVERIFY(!AbsenceStore::lastServerVacation(profile));
    AbsenceStore::rememberServerVacation(profile, clientSide.vacation);
    QCOMPARE(*AbsenceStore::lastServerVacation(profile), clientSide.vacation);
    QVERIFY(AbsenceStore::activeAt(profile, clientSide.vacation.start.addDays(1)));
}

void TestAutoReply::responderOverTheCache()
{
    QTemporaryDir dir;
    const Profile profile(dir.path());
    Account account;
    account.id = kUs;
    account.address = kUs;
    account.realName = u"Marie Dupont"_s;
    MailCache cache;
    QString error;
    QVERIFY2(cache.open(AccountPaths(dir.path(), account.id).cacheFile(), account.id,
                        MailCache::Mode::ReadWrite, &error),
             qPrintable(error));
    FolderInfo inbox;
    inbox.pathParts = {u"INBOX"_s};
    inbox.role = FolderInfo::Role::Inbox;
    QVERIFY(cache.folderStore().replaceFolderList({inbox}));
    const qint64 folderId = cache.folderStore().folder(u"INBOX"_s)->id;
    QVERIFY(cache.resetFolder(folderId, 77));

    const auto deliver = [&](quint32 uid, const QByteArray &raw) {
        FetchedMessage fetched;
        fetched.uid = uid;
        fetched.rawHeader = raw.left(raw.indexOf("\r\n\r\n") + 4);
        fetched.size = raw.size();
        QVERIFY(cache.messageStore().storeHeaders(folderId, {fetched}));
        QVERIFY(cache.messageStore().storeBody(folderId, uid, raw));
    };
    AbsenceStore::ClientSide clientSide;
    clientSide.active = true;
    clientSide.vacation = absence();
    clientSide.enabledAt = QDateTime::currentDateTimeUtc().addSecs(-60);
    AutoResponder responder(account, dir.path());
    const auto waiting = [&] {
        return Outbox(AccountPaths(dir.path(), account.id).outboxDirectory()).entries().size();
    };

    deliver(1, incoming({}, "jean.martin@ac-amiens.fr", "marie.dupont@ac-amiens.fr", "a1@x"));
    deliver(2, incoming("List-Id: <profs.ac-amiens.fr>\r\n", "profs@ac-amiens.fr",
                        "marie.dupont@ac-amiens.fr", "a2@x"));
    AutoResponder::Result result = responder.run(cache, clientSide);
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QCOMPARE(result.queued, 1);
    QCOMPARE(waiting(), 1);
    // Whom the user corresponds with stays private.
    QCOMPARE(QFile::permissions(AccountPaths(dir.path(), account.id).autoReplyStateFile()) & 0x0077,
             QFileDevice::Permissions());

    // Run again with nothing new: nothing more. A second message from the same sender: no reply.
    QCOMPARE(responder.run(cache, clientSide).queued, 0);
    deliver(3, incoming({}, "jean.martin@ac-amiens.fr", "marie.dupont@ac-amiens.fr", "a3@x"));
    QCOMPARE(responder.run(cache, clientSide).queued, 0);
    // Another sender is answered.
    deliver(4, incoming({}, "paul.durand@ac-amiens.fr", "marie.dupont@ac-amiens.fr", "a4@x"));
    QCOMPARE(responder.run(cache, clientSide).queued, 1);
    QCOMPARE(waiting(), 2);

    // The state survives a restart (a new responder object reads it back).
    deliver(5, incoming({}, "paul.durand@ac-amiens.fr", "marie.dupont@ac-amiens.fr", "a5@x"));
    QCOMPARE(AutoResponder(account, dir.path()).run(cache, clientSide).queued, 0);

    // Turned off: what arrives is passed over, and not answered later when it is turned on again.
    clientSide.vacation.enabled = false;
    deliver(6, incoming({}, "claire@ac-amiens.fr", "marie.dupont@ac-amiens.fr", "a6@x"));
    QCOMPARE(responder.run(cache, clientSide).queued, 0);
    clientSide.vacation.enabled = true;
    QCOMPARE(responder.run(cache, clientSide).queued, 0);
    QCOMPARE(waiting(), 2);
}

QTEST_GUILESS_MAIN(TestAutoReply)
#include "tst_autoreply.moc"
