#include "ReadQuotaJob.h"

#include "imap/ImapCommandChannel.h"
#include "sync/QuotaReader.h"

using namespace Qt::StringLiterals;

namespace Amiens {

QString ReadQuotaJob::name() const
{
    return u"GETQUOTAROOT"_s;
}

void ReadQuotaJob::run(ImapConnection &connection, MailCache &cache)
{
    ImapCommandChannel channel(connection);
    m_quota = QuotaReader::read(channel, cache);
}

} // namespace Amiens
