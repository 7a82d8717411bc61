// The interface in French: the main window, the composer, the settings dialog and the first-run
// assistant are built with the French translation and every text they show (labels, buttons,
// menus, actions, tooltips, window titles, placeholders, list and table headers, wizard pages) is
// compared with the English source strings of translations/amiens-mail_fr.ts. A text equal to a
// source string whose French differs escaped tr() or the translation: the test lists them.
#include "AccountAssistant.h"
#include "ComposerWindow.h"
#include "FolderTreeModel.h"
#include "MainWindow.h"
#include "TrayIcon.h"
#include "UnifiedListModel.h"
#include "account/Profile.h"
#include "settings/SettingsDialog.h"
#include "settings/SitePolicy.h"
#include "util/Translations.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSet>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextEdit>
#include <QWizard>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;
using namespace Amiens;

namespace {

/// "&Settings…" and "Settings…" are the same text on screen.
QString withoutAccelerator(QString text)
{
    text.remove(QRegularExpression(u"&(?=[^&])"_s));
    return text.replace("&&"_L1, "&"_L1).trimmed();
}

} // namespace

class TestFrenchUi : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void scannerCatchesAnEnglishString();
    void mainWindowIsFrench();
    void unifiedViewsAndTrayAreFrench();
    void composerIsFrench();
    void settingsDialogIsFrench();
    void firstRunAssistantIsFrench();

private:
    /// Every text @p root shows, with where it is.
    [[nodiscard]] static QList<std::pair<QString, QString>> texts(QWidget *root);
    /// The English texts found in @p root, as "where: text".
    [[nodiscard]] QStringList englishIn(QWidget *root) const;
    void verifyFrench(QWidget *root) const;
    [[nodiscard]] static QStringList literalMnemonicsIn(QWidget *root);

    QTemporaryDir m_dir;
    QSet<QString> m_english; ///< source strings (accelerators removed) whose French differs
};

void TestFrenchUi::initTestCase()
{
    QVERIFY(m_dir.isValid());
    qputenv("XDG_CONFIG_HOME", m_dir.filePath(u"config"_s).toUtf8());
    qputenv("XDG_CONFIG_DIRS", m_dir.filePath(u"etc"_s).toUtf8());
    qputenv("XDG_DATA_HOME", m_dir.filePath(u"data"_s).toUtf8());
    QApplication::setOrganizationName(u"AmiensMailTests"_s);
    // As a French desktop would have it, whatever the test environment's language.
    QCOMPARE(Translations::install(*qApp, u"fr"_s), u"fr"_s);

    QFile ts(QStringLiteral(AMIENS_SOURCE_DIR) + u"/translations/amiens-mail_fr.ts"_s);
    QVERIFY(ts.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&ts);
    QString source;
    bool numerus = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == "message"_L1) {
            numerus = xml.attributes().value(u"numerus"_s) == "yes"_L1;
            source.clear();
        } else if (xml.name() == "source"_L1) {
            source = xml.readElementText();
        } else if (xml.name() == "translation"_L1 && !numerus) {
            const QString type = xml.attributes().value(u"type"_s).toString();
            const QString french = xml.readElementText();
            if (type.isEmpty() && !french.isEmpty() &&
                withoutAccelerator(french) != withoutAccelerator(source))
                m_english.insert(withoutAccelerator(source));
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY2(m_english.size() > 100, "the translation file was read");
    // Qt's own buttons, which Qt's French translations (qtbase_fr) cover.
    for (const QString &qtText : {u"Cancel"_s, u"Close"_s, u"Apply"_s, u"Yes"_s, u"No"_s, u"Help"_s,
                                  u"< Back"_s, u"Next >"_s, u"Finish"_s, u"Save"_s, u"Discard"_s})
        m_english.insert(qtText);
}

