// The first-run assistant walked on Qt's offscreen platform against the real Dovecot, Postfix and
// keyring: good password, wrong password, unverified certificate, and no secret left behind.
#include "AccountAssistant.h"
#include "AdvancedSettingsDialog.h"
#include "CertificateView.h"
#include "ConnectionCheckPage.h"
#include "FolderTreeModel.h"
#include "MainWindow.h"
#include "SessionLauncher.h"
#include "TestEnvironment.h"
#include "UrlOpener.h"
#include "account/Profile.h"
#include "net/TlsTrust.h"
#include "security/CredentialStore.h"
#include "util/Translations.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDirIterator>
#include <QLabel>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QMutex>
#include <QProcess>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace Amiens;
using namespace Amiens::Test;

namespace {

QMutex g_logMutex;
QStringList g_log;
QtMessageHandler g_previousHandler = nullptr;

void captureMessages(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker lock(&g_logMutex);
        g_log.append(qFormatLogMessage(type, context, message));
    }
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

QString lookupWithSecretTool(const QString &key)
{
    QProcess process;
    process.start(u"secret-tool"_s,
                  {u"lookup"_s, u"server"_s, CredentialStore::defaultServiceName(), u"user"_s, key});
    process.waitForFinished(10000);
    return QString::fromUtf8(process.readAllStandardOutput());
}

// As typed by the user (textEdited is emitted); QTest::keyClicks only knows Latin-1 keys.
void typeInto(QLineEdit *edit, const QString &text)
{
    edit->end(false);
    edit->insert(text);
}

template <typename T>
T *child(QObject *parent, const QString &name)
{
    T *found = parent->findChild<T *>(name);
    if (!found)
        qWarning("no child %s", qPrintable(name));
    return found;
}

} // namespace

class TestAccountAssistant : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void identifierIsProposedAndEditable();
    void goodPasswordCreatesTheAccountAndStoresThePassword();
    void wrongPasswordExplainsWhatToDo();
    void untrustedCertificateIsRefusedByDefault();
    void noSecretInTheProfileOrTheLogs();
    void functionalMailboxIsAddedBesideThePersonalOne();

private:
    /// Fills the identity page for Marie Dupont and points the servers at the loopback ones.
    void fillIdentity(AccountAssistant &assistant, const QString &caFile);
    void pointAtLoopbackServers(AccountAssistant &assistant, const QString &caFile, const QString &login);
    void goToCheck(AccountAssistant &assistant, const QString &password);
    static void waitForCheck(AccountAssistant &assistant);

    TestEnvironment m_env;
    QTemporaryDir m_dir;
    QString m_profileDir;
    QList<QUrl> m_openedUrls;
    int m_profileCount = 0;
};

void TestAccountAssistant::initTestCase()
{
    m_env = TestEnvironment::fromEnvironment();
    AMIENS_REQUIRE_SERVERS(m_env);
    // Window layouts and anything else QSettings writes stay in the test's folder.
    qputenv("XDG_CONFIG_HOME", m_dir.filePath(u"config"_s).toUtf8());
    qputenv("XDG_CONFIG_DIRS", m_dir.filePath(u"etc"_s).toUtf8());
    QApplication::setOrganizationName(u"AmiensMailTests"_s);
    QCOMPARE(Translations::install(*QCoreApplication::instance(), u"fr"_s), u"fr"_s);
    UrlOpener::setHandlerForTests([this](const QUrl &url) { m_openedUrls.append(url); });
}

void TestAccountAssistant::init()
{
    m_profileDir = m_dir.filePath(u"profile-%1"_s.arg(++m_profileCount));
    m_openedUrls.clear();
    CredentialStore().deletePasswordAndWait(m_env.address);
}

void TestAccountAssistant::cleanup()
{
    CredentialStore().deletePasswordAndWait(m_env.address);
    CredentialStore().deletePasswordAndWait(m_env.functionalAddress);
}

