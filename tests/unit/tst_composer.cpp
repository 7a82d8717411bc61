// The message builder's RFC 5322 output and the composer window, without a server: what the
// builder writes must read back identically through our own decoder (and VMime's, under it).
#include "AddressCompleter.h"
#include "ComposerWindow.h"
#include "MainWindow.h"
#include "account/AccountPaths.h"
#include "account/Profile.h"
#include "cache/MailCache.h"
#include "compose/MessageBuilder.h"
#include "compose/ReplyBuilder.h"
#include "drafts/DraftStore.h"
#include "mime/HeaderDecoder.h"
#include "mime/MessageContent.h"
#include "outbox/Outbox.h"
#include "services/AccountStorage.h"
#include "settings/ReadReceiptPolicy.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextCursor>
#include <QTextEdit>
#include <QTimer>
#include <QUrl>

using namespace Qt::StringLiterals;
using namespace Amiens;

class TestComposer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void responsesArePreparedWithoutWidgets();
    void fromListsEveryIdentityWithItsSignature();
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
    void subjectsDoNotStack_data();
    void subjectsDoNotStack();
    void replyAllLeavesUsOutAndNamesEveryoneOnce();
    void forwardCarriesHeaderBlockAndAttachments();
    void signatureForNewMailAndReplies();
    void changingSignatureKeepsWhatTheUserTyped();
    void alwaysRequestPreChecksTheReceipt();
    void draftWithAttachmentsRoundTrips();
    void autosaveWritesOnlyChangesAndReopens();
    void closingAsksWhatToDoWithTheDraft();
    void sendingDeletesTheDraft();
    void richTextGoesWithPlainAlternative();
    void addressesCompleteFromTheCache();
    void droppedFilesBecomeAttachmentsWithSizeWarning();
    void mainWindowOffersReplyAllAndForward();

private:
    [[nodiscard]] static OutgoingMessage simple();
    [[nodiscard]] static Account marie();
    [[nodiscard]] static CachedMessage original();
    /// Answers the next "keep as draft?" question with the button named @p choice.
    static void answerClosePrompt(const QString &choice);
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
    // The folded Bcc line is gone (the random Message-ID may itself end in "c@ac-amiens.fr").
    QVERIFY(!built->bytes.contains(" c@ac-amiens.fr"));
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
    composer.toField()->setText(u"\"Dupont, Marie\" <m@a.fr>; b@c.fr,"_s);
    QCOMPARE(composer.message().to.size(), 2);
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

Account TestComposer::marie()
{
    Account account;
    account.id = account.address = u"mdupont@ac-amiens.fr"_s;
    account.realName = u"Marie Dupont"_s;
    return account;
}

CachedMessage TestComposer::original()
{
    CachedMessage message;
    message.headers.subject = u"Sortie au musée"_s;
    message.headers.from = {u"Jean Martin"_s, u"jean.martin@ac-amiens.fr"_s};
    message.headers.to = {{u"Marie Dupont"_s, u"MDupont@ac-amiens.fr"_s},
                          {u"Paul Henry"_s, u"paul.henry@ac-amiens.fr"_s},
                          {QString(), u"JEAN.MARTIN@ac-amiens.fr"_s}};
    message.headers.cc = {{QString(), u"paul.henry@AC-AMIENS.fr"_s},
                          {u"Sophie Roux"_s, u"sophie.roux@ac-amiens.fr"_s},
                          {QString(), u"marie.dupont@ac-amiens.fr"_s}};
    message.headers.messageId = u"orig@ac-amiens.fr"_s;
    message.headers.references = {u"first@ac-amiens.fr"_s};
    message.headers.date = QDateTime(QDate(2026, 11, 20), QTime(9, 30), Qt::UTC);
    return message;
}

void TestComposer::answerClosePrompt(const QString &choice)
{
    QTimer::singleShot(0, qApp, [choice] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        QVERIFY(box);
        QCOMPARE(box->objectName(), u"closeDraftPrompt"_s);
        box->findChild<QPushButton *>(choice)->click();
    });
}

void TestComposer::subjectsDoNotStack_data()
{
    QTest::addColumn<QString>("subject");
    QTest::addColumn<QString>("reply");
    QTest::addColumn<QString>("forward");
    QTest::newRow("plain") << u"Sortie"_s << u"Re: Sortie"_s << u"Tr: Sortie"_s;
    QTest::newRow("Re") << u"Re: Sortie"_s << u"Re: Sortie"_s << u"Tr: Re: Sortie"_s;
    QTest::newRow("RE") << u"RE: Sortie"_s << u"RE: Sortie"_s << u"Tr: RE: Sortie"_s;
    QTest::newRow("Re[2]") << u"Re[2]: Sortie"_s << u"Re[2]: Sortie"_s << u"Tr: Re[2]: Sortie"_s;
    QTest::newRow("Tr") << u"Tr: Sortie"_s << u"Re: Tr: Sortie"_s << u"Tr: Sortie"_s;
    QTest::newRow("TR") << u"TR : Sortie"_s << u"Re: TR : Sortie"_s << u"TR : Sortie"_s;
    QTest::newRow("Fwd") << u"Fwd: Sortie"_s << u"Re: Fwd: Sortie"_s << u"Fwd: Sortie"_s;
    QTest::newRow("not a prefix") << u"Tramway : horaires"_s << u"Re: Tramway : horaires"_s
                                  << u"Tr: Tramway : horaires"_s;
}

