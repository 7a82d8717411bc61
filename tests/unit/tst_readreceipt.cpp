// Read receipts (issue 6 part 5, RFC 8098): the decision table (each policy against each rule),
// the structure of the report we send, and the reading of a received one. No server needed.
#include "cache/MailCache.h"
#include "mdn/ReadReceiptBuilder.h"
#include "mdn/ReadReceiptHandler.h"
#include "mdn/ReadReceiptQueue.h"
#include "mdn/ReadReceiptReport.h"
#include "mdn/ReadReceiptRules.h"
#include "mime/HeaderDecoder.h"
#include "mime/MessageContent.h"
#include "mime/RawHeaderFields.h"
#include "outbox/Outbox.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace Amiens;

Q_DECLARE_METATYPE(Amiens::ReadReceiptPolicy::Answer)
Q_DECLARE_METATYPE(Amiens::ReadReceiptRules::Action)
Q_DECLARE_METATYPE(Amiens::ReadReceiptRules::Reason)
Q_DECLARE_METATYPE(Amiens::ReadReceiptBuilder::Mode)

namespace {

const QString kUs = u"marie.dupont@ac-amiens.fr"_s;
const QStringList kAcademy{u"ac-amiens.fr"_s, u"education.gouv.fr"_s};

/// A request that every rule lets through: from inside the academy, Return-Path matching,
/// addressed to us, not automatic, not answered yet, in the inbox.
ReadReceiptRules::Message plainRequest()
{
    ReadReceiptRules::Message message;
    message.notificationTo = u"jean.martin@ac-amiens.fr"_s;
    message.returnPath = u"jean.martin@ac-amiens.fr"_s;
    message.recipients = {kUs};
    message.keywords = {u"\\Seen"_s};
    return message;
}

QByteArray requestBytes()
{
    return "Return-Path: <jean.martin@ac-amiens.fr>\r\n"
           "From: Jean Martin <jean.martin@ac-amiens.fr>\r\n"
           "To: Marie Dupont <marie.dupont@ac-amiens.fr>\r\n"
           "Subject: =?UTF-8?Q?Conseil_de_classe_de_3e=C2=A0B?=\r\n"
           "Date: Tue, 03 Jun 2025 14:05:00 +0200\r\n"
           "Message-ID: <conseil-3b@ac-amiens.fr>\r\n"
           "Disposition-Notification-To: Jean Martin\r\n <jean.martin@ac-amiens.fr>\r\n"
           "Original-Recipient: rfc822;marie.dupont@ac-amiens.fr\r\n"
           "\r\n"
           "Merci de confirmer.\r\n";
}

CachedMessage summaryOf(const QByteArray &raw)
{
    CachedMessage summary;
    summary.uid = 7;
    summary.headers = HeaderDecoder::decode(raw.left(raw.indexOf("\r\n\r\n") + 4));
    return summary;
}

} // namespace

class TestReadReceipt : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void decisionTable_data();
    void decisionTable();
    void autoSubmittedNoIsAnOrdinaryMessage();
    void subdomainsOfTheAcademyCount();
    void factsComeFromTheRawHeader();
    void reportStructure_data();
    void reportStructure();
    void reportHasNoHeaderInjection();
    void receivedReportIsRecognised();
    void otherReportsAreNot();
    void queueingTwiceKeepsOneReceipt();
    void handlerSaysWhoReadWhat();
    void originalsAskingReceiptsAreIndexed();
};