void TestAccountAssistant::fillIdentity(AccountAssistant &assistant, const QString &caFile)
{
    auto *preset = child<QComboBox>(&assistant, u"presetCombo"_s);
    QCOMPARE(preset->currentData().toString(), u"ac-amiens.fr"_s);
    typeInto(child<QLineEdit>(&assistant, u"firstNameEdit"_s), u"Marie"_s);
    typeInto(child<QLineEdit>(&assistant, u"lastNameEdit"_s), u"Dupont"_s);
    QCOMPARE(child<QLineEdit>(&assistant, u"identifierEdit"_s)->text(), m_env.user);
    QCOMPARE(child<QLineEdit>(&assistant, u"addressEdit"_s)->text(), m_env.address);

    pointAtLoopbackServers(assistant, caFile, m_env.user);
}

void TestAccountAssistant::pointAtLoopbackServers(AccountAssistant &assistant, const QString &caFile,
                                                  const QString &login)
{
    // IT's "Paramètres avancés": the preset's servers replaced by the loopback ones.
    bool filled = false;
    QTimer::singleShot(0, &assistant, [&] {
        auto *dialog = assistant.findChild<AdvancedSettingsDialog *>();
        QVERIFY(dialog);
        QCOMPARE(child<QLineEdit>(dialog, u"imapHostEdit"_s)->text(), u"imap.ac-amiens.fr"_s);
        QCOMPARE(child<QLineEdit>(dialog, u"imapLoginEdit"_s)->text(), login);
        child<QLineEdit>(dialog, u"imapHostEdit"_s)->setText(m_env.host);
        child<QSpinBox>(dialog, u"imapPortSpin"_s)->setValue(m_env.imapsPort);
        child<QLineEdit>(dialog, u"smtpHostEdit"_s)->setText(m_env.host);
        child<QSpinBox>(dialog, u"smtpPortSpin"_s)->setValue(m_env.smtpsPort);
        child<QLineEdit>(dialog, u"caFileEdit"_s)->setText(caFile);
        filled = true;
        dialog->accept();
    });
    child<QPushButton>(&assistant, u"advancedButton"_s)->click();
    QVERIFY(filled);
    const Account draft = assistant.draftAccount();
    QCOMPARE(draft.imap.host, m_env.host);
    QCOMPARE(draft.imap.port, m_env.imapsPort);
    QCOMPARE(draft.smtp.port, m_env.smtpsPort);
    QCOMPARE(draft.caFile, caFile);
}

void TestAccountAssistant::goToCheck(AccountAssistant &assistant, const QString &password)
{
    QCOMPARE(assistant.currentId(), int(AccountAssistant::IdentityPageId));
    assistant.next();
    QCOMPARE(assistant.currentId(), int(AccountAssistant::PasswordPageId));
    child<QLineEdit>(&assistant, u"passwordEdit"_s)->setText(password);
    assistant.next();
    QCOMPARE(assistant.currentId(), int(AccountAssistant::CheckPageId));
}