QList<std::pair<QString, QString>> TestFrenchUi::texts(QWidget *root)
{
    QList<std::pair<QString, QString>> found;
    const auto add = [&](const QObject *where, const QString &what, const QString &text) {
        if (!text.trimmed().isEmpty())
            found.append({u"%1 (%2) %3"_s.arg(QString::fromLatin1(where->metaObject()->className()),
                                              where->objectName(), what),
                          text});
    };
    QList<QWidget *> widgets = root->findChildren<QWidget *>();
    widgets.prepend(root);
    for (QWidget *widget : std::as_const(widgets)) {
        add(widget, u"window title"_s, widget->windowTitle());
        add(widget, u"tooltip"_s, widget->toolTip());
        add(widget, u"what's this"_s, widget->whatsThis());
        add(widget, u"accessible name"_s, widget->accessibleName());
        if (auto *label = qobject_cast<QLabel *>(widget))
            add(label, u"text"_s, label->text());
        if (auto *button = qobject_cast<QAbstractButton *>(widget))
            add(button, u"text"_s, button->text());
        if (auto *edit = qobject_cast<QLineEdit *>(widget))
            add(edit, u"placeholder"_s, edit->placeholderText());
        if (auto *edit = qobject_cast<QPlainTextEdit *>(widget))
            add(edit, u"placeholder"_s, edit->placeholderText());
        if (auto *edit = qobject_cast<QTextEdit *>(widget))
            add(edit, u"placeholder"_s, edit->placeholderText());
        if (auto *group = qobject_cast<QGroupBox *>(widget))
            add(group, u"title"_s, group->title());
        if (auto *tabs = qobject_cast<QTabWidget *>(widget)) {
            for (int i = 0; i < tabs->count(); ++i)
                add(tabs, u"tab"_s, tabs->tabText(i));
        }
        if (auto *combo = qobject_cast<QComboBox *>(widget)) {
            for (int i = 0; i < combo->count(); ++i)
                add(combo, u"item"_s, combo->itemText(i));
        }
        if (auto *list = qobject_cast<QListWidget *>(widget)) {
            for (int i = 0; i < list->count(); ++i)
                add(list, u"item"_s, list->item(i)->text());
        }
        if (auto *view = qobject_cast<QAbstractItemView *>(widget); view && view->model()) {
            for (int column = 0; column < view->model()->columnCount(); ++column)
                add(view, u"header"_s, view->model()->headerData(column, Qt::Horizontal).toString());
        }
        if (auto *page = qobject_cast<QWizardPage *>(widget)) {
            add(page, u"page title"_s, page->title());
            add(page, u"page subtitle"_s, page->subTitle());
        }
        if (auto *wizard = qobject_cast<QWizard *>(widget)) {
            for (const auto which : {QWizard::BackButton, QWizard::NextButton, QWizard::FinishButton,
                                     QWizard::CancelButton, QWizard::HelpButton})
                add(wizard, u"button"_s, wizard->buttonText(which));
        }
        for (QAction *action : widget->actions()) {
            add(action, u"action"_s, action->text());
            add(action, u"action tooltip"_s,
                action->toolTip() == withoutAccelerator(action->text()) ? QString() : action->toolTip());
            add(action, u"status tip"_s, action->statusTip());
            if (QMenu *menu = action->menu())
                add(menu, u"menu title"_s, menu->title());
        }
    }
    return found;
}

QStringList TestFrenchUi::literalMnemonicsIn(QWidget *root)
{
    // A label's "&" marks a shortcut only when the label has a buddy; without one it shows as
    // is (« &De : » in the composer, issue 16).
    QStringList problems;
    for (const QLabel *label : root->findChildren<QLabel *>()) {
        const QString text = label->text();
        if (label->buddy() || Qt::mightBeRichText(text))
            continue;
        for (qsizetype i = 0; i + 1 < text.size(); ++i) {
            if (text.at(i) != u'&')
                continue;
            if (text.at(i + 1) == u'&') {
                ++i;
                continue;
            }
            if (text.at(i + 1).isLetterOrNumber()) {
                problems.append(u"QLabel (%1): \"%2\""_s.arg(label->objectName(), text));
                break;
            }
        }
    }
    return problems;
}

QStringList TestFrenchUi::englishIn(QWidget *root) const
{
    QStringList problems;
    for (const auto &[where, text] : texts(root)) {
        if (m_english.contains(withoutAccelerator(text)))
            problems.append(where + u": \""_s + text + u'"');
    }
    problems.removeDuplicates();
    return problems;
}