void TestReadReceipt::decisionTable_data()
{
    QTest::addColumn<ReadReceiptPolicy::Answer>("answer");
    QTest::addColumn<QString>("rule");
    QTest::addColumn<ReadReceiptRules::Action>("action");
    QTest::addColumn<ReadReceiptRules::Reason>("reason");

    using A = ReadReceiptRules::Action;
    using R = ReadReceiptRules::Reason;
    struct Row
    {
        const char *rule;
        A ask, always, never;
        R askReason, alwaysReason, neverReason;
    };
    // For each rule, what each policy does: the "never" rules hold whatever the policy; the
    // others only stop "always" from sending by itself (it asks instead).
    const Row rows[] = {
        {"plain", A::Ask, A::Send, A::Ignore, R::PolicyAsk, R::Automatic, R::PolicyNever},
        {"no-request", A::Ignore, A::Ignore, A::Ignore, R::NoRequest, R::NoRequest, R::NoRequest},
        {"mdnsent", A::Ignore, A::Ignore, A::Ignore, R::AlreadySent, R::AlreadySent, R::AlreadySent},
        {"sent-folder", A::Ignore, A::Ignore, A::Ignore, R::OwnFolder, R::OwnFolder, R::OwnFolder},
        {"auto-submitted", A::Ignore, A::Ignore, A::Ignore, R::AutoSubmitted, R::AutoSubmitted,
         R::AutoSubmitted},
        {"outside-academy", A::Ask, A::Ask, A::Ignore, R::PolicyAsk, R::OutsideAcademy, R::PolicyNever},
        {"return-path-differs", A::Ask, A::Ask, A::Ignore, R::PolicyAsk, R::ReturnPathDiffers,
         R::PolicyNever},
        {"no-return-path", A::Ask, A::Ask, A::Ignore, R::PolicyAsk, R::ReturnPathDiffers, R::PolicyNever},
        {"bcc", A::Ask, A::Ask, A::Ignore, R::PolicyAsk, R::NotAddressedToUs, R::PolicyNever},
    };
    for (const Row &row : rows) {
        QTest::addRow("%s/ask", row.rule)
            << ReadReceiptPolicy::Answer::Ask << QString::fromLatin1(row.rule) << row.ask << row.askReason;
        QTest::addRow("%s/always", row.rule)
            << ReadReceiptPolicy::Answer::Always << QString::fromLatin1(row.rule) << row.always
            << row.alwaysReason;
        QTest::addRow("%s/never", row.rule) << ReadReceiptPolicy::Answer::Never
                                            << QString::fromLatin1(row.rule) << row.never << row.neverReason;
    }
}

void TestReadReceipt::decisionTable()
{
    QFETCH(ReadReceiptPolicy::Answer, answer);
    QFETCH(QString, rule);
    QFETCH(ReadReceiptRules::Action, action);
    QFETCH(ReadReceiptRules::Reason, reason);

    ReadReceiptRules::Message message = plainRequest();
    if (rule == "no-request"_L1)
        message.notificationTo.clear();
    else if (rule == "mdnsent"_L1)
        message.keywords.append(u"$MDNSent"_s);
    else if (rule == "sent-folder"_L1)
        message.ownFolder = true;
    else if (rule == "auto-submitted"_L1)
        message.autoSubmitted = "auto-replied";
    else if (rule == "outside-academy"_L1)
        message.notificationTo = message.returnPath = u"parent.eleve@gmail.com"_s;
    else if (rule == "return-path-differs"_L1)
        message.returnPath = u"bounces@liste.ac-amiens.fr"_s;
    else if (rule == "no-return-path"_L1)
        message.returnPath.clear();
    else if (rule == "bcc"_L1)
        message.recipients = {u"equipe-3b@ac-amiens.fr"_s};

    ReadReceiptPolicy policy;
    policy.answer = answer;
    const ReadReceiptRules::Decision decision = ReadReceiptRules::decide(policy, message, {kUs}, kAcademy);
    QCOMPARE(decision.action, action);
    QCOMPARE(decision.reason, reason);
}