void TestComposer::subjectsDoNotStack()
{
    QFETCH(QString, subject);
    QFETCH(QString, reply);
    QFETCH(QString, forward);
    QCOMPARE(ReplyBuilder::replySubject(subject), reply);
    QCOMPARE(ReplyBuilder::forwardSubject(subject), forward);
}

void TestComposer::replyAllLeavesUsOutAndNamesEveryoneOnce()
{
    const CachedMessage message = original();
    const auto recipients = ReplyBuilder::replyAllRecipients(message.headers, {u"mdupont@ac-amiens.fr"_s});
    QCOMPARE(recipients.to, (QList<MailAddress>{{u"Jean Martin"_s, u"jean.martin@ac-amiens.fr"_s},
                                                {u"Paul Henry"_s, u"paul.henry@ac-amiens.fr"_s}}));
    QCOMPARE(recipients.cc, (QList<MailAddress>{{u"Sophie Roux"_s, u"sophie.roux@ac-amiens.fr"_s},
                                                {QString(), u"marie.dupont@ac-amiens.fr"_s}}));

    // Through the composer: our other identities (from the signature store) are left out too.
    QTemporaryDir dir;
    SignatureStore store{Profile(dir.path())};
    store.setForIdentity(u"marie.dupont@ac-amiens.fr"_s, {});
    ComposerWindow composer(marie(), dir.filePath(u"outbox"_s));
    composer.setSignatureStore(store);
    QByteArray raw = "From: jean.martin@ac-amiens.fr\r\nSubject: x\r\n\r\nOn part jeudi.\r\n";
    composer.setReplyAllTo(message, raw);
    QCOMPARE(composer.toField()->text(),
             u"Jean Martin <jean.martin@ac-amiens.fr>, Paul Henry <paul.henry@ac-amiens.fr>"_s);
    QCOMPARE(composer.ccField()->text(), u"Sophie Roux <sophie.roux@ac-amiens.fr>"_s);
    QCOMPARE(composer.subjectField()->text(), u"Re: Sortie au musée"_s);
    QVERIFY(composer.bodyText().contains(u"> On part jeudi."_s));
    const OutgoingMessage reply = composer.message();
    QCOMPARE(reply.inReplyTo, u"orig@ac-amiens.fr"_s);
    QCOMPARE(reply.references, (QStringList{u"first@ac-amiens.fr"_s, u"orig@ac-amiens.fr"_s}));

    // Answering all on a message of ours goes to its recipients, not back to us.
    CachedMessage own = message;
    own.headers.from = {u"Marie Dupont"_s, u"mdupont@ac-amiens.fr"_s};
    own.headers.to = {{QString(), u"sophie.roux@ac-amiens.fr"_s}};
    own.headers.cc = {};
    const auto toOthers = ReplyBuilder::replyAllRecipients(own.headers, {u"mdupont@ac-amiens.fr"_s});
    QCOMPARE(toOthers.to, (QList<MailAddress>{{QString(), u"sophie.roux@ac-amiens.fr"_s}}));
    // Reply-To wins over From.
    own.headers.replyTo = {{QString(), u"secretariat@ac-amiens.fr"_s}};
    QCOMPARE(ReplyBuilder::replyRecipients(own.headers).to.first().address, u"secretariat@ac-amiens.fr"_s);
}

