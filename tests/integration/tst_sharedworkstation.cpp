// Shared-workstation mode against the real servers and keyring: after signing out or quitting,
// no password in the keychain, no cache, no temporary file, no outbox, no account; mail waiting
// in the outbox is sent at sign-out, or deleted only when the user says so.
#include "AccountAssistant.h"
#include "AdvancedSettingsDialog.h"
#include "ConnectionCheckPage.h"
#include "FolderTreeModel.h"
#include "MailServerControl.h"
#include "MainWindow.h"
#include "PasswordPrompt.h"
#include "SessionLauncher.h"
#include "TestEnvironment.h"
#include "UnsentMailPrompt.h"
#include "account/AccountPaths.h"
#include "autoreply/AbsenceStore.h"
#include "compose/MessageBuilder.h"
#include "outbox/Outbox.h"
#include "security/CredentialStore.h"
#include "services/AccountStorage.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QDirIterator>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace Amiens;
using namespace Amiens::Test;

namespace {

QString lookupWithSecretTool(const QString &key)
{
    QProcess process;
    process.start(u"secret-tool"_s,
                  {u"lookup"_s, u"server"_s, CredentialStore::defaultServiceName(), u"user"_s, key});
    process.waitForFinished(10000);
    return QString::fromUtf8(process.readAllStandardOutput());
}

void writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
}

/// What the cache and the attachment viewer will write for the account.
void simulateCacheAndTemporaryFiles(const AccountStorage &storage)
{
    writeFile(storage.paths().cacheDirectory() + u"/cache.sqlite"_s, "SQLite format 3");
    writeFile(storage.paths().cacheDirectory() + u"/bodies/INBOX/1.eml"_s,
              "Subject: Conseil de classe\r\n\r\n");
    const QString temporary = storage.ensureTemporaryDirectory();
    QVERIFY(!temporary.isEmpty());
    writeFile(temporary + u"/bulletin.pdf"_s, "%PDF-1.7");
}

/// A message queued in the account's outbox, as the composer leaves it; its Message-ID.
QString queueMessage(const Profile &profile, const Account &account, const QString &to,
                     const QString &subject)
{
    OutgoingMessage outgoing;
    outgoing.from = {account.realName, account.address};
    outgoing.to = {{QString(), to}};
    outgoing.subject = subject;
    outgoing.plainText = u"Bonjour,\nle compte rendu suit.\n"_s;
    QString error;
    const auto built = MessageBuilder::build(outgoing, &error);
    if (!built ||
        !Outbox(AccountPaths(profile.directory(), account.id).outboxDirectory()).enqueue(*built, &error))
        qFatal("%s", qPrintable(error));
    return built->messageId;
}

/// A loopback port nothing listens on: the SMTP server is unreachable.
quint16 closedPort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost);
    return server.serverPort();
}

QStringList filesUnder(const QString &root)
{
    QStringList files;
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(QDir(root).relativeFilePath(it.next()));
    return files;
}

} // namespace

class TestSharedWorkstation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void assistantAccountLeavesNothingAfterQuit();
    void signingOutErasesAndReopensTheAssistant();
    void sitePolicyForcesTheMode();
    void leftoversOfACrashAreErasedAtStart();
    void unsentMailIsDeletedOnlyWhenTheUserSays();
    void queuedMailIsSentAtSignOut();
    void signingOutErasesEveryAccount();

private:
    [[nodiscard]] Account sharedAccount() const;
    void expectNothingLeft(const Profile &profile, const QString &accountId);

    TestEnvironment m_env;
    QTemporaryDir m_dir;
    QString m_profileDir;
    int m_count = 0;
};

void TestSharedWorkstation::initTestCase()
{
    m_env = TestEnvironment::fromEnvironment();
    AMIENS_REQUIRE_SERVERS(m_env);
    qputenv("XDG_CONFIG_HOME", m_dir.filePath(u"config"_s).toUtf8());
    qputenv("XDG_CONFIG_DIRS", m_dir.filePath(u"etc"_s).toUtf8());
    QApplication::setOrganizationName(u"AmiensMailTests"_s);
}

void TestSharedWorkstation::init()
{
    UnsentMailPrompt::resetForTests();
    m_profileDir = m_dir.filePath(u"profile-%1"_s.arg(++m_count));
    PasswordPrompt::resetForTests();
    CredentialStore().deletePasswordAndWait(m_env.address);
    qunsetenv("AMIENS_MAIL_SITE_CONFIG");
}

void TestSharedWorkstation::cleanup()
{
    CredentialStore().deletePasswordAndWait(m_env.address);
    CredentialStore().deletePasswordAndWait(m_env.functionalAccount().id);
    qunsetenv("AMIENS_MAIL_SITE_CONFIG");
}