void TestReadReceipt::autoSubmittedNoIsAnOrdinaryMessage()
{
    ReadReceiptRules::Message message = plainRequest();
    message.autoSubmitted = "No";
    ReadReceiptPolicy policy;
    policy.answer = ReadReceiptPolicy::Answer::Always;
    QCOMPARE(ReadReceiptRules::decide(policy, message, {kUs}, kAcademy).action,
             ReadReceiptRules::Action::Send);
    message.autoSubmitted = "auto-generated; owner-email=\"x@ac-amiens.fr\"";
    QCOMPARE(ReadReceiptRules::decide(policy, message, {kUs}, kAcademy).action,
             ReadReceiptRules::Action::Ignore);
}

void TestReadReceipt::subdomainsOfTheAcademyCount()
{
    QVERIFY(ReadReceiptRules::isInDomains(u"dane@clg-verne.ac-amiens.fr"_s, kAcademy));
    QVERIFY(ReadReceiptRules::isInDomains(u"X@AC-AMIENS.FR"_s, kAcademy));
    QVERIFY(!ReadReceiptRules::isInDomains(u"x@ac-amiens.fr.example.com"_s, kAcademy));
    QVERIFY(!ReadReceiptRules::isInDomains(u"x@fake-ac-amiens.fr"_s, kAcademy));
    QVERIFY(!ReadReceiptRules::isInDomains(u"no-at-sign"_s, kAcademy));
}

void TestReadReceipt::factsComeFromTheRawHeader()
{
    const QByteArray raw = requestBytes();
    CachedMessage summary = summaryOf(raw);
    summary.flags = {u"\\Seen"_s};
    const ReadReceiptRules::Message facts = ReadReceiptQueue::facts(summary, raw, false);
    QCOMPARE(facts.notificationTo, u"jean.martin@ac-amiens.fr"_s); // folded field, name removed
    QCOMPARE(facts.returnPath, u"jean.martin@ac-amiens.fr"_s);
    QCOMPARE(facts.recipients, QStringList{kUs});
    QVERIFY(facts.autoSubmitted.isEmpty());

    Account account;
    account.address = kUs;
    ReadReceiptPolicy policy;
    policy.answer = ReadReceiptPolicy::Answer::Always;
    QCOMPARE(ReadReceiptQueue::decide(policy, account, summary, raw, false).action,
             ReadReceiptRules::Action::Send);
    summary.flags.append(u"$MDNSent"_s);
    QCOMPARE(ReadReceiptQueue::decide(policy, account, summary, raw, false).action,
             ReadReceiptRules::Action::Ignore);
}

void TestReadReceipt::reportStructure_data()
{
    QTest::addColumn<ReadReceiptBuilder::Mode>("mode");
    QTest::addColumn<QByteArray>("disposition");
    QTest::addRow("manual") << ReadReceiptBuilder::Mode::Manual
                            << QByteArray("Disposition: manual-action/MDN-sent-manually; displayed");
    QTest::addRow("automatic") << ReadReceiptBuilder::Mode::Automatic
                               << QByteArray(
                                      "Disposition: automatic-action/MDN-sent-automatically; displayed");
}

