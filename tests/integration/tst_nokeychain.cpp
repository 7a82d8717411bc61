// No keychain on the computer (no Secret Service on the session bus): the user is told and
// chooses; the password is never written anywhere.
#include "AccountAssistant.h"
#include "AdvancedSettingsDialog.h"
#include "FolderTreeModel.h"
#include "MainWindow.h"
#include "NotificationBanner.h"
#include "PasswordPrompt.h"
#include "SessionLauncher.h"
#include "TestEnvironment.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDirIterator>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace Amiens;
using namespace Amiens::Test;

class TestNoKeychain : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void askAtEachStart();
    void sessionOnly();

private:
    void walkToCheck(AccountAssistant &assistant);
    void expectNoPasswordOnDisk(const QString &root);

    TestEnvironment m_env;
    QTemporaryDir m_dir;
};

void TestNoKeychain::initTestCase()
{
    m_env = TestEnvironment::fromEnvironment();
    AMIENS_REQUIRE_SERVERS(m_env);
    // Before anything in this process talks to D-Bus.
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/amiens-test-bus");
    qputenv("XDG_CONFIG_HOME", m_dir.filePath(u"config"_s).toUtf8());
    qputenv("XDG_CONFIG_DIRS", m_dir.filePath(u"etc"_s).toUtf8());
    QApplication::setOrganizationName(u"AmiensMailTests"_s);
}

void TestNoKeychain::walkToCheck(AccountAssistant &assistant)
{
    assistant.findChild<QLineEdit *>(u"identifierEdit"_s)->insert(m_env.user);
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
    assistant.next();
    QCOMPARE(assistant.currentId(), int(AccountAssistant::CheckPageId));
    // The keychain fails, the user is told plainly and must choose before finishing.
    auto *choice = assistant.findChild<QGroupBox *>(u"keychainChoice"_s);
    QTRY_VERIFY_WITH_TIMEOUT(choice->isVisibleTo(&assistant), 30000);
    QVERIFY(assistant.findChild<QLabel *>(u"imapStatus"_s)->text().startsWith(u"✔"_s));
    QVERIFY(!assistant.findChild<QLabel *>(u"credentialsStatus"_s)->text().isEmpty());
    QVERIFY(!assistant.findChild<QRadioButton *>(u"sessionOnlyRadio"_s)->isChecked());
    QVERIFY(!assistant.findChild<QRadioButton *>(u"askAtStartRadio"_s)->isChecked());
    QVERIFY(!assistant.button(QWizard::FinishButton)->isEnabled());
}

void TestNoKeychain::expectNoPasswordOnDisk(const QString &root)
{
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY2(!file.readAll().contains(m_env.password.toUtf8()), qPrintable(file.fileName()));
    }
}

void TestNoKeychain::askAtEachStart()
{
    const Profile profile(m_dir.filePath(u"ask"_s));
    {
        MainWindow window;
        SessionLauncher launcher(profile, &window);
        launcher.setSitePolicy(SitePolicy());
        launcher.start();
        QVERIFY(launcher.assistant());
        AccountAssistant &assistant = *launcher.assistant();
        walkToCheck(assistant);
        assistant.findChild<QRadioButton *>(u"askAtStartRadio"_s)->click();
        QVERIFY(assistant.button(QWizard::FinishButton)->isEnabled());
        assistant.button(QWizard::FinishButton)->click();
        // The session starts with the password just typed, without asking again.
        QTRY_VERIFY_WITH_TIMEOUT(window.folderModel()->rowCount() >= 6, 20000);
        QCOMPARE(PasswordPrompt::askCount(), 0);
        launcher.finish();
    }
    QCOMPARE(profile.account(m_env.address)->credentialMode, CredentialMode::AskAtStart);

    // Next start: asked once, then connected.
    PasswordPrompt::resetForTests();
    PasswordPrompt::setNextAnswer(m_env.password);
    MainWindow window;
    SessionLauncher launcher(profile, &window);
    launcher.setSitePolicy(SitePolicy());
    launcher.start();
    QCOMPARE(PasswordPrompt::askCount(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(window.folderModel()->rowCount() >= 6, 20000);
    launcher.finish();
    expectNoPasswordOnDisk(m_dir.path());
}

void TestNoKeychain::sessionOnly()
{
    PasswordPrompt::resetForTests();
    const Profile profile(m_dir.filePath(u"session"_s));
    AccountAssistant assistant{profile, SitePolicy()};
    assistant.show();
    walkToCheck(assistant);
    assistant.findChild<QRadioButton *>(u"sessionOnlyRadio"_s)->click();
    assistant.button(QWizard::FinishButton)->click();
    // Keychain mode is kept: the keychain is tried again at the next start.
    QCOMPARE(profile.account(m_env.address)->credentialMode, CredentialMode::Keychain);

    // Still no keychain: the user is told and asked, the password kept for this session.
    PasswordPrompt::setNextAnswer(std::nullopt);
    MainWindow window;
    SessionLauncher launcher(profile, &window);
    launcher.setSitePolicy(SitePolicy());
    launcher.start();
    QTRY_COMPARE_WITH_TIMEOUT(PasswordPrompt::askCount(), 1, 10000);
    QTRY_VERIFY(window.banner()->isVisibleTo(&window));
    QCOMPARE(window.folderModel()->rowCount(), 0);
    launcher.finish();
    expectNoPasswordOnDisk(m_dir.path());
}

QTEST_MAIN(TestNoKeychain)
#include "tst_nokeychain.moc"