void TestComposer::forwardCarriesHeaderBlockAndAttachments()
{
    OutgoingMessage sent = simple();
    sent.from = {u"Jean Martin"_s, u"jean.martin@ac-amiens.fr"_s};
    sent.to = {{u"Marie Dupont"_s, u"mdupont@ac-amiens.fr"_s}};
    sent.subject = u"Sortie au musée"_s;
    sent.plainText = u"Le programme est joint.\n"_s;
    const QString pdfName = u"Autorisation de sortie – élèves de 5e.pdf"_s;
    QByteArray pdf(3000, '\0');
    for (qsizetype i = 0; i < pdf.size(); ++i)
        pdf[i] = static_cast<char>(i * 13);
    sent.attachments = {{pdfName, u"application/pdf"_s, pdf},
                        {u"plan.txt"_s, u"text/plain"_s, "salle 12\n"_ba}};
    const auto built = MessageBuilder::build(sent, nullptr);
    QVERIFY(built);
    CachedMessage message;
    message.headers = HeaderDecoder::decode(built->bytes.left(built->bytes.indexOf("\r\n\r\n") + 2));
    message.hasAttachments = true;

    ComposerWindow composer(marie(), QString());
    composer.setForwardOf(message, built->bytes);
    QCOMPARE(composer.subjectField()->text(), u"Tr: Sortie au musée"_s);
    QVERIFY(composer.toField()->text().isEmpty());
    const QString body = composer.bodyText();
    QVERIFY2(body.startsWith(u"\n\n"_s + ReplyBuilder::tr("-------- Forwarded Message --------") + u'\n'),
             qPrintable(body));
    QVERIFY(body.contains(ReplyBuilder::tr("From: %1").arg(u"Jean Martin <jean.martin@ac-amiens.fr>"_s)));
    QVERIFY(body.contains(ReplyBuilder::tr("Subject: %1").arg(u"Sortie au musée"_s)));
    QVERIFY(body.contains(ReplyBuilder::tr("To: %1").arg(u"Marie Dupont <mdupont@ac-amiens.fr>"_s)));
    QVERIFY(body.contains(u"\nLe programme est joint."_s));
    const OutgoingMessage forward = composer.message();
    QVERIFY(forward.inReplyTo.isEmpty());
    QCOMPARE(forward.references, QStringList{message.headers.messageId});
    QCOMPARE(forward.attachments.size(), 2);
    QCOMPARE(forward.attachments.at(0).fileName, pdfName);
    QCOMPARE(forward.attachments.at(0).mimeType, u"application/pdf"_s);
    QCOMPARE(forward.attachments.at(0).data, pdf);
    QCOMPARE(forward.attachments.at(1).data, "salle 12\n"_ba);

    // Without the original's body there is nothing to attach, and the user is told.
    ComposerWindow withoutBody(marie(), QString());
    withoutBody.setForwardOf(message, std::nullopt);
    QVERIFY(withoutBody.message().attachments.isEmpty());
    QVERIFY(!withoutBody.findChild<QLabel *>(u"composerError"_s)->isHidden());
}

namespace {

SignatureStore signatures(const QString &profile, SignatureStore::Placement placement)
{
    SignatureStore store{Profile(profile)};
    SignatureStore::IdentitySignatures identity;
    identity.signatures = {
        {u"long"_s, u"Académique"_s, Signature::Format::PlainText, u"Marie Dupont\nCollège Jules Verne"_s},
        {u"short"_s, u"Courte"_s, Signature::Format::PlainText, u"M. D."_s}};
    identity.defaultForNew = u"long"_s;
    identity.defaultForReply = u"short"_s;
    identity.placement = placement;
    store.setForIdentity(u"mdupont@ac-amiens.fr"_s, identity);
    return store;
}

} // namespace

void TestComposer::signatureForNewMailAndReplies()
{
    QTemporaryDir dir;
    ComposerWindow fresh(marie(), QString());
    fresh.setSignatureStore(signatures(dir.path(), SignatureStore::Placement::BelowQuote));
    QCOMPARE(fresh.bodyText(), u"\n\n-- \nMarie Dupont\nCollège Jules Verne"_s);
    QCOMPARE(fresh.signatureBox()->currentData().toString(), u"long"_s);
    QCOMPARE(fresh.bodyEdit()->textCursor().position(), 0);

    const QByteArray raw = "From: jean.martin@ac-amiens.fr\r\nSubject: x\r\n\r\nOn part jeudi.\r\n";
    ComposerWindow below(marie(), QString());
    below.setSignatureStore(signatures(dir.path(), SignatureStore::Placement::BelowQuote));
    below.setReplyTo(original(), raw);
    QString body = below.bodyText();
    QVERIFY2(body.endsWith(u"> On part jeudi.\n\n-- \nM. D."_s), qPrintable(body));
    QCOMPARE(body.count(u"-- \n"_s), 1);

    ComposerWindow above(marie(), QString());
    above.setSignatureStore(signatures(dir.path(), SignatureStore::Placement::AboveQuote));
    above.setReplyTo(original(), raw);
    body = above.bodyText();
    QVERIFY2(body.startsWith(u"\n\n-- \nM. D.\n\n"_s), qPrintable(body));
    QVERIFY(body.indexOf(u"-- \nM. D."_s) < body.indexOf(u"> On part jeudi."_s));
    QCOMPARE(body.count(u"-- \n"_s), 1);
}

