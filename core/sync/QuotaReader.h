#pragma once

#include "cache/AccountQuota.h"

#include <QDateTime>
#include <optional>

namespace Amiens {

class ImapCommandChannel;
class MailCache;

/// GETQUOTAROOT "INBOX" (RFC 9208), the quota new mail and Sent copies count against, into the
/// cache: by a sync when due (refreshOf()), and whenever the CLI's `quota` asks.
class QuotaReader
{
public:
    /// How old a reading may get before a sync reads the quota again.
    static constexpr qint64 kMaxAgeSeconds = 15 * 60;

    enum class Refresh
    {
        /// The reading is fresh and far from the limit: new mail moves it by little, and counting
        /// costs the server (150-200 ms at 100,000 messages on Dovecot) and a slow link a round trip.
        NotNeeded,
        /// From the warning level on, new mail may cross the next threshold: read when mail changed.
        IfMailChanged,
        /// Never read, older than kMaxAgeSeconds, or made stale (CacheQuotaStore::markStale():
        /// messages removed for good, a server that said [OVERQUOTA]).
        Now,
    };
    [[nodiscard]] static Refresh refreshOf(const std::optional<AccountQuota> &known, const QDateTime &now);
    /// Whether a command's refusal says the mailbox is full ([OVERQUOTA], RFC 5530).
    [[nodiscard]] static bool saysOverQuota(const QString &refusal);

    /// Reads the quota and stores it in @p cache (a reading without limits too, so that its age is
    /// known); nothing when the server has no QUOTA capability or refused, the cached value then
    /// left as it was. Throws CacheWriteError when the cache refuses the write.
    static std::optional<AccountQuota> read(ImapCommandChannel &channel, MailCache &cache);
    /// The same in two steps (ImapCommandChannel::sendQuotaRoot()): request() sends the command,
    /// false without the QUOTA capability; collect() reads the answer and stores it as read() does.
    static bool request(ImapCommandChannel &channel);
    static std::optional<AccountQuota> collect(ImapCommandChannel &channel, MailCache &cache);
};

} // namespace Amiens
