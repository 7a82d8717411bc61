// The composer against the real servers: drafts kept as exactly one copy in Dovecot's Drafts
// folder and removed on sending, and replies to all and forwards (rich text, French file names)
// sent through Postfix and read back as delivered, threading headers included.
#include "ComposerWindow.h"
#include "MailServerControl.h"
#include "MainWindow.h"
#include "TestEnvironment.h"
#include "account/AccountPaths.h"
#include "account/Profile.h"
#include "cache/MailCache.h"
#include "compose/MessageBuilder.h"
#include "drafts/DraftStore.h"
#include "drafts/DraftSynchronizer.h"
#include "mime/HeaderDecoder.h"
#include "mime/MessageContent.h"
#include "net/TlsTrust.h"
#include "outbox/Outbox.h"
#include "outbox/OutboxSender.h"
#include "session/AccountSession.h"
#include "smtp/SmtpSizeLimit.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextCursor>
#include <QTextEdit>

using namespace Qt::StringLiterals;
using namespace Amiens;
using namespace Amiens::Test;

namespace {

int copies(const QString &user, const QString &folder, const QString &messageId)
{
    return MailServerControl(user).count(folder, MailServerControl::withMessageId(messageId));
}

QByteArray fetch(const QString &user, const QString &folder, const QString &field, const QString &messageId)
{
    return MailServerControl(user).fetch(field, folder, MailServerControl::withMessageId(messageId));
}

int delivered(const QString &user, const QString &messageId)
{
    return MailServerControl(user).deliveredCopies(messageId);
}

MessageHeaders headersOf(const QByteArray &message)
{
    QByteArray normal = message;
    normal.replace("\r\n", "\n");
    return HeaderDecoder::decode(normal.left(normal.indexOf("\n\n") + 1));
}

} // namespace

class TestDrafts : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void draftsFolderHoldsOneCopyUntilSent();
    void replyAllInRichTextWithFrenchAttachment();
    void forwardCarriesTheOriginalsAttachments();
    void mainWindowForwardsAndMarksTheOriginal();

private:
    [[nodiscard]] std::unique_ptr<ComposerWindow> composer() const;
    /// Runs the outbox once; returns the Message-ID it sent (the only entry).
    QString sendOutbox();
    /// The original message, from Jean to Marie (and Jean again, and Marie's alias), in INBOX.
    QByteArray storeOriginal(CachedMessage *message);

    TestEnvironment m_env;
    QTemporaryDir m_dir;
    QString m_profile;
    QString m_outboxDir;
    QString m_draftsDir;
    std::optional<TlsTrust> m_trust;
    std::unique_ptr<AccountSession> m_session;
};

void TestDrafts::initTestCase()
{
    m_env = TestEnvironment::fromEnvironment();
    AMIENS_REQUIRE_SERVERS(m_env);
    m_profile = m_dir.filePath(u"profile"_s);
    QString error;
    QVERIFY2(Profile(m_profile).saveAccount(m_env.account(), &error), qPrintable(error));
    m_outboxDir = AccountPaths(m_profile, m_env.account().id).outboxDirectory();
    m_draftsDir = AccountPaths(m_profile, m_env.account().id).draftsDirectory();
    m_trust = TlsTrust::forAccount(m_env.account(), &error);
    QVERIFY2(m_trust, qPrintable(error));
}

void TestDrafts::init()
{
    QVERIFY(MailServerControl(m_env.user).reset());
    QVERIFY(MailServerControl(m_env.user2).reset());
    QDir(m_outboxDir).removeRecursively();
    QDir(m_draftsDir).removeRecursively();
    // A fresh session and cache each time: the reset gave the folders new UIDVALIDITYs.
    m_session.reset();
    QDir(QFileInfo(AccountPaths(m_profile, m_env.account().id).cacheFile()).path()).removeRecursively();
    m_session = std::make_unique<AccountSession>(m_env.account(), *m_trust);
    m_session->setCachePath(AccountPaths(m_profile, m_env.account().id).cacheFile());
    m_session->setPassword(m_env.password);
}

