#include "OfflineMailbox.h"

#include "account/AccountPaths.h"
#include "account/Profile.h"
#include "cache/MailCache.h"

using namespace Qt::StringLiterals;

namespace Amiens::Test {

Account OfflineMailbox::account()
{
    Account account;
    account.id = account.address = u"mdupont@ac-amiens.fr"_s;
    account.realName = u"Marie Dupont"_s;
    // Nothing listens there: the windows read the cache only.
    account.imap = {u"127.0.0.1"_s, 9, ConnectionSecurity::ImplicitTls, u"mdupont"_s};
    account.smtp = account.imap;
    return account;
}

QString OfflineMailbox::cacheFile(const QString &profileDirectory)
{
    return AccountPaths(profileDirectory, account().id).cacheFile();
}

bool OfflineMailbox::create(const QString &profileDirectory, QString *error)
{
    if (!Profile(profileDirectory).saveAccount(account(), error))
        return false;
    MailCache cache;
    if (!cache.open(cacheFile(profileDirectory), account().id, MailCache::Mode::ReadWrite, error))
        return false;
    FolderInfo inbox;
    inbox.pathParts = {u"INBOX"_s};
    inbox.role = FolderInfo::Role::Inbox;
    FolderInfo sent;
    sent.pathParts = {u"Sent"_s};
    sent.role = FolderInfo::Role::Sent;
    if (!cache.folderStore().replaceFolderList({inbox, sent})) {
        *error = u"cannot write the folder list"_s;
        return false;
    }
    const qint64 inboxId = cache.folderStore().folder(u"INBOX"_s)->id;

    FetchedMessage unread;
    unread.uid = 1;
    unread.size = 2000;
    unread.rawHeader = "From: =?utf-8?q?Fran=C3=A7oise_Lef=C3=A8vre?= <flefevre@ac-amiens.fr>\r\n"
                       "To: Marie Dupont <mdupont@ac-amiens.fr>\r\n"
                       "Subject: Conseil de classe\r\n"
                       "Date: Mon, 30 Nov 2026 10:00:00 +0100\r\n"
                       "Message-ID: <conseil@ac-amiens.fr>\r\n"
                       "Disposition-Notification-To: flefevre@ac-amiens.fr\r\n"
                       "MIME-Version: 1.0\r\n"
                       "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n";
    const QByteArray unreadRaw = unread.rawHeader +
                                 "--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
                                 "Bonjour,\r\nvoici l'ordre du jour.\r\n"
                                 "--b\r\nContent-Type: application/pdf\r\n"
                                 "Content-Disposition: attachment; filename=\"ordre.pdf\"\r\n"
                                 "Content-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\n--b--\r\n";
    FetchedMessage read;
    read.uid = 2;
    read.size = 1000;
    read.flags = {u"\\Seen"_s};
    read.rawHeader = "From: Rectorat <ce.rectorat@ac-amiens.fr>\r\n"
                     "To: Marie Dupont <mdupont@ac-amiens.fr>\r\n"
                     "Subject: Calendrier\r\n"
                     "Date: Sun, 29 Nov 2026 09:00:00 +0100\r\n"
                     "Content-Type: text/plain; charset=utf-8\r\n\r\n";
    FetchedMessage older;
    older.uid = 3;
    older.size = 800;
    older.rawHeader = "From: Jean Martin <jmartin@ac-amiens.fr>\r\n"
                      "To: Marie Dupont <mdupont@ac-amiens.fr>\r\n"
                      "Subject: Sortie scolaire\r\n"
                      "Date: Sat, 28 Nov 2026 18:00:00 +0100\r\n"
                      "Content-Type: text/plain; charset=utf-8\r\n\r\n";
    if (!cache.storeMessages(
            inboxId, {unread, read, older},
            {unreadRaw, read.rawHeader + "Le calendrier.\r\n", older.rawHeader + "Le car part à 8 h.\r\n"})) {
        *error = u"cannot write the messages"_s;
        return false;
    }
    return true;
}

} // namespace Amiens::Test
