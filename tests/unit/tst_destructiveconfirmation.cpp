// The questions whose « yes » loses something (removing an account, deleting unsent mail): Enter
// and Escape keep everything; only a click on the destructive button says yes. The real message
// box is shown and answered with key events, as a user would.
#include "AccountRemovalPrompt.h"
#include "DestructiveConfirmation.h"
#include "UnsentMailPrompt.h"

#include <QApplication>
#include <QMessageBox>
#include <QPushButton>
#include <QTest>
#include <QTimer>
#include <functional>

using namespace Qt::StringLiterals;
using namespace Amiens;

namespace {

/// Runs @p answer on the box once it is shown (the call that shows it does not return before).
void whenShown(const QString &objectName, std::function<void(QMessageBox *)> answer)
{
    auto *timer = new QTimer(qApp);
    timer->setInterval(10);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, objectName, answer = std::move(answer)] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box || box->objectName() != objectName || !box->isVisible())
            return;
        timer->deleteLater();
        timer->stop();
        answer(box);
    });
    timer->start();
}

DestructiveConfirmation::Question question()
{
    return {u"testPrompt"_s, u"Supprimer"_s, u"Supprimer le compte ?"_s,
            u"2 messages"_s, u"Supprimer"_s, u"confirmButton"_s,
            u"Garder"_s,     u"keepButton"_s};
}

} // namespace

class TestDestructiveConfirmation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void enterAndEscapeKeepEverything();
    void onlyTheDestructiveButtonSaysYes();
    void promptsShowWhatIsLost();
};

void TestDestructiveConfirmation::enterAndEscapeKeepEverything()
{
    QString shownDetails;
    whenShown(u"testPrompt"_s, [&](QMessageBox *box) {
        shownDetails = box->informativeText();
        QCOMPARE(box->defaultButton()->objectName(), u"keepButton"_s);
        QTest::keyClick(box, Qt::Key_Return);
    });
    QVERIFY(!DestructiveConfirmation::ask(nullptr, question()));
    QCOMPARE(shownDetails, u"2 messages"_s);

    whenShown(u"testPrompt"_s, [](QMessageBox *box) { QTest::keyClick(box, Qt::Key_Escape); });
    QVERIFY(!DestructiveConfirmation::ask(nullptr, question()));
}

void TestDestructiveConfirmation::onlyTheDestructiveButtonSaysYes()
{
    whenShown(u"testPrompt"_s, [](QMessageBox *box) {
        auto *confirm = box->findChild<QPushButton *>(u"confirmButton"_s);
        QVERIFY(confirm);
        QCOMPARE(confirm->accessibleName(), u"Supprimer"_s);
        confirm->click();
    });
    QVERIFY(DestructiveConfirmation::ask(nullptr, question()));
}

void TestDestructiveConfirmation::promptsShowWhatIsLost()
{
    // Removing an account with unsent mail says how many messages go, and Enter keeps it.
    QString details;
    whenShown(u"accountRemovalPrompt"_s, [&](QMessageBox *box) {
        details = box->informativeText();
        QVERIFY(box->findChild<QPushButton *>(u"removeAccountButton"_s));
        QTest::keyClick(box, Qt::Key_Return);
    });
    QVERIFY(!AccountRemovalPrompt::confirm(nullptr, u"Collège (ce.0801234x)"_s, 2));
    QVERIFY2(details.contains(u'2'), qPrintable(details));

    // Signing out with unsent mail lists the subjects; the click on « delete » says yes.
    whenShown(u"unsentMailPrompt"_s, [&](QMessageBox *box) {
        details = box->informativeText();
        box->findChild<QPushButton *>(u"deleteAndSignOutButton"_s)->click();
    });
    QVERIFY(UnsentMailPrompt::confirmDeletion(nullptr, {u"Conseil de classe"_s, QString()}));
    QVERIFY2(details.contains(u"Conseil de classe"_s), qPrintable(details));
}

QTEST_MAIN(TestDestructiveConfirmation)
#include "tst_destructiveconfirmation.moc"