Account TestSharedWorkstation::sharedAccount() const
{
    Account account = m_env.account();
    account.sharedWorkstation = true;
    return account;
}

void TestSharedWorkstation::expectNothingLeft(const Profile &profile, const QString &accountId)
{
    const AccountStorage storage(profile, accountId);
    QVERIFY2(!QFileInfo::exists(storage.paths().cacheDirectory()),
             qPrintable(storage.paths().cacheDirectory()));
    QVERIFY2(!QFileInfo::exists(storage.paths().temporaryDirectory()),
             qPrintable(storage.paths().temporaryDirectory()));
    QVERIFY(profile.accounts().isEmpty());
    QCOMPARE(lookupWithSecretTool(accountId), QString());
    QCOMPARE(CredentialStore().readPasswordAndWait(accountId).status, CredentialStore::Status::NotFound);
    // Whatever is left in the profile folder names nobody.
    const QStringList files = filesUnder(profile.directory());
    for (const QString &file : files) {
        QFile content(profile.directory() + u'/' + file);
        QVERIFY(content.open(QIODevice::ReadOnly));
        const QByteArray bytes = content.readAll();
        QVERIFY2(!bytes.contains(m_env.user.toUtf8()), qPrintable(file));
        QVERIFY2(!bytes.contains(m_env.functionalUser.toUtf8()), qPrintable(file));
        QVERIFY2(!bytes.contains(m_env.password.toUtf8()), qPrintable(file));
    }
}

void TestSharedWorkstation::assistantAccountLeavesNothingAfterQuit()
{
    const Profile profile(m_profileDir);
    {
        MainWindow window;
        SessionLauncher launcher(profile, &window);
        launcher.setSitePolicy(SitePolicy());
        window.show();
        launcher.start();
        QTRY_VERIFY(launcher.assistant());
        AccountAssistant &assistant = *launcher.assistant();
        assistant.findChild<QLineEdit *>(u"firstNameEdit"_s)->insert(u"Marie"_s);
        assistant.findChild<QLineEdit *>(u"lastNameEdit"_s)->insert(u"Dupont"_s);
        QTimer::singleShot(0, &assistant, [&] {
            auto *dialog = assistant.findChild<AdvancedSettingsDialog *>();
            QVERIFY(dialog);
            dialog->findChild<QLineEdit *>(u"imapHostEdit"_s)->setText(m_env.host);
            dialog->findChild<QSpinBox *>(u"imapPortSpin"_s)->setValue(m_env.imapsPort);
            dialog->findChild<QLineEdit *>(u"smtpHostEdit"_s)->setText(m_env.host);
            dialog->findChild<QSpinBox *>(u"smtpPortSpin"_s)->setValue(m_env.smtpsPort);
            dialog->findChild<QLineEdit *>(u"caFileEdit"_s)->setText(m_env.caFile);
            dialog->accept();
        });
        assistant.findChild<QPushButton *>(u"advancedButton"_s)->click();
        assistant.next();
        assistant.findChild<QLineEdit *>(u"passwordEdit"_s)->setText(m_env.password);
        assistant.findChild<QCheckBox *>(u"sharedWorkstationCheck"_s)->setChecked(true);
        assistant.next();
        QTRY_VERIFY_WITH_TIMEOUT(assistant.button(QWizard::FinishButton)->isEnabled(), 30000);
        // Shared: the password never even reaches the keychain.
        QCOMPARE(lookupWithSecretTool(m_env.address), QString());
        assistant.button(QWizard::FinishButton)->click();

        QTRY_VERIFY_WITH_TIMEOUT(window.folderModel()->rowCount() >= 6, 20000);
        QCOMPARE(PasswordPrompt::askCount(), 0);
        QVERIFY(profile.account(m_env.address)->sharedWorkstation);
        simulateCacheAndTemporaryFiles(AccountStorage(profile, m_env.address));
        // Some other path (an older version, the CLI) stored the password: it goes too.
        QVERIFY(CredentialStore().writePasswordAndWait(m_env.address, m_env.password).ok());

        launcher.finish(); // what main() does when the application quits
    }
    expectNothingLeft(profile, m_env.address);
}

void TestSharedWorkstation::signingOutErasesAndReopensTheAssistant()
{
    const Profile profile(m_profileDir);
    QVERIFY(profile.saveAccount(sharedAccount(), nullptr));
    MainWindow window;
    SessionLauncher launcher(profile, &window);
    launcher.setSitePolicy(SitePolicy());
    window.show();
    launcher.startSession(sharedAccount(), m_env.password);
    QTRY_VERIFY_WITH_TIMEOUT(window.folderModel()->rowCount() >= 6, 20000);
    simulateCacheAndTemporaryFiles(AccountStorage(profile, m_env.address));

    QSignalSpy signedOut(&launcher, &SessionLauncher::signedOut);
    QVERIFY(window.signOutAction()->isEnabled());
    window.signOutAction()->trigger();
    QCOMPARE(signedOut.count(), 1);
    expectNothingLeft(profile, m_env.address);
    QVERIFY(!launcher.session());
    QCOMPARE(window.folderModel()->rowCount(), 0);
    QVERIFY(!window.signOutAction()->isEnabled());
    // The next person finds the first-run assistant.
    QVERIFY(launcher.assistant());
    QVERIFY(launcher.assistant()->isVisible());
    launcher.finish();
}

