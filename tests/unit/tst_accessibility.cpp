// Issue 20: what a screen reader finds in every window, walked through Qt's accessibility tree
// (the tree the AT-SPI bridge exposes to Orca), and the keyboard paths: the assistant starts on
// « Prénom », F6 moves between the panes, « Raccourcis clavier » lists the shortcuts.
#include "AboutDialog.h"
#include "AccountAssistant.h"
#include "AdvancedSettingsDialog.h"
#include "CertificateDialog.h"
#include "CertificateView.h"
#include "ComposerWindow.h"
#include "FolderTreeModel.h"
#include "MainWindow.h"
#include "MessageListModel.h"
#include "MessageView.h"
#include "NotificationBanner.h"
#include "OfflineMailbox.h"
#include "PasswordPrompt.h"
#include "ThemeColours.h"
#include "account/Profile.h"
#include "autoreply/AbsenceStore.h"
#include "net/TlsTrust.h"
#include "session/AccountSession.h"
#include "settings/SettingsDialog.h"
#include "settings/SitePolicy.h"

#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QPalette>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QTableWidget>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTreeView>

using namespace Qt::StringLiterals;
using namespace Amiens;

namespace {

// What a user can act on, and so what Orca must be able to name.
bool isInteractive(QAccessible::Role role)
{
    switch (role) {
    case QAccessible::PushButton:
    case QAccessible::CheckBox:
    case QAccessible::RadioButton:
    case QAccessible::ComboBox:
    case QAccessible::EditableText:
    case QAccessible::List:
    case QAccessible::Tree:
    case QAccessible::Table:
    case QAccessible::MenuItem:
    case QAccessible::ButtonMenu:
    case QAccessible::ButtonDropDown:
    case QAccessible::SpinBox:
    case QAccessible::Slider:
    case QAccessible::Link:
    case QAccessible::PageTab:
        return true;
    default:
        return false;
    }
}

QString describe(QAccessibleInterface *iface)
{
    const QString role =
        QString::fromLatin1(QMetaEnum::fromType<QAccessible::Role>().valueToKey(iface->role()));
    QString text = role;
    if (QObject *object = iface->object()) {
        text += u" ("_s + QString::fromLatin1(object->metaObject()->className());
        if (!object->objectName().isEmpty())
            text += u" «"_s + object->objectName() + u"»"_s;
        text += u')';
    }
    const QString name = iface->text(QAccessible::Name).simplified();
    if (!name.isEmpty())
        text += u" \""_s + name.left(40) + u'"';
    return text;
}

void walk(QAccessibleInterface *iface, const QString &path, QStringList *unnamed, int depth)
{
    if (!iface || !iface->isValid() || depth > 60)
        return;
    const QString here = path.isEmpty() ? describe(iface) : path + u" › "_s + describe(iface);
    const QAccessible::Role role = iface->role();
    if (isInteractive(role) && iface->text(QAccessible::Name).trimmed().isEmpty())
        unnamed->append(here + (iface->state().invisible ? u" [hidden]"_s : QString()));
    // The rows of lists, trees and tables are the model's data, checked by their own tests.
    if (role == QAccessible::List || role == QAccessible::Tree || role == QAccessible::Table ||
        role == QAccessible::ComboBox)
        return;
    for (int i = 0; i < iface->childCount(); ++i)
        walk(iface->child(i), here, unnamed, depth + 1);
}

/// Every interactive control of @p window without an accessible name, hidden ones included
/// (pages not shown yet, the rich-text editor…): they are shown later.
QStringList unnamedControls(QWidget *window)
{
    QStringList unnamed;
    walk(QAccessible::queryAccessibleInterface(window), QString(), &unnamed, 0);
    unnamed.removeDuplicates();
    return unnamed;
}

#define VERIFY_ALL_NAMED(window)                                                                             \
    do {                                                                                                     \
        const QStringList unnamed = unnamedControls(window);                                                 \
        QVERIFY2(unnamed.isEmpty(),                                                                          \
                 qPrintable(u"%1 control(s) without an accessible name:\n  "_s.arg(unnamed.size()) +         \
                            unnamed.join(u"\n  "_s)));                                                       \
    } while (false)

/// Types @p text key by key into the focused widget, accented letters included (keyClicks()
/// takes Latin-1 ASCII only): each key's code is its upper-case letter, as a keyboard sends it.
void typeText(const QString &text)
{
    for (const QChar c : text) {
        QWidget *focus = QApplication::focusWidget();
        QVERIFY(focus);
        QTest::sendKeyEvent(QTest::Click, focus, static_cast<Qt::Key>(c.toUpper().unicode()), QString(c),
                            Qt::NoModifier);
    }
}

} // namespace

