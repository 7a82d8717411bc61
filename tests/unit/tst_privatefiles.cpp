// Secrets and files (issue 8): everything the client writes about an account is the user's
// alone: the profile, its settings, the offline cache (database, WAL, large bodies), the outbox
// and the temporary folder for opened attachments are 0700 folders and 0600 files, whatever the
// umask of the session.
#include "MessageView.h"
#include "account/AccountPaths.h"
#include "account/Profile.h"
#include "cache/MailCache.h"
#include "compose/BuiltMessage.h"
#include "outbox/Outbox.h"
#include "services/AccountStorage.h"
#include "settings/PhishingSettings.h"

#include <QDirIterator>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace Amiens;

namespace {

constexpr QFile::Permissions kPrivateFolder = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner;
constexpr QFile::Permissions kPrivateFile = QFile::ReadOwner | QFile::WriteOwner;

/// Every folder under @p root 0700 and every file 0600; the offenders otherwise.
QStringList notPrivate(const QString &root)
{
    QStringList offenders;
    const auto check = [&](const QString &path) {
        const QFileInfo info(path);
        // Only the owner bits Qt reports as ReadUser/WriteUser/ExeUser are ignored here.
        const QFile::Permissions actual =
            info.permissions() & ~(QFile::ReadUser | QFile::WriteUser | QFile::ExeUser);
        const QFile::Permissions wanted = info.isDir() ? kPrivateFolder : kPrivateFile;
        if (actual != wanted)
            offenders.append(u"%1 (%2)"_s.arg(path).arg(static_cast<int>(actual), 0, 16));
    };
    check(root);
    QDirIterator it(root, QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        check(it.next());
    return offenders;
}

QByteArray message(int uid, qsizetype bodySize)
{
    QByteArray raw = "From: Jean Martin <jean.martin@ac-amiens.fr>\r\nTo: marie.dupont@ac-amiens.fr\r\n"
                     "Subject: Compte rendu " +
                     QByteArray::number(uid) + "\r\nMessage-ID: <" + QByteArray::number(uid) +
                     "@ac-amiens.fr>\r\nDate: Tue, 10 Nov 2026 09:00:00 +0100\r\nMIME-Version: 1.0\r\n"
                     "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\n"
                     "Content-Type: text/plain; charset=utf-8\r\n\r\nBonjour\r\n--b\r\n"
                     "Content-Type: application/pdf; name=\"cr.pdf\"\r\n"
                     "Content-Disposition: attachment; filename=\"cr.pdf\"\r\n"
                     "Content-Transfer-Encoding: base64\r\n\r\n";
    const QByteArray line = QByteArray(57, 'x').toBase64() + "\r\n";
    while (raw.size() < bodySize)
        raw += line;
    return raw + "--b--\r\n";
}

} // namespace

class TestPrivateFiles : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void profileCacheOutboxAndTemporaryFiles();

private:
    mode_t m_umask = 0;
};

void TestPrivateFiles::initTestCase()
{
    // A permissive umask, as on many desktops: the code itself must make things private.
    m_umask = ::umask(022);
}

void TestPrivateFiles::cleanupTestCase()
{
    ::umask(m_umask);
}

