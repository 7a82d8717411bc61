// « Tous les comptes » in the window's list (issue 18): UnifiedListModel over two accounts' caches
// with many pages of messages, read lazily, newest first across the page boundaries and exactly
// in the order of a merge done here by sorting, each row naming its account; a selected message is
// found again after a reload; a message deleted after the list's ids were read leaves no wrong row.
#include "UnifiedListModel.h"
#include "account/AccountPaths.h"
#include "cache/MailCache.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Qt::StringLiterals;
using namespace Amiens;

namespace {

const auto kPersonal = u"mdupont@ac-amiens.fr"_s;
const auto kSchool = u"ce.0801234x@ac-amiens.fr"_s;

FetchedMessage fetched(quint32 uid, const QString &subject, const QDateTime &date, bool seen, bool flagged)
{
    FetchedMessage message;
    message.uid = uid;
    if (seen)
        message.flags.append(u"\\Seen"_s);
    if (flagged)
        message.flags.append(u"\\Flagged"_s);
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
    void firstScreenComesBeforeTheRest();
    void restComesAfterTheFirstPaint();
    void deepRowsAreTheReferenceMerge();
    void unreadAndFlaggedViewsAcrossAccounts();
    void selectedMessageFoundAfterReload();
    void searchIsLimitedAcrossAccounts();
    void mailBetweenTheTwoReadsShowsTheListAgain();
    void messageDeletedAfterTheIdsWereReadLeavesNoWrongRow(); // last: it deletes from the caches

private:
    /// One message of the reference list: its account's place in sources() and its row.
    struct Expected
    {
        int source = 0;
        qint64 rowId = 0;
        QDateTime date;
        bool seen = false;
        bool flagged = false;
    };
    /// @p count messages in @p cache's inbox, one every @p step minutes from @p first.
    void fill(MailCache &cache, const QString &account, int count, int first, int step);
    /// Both inboxes newest first as the window must show them, by a stable sort of every message
    /// (Marie's first, so that equal dates keep the accounts' order), not by the merge under test.
    [[nodiscard]] QList<Expected> reference();
    /// Whether @p model shows @p expected on @p row.
    [[nodiscard]] static bool sameRow(const UnifiedListModel &model, int row, const Expected &expected);
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
        // Every third one read, every seventh flagged.
        messages.append(fetched(quint32(i + 1), u"%1 %2"_s.arg(account.left(2)).arg(minute),
                                m_base.addSecs(minute * 60), i % 3 == 0, i % 7 == 0));
    }
    QVERIFY(cache.storeMessages(id, messages, QList<QByteArray>(messages.size())));
    QVERIFY(cache.saveFolderState(id, 1, quint32(count + 1), 0));
}

QList<TestUnifiedListModel::Expected> TestUnifiedListModel::reference()
{
    QList<Expected> all;
    const QList<UnifiedMailbox::Source> accounts = sources();
    for (int source = 0; source < accounts.size(); ++source) {
        MailCache &cache = *accounts.at(source).cache;
        const qint64 inbox = cache.folderStore().folder(u"INBOX"_s)->id;
        for (const CachedMessage &message : cache.messageStore().messages(inbox, 100000))
            all.append({source, message.rowId, message.headers.date, message.isSeen(), message.isFlagged()});
    }
    std::stable_sort(all.begin(), all.end(),
                     [](const Expected &a, const Expected &b) { return a.date > b.date; });
    return all;
}

bool TestUnifiedListModel::sameRow(const UnifiedListModel &model, int row, const Expected &expected)
{
    const auto entry = model.entryAt(row);
    return entry && entry->accountId == (expected.source == 0 ? kPersonal : kSchool) &&
           entry->message.rowId == expected.rowId && entry->message.headers.date == expected.date;
}

void TestUnifiedListModel::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // Marie's every two minutes from 0, the school's every three: interleaved unevenly, with the
    // same minute in both every six minutes, over 4,500 rows (90 pages).
    fill(m_personal, kPersonal, 2500, 0, 2);
    fill(m_school, kSchool, 2000, 0, 3);
}

