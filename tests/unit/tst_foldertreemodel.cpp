#include "FolderTreeModel.h"
#include "MessageListModel.h"
#include "cache/UnifiedMailbox.h"

#include <QAbstractItemModelTester>
#include <QMimeData>
#include <QSignalSpy>
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

/// A folder of @p owner's, as a sync classifies shared/<owner>/… (rights empty: not read).
FolderInfo sharedFolder(const QString &path, const QString &owner, const QString &rights = {},
                        bool selectable = true)
{
    FolderInfo info = folder(path);
    info.namespaceKind = FolderInfo::Namespace::OtherUser;
    info.owner = owner;
    info.rights = rights;
    info.rightsKnown = !rights.isEmpty();
    info.selectable = selectable;
    return info;
}

/// What the test Dovecot lists for mdupont: jmartin's « Projets » read-only, pdurand's
/// « Cantine » read-write, with the namespace's \Noselect levels.
QList<FolderInfo> withSharedFolders()
{
    return {folder(u"INBOX"_s, FolderInfo::Role::Inbox),
            folder(u"Projets"_s),
            sharedFolder(u"shared"_s, {}, {}, false),
            sharedFolder(u"shared/jmartin"_s, u"jmartin"_s, {}, false),
            sharedFolder(u"shared/jmartin/Projets"_s, u"jmartin"_s, u"lr"_s),
            sharedFolder(u"shared/jmartin/Projets/2026"_s, u"jmartin"_s, u"lr"_s),
            sharedFolder(u"shared/pdurand"_s, u"pdurand"_s, {}, false),
            sharedFolder(u"shared/pdurand/Cantine"_s, u"pdurand"_s, u"lrswipkxtecda"_s)};
}

QMimeData *dragged(QMimeData &data)
{
    data.setData(MessageListModel::kMimeType, "12,13");
    return &data;
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
    void sharedFoldersGroupedByOwner();
    void sharedFoldersUnderTheirAccountRoot();
    void dropOnReadOnlyFolderIsRefusedWithTheReason();
    void plainListKeepsWhatTheSyncLearned();
    void publicFoldersWithoutOwner();
    void unifiedRootWithSeveralAccounts();
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

void TestFolderTreeModel::sharedFoldersGroupedByOwner()
{
    FolderTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setFolders(withSharedFolders());
    model.setUnreadCounts({{u"shared/jmartin/Projets"_s, 2}});
    // The user's own folders first, then one heading; "shared" itself is no folder.
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(1, 0).data().toString(), u"Projets"_s);
    QCOMPARE(model.index(1, 0).data(FolderTreeModel::PathRole).toString(), u"Projets"_s);
    const QModelIndex shared = model.index(2, 0);
    QCOMPARE(shared.data().toString(), u"Shared folders"_s);
    QVERIFY(shared.data(FolderTreeModel::SharedGroupRole).toBool());
    QVERIFY(!(model.flags(shared) & Qt::ItemIsSelectable));
    QVERIFY(!(model.flags(shared) & Qt::ItemIsDropEnabled));
    QCOMPARE(model.rowCount(shared), 2);

    const QModelIndex jmartin = model.index(0, 0, shared);
    QCOMPARE(jmartin.data().toString(), u"Shared by jmartin"_s);
    QVERIFY(!(model.flags(jmartin) & Qt::ItemIsSelectable));
    QCOMPARE(model.rowCount(jmartin), 1); // "shared/jmartin" is not a level of its own
    const QModelIndex projets = model.index(0, 0, jmartin);
    QCOMPARE(projets.data().toString(), u"Projets (2)"_s);
    QCOMPARE(projets.data(FolderTreeModel::PathRole).toString(), u"shared/jmartin/Projets"_s);
    QVERIFY(model.flags(projets) & Qt::ItemIsSelectable);
    const QString tip = projets.data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(u"jmartin"_s) && tip.contains(u"Read-only"_s), qPrintable(tip));
    QVERIFY(!projets.data(FolderTreeModel::AddRefusalRole).toString().isEmpty());
    QVERIFY(!projets.data(Qt::DecorationRole).value<QIcon>().isNull());
    QCOMPARE(model.index(0, 0, projets).data(FolderTreeModel::PathRole).toString(),
             u"shared/jmartin/Projets/2026"_s);

    const QModelIndex pdurand = model.index(1, 0, shared);
    QCOMPARE(pdurand.data().toString(), u"Shared by pdurand"_s);
    const QModelIndex cantine = model.index(0, 0, pdurand);
    QCOMPARE(cantine.data().toString(), u"Cantine"_s);
    QVERIFY(cantine.data(Qt::ToolTipRole).toString().contains(u"pdurand"_s));
    QVERIFY(!cantine.data(Qt::ToolTipRole).toString().contains(u"Read-only"_s));
    QVERIFY(cantine.data(FolderTreeModel::AddRefusalRole).toString().isEmpty());

    // Found by their server path, the user's own « Projets » apart.
    QCOMPARE(model.indexForPath(u"shared/jmartin/Projets"_s), projets);
    QCOMPARE(model.indexForPath(u"shared/pdurand/Cantine"_s), cantine);
    QCOMPARE(model.indexForPath(u"Projets"_s), model.index(1, 0));
    QVERIFY(!model.indexForPath(u"shared/jmartin"_s).isValid());
    QCOMPARE(model.displayNameForPath(u"shared/jmartin/Projets"_s), u"Projets"_s);
}

