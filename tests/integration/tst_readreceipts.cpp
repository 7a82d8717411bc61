// Read receipts end to end (issue 6 part 5): Jean asks for a receipt through the real Postfix;
// Marie's main window displays the message under each policy; the receipt leaves through the
// outbox and the real SMTP server, and is counted in Jean's mailbox with doveadm. $MDNSent is read
// back from the server.
#include "MailServerControl.h"
#include "MainWindow.h"
#include "MessageListModel.h"
#include "MessageView.h"
#include "NotificationBanner.h"
#include "OutboxDelivery.h"
#include "SyncWait.h"
#include "TestEnvironment.h"
#include "account/AccountPaths.h"
#include "account/Profile.h"
#include "cache/MailCache.h"
#include "compose/MessageBuilder.h"
#include "mdn/ReadReceiptBuilder.h"
#include "mdn/ReadReceiptReport.h"
#include "net/TlsTrust.h"
#include "outbox/Outbox.h"
#include "outbox/OutboxSender.h"
#include "session/AccountSession.h"
#include "settings/ReadReceiptPolicy.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Qt::StringLiterals;
using namespace Amiens;
using namespace Amiens::Test;

namespace {

int copies(const QString &user, const QString &messageId)
{
    return MailServerControl(user).count(u"INBOX"_s, MailServerControl::withMessageId(messageId));
}

int deliveredCopies(const QString &user, const QString &messageId, int expected)
{
    return MailServerControl(user).deliveredCopies(messageId, expected);
}

QByteArray delivered(const QString &user, const QString &messageId)
{
    return MailServerControl(user).fetch(u"text"_s, u"INBOX"_s, MailServerControl::withMessageId(messageId));
}

} // namespace

class TestReadReceipts : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void alwaysSendsOnceAndSetsMdnSent();
    void neverSendsNothing();
    void askSendsOnlyAfterTheClick();

private:
    [[nodiscard]] Account jean() const;
    /// Jean sends Marie a message asking for a receipt, through the real SMTP server; returns
    /// its Message-ID once it is in Marie's inbox.
    QString jeanAsksForAReceipt(const QString &subject);
    /// Marie's window on a fresh sync, with her outbox wired as in the application.
    struct Marie
    {
        std::unique_ptr<AccountSession> session;
        std::unique_ptr<OutboxSender> outbox;
        std::unique_ptr<MainWindow> window;
    };
    void openMarie(Marie &marie, ReadReceiptPolicy::Answer answer);
    /// Selects the message with @p messageId in Marie's inbox.
    static bool display(MainWindow &window, const QString &messageId);

    TestEnvironment m_env;
    QTemporaryDir m_dir;
    QString m_profile;
};

void TestReadReceipts::initTestCase()
{
    m_env = TestEnvironment::fromEnvironment();
    AMIENS_REQUIRE_SERVERS(m_env);
    m_profile = m_dir.filePath(u"profile"_s);
    QString error;
    QVERIFY2(Profile(m_profile).saveAccount(m_env.account(), &error), qPrintable(error));
}

void TestReadReceipts::init()
{
    QVERIFY(MailServerControl(m_env.user).reset());
    QVERIFY(MailServerControl(m_env.user2).reset());
    QDir(AccountPaths(m_profile, m_env.account().id).outboxDirectory()).removeRecursively();
    QDir(m_profile + u"/cache"_s).removeRecursively();
}

Account TestReadReceipts::jean() const
{
    Account account = m_env.account();
    account.id = m_env.address2;
    account.address = m_env.address2;
    account.realName = u"Jean Martin"_s;
    account.imap.login = m_env.user2;
    account.smtp.login = m_env.user2;
    return account;
}