void TestUnifiedListModel::pagesFollowTheMergedOrder()
{
    UnifiedListModel model;
    model.setSources(sources(), names());
    model.setView(UnifiedMailbox::View::Inboxes);
    model.readRest();
    QAbstractItemModelTester tester(&model);
    QCOMPARE(model.rowCount(), 4500);
    QCOMPARE(model.columnCount(), int(UnifiedListModel::ColumnCount));
    // Newest first: the school's alone past Marie's last (minute 4998), then both.
    QCOMPARE(model.index(0, UnifiedListModel::SubjectColumn).data().toString(), u"ce 5997"_s);
    QCOMPARE(model.index(0, UnifiedListModel::AccountColumn).data().toString(), u"École Jules Ferry"_s);
    QCOMPARE(model.index(0, 0).data(UnifiedListModel::AccountIdRole).toString(), kSchool);
    QCOMPARE(model.index(0, 0).data(UnifiedListModel::FolderPathRole).toString(), u"INBOX"_s);
    // Minute 4998 in both: Marie's first (the accounts' order), then the school's.
    const int both = 333; // the school's minutes 5997 down to 5001
    QCOMPARE(model.index(both, UnifiedListModel::SubjectColumn).data().toString(), u"md 4998"_s);
    QCOMPARE(model.index(both, UnifiedListModel::AccountColumn).data().toString(), u"Marie Dupont"_s);
    QCOMPARE(model.index(both + 1, UnifiedListModel::SubjectColumn).data().toString(), u"ce 4998"_s);
    // Across every page's end, still in order.
    QDateTime previous = model.entryAt(0)->message.headers.date;
    for (int row = 1; row < model.rowCount(); ++row) {
        const auto entry = model.entryAt(row);
        QVERIFY2(entry, qPrintable(QString::number(row)));
        QVERIFY2(entry->message.headers.date <= previous, qPrintable(QString::number(row)));
        previous = entry->message.headers.date;
    }
    QCOMPARE(model.index(4499, UnifiedListModel::SubjectColumn).data().toString(), u"ce 0"_s);
    QVERIFY(!model.entryAt(4500));
    QVERIFY(!model.entryAt(-1));
}

void TestUnifiedListModel::firstScreenComesBeforeTheRest()
{
    const QList<Expected> expected = reference();
    UnifiedListModel model;
    model.setSources(sources(), names());
    model.setView(UnifiedMailbox::View::Inboxes);
    // The merged list's first rows only, exactly, before any other id is read.
    QCOMPARE(model.rowCount(), UnifiedListModel::kFirstRows);
    QVERIFY(model.hasRestToRead());
    for (int row = 0; row < model.rowCount(); ++row)
        QVERIFY2(sameRow(model, row, expected.at(row)), qPrintable(QString::number(row)));
    // The rest appended after them: no reset, so the view keeps its place and selection.
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.readRest();
    QCOMPARE(reset.count(), 0);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), UnifiedListModel::kFirstRows);
    QCOMPARE(inserted.first().at(2).toInt(), 4499);
    QCOMPARE(model.rowCount(), 4500);
    QVERIFY(!model.hasRestToRead());
    for (const int row : {0, UnifiedListModel::kFirstRows - 1, UnifiedListModel::kFirstRows, 4499})
        QVERIFY2(sameRow(model, row, expected.at(row)), qPrintable(QString::number(row)));
    // A list no longer than the first rows is whole at once.
    model.setView(UnifiedMailbox::View::Flagged);
    QVERIFY(model.hasRestToRead()); // 644 flagged
    model.showRows(UnifiedMailbox(sources()).searchRows(u"Martin"_s, 120));
    QVERIFY(!model.hasRestToRead());
}