void TestFolderTreeModel::sharedFoldersUnderTheirAccountRoot()
{
    FolderTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setAccounts({{u"ce"_s, u"Collège"_s}, {u"marie"_s, u"Marie"_s}});
    model.setFolders(u"ce"_s, {folder(u"INBOX"_s, FolderInfo::Role::Inbox)});
    model.setFolders(u"marie"_s, withSharedFolders());
    model.setUnreadCounts(u"marie"_s, {{u"INBOX"_s, 1}, {u"shared/pdurand/Cantine"_s, 3}});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.rowCount(model.index(0, 0)), 1); // the school's box shares nothing
    const QModelIndex marie = model.index(1, 0);
    QCOMPARE(marie.data().toString(), u"Marie (4)"_s);
    const QModelIndex shared = model.index(2, 0, marie);
    QCOMPARE(shared.data().toString(), u"Shared folders"_s);
    QCOMPARE(shared.data(FolderTreeModel::AccountIdRole).toString(), u"marie"_s);
    const QModelIndex cantine = model.indexForPath(u"shared/pdurand/Cantine"_s, u"marie"_s);
    QCOMPARE(cantine.parent().parent(), shared);
    QCOMPARE(cantine.data().toString(), u"Cantine (3)"_s);
    QCOMPARE(cantine.data(FolderTreeModel::AccountIdRole).toString(), u"marie"_s);
    QVERIFY(!model.indexForPath(u"shared/pdurand/Cantine"_s, u"ce"_s).isValid());
}

void TestFolderTreeModel::dropOnReadOnlyFolderIsRefusedWithTheReason()
{
    FolderTreeModel model;
    model.setFolders(withSharedFolders());
    QSignalSpy dropped(&model, &FolderTreeModel::messagesDropped);
    QSignalSpy refused(&model, &FolderTreeModel::dropRefused);
    QMimeData data;
    const QModelIndex projets = model.indexForPath(u"shared/jmartin/Projets"_s);
    // Accepted while dragging, so that the drop can say why it is refused.
    QVERIFY(model.canDropMimeData(dragged(data), Qt::MoveAction, -1, -1, projets));
    QVERIFY(!model.dropMimeData(&data, Qt::MoveAction, -1, -1, projets));
    QCOMPARE(dropped.count(), 0);
    QCOMPARE(refused.count(), 1);
    QCOMPARE(refused.first().first().toString(), projets.data(FolderTreeModel::AddRefusalRole).toString());
    QVERIFY(refused.first().first().toString().contains(u"jmartin"_s));
    // A heading is no folder.
    QVERIFY(!model.canDropMimeData(&data, Qt::MoveAction, -1, -1, projets.parent()));

    model.dropMimeData(&data, Qt::MoveAction, -1, -1, model.indexForPath(u"shared/pdurand/Cantine"_s));
    QCOMPARE(dropped.count(), 1);
    QCOMPARE(dropped.first().at(1).toString(), u"shared/pdurand/Cantine"_s);
    QCOMPARE(refused.count(), 1);
}

void TestFolderTreeModel::plainListKeepsWhatTheSyncLearned()
{
    FolderTreeModel model;
    model.setFolders(withSharedFolders());
    // LIST alone (at start or F5) knows no namespaces: the tree keeps the headings and rights.
    QList<FolderInfo> plain;
    for (const FolderInfo &info : withSharedFolders()) {
        FolderInfo bare = folder(info.path(), info.role);
        bare.selectable = info.selectable;
        plain.append(bare);
    }
    model.setFolders(plain);
    const QModelIndex projets = model.indexForPath(u"shared/jmartin/Projets"_s);
    QCOMPARE(projets.parent().data().toString(), u"Shared by jmartin"_s);
    QVERIFY(!projets.data(FolderTreeModel::AddRefusalRole).toString().isEmpty());
    QVERIFY(!model.detailsDiffer({}, withSharedFolders()));

    // The owner made it read-write: the cache's rights differ, the caller rebuilds from them.
    QList<FolderInfo> granted = withSharedFolders();
    granted[4].rights = u"lrswite"_s;
    QVERIFY(model.detailsDiffer({}, granted));
    model.setFolders(granted);
    QVERIFY(model.indexForPath(u"shared/jmartin/Projets"_s)
                .data(FolderTreeModel::AddRefusalRole)
                .toString()
                .isEmpty());
}