void TestReadReceipt::reportStructure()
{
    QFETCH(ReadReceiptBuilder::Mode, mode);
    QFETCH(QByteArray, disposition);
    ReadReceiptBuilder::Original original;
    original.messageId = u"conseil-3b@ac-amiens.fr"_s;
    original.subject = u"Conseil de classe de 3e B"_s;
    original.date = QDateTime(QDate(2025, 6, 3), QTime(12, 5), QTimeZone::utc());
    original.notificationTo = u"jean.martin@ac-amiens.fr"_s;
    original.originalRecipient = u"rfc822;marie.dupont@ac-amiens.fr"_s;
    const BuiltMessage built =
        ReadReceiptBuilder::build(original, {u"Marie Dupont"_s, kUs}, mode, QDateTime::currentDateTimeUtc());

    QCOMPARE(built.recipients, QStringList{u"jean.martin@ac-amiens.fr"_s});
    QCOMPARE(built.envelopeFrom, kUs);
    QCOMPARE(built.messageId, ReadReceiptBuilder::messageIdFor(original.messageId, kUs));
    // Same original, same receipt id; another original, another id.
    QCOMPARE(ReadReceiptBuilder::messageIdFor(original.messageId, kUs), built.messageId);
    QVERIFY(ReadReceiptBuilder::messageIdFor(u"other@ac-amiens.fr"_s, kUs) != built.messageId);

    const RawHeaderFields headers(built.bytes);
    QCOMPARE(headers.value("Auto-Submitted"), QByteArray("auto-replied"));
    QCOMPARE(headers.value("In-Reply-To"), QByteArray("<conseil-3b@ac-amiens.fr>"));
    QCOMPARE(headers.value("To"), QByteArray("<jean.martin@ac-amiens.fr>"));
    const QByteArray contentType = headers.value("Content-Type");
    QVERIFY2(contentType.startsWith("multipart/report; report-type=disposition-notification;"),
             contentType.constData());
    QVERIFY(built.bytes.contains(QByteArray(disposition + "\r\n")));
    QVERIFY(built.bytes.contains("Final-Recipient: rfc822;marie.dupont@ac-amiens.fr\r\n"));
    QVERIFY(built.bytes.contains("Original-Recipient: rfc822;marie.dupont@ac-amiens.fr\r\n"));
    QVERIFY(built.bytes.contains("Original-Message-ID: <conseil-3b@ac-amiens.fr>\r\n"));
    QVERIFY(built.bytes.contains("Reporting-UA: ac-amiens.fr; AmiensMail"));
    // 7-bit, CRLF only: it goes through any SMTP hop unchanged.
    for (const char c : built.bytes)
        QVERIFY(static_cast<unsigned char>(c) < 0x80);
    for (qsizetype i = built.bytes.indexOf('\n'); i >= 0; i = built.bytes.indexOf('\n', i + 1))
        QVERIFY(i > 0 && built.bytes.at(i - 1) == '\r');

    // Two parts, in order: human-readable text, then the machine-readable notification.
    const MessageContent content = MessageContent::parse(built.bytes);
    QVERIFY2(content.text.contains(u"Conseil de classe de 3e B"_s), qPrintable(content.text));
    const qsizetype textPart = built.bytes.indexOf("Content-Type: text/plain; charset=UTF-8");
    const qsizetype reportPart = built.bytes.indexOf("Content-Type: message/disposition-notification");
    QVERIFY(textPart > 0 && reportPart > textPart);

    // And we read back what we wrote.
    const auto report = ReadReceiptReport::parse(built.bytes);
    QVERIFY(report);
    QCOMPARE(report->originalMessageId, original.messageId);
    QCOMPARE(report->finalRecipient, kUs);
    QCOMPARE(report->disposition, u"displayed"_s);
    QCOMPARE(report->automatic, mode == ReadReceiptBuilder::Mode::Automatic);
}

void TestReadReceipt::reportHasNoHeaderInjection()
{
    ReadReceiptBuilder::Original original;
    original.messageId = u"a@b\r\nBcc: evil@example.com"_s;
    original.subject = u"x\r\nBcc: evil@example.com"_s;
    original.notificationTo = u"jean.martin@ac-amiens.fr"_s;
    original.originalRecipient = u"rfc822;a@b\r\nBcc: evil@example.com"_s;
    const BuiltMessage built =
        ReadReceiptBuilder::build(original, {{}, kUs}, ReadReceiptBuilder::Mode::Manual);
    // Neither in the message's header nor in the notification's fields (the text part may quote it).
    QVERIFY(!built.bytes.left(built.bytes.indexOf("\r\n\r\n")).contains("\r\nBcc:"));
    QVERIFY(!built.bytes.mid(built.bytes.indexOf("message/disposition-notification")).contains("\r\nBcc:"));
}