QString TestReadReceipts::jeanAsksForAReceipt(const QString &subject)
{
    OutgoingMessage message;
    message.from = {u"Jean Martin"_s, m_env.address2};
    message.to = {{u"Marie Dupont"_s, m_env.address}};
    message.subject = subject;
    message.plainText = u"Merci de confirmer la lecture.\n"_s;
    message.requestReadReceipt = true;
    QString error;
    const auto built = MessageBuilder::build(message, &error);
    if (!built)
        qFatal("%s", qPrintable(error));
    if (!sendThroughOutbox(jean(), m_env.password2, *built, m_dir.filePath(u"jean.sqlite"_s)))
        qWarning("Jean's outbox did not finish");
    QElapsedTimer timer;
    timer.start();
    while (copies(m_env.user, built->messageId) < 1 && timer.elapsed() < 15000)
        QTest::qWait(200);
    return built->messageId;
}

void TestReadReceipts::openMarie(Marie &marie, ReadReceiptPolicy::Answer answer)
{
    ReadReceiptPolicy policy;
    policy.answer = answer;
    QString error;
    QVERIFY(policy.save(Profile(m_profile), &error));
    const Account account = m_env.account();
    const auto trust = TlsTrust::forAccount(account, &error);
    const QString cachePath = AccountPaths(m_profile, account.id).cacheFile();
    marie.session = std::make_unique<AccountSession>(account, *trust);
    marie.session->setCachePath(cachePath);
    marie.session->setPassword(m_env.password);
    QVERIFY(synchronizeAndWait(*marie.session));
    marie.outbox = std::make_unique<OutboxSender>(
        account, *trust, AccountPaths(m_profile, account.id).outboxDirectory(), marie.session.get());
    marie.outbox->setPassword(m_env.password);
    marie.window = std::make_unique<MainWindow>();
    marie.window->setSession(marie.session.get());
    marie.window->setCachePath(cachePath, account.id);
    OutboxSender *outbox = marie.outbox.get();
    connect(marie.window.get(), &MainWindow::outboxQueued, outbox, [outbox] { outbox->processNow(); });
    marie.window->show();
    QVERIFY(marie.window->selectFolder(u"INBOX"_s));
}

bool TestReadReceipts::display(MainWindow &window, const QString &messageId)
{
    MessageListModel *model = window.messageModel();
    window.messageList()->clearSelection();
    window.messageList()->setCurrentIndex({});
    for (int row = 0; row < model->rowCount(); ++row) {
        const auto message = model->messageAt(row);
        if (message && message->headers.messageId == messageId) {
            window.messageList()->setCurrentIndex(model->index(row, 0));
            return true;
        }
    }
    return false;
}

void TestReadReceipts::alwaysSendsOnceAndSetsMdnSent()
{
    const QString original = jeanAsksForAReceipt(u"Conseil de classe de 3e B"_s);
    Marie marie;
    openMarie(marie, ReadReceiptPolicy::Answer::Always);
    QSignalSpy sent(marie.outbox.get(), &OutboxSender::finished);
    QVERIFY(display(*marie.window, original));
    QVERIFY(sent.wait(60000));
    const QString receiptId = ReadReceiptBuilder::messageIdFor(original, m_env.address);
    QCOMPARE(deliveredCopies(m_env.user2, receiptId, 1), 1);

    // What Jean receives is a disposition notification for his message, sent automatically.
    const QByteArray receipt = delivered(m_env.user2, receiptId);
    QVERIFY2(receipt.contains("Auto-Submitted: auto-replied"), receipt.constData());
    const auto report = ReadReceiptReport::parse(receipt);
    QVERIFY(report);
    QCOMPARE(report->originalMessageId, original);
    QVERIFY(report->automatic);
    QCOMPARE(report->finalRecipient, m_env.address);

    // $MDNSent reaches the server with the next sync.
    const quint32 uid = MailServerControl(m_env.user).uids(u"INBOX"_s).value(0);
    QVERIFY(synchronizeAndWait(*marie.session));
    QTRY_VERIFY_WITH_TIMEOUT(MailServerControl(m_env.user).flags(u"INBOX"_s, uid).contains(u"$MDNSent"_s),
                             20000);

    // Displayed again, in this window and in a new one reading the cache: no second receipt.
    QVERIFY(display(*marie.window, original));
    QTest::qWait(500);
    marie.window.reset();
    marie.outbox.reset();
    marie.session.reset();
    Marie again;
    openMarie(again, ReadReceiptPolicy::Answer::Always);
    QVERIFY(display(*again.window, original));
    QTest::qWait(500);
    QVERIFY(Outbox(AccountPaths(m_profile, m_env.account().id).outboxDirectory()).entries().isEmpty());
    QCOMPARE(deliveredCopies(m_env.user2, receiptId, 1), 1);
}

