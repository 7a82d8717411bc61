// « Tous les comptes » (issue 18): the inboxes, unread and flagged messages of two accounts as one
// list, newest first, each entry naming its account; nothing hidden by a pending move shows, and
// the Trash and Junk stay out of the unread and flagged views.
#include "account/AccountPaths.h"
#include "cache/MailCache.h"
#include "cache/PendingOperationQueue.h"
#include "cache/UnifiedMailbox.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Amiens;

namespace {

const auto kPersonal = u"mdupont@ac-amiens.fr"_s;
const auto kSchool = u"ce.0801234x@ac-amiens.fr"_s;

FolderInfo folder(const QString &name, FolderInfo::Role role)
{
    FolderInfo info;
    info.pathParts = {name};
    info.role = role;
    return info;
}

FetchedMessage fetched(quint32 uid, const QString &subject, int day, const QStringList &flags)
{
    FetchedMessage message;
    message.uid = uid;
    message.flags = flags;
    message.rawHeader = "From: Famille Martin <famille.martin@example.fr>\r\n"
                        "Subject: " +
                        subject.toUtf8() + "\r\nDate: " + QByteArray::number(day) +
                        " Dec 2026 09:00:00 +0100\r\n"
                        "Message-ID: <" +
                        QByteArray::number(uid) + "-" + QByteArray::number(day) + "@example.fr>\r\n\r\n";
    message.size = message.rawHeader.size();
    return message;
}

QStringList subjects(const QList<UnifiedMailbox::Entry> &entries)
{
    QStringList result;
    for (const auto &entry : entries)
        result.append(entry.message.headers.subject);
    return result;
}

} // namespace

class TestUnifiedMailbox : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void inboxesAreMergedNewestFirst();
    void pagesAreSlicesOfTheMergedList();
    void unreadAndFlaggedLeaveTrashAndJunkOut();
    void messagesBeingMovedAreNotShown();
    void searchCoversEveryAccountOrOne();

private:
    [[nodiscard]] UnifiedMailbox unified()
    {
        return UnifiedMailbox({{kPersonal, &m_personal}, {kSchool, &m_school}});
    }
    void fill(MailCache &cache, const QString &account,
              const QList<QPair<QString, QList<FetchedMessage>>> &folders);

    QTemporaryDir m_dir;
    MailCache m_personal;
    MailCache m_school;
};

void TestUnifiedMailbox::fill(MailCache &cache, const QString &account,
                              const QList<QPair<QString, QList<FetchedMessage>>> &folders)
{
    QString error;
    cache.close();
    QFile::remove(AccountPaths(m_dir.path(), account).cacheFile());
    QVERIFY2(cache.open(AccountPaths(m_dir.path(), account).cacheFile(), account, MailCache::Mode::ReadWrite,
                        &error),
             qPrintable(error));
    QVERIFY(cache.folderStore().replaceFolderList(
        {folder(u"INBOX"_s, FolderInfo::Role::Inbox), folder(u"Archives"_s, FolderInfo::Role::Archive),
         folder(u"Trash"_s, FolderInfo::Role::Trash), folder(u"Junk"_s, FolderInfo::Role::Junk)}));
    for (const auto &[path, messages] : folders) {
        const qint64 id = cache.folderStore().folder(path)->id;
        QVERIFY(cache.storeMessages(id, messages, QList<QByteArray>(messages.size())));
        QVERIFY(cache.saveFolderState(id, 1, 100, 0));
    }
}

void TestUnifiedMailbox::init()
{
    const QStringList seen{u"\\Seen"_s};
    fill(m_personal, kPersonal,
         {{u"INBOX"_s,
           {fetched(1, u"Conseil pédagogique"_s, 1, seen), fetched(2, u"Sortie au musée"_s, 3, {}),
            fetched(3, u"Bulletin du 1er trimestre"_s, 5, seen)}},
          {u"Archives"_s, {fetched(4, u"Projet d'établissement"_s, 2, {u"\\Seen"_s, u"\\Flagged"_s})}},
          {u"Trash"_s, {fetched(5, u"Publicité"_s, 6, {u"\\Flagged"_s})}},
          {u"Junk"_s, {fetched(6, u"Gagnez un iPhone"_s, 7, {})}}});
    fill(m_school, kSchool,
         {{u"INBOX"_s,
           {fetched(1, u"Inscription en 6e"_s, 2, {}),
            fetched(2, u"Commande de manuels"_s, 4, {u"\\Flagged"_s})}}});
}