void TestSharedWorkstation::sitePolicyForcesTheMode()
{
    const QString site = m_dir.filePath(u"site-%1.conf"_s.arg(m_count));
    writeFile(site, "[policy]\nsharedWorkstation=true\n");
    qputenv("AMIENS_MAIL_SITE_CONFIG", site.toUtf8());

    // An ordinary account, its password in the keychain, set up before the policy came.
    const Profile profile(m_profileDir);
    const Account account = m_env.account();
    QVERIFY(!account.sharedWorkstation);
    QVERIFY(profile.saveAccount(account, nullptr));
    QVERIFY(CredentialStore().writePasswordAndWait(account.id, m_env.password).ok());
    PasswordPrompt::setNextAnswer(m_env.password);
    {
        MainWindow window;
        SessionLauncher launcher(profile, &window); // reads the site file
        window.show();
        launcher.start();
        QVERIFY(launcher.account());
        QVERIFY(launcher.account()->sharedWorkstation);
        // Forced shared mode does not read the keychain: it asks.
        QCOMPARE(PasswordPrompt::askCount(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(window.folderModel()->rowCount() >= 6, 20000);
        simulateCacheAndTemporaryFiles(AccountStorage(profile, account.id));
        launcher.finish();
    }
    expectNothingLeft(profile, account.id);

    // The assistant shows the mode as imposed.
    AccountAssistant assistant{Profile(m_profileDir), SitePolicy::load()};
    auto *shared = assistant.findChild<QCheckBox *>(u"sharedWorkstationCheck"_s);
    QVERIFY(shared->isChecked());
    QVERIFY(!shared->isEnabled());
    QVERIFY(assistant.draftAccount().sharedWorkstation);
}

void TestSharedWorkstation::leftoversOfACrashAreErasedAtStart()
{
    const Profile profile(m_profileDir);
    QVERIFY(profile.saveAccount(sharedAccount(), nullptr));
    simulateCacheAndTemporaryFiles(AccountStorage(profile, m_env.address));
    QVERIFY(CredentialStore().writePasswordAndWait(m_env.address, m_env.password).ok());

    MainWindow window;
    SessionLauncher launcher(profile, &window);
    launcher.setSitePolicy(SitePolicy());
    launcher.start();
    expectNothingLeft(profile, m_env.address);
    QVERIFY(launcher.assistant());
    launcher.finish();
}

void TestSharedWorkstation::unsentMailIsDeletedOnlyWhenTheUserSays()
{
    // The SMTP server cannot be reached; IMAP works.
    Account account = sharedAccount();
    account.smtp.port = closedPort();
    const Profile profile(m_profileDir);
    QVERIFY(profile.saveAccount(account, nullptr));
    MainWindow window;
    SessionLauncher launcher(profile, &window);
    launcher.setSitePolicy(SitePolicy());
    window.show();
    launcher.startSession(account, m_env.password);
    QTRY_VERIFY_WITH_TIMEOUT(window.folderModel()->rowCount() >= 6, 20000);
    simulateCacheAndTemporaryFiles(AccountStorage(profile, account.id));
    const QString subject = u"Conseil de classe de 3e B"_s;
    queueMessage(profile, account, m_env.address2, subject);
    const AccountPaths paths(profile.directory(), account.id);
    writeFile(paths.autoReplyStateFile(),
              R"({"replied":{"jean.martin@ac-amiens.fr":"2025-05-12T08:00:00Z"}})");
    QSignalSpy signedOut(&launcher, &SessionLauncher::signedOut);

    // Cancel: everything stays, the session too.
    UnsentMailPrompt::setNextAnswer(false);
    window.signOutAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(UnsentMailPrompt::askCount(), 1, 30000);
    QCOMPARE(UnsentMailPrompt::lastSubjects(), QStringList{subject});
    QCOMPARE(signedOut.count(), 0);
    QVERIFY(launcher.session());
    QVERIFY(launcher.account());
    QVERIFY(profile.account(account.id));
    QCOMPARE(Outbox(paths.outboxDirectory()).entries().size(), 1);
    QVERIFY(QFileInfo::exists(paths.autoReplyStateFile()));
    QVERIFY(QFileInfo::exists(paths.cacheFile()));

    // Delete: nothing of the account stays.
    UnsentMailPrompt::setNextAnswer(true);
    window.signOutAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(signedOut.count(), 1, 30000);
    QCOMPARE(UnsentMailPrompt::askCount(), 2);
    QVERIFY(!QFileInfo::exists(paths.outboxDirectory()));
    QVERIFY(!QFileInfo::exists(paths.autoReplyStateFile()));
    expectNothingLeft(profile, account.id);
    QVERIFY(!launcher.session());
    QVERIFY(launcher.assistant());
    launcher.finish();
}

void TestSharedWorkstation::queuedMailIsSentAtSignOut()
{
    QVERIFY(MailServerControl(m_env.user2).reset());
    const Profile profile(m_profileDir);
    QVERIFY(profile.saveAccount(sharedAccount(), nullptr));
    MainWindow window;
    SessionLauncher launcher(profile, &window);
    launcher.setSitePolicy(SitePolicy());
    window.show();
    launcher.startSession(sharedAccount(), m_env.password);
    QTRY_VERIFY_WITH_TIMEOUT(window.folderModel()->rowCount() >= 6, 20000);
    const QString messageId =
        queueMessage(profile, sharedAccount(), m_env.address2, u"Sorties scolaires du 12 juin"_s);

    QSignalSpy signedOut(&launcher, &SessionLauncher::signedOut);
    window.signOutAction()->trigger();
    QCOMPARE(signedOut.count(), 0); // sending first
    QTRY_COMPARE_WITH_TIMEOUT(signedOut.count(), 1, 30000);
    QCOMPARE(UnsentMailPrompt::askCount(), 0);
    QCOMPARE(MailServerControl(m_env.user2).deliveredCopies(messageId), 1);
    expectNothingLeft(profile, m_env.address);
    launcher.finish();
}

// Issue 18: a secretary reads her own box and the school's on a shared computer. Signing out
// sends what both outboxes hold, asks about what the school's (its SMTP server unreachable)
// could not send, then erases both accounts: passwords, caches, outboxes, preferences.
void TestSharedWorkstation::signingOutErasesEveryAccount()
{
    QVERIFY(MailServerControl(m_env.user2).reset());
    const Profile profile(m_profileDir);
    Account school = m_env.functionalAccount();
    school.sharedWorkstation = true;
    school.smtp.port = closedPort();
    QVERIFY(profile.saveAccount(sharedAccount(), nullptr));
    QVERIFY(profile.saveAccount(school, nullptr));
    AbsenceStore::ClientSide closed;
    closed.active = true;
    closed.vacation.enabled = true;
    closed.vacation.message = u"Secrétariat fermé.\n"_s;
    QString error;
    QVERIFY(AbsenceStore::saveClientSide(profile, closed, &error, school.id));
    MainWindow window;
    SessionLauncher launcher(profile, &window);
    launcher.setSitePolicy(SitePolicy());
    window.show();
    launcher.startSession(sharedAccount(), m_env.password);
    launcher.startSession(school, m_env.functionalPassword);
    FolderTreeModel *model = window.folderModel();
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount(model->indexForAccount(m_env.account().id)) >= 5 &&
                                 model->rowCount(model->indexForAccount(school.id)) >= 5,
                             30000);
    const QString marieMessage =
        queueMessage(profile, sharedAccount(), m_env.address2, u"Sorties scolaires du 12 juin"_s);
    const QString schoolSubject = u"Inscriptions à la cantine"_s;
    queueMessage(profile, school, m_env.address2, schoolSubject);
    const AccountPaths schoolPaths(profile.directory(), school.id);
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(schoolPaths.cacheFile()), 20000);

    QSignalSpy signedOut(&launcher, &SessionLauncher::signedOut);
    UnsentMailPrompt::setNextAnswer(true);
    window.signOutAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(signedOut.count(), 1, 60000);
    // One question, about the school's message only; Marie's left once.
    QCOMPARE(UnsentMailPrompt::askCount(), 1);
    QCOMPARE(UnsentMailPrompt::lastSubjects(), QStringList{schoolSubject});
    QCOMPARE(MailServerControl(m_env.user2).deliveredCopies(marieMessage), 1);
    // Nothing of either account is left.
    QVERIFY(!QFileInfo::exists(schoolPaths.cacheDirectory()));
    QVERIFY(!QFileInfo::exists(schoolPaths.outboxDirectory()));
    QCOMPARE(CredentialStore().readPasswordAndWait(school.id).status, CredentialStore::Status::NotFound);
    QVERIFY(!AbsenceStore::loadClientSide(profile, school.id).active);
    expectNothingLeft(profile, m_env.address);
    QVERIFY(!launcher.session());
    QVERIFY(launcher.assistant());
    launcher.finish();
}

QTEST_MAIN(TestSharedWorkstation)
#include "tst_sharedworkstation.moc"
