// The settings dialog (issue 7) on Qt's offscreen platform: each page is edited through its
// widgets and the test checks what lands in the profile or on the real Dovecot/Pigeonhole.
#include "MailServerControl.h"
#include "MainWindow.h"
#include "NotificationBanner.h"
#include "ScriptedServer.h"
#include "TestEnvironment.h"
#include "identity/SignatureStore.h"
#include "settings/OfflinePolicy.h"
#include "settings/ReadReceiptPolicy.h"
#include "settings/SettingsDialog.h"
#include "sieve/ManageSieveClient.h"
#include "sieve/SieveRulesStore.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
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

template <typename T>
T *child(QWidget *parent, const QString &name)
{
    T *widget = parent->findChild<T *>(name);
    if (!widget)
        qFatal("no widget %s", qPrintable(name));
    return widget;
}

} // namespace

class TestSettingsDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void accountPageShowsTheServers();
    void signaturesLandInTheProfile();
    void readReceiptsAndOfflineLandInTheProfile();
    void clearCacheAsksFirst();
    void absenceIsSavedOnTheServerAndReadBack();
    void invalidAbsenceIsNotSaved();
    void forwardingIsSavedAndHiddenByPolicy();
    void serverWithoutManageSieveLinksToTheWebmail();
    void outageIsNotAServerWithoutManageSieve();
    void mainWindowOffersSettingsAndAbsenceBanner();

private:
    Account account() const;
    std::unique_ptr<SettingsDialog> loadedDialog(SitePolicy policy = {});

    TestEnvironment m_env;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestSettingsDialog::initTestCase()
{
    m_env = TestEnvironment::fromEnvironment();
    AMIENS_REQUIRE_SERVERS(m_env);
    QVERIFY(m_env.sievePort != 0);
}

void TestSettingsDialog::init()
{
    QVERIFY(MailServerControl(m_env.user).reset());
    m_dir = std::make_unique<QTemporaryDir>();
}

Account TestSettingsDialog::account() const
{
    Account account = m_env.account();
    account.sieve = {m_env.host, m_env.sievePort, ConnectionSecurity::StartTls, m_env.user};
    return account;
}

std::unique_ptr<SettingsDialog> TestSettingsDialog::loadedDialog(SitePolicy policy)
{
    auto dialog = std::make_unique<SettingsDialog>(Profile(m_dir->path()), account(), policy);
    dialog->setPassword(m_env.password);
    QSignalSpy read(dialog.get(), &SettingsDialog::serverSettingsRead);
    dialog->loadServerSettings();
    if (!read.wait(20000) || !read.first().first().toBool())
        qWarning("the server's settings were not read");
    return dialog;
}

void TestSettingsDialog::accountPageShowsTheServers()
{
    SettingsDialog dialog(Profile(m_dir->path()), account(), SitePolicy());
    QCOMPARE(child<QLabel>(&dialog, u"accountAddress"_s)->text(), m_env.address);
    QVERIFY(child<QLabel>(&dialog, u"accountSieve"_s)->text().contains(QString::number(m_env.sievePort)));
    QVERIFY(child<QLabel>(&dialog, u"accountImap"_s)->text().contains(QString::number(m_env.imapsPort)));
}

void TestSettingsDialog::signaturesLandInTheProfile()
{
    SettingsDialog dialog(Profile(m_dir->path()), account(), SitePolicy());
    child<QLineEdit>(&dialog, u"signatureFunction"_s)->setText(u"Professeure documentaliste"_s);
    child<QLineEdit>(&dialog, u"signaturePhone"_s)->setText(u"03 22 00 00 00"_s);
    QTest::mouseClick(child<QPushButton>(&dialog, u"signatureTemplateButton"_s), Qt::LeftButton);
    QTest::mouseClick(child<QPushButton>(&dialog, u"signatureAddButton"_s), Qt::LeftButton);
    auto *name = child<QLineEdit>(&dialog, u"signatureName"_s);
    name->clear();
    QTest::keyClicks(name, u"Courte"_s);
    child<QPlainTextEdit>(&dialog, u"signatureText"_s)->setPlainText(u"M. Dupont"_s);
    child<QComboBox>(&dialog, u"signatureDefaultForReply"_s)->setCurrentIndex(2);
    child<QComboBox>(&dialog, u"signaturePlacement"_s)->setCurrentIndex(1);
    QVERIFY(dialog.apply());

    SignatureStore store{Profile(m_dir->path())};
    QVERIFY(store.load(nullptr));
    const SignatureStore::IdentitySignatures saved = store.forIdentity(m_env.address);
    QCOMPARE(saved.signatures.size(), 2);
    QVERIFY(saved.signatures.first().text.contains(u"Professeure documentaliste"_s));
    QVERIFY(saved.signatures.first().text.contains(u"Phone: 03 22 00 00 00"_s));
    QCOMPARE(saved.details.function, u"Professeure documentaliste"_s);
    QCOMPARE(store.defaultSignature(m_env.address, false)->id, saved.signatures.first().id);
    QCOMPARE(store.defaultSignature(m_env.address, true)->name, u"Courte"_s);
    QCOMPARE(store.defaultSignature(m_env.address, true)->text, u"M. Dupont"_s);
    QCOMPARE(saved.placement, SignatureStore::Placement::AboveQuote);

    // An empty signature is refused next to the list, and nothing is written.
    QTest::mouseClick(child<QPushButton>(&dialog, u"signatureAddButton"_s), Qt::LeftButton);
    QVERIFY(!dialog.apply());
    QVERIFY(!child<QLabel>(&dialog, u"signatureError"_s)->isHidden());
    QVERIFY(store.load(nullptr));
    QCOMPARE(store.forIdentity(m_env.address).signatures.size(), 2);

    // Reopened, the dialog shows what was saved.
    SettingsDialog again(Profile(m_dir->path()), account(), SitePolicy());
    QCOMPARE(child<QComboBox>(&again, u"signatureDefaultForReply"_s)->currentText(), u"Courte"_s);
}