class TestAccessibility : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void mainWindowAndMessageView();
    void composer();
    void settingsDialogEveryPage();
    void assistantEveryPageAndCertificate();
    void passwordPromptAndAbout();
    void messageListAnnouncesTheSelectedMessage();
    void folderTreeAnnouncesTheFolder();
    void assistantStartsOnTheFirstName();
    void f6MovesBetweenThePanes();
    void shortcutsPageListsTheActions();
    void noAccountBannerShowsNoPath();
    void composerTabOrderFollowsTheForm();
    void keyboardOnlyReadReplyAndSend();
    void keyboardOnlySetsAnAbsence();
    void settingsPagesFitAtDoubleTextSize();
    void darkHighContrastThemeStaysReadable();

private:
    [[nodiscard]] Account account() const;
    /// The main window on that cache, shown, the inbox selected.
    /// @p session (default: the shared one) is the account's; a test that changes messages gives
    /// its own, declared after the window so that its pending changes end before the window.
    void openWindow(MainWindow &window, AccountSession *session = nullptr);

    QTemporaryDir m_dir;
    QString m_profileDir;
    std::unique_ptr<AccountSession> m_session;
    int m_windows = 0;
};

Account TestAccessibility::account() const
{
    return Test::OfflineMailbox::account();
}

void TestAccessibility::initTestCase()
{
    qputenv("XDG_CONFIG_HOME", m_dir.filePath(u"config"_s).toUtf8());
    qputenv("XDG_CONFIG_DIRS", m_dir.filePath(u"etc"_s).toUtf8());
    QApplication::setOrganizationName(u"AmiensMailTests"_s);
    m_profileDir = m_dir.filePath(u"profile"_s);
    QString error;
    QVERIFY2(Test::OfflineMailbox::create(m_profileDir, &error), qPrintable(error));
}

void TestAccessibility::openWindow(MainWindow &window, AccountSession *session)
{
    // A mailbox of its own for each window: reading a message marks it read in the cache.
    const QString profile = m_dir.filePath(u"window-%1"_s.arg(++m_windows));
    QString error;
    QVERIFY2(Test::OfflineMailbox::create(profile, &error), qPrintable(error));
    if (!session) {
        const auto trust = TlsTrust::forAccount(account(), &error);
        QVERIFY2(trust, qPrintable(error));
        m_session = std::make_unique<AccountSession>(account(), *trust);
        session = m_session.get();
    }
    session->setCachePath(Test::OfflineMailbox::cacheFile(profile));
    window.setSession(session);
    window.setCachePath(Test::OfflineMailbox::cacheFile(profile), account().id);
    window.resize(1000, 700);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.selectFolder(u"INBOX"_s));
    QTRY_COMPARE(window.messageModel()->rowCount(), 3);
}