void TestReadReceipt::receivedReportIsRecognised()
{
    // Shaped like Thunderbird's receipts: boundary quoted, a third part with the original header.
    const QByteArray raw = "From: Jean Martin <jean.martin@ac-amiens.fr>\r\n"
                           "To: marie.dupont@ac-amiens.fr\r\n"
                           "Subject: =?UTF-8?Q?Accus=C3=A9_de_lecture?=\r\n"
                           "MIME-Version: 1.0\r\n"
                           "Content-Type: multipart/report;\r\n"
                           "\treport-type=\"disposition-notification\"; boundary=\"------------ABC\"\r\n"
                           "\r\n"
                           "--------------ABC\r\n"
                           "Content-Type: text/plain; charset=UTF-8\r\n"
                           "\r\n"
                           "Lu.\r\n"
                           "--------------ABC\r\n"
                           "Content-Type: message/disposition-notification; name=\"MDNPart2.txt\"\r\n"
                           "Content-Disposition: inline\r\n"
                           "\r\n"
                           "Reporting-UA: ac-amiens.fr; Thunderbird 115.10\r\n"
                           "Final-Recipient: rfc822;Jean.Martin@ac-amiens.fr\r\n"
                           "Original-Message-ID: <envoi-42@ac-amiens.fr>\r\n"
                           "Disposition: manual-action/MDN-sent-manually; displayed\r\n"
                           "\r\n"
                           "--------------ABC\r\n"
                           "Content-Type: text/rfc822-headers; name=\"MDNPart3.txt\"\r\n"
                           "\r\n"
                           "Subject: x\r\n"
                           "--------------ABC--\r\n";
    const auto report = ReadReceiptReport::parse(raw);
    QVERIFY(report);
    QCOMPARE(report->originalMessageId, u"envoi-42@ac-amiens.fr"_s);
    QCOMPARE(report->finalRecipient, u"Jean.Martin@ac-amiens.fr"_s);
    QCOMPARE(report->disposition, u"displayed"_s);
    QVERIFY(!report->automatic);
}

void TestReadReceipt::otherReportsAreNot()
{
    // A delivery failure (DSN) is a multipart/report too, of another type.
    const QByteArray dsn = "From: MAILER-DAEMON@ac-amiens.fr\r\n"
                           "Content-Type: multipart/report; report-type=delivery-status; boundary=b\r\n\r\n"
                           "--b\r\nContent-Type: message/delivery-status\r\n\r\nAction: failed\r\n--b--\r\n";
    QVERIFY(!ReadReceiptReport::parse(dsn));
    QVERIFY(!ReadReceiptReport::parse(requestBytes()));
    QVERIFY(!ReadReceiptReport::parse({}));
}

void TestReadReceipt::queueingTwiceKeepsOneReceipt()
{
    QTemporaryDir dir;
    Account account;
    account.id = kUs;
    account.address = kUs;
    const QByteArray raw = requestBytes();
    const CachedMessage summary = summaryOf(raw);
    QString error;
    const QString outboxDir = dir.filePath(u"outbox"_s);
    QVERIFY2(
        ReadReceiptQueue::queue(account, outboxDir, summary, raw, ReadReceiptBuilder::Mode::Manual, &error),
        qPrintable(error));
    QVERIFY2(
        ReadReceiptQueue::queue(account, outboxDir, summary, raw, ReadReceiptBuilder::Mode::Manual, &error),
        qPrintable(error));
    const QList<OutboxEntry> entries = Outbox(outboxDir).entries();
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.first().recipients, QStringList{u"jean.martin@ac-amiens.fr"_s});

    // Nothing to answer to: refused, with a reason.
    QByteArray withoutRequest = raw;
    withoutRequest.replace("Disposition-Notification-To", "X-Other");
    QVERIFY(!ReadReceiptQueue::queue(account, outboxDir, summary, withoutRequest,
                                     ReadReceiptBuilder::Mode::Manual, &error));
    QVERIFY(!error.isEmpty());
}