void TestComposer::fromListsEveryIdentityWithItsSignature()
{
    QTemporaryDir dir;
    SignatureStore store = signatures(dir.path(), SignatureStore::Placement::BelowQuote);
    SignatureStore::IdentitySignatures school;
    school.signatures = {{u"ce"_s, u"Collège"_s, Signature::Format::PlainText, u"Secrétariat du collège"_s}};
    school.defaultForNew = school.defaultForReply = u"ce"_s;
    store.setForIdentity(u"ce.0801234x@ac-amiens.fr"_s, school);
    Account functional;
    functional.id = functional.address = u"ce.0801234x@ac-amiens.fr"_s;
    functional.realName = u"Collège Jules Verne"_s;
    functional.aliases = {u"secretariat.0801234x@ac-amiens.fr"_s};

    ComposerWindow composer(marie(), dir.filePath(u"outbox/marie"_s));
    composer.setSignatureStore(store);
    composer.setIdentities({marie(), functional}, dir.path());
    auto *from = composer.findChild<QComboBox *>(u"fromField"_s);
    QCOMPARE(from->count(), 3); // Marie, the school, the school's alias
    QCOMPARE(from->currentIndex(), 0);
    QVERIFY(composer.bodyText().endsWith(u"-- \nMarie Dupont\nCollège Jules Verne"_s));

    // The school: its signature replaces Marie's, and the message leaves from its account.
    QVERIFY(
        composer.selectIdentity(SenderIdentity(functional.id, {functional.realName, functional.address})));
    QCOMPARE(from->currentIndex(), 1);
    QCOMPARE(composer.sendingAccount().id, functional.id);
    QCOMPARE(composer.message().from.address, functional.address);
    QVERIFY2(composer.bodyText().endsWith(u"-- \nSecrétariat du collège"_s), qPrintable(composer.bodyText()));
    QCOMPARE(composer.bodyText().count(u"-- \n"_s), 1);
    QVERIFY(!composer.bodyText().contains(u"Marie"_s));

    // A signature the user edited is theirs: it stays when « De » changes.
    QTextCursor cursor = composer.bodyEdit()->textCursor();
    cursor.movePosition(QTextCursor::End);
    cursor.insertText(u" (CPE)"_s);
    // Its alias is the same account.
    from->setCurrentIndex(2);
    QCOMPARE(composer.sendingAccount().id, functional.id);
    QCOMPARE(composer.message().from.address, u"secretariat.0801234x@ac-amiens.fr"_s);
    from->setCurrentIndex(0);
    QCOMPARE(composer.sendingAccount().id, marie().id);
    QCOMPARE(composer.message().from.address, marie().address);
    QVERIFY2(composer.bodyText().endsWith(u"Secrétariat du collège (CPE)"_s),
             qPrintable(composer.bodyText()));
    QVERIFY(!composer.bodyText().contains(u"Marie Dupont"_s));
    QVERIFY(!composer.selectIdentity(SenderIdentity(u"other"_s, {{}, u"x@example.org"_s})));
}

void TestComposer::changingSignatureKeepsWhatTheUserTyped()
{
    QTemporaryDir dir;
    ComposerWindow composer(marie(), QString());
    composer.setSignatureStore(signatures(dir.path(), SignatureStore::Placement::BelowQuote));
    QTextCursor cursor = composer.bodyEdit()->textCursor();
    cursor.movePosition(QTextCursor::Start);
    cursor.insertText(u"Bonjour à tous,\nMarie Dupont\nCollège Jules Verne"_s); // the same words, typed
    composer.setSignature(u"short"_s);
    QCOMPARE(composer.bodyText(), u"Bonjour à tous,\nMarie Dupont\nCollège Jules Verne\n\n-- \nM. D."_s);
    composer.setSignature(QString());
    QCOMPARE(composer.bodyText(), u"Bonjour à tous,\nMarie Dupont\nCollège Jules Verne\n"_s);
    composer.setSignature(u"long"_s);
    QVERIFY(composer.bodyText().endsWith(u"\n-- \nMarie Dupont\nCollège Jules Verne"_s));

    // A signature the user edited is theirs: another one is added, the edited one stays.
    cursor.movePosition(QTextCursor::End);
    cursor.insertText(u" (CPE)"_s);
    composer.setSignature(u"short"_s);
    const QString body = composer.bodyText();
    QVERIFY2(body.contains(u"-- \nMarie Dupont\nCollège Jules Verne (CPE)"_s), qPrintable(body));
    QVERIFY(body.endsWith(u"-- \nM. D."_s));

    // The same in rich text.
    composer.setRichText(true);
    composer.setSignature(u"long"_s);
    QVERIFY(composer.bodyText().endsWith(u"-- \nMarie Dupont\nCollège Jules Verne"_s));
    QVERIFY(!composer.bodyText().endsWith(u"M. D."_s));
}

void TestComposer::alwaysRequestPreChecksTheReceipt()
{
    QTemporaryDir dir;
    ComposerWindow plain(marie(), QString());
    plain.useProfile(dir.path());
    QVERIFY(!plain.readReceiptBox()->isChecked());
    ReadReceiptPolicy policy;
    policy.alwaysRequest = true;
    QString error;
    QVERIFY2(policy.save(Profile(dir.path()), &error, marie().id), qPrintable(error));
    ComposerWindow asking(marie(), QString());
    asking.useProfile(dir.path());
    QVERIFY(asking.readReceiptBox()->isChecked());
    asking.toField()->setText(u"jean.martin@ac-amiens.fr"_s);
    const auto built = MessageBuilder::build(asking.message(), nullptr);
    QVERIFY(built && built->bytes.contains("Disposition-Notification-To:"));
}