void TestFolderTreeModel::publicFoldersWithoutOwner()
{
    // A shared (public) namespace has no owner: its folders sit right under the heading.
    FolderTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    FolderInfo root = folder(u"Public"_s);
    root.namespaceKind = FolderInfo::Namespace::Shared;
    root.selectable = false;
    FolderInfo news = folder(u"Public/Annonces"_s);
    news.namespaceKind = FolderInfo::Namespace::Shared;
    news.rights = u"lrs"_s;
    news.rightsKnown = true;
    model.setFolders({folder(u"INBOX"_s, FolderInfo::Role::Inbox), root, news});
    QCOMPARE(model.rowCount(), 2);
    const QModelIndex shared = model.index(1, 0);
    QCOMPARE(shared.data().toString(), u"Shared folders"_s);
    QCOMPARE(model.rowCount(shared), 1);
    const QModelIndex annonces = model.index(0, 0, shared);
    QCOMPARE(annonces.data().toString(), u"Annonces"_s);
    QCOMPARE(annonces.data(FolderTreeModel::PathRole).toString(), u"Public/Annonces"_s);
    QVERIFY(annonces.data(Qt::ToolTipRole).toString().contains(u"Shared folder"_s));
    QVERIFY(!annonces.data(FolderTreeModel::AddRefusalRole).toString().isEmpty());
}

// Issue 18: « Tous les comptes » first with two accounts or more, never with one; its entries
// are lists to select, not folders to drop on, and the accounts' roots and paths are unchanged.
void TestFolderTreeModel::unifiedRootWithSeveralAccounts()
{
    FolderTreeModel model;
    QAbstractItemModelTester tester(&model);
    model.setUnifiedViewsEnabled(true);
    model.setAccounts({{u"marie"_s, u"Marie"_s}});
    model.setFolders(u"marie"_s, {folder(u"INBOX"_s, FolderInfo::Role::Inbox), folder(u"Archives"_s)});
    QCOMPARE(model.rowCount(), 2); // one account: its folders at the top, no unified root
    QVERIFY(!model.indexForUnifiedView(int(UnifiedMailbox::View::Inboxes)).isValid());

    model.setAccounts({{u"marie"_s, u"Marie"_s}, {u"ce"_s, u"Collège"_s}});
    model.setFolders(u"ce"_s, {folder(u"INBOX"_s, FolderInfo::Role::Inbox)});
    QCOMPARE(model.rowCount(), 3);
    const QModelIndex all = model.index(0, 0);
    QVERIFY(all.data(FolderTreeModel::UnifiedRootRole).toBool());
    QVERIFY(!all.data(FolderTreeModel::AccountRootRole).toBool());
    QVERIFY(!(model.flags(all) & Qt::ItemIsSelectable));
    QCOMPARE(model.rowCount(all), 3);
    const QModelIndex inboxes = model.indexForUnifiedView(int(UnifiedMailbox::View::Inboxes));
    QCOMPARE(inboxes, model.index(0, 0, all));
    QCOMPARE(model.index(1, 0, all).data(FolderTreeModel::UnifiedViewRole).toInt(),
             int(UnifiedMailbox::View::Unread));
    QCOMPARE(model.index(2, 0, all).data(FolderTreeModel::UnifiedViewRole).toInt(),
             int(UnifiedMailbox::View::Flagged));
    QVERIFY(model.flags(inboxes) & Qt::ItemIsSelectable);
    QVERIFY(inboxes.data(FolderTreeModel::AccountIdRole).toString().isEmpty());
    QVERIFY(!model.index(1, 0).data(FolderTreeModel::UnifiedViewRole).isValid());
    QMimeData data;
    data.setData(MessageListModel::kMimeType, {});
    QVERIFY(!model.canDropMimeData(&data, Qt::MoveAction, -1, -1, inboxes));

    // The accounts' roots follow it; a path without an account is the first account's.
    QCOMPARE(model.index(1, 0).data(FolderTreeModel::AccountIdRole).toString(), u"marie"_s);
    QCOMPARE(model.indexForAccount(u"ce"_s), model.index(2, 0));
    QCOMPARE(model.indexForPath(u"Archives"_s).parent(), model.index(1, 0));
    QCOMPARE(model.displayNameForPath(u"Archives"_s), u"Archives"_s);

    // The badges: the inboxes' unread messages on the root and « Boîtes de réception ».
    model.setUnifiedCounts(4, 6);
    QCOMPARE(all.data().toString(), u"%1 (4)"_s.arg(FolderTreeModel::tr("All accounts")));
    QCOMPARE(inboxes.data().toString(), u"%1 (4)"_s.arg(FolderTreeModel::tr("Inboxes")));
    QCOMPARE(model.index(1, 0, all).data().toString(), u"%1 (6)"_s.arg(FolderTreeModel::tr("Unread")));
    QCOMPARE(model.index(2, 0, all).data().toString(), FolderTreeModel::tr("Flagged"));

    model.setAccounts({{u"marie"_s, u"Marie"_s}});
    QVERIFY(!model.indexForUnifiedView(-1).isValid());
}

QTEST_MAIN(TestFolderTreeModel)
#include "tst_foldertreemodel.moc"