void TestPrivateFiles::profileCacheOutboxAndTemporaryFiles()
{
    QTemporaryDir home;
    const QString profileDirectory = home.filePath(u"profile"_s);
    const Profile profile(profileDirectory);
    Account account;
    account.id = u"marie.dupont@ac-amiens.fr"_s;
    account.address = account.id;
    account.realName = u"Marie Dupont"_s;
    account.imap = {u"imap.ac-amiens.fr"_s, 993, ConnectionSecurity::ImplicitTls, u"mdupont"_s};
    account.smtp = {u"smtp.ac-amiens.fr"_s, 465, ConnectionSecurity::ImplicitTls, u"mdupont"_s};
    QString error;
    QVERIFY2(profile.saveAccount(account, &error), qPrintable(error));
    PhishingSettings phishing;
    phishing.userTrustedDomains = {u"lycee-partenaire.fr"_s};
    QVERIFY2(phishing.save(profile, &error), qPrintable(error));

    // The cache, with one body small enough for the database and one large enough for a file.
    {
        MailCache cache;
        QVERIFY2(cache.open(AccountPaths(profileDirectory, account.id).cacheFile(), account.id,
                            MailCache::Mode::ReadWrite, &error),
                 qPrintable(error));
        FolderInfo inbox;
        inbox.pathParts = {u"INBOX"_s};
        inbox.role = FolderInfo::Role::Inbox;
        QVERIFY(cache.folderStore().replaceFolderList({inbox}));
        const qint64 folderId = cache.folderStore().folder(u"INBOX"_s)->id;
        QVERIFY(cache.resetFolder(folderId, 7));
        for (int uid : {1, 2}) {
            const QByteArray raw = message(uid, uid == 1 ? 2000 : 700 * 1024);
            FetchedMessage fetched;
            fetched.uid = static_cast<quint32>(uid);
            fetched.rawHeader = raw.left(raw.indexOf("\r\n\r\n") + 4);
            fetched.size = raw.size();
            QVERIFY(cache.messageStore().storeHeaders(folderId, {fetched}));
            QVERIFY(cache.messageStore().storeBody(folderId, static_cast<quint32>(uid), raw));
        }
        // While open: the WAL and its index exist beside the database.
        QVERIFY2(notPrivate(profileDirectory).isEmpty(),
                 qPrintable(notPrivate(profileDirectory).join(u'\n')));
    }

    // The outbox.
    BuiltMessage built;
    built.bytes = message(3, 1000);
    built.messageId = u"3@ac-amiens.fr"_s;
    built.envelopeFrom = account.address;
    built.recipients = {u"jean.martin@ac-amiens.fr"_s};
    built.subject = u"Compte rendu"_s;
    QVERIFY2(Outbox(AccountPaths(profileDirectory, account.id).outboxDirectory()).enqueue(built, &error),
             qPrintable(error));

    // An attachment opened from the message view goes to the account's private temporary folder,
    // which shared-workstation mode erases, never to a guessable name in the shared /tmp.
    const AccountStorage storage(profile, account.id);
    MessageView view;
    view.setTemporaryDirectory(storage.paths().temporaryDirectory());
    CachedMessage summary;
    summary.rowId = 2;
    summary.headers.from = {u"Jean Martin"_s, u"jean.martin@ac-amiens.fr"_s};
    view.showMessage(summary, message(2, 4000));
    QString openError;
    const QString opened = view.writeAttachmentForOpening(0, &openError);
    QVERIFY2(!opened.isEmpty(), qPrintable(openError));
    QVERIFY2(opened.startsWith(storage.paths().temporaryDirectory() + u'/'), qPrintable(opened));
    QVERIFY(QFileInfo::exists(opened));

    const QStringList offenders = notPrivate(profileDirectory);
    QVERIFY2(offenders.isEmpty(), qPrintable(offenders.join(u'\n')));
    // And the files the checks looked at are really there.
    QVERIFY(QFileInfo::exists(profileDirectory + u"/profile.ini"_s));
    QVERIFY(QFileInfo::exists(profile.preferencesPath()));
    QVERIFY(!QDir(AccountPaths(profileDirectory, account.id).outboxDirectory())
                 .entryList({u"*.eml"_s})
                 .isEmpty());
    int bodyFiles = 0;
    QDirIterator it(storage.paths().cacheDirectory(), {u"*.eml"_s}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        ++bodyFiles;
    }
    QVERIFY2(bodyFiles >= 1, "the large body was expected in a file of its own");
}

QTEST_MAIN(TestPrivateFiles)
#include "tst_privatefiles.moc"