void TestComposer::draftWithAttachmentsRoundTrips()
{
    QTemporaryDir dir;
    DraftStore store(dir.filePath(u"drafts"_s));
    Draft draft;
    draft.id = DraftStore::newId();
    draft.revision = 3;
    draft.toText = u"Jean Martin <jean.martin@ac-amiens.fr>, pas-encore-fin"_s;
    draft.bccText = u"direction@ac-amiens.fr"_s;
    draft.richText = true;
    draft.signatureId = u"short"_s;
    draft.insertedSignature = u"-- \nM. D."_s;
    draft.message = simple();
    draft.message.html = u"<p><b>Réunion</b></p>"_s;
    draft.message.messageId = MessageBuilder::newMessageId(u"mdupont@ac-amiens.fr"_s);
    draft.message.inReplyTo = u"orig@ac-amiens.fr"_s;
    draft.message.references = {u"first@ac-amiens.fr"_s, u"orig@ac-amiens.fr"_s};
    draft.message.priority = OutgoingMessage::Priority::High;
    draft.message.requestReadReceipt = true;
    QByteArray binary(70000, '\0');
    for (qsizetype i = 0; i < binary.size(); ++i)
        binary[i] = static_cast<char>(i * 31);
    draft.message.attachments = {{u"Compte rendu du conseil d'école.pdf"_s, u"application/pdf"_s, binary},
                                 {u"copie.pdf"_s, u"application/pdf"_s, binary},
                                 {u"vide.txt"_s, u"text/plain"_s, QByteArray()}};
    QString error;
    QVERIFY2(store.save(draft, &error), qPrintable(error));

    const auto loaded = store.load(draft.id, &error);
    QVERIFY2(loaded, qPrintable(error));
    QCOMPARE(loaded->toText, draft.toText);
    QCOMPARE(loaded->bccText, draft.bccText);
    QCOMPARE(loaded->revision, 3);
    QVERIFY(loaded->richText);
    QCOMPARE(loaded->insertedSignature, draft.insertedSignature);
    QCOMPARE(loaded->message.subject, draft.message.subject);
    QCOMPARE(loaded->message.html, draft.message.html);
    QCOMPARE(loaded->message.to, draft.message.to);
    QCOMPARE(loaded->message.messageId, draft.message.messageId);
    QCOMPARE(loaded->message.references, draft.message.references);
    QCOMPARE(loaded->message.priority, OutgoingMessage::Priority::High);
    QVERIFY(loaded->message.requestReadReceipt);
    QCOMPARE(loaded->message.attachments.size(), 3);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(loaded->message.attachments.at(i).fileName, draft.message.attachments.at(i).fileName);
        QCOMPARE(loaded->message.attachments.at(i).data, draft.message.attachments.at(i).data);
    }
    // Private files; the same attachment twice is stored once.
    const QString folder = store.directory() + u'/' + draft.id;
    QCOMPARE(QFile::permissions(folder + u"/draft.json"_s) & 0x0077, QFileDevice::Permissions());
    QCOMPARE(QDir(folder).entryList({u"*.part"_s}, QDir::Files).size(), 2);
    // Removing an attachment removes its file; the draft stays whole.
    draft.message.attachments.removeFirst();
    draft.message.attachments.removeFirst();
    QVERIFY(store.save(draft, &error));
    QCOMPARE(QDir(folder).entryList({u"*.part"_s}, QDir::Files).size(), 1);
    QCOMPARE(store.load(draft.id)->message.attachments.size(), 1);

    // The server copy keeps Bcc and needs no recipient; the local copy is gone after remove().
    Draft empty = draft;
    empty.message.to.clear();
    empty.message.to.append({QString(), u"pas-encore-fin"_s});
    empty.message.bcc = {{QString(), u"direction@ac-amiens.fr"_s}};
    const auto copy = MessageBuilder::buildDraft(empty.message, &error);
    QVERIFY2(copy, qPrintable(error));
    QCOMPARE(copy->messageId, draft.message.messageId);
    QVERIFY(copy->bytes.contains("Bcc: direction@ac-amiens.fr"));
    QVERIFY(!copy->bytes.contains("pas-encore-fin"));
    QVERIFY(store.remove(draft.id, &error));
    QVERIFY(!store.load(draft.id));
    QCOMPARE(store.pendingServerDeletions(), QStringList{draft.message.messageId});
    store.serverDeletionDone(draft.message.messageId);
    QVERIFY(store.pendingServerDeletions().isEmpty());
    QVERIFY(!store.load(u"../escape"_s));

    // Shared workstation: signing out leaves no draft behind.
    DraftStore profileDrafts(AccountPaths(dir.path(), u"mdupont@ac-amiens.fr"_s).draftsDirectory());
    QVERIFY(profileDrafts.save(draft, &error));
    QStringList problems;
    QVERIFY(AccountStorage(Profile(dir.path()), u"mdupont@ac-amiens.fr"_s).wipeLocalData(&problems));
    QVERIFY(!QFile::exists(profileDrafts.directory()));
}