std::unique_ptr<ComposerWindow> TestDrafts::composer() const
{
    auto window = std::make_unique<ComposerWindow>(m_env.account(), m_outboxDir);
    window->setDraftDirectory(m_draftsDir);
    return window;
}

QString TestDrafts::sendOutbox()
{
    const QList<OutboxEntry> entries = Outbox(m_outboxDir).entries();
    if (entries.size() != 1)
        return {};
    OutboxSender sender(m_env.account(), *m_trust, m_outboxDir, m_session.get());
    sender.setPassword(m_env.password);
    QSignalSpy finished(&sender, &OutboxSender::finished);
    sender.processNow(true);
    if (!finished.wait(60000) || !Outbox(m_outboxDir).entries().isEmpty())
        return {};
    return entries.first().messageId;
}

QByteArray TestDrafts::storeOriginal(CachedMessage *message)
{
    OutgoingMessage original;
    original.from = {u"Jean Martin"_s, u"jean.martin@ac-amiens.fr"_s};
    original.to = {{u"Marie Dupont"_s, m_env.address}, {QString(), u"JEAN.MARTIN@ac-amiens.fr"_s}};
    original.cc = {{u"Marie (alias)"_s, u"marie.dupont@ac-amiens.fr"_s}};
    original.subject = u"Équipe éducative : compte rendu"_s;
    original.plainText = u"Voici le compte rendu.\nJean\n"_s;
    original.references = {u"debut-1@ac-amiens.fr"_s};
    QByteArray scan(40000, '\0');
    for (qsizetype i = 0; i < scan.size(); ++i)
        scan[i] = static_cast<char>(i * 17);
    original.attachments = {{u"Relevé de décisions – 3e B.pdf"_s, u"application/pdf"_s, scan}};
    const auto built = MessageBuilder::build(original, nullptr);
    if (!built || MailServerControl(m_env.user).save(u"INBOX"_s, built->bytes) == 0)
        return {};
    message->headers = headersOf(built->bytes);
    message->hasAttachments = true;
    return built->bytes;
}

void TestDrafts::draftsFolderHoldsOneCopyUntilSent()
{
    auto window = composer();
    DraftSynchronizer sync(m_draftsDir, m_session.get());
    connect(window.get(), &ComposerWindow::draftSaved, &sync, [&sync](const QString &id) {
        sync.scheduleUpload(id);
        sync.syncAll(false);
    });
    connect(window.get(), &ComposerWindow::draftRemoved, &sync, [&sync] { sync.syncAll(false); });
    QSignalSpy idle(&sync, &DraftSynchronizer::idle);
    QSignalSpy failed(&sync, &DraftSynchronizer::failed);

    window->toField()->setText(u"Jean Martin <jean.martin@ac-amiens.fr>"_s);
    window->bccField()->setText(u"marie.dupont@ac-amiens.fr"_s);
    window->subjectField()->setText(u"Sortie pédagogique"_s);
    window->bodyEdit()->setPlainText(u"Première version."_s);
    QVERIFY(window->saveDraft());
    QVERIFY(idle.wait(30000));
    QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
    const QString messageId = window->draft().message.messageId;
    QCOMPARE(copies(m_env.user, u"Drafts"_s, messageId), 1);
    const QList<quint32> first = MailServerControl(m_env.user).uids(u"Drafts"_s);
    QCOMPARE(first.size(), 1);
    QVERIFY(MailServerControl(m_env.user).flags(u"Drafts"_s, first.first()).contains(u"\\Draft"_s));
    QVERIFY(fetch(m_env.user, u"Drafts"_s, u"text"_s, messageId).contains("Premi=C3=A8re version."));
    QVERIFY(fetch(m_env.user, u"Drafts"_s, u"hdr"_s, messageId).contains("Bcc: marie.dupont@ac-amiens.fr"));

    // A second save replaces the copy: still one, the new text.
    idle.clear();
    window->bodyEdit()->setPlainText(u"Deuxième version."_s);
    QVERIFY(window->saveDraft());
    QVERIFY(idle.wait(30000));
    QCOMPARE(copies(m_env.user, u"Drafts"_s, messageId), 1);
    QVERIFY(fetch(m_env.user, u"Drafts"_s, u"text"_s, messageId).contains("Deuxi=C3=A8me version."));
    QCOMPARE(MailServerControl(m_env.user).uids(u"Drafts"_s).size(), 1);
    QVERIFY(MailServerControl(m_env.user).uids(u"Drafts"_s).first() > first.first());

    // Saving without a change uploads nothing more.
    idle.clear();
    sync.syncAll();
    QCOMPARE(idle.size(), 1); // nothing to upload: answered at once
    QCOMPARE(MailServerControl(m_env.user).uids(u"Drafts"_s).size(), 1);

    // Sending removes it here and there.
    idle.clear();
    QVERIFY(window->send());
    QVERIFY(idle.wait(30000));
    QCOMPARE(copies(m_env.user, u"Drafts"_s, messageId), 0);
    QVERIFY(DraftStore(m_draftsDir).drafts().isEmpty());
    QVERIFY(DraftStore(m_draftsDir).pendingServerDeletions().isEmpty());
    const QString sent = sendOutbox();
    QVERIFY(!sent.isEmpty());
    QCOMPARE(delivered(m_env.user2, sent), 1);
    // Bcc went to its recipient and nowhere in the delivered headers.
    QCOMPARE(delivered(m_env.user, sent), 1);
    QVERIFY(!fetch(m_env.user2, u"INBOX"_s, u"hdr"_s, sent).contains("Bcc"));
}

