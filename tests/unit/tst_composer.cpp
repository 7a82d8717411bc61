// The message builder's RFC 5322 output and the composer window, without a server: what the
// builder writes must read back identically through our own decoder (and VMime's, under it).
#include "ComposerWindow.h"
#include "compose/MessageBuilder.h"
#include "mime/HeaderDecoder.h"
#include "mime/MessageContent.h"
#include "outbox/Outbox.h"

#include <QCheckBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Amiens;

class TestComposer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void subjectsSurviveEncoding_data();
    void subjectsSurviveEncoding();
    void headerInjectionIsDefused();
    void linesStayShortAnd7Bit();
    void longFrenchFileNamesUseRfc2231Continuations();
    void bccOnlyInTheEnvelope();
    void rawMessageLosesBccAndGetsAnId();
    void rawUtf8HeadersStay7Bit();
    void invalidAddressesAreRefused();
    void replyIsQuotedAndThreaded();
    void sendWritesToTheOutbox();

private:
    [[nodiscard]] static OutgoingMessage simple();
};

OutgoingMessage TestComposer::simple()
{
    OutgoingMessage message;
    message.from = {u"Marie Dupont"_s, u"mdupont@ac-amiens.fr"_s};
    message.to = {{u"Lefèvre, Élodie"_s, u"elodie.lefevre@ac-amiens.fr"_s}};
    message.subject = u"Test"_s;
    message.plainText = u"Bonjour"_s;
    return message;
}

void TestComposer::subjectsSurviveEncoding_data()
{
    QTest::addColumn<QString>("subject");
    QTest::newRow("french") << u"« Réunion parents-professeurs : salle 204 »"_s;
    QTest::newRow("ascii long")
        << u"Compte rendu du conseil de classe de la 3e B du deuxième trimestre"_s.left(20).repeated(5);
    QTest::newRow("looks encoded") << u"=?UTF-8?B?Zm9v?= is not an encoded word here"_s;
    QTest::newRow("emoji and spaces") << u"Grüße aus Köln  ✓ 😀 fin"_s;
    QTest::newRow("long accented")
        << u"Élèves à besoins éducatifs particuliers : réunion de l'équipe éducative, "
           "présence obligatoire des enseignants concernés"_s;
}

void TestComposer::subjectsSurviveEncoding()
{
    QFETCH(QString, subject);
    OutgoingMessage message = simple();
    message.subject = subject;
    QString error;
    const auto built = MessageBuilder::build(message, &error);
    QVERIFY2(built, qPrintable(error));
    const QByteArray header = built->bytes.left(built->bytes.indexOf("\r\n\r\n") + 2);
    const MessageHeaders headers = HeaderDecoder::decode(header);
    QCOMPARE(headers.subject, subject.simplified() == subject ? subject : headers.subject);
    QCOMPARE(headers.subject.simplified(), subject.simplified());
    QCOMPARE(headers.to.first().name, u"Lefèvre, Élodie"_s);
    QCOMPARE(headers.messageId, built->messageId);
}

void TestComposer::headerInjectionIsDefused()
{
    OutgoingMessage message = simple();
    message.subject = u"Bonjour\r\nBcc: espion@example.org"_s;
    message.to.first().name = u"X\r\nX-Injected: yes"_s;
    const auto built = MessageBuilder::build(message, nullptr);
    QVERIFY(built);
    QVERIFY(!built->bytes.contains("\r\nBcc:"));
    QVERIFY(!built->bytes.contains("\r\nX-Injected:"));
    QCOMPARE(built->recipients, QStringList{u"elodie.lefevre@ac-amiens.fr"_s});
}

void TestComposer::linesStayShortAnd7Bit()
{
    OutgoingMessage message = simple();
    message.plainText = u"Ligne très longue sans retour "_s.repeated(20) + u"\nFrom the start\n.\nfin   \n"_s;
    message.html = u"<p>é</p>"_s;
    message.references = {u"a@b"_s, u"c@d"_s, u"e@f"_s,
                          u"gggggggggggggggggggggggggggggggggggg@ac-amiens.fr"_s};
    message.inReplyTo = u"e@f"_s;
    const auto built = MessageBuilder::build(message, nullptr);
    QVERIFY(built);
    QVERIFY(!built->bytes.contains("\n\n"));
    for (const QByteArray &line : built->bytes.split('\n')) {
        QVERIFY2(line.size() <= 79, line.constData());
        for (const char c : line)
            QVERIFY(static_cast<unsigned char>(c) < 0x80);
    }
    const MessageContent content = MessageContent::parse(built->bytes);
    // Quoted-printable keeps trailing spaces and the "From " and "." line starts.
    QCOMPARE(QString(content.text).replace(u"\r\n"_s, u"\n"_s) + u'\n', message.plainText);
    QVERIFY(content.html.contains(u"é"_s));
}

