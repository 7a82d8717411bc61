#include "ReplayPendingJob.h"

#include "imap/ImapCommandChannel.h"
#include "sync/PendingOperationReplayer.h"

using namespace Qt::StringLiterals;

namespace Amiens {

QString ReplayPendingJob::name() const
{
    return u"replay"_s;
}

void ReplayPendingJob::run(ImapConnection &connection, MailCache &cache)
{
    ImapCommandChannel channel(connection);
    const PendingOperationReplayer::Result result = PendingOperationReplayer(channel, cache).run();
    m_applied = result.applied;
    m_conflicts = result.conflicts;
}

} // namespace Amiens