void TestUnifiedMailbox::inboxesAreMergedNewestFirst()
{
    const QList<UnifiedMailbox::Entry> entries = unified().page(UnifiedMailbox::View::Inboxes, 0, 50);
    QCOMPARE(subjects(entries),
             (QStringList{u"Bulletin du 1er trimestre"_s, u"Commande de manuels"_s, u"Sortie au musée"_s,
                          u"Inscription en 6e"_s, u"Conseil pédagogique"_s}));
    QCOMPARE(entries.at(1).accountId, kSchool);
    QCOMPARE(entries.at(1).folderPath, u"INBOX"_s);
    QCOMPARE(entries.at(0).accountId, kPersonal);
    QCOMPARE(unified().count(UnifiedMailbox::View::Inboxes), 5);
    QCOMPARE(unified().unreadInInboxes(), 3); // Sortie, Inscription, Commande
}

void TestUnifiedMailbox::pagesAreSlicesOfTheMergedList()
{
    const QList<UnifiedMailbox::Entry> all = unified().page(UnifiedMailbox::View::Inboxes, 0, 50);
    for (int offset = 0; offset < 6; ++offset) {
        const QList<UnifiedMailbox::Entry> page = unified().page(UnifiedMailbox::View::Inboxes, offset, 2);
        QCOMPARE(subjects(page), subjects(all.mid(offset, 2)));
    }
    QVERIFY(unified().page(UnifiedMailbox::View::Inboxes, -1, 2).isEmpty());
    QVERIFY(unified().page(UnifiedMailbox::View::Inboxes, 0, 0).isEmpty());
}

void TestUnifiedMailbox::unreadAndFlaggedLeaveTrashAndJunkOut()
{
    QCOMPARE(subjects(unified().page(UnifiedMailbox::View::Unread, 0, 50)),
             (QStringList{u"Commande de manuels"_s, u"Sortie au musée"_s, u"Inscription en 6e"_s}));
    QCOMPARE(subjects(unified().page(UnifiedMailbox::View::Flagged, 0, 50)),
             (QStringList{u"Commande de manuels"_s, u"Projet d'établissement"_s}));
    QCOMPARE(unified().count(UnifiedMailbox::View::Unread), 3);
    QCOMPARE(unified().count(UnifiedMailbox::View::Flagged), 2);
}

void TestUnifiedMailbox::messagesBeingMovedAreNotShown()
{
    // A move queued offline hides the message at once, in the unified view too.
    PendingOperation move;
    move.kind = PendingOperation::Kind::Move;
    move.folderPath = u"INBOX"_s;
    move.uids = {2};
    move.argument = u"Archives"_s;
    const qint64 operation = PendingOperationQueue(m_school.database()).enqueue(move);
    QVERIFY(
        m_school.localChanges().hideMessages(m_school.folderStore().folder(u"INBOX"_s)->id, {2}, operation));
    QVERIFY(
        !subjects(unified().page(UnifiedMailbox::View::Inboxes, 0, 50)).contains(u"Commande de manuels"_s));
    QCOMPARE(unified().count(UnifiedMailbox::View::Flagged), 1);
}

void TestUnifiedMailbox::searchCoversEveryAccountOrOne()
{
    // A search looks everywhere, the Trash and Junk included: all eight messages.
    QCOMPARE(unified().search(u"Famille Martin"_s, 50).size(), 8);
    const QList<UnifiedMailbox::Entry> inscription = unified().search(u"inscription"_s, 50);
    QCOMPARE(subjects(inscription), QStringList{u"Inscription en 6e"_s});
    QCOMPARE(inscription.first().accountId, kSchool);
    QVERIFY(unified().search(u"inscription"_s, 50, kPersonal).isEmpty());
    QCOMPARE(unified().search(u"Famille Martin"_s, 3).size(), 3);
}

QTEST_GUILESS_MAIN(TestUnifiedMailbox)
#include "tst_unifiedmailbox.moc"