void TestAccessibility::mainWindowAndMessageView()
{
    QElapsedTimer timer;
    timer.start();
    MainWindow window;
    openWindow(window);
    // The unread message with an attachment and a read-receipt request: every bar of the view.
    window.messageList()->setCurrentIndex(window.messageModel()->index(0, 0));
    QTRY_VERIFY(window.messageView()->findChild<QListWidget *>()->count() > 0);
    window.banner()->showMessage(NotificationBanner::Level::Error, u"Erreur"_s, u"détails"_s);
    VERIFY_ALL_NAMED(&window);
    window.setSession(nullptr);
    qInfo("main window walked in %lld ms", timer.elapsed());
}

void TestAccessibility::composer()
{
    ComposerWindow composer(account(), m_dir.filePath(u"outbox"_s));
    composer.useProfile(m_profileDir);
    composer.show();
    QVERIFY(QTest::qWaitForWindowExposed(&composer));
    VERIFY_ALL_NAMED(&composer);
    composer.setRichText(true); // its formatting tool bar
    VERIFY_ALL_NAMED(&composer);
}

void TestAccessibility::settingsDialogEveryPage()
{
    SettingsDialog dialog(Profile(m_profileDir), account(), SitePolicy());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *pages = dialog.findChild<QListWidget *>(u"settingsPageList"_s);
    QVERIFY(pages && pages->count() >= 6);
    for (int row = 0; row < pages->count(); ++row) {
        pages->setCurrentRow(row);
        VERIFY_ALL_NAMED(&dialog);
    }
}

void TestAccessibility::assistantEveryPageAndCertificate()
{
    AccountAssistant assistant(Profile(m_dir.filePath(u"assistant"_s)), SitePolicy());
    assistant.show();
    QVERIFY(QTest::qWaitForWindowExposed(&assistant));
    // The password and check pages are walked too (hidden until reached); the certificate a
    // server may present shows on the check page.
    const QList<QSslCertificate> system = QSslConfiguration::systemCaCertificates();
    QVERIFY(!system.isEmpty());
    TlsFailure failure;
    failure.host = u"imap.ac-amiens.fr"_s;
    failure.port = 993;
    failure.chain = {system.first()};
    failure.errors = {QSslError(QSslError::SelfSignedCertificate, system.first())};
    auto *certificate = assistant.findChild<CertificateView *>();
    QVERIFY(certificate);
    certificate->setFailure(failure);
    VERIFY_ALL_NAMED(&assistant);

    AdvancedSettingsDialog advanced(assistant.draftAccount(), &assistant);
    VERIFY_ALL_NAMED(&advanced);
    CertificateDialog dialog(failure);
    VERIFY_ALL_NAMED(&dialog);
}

void TestAccessibility::passwordPromptAndAbout()
{
    std::unique_ptr<QDialog> prompt(PasswordPrompt::createDialog(
        nullptr, u"Mot de passe"_s, u"Le mot de passe de mdupont@ac-amiens.fr"_s, u"Mot de passe :"_s));
    VERIFY_ALL_NAMED(prompt.get());
    AboutDialog about;
    VERIFY_ALL_NAMED(&about);
}

