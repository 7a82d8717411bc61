#include "SyncAccountJob.h"

#include "account/AccountPaths.h"
#include "cache/MailCache.h"
#include "imap/ImapCommandChannel.h"
#include "sync/PendingOperationReplayer.h"
#include "sync/TransferReplayer.h"

using namespace Qt::StringLiterals;

namespace Amiens {

SyncAccountJob::SyncAccountJob(SyncOptions options, FolderSynchronizer::Progress progress)
    : m_options(options)
    , m_progress(std::move(progress))
{
}

QString SyncAccountJob::name() const
{
    return u"sync"_s;
}

void SyncAccountJob::run(ImapConnection &connection, MailCache &cache)
{
    if (!cache.folderStore().folders().isEmpty()) {
        ImapCommandChannel channel(connection);
        MessageTransferQueue transfers(AccountPaths::transfersDirectoryOfCacheFile(cache.database().path()));
        const TransferReplayer::Result received = TransferReplayer(channel, transfers).run();
        if (received.overQuota)
            cache.quotaStore().markStale(); // read by this very sync
        m_conflicts = received.problems + PendingOperationReplayer(channel, cache).run().conflicts;
    }
    m_report = AccountSynchronizer(connection, cache, m_options, m_progress).run();
}

} // namespace Amiens