void TestComposer::autosaveWritesOnlyChangesAndReopens()
{
    QTemporaryDir dir;
    const QString drafts = dir.filePath(u"drafts"_s);
    auto composer = std::make_unique<ComposerWindow>(marie(), dir.filePath(u"outbox"_s));
    composer->setDraftDirectory(drafts);
    QSignalSpy saved(composer.get(), &ComposerWindow::draftSaved);
    QVERIFY(composer->saveDraft());
    QCOMPARE(saved.size(), 0); // nothing written yet: nothing to save
    QVERIFY(!QFile::exists(drafts));

    composer->toField()->setText(u"Jean Martin <jean.martin@ac-amiens.fr>, sophie"_s);
    composer->bccField()->setText(u"direction@ac-amiens.fr"_s);
    composer->subjectField()->setText(u"Conseil de classe"_s);
    composer->bodyEdit()->setPlainText(u"Bonjour,\nvoici l'ordre du jour."_s);
    QTemporaryDir files;
    const QString path = files.filePath(u"Ordre du jour – 3e B.odt"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(4096, 'o'));
    file.close();
    QVERIFY(composer->addAttachment(path));
    // The timer saves within a few seconds, once.
    QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 10000);
    const QString id = composer->draftId();
    QCOMPARE(DraftStore(drafts).load(id)->revision, 1);
    QVERIFY(composer->saveDraft());
    QCOMPARE(saved.size(), 1);
    composer->bodyEdit()->appendPlainText(u"Merci."_s);
    QVERIFY(composer->saveDraft());
    QCOMPARE(saved.size(), 2);
    QCOMPARE(DraftStore(drafts).load(id)->revision, 2);
    const OutgoingMessage before = composer->message();
    composer.reset(); // crash-like: no question, the draft is on disk

    const auto draft = DraftStore(drafts).load(id);
    QVERIFY(draft);
    ComposerWindow reopened(marie(), dir.filePath(u"outbox"_s));
    reopened.setDraftDirectory(drafts);
    reopened.openDraft(*draft);
    QCOMPARE(reopened.toField()->text(), u"Jean Martin <jean.martin@ac-amiens.fr>, sophie"_s);
    QCOMPARE(reopened.bccField()->text(), u"direction@ac-amiens.fr"_s);
    QCOMPARE(reopened.subjectField()->text(), u"Conseil de classe"_s);
    QCOMPARE(reopened.bodyText(), before.plainText);
    QCOMPARE(reopened.message().attachments.size(), 1);
    QCOMPARE(reopened.message().attachments.first().fileName, u"Ordre du jour – 3e B.odt"_s);
    QCOMPARE(reopened.message().attachments.first().data, QByteArray(4096, 'o'));
    QCOMPARE(reopened.draftId(), id);
    QCOMPARE(reopened.draft().message.messageId, draft->message.messageId);
    // Reopened and unchanged: closing asks nothing and keeps it.
    QVERIFY(reopened.close());
    QVERIFY(DraftStore(drafts).load(id));
}

void TestComposer::closingAsksWhatToDoWithTheDraft()
{
    QTemporaryDir dir;
    const QString drafts = dir.filePath(u"drafts"_s);
    ComposerWindow composer(marie(), dir.filePath(u"outbox"_s));
    composer.setDraftDirectory(drafts);
    composer.show();
    composer.subjectField()->setText(u"Brouillon"_s);

    answerClosePrompt(u"cancelChoice"_s);
    QVERIFY(!composer.close());
    QVERIFY(composer.isVisible());

    QSignalSpy saved(&composer, &ComposerWindow::draftSaved);
    answerClosePrompt(u"saveDraftChoice"_s);
    QVERIFY(composer.close());
    QVERIFY(!saved.isEmpty());
    QVERIFY(saved.last().at(1).toBool());
    QCOMPARE(DraftStore(drafts).load(composer.draftId())->message.subject, u"Brouillon"_s);

    ComposerWindow second(marie(), dir.filePath(u"outbox"_s));
    second.setDraftDirectory(drafts);
    second.openDraft(*DraftStore(drafts).load(composer.draftId()));
    second.show();
    second.bodyEdit()->setPlainText(u"finalement non"_s);
    QSignalSpy removed(&second, &ComposerWindow::draftRemoved);
    answerClosePrompt(u"deleteDraftChoice"_s);
    QVERIFY(second.close());
    QCOMPARE(removed.size(), 1);
    QVERIFY(DraftStore(drafts).drafts().isEmpty());
    QCOMPARE(DraftStore(drafts).pendingServerDeletions().size(), 1);
}

void TestComposer::sendingDeletesTheDraft()
{
    QTemporaryDir dir;
    const QString drafts = dir.filePath(u"drafts"_s);
    ComposerWindow composer(marie(), dir.filePath(u"outbox"_s));
    composer.setDraftDirectory(drafts);
    composer.toField()->setText(u"jean.martin@ac-amiens.fr"_s);
    composer.bodyEdit()->setPlainText(u"À envoyer"_s);
    QVERIFY(composer.saveDraft());
    QCOMPARE(DraftStore(drafts).drafts().size(), 1);
    QSignalSpy removed(&composer, &ComposerWindow::draftRemoved);
    QVERIFY(composer.send()); // no question asked on the way out
    QCOMPARE(removed.size(), 1);
    QVERIFY(DraftStore(drafts).drafts().isEmpty());
    QCOMPARE(Outbox(dir.filePath(u"outbox"_s)).entries().size(), 1);
    // The message sent has its own Message-ID, not the draft's.
    const QString draftId = DraftStore(drafts).pendingServerDeletions().value(0);
    QVERIFY(!draftId.isEmpty());
    QVERIFY(Outbox(dir.filePath(u"outbox"_s)).entries().first().messageId != draftId);
}