void TestSettingsDialog::readReceiptsAndOfflineLandInTheProfile()
{
    const Profile profile(m_dir->path());
    SettingsDialog dialog(profile, account(), SitePolicy());
    QVERIFY(child<QRadioButton>(&dialog, u"receipt_ask"_s)->isChecked());
    child<QRadioButton>(&dialog, u"receipt_never"_s)->click();
    child<QCheckBox>(&dialog, u"receiptAlwaysRequest"_s)->click();
    child<QRadioButton>(&dialog, u"bodies_none"_s)->click();
    child<QSpinBox>(&dialog, u"offlineInterval"_s)->setValue(20);
    QVERIFY(dialog.apply());
    QCOMPARE(ReadReceiptPolicy::load(profile, account().id).answer, ReadReceiptPolicy::Answer::Never);
    QVERIFY(ReadReceiptPolicy::load(profile, account().id).alwaysRequest);
    QCOMPARE(OfflinePolicy::load(profile, account().id).bodies, SyncOptions::Bodies::None);
    QCOMPARE(OfflinePolicy::load(profile, account().id).syncIntervalMinutes, 20);

    SettingsDialog again(profile, account(), SitePolicy());
    QVERIFY(child<QRadioButton>(&again, u"receipt_never"_s)->isChecked());
    QVERIFY(child<QRadioButton>(&again, u"bodies_none"_s)->isChecked());
}

void TestSettingsDialog::clearCacheAsksFirst()
{
    SettingsDialog dialog(Profile(m_dir->path()), account(), SitePolicy());
    QSignalSpy cleared(&dialog, &SettingsDialog::clearCacheRequested);
    QVERIFY(child<QLabel>(&dialog, u"offlineCacheSize"_s)->text().contains(u"0"_s));
    const auto answer = [](QMessageBox::StandardButton button) {
        QTimer::singleShot(0, [button] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            QVERIFY(box);
            QCOMPARE(box->objectName(), u"clearCacheConfirmation"_s);
            box->button(button)->click();
        });
    };
    answer(QMessageBox::Cancel);
    child<QPushButton>(&dialog, u"offlineClearCache"_s)->click();
    QCOMPARE(cleared.size(), 0);
    answer(QMessageBox::Yes);
    child<QPushButton>(&dialog, u"offlineClearCache"_s)->click();
    QCOMPARE(cleared.size(), 1);
}

