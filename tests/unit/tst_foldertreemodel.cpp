#include "FolderTreeModel.h"
#include "MessageListModel.h"

#include <QAbstractItemModelTester>
#include <QMimeData>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Amiens;

namespace {
FolderInfo folder(const QString &path, FolderInfo::Role role = FolderInfo::Role::None)
{
    FolderInfo info;
    info.pathParts = path.split(u'/');
    info.role = role;
    return info;
}
} // namespace

class TestFolderTreeModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void buildsTreeWithSpecialNames();
    void missingParentsArePlaceholders();
    void specialNamesOnlyAtTopLevel();
    void oneRootPerAccountWithItsUnreadCount();
    void dropsStayInTheShownAccount();
};

void TestFolderTreeModel::buildsTreeWithSpecialNames()
{
    FolderTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setFolders({folder(u"INBOX"_s, FolderInfo::Role::Inbox), folder(u"Sent"_s, FolderInfo::Role::Sent),
                      folder(u"Projets"_s), folder(u"Projets/Voyage scolaire"_s),
                      folder(u"Projets/Conseils de classe"_s)});
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(0, 0).data().toString(), u"Inbox"_s);
    QCOMPARE(model.index(0, 0).data(FolderTreeModel::PathRole).toString(), u"INBOX"_s);
    const QModelIndex projects = model.index(2, 0);
    QCOMPARE(projects.data().toString(), u"Projets"_s);
    QCOMPARE(model.rowCount(projects), 2);
    QCOMPARE(model.index(0, 0, projects).data().toString(), u"Voyage scolaire"_s);
    QCOMPARE(model.parent(model.index(1, 0, projects)), projects);
    QCOMPARE(model.indexForPath(u"Projets/Conseils de classe"_s), model.index(1, 0, projects));
    QVERIFY(!model.indexForPath(u"Nope"_s).isValid());
}

void TestFolderTreeModel::missingParentsArePlaceholders()
{
    FolderTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setFolders({folder(u"A/B/C"_s)});
    const QModelIndex a = model.index(0, 0);
    QCOMPARE(a.data().toString(), u"A"_s);
    QVERIFY(!(model.flags(a) & Qt::ItemIsSelectable));
    const QModelIndex c = model.index(0, 0, model.index(0, 0, a));
    QCOMPARE(c.data(FolderTreeModel::PathRole).toString(), u"A/B/C"_s);
    QVERIFY(model.flags(c) & Qt::ItemIsSelectable);
}

void TestFolderTreeModel::specialNamesOnlyAtTopLevel()
{
    FolderTreeModel model;
    model.setFolders({folder(u"Projets"_s), folder(u"Projets/Sent"_s, FolderInfo::Role::Sent)});
    QCOMPARE(model.index(0, 0, model.index(0, 0)).data().toString(), u"Sent"_s);
    QCOMPARE(FolderTreeModel::displayName(folder(u"Trash"_s, FolderInfo::Role::Trash)), u"Trash"_s);
}

void TestFolderTreeModel::oneRootPerAccountWithItsUnreadCount()
{
    FolderTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    // One account: its folders at the top, as before, whatever id the caller gives.
    model.setAccounts({{u"marie"_s, u"Marie"_s}});
    model.setFolders(
        u"marie"_s, {folder(u"INBOX"_s, FolderInfo::Role::Inbox), folder(u"Sent"_s, FolderInfo::Role::Sent)});
    model.setUnreadCounts(u"marie"_s, {{u"INBOX"_s, 3}});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, 0).data().toString(), u"Inbox (3)"_s);
    QCOMPARE(model.index(0, 0).data(FolderTreeModel::AccountIdRole).toString(), u"marie"_s);

    // A second account: a root each, in order, named and counted; the first keeps its folders.
    model.setAccounts({{u"marie"_s, u"Marie"_s}, {u"ce"_s, u"Collège"_s}});
    model.setFolders(u"ce"_s, {folder(u"INBOX"_s, FolderInfo::Role::Inbox), folder(u"Projets"_s),
                               folder(u"Projets/Sortie"_s)});
    model.setUnreadCounts(u"ce"_s, {{u"INBOX"_s, 1}, {u"Projets/Sortie"_s, 4}});
    QCOMPARE(model.rowCount(), 2);
    const QModelIndex marie = model.index(0, 0);
    const QModelIndex school = model.index(1, 0);
    QCOMPARE(marie.data().toString(), u"Marie (3)"_s);
    QCOMPARE(school.data().toString(), u"Collège (5)"_s);
    QVERIFY(school.data(FolderTreeModel::AccountRootRole).toBool());
    QVERIFY(!(model.flags(school) & Qt::ItemIsSelectable));
    QCOMPARE(model.rowCount(marie), 2);
    QCOMPARE(model.rowCount(school), 2);
    QCOMPARE(model.unreadTotal(u"ce"_s), 5);
    // The same path in each account.
    const QModelIndex schoolInbox = model.indexForPath(u"INBOX"_s, u"ce"_s);
    QCOMPARE(schoolInbox.parent(), school);
    QCOMPARE(schoolInbox.data().toString(), u"Inbox (1)"_s);
    QCOMPARE(schoolInbox.data(FolderTreeModel::AccountIdRole).toString(), u"ce"_s);
    QCOMPARE(model.indexForPath(u"INBOX"_s, u"marie"_s).parent(), marie);
    QCOMPARE(model.indexForPath(u"Projets/Sortie"_s, u"ce"_s).data().toString(), u"Sortie (4)"_s);
    QVERIFY(!model.indexForPath(u"Projets"_s, u"marie"_s).isValid());

    // Moved: the tree follows; renamed too.
    model.setAccounts({{u"ce"_s, u"Établissement"_s}, {u"marie"_s, u"Marie"_s}});
    QCOMPARE(model.index(0, 0).data().toString(), u"Établissement (5)"_s);
    QCOMPARE(model.rowCount(model.index(0, 0)), 2);

    // Back to one account: its folders at the top again, the other's gone.
    model.setAccounts({{u"marie"_s, u"Marie"_s}});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, 0).data().toString(), u"Inbox (3)"_s);
    QCOMPARE(model.index(1, 0).data().toString(), u"Sent"_s);
}

void TestFolderTreeModel::dropsStayInTheShownAccount()
{
    FolderTreeModel model;
    model.setAccounts({{u"marie"_s, u"Marie"_s}, {u"ce"_s, u"Collège"_s}});
    model.setFolders(u"marie"_s, {folder(u"INBOX"_s, FolderInfo::Role::Inbox), folder(u"Archives"_s)});
    model.setFolders(u"ce"_s, {folder(u"INBOX"_s, FolderInfo::Role::Inbox), folder(u"Archives"_s)});
    model.setDropAccount(u"marie"_s);
    QMimeData data;
    data.setData(MessageListModel::kMimeType, {});
    QVERIFY(
        model.canDropMimeData(&data, Qt::MoveAction, -1, -1, model.indexForPath(u"Archives"_s, u"marie"_s)));
    QVERIFY(
        !model.canDropMimeData(&data, Qt::MoveAction, -1, -1, model.indexForPath(u"Archives"_s, u"ce"_s)));
    QVERIFY(!model.canDropMimeData(&data, Qt::MoveAction, -1, -1, model.index(0, 0)));
}

QTEST_MAIN(TestFolderTreeModel)
#include "tst_foldertreemodel.moc"
