#include "FolderTreeModel.h"

#include <QAbstractItemModelTester>
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

QTEST_MAIN(TestFolderTreeModel)
#include "tst_foldertreemodel.moc"