void TestDrafts::replyAllInRichTextWithFrenchAttachment()
{
    CachedMessage original;
    const QByteArray raw = storeOriginal(&original);
    QVERIFY(!raw.isEmpty());

    auto window = composer();
    window->setReplyAllTo(original, raw);
    QCOMPARE(window->toField()->text(), u"Jean Martin <jean.martin@ac-amiens.fr>"_s);
    QVERIFY(window->ccField()->text().endsWith(u"<marie.dupont@ac-amiens.fr>"_s));
    QVERIFY(!window->toField()->text().contains(m_env.address, Qt::CaseInsensitive));
    window->setRichText(true);
    QTextCursor cursor(window->richBodyEdit()->document());
    QTextCharFormat bold;
    bold.setFontWeight(QFont::Bold);
    cursor.insertText(u"D'accord"_s, bold);
    cursor.insertText(u" pour jeudi."_s, QTextCharFormat());
    QTemporaryDir files;
    const QString name = u"Réponse de l'équipe – année 2026-2027.odt"_s;
    QFile file(files.filePath(name));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(2048, 'r'));
    file.close();
    QVERIFY(window->addAttachment(files.filePath(name)));
    QVERIFY(window->send());

    const QString sent = sendOutbox();
    QVERIFY(!sent.isEmpty());
    QCOMPARE(delivered(m_env.user2, sent), 1); // Jean once, though he was named twice
    QCOMPARE(delivered(m_env.user, sent), 1);  // the alias in Cc
    QByteArray message = fetch(m_env.user2, u"INBOX"_s, u"text"_s, sent);
    const MessageHeaders headers = headersOf(message);
    QCOMPARE(headers.subject, u"Re: Équipe éducative : compte rendu"_s);
    QCOMPARE(headers.inReplyTo, original.headers.messageId);
    QCOMPARE(headers.references, (QStringList{u"debut-1@ac-amiens.fr"_s, original.headers.messageId}));
    QVERIFY(headers.to.size() == 1 && headers.cc.size() == 1);
    QVERIFY(message.contains("multipart/alternative"));
    const MessageContent content = MessageContent::parse(message);
    QVERIFY2(content.html.contains(u"font-weight:700"_s), qPrintable(content.html));
    QVERIFY(content.text.contains(u"D'accord pour jeudi."_s));
    QVERIFY(content.text.contains(u"> Voici le compte rendu."_s));
    QCOMPARE(content.attachments.size(), 1);
    QCOMPARE(content.attachments.first().name, name);
    QCOMPARE(MessageContent::attachmentData(message, 0), QByteArray(2048, 'r'));
    // The server's SIZE was read from its EHLO and kept for the next composer's warning.
    QVERIFY(SmtpSizeLimit::load(m_outboxDir) > 0);
    QCOMPARE(composer()->sizeLimit(), SmtpSizeLimit::load(m_outboxDir));
}

