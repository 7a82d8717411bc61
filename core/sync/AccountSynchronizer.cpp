#include "AccountSynchronizer.h"

#include "QuotaReader.h"
#include "cache/MailCache.h"
#include "imap/FolderList.h"
#include "imap/ImapCommandChannel.h"
#include "imap/ImapConnection.h"
#include "util/CacheWriteError.h"
#include "util/Clock.h"
#include "util/Logging.h"

#include <vmime/exception.hpp>

using namespace Qt::StringLiterals;

namespace Amiens {

AccountSynchronizer::AccountSynchronizer(ImapConnection &connection, MailCache &cache, SyncOptions options,
                                         FolderSynchronizer::Progress progress)
    : m_connection(connection)
    , m_cache(cache)
    , m_options(options)
    , m_progress(std::move(progress))
{
}

void AccountSynchronizer::classifyFolders(ImapCommandChannel &channel, QList<FolderInfo> &folders)
{
    std::optional<ImapNamespaceParser::Namespaces> namespaces = m_connection.namespaces();
    if (!namespaces) {
        try {
            namespaces = channel.namespaces();
            m_connection.setNamespaces(namespaces);
        } catch (const vmime::exceptions::command_error &error) {
            qCWarning(lcImap).noquote() << "NAMESPACE refused:" << error.what();
        }
    }
    if (!namespaces)
        return; // no NAMESPACE: every folder is the user's own
    // The longest matching prefix wins ("" is the personal namespace's usual prefix).
    for (FolderInfo &folder : folders) {
        const QString path = folder.path();
        qsizetype best = -1;
        auto match = [&](const QList<ImapNamespaceParser::Namespace> &list, FolderInfo::Namespace kind) {
            for (const ImapNamespaceParser::Namespace &space : list) {
                QString prefix = space.prefix;
                // "shared/" also covers the namespace's own root, listed as "shared".
                const bool covers = path.startsWith(prefix) ||
                                    (!space.delimiter.isNull() && prefix.endsWith(space.delimiter) &&
                                     path == prefix.chopped(1));
                if (covers && prefix.size() > best) {
                    best = prefix.size();
                    folder.namespaceKind = kind;
                    folder.owner.clear();
                    if (kind == FolderInfo::Namespace::OtherUser && path.size() > prefix.size()) {
                        // shared/jmartin/Projets: the owner is the first name after the prefix.
                        const QString rest = path.mid(prefix.size());
                        folder.owner = space.delimiter.isNull() ? rest : rest.section(space.delimiter, 0, 0);
                    }
                }
            }
        };
        match(namespaces->personal, FolderInfo::Namespace::Personal);
        match(namespaces->otherUsers, FolderInfo::Namespace::OtherUser);
        match(namespaces->shared, FolderInfo::Namespace::Shared);
    }
    // MYRIGHTS is asked only where the answer can differ. In the user's own folders servers grant
    // everything (Dovecot: all rights to the owner), so asking there would cost every sync for
    // nothing; the server still refuses what it must, and the replay handles a NO as it always
    // has. The folders asked about go in one write: one round trip however many are shared.
    QList<FolderInfo *> asked;
    QStringList paths;
    for (FolderInfo &folder : folders) {
        if (folder.namespaceKind == FolderInfo::Namespace::Personal || !folder.selectable)
            continue;
        asked.append(&folder);
        paths.append(folder.path());
    }
    if (asked.isEmpty())
        return;
    // A refusal (the folder went between LIST and MYRIGHTS, or is not ours to ask about) leaves
    // its rights unknown.
    if (const auto rights = channel.myRights(paths)) {
        for (qsizetype i = 0; i < asked.size(); ++i) {
            if (const std::optional<ImapRights> &folderRights = rights->at(i)) {
                asked.at(i)->rights = folderRights->letters();
                asked.at(i)->rightsKnown = true;
            }
        }
    }
}

SyncReport AccountSynchronizer::run()
{
    ImapCommandChannel channel(m_connection);
    // One round trip for the folders and their states (and NAMESPACE, once per login), where
    // VMime's getFolders() and a LIST-STATUS cost two and NAMESPACE a third; a server without
    // LIST-STATUS, or that refuses the LIST or answers what we cannot read, gets VMime's LIST
    // and an EXAMINE per folder as before.
    FolderSynchronizer folders(channel, m_cache, m_options, m_progress);
    std::optional<ImapCommandChannel::MailboxListing> listing;
    // The inbox's new messages' sizes right behind its EXAMINE, from its last state: new mail in
    // the inbox, the usual change, then needs no round trip before its first batch. On a first
    // sync (no inbox cached yet) they are all new.
    const std::optional<ImapCommandChannel::FetchRequest> inboxSizes =
        folders.sizesRequest(m_cache.folderStore().folder(u"INBOX"_s).value_or(CachedFolder()));
    try {
        // The inbox is examined first, in the same write: Dovecot then answers its STATUS in the
        // LIST from the open mailbox, and its own synchronisation needs no EXAMINE of its own.
        listing = channel.listMailboxes(!m_connection.namespaces().has_value(), u"INBOX"_s, inboxSizes);
        if (listing && listing->examined && inboxSizes)
            folders.setSizesSentWithExamine(u"INBOX"_s, inboxSizes->uidSet);
    } catch (const vmime::exceptions::command_error &error) {
        qCWarning(lcImap).noquote() << "LIST-STATUS refused:" << error.what();
    } catch (const vmime::exceptions::invalid_response &error) {
        qCWarning(lcImap).noquote() << "LIST-STATUS unreadable:" << error.what();
    }
    if (listing && listing->namespaces)
        m_connection.setNamespaces(listing->namespaces);
    QList<FolderInfo> serverFolders = listing ? listing->folders : FolderList::read(m_connection);
    classifyFolders(channel, serverFolders);
    if (!m_cache.folderStore().replaceFolderList(serverFolders))
        throw CacheWriteError("folder list: " + m_cache.lastError().toStdString());

    // The quota is read when due (QuotaReader::refreshOf()), not after every change. When mail
    // changed, it is asked as soon as that folder's commands are answered: the server counts
    // (130 ms at 100,000 messages on Dovecot) while the cache removes the expunged messages.
    const QuotaReader::Refresh quotaRefresh =
        QuotaReader::refreshOf(m_cache.quotaStore().quota(), Clock::currentDateTimeUtc());
    bool quotaRequested = false;
    folders.setServerPartDone([&] {
        if (!quotaRequested && quotaRefresh != QuotaReader::Refresh::NotNeeded)
            quotaRequested = QuotaReader::request(channel);
    });
    SyncReport report;
    // The cache's folders in the server's display order (FolderList sorts inbox first).
    QList<CachedFolder> ordered;
    for (const FolderInfo &info : serverFolders) {
        if (const auto cached = m_cache.folderStore().folder(info.path()); cached && info.selectable)
            ordered.append(*cached);
    }
    // Without a state from the listing, a folder is examined.
    std::optional<QHash<QString, ImapCommandChannel::MailboxState>> listed;
    std::optional<ImapCommandChannel::MailboxState> examinedInbox;
    if (listing) {
        listed = std::move(listing->states);
        examinedInbox = listing->examined;
    }
    const auto listedState =
        [&](const CachedFolder &folder) -> std::optional<ImapCommandChannel::MailboxState> {
        if (!listed || (examinedInbox && folder.info.role == FolderInfo::Role::Inbox))
            return std::nullopt;
        const auto found = listed->constFind(folder.info.path());
        return found != listed->cend() ? std::optional(*found) : std::nullopt;
    };
    for (qsizetype i = 0; i < ordered.size(); ++i) {
        const CachedFolder &folder = ordered.at(i);
        // The next folder's EXAMINE may leave while this one's last batch arrives.
        const auto nextState = i + 1 < ordered.size() ? listedState(ordered.at(i + 1)) : std::nullopt;
        folders.setFolderAhead(nextState ? std::optional(std::make_pair(ordered.at(i + 1), *nextState))
                                         : std::nullopt);
        if (examinedInbox && folder.info.role == FolderInfo::Role::Inbox) {
            report.folders.append(
                folders.synchronizeHeaders(folder, examinedInbox, FolderSynchronizer::KnownState::Examined));
            continue;
        }
        report.folders.append(folders.synchronizeHeaders(folder, listedState(folder)));
    }

    // The last folder fetched for the first time may still be being written.
    folders.finishStoring();

    // New messages came with their bodies; these are the older ones still without (a policy
    // widened from "headers only", a sync cut short).
    if (m_options.bodies != SyncOptions::Bodies::None) {
        const QDateTime since = m_options.bodiesSince(Clock::currentDateTimeUtc());
        for (qsizetype i = 0; i < ordered.size(); ++i)
            report.folders[i].bodies += folders.downloadBodies(ordered.at(i), since);
    }

    // Due and not asked above (nothing changed, or no folder had commands of its own): asked now.
    if (quotaRequested)
        QuotaReader::collect(channel, m_cache);
    else if (quotaRefresh == QuotaReader::Refresh::Now)
        QuotaReader::read(channel, m_cache);

    // The bodies' search entries, previews and paper clips (new ones, and those of an older
    // message model) are written after the sync, out of its way: AccountSession's background
    // index, or at once by the CLI (issue 19).
    return report;
}

} // namespace Amiens