void TestComposer::richTextGoesWithPlainAlternative()
{
    ComposerWindow composer(marie(), QString());
    composer.toField()->setText(u"jean.martin@ac-amiens.fr"_s);
    composer.bodyEdit()->setPlainText(u"Bonjour,\n"_s);
    composer.richTextAction()->trigger();
    QVERIFY(composer.isRichText());
    QCOMPARE(composer.bodyText(), u"Bonjour,\n"_s);
    QTextEdit *edit = composer.richBodyEdit();
    QTextCursor cursor = edit->textCursor();
    cursor.movePosition(QTextCursor::End);
    QTextCharFormat bold;
    bold.setFontWeight(QFont::Bold);
    cursor.insertText(u"très important"_s, bold);
    cursor.insertText(u" "_s, QTextCharFormat());
    cursor.insertBlock();
    cursor.createList(QTextListFormat::ListDisc);
    cursor.insertText(u"point un"_s);
    edit->setTextCursor(cursor);
    composer.makeLink(u"https://www.ac-amiens.fr/"_s);
    composer.makeLink(u"javascript:alert(1)"_s); // refused

    const OutgoingMessage message = composer.message();
    QVERIFY(!message.html.isEmpty());
    const auto built = MessageBuilder::build(message, nullptr);
    QVERIFY(built);
    QVERIFY(built->bytes.contains("multipart/alternative"));
    const MessageContent content = MessageContent::parse(built->bytes);
    QVERIFY2(content.html.contains(u"font-weight:700"_s), qPrintable(content.html));
    QVERIFY(content.html.contains(u"<li"_s));
    QVERIFY(content.html.contains(u"href=\"https://www.ac-amiens.fr/\""_s));
    QVERIFY(!content.html.contains(u"javascript"_s));
    QVERIFY(content.text.contains(u"très important"_s));
    QVERIFY(content.text.contains(u"point un"_s));
    QVERIFY(!content.text.contains(u"<"_s));

    // Back to plain text keeps the words.
    composer.setRichText(false);
    QVERIFY(composer.message().html.isEmpty());
    QVERIFY(composer.bodyText().contains(u"très important"_s));
}

void TestComposer::addressesCompleteFromTheCache()
{
    QTemporaryDir dir;
    MailCache cache;
    QString error;
    QVERIFY2(cache.open(dir.filePath(u"mail.sqlite"_s), u"mdupont@ac-amiens.fr"_s, MailCache::Mode::ReadWrite,
                        &error),
             qPrintable(error));
    FolderInfo inbox;
    inbox.pathParts = {u"INBOX"_s};
    inbox.role = FolderInfo::Role::Inbox;
    QVERIFY(cache.folderStore().replaceFolderList({inbox}));
    const qint64 folderId = cache.folderStore().folder(u"INBOX"_s)->id;
    QList<FetchedMessage> messages;
    for (quint32 uid = 1; uid <= 3; ++uid) {
        FetchedMessage message;
        message.uid = uid;
        message.rawHeader = "From: =?UTF-8?B?w4lsb2RpZSBMZWbDqHZyZQ==?= <elodie.lefevre@ac-amiens.fr>\r\n"
                            "To: Marie Dupont <mdupont@ac-amiens.fr>\r\n"
                            "Cc: paul.henry@ac-amiens.fr\r\nSubject: n" +
                            QByteArray::number(uid) + "\r\n\r\n";
        messages.append(message);
    }
    QVERIFY(cache.messageStore().storeHeaders(folderId, messages));
    const QStringList known = cache.addressBook().knownAddresses();
    QCOMPARE(known.size(), 3);
    QVERIFY(known.contains(u"Élodie Lefèvre <elodie.lefevre@ac-amiens.fr>"_s));
    QVERIFY(known.contains(u"paul.henry@ac-amiens.fr"_s));

    ComposerWindow composer(marie(), QString());
    composer.setKnownAddresses(known);
    AddressCompleter *completer = composer.addressCompleter();
    QCOMPARE(completer->widget(), composer.toField());
    composer.toField()->setText(u"Jean <jean.martin@ac-amiens.fr>, lef"_s);
    QCOMPARE(completer->splitPath(composer.toField()->text()), QStringList{u"lef"_s});
    completer->setCompletionPrefix(u"lef"_s);
    QCOMPARE(completer->completionCount(), 1);
    QCOMPARE(completer->pathFromIndex(completer->currentIndex()),
             u"Jean <jean.martin@ac-amiens.fr>, Élodie Lefèvre <elodie.lefevre@ac-amiens.fr>, "_s);
}

