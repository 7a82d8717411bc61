#include "AccountSynchronizer.h"

#include "QuotaReader.h"
#include "cache/MailCache.h"
#include "imap/FolderList.h"
#include "imap/ImapCommandChannel.h"
#include "imap/ImapConnection.h"
#include "util/CacheWriteError.h"
#include "util/Clock.h"
#include "util/Logging.h"

#include <algorithm>
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

namespace {
/// How old the cached quota may get on resyncs that find nothing new.
constexpr qint64 kQuotaMaxAgeSeconds = 15 * 60;
} // namespace

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
    // MYRIGHTS costs one round trip per folder: asked only where the answer can differ. In the
    // user's own folders servers grant everything (Dovecot: all rights to the owner), so asking
    // there would add a round trip per folder to every sync for nothing; the server still
    // refuses what it must, and the replay handles a NO as it always has.
    for (FolderInfo &folder : folders) {
        if (folder.namespaceKind == FolderInfo::Namespace::Personal || !folder.selectable)
            continue;
        try {
            if (const std::optional<ImapRights> rights = channel.myRights(folder.path())) {
                folder.rights = rights->letters();
                folder.rightsKnown = true;
            }
        } catch (const vmime::exceptions::command_error &error) {
            // The folder went between LIST and MYRIGHTS, or is not ours to ask about: unknown.
            qCWarning(lcImap).noquote() << "MYRIGHTS" << folder.path() << "refused:" << error.what();
        }
    }
}

SyncReport AccountSynchronizer::run()
{
    QList<FolderInfo> serverFolders = FolderList::read(m_connection);
    ImapCommandChannel channel(m_connection);
    classifyFolders(channel, serverFolders);
    if (!m_cache.folderStore().replaceFolderList(serverFolders))
        throw CacheWriteError("folder list: " + m_cache.lastError().toStdString());

    FolderSynchronizer folders(channel, m_cache, m_options, m_progress);
    SyncReport report;
    // The cache's folders in the server's display order (FolderList sorts inbox first).
    QList<CachedFolder> ordered;
    for (const FolderInfo &info : serverFolders) {
        if (const auto cached = m_cache.folderStore().folder(info.path()); cached && info.selectable)
            ordered.append(*cached);
    }
    // One LIST-STATUS instead of an EXAMINE per unchanged folder; a server that refuses it, or
    // answers what we cannot read, gets the EXAMINEs as before.
    std::optional<QHash<QString, ImapCommandChannel::MailboxState>> listed;
    try {
        listed = channel.listStatus();
    } catch (const vmime::exceptions::command_error &error) {
        qCWarning(lcImap).noquote() << "LIST-STATUS refused:" << error.what();
    } catch (const vmime::exceptions::invalid_response &error) {
        qCWarning(lcImap).noquote() << "LIST-STATUS unreadable:" << error.what();
    }
    for (const CachedFolder &folder : std::as_const(ordered)) {
        std::optional<ImapCommandChannel::MailboxState> state;
        if (listed) {
            if (const auto found = listed->constFind(folder.info.path()); found != listed->cend())
                state = *found;
        }
        report.folders.append(folders.synchronizeHeaders(folder, state));
    }

    // New messages came with their bodies; these are the older ones still without (a policy
    // widened from "headers only", a sync cut short).
    if (m_options.bodies != SyncOptions::Bodies::None) {
        const QDateTime since = m_options.bodiesSince(Clock::currentDateTimeUtc());
        for (qsizetype i = 0; i < ordered.size(); ++i)
            report.folders[i].bodies += folders.downloadBodies(ordered.at(i), since);
    }

    // The quota moves with the mail: read again when a folder changed, and at least every quarter
    // of an hour, but not on a resync that found nothing new (one round trip less of the few a
    // resync costs on a slow link).
    const std::optional<AccountQuota> known = m_cache.quotaStore().quota();
    const bool anyChange = std::any_of(report.folders.cbegin(), report.folders.cend(),
                                       [](const FolderSyncResult &folder) { return !folder.unchanged; });
    if (anyChange || !known || known->readAt.secsTo(Clock::currentDateTimeUtc()) > kQuotaMaxAgeSeconds)
        QuotaReader::read(channel, m_cache);

    // The bodies' search entries, previews and paper clips (new ones, and those of an older
    // message model) are written after the sync, out of its way: AccountSession's background
    // index, or at once by the CLI (issue 19).
    return report;
}

} // namespace Amiens
