// The Help menu and the password-age reminder from the help data, and the certificate dialog's
// safe default, without any server.
#include "CertificateDialog.h"
#include "MainWindow.h"
#include "NotificationBanner.h"
#include "PasswordPrompt.h"
#include "SessionLauncher.h"
#include "UrlOpener.h"
#include "account/Profile.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

using namespace Qt::StringLiterals;
using namespace Amiens;

class TestHelpMenu : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void forgottenPasswordOpensTheResetPage();
    void accountBlockedAndAssistance();
    void passwordReminderAfterSixMonths();
    void noReminderForARecentPassword();
    void certificateDialogRefusesByDefault();

private:
    void startWithPasswordAge(MainWindow &window, SessionLauncher &launcher, int days);

    QTemporaryDir m_dir;
    QList<QUrl> m_opened;
};

void TestHelpMenu::initTestCase()
{
    qputenv("XDG_CONFIG_HOME", m_dir.filePath(u"config"_s).toUtf8());
    qputenv("XDG_CONFIG_DIRS", m_dir.filePath(u"etc"_s).toUtf8());
    QApplication::setOrganizationName(u"AmiensMailTests"_s);
    UrlOpener::setHandlerForTests([this](const QUrl &url) { m_opened.append(url); });
}

void TestHelpMenu::forgottenPasswordOpensTheResetPage()
{
    MainWindow window;
    // The built-in help data (a Qt resource of the UI).
    QCOMPARE(window.help().sourcePath(), u":/help/help.json"_s);
    auto *action = window.findChild<QAction *>(u"forgotPasswordAction"_s);
    QVERIFY(action && action->isEnabled());
    m_opened.clear();
    action->trigger();
    QCOMPARE(m_opened, QList<QUrl>{QUrl(u"https://bv.ac-amiens.fr/"_s)});
}

void TestHelpMenu::accountBlockedAndAssistance()
{
    MainWindow window;
    window.findChild<QAction *>(u"accountBlockedAction"_s)->trigger();
    auto *blocked = window.findChild<QDialog *>(u"accountBlockedHelp"_s);
    QVERIFY(blocked && blocked->isVisible());
    const QString blockedText = blocked->findChild<QTextBrowser *>()->toHtml();
    QVERIFY(blockedText.contains(u"https://bv.ac-amiens.fr/"_s));
    QVERIFY(blockedText.contains(u"03 22 82 38 23"_s));

    window.findChild<QAction *>(u"supportAction"_s)->trigger();
    auto *support = window.findChild<QDialog *>(u"supportHelp"_s);
    QVERIFY(support && support->isVisible());
    auto *browser = support->findChild<QTextBrowser *>();
    const QString text = browser->toPlainText();
    for (const QString &expected :
         {u"Rectorat de l'académie d'Amiens"_s, u"20 boulevard d'Alsace-Lorraine, 80000 Amiens"_s,
          u"03 22 82 38 23"_s, u"rectorat@ac-amiens.fr"_s, u"DSDEN de la Somme"_s, u"03 22 71 25 00"_s,
          u"DSDEN de l'Oise"_s, u"03 44 06 45 00"_s, u"22 avenue Victor Hugo, 60025 Beauvais Cedex"_s,
          u"DSDEN de l'Aisne"_s, u"03 23 26 22 00"_s, u"Cité administrative, 02018 Laon Cedex"_s})
        QVERIFY2(text.contains(expected), qPrintable(expected));
    m_opened.clear();
    Q_EMIT browser->anchorClicked(QUrl(u"tel:0322823823"_s));
    QCOMPARE(m_opened, QList<QUrl>{QUrl(u"tel:0322823823"_s)});
}

void TestHelpMenu::startWithPasswordAge(MainWindow &window, SessionLauncher &launcher, int days)
{
    const Profile profile(m_dir.filePath(u"profile-%1"_s.arg(days)));
    Account account;
    account.id = account.address = u"mdupont@ac-amiens.fr"_s;
    // Nothing listens there; the user cancels the password prompt anyway.
    account.imap = {u"127.0.0.1"_s, 9, ConnectionSecurity::ImplicitTls, u"mdupont"_s};
    account.smtp = account.imap;
    account.credentialMode = CredentialMode::AskAtStart;
    account.passwordChangedAt = QDateTime::currentDateTimeUtc().addDays(-days);
    QVERIFY(profile.saveAccount(account, nullptr));
    launcher.setSitePolicy(SitePolicy());
    Q_UNUSED(window);
    PasswordPrompt::setNextAnswer(std::nullopt);
    launcher.start();
}

void TestHelpMenu::passwordReminderAfterSixMonths()
{
    MainWindow window;
    SessionLauncher launcher(Profile(m_dir.filePath(u"profile-200"_s)), &window);
    startWithPasswordAge(window, launcher, 200);
    NotificationBanner *reminder = window.reminderBanner();
    QVERIFY(reminder->isVisibleTo(&window));
    QCOMPARE(reminder->level(), NotificationBanner::Level::Information);
    QVERIFY2(reminder->text().contains(u"href=\"https://bv.ac-amiens.fr/\""_s), qPrintable(reminder->text()));
    // The link goes to the browser; the cancelled password prompt left its own message.
    m_opened.clear();
    Q_EMIT reminder->linkActivated(u"https://bv.ac-amiens.fr/"_s);
    QCOMPARE(m_opened, QList<QUrl>{QUrl(u"https://bv.ac-amiens.fr/"_s)});
    QVERIFY(window.banner()->isVisibleTo(&window));
    QCOMPARE(window.banner()->level(), NotificationBanner::Level::Warning);
}

void TestHelpMenu::noReminderForARecentPassword()
{
    MainWindow window;
    SessionLauncher launcher(Profile(m_dir.filePath(u"profile-30"_s)), &window);
    startWithPasswordAge(window, launcher, 30);
    QVERIFY(!window.reminderBanner()->isVisibleTo(&window));
}

void TestHelpMenu::certificateDialogRefusesByDefault()
{
    const QList<QSslCertificate> system = QSslConfiguration::systemCaCertificates();
    QVERIFY(!system.isEmpty());
    TlsFailure failure;
    failure.host = u"imap.ac-amiens.fr"_s;
    failure.port = 993;
    failure.chain = {system.first()};
    failure.errors = {QSslError(QSslError::SelfSignedCertificate, system.first())};

    CertificateDialog dialog(failure);
    auto *buttons = dialog.findChild<QDialogButtonBox *>();
    QPushButton *trust = nullptr;
    QPushButton *refuse = nullptr;
    for (QAbstractButton *button : buttons->buttons()) {
        auto *push = qobject_cast<QPushButton *>(button);
        if (buttons->buttonRole(button) == QDialogButtonBox::AcceptRole)
            trust = push;
        else
            refuse = push;
    }
    QVERIFY(trust && refuse);
    QVERIFY(refuse->isDefault());
    QVERIFY(!trust->isEnabled());
    dialog.findChild<QCheckBox *>(u"trustCertificate"_s)->setChecked(true);
    QVERIFY(trust->isEnabled());
    trust->click();
    QCOMPARE(dialog.pin(), TlsTrust::pinFor(u"imap.ac-amiens.fr"_s, 993, system.first()));

    CertificateDialog::setNextAnswer(false);
    QVERIFY(!CertificateDialog::ask(nullptr, failure));
    CertificateDialog::setNextAnswer(true);
    QCOMPARE(CertificateDialog::ask(nullptr, failure),
             TlsTrust::pinFor(u"imap.ac-amiens.fr"_s, 993, system.first()));
}

QTEST_MAIN(TestHelpMenu)
#include "tst_helpmenu.moc"