void TestFrenchUi::verifyFrench(QWidget *root) const
{
    root->show();
    QVERIFY(QTest::qWaitForWindowExposed(root));
    const QStringList problems = englishIn(root);
    QVERIFY2(problems.isEmpty(),
             qPrintable(u"English strings in the French interface:\n  "_s + problems.join(u"\n  "_s)));
    const QStringList mnemonics = literalMnemonicsIn(root);
    QVERIFY2(mnemonics.isEmpty(),
             qPrintable(u"Labels showing a literal '&':\n  "_s + mnemonics.join(u"\n  "_s)));
    // And it did look at something.
    QVERIFY(texts(root).size() > 5);
}

void TestFrenchUi::scannerCatchesAnEnglishString()
{
    // A string that escaped tr(): the scanner must see it, or the other checks prove nothing.
    QWidget window;
    auto *label = new QLabel(u"&Settings…"_s, &window);
    auto *edit = new QLineEdit(&window);
    edit->setPlaceholderText(u"Search in all mail (subject, people, text)"_s);
    QCOMPARE(englishIn(&window).size(), 2);
    QCOMPARE(literalMnemonicsIn(&window).size(), 1); // "&Settings…" has no buddy
    label->setBuddy(edit);
    QVERIFY(literalMnemonicsIn(&window).isEmpty());
}

void TestFrenchUi::mainWindowIsFrench()
{
    MainWindow window;
    window.showNoAccount(m_dir.filePath(u"profile"_s));
    verifyFrench(&window);
    QCOMPARE(window.windowTitle(), u"AmiensMail"_s);
}

// Issue 18: « Tous les comptes » in the tree, the account column and the tray's line per account.
void TestFrenchUi::unifiedViewsAndTrayAreFrench()
{
    FolderTreeModel model;
    model.setUnifiedViewsEnabled(true);
    model.setAccounts({{u"mdupont"_s, u"Marie Dupont"_s}, {u"ce.0801234x"_s, u"École Jules Ferry"_s}});
    model.setUnifiedCounts(3, 5);
    const QModelIndex all = model.index(0, 0);
    QCOMPARE(all.data().toString(), u"Tous les comptes (3)"_s);
    QCOMPARE(model.index(0, 0, all).data().toString(), u"Boîtes de réception (3)"_s);
    QCOMPARE(model.index(1, 0, all).data().toString(), u"Non lus (5)"_s);
    QCOMPARE(model.index(2, 0, all).data().toString(), u"Suivis"_s);
    for (int row = 0; row < 3; ++row)
        QVERIFY(!m_english.contains(model.index(row, 0, all).data(Qt::ToolTipRole).toString()));
    QCOMPARE(UnifiedListModel().headerData(UnifiedListModel::AccountColumn, Qt::Horizontal).toString(),
             u"Compte"_s);

    TrayIcon tray;
    tray.setAccountCounts({{u"Marie Dupont"_s, 2}, {u"École Jules Ferry"_s, 1}});
    QCOMPARE(tray.toolTip(), u"AmiensMail : 3 messages non lus\nMarie Dupont : 2\nÉcole Jules Ferry : 1"_s);
}

void TestFrenchUi::composerIsFrench()
{
    Account account;
    account.id = u"mdupont@ac-amiens.fr"_s;
    account.address = account.id;
    account.realName = u"Marie Dupont"_s;
    ComposerWindow composer(account, m_dir.filePath(u"outbox"_s));
    verifyFrench(&composer);
}

void TestFrenchUi::settingsDialogIsFrench()
{
    Account account;
    account.id = u"mdupont@ac-amiens.fr"_s;
    account.address = account.id;
    account.realName = u"Marie Dupont"_s;
    account.imap = {u"imap.ac-amiens.fr"_s, 993, ConnectionSecurity::ImplicitTls, u"mdupont"_s};
    account.smtp = {u"smtp.ac-amiens.fr"_s, 465, ConnectionSecurity::ImplicitTls, u"mdupont"_s};
    SettingsDialog dialog(Profile(m_dir.filePath(u"profile"_s)), account, SitePolicy());
    verifyFrench(&dialog);
}

void TestFrenchUi::firstRunAssistantIsFrench()
{
    AccountAssistant assistant(Profile(m_dir.filePath(u"profile"_s)), SitePolicy());
    verifyFrench(&assistant);
}

QTEST_MAIN(TestFrenchUi)
#include "tst_frenchui.moc"