void TestAccessibility::messageListAnnouncesTheSelectedMessage()
{
    MainWindow window;
    openWindow(window);
    // When the focus moves, Qt's view sends the screen reader (through the AT-SPI bridge) a
    // focus event for the current cell: what that cell says is what Orca reads. The newest
    // message, not opened yet (opening it marks it read):
    QAccessibleInterface *list = QAccessible::queryAccessibleInterface(window.messageList());
    QVERIFY(list && list->tableInterface());
    QAccessibleInterface *cell = list->tableInterface()->cellAt(0, MessageListModel::SubjectColumn);
    QVERIFY(cell);
    const QString spoken = cell->text(QAccessible::Name);
    const QString date = QLocale().toString(QDate(2026, 11, 30), QLocale::LongFormat);
    for (const QString &expected :
         {u"Conseil de classe"_s, u"from Françoise Lefèvre"_s, date, u"unread"_s, u"with attachments"_s})
        QVERIFY2(spoken.contains(expected), qPrintable(spoken));

    // Reached from the keyboard, the focus lands on that first cell.
    QApplication::setActiveWindow(&window);
    QVERIFY(QTest::qWaitForWindowActive(&window));
    window.messageList()->setFocus();
    QTRY_VERIFY(window.messageList()->hasFocus());
    QTest::keyClick(window.messageList(), Qt::Key_End);
    QTest::keyClick(window.messageList(), Qt::Key_Home);
    const QModelIndex current = window.messageList()->currentIndex();
    QCOMPARE(current.row(), 0);
    QCOMPARE(current.column(), static_cast<int>(MessageListModel::SubjectColumn));
    // The read one says so by not saying « unread ».
    QTest::keyClick(window.messageList(), Qt::Key_Down);
    const QModelIndex second = window.messageList()->currentIndex();
    const QString next =
        list->tableInterface()->cellAt(second.row(), second.column())->text(QAccessible::Name);
    QVERIFY2(next.contains(u"Calendrier"_s) && next.contains(u"from Rectorat"_s) &&
                 !next.contains(u"unread"_s),
             qPrintable(next));
    window.setSession(nullptr);
}

void TestAccessibility::folderTreeAnnouncesTheFolder()
{
    // « Boîte de réception (3) » on screen is read as « Boîte de réception, 3 messages non lus »
    // (English has no plural forms file: the source string says « message(s) »).
    FolderTreeModel model;
    model.setUnifiedViewsEnabled(true);
    model.setAccounts({{u"mdupont"_s, u"Marie Dupont"_s}, {u"ce.0801234x"_s, u"École Jules Ferry"_s}});
    model.setUnifiedCounts(3, 1);
    const QModelIndex all = model.index(0, 0);
    QCOMPARE(all.data().toString(), u"All accounts (3)"_s);
    QCOMPARE(all.data(Qt::AccessibleTextRole).toString(), u"All accounts, 3 unread message(s)"_s);
    QCOMPARE(model.index(1, 0, all).data(Qt::AccessibleTextRole).toString(),
             u"Unread, 1 unread message(s)"_s);
    QCOMPARE(model.index(2, 0, all).data(Qt::AccessibleTextRole).toString(), u"Flagged"_s);
}

void TestAccessibility::assistantStartsOnTheFirstName()
{
    AccountAssistant assistant(Profile(m_dir.filePath(u"typing"_s)), SitePolicy());
    assistant.show();
    QApplication::setActiveWindow(&assistant);
    QVERIFY(QTest::qWaitForWindowActive(&assistant));
    auto *firstName = assistant.findChild<QLineEdit *>(u"firstNameEdit"_s);
    QTRY_COMPARE(QApplication::focusWidget(), firstName);
    // Keys only: the name, Tab, the surname.
    typeText(u"Françoise"_s);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    typeText(u"Lefèvre"_s);
    QCOMPARE(firstName->text(), u"Françoise"_s);
    QCOMPARE(assistant.findChild<QLineEdit *>(u"lastNameEdit"_s)->text(), u"Lefèvre"_s);
    QCOMPARE(assistant.findChild<QLineEdit *>(u"identifierEdit"_s)->text(), u"flefevre"_s);
    // Then Tab goes on down the form: identifier, address.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), assistant.findChild<QLineEdit *>(u"identifierEdit"_s));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), assistant.findChild<QLineEdit *>(u"addressEdit"_s));
    QCOMPARE(assistant.findChild<QLineEdit *>(u"addressEdit"_s)->text(), u"flefevre@ac-amiens.fr"_s);

    // Enter goes on (« Suivant »): the password page, with the keyboard in the password.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QTRY_COMPARE(assistant.currentId(), static_cast<int>(AccountAssistant::PasswordPageId));
    QTRY_COMPARE(QApplication::focusWidget(), assistant.findChild<QLineEdit *>(u"passwordEdit"_s));
}

