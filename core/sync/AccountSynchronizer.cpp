#include "AccountSynchronizer.h"

#include "cache/MailCache.h"
#include "imap/FolderList.h"
#include "imap/ImapCommandChannel.h"
#include "imap/ImapConnection.h"
#include "util/CacheWriteError.h"
#include "util/Clock.h"

#include <QElapsedTimer>

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
constexpr qint64 kReindexMillisecondsPerSync = 10000;
constexpr int kReindexBatch = 500;
} // namespace

SyncReport AccountSynchronizer::run()
{
    const QList<FolderInfo> serverFolders = FolderList::read(m_connection);
    if (!m_cache.folderStore().replaceFolderList(serverFolders))
        throw CacheWriteError("folder list: " + m_cache.lastError().toStdString());

    ImapCommandChannel channel(m_connection);
    FolderSynchronizer folders(channel, m_cache, m_options, m_progress);
    SyncReport report;
    // The cache's folders in the server's display order (FolderList sorts inbox first).
    QList<CachedFolder> ordered;
    for (const FolderInfo &info : serverFolders) {
        if (const auto cached = m_cache.folderStore().folder(info.path()); cached && info.selectable)
            ordered.append(*cached);
    }
    for (const CachedFolder &folder : std::as_const(ordered))
        report.folders.append(folders.synchronizeHeaders(folder));

    // New messages came with their bodies; these are the older ones still without (a policy
    // widened from "headers only", a sync cut short).
    if (m_options.bodies != SyncOptions::Bodies::None) {
        const QDateTime since = m_options.bodiesSince(Clock::currentDateTimeUtc());
        for (qsizetype i = 0; i < ordered.size(); ++i)
            report.folders[i].bodies += folders.downloadBodies(ordered.at(i), since);
    }

    // Bodies cached by an older message model get their preview and search entry again, from the
    // cache, on this worker thread: at most about ten seconds per sync, so a large cache is
    // brought up to date over a few syncs without holding up new mail.
    QElapsedTimer reindexing;
    reindexing.start();
    while (reindexing.elapsed() < kReindexMillisecondsPerSync) {
        const int done = m_cache.messageStore().reindexOutdatedBodies(kReindexBatch);
        if (done < 0)
            throw CacheWriteError("re-index: " + m_cache.lastError().toStdString());
        if (done == 0)
            break;
    }
    return report;
}

} // namespace Amiens
