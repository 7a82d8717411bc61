// « Libérer de l'espace » (issue 18): what fills the mailbox, from the cache, and deletions that
// go back to the window as requests (one per folder), never twice for the same message.
#include "FreeSpaceDialog.h"
#include "account/AccountPaths.h"
#include "cache/MailCache.h"

#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using namespace Amiens;

namespace {

const auto kSchool = u"ce.0801234x@ac-amiens.fr"_s;

FolderInfo folder(const QString &name, FolderInfo::Role role)
{
    FolderInfo info;
    info.pathParts = {name};
    info.role = role;
    return info;
}

FetchedMessage fetched(quint32 uid, const QString &subject, int year, qint64 size, bool attachment)
{
    FetchedMessage message;
    message.uid = uid;
    message.size = size;
    message.rawHeader = "From: Rectorat <ce.dsden80@ac-amiens.fr>\r\nSubject: " + subject.toUtf8() +
                        "\r\nDate: 1 Sep " + QByteArray::number(year) +
                        " 09:00:00 +0200\r\nMIME-Version: 1.0\r\n" +
                        (attachment ? "Content-Type: multipart/mixed; boundary=b\r\n\r\n"
                                    : "Content-Type: text/plain\r\n\r\n");
    return message;
}

template <typename T>
T *child(QWidget *parent, const QString &name)
{
    T *found = parent->findChild<T *>(name);
    if (!found)
        qFatal("no child %s", qPrintable(name));
    return found;
}

} // namespace

class TestFreeSpaceDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void showsTheQuotaAndWhatTakesRoom();
    void deletionsAreRequestedPerFolderAndOnce();
    void emptyingTheTrashIsRequested();

private:
    std::unique_ptr<FreeSpaceDialog> dialog();

    QTemporaryDir m_dir;
    MailCache m_cache;
};

void TestFreeSpaceDialog::init()
{
    m_cache.close();
    const QString path = AccountPaths(m_dir.path(), kSchool).cacheFile();
    QFile::remove(path);
    QString error;
    QVERIFY2(m_cache.open(path, kSchool, MailCache::Mode::ReadWrite, &error), qPrintable(error));
    QVERIFY(m_cache.folderStore().replaceFolderList(
        {folder(u"INBOX"_s, FolderInfo::Role::Inbox), folder(u"Archives"_s, FolderInfo::Role::Archive),
         folder(u"Trash"_s, FolderInfo::Role::Trash), folder(u"Junk"_s, FolderInfo::Role::Junk)}));
    const auto store = [this](const QString &folderPath, const QList<FetchedMessage> &messages) {
        const qint64 id = m_cache.folderStore().folder(folderPath)->id;
        QVERIFY(m_cache.storeMessages(id, messages, QList<QByteArray>(messages.size())));
    };
    // A scanned convocation of 900 KB from 2019, photos of a school trip, ordinary mail.
    store(u"INBOX"_s, {fetched(1, u"Convocation jury DNB (scan)"_s, 2019, 900 * 1024, true),
                       fetched(2, u"Réunion de rentrée"_s, 2026, 12 * 1024, false)});
    store(u"Archives"_s, {fetched(3, u"Photos sortie Samara"_s, 2024, 600 * 1024, true)});
    store(u"Trash"_s, {fetched(4, u"Ancien bulletin"_s, 2025, 300 * 1024, true)});
}

std::unique_ptr<FreeSpaceDialog> TestFreeSpaceDialog::dialog()
{
    AccountQuota quota;
    quota.storageUsedKiB = 1700;
    quota.storageLimitKiB = 2048;
    return std::make_unique<FreeSpaceDialog>(u"Collège Jules Verne"_s, QuotaStatus::of(quota),
                                             CacheSpaceReport::compute(m_cache, 20));
}

void TestFreeSpaceDialog::showsTheQuotaAndWhatTakesRoom()
{
    const auto shown = dialog();
    QVERIFY(shown->windowTitle().contains(u"Collège Jules Verne"_s));
    QVERIFY2(child<QLabel>(shown.get(), u"quotaStatusLabel"_s)->text().contains(u"83"_s),
             qPrintable(child<QLabel>(shown.get(), u"quotaStatusLabel"_s)->text()));
    QCOMPARE(child<QProgressBar>(shown.get(), u"quotaUsageBar"_s)->value(), 83);
    auto *largest = child<QTreeWidget>(shown.get(), u"largestMessages"_s);
    QVERIFY(largest->topLevelItemCount() >= 3);
    QCOMPARE(largest->topLevelItem(0)->text(2), u"Convocation jury DNB (scan)"_s);
    QCOMPARE(largest->topLevelItem(0)->text(3), u"INBOX"_s);
    auto *oldest = child<QTreeWidget>(shown.get(), u"oldestAttachments"_s);
    QCOMPARE(oldest->topLevelItem(0)->text(2), u"Convocation jury DNB (scan)"_s);
    QVERIFY(child<QPushButton>(shown.get(), u"emptyTrashButton"_s)->isEnabled());
    QVERIFY(!child<QPushButton>(shown.get(), u"emptyJunkButton"_s)->isEnabled()); // nothing in it
}

void TestFreeSpaceDialog::deletionsAreRequestedPerFolderAndOnce()
{
    const auto shown = dialog();
    QSignalSpy requested(shown.get(), &FreeSpaceDialog::deleteRequested);
    auto *largest = child<QTreeWidget>(shown.get(), u"largestMessages"_s);
    auto *remove = child<QPushButton>(shown.get(), u"largestMessagesDeleteButton"_s);
    QVERIFY(!remove->isEnabled());
    for (int row = 0; row < largest->topLevelItemCount(); ++row) {
        const QString subject = largest->topLevelItem(row)->text(2);
        if (subject.startsWith(u"Convocation"_s) || subject.startsWith(u"Photos"_s))
            largest->topLevelItem(row)->setSelected(true);
    }
    QVERIFY(remove->isEnabled());
    remove->click();
    QCOMPARE(requested.size(), 2);
    QMap<QString, QList<quint32>> byFolder;
    for (const QList<QVariant> &signal : std::as_const(requested))
        byFolder.insert(signal.at(0).toString(), signal.at(1).value<QList<quint32>>());
    QCOMPARE(byFolder.value(u"INBOX"_s), QList<quint32>{1});
    QCOMPARE(byFolder.value(u"Archives"_s), QList<quint32>{3});
    // Gone from both lists: the same message cannot be deleted twice from the other tab.
    auto *oldest = child<QTreeWidget>(shown.get(), u"oldestAttachments"_s);
    for (int row = 0; row < oldest->topLevelItemCount(); ++row)
        QVERIFY(!oldest->topLevelItem(row)->text(2).startsWith(u"Convocation"_s));
}

void TestFreeSpaceDialog::emptyingTheTrashIsRequested()
{
    const auto shown = dialog();
    QSignalSpy emptied(shown.get(), &FreeSpaceDialog::emptyFolderRequested);
    auto *empty = child<QPushButton>(shown.get(), u"emptyTrashButton"_s);
    empty->click();
    QCOMPARE(emptied.size(), 1);
    QCOMPARE(emptied.first().first().toString(), u"Trash"_s);
    QVERIFY(!empty->isEnabled()); // asked once
}

QTEST_MAIN(TestFreeSpaceDialog)
#include "tst_freespacedialog.moc"