void TestAccessibility::f6MovesBetweenThePanes()
{
    MainWindow window;
    openWindow(window);
    QApplication::setActiveWindow(&window);
    QVERIFY(QTest::qWaitForWindowActive(&window));
    window.folderView()->setFocus();
    QTRY_VERIFY(window.folderView()->hasFocus());
    const auto focusIsIn = [](QWidget *pane) {
        QWidget *focus = QApplication::focusWidget();
        return focus && (focus == pane || pane->isAncestorOf(focus));
    };
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F6);
    QTRY_VERIFY(focusIsIn(window.messageList()));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F6);
    QTRY_VERIFY(focusIsIn(window.messageView()));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F6);
    QTRY_VERIFY(focusIsIn(window.folderView()));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F6, Qt::ShiftModifier);
    QTRY_VERIFY(focusIsIn(window.messageView()));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F6, Qt::ShiftModifier);
    QTRY_VERIFY(focusIsIn(window.messageList()));
    window.setSession(nullptr);
}

void TestAccessibility::shortcutsPageListsTheActions()
{
    MainWindow window;
    window.show();
    QApplication::setActiveWindow(&window);
    QVERIFY(QTest::qWaitForWindowActive(&window));
    // Alt+H opens « Aide » (Help), K picks « Raccourcis clavier » (Keyboard shortcuts).
    QTest::keyClick(&window, Qt::Key_H, Qt::AltModifier);
    QTRY_VERIFY(qobject_cast<QMenu *>(QApplication::activePopupWidget()));
    QTest::keyClick(QApplication::activePopupWidget(), Qt::Key_K);
    QDialog *page = nullptr;
    QTRY_VERIFY((page = window.findChild<QDialog *>(u"shortcutsHelp"_s)) && page->isVisible());
    auto *table = page->findChild<QTableWidget *>();
    QVERIFY(table);
    QStringList rows;
    for (int row = 0; row < table->rowCount(); ++row)
        rows.append(table->item(row, 0)->text() + u" = "_s + table->item(row, 1)->text());
    // Read from the actions themselves: what the menus say is what the page says.
    for (const QString &expected :
         {u"Reply = Ctrl+R"_s, u"New message = Ctrl+N"_s, u"Next pane = F6"_s, u"Previous pane = Shift+F6"_s})
        QVERIFY2(rows.contains(expected), qPrintable(rows.join(u"\n"_s)));
    VERIFY_ALL_NAMED(page);
}

void TestAccessibility::noAccountBannerShowsNoPath()
{
    MainWindow window;
    const QString directory = m_dir.filePath(u"nothing-here"_s);
    window.showNoAccount(directory);
    QVERIFY(window.banner()->isVisibleTo(&window));
    QVERIFY2(!window.banner()->text().contains(directory), qPrintable(window.banner()->text()));
    QVERIFY2(!window.banner()->text().contains(u"nothing-here"_s), qPrintable(window.banner()->text()));
}

void TestAccessibility::composerTabOrderFollowsTheForm()
{
    ComposerWindow composer(account(), m_dir.filePath(u"outbox"_s));
    composer.show();
    QApplication::setActiveWindow(&composer);
    QVERIFY(QTest::qWaitForWindowActive(&composer));
    composer.findChild<QWidget *>(u"fromField"_s)->setFocus();
    QTRY_COMPARE(QApplication::focusWidget()->objectName(), u"fromField"_s);
    // From, its signature on the same row, the recipients, the subject, then the text.
    QStringList order;
    for (int i = 0; i < 6; ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        order.append(QApplication::focusWidget()->objectName());
    }
    QCOMPARE(order, (QStringList{u"signatureBox"_s, u"toField"_s, u"ccField"_s, u"bccField"_s,
                                 u"subjectField"_s, u"bodyEdit"_s}));
    // Typed from the keyboard, the subject names the window.
    composer.subjectField()->setFocus();
    typeText(u"Réunion"_s);
    QCOMPARE(composer.windowTitle(), u"Réunion"_s);
}