void TestComposer::longFrenchFileNamesUseRfc2231Continuations()
{
    OutgoingMessage message = simple();
    const QString name = u"Procès-verbal du conseil d'administration — séance extraordinaire du 12 décembre "
                         "2026 (version définitive).pdf"_s;
    message.attachments = {{name, u"application/pdf"_s, QByteArray(5000, 'x')},
                           {u"notes.txt"_s, u"text/plain"_s, "abc"_ba}};
    const auto built = MessageBuilder::build(message, nullptr);
    QVERIFY(built);
    QVERIFY(built->bytes.contains("filename*0*=UTF-8''"));
    QVERIFY(built->bytes.contains("filename=\"notes.txt\""));
    const MessageContent content = MessageContent::parse(built->bytes);
    QCOMPARE(content.attachments.size(), 2);
    QCOMPARE(content.attachments.at(0).name, name);
    QCOMPARE(MessageContent::attachmentData(built->bytes, 0), QByteArray(5000, 'x'));
}

void TestComposer::bccOnlyInTheEnvelope()
{
    OutgoingMessage message = simple();
    message.cc = {{QString(), u"ELODIE.LEFEVRE@ac-amiens.fr"_s}};
    message.bcc = {{u"Direction"_s, u"ce.0800001a@ac-amiens.fr"_s}};
    const auto built = MessageBuilder::build(message, nullptr);
    QVERIFY(built);
    QVERIFY(!built->bytes.contains("Bcc"));
    QVERIFY(!built->bytes.contains("ce.0800001a"));
    QCOMPARE(built->recipients,
             (QStringList{u"elodie.lefevre@ac-amiens.fr"_s, u"ce.0800001a@ac-amiens.fr"_s}));
    QCOMPARE(built->envelopeFrom, u"mdupont@ac-amiens.fr"_s);
    QVERIFY(built->messageId.endsWith(u"@ac-amiens.fr"_s));
}

void TestComposer::rawMessageLosesBccAndGetsAnId()
{
    const QByteArray raw = "From: Marie <mdupont@ac-amiens.fr>\nTo: a@ac-amiens.fr\nBcc: b@ac-amiens.fr,\n"
                           " c@ac-amiens.fr\nSubject: =?UTF-8?B?w6l0w6k=?=\n\nCorps\n";
    QString error;
    const auto built = MessageBuilder::prepareRaw(raw, u"mdupont@ac-amiens.fr"_s, &error);
    QVERIFY2(built, qPrintable(error));
    QVERIFY(!built->bytes.contains("Bcc"));
    QVERIFY(!built->bytes.contains("c@ac-amiens.fr"));
    QVERIFY(built->bytes.contains("Message-ID: <"));
    QVERIFY(built->bytes.contains("\r\n\r\nCorps\r\n"));
    QCOMPARE(built->recipients, (QStringList{u"a@ac-amiens.fr"_s, u"b@ac-amiens.fr"_s, u"c@ac-amiens.fr"_s}));
    QCOMPARE(built->subject, u"été"_s);
}

void TestComposer::rawUtf8HeadersStay7Bit()
{
    const QByteArray raw =
        "From: mdupont@ac-amiens.fr\r\nTo: a@ac-amiens.fr\r\nSubject: Réunion : salle 204\r\n\r\nx\r\n";
    QString error;
    const auto built = MessageBuilder::prepareRaw(raw, u"mdupont@ac-amiens.fr"_s, &error);
    QVERIFY2(built, qPrintable(error));
    for (const char c : built->bytes)
        QVERIFY(static_cast<unsigned char>(c) < 0x80);
    QCOMPARE(built->subject, u"Réunion : salle 204"_s);
    QVERIFY(!MessageBuilder::prepareRaw("From: Élodie <e@ac-amiens.fr>\r\nTo: a@ac-amiens.fr\r\n\r\nx"_ba,
                                        u"mdupont@ac-amiens.fr"_s, &error));
    QVERIFY(error.contains(u"From"_s));
}