void TestAccountAssistant::waitForCheck(AccountAssistant &assistant)
{
    auto *page = assistant.findChild<ConnectionCheckPage *>();
    // The page says it is settled once the check has ended and, after a success, once the keychain
    // has answered (no event loop ran since the check started, so nothing was missed).
    QSignalSpy settled(page, &QWizardPage::completeChanged);
    QTRY_VERIFY_WITH_TIMEOUT(!page->isChecking(), 30000);
    QTRY_VERIFY_WITH_TIMEOUT(!settled.isEmpty(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(!child<QLabel>(&assistant, u"credentialsStatus"_s)->text().endsWith(u'…'),
                             10000);
}

void TestAccountAssistant::identifierIsProposedAndEditable()
{
    AccountAssistant assistant{Profile(m_profileDir), SitePolicy()};
    assistant.show();
    auto *first = child<QLineEdit>(&assistant, u"firstNameEdit"_s);
    auto *last = child<QLineEdit>(&assistant, u"lastNameEdit"_s);
    auto *identifier = child<QLineEdit>(&assistant, u"identifierEdit"_s);
    auto *address = child<QLineEdit>(&assistant, u"addressEdit"_s);
    typeInto(first, u"Françoise"_s);
    typeInto(last, u"Lefèvre"_s);
    QCOMPARE(identifier->text(), u"flefevre"_s);
    QCOMPARE(address->text(), u"flefevre@ac-amiens.fr"_s);
    QCOMPARE(assistant.draftAccount().imap.login, u"flefevre"_s);
    QCOMPARE(assistant.draftAccount().imap.host, u"imap.ac-amiens.fr"_s);

    // A homonym corrects the proposal; the address follows, the name no longer overrides it.
    identifier->clear();
    typeInto(identifier, u"flefevre2"_s);
    QCOMPARE(address->text(), u"flefevre2@ac-amiens.fr"_s);
    typeInto(first, u"-Marie"_s);
    QCOMPARE(identifier->text(), u"flefevre2"_s);
    QCOMPARE(assistant.draftAccount().smtp.login, u"flefevre2"_s);

    // Or the address directly: the login is its local part.
    identifier->clear();
    typeInto(identifier, u"jmartin@ac-amiens.fr"_s);
    QCOMPARE(address->text(), u"jmartin@ac-amiens.fr"_s);
    QCOMPARE(assistant.draftAccount().imap.login, u"jmartin"_s);

    // The national service logs in with the full prenom.nom address.
    auto *preset = child<QComboBox>(&assistant, u"presetCombo"_s);
    // Emptied by the user: proposals resume.
    identifier->selectAll();
    identifier->del();
    preset->setCurrentIndex(preset->findData(u"education.gouv.fr"_s));
    QCOMPARE(identifier->text(), u"francoise-marie.lefevre"_s);
    QCOMPARE(address->text(), u"francoise-marie.lefevre@ac-amiens.fr"_s);
    QCOMPARE(assistant.draftAccount().imap.host, u"imap.education.gouv.fr"_s);
    QCOMPARE(assistant.draftAccount().imap.login, u"francoise-marie.lefevre@ac-amiens.fr"_s);

    // A custom server cannot go further without its servers.
    preset->setCurrentIndex(preset->findData(QString()));
    assistant.next();
    QCOMPARE(assistant.currentId(), int(AccountAssistant::IdentityPageId));
    QVERIFY(child<QLabel>(&assistant, u"identityError"_s)->isVisibleTo(&assistant));
}

void TestAccountAssistant::goodPasswordCreatesTheAccountAndStoresThePassword()
{
    const Profile profile(m_profileDir);
    AccountAssistant assistant(profile, SitePolicy());
    assistant.show();
    QVERIFY(QTest::qWaitForWindowExposed(&assistant));
    fillIdentity(assistant, m_env.caFile);
    goToCheck(assistant, m_env.password);
    waitForCheck(assistant);

    const QString imapStatus = child<QLabel>(&assistant, u"imapStatus"_s)->text();
    const QString smtpStatus = child<QLabel>(&assistant, u"smtpStatus"_s)->text();
    QVERIFY2(imapStatus.startsWith(u"✔"_s) && imapStatus.contains(u"TLS"_s), qPrintable(imapStatus));
    QVERIFY2(smtpStatus.startsWith(u"✔"_s), qPrintable(smtpStatus));
    QVERIFY(!child<QWidget>(&assistant, u"keychainChoice"_s)->isVisibleTo(&assistant));
    QVERIFY(assistant.button(QWizard::FinishButton)->isEnabled());
    // Stored in the real keyring, as seen by another Secret Service client.
    QCOMPARE(lookupWithSecretTool(m_env.address), m_env.password);

    assistant.button(QWizard::FinishButton)->click();
    QCOMPARE(assistant.result(), int(QDialog::Accepted));
    const auto saved = profile.account(m_env.address);
    QVERIFY(saved);
    QCOMPARE(saved->realName, u"Marie Dupont"_s);
    QCOMPARE(saved->imap.login, m_env.user);
    QCOMPARE(saved->imap.port, m_env.imapsPort);
    QCOMPARE(saved->smtp.port, m_env.smtpsPort);
    QCOMPARE(saved->presetId, u"ac-amiens.fr"_s);
    QCOMPARE(saved->credentialMode, CredentialMode::Keychain);
    QVERIFY(!saved->sharedWorkstation);
    QVERIFY(saved->passwordChangedAt.isValid());
    QVERIFY(qAbs(saved->passwordChangedAt.secsTo(QDateTime::currentDateTimeUtc())) < 120);
    QCOMPARE(assistant.sessionPassword(), m_env.password);
    QCOMPARE(CredentialStore().readPasswordAndWait(m_env.address).secret, m_env.password);
}

void TestAccountAssistant::wrongPasswordExplainsWhatToDo()
{
    const Profile profile(m_profileDir);
    AccountAssistant assistant(profile, SitePolicy());
    assistant.show();
    fillIdentity(assistant, m_env.caFile);
    goToCheck(assistant, u"Mauvais-Mot-De-Passe"_s);
    waitForCheck(assistant);

    auto *message = child<QLabel>(&assistant, u"checkMessage"_s);
    const QString html = message->text();
    // The server's refusal in French, then the next steps with the academy's reset page.
    QVERIFY2(html.contains(u"mot de passe"_s), qPrintable(html));
    QVERIFY2(html.contains(u"href=\"https://bv.ac-amiens.fr/\""_s), qPrintable(html));
    QVERIFY2(html.contains(QCoreApplication::translate("Amiens::HelpTexts", "Forgot your password?")),
             qPrintable(html));
    QVERIFY(child<QLabel>(&assistant, u"imapStatus"_s)->text().startsWith(u"✘"_s));
    QVERIFY(!assistant.button(QWizard::FinishButton)->isEnabled());
    QVERIFY(!assistant.findChild<CertificateView *>()->isVisibleTo(&assistant));

    Q_EMIT message->linkActivated(u"https://bv.ac-amiens.fr/"_s);
    QCOMPARE(m_openedUrls, QList<QUrl>{QUrl(u"https://bv.ac-amiens.fr/"_s)});

    // Nothing was kept: no account, no keychain entry.
    QVERIFY(profile.accounts().isEmpty());
    QCOMPARE(lookupWithSecretTool(m_env.address), QString());

    // Back, the right password, and it works.
    assistant.back();
    child<QLineEdit>(&assistant, u"passwordEdit"_s)->setText(m_env.password);
    assistant.next();
    waitForCheck(assistant);
    QVERIFY(assistant.button(QWizard::FinishButton)->isEnabled());
    assistant.reject();
    // Cancelling removes what the assistant had stored.
    QCOMPARE(lookupWithSecretTool(m_env.address), QString());
    QVERIFY(profile.accounts().isEmpty());
}

void TestAccountAssistant::untrustedCertificateIsRefusedByDefault()
{
    // Without the test CA, the loopback servers' certificates are not trusted.
    const Profile profile(m_profileDir);
    AccountAssistant assistant(profile, SitePolicy());
    assistant.show();
    fillIdentity(assistant, QString());
    goToCheck(assistant, m_env.password);
    waitForCheck(assistant);

    auto *view = assistant.findChild<CertificateView *>();
    QVERIFY(view->isVisibleTo(&assistant));
    const QList<QSslCertificate> leaf = QSslCertificate::fromPath(m_env.sslFile(u"cert.pem"_s));
    QCOMPARE(leaf.size(), 1);
    QCOMPARE(view->failure().host, m_env.host);
    QCOMPARE(view->failure().port, m_env.imapsPort);
    QCOMPARE(child<QLabel>(view, u"certificateFingerprint"_s)->text(),
             QString::fromLatin1(leaf.first().digest(QCryptographicHash::Sha256).toHex(':').toUpper()));
    QCOMPARE(child<QLabel>(view, u"certificateSubject"_s)->text(), leaf.first().subjectDisplayName());
    QCOMPARE(child<QLabel>(view, u"certificateIssuer"_s)->text(), leaf.first().issuerDisplayName());
    QVERIFY(!child<QLabel>(view, u"certificateValidity"_s)->text().isEmpty());
    auto *trust = child<QCheckBox>(view, u"trustCertificate"_s);
    QVERIFY(!trust->isChecked());
    QVERIFY(!assistant.button(QWizard::FinishButton)->isEnabled());
    QVERIFY(assistant.draftAccount().pinnedCertificates.isEmpty());

    // Trying again without ticking the box is still a refusal.
    auto *retry = child<QPushButton>(&assistant, u"retryButton"_s);
    retry->click();
    waitForCheck(assistant);
    QVERIFY(view->isVisibleTo(&assistant));
    QVERIFY(!assistant.button(QWizard::FinishButton)->isEnabled());
    QVERIFY(assistant.draftAccount().pinnedCertificates.isEmpty());

    // Trusting this exact certificate for IMAP; SMTP is another port, so it asks again.
    trust->setChecked(true);
    retry->click();
    waitForCheck(assistant);
    QVERIFY(child<QLabel>(&assistant, u"imapStatus"_s)->text().startsWith(u"✔"_s));
    QVERIFY(view->isVisibleTo(&assistant));
    QCOMPARE(view->failure().port, m_env.smtpsPort);
    QVERIFY(!trust->isChecked());
    trust->setChecked(true);
    retry->click();
    waitForCheck(assistant);
    QVERIFY(assistant.button(QWizard::FinishButton)->isEnabled());

    assistant.button(QWizard::FinishButton)->click();
    const auto saved = profile.account(m_env.address);
    QVERIFY(saved);
    QCOMPARE(saved->pinnedCertificates,
             (QStringList{TlsTrust::pinFor(m_env.host, m_env.imapsPort, leaf.first()),
                          TlsTrust::pinFor(m_env.host, m_env.smtpsPort, leaf.first())}));
}

void TestAccountAssistant::noSecretInTheProfileOrTheLogs()
{
    {
        QMutexLocker lock(&g_logMutex);
        g_log.clear();
    }
    g_previousHandler = qInstallMessageHandler(captureMessages);
    QLoggingCategory::setFilterRules(u"amiens.*.debug=true"_s);

    {
        MainWindow window;
        SessionLauncher launcher(Profile(m_profileDir), &window);
        launcher.setSitePolicy(SitePolicy());
        window.show();
        launcher.start();
        QTRY_VERIFY(launcher.assistant());
        AccountAssistant &assistant = *launcher.assistant();
        fillIdentity(assistant, m_env.caFile);
        goToCheck(assistant, m_env.password);
        waitForCheck(assistant);
        assistant.button(QWizard::FinishButton)->click();

        // The session starts with the typed password and lists the folders.
        QTRY_VERIFY_WITH_TIMEOUT(window.folderModel()->rowCount() >= 6, 20000);
        window.signOutAction()->trigger();
        QCOMPARE(window.folderModel()->rowCount(), 0);
        launcher.finish();
    }

    qInstallMessageHandler(g_previousHandler);
    QLoggingCategory::setFilterRules(QString());
    QStringList log;
    {
        QMutexLocker lock(&g_logMutex);
        log = g_log;
    }
    QVERIFY2(log.join(u'\n').contains(u"logged in to"_s), "the session's log was not captured");
    for (const QString &line : std::as_const(log))
        QVERIFY2(!line.contains(m_env.password), qPrintable(line));

    // Every file the client wrote: the profile, and QSettings' files under XDG_CONFIG_HOME.
    int files = 0;
    for (const QString &root : {m_profileDir, m_dir.filePath(u"config"_s)}) {
        QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray content = file.readAll();
            QVERIFY2(!content.contains(m_env.password.toUtf8()), qPrintable(file.fileName()));
            QVERIFY2(!content.contains(m_env.password.toUtf8().toBase64()), qPrintable(file.fileName()));
            ++files;
        }
    }
    QVERIFY(files > 0);
    // The password is where it belongs.
    QCOMPARE(lookupWithSecretTool(m_env.address), m_env.password);
}

// Issue 18: the head of school adds the school's box next to her own; its identifier is typed,
// never guessed from a name, and the account knows it is a functional mailbox.
void TestAccountAssistant::functionalMailboxIsAddedBesideThePersonalOne()
{
    const Profile profile(m_profileDir);
    QVERIFY(profile.saveAccount(m_env.account(), nullptr));
    AccountAssistant assistant(profile, SitePolicy());
    assistant.show();
    QVERIFY(QTest::qWaitForWindowExposed(&assistant));
    auto *help = child<QLabel>(&assistant, u"functionalMailboxHelp"_s);
    QVERIFY(!help->isVisibleTo(&assistant));
    child<QRadioButton>(&assistant, u"functionalMailboxChoice"_s)->click();
    QVERIFY(help->isVisibleTo(&assistant));
    QVERIFY2(help->text().contains(u"UAI"_s), qPrintable(help->text()));
    QVERIFY(!child<QLineEdit>(&assistant, u"firstNameEdit"_s)->isVisibleTo(&assistant));

    // Nothing typed yet: no identifier proposed, and the assistant says what to type.
    assistant.next();
    QCOMPARE(assistant.currentId(), int(AccountAssistant::IdentityPageId));
    QVERIFY2(child<QLabel>(&assistant, u"identityError"_s)->text().contains(u"ce.0801234x"_s),
             qPrintable(child<QLabel>(&assistant, u"identityError"_s)->text()));

    typeInto(child<QLineEdit>(&assistant, u"mailboxNameEdit"_s), u"Collège Jules Verne"_s);
    QVERIFY(child<QLineEdit>(&assistant, u"identifierEdit"_s)->text().isEmpty());
    typeInto(child<QLineEdit>(&assistant, u"identifierEdit"_s), m_env.functionalUser);
    QCOMPARE(child<QLineEdit>(&assistant, u"addressEdit"_s)->text(), m_env.functionalAddress);
    pointAtLoopbackServers(assistant, m_env.caFile, m_env.functionalUser);
    goToCheck(assistant, m_env.functionalPassword);
    waitForCheck(assistant);
    const QString imapStatus = child<QLabel>(&assistant, u"imapStatus"_s)->text();
    QVERIFY2(imapStatus.startsWith(u"✔"_s), qPrintable(imapStatus));
    assistant.button(QWizard::FinishButton)->click();
    QCOMPARE(assistant.result(), int(QDialog::Accepted));

    const QList<Account> accounts = profile.accounts();
    QCOMPARE(accounts.size(), 2);
    QCOMPARE(accounts.at(0), m_env.account()); // untouched, still first
    const Account &school = accounts.at(1);
    QCOMPARE(school.id, m_env.functionalAddress);
    QCOMPARE(school.kind, MailboxKind::Functional);
    QCOMPARE(school.realName, u"Collège Jules Verne"_s);
    QCOMPARE(school.displayName(), u"Collège Jules Verne"_s);
    QCOMPARE(school.imap.login, m_env.functionalUser);
    QCOMPARE(lookupWithSecretTool(m_env.functionalAddress), m_env.functionalPassword);
}

QTEST_MAIN(TestAccountAssistant)
#include "tst_accountassistant.moc"