void TestReadReceipts::neverSendsNothing()
{
    const QString original = jeanAsksForAReceipt(u"Sortie scolaire"_s);
    Marie marie;
    openMarie(marie, ReadReceiptPolicy::Answer::Never);
    QVERIFY(display(*marie.window, original));
    QVERIFY(marie.window->messageView()->receiptBar()->isHidden());
    QVERIFY(Outbox(AccountPaths(m_profile, m_env.account().id).outboxDirectory()).entries().isEmpty());
    QCOMPARE(deliveredCopies(m_env.user2, ReadReceiptBuilder::messageIdFor(original, m_env.address), 0), 0);
}

void TestReadReceipts::askSendsOnlyAfterTheClick()
{
    const QString original = jeanAsksForAReceipt(u"Réunion parents-professeurs"_s);
    const QString receiptId = ReadReceiptBuilder::messageIdFor(original, m_env.address);
    Marie marie;
    openMarie(marie, ReadReceiptPolicy::Answer::Ask);
    QVERIFY(display(*marie.window, original));
    NotificationBanner *bar = marie.window->messageView()->receiptBar();
    QVERIFY(bar->isVisible());
    QVERIFY(bar->text().contains(u"amiens:mdn-send"_s));
    QVERIFY(Outbox(AccountPaths(m_profile, m_env.account().id).outboxDirectory()).entries().isEmpty());
    QCOMPARE(deliveredCopies(m_env.user2, receiptId, 0), 0);

    QSignalSpy sent(marie.outbox.get(), &OutboxSender::finished);
    Q_EMIT bar->linkActivated(u"amiens:mdn-send"_s);
    QVERIFY(bar->isHidden());
    QVERIFY(sent.wait(60000));
    QCOMPARE(deliveredCopies(m_env.user2, receiptId, 1), 1);
    const auto report = ReadReceiptReport::parse(delivered(m_env.user2, receiptId));
    QVERIFY(report);
    QVERIFY(!report->automatic);

    // Asked once: shown again, the bar does not come back.
    QVERIFY(display(*marie.window, original));
    QVERIFY(bar->isHidden());
    marie.window.reset();
    marie.outbox.reset();
    marie.session.reset();

    // Jean's window: the receipt is recognised, and his sent message shows who read it.
    QTemporaryDir jeanProfile;
    QString error;
    const Account account = jean();
    const auto trust = TlsTrust::forAccount(account, &error);
    const QString cachePath = AccountPaths(jeanProfile.path(), account.id).cacheFile();
    AccountSession session(account, *trust);
    session.setCachePath(cachePath);
    session.setPassword(m_env.password2);
    QVERIFY(synchronizeAndWait(session));
    MainWindow window;
    window.setSession(&session);
    window.setCachePath(cachePath, account.id);
    QVERIFY(window.selectFolder(u"INBOX"_s));
    QVERIFY(display(window, receiptId));
    const QString status = window.messageView()->receiptStatus();
    QVERIFY2(status.contains(u"Réunion parents-professeurs"_s) && status.contains(m_env.address),
             qPrintable(status));
    QVERIFY(window.selectFolder(u"Sent"_s));
    QVERIFY(display(window, original));
    QVERIFY2(window.messageView()->receiptStatus().contains(m_env.address),
             qPrintable(window.messageView()->receiptStatus()));
}

QTEST_MAIN(TestReadReceipts)
#include "tst_readreceipts.moc"
