// « Tous les comptes » in the window's list (issue 18): UnifiedListModel over two accounts' caches
// with more messages than a page, read lazily, newest first across the page boundaries, each row
// naming its account; a selected message is found again after a reload.
#include "UnifiedListModel.h"
#include "account/AccountPaths.h"
#include "cache/MailCache.h"

#include <QAbstractItemModelTester>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Amiens;

namespace {

const auto kPersonal = u"mdupont@ac-amiens.fr"_s;
const auto kSchool = u"ce.0801234x@ac-amiens.fr"_s;

FetchedMessage fetched(quint32 uid, const QString &subject, const QDateTime &date, bool seen)
{
    FetchedMessage message;
    message.uid = uid;
    if (seen)
        message.flags = {u"\\Seen"_s};
    message.rawHeader = "From: Famille Martin <famille.martin@example.fr>\r\nSubject: " + subject.toUtf8() +
                        "\r\nDate: " + date.toString(Qt::RFC2822Date).toLatin1() + "\r\nMessage-ID: <" +
                        subject.toUtf8().toHex() + "@example.fr>\r\n\r\n";
    message.size = message.rawHeader.size();
    return message;
}

} // namespace

class TestUnifiedListModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void pagesFollowTheMergedOrder();
    void selectedMessageFoundAfterReload();
    void searchResultsAndUnreadView();

private:
    /// @p count messages in @p cache's inbox, one every @p step minutes from @p first.
    void fill(MailCache &cache, const QString &account, int count, int first, int step);
    [[nodiscard]] QList<UnifiedMailbox::Source> sources()
    {
        return {{kPersonal, &m_personal}, {kSchool, &m_school}};
    }
    [[nodiscard]] static QHash<QString, QString> names()
    {
        return {{kPersonal, u"Marie Dupont"_s}, {kSchool, u"École Jules Ferry"_s}};
    }

    QTemporaryDir m_dir;
    MailCache m_personal;
    MailCache m_school;
    const QDateTime m_base{QDate(2026, 11, 2), QTime(8, 0), Qt::UTC};
};

void TestUnifiedListModel::fill(MailCache &cache, const QString &account, int count, int first, int step)
{
    QString error;
    QVERIFY2(cache.open(AccountPaths(m_dir.path(), account).cacheFile(), account, MailCache::Mode::ReadWrite,
                        &error),
             qPrintable(error));
    FolderInfo inbox;
    inbox.pathParts = {u"INBOX"_s};
    inbox.role = FolderInfo::Role::Inbox;
    QVERIFY(cache.folderStore().replaceFolderList({inbox}));
    const qint64 id = cache.folderStore().folder(u"INBOX"_s)->id;
    QList<FetchedMessage> messages;
    for (int i = 0; i < count; ++i) {
        const int minute = first + i * step;
        // Every third one read.
        messages.append(fetched(quint32(i + 1), u"%1 %2"_s.arg(account.left(2)).arg(minute),
                                m_base.addSecs(minute * 60), i % 3 == 0));
    }
    QVERIFY(cache.storeMessages(id, messages, QList<QByteArray>(messages.size())));
    QVERIFY(cache.saveFolderState(id, 1, quint32(count + 1), 0));
}

void TestUnifiedListModel::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // Marie's every two minutes from 0, the school's every two minutes from 1: they alternate.
    fill(m_personal, kPersonal, 250, 0, 2);
    fill(m_school, kSchool, 200, 1, 2);
}

void TestUnifiedListModel::pagesFollowTheMergedOrder()
{
    UnifiedListModel model;
    QAbstractItemModelTester tester(&model);
    model.setSources(sources(), names());
    model.setView(UnifiedMailbox::View::Inboxes);
    QCOMPARE(model.rowCount(), 450);
    QCOMPARE(model.columnCount(), int(UnifiedListModel::ColumnCount));
    // Newest first: Marie's last 50 alone (minutes 498 down to 400), then both, alternating.
    QCOMPARE(model.index(0, UnifiedListModel::SubjectColumn).data().toString(), u"md 498"_s);
    QCOMPARE(model.index(0, UnifiedListModel::AccountColumn).data().toString(), u"Marie Dupont"_s);
    QCOMPARE(model.index(50, UnifiedListModel::SubjectColumn).data().toString(), u"ce 399"_s);
    QCOMPARE(model.index(50, UnifiedListModel::AccountColumn).data().toString(), u"École Jules Ferry"_s);
    QCOMPARE(model.index(50, 0).data(UnifiedListModel::AccountIdRole).toString(), kSchool);
    QCOMPARE(model.index(50, 0).data(UnifiedListModel::FolderPathRole).toString(), u"INBOX"_s);
    // Across the first page's end and into the third page, still in order.
    QDateTime previous = model.entryAt(0)->message.headers.date;
    for (int row = 1; row < model.rowCount(); ++row) {
        const auto entry = model.entryAt(row);
        QVERIFY2(entry, qPrintable(QString::number(row)));
        QVERIFY2(entry->message.headers.date < previous, qPrintable(QString::number(row)));
        previous = entry->message.headers.date;
    }
    QCOMPARE(model.index(449, UnifiedListModel::SubjectColumn).data().toString(), u"md 0"_s);
    QVERIFY(!model.entryAt(450));
}

void TestUnifiedListModel::selectedMessageFoundAfterReload()
{
    UnifiedListModel model;
    model.setSources(sources(), names());
    model.setView(UnifiedMailbox::View::Inboxes);
    const auto entry = model.entryAt(321); // on the second page
    QVERIFY(entry);
    model.reload();
    // Only the page it was on is read again to find it.
    QCOMPARE(model.rowFor(entry->accountId, entry->message.rowId, 321), 321);
    // Row ids are each cache's own: the other account's message with the same id is another row.
    QVERIFY(model.rowFor(entry->accountId == kSchool ? kPersonal : kSchool, entry->message.rowId, 321) !=
            321);
    QCOMPARE(model.rowFor(entry->accountId, 999999, 321), -1);
}

void TestUnifiedListModel::searchResultsAndUnreadView()
{
    UnifiedListModel model;
    model.setSources(sources(), names());
    model.setView(UnifiedMailbox::View::Unread);
    // Two thirds of each inbox are unread: 166 of Marie's 250, 133 of the school's 200.
    QCOMPARE(model.rowCount(), 166 + 133);
    for (const int row : {0, 150, 298})
        QVERIFY(!model.index(row, 0).data(UnifiedListModel::SeenRole).toBool());

    const QList<UnifiedMailbox::Entry> found = UnifiedMailbox(sources()).search(u"Martin"_s, 10);
    QCOMPARE(found.size(), 10);
    model.showEntries(found);
    QVERIFY(model.isShowingSearch());
    QCOMPARE(model.rowCount(), 10);
    QCOMPARE(model.index(1, UnifiedListModel::AccountColumn).data().toString(),
             names().value(found.at(1).accountId));
    QCOMPARE(model.rowFor(found.at(7).accountId, found.at(7).message.rowId), 7);
    model.setView(UnifiedMailbox::View::Inboxes);
    QVERIFY(!model.isShowingSearch());
    QCOMPARE(model.rowCount(), 450);
}

QTEST_MAIN(TestUnifiedListModel)
#include "tst_unifiedlistmodel.moc"