void TestSettingsDialog::absenceIsSavedOnTheServerAndReadBack()
{
    auto dialog = loadedDialog();
    QVERIFY(dialog->serverSettingsLoaded());
    QVERIFY(child<QWidget>(dialog.get(), u"absenceEnabled"_s)->isEnabled());
    // Before anything is set, the page offers the account's address.
    QCOMPARE(child<QLineEdit>(dialog.get(), u"absenceAddresses"_s)->text(), m_env.address);

    const QDate today = QDate::currentDate();
    child<QCheckBox>(dialog.get(), u"absenceEnabled"_s)->setChecked(true);
    child<QCheckBox>(dialog.get(), u"absenceHasStart"_s)->setChecked(true);
    child<QDateTimeEdit>(dialog.get(), u"absenceStart"_s)
        ->setDateTime(QDateTime(today.addDays(-1), QTime(8, 0)));
    child<QCheckBox>(dialog.get(), u"absenceHasEnd"_s)->setChecked(true);
    child<QDateTimeEdit>(dialog.get(), u"absenceEnd"_s)
        ->setDateTime(QDateTime(today.addDays(10), QTime(18, 30)));
    // QTest::keyClicks only types ASCII.
    child<QLineEdit>(dialog.get(), u"absenceSubject"_s)->setText(u"Absente : congés d'été"_s);
    child<QPlainTextEdit>(dialog.get(), u"absenceMessage"_s)
        ->setPlainText(u"Bonjour,\nje suis absente.\nMarie"_s);
    child<QSpinBox>(dialog.get(), u"absenceDays"_s)->setValue(3);
    child<QCheckBox>(dialog.get(), u"absenceAcademyOnly"_s)->setChecked(true);
    QSignalSpy active(dialog.get(), &SettingsDialog::absenceStateChanged);
    QSignalSpy saved(dialog.get(), &SettingsDialog::serverSettingsSaved);
    QVERIFY(dialog->apply());
    QVERIFY(saved.wait(20000));
    QVERIFY2(saved.first().first().toBool(),
             qPrintable(child<QLabel>(dialog.get(), u"absenceStatus"_s)->text()));
    QCOMPARE(active.last().first().toBool(), true);

    const auto state = m_env.sieveRules();
    QVERIFY(state);
    const VacationSettings &vacation = state->rules.vacation;
    QVERIFY(vacation.enabled);
    QCOMPARE(vacation.subject, u"Absente : congés d'été"_s);
    QCOMPARE(vacation.message, u"Bonjour,\nje suis absente.\nMarie"_s);
    QCOMPARE(vacation.days, 3);
    QVERIFY(vacation.academyOnly);
    QCOMPARE(vacation.addresses, QStringList{m_env.address});
    QCOMPARE(vacation.start.toSecsSinceEpoch(), QDateTime(today.addDays(-1), QTime(8, 0)).toSecsSinceEpoch());
    QCOMPARE(vacation.end.toSecsSinceEpoch(), QDateTime(today.addDays(10), QTime(18, 30)).toSecsSinceEpoch());

    // A second dialog reads it back; turning it off keeps the text for next time.
    auto second = loadedDialog();
    QCOMPARE(child<QLineEdit>(second.get(), u"absenceSubject"_s)->text(), u"Absente : congés d'été"_s);
    QVERIFY(child<QCheckBox>(second.get(), u"absenceEnabled"_s)->isChecked());
    QSignalSpy secondSaved(second.get(), &SettingsDialog::serverSettingsSaved);
    second->endAbsenceWhenLoaded();
    QVERIFY(secondSaved.wait(20000));
    const auto off = m_env.sieveRules();
    QVERIFY(off);
    QVERIFY(!off->rules.vacation.enabled);
    QCOMPARE(off->rules.vacation.subject, u"Absente : congés d'été"_s);
}

void TestSettingsDialog::invalidAbsenceIsNotSaved()
{
    auto dialog = loadedDialog();
    child<QCheckBox>(dialog.get(), u"absenceEnabled"_s)->setChecked(true);
    child<QCheckBox>(dialog.get(), u"absenceHasStart"_s)->setChecked(true);
    child<QCheckBox>(dialog.get(), u"absenceHasEnd"_s)->setChecked(true);
    const QDateTime start(QDate::currentDate().addDays(5), QTime(8, 0));
    child<QDateTimeEdit>(dialog.get(), u"absenceStart"_s)->setDateTime(start);
    child<QDateTimeEdit>(dialog.get(), u"absenceEnd"_s)->setDateTime(start.addDays(-2));
    child<QLineEdit>(dialog.get(), u"absenceAddresses"_s)
        ->setText(u"marie.dupont@ac-amiens.fr, pas-une-adresse"_s);
    QSignalSpy saved(dialog.get(), &SettingsDialog::serverSettingsSaved);
    QVERIFY(!dialog->apply());
    QVERIFY(!child<QLabel>(dialog.get(), u"absenceDatesError"_s)->isHidden());
    QVERIFY(!child<QLabel>(dialog.get(), u"absenceMessageError"_s)->isHidden());
    QVERIFY(child<QLabel>(dialog.get(), u"absenceAddressesError"_s)->text().contains(u"pas-une-adresse"_s));
    QVERIFY(!dialog->isBusy());
    QCOMPARE(saved.size(), 0);
    const auto state = m_env.sieveRules();
    QVERIFY(state);
    QVERIFY(state->script.isEmpty());
}

