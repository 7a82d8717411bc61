#include "ReplayPendingJob.h"

#include "account/AccountPaths.h"
#include "cache/MailCache.h"
#include "imap/ImapCommandChannel.h"
#include "sync/PendingOperationReplayer.h"
#include "sync/TransferReplayer.h"

using namespace Qt::StringLiterals;

namespace Amiens {

QString ReplayPendingJob::name() const
{
    return u"replay"_s;
}

void ReplayPendingJob::run(ImapConnection &connection, MailCache &cache)
{
    ImapCommandChannel channel(connection);
    // Messages moved here from another account first: that account removes its copy once they
    // are here.
    MessageTransferQueue transfers(AccountPaths::transfersDirectoryOfCacheFile(cache.database().path()));
    const TransferReplayer::Result received = TransferReplayer(channel, transfers).run();
    if (received.overQuota)
        cache.quotaStore().markStale(); // read by the next sync
    const PendingOperationReplayer::Result result = PendingOperationReplayer(channel, cache).run();
    m_applied = received.appended + result.applied;
    m_conflicts = received.problems + result.conflicts;
}

} // namespace Amiens