void TestComposer::droppedFilesBecomeAttachmentsWithSizeWarning()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"Photos de la sortie.zip"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(300000, 'z'));
    file.close();

    ComposerWindow composer(marie(), QString());
    composer.show();
    QVERIFY(QTest::qWaitForWindowExposed(&composer));
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path)});
    QWidget *target = composer.bodyEdit()->viewport();
    const QPoint at = target->rect().center();
    QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(at), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &drop);
    QVERIFY(drop.isAccepted());
    QCOMPARE(composer.message().attachments.size(), 1);
    QCOMPARE(composer.message().attachments.first().fileName, u"Photos de la sortie.zip"_s);
    QVERIFY(composer.bodyText().isEmpty()); // not pasted as a path
    auto *list = composer.findChild<QListWidget *>(u"attachmentList"_s);
    QCOMPARE(list->count(), 1);
    QVERIFY2(list->item(0)->text().contains(QLocale().formattedDataSize(300000)),
             qPrintable(list->item(0)->text()));

    // Under the default limit (10 MB): no warning; over the server's announced SIZE: a warning.
    QCOMPARE(composer.sizeLimit(), ComposerWindow::kDefaultSizeLimit);
    QVERIFY(composer.sizeWarning()->isHidden());
    composer.setSizeLimit(200000);
    QVERIFY(!composer.sizeWarning()->isHidden());
    QVERIFY(composer.encodedAttachmentSize() > 400000);
    composer.setSizeLimit(0);
    QVERIFY(composer.sizeWarning()->isHidden());
}

void TestComposer::mainWindowOffersReplyAllAndForward()
{
    MainWindow window;
    QAction *replyAll = window.action(u"replyAllAction"_s);
    QAction *forward = window.action(u"forwardAction"_s);
    QVERIFY(replyAll && forward);
    QCOMPARE(replyAll->shortcut(), QKeySequence(u"Ctrl+Shift+R"_s));
    QCOMPARE(forward->shortcut(), QKeySequence(u"Ctrl+L"_s));
    // No account open: nothing to answer with.
    QVERIFY(!replyAll->isEnabled() || !window.openReplyAll(u"INBOX"_s, 1));
    QVERIFY(!window.openForward(u"INBOX"_s, 1));
    QVERIFY(!window.draftSynchronizer());
}

// Reply, reply to all and forward are prepared by the core (issue 17): the composer only fills its
// fields, so the CLI or another front end gets the same response.
void TestComposer::responsesArePreparedWithoutWidgets()
{
    const QByteArray raw =
        "From: Jean Martin <jean.martin@ac-amiens.fr>\r\nTo: mdupont@ac-amiens.fr, "
        "Claire <claire@ac-amiens.fr>\r\nCc: dir@ac-amiens.fr\r\nSubject: Sortie\r\n"
        "Date: Tue, 1 Dec 2026 10:00:00 +0100\r\nMessage-ID: <orig@ac-amiens.fr>\r\n"
        "References: <first@ac-amiens.fr>\r\nMIME-Version: 1.0\r\n"
        "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain; "
        "charset=utf-8\r\n\r\nLigne 1\r\n--b\r\nContent-Type: application/pdf\r\n"
        "Content-Disposition: attachment; filename=\"plan.pdf\"\r\n"
        "Content-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\n--b--\r\n";
    const MessageHeaders headers = MessageContent::parse(raw).headers;
    using Kind = PreparedResponse::Kind;
    const QStringList own{u"mdupont@ac-amiens.fr"_s};

    const PreparedResponse reply = ReplyBuilder::prepare(Kind::Reply, headers, raw, {}, true, own);
    QCOMPARE(reply.subject, u"Re: Sortie"_s);
    QCOMPARE(reply.to.size(), 1);
    QVERIFY(reply.cc.isEmpty());
    QCOMPARE(reply.inReplyTo, u"orig@ac-amiens.fr"_s);
    QCOMPARE(reply.references, (QStringList{u"first@ac-amiens.fr"_s, u"orig@ac-amiens.fr"_s}));
    QVERIFY(reply.body.startsWith(u"\n\n"_s) && reply.body.contains(u"> Ligne 1"_s));
    QVERIFY(reply.attachments.isEmpty());

    const PreparedResponse all = ReplyBuilder::prepare(Kind::ReplyAll, headers, raw, {}, true, own);
    QCOMPARE(all.to.size(), 2); // Jean and Claire, not oneself
    QCOMPARE(all.cc.size(), 1);

    const PreparedResponse forward = ReplyBuilder::prepare(Kind::Forward, headers, raw, {}, true, own);
    QCOMPARE(forward.subject, u"Tr: Sortie"_s);
    QVERIFY(forward.to.isEmpty() && forward.inReplyTo.isEmpty());
    QCOMPARE(forward.references, QStringList{u"orig@ac-amiens.fr"_s});
    QCOMPARE(forward.attachments.size(), 1);
    QCOMPARE(forward.attachments.first().fileName, u"plan.pdf"_s);
    QVERIFY(!forward.attachmentsMissing);

    // Not downloaded yet: the preview is quoted, and the files are said to be missing.
    const PreparedResponse offline =
        ReplyBuilder::prepare(Kind::Forward, headers, std::nullopt, u"Ligne 1"_s, true, own);
    QVERIFY(offline.attachments.isEmpty());
    QVERIFY(offline.attachmentsMissing);
    QVERIFY(offline.body.endsWith(u"Ligne 1"_s));
}

QTEST_MAIN(TestComposer)
#include "tst_composer.moc"