void TestUnifiedListModel::restComesAfterTheFirstPaint()
{
    // The window's list reads the rest once its first screen is painted, before any scrolling:
    // nothing in Qt would ask the model for it.
    UnifiedListModel model;
    QTreeView view;
    view.setUniformRowHeights(true);
    view.setModel(&model);
    model.readRestAfterPaintsOf(&view);
    model.setSources(sources(), names());
    model.setView(UnifiedMailbox::View::Inboxes);
    QCOMPARE(model.rowCount(), UnifiedListModel::kFirstRows);
    view.resize(800, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QTRY_COMPARE(model.rowCount(), 4500);
    QCOMPARE(view.indexAt(QPoint(1, 1)).row(), 0); // still at the top
}

void TestUnifiedListModel::deepRowsAreTheReferenceMerge()
{
    const QList<Expected> expected = reference();
    QCOMPARE(expected.size(), 4500);
    UnifiedListModel model;
    model.setSources(sources(), names());
    model.setView(UnifiedMailbox::View::Inboxes);
    model.readRest();
    QCOMPARE(model.rowCount(), 4500);
    // Straight to the end, then deep pages in the middle, from the bottom up, then everything.
    for (const int row : {4499, 4450, 3999, 3000, 2222, 1234, 50, 49, 0})
        QVERIFY2(sameRow(model, row, expected.at(row)), qPrintable(QString::number(row)));
    for (int row = model.rowCount() - 1; row >= 0; --row)
        QVERIFY2(sameRow(model, row, expected.at(row)), qPrintable(QString::number(row)));
    for (qsizetype row = 0; row < expected.size(); ++row) {
        const UnifiedMailbox::Row listed = model.rows().at(row);
        QCOMPARE(listed.source, expected.at(row).source);
        QCOMPARE(listed.rowId, expected.at(row).rowId);
    }
}

void TestUnifiedListModel::unreadAndFlaggedViewsAcrossAccounts()
{
    UnifiedListModel model;
    model.setSources(sources(), names());
    for (const UnifiedMailbox::View view : {UnifiedMailbox::View::Unread, UnifiedMailbox::View::Flagged}) {
        QList<Expected> expected;
        for (const Expected &message : reference()) {
            if (view == UnifiedMailbox::View::Unread ? !message.seen : message.flagged)
                expected.append(message);
        }
        // Two thirds unread (1,666 + 1,333), a seventh flagged (358 + 286).
        QCOMPARE(expected.size(), view == UnifiedMailbox::View::Unread ? 1666 + 1333 : 358 + 286);
        model.setView(view);
        model.readRest();
        QCOMPARE(model.rowCount(), expected.size());
        for (int row = model.rowCount() - 1; row >= 0; --row) {
            QVERIFY2(sameRow(model, row, expected.at(row)), qPrintable(QString::number(row)));
            const QModelIndex index = model.index(row, 0);
            QVERIFY(view == UnifiedMailbox::View::Unread
                        ? !index.data(UnifiedListModel::SeenRole).toBool()
                        : index.data(UnifiedListModel::FlaggedRole).toBool());
        }
    }
}

void TestUnifiedListModel::selectedMessageFoundAfterReload()
{
    UnifiedListModel model;
    model.setSources(sources(), names());
    model.setView(UnifiedMailbox::View::Inboxes);
    model.readRest();
    const auto entry = model.entryAt(3210);
    QVERIFY(entry);
    model.reload();
    // Beyond the first rows read again: the rest of the list is read to find it.
    QVERIFY(model.hasRestToRead());
    QCOMPARE(model.rowFor(entry->accountId, entry->message.rowId, 3210), 3210);
    QVERIFY(!model.hasRestToRead());
    // Looked for from where it was, and before it too (messages above it went).
    QCOMPARE(model.rowFor(entry->accountId, entry->message.rowId, 4000), 3210);
    QCOMPARE(model.rowFor(entry->accountId, entry->message.rowId), 3210);
    // Row ids are each cache's own: the other account's message with the same id is another row.
    const int other =
        model.rowFor(entry->accountId == kSchool ? kPersonal : kSchool, entry->message.rowId, 3210);
    QVERIFY(other >= 0);
    QVERIFY(other != 3210);
    QCOMPARE(model.rowFor(entry->accountId, 999999, 3210), -1);
    QCOMPARE(model.rowFor(u"inconnu@ac-amiens.fr"_s, entry->message.rowId, 3210), -1);
}

void TestUnifiedListModel::searchIsLimitedAcrossAccounts()
{
    UnifiedListModel model;
    model.setSources(sources(), names());
    // Every message names « Famille Martin »; each account's newest are its last written, so the
    // 120 found are the merged list's first 120, from both accounts.
    const QList<UnifiedMailbox::Row> found = UnifiedMailbox(sources()).searchRows(u"Martin"_s, 120);
    QCOMPARE(found.size(), 120);
    model.showRows(found);
    QVERIFY(model.isShowingSearch());
    QCOMPARE(model.rowCount(), 120);
    const QList<Expected> expected = reference();
    for (int row = 119; row >= 0; --row)
        QVERIFY2(sameRow(model, row, expected.at(row)), qPrintable(QString::number(row)));
    QCOMPARE(model.index(119, UnifiedListModel::AccountColumn).data().toString(),
             names().value(expected.at(119).source == 0 ? kPersonal : kSchool));
    QCOMPARE(model.rowFor(kPersonal, expected.at(70).rowId), expected.at(70).source == 0 ? 70 : -1);
    // One account only: its own 120 newest.
    const QList<UnifiedMailbox::Row> school = UnifiedMailbox(sources()).searchRows(u"Martin"_s, 120, kSchool);
    QCOMPARE(school.size(), 120);
    for (const UnifiedMailbox::Row &row : school)
        QCOMPARE(row.source, 1);
    model.setView(UnifiedMailbox::View::Inboxes);
    QVERIFY(!model.isShowingSearch());
    model.readRest();
    QCOMPARE(model.rowCount(), 4500);
}

void TestUnifiedListModel::mailBetweenTheTwoReadsShowsTheListAgain()
{
    UnifiedListModel model;
    model.setSources(sources(), names());
    model.setView(UnifiedMailbox::View::Inboxes);
    QCOMPARE(model.rowCount(), UnifiedListModel::kFirstRows);
    // New mail, newer than everything, stored between the first rows and the rest.
    const qint64 inbox = m_school.folderStore().folder(u"INBOX"_s)->id;
    QVERIFY(m_school.storeMessages(inbox,
                                   {fetched(2001, u"ce nouveau"_s, m_base.addSecs(9000 * 60), false, false)},
                                   QList<QByteArray>(1)));
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.readRest();
    QCOMPARE(reset.count(), 1);
    QCOMPARE(model.rowCount(), 4501);
    QCOMPARE(model.index(0, UnifiedListModel::SubjectColumn).data().toString(), u"ce nouveau"_s);
    QCOMPARE(model.index(1, UnifiedListModel::SubjectColumn).data().toString(), u"ce 5997"_s);
    QVERIFY(m_school.removeMessages(inbox, {2001}));
}

void TestUnifiedListModel::messageDeletedAfterTheIdsWereReadLeavesNoWrongRow()
{
    const QList<Expected> expected = reference();
    UnifiedListModel model;
    model.setSources(sources(), names());
    model.setView(UnifiedMailbox::View::Inboxes);
    model.readRest();
    QVERIFY(sameRow(model, 10, expected.at(10))); // the first page read, not the one of row 3,000
    // A sync expunges the message on row 3,000 after the list read its ids.
    MailCache &cache = expected.at(3000).source == 0 ? m_personal : m_school;
    const QList<CachedMessage> gone = cache.messageStore().messagesByRowIds({expected.at(3000).rowId});
    QCOMPARE(gone.size(), 1);
    QVERIFY(cache.removeMessages(cache.folderStore().folder(u"INBOX"_s)->id, {gone.first().uid}));
    QCOMPARE(model.rowCount(), 4500);
    QVERIFY(!model.entryAt(3000));
    QVERIFY(!model.index(3000, UnifiedListModel::SubjectColumn).data().isValid());
    // Its neighbours on the same page are still themselves, not shifted.
    for (const int row : {2950, 2999, 3001, 3049})
        QVERIFY2(sameRow(model, row, expected.at(row)), qPrintable(QString::number(row)));
    model.reload();
    model.readRest();
    QCOMPARE(model.rowCount(), 4499);
    QVERIFY(sameRow(model, 3000, expected.at(3001)));
}

QTEST_MAIN(TestUnifiedListModel)
#include "tst_unifiedlistmodel.moc"