void TestReadReceipt::handlerSaysWhoReadWhat()
{
    QTemporaryDir dir;
    MailCache cache;
    QString error;
    QVERIFY2(cache.open(dir.filePath(u"cache.sqlite"_s), kUs, MailCache::Mode::ReadWrite, &error),
             qPrintable(error));
    FolderInfo inbox;
    inbox.pathParts = {u"INBOX"_s};
    inbox.role = FolderInfo::Role::Inbox;
    FolderInfo sent;
    sent.pathParts = {u"Sent"_s};
    sent.role = FolderInfo::Role::Sent;
    QVERIFY(cache.folderStore().replaceFolderList({inbox, sent}));
    const qint64 inboxId = cache.folderStore().folder(u"INBOX"_s)->id;
    const qint64 sentId = cache.folderStore().folder(u"Sent"_s)->id;
    const auto store = [&](qint64 folderId, quint32 uid, const QByteArray &raw) {
        FetchedMessage message;
        message.uid = uid;
        message.size = raw.size();
        message.rawHeader = raw.left(raw.indexOf("\r\n\r\n") + 4);
        return cache.messageStore().storeMessages(folderId, {message}, {raw});
    };
    const QByteArray ours = "From: Marie Dupont <marie.dupont@ac-amiens.fr>\r\n"
                            "To: Jean Martin <jean.martin@ac-amiens.fr>\r\n"
                            "Subject: Conseil de classe de 3e B\r\n"
                            "Date: Tue, 03 Jun 2025 14:05:00 +0200\r\n"
                            "Message-ID: <conseil-3b@ac-amiens.fr>\r\n"
                            "\r\n"
                            "Merci de confirmer.\r\n";
    ReadReceiptBuilder::Original original;
    original.messageId = u"conseil-3b@ac-amiens.fr"_s;
    original.subject = u"Conseil de classe de 3e B"_s;
    original.notificationTo = kUs;
    const MailAddress jean{u"Jean Martin"_s, u"jean.martin@ac-amiens.fr"_s};
    const QByteArray receipt =
        ReadReceiptBuilder::build(original, jean, ReadReceiptBuilder::Mode::Manual).bytes;
    original.messageId = u"ailleurs@ac-amiens.fr"_s;
    const QByteArray stray =
        ReadReceiptBuilder::build(original, jean, ReadReceiptBuilder::Mode::Manual).bytes;
    QVERIFY(store(sentId, 1, ours));
    QVERIFY(store(inboxId, 1, receipt));
    QVERIFY(store(inboxId, 2, stray));

    ReadReceiptHandler handler(cache);
    const QString received = handler.status(*cache.messageStore().message(inboxId, 1), receipt, false);
    QVERIFY2(received.startsWith(
                 u"Read receipt: \"Conseil de classe de 3e B\" was read by jean.martin@ac-amiens.fr on "_s),
             qPrintable(received));
    const QString unknown = handler.status(*cache.messageStore().message(inboxId, 2), stray, false);
    QVERIFY2(unknown.startsWith(u"Read receipt: a message that is not on this computer was read by "_s),
             qPrintable(unknown));
    const CachedMessage sentMessage = *cache.messageStore().message(sentId, 1);
    const QString readers = handler.status(sentMessage, ours, true);
    QVERIFY2(readers.startsWith(u"Read by jean.martin@ac-amiens.fr on "_s), qPrintable(readers));
    QVERIFY(handler.status(sentMessage, ours, false).isEmpty()); // not our own folder: not our mail
    QVERIFY(handler.status(summaryOf(requestBytes()), requestBytes(), false).isEmpty());

    // Without an open account a request is not answered, nor asked about.
    QSignalSpy asked(&handler, &ReadReceiptHandler::answerNeeded);
    QSignalSpy queued(&handler, &ReadReceiptHandler::queued);
    handler.setProfileDirectory(dir.path());
    handler.consider(summaryOf(requestBytes()), requestBytes(), false);
    handler.answer(true);
    QVERIFY(!handler.isWaitingForAnswer());
    QCOMPARE(asked.size(), 0);
    QCOMPARE(queued.size(), 0);
}