void TestAccessibility::keyboardOnlyReadReplyAndSend()
{
    MainWindow window;
    QString error;
    const auto trust = TlsTrust::forAccount(account(), &error);
    QVERIFY2(trust, qPrintable(error));
    AccountSession session(account(), *trust); // marks the original answered: gone before the window
    openWindow(window, &session);
    QSignalSpy queued(&window, &MainWindow::outboxQueued);
    QApplication::setActiveWindow(&window);
    QVERIFY(QTest::qWaitForWindowActive(&window));
    window.folderView()->setFocus();
    QTRY_VERIFY(window.folderView()->hasFocus());

    // F6 to the list: its first message, the newest, becomes current, shows and is selected
    // (Home then does not move), so that the actions apply to the message shown.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F6);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Home);
    auto *text = window.messageView()->findChild<QTextBrowser *>();
    QTRY_VERIFY(text->toPlainText().contains(u"voici l'ordre du jour"_s));
    QCOMPARE(window.messageList()->selectionModel()->selectedRows().size(), 1);

    // Ctrl+R: the answer opens with the keyboard in its text, ready to type.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_R, Qt::ControlModifier);
    ComposerWindow *composer = nullptr;
    QTRY_VERIFY(composer = window.findChild<ComposerWindow *>());
    QTRY_VERIFY(composer->isVisible());
    QApplication::setActiveWindow(composer);
    QVERIFY(QTest::qWaitForWindowActive(composer));
    QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(composer->bodyEdit()));
    QCOMPARE(composer->toField()->text(), u"Françoise Lefèvre <flefevre@ac-amiens.fr>"_s);
    typeText(u"Merci, je serai là."_s);

    // Ctrl+Return sends: the answer is in the outbox.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return, Qt::ControlModifier);
    QTRY_COMPARE(queued.size(), 1);
    window.setSession(nullptr);
}

void TestAccessibility::keyboardOnlySetsAnAbsence()
{
    // The end of the issue's keyboard path: in the settings, down the page list to « Absence »,
    // into the page, the absence on, a message typed, OK: saved, with key events only. The server
    // has no ManageSieve (nothing listens on its port): the client answers, as for many schools.
    QTemporaryDir dir;
    const Profile profile(dir.path());
    Account away = account();
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    away.sieve = {u"127.0.0.1"_s, probe.serverPort(), ConnectionSecurity::StartTls, away.imap.login};
    probe.close();
    SettingsDialog dialog(profile, away, SitePolicy());
    dialog.setPassword(u"Mot-de-passe-2026"_s);
    QSignalSpy read(&dialog, &SettingsDialog::serverSettingsRead);
    dialog.show();
    QApplication::setActiveWindow(&dialog);
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    dialog.loadServerSettings();
    QVERIFY(read.wait(20000));
    QVERIFY(dialog.clientSideAbsence());

    auto *pages = dialog.findChild<QListWidget *>(u"settingsPageList"_s);
    pages->setFocus();
    QTRY_VERIFY(pages->hasFocus());
    QTest::keyClick(pages, Qt::Key_Home);
    // Down until « Absence » is the page shown.
    auto *absencePage = dialog.findChild<QWidget *>(u"absencePage"_s);
    for (int i = 0; i < pages->count() && !absencePage->isVisible(); ++i)
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down);
    QTRY_VERIFY(absencePage->isVisible());
    // Tab into the page, to « Activer » (the first control of the page), Space ticks it.
    const auto tabTo = [](const QString &objectName) {
        for (int i = 0; i < 40 && QApplication::focusWidget()->objectName() != objectName; ++i)
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        return QApplication::focusWidget()->objectName() == objectName;
    };
    QVERIFY(tabTo(u"absenceEnabled"_s));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
    QVERIFY(dialog.findChild<QCheckBox *>(u"absenceEnabled"_s)->isChecked());
    QVERIFY(tabTo(u"absenceMessage"_s));
    typeText(u"Je suis absente jusqu'au 12. Pour les urgences : le secrétariat."_s);
    // On to « OK » (Tab leaves a one-line field; out of the message field, Tab too), Space presses it.
    QWidget *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    for (int i = 0; i < 40 && QApplication::focusWidget() != ok; ++i)
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), ok);
    QTest::keyClick(ok, Qt::Key_Space);
    QTRY_VERIFY(!dialog.isVisible());
    const AbsenceStore::ClientSide saved = AbsenceStore::loadClientSide(profile, away.id);
    QVERIFY(saved.active);
    QVERIFY(saved.vacation.enabled);
    QVERIFY2(saved.vacation.message.startsWith(u"Je suis absente jusqu'au 12."_s),
             qPrintable(saved.vacation.message));
}