void TestComposer::invalidAddressesAreRefused()
{
    OutgoingMessage message = simple();
    message.to = {{QString(), u"pas-une-adresse"_s}};
    QString error;
    QVERIFY(!MessageBuilder::build(message, &error));
    QVERIFY(error.contains(u"pas-une-adresse"_s));
    message.to = {};
    QVERIFY(!MessageBuilder::build(message, &error));
}

void TestComposer::replyIsQuotedAndThreaded()
{
    Account account;
    account.id = account.address = u"mdupont@ac-amiens.fr"_s;
    account.realName = u"Marie Dupont"_s;
    ComposerWindow composer(account, QString());
    CachedMessage original;
    original.headers.subject = u"Sortie au musée"_s;
    original.headers.from = {u"Jean Martin"_s, u"jean.martin@ac-amiens.fr"_s};
    original.headers.messageId = u"orig@ac-amiens.fr"_s;
    original.headers.references = {u"first@ac-amiens.fr"_s};
    original.headers.date = QDateTime::currentDateTimeUtc();
    const QByteArray raw = "From: jean.martin@ac-amiens.fr\r\nSubject: x\r\n\r\nLigne 1\r\n> ancienne\r\n";
    composer.setReplyTo(original, raw);
    QCOMPARE(composer.subjectField()->text(), u"Re: Sortie au musée"_s);
    QCOMPARE(composer.toField()->text(), u"Jean Martin <jean.martin@ac-amiens.fr>"_s);
    QVERIFY(composer.bodyEdit()->toPlainText().contains(u"\n> Ligne 1\n>> ancienne\n"_s));
    const OutgoingMessage message = composer.message();
    QCOMPARE(message.inReplyTo, u"orig@ac-amiens.fr"_s);
    QCOMPARE(message.references, (QStringList{u"first@ac-amiens.fr"_s, u"orig@ac-amiens.fr"_s}));
    composer.setReplyTo(original, raw);
    original.headers.subject = u"RE: déjà"_s;
    composer.setReplyTo(original, raw);
    QCOMPARE(composer.subjectField()->text(), u"RE: déjà"_s);
    QCOMPARE(ComposerWindow::parseAddresses(u"\"Dupont, Marie\" <m@a.fr>; b@c.fr,"_s).size(), 2);
}

void TestComposer::sendWritesToTheOutbox()
{
    QTemporaryDir dir;
    Account account;
    account.id = account.address = u"mdupont@ac-amiens.fr"_s;
    ComposerWindow composer(account, dir.filePath(u"outbox"_s));
    QSignalSpy queued(&composer, &ComposerWindow::queued);
    QVERIFY(!composer.send()); // no recipient: stays open, nothing written
    QCOMPARE(queued.size(), 0);
    composer.toField()->setText(u"Jean Martin <jean.martin@ac-amiens.fr>"_s);
    composer.bccField()->setText(u"marie.dupont@ac-amiens.fr"_s);
    composer.subjectField()->setText(u"Réunion"_s);
    composer.bodyEdit()->setPlainText(u"Bonjour"_s);
    composer.readReceiptBox()->setChecked(true);
    QVERIFY(composer.send());
    QCOMPARE(queued.size(), 1);
    Outbox outbox(dir.filePath(u"outbox"_s));
    const QList<OutboxEntry> entries = outbox.entries();
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.first().state, OutboxEntry::State::Queued);
    QCOMPARE(entries.first().recipients.size(), 2);
    const QByteArray bytes = *outbox.bytes(entries.first().id);
    QVERIFY(bytes.contains("Disposition-Notification-To: mdupont@ac-amiens.fr"));
    QVERIFY(!bytes.contains("marie.dupont"));
    QVERIFY(outbox.remove(entries.first().id, nullptr));
    QVERIFY(outbox.entries().isEmpty());
    QVERIFY(QDir(dir.filePath(u"outbox"_s)).entryList(QDir::Files).isEmpty());
}

QTEST_MAIN(TestComposer)
#include "tst_composer.moc"