void TestReadReceipt::originalsAskingReceiptsAreIndexed()
{
    // Only messages that asked for a receipt are indexed by Message-ID (schema 8): the others
    // cost the sync no random index write, and are still found, by a scan.
    QTemporaryDir dir;
    MailCache cache;
    QString error;
    QVERIFY2(cache.open(dir.filePath(u"cache.sqlite"_s), kUs, MailCache::Mode::ReadWrite, &error),
             qPrintable(error));
    FolderInfo sent;
    sent.pathParts = {u"Sent"_s};
    sent.role = FolderInfo::Role::Sent;
    QVERIFY(cache.folderStore().replaceFolderList({sent}));
    const qint64 sentId = cache.folderStore().folder(u"Sent"_s)->id;
    const auto sentMessage = [](const QByteArray &id, bool asksReceipt) -> QByteArray {
        return "From: Marie Dupont <marie.dupont@ac-amiens.fr>\r\n"
               "To: Jean Martin <jean.martin@ac-amiens.fr>\r\n"
               "Subject: Sortie au musee\r\n"
               "Date: Tue, 03 Jun 2025 14:05:00 +0200\r\n"
               "Message-ID: <" +
               id + ">\r\n" +
               (asksReceipt ? QByteArray("Disposition-Notification-To: marie.dupont@ac-amiens.fr\r\n")
                            : QByteArray()) +
               "\r\nMerci de confirmer.\r\n";
    };
    QList<FetchedMessage> fetched;
    QList<QByteArray> bodies;
    quint32 uid = 0;
    for (const QByteArray &id : {QByteArray("demande@ac-amiens.fr"), QByteArray("simple@ac-amiens.fr")}) {
        const QByteArray raw = sentMessage(id, id.startsWith("demande"));
        FetchedMessage message;
        message.uid = ++uid;
        message.size = raw.size();
        message.rawHeader = raw.left(raw.indexOf("\r\n\r\n") + 4);
        fetched.append(message);
        bodies.append(raw);
    }
    QVERIFY(cache.messageStore().storeMessages(sentId, fetched, bodies));

    const QList<CachedMessage> asking = cache.messageStore().messagesWithMessageId(u"demande@ac-amiens.fr"_s);
    QCOMPARE(asking.size(), 1);
    QCOMPARE(asking.first().uid, 1u);
    QVERIFY(asking.first().headers.requestsReadReceipt);
    const QList<CachedMessage> plain = cache.messageStore().messagesWithMessageId(u"simple@ac-amiens.fr"_s);
    QCOMPARE(plain.size(), 1);
    QCOMPARE(plain.first().uid, 2u);
    QVERIFY(cache.messageStore().messagesWithMessageId(u"ailleurs@ac-amiens.fr"_s).isEmpty());

    QSqlQuery plan(cache.database().database());
    QVERIFY(plan.exec(u"EXPLAIN QUERY PLAN SELECT id FROM messages m WHERE m.message_id = 'x' "
                      "AND m.read_receipt_requested = 1"_s));
    QStringList steps;
    while (plan.next())
        steps.append(plan.value(3).toString());
    QCOMPARE(steps.join(u" | "_s), u"SEARCH m USING INDEX messages_asking_receipts (message_id=?)"_s);
    QSqlQuery indexes(cache.database().database());
    QVERIFY(indexes.exec(u"SELECT sql FROM sqlite_master WHERE name = 'messages_asking_receipts'"_s));
    QVERIFY(indexes.next());
    QVERIFY2(indexes.value(0).toString().contains(u"WHERE read_receipt_requested = 1"_s),
             qPrintable(indexes.value(0).toString()));
    QVERIFY(!indexes.exec(u"SELECT 1 FROM messages INDEXED BY messages_by_message_id"_s));
}

QTEST_GUILESS_MAIN(TestReadReceipt)
#include "tst_readreceipt.moc"