void TestAccessibility::settingsPagesFitAtDoubleTextSize()
{
    // 200 % text: every page title still shows whole in the list (no fixed pixel width).
    const QFont normal = QApplication::font();
    QFont large = normal;
    large.setPointSizeF(normal.pointSizeF() * 2);
    QApplication::setFont(large);
    {
        SettingsDialog dialog(Profile(m_profileDir), account(), SitePolicy());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *pages = dialog.findChild<QListWidget *>(u"settingsPageList"_s);
        for (int row = 0; row < pages->count(); ++row) {
            QListWidgetItem *item = pages->item(row);
            const int needed = pages->fontMetrics().horizontalAdvance(item->text());
            QVERIFY2(pages->viewport()->width() >= needed,
                     qPrintable(u"%1: %2 px shown, %3 px needed"_s.arg(item->text())
                                    .arg(pages->viewport()->width())
                                    .arg(needed)));
        }
    }
    QApplication::setFont(normal);
}

void TestAccessibility::darkHighContrastThemeStaysReadable()
{
    const auto colourIn = [](const QString &styleSheet) {
        const QRegularExpressionMatch match = QRegularExpression(u"#[0-9a-fA-F]{6}"_s).match(styleSheet);
        return match.hasMatch() ? QColor(match.captured()) : QColor();
    };
    const QPalette normal = QApplication::palette();
    QPalette dark = normal;
    dark.setColor(QPalette::Window, Qt::black);
    dark.setColor(QPalette::WindowText, Qt::white);
    dark.setColor(QPalette::Base, Qt::black);
    dark.setColor(QPalette::Text, Qt::white);
    for (const QPalette &palette : {normal, dark}) {
        QApplication::setPalette(palette);
        const QColor window = palette.color(QPalette::Window);
        const QColor text = palette.color(QPalette::WindowText);
        // The banners: the theme's text on a tint of the theme's window colour.
        QWidget parent;
        auto *banner = new NotificationBanner(&parent);
        for (const auto level : {NotificationBanner::Level::Error, NotificationBanner::Level::Warning,
                                 NotificationBanner::Level::Information}) {
            banner->showMessage(level, u"Le serveur ne répond pas."_s);
            const QColor background = colourIn(banner->styleSheet());
            QVERIFY2(background.isValid(), qPrintable(banner->styleSheet()));
            QVERIFY2(ThemeColours::contrast(text, background) >= 4.5,
                     qPrintable(u"%1 on %2"_s.arg(text.name(), background.name())));
        }
        // A field's error in the assistant: red enough to be seen, readable on the window.
        AccountAssistant assistant(Profile(m_dir.filePath(u"theme"_s)), SitePolicy());
        auto *error = assistant.findChild<QLabel *>(u"identityError"_s);
        const QColor red = colourIn(error->styleSheet());
        QVERIFY2(red.isValid() && ThemeColours::contrast(red, window) >= 4.5,
                 qPrintable(u"%1 on %2"_s.arg(red.name(), window.name())));
    }
    QApplication::setPalette(normal);
}

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"