void TestSettingsDialog::forwardingIsSavedAndHiddenByPolicy()
{
    auto dialog = loadedDialog();
    QVERIFY(child<QLabel>(dialog.get(), u"forwardingWarning"_s)->text().contains(u"may be forbidden"_s));
    child<QCheckBox>(dialog.get(), u"forwardingEnabled"_s)->setChecked(true);
    child<QLineEdit>(dialog.get(), u"forwardingAddress"_s)->setText(u"marie@@exemple"_s);
    QVERIFY(!dialog->apply());
    QVERIFY(!child<QLabel>(dialog.get(), u"forwardingAddressError"_s)->isHidden());
    child<QLineEdit>(dialog.get(), u"forwardingAddress"_s)->setText(u"marie.dupont@ac-amiens.fr"_s);
    child<QCheckBox>(dialog.get(), u"forwardingKeepCopy"_s)->setChecked(true);
    QSignalSpy saved(dialog.get(), &SettingsDialog::serverSettingsSaved);
    QVERIFY(dialog->apply());
    QVERIFY(saved.wait(20000));
    QVERIFY(saved.first().first().toBool());
    const auto state = m_env.sieveRules();
    QVERIFY(state);
    QVERIFY(state->rules.forward.enabled);
    QCOMPARE(state->rules.forward.address, u"marie.dupont@ac-amiens.fr"_s);
    QVERIFY(state->script.contains("redirect :copy"));

    SitePolicy locked;
    locked.forwardingDisabled = true;
    SettingsDialog hidden(Profile(m_dir->path()), account(), locked);
    QVERIFY(!hidden.findChild<QWidget *>(u"forwardingPage"_s));
}

void TestSettingsDialog::serverWithoutManageSieveLinksToTheWebmail()
{
    // A port where nothing listens: the server offers no ManageSieve.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 closedPort = probe.serverPort();
    probe.close();
    Account noSieve = account();
    noSieve.sieve.port = closedPort;
    SettingsDialog dialog(Profile(m_dir->path()), noSieve, SitePolicy());
    dialog.setPassword(m_env.password);
    QSignalSpy read(&dialog, &SettingsDialog::serverSettingsRead);
    dialog.loadServerSettings();
    QVERIFY(read.wait(20000));
    QCOMPARE(read.first().first().toBool(), false);
    const QString status = child<QLabel>(&dialog, u"absenceStatus"_s)->text();
    QVERIFY2(status.contains(u"ManageSieve"_s) && status.contains(u"href=\"https://bv.ac-amiens.fr/\""_s),
             qPrintable(status));
    // The page then sets this client's own responder (tst_absencebanner tests it further).
    QVERIFY(dialog.clientSideAbsence());
    QVERIFY(child<QWidget>(&dialog, u"absenceEnabled"_s)->isEnabled());
    // The rest of the dialog still saves.
    QVERIFY(dialog.apply());
}

void TestSettingsDialog::outageIsNotAServerWithoutManageSieve()
{
    // Something answers on the port but drops the connection, as a failing network would.
    ScriptedServer dropping([](ScriptedConnection &) {});
    Account flaky = account();
    flaky.sieve.port = dropping.port();
    SettingsDialog dialog(Profile(m_dir->path()), flaky, SitePolicy());
    dialog.setPassword(m_env.password);
    QSignalSpy read(&dialog, &SettingsDialog::serverSettingsRead);
    dialog.loadServerSettings();
    QVERIFY(read.wait(20000));
    QCOMPARE(read.first().first().toBool(), false);
    const QString status = child<QLabel>(&dialog, u"absenceStatus"_s)->text();
    QVERIFY2(status.contains(u"cannot be reached for now"_s), qPrintable(status));
    QVERIFY2(!status.contains(u"ManageSieve"_s), qPrintable(status));
    // The page does not switch to this client's own responder, and nothing can be edited.
    QVERIFY(!dialog.clientSideAbsence());
    QVERIFY(!child<QWidget>(&dialog, u"absenceEnabled"_s)->isEnabled());
}

void TestSettingsDialog::mainWindowOffersSettingsAndAbsenceBanner()
{
    MainWindow window;
    QSignalSpy requested(&window, &MainWindow::settingsRequested);
    QAction *action = window.action(u"settingsAction"_s);
    QVERIFY(action);
    action->trigger();
    QCOMPARE(requested.size(), 1);

    window.show();
    QSignalSpy links(&window, &MainWindow::commandLinkActivated);
    window.showAbsenceActive(true, QDateTime::currentDateTime().addDays(3));
    QVERIFY(window.absenceBanner()->isVisible());
    QVERIFY(window.absenceBanner()->text().contains(u"amiens:endabsence"_s));
    Q_EMIT window.absenceBanner()->linkActivated(u"amiens:endabsence"_s);
    QCOMPARE(links.size(), 1);
    window.showAbsenceActive(false, {});
    QVERIFY(!window.absenceBanner()->isVisible());
}

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
