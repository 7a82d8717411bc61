#pragma once

#include "cache/AccountQuota.h"

#include <optional>

namespace Amiens {

class ImapCommandChannel;
class MailCache;

/// GETQUOTAROOT "INBOX" (RFC 9208), the quota new mail and Sent copies count against, into the
/// cache: once per sync, and whenever the CLI's `quota` asks.
class QuotaReader
{
public:
    /// Reads the quota and stores it in @p cache (cleared when the server reports no limit);
    /// nothing when the server has no QUOTA capability or refused, the cached value then left as
    /// it was. Throws CacheWriteError when the cache refuses the write.
    static std::optional<AccountQuota> read(ImapCommandChannel &channel, MailCache &cache);
    /// The same in two steps (ImapCommandChannel::sendQuotaRoot()): request() sends the command,
    /// false without the QUOTA capability; collect() reads the answer and stores it as read() does.
    static bool request(ImapCommandChannel &channel);
    static std::optional<AccountQuota> collect(ImapCommandChannel &channel, MailCache &cache);
};

} // namespace Amiens