void TestDrafts::forwardCarriesTheOriginalsAttachments()
{
    CachedMessage original;
    const QByteArray raw = storeOriginal(&original);
    QVERIFY(!raw.isEmpty());
    auto window = composer();
    window->setForwardOf(original, raw);
    window->toField()->setText(u"jean.martin@ac-amiens.fr"_s);
    QVERIFY(window->send());
    const QString sent = sendOutbox();
    QVERIFY(!sent.isEmpty());
    QCOMPARE(delivered(m_env.user2, sent), 1);
    const QByteArray message = fetch(m_env.user2, u"INBOX"_s, u"text"_s, sent);
    const MessageHeaders headers = headersOf(message);
    QCOMPARE(headers.subject, u"Tr: Équipe éducative : compte rendu"_s);
    QVERIFY(headers.inReplyTo.isEmpty());
    QCOMPARE(headers.references, QStringList{original.headers.messageId});
    const MessageContent content = MessageContent::parse(message);
    QVERIFY(content.text.contains(u"Voici le compte rendu."_s));
    QVERIFY(content.text.contains(u"jean.martin@ac-amiens.fr"_s));
    QCOMPARE(content.attachments.size(), 1);
    QCOMPARE(content.attachments.first().name, u"Relevé de décisions – 3e B.pdf"_s);
    QCOMPARE(MessageContent::attachmentData(message, 0), MessageContent::attachmentData(raw, 0));
}

void TestDrafts::mainWindowForwardsAndMarksTheOriginal()
{
    CachedMessage original;
    QVERIFY(!storeOriginal(&original).isEmpty());
    const quint32 uid = MailServerControl(m_env.user).uids(u"INBOX"_s).last();
    const auto sync = [this] {
        QSignalSpy done(m_session.get(), &AccountSession::syncFinished);
        m_session->synchronize(SyncOptions{SyncOptions::Bodies::All});
        return done.wait(30000);
    };
    QVERIFY(sync());
    MainWindow window;
    window.setSession(m_session.get());
    window.setCachePath(AccountPaths(m_profile, m_env.account().id).cacheFile(), m_env.account().id);
    QVERIFY(window.selectFolder(u"INBOX"_s));

    ComposerWindow *forward = window.openForward(u"INBOX"_s, uid);
    QVERIFY(forward);
    QCOMPARE(forward->subjectField()->text(), u"Tr: Équipe éducative : compte rendu"_s);
    QCOMPARE(forward->message().attachments.size(), 1); // from the cached body
    forward->toField()->setText(u"jean.martin@ac-amiens.fr"_s);
    QVERIFY(forward->send());
    QCOMPARE(Outbox(m_outboxDir).entries().size(), 1);
    // Marked in the cache at once and on the server by the next sync.
    QTRY_VERIFY_WITH_TIMEOUT(!m_session->isBusy(), 10000);
    QVERIFY(sync());
    QVERIFY(MailServerControl(m_env.user).flags(u"INBOX"_s, uid).contains(u"$Forwarded"_s));

    ComposerWindow *replyAll = window.openReplyAll(u"INBOX"_s, uid);
    QVERIFY(replyAll);
    QCOMPARE(replyAll->toField()->text(), u"Jean Martin <jean.martin@ac-amiens.fr>"_s);
    replyAll->close();
}

QTEST_MAIN(TestDrafts)
#include "tst_drafts.moc"
