#include "QuotaReader.h"

#include "cache/MailCache.h"
#include "cache/QuotaStatus.h"
#include "imap/ImapCommandChannel.h"
#include "util/CacheWriteError.h"
#include "util/Clock.h"
#include "util/Logging.h"

#include <vmime/exception.hpp>

using namespace Qt::StringLiterals;

namespace Amiens {

QuotaReader::Refresh QuotaReader::refreshOf(const std::optional<AccountQuota> &known, const QDateTime &now)
{
    if (!known || !known->readAt.isValid())
        return Refresh::Now;
    // A reading "from the future" comes from a clock set back since: not to be trusted for long.
    const qint64 age = known->readAt.secsTo(now);
    if (age < 0 || age > kMaxAgeSeconds)
        return Refresh::Now;
    return QuotaStatus::of(known).needsAttention() ? Refresh::IfMailChanged : Refresh::NotNeeded;
}

bool QuotaReader::saysOverQuota(const QString &refusal)
{
    return refusal.contains(u"OVERQUOTA"_s, Qt::CaseInsensitive);
}

std::optional<AccountQuota> QuotaReader::read(ImapCommandChannel &channel, MailCache &cache)
{
    if (!request(channel))
        return std::nullopt; // no QUOTA capability: whatever was cached stays as it was
    return collect(channel, cache);
}

bool QuotaReader::request(ImapCommandChannel &channel)
{
    return channel.sendQuotaRoot(u"INBOX"_s);
}

std::optional<AccountQuota> QuotaReader::collect(ImapCommandChannel &channel, MailCache &cache)
{
    std::optional<ImapQuotaParser::QuotaRoots> roots;
    try {
        roots = channel.readQuotaRoot();
    } catch (const vmime::exceptions::command_error &error) {
        qCWarning(lcImap).noquote() << "GETQUOTAROOT refused:" << error.what();
        return std::nullopt;
    }
    if (!roots)
        return std::nullopt; // nothing was asked
    AccountQuota quota;
    quota.readAt = Clock::currentDateTimeUtc();
    // Several roots: the one nearest its limit is what the user runs into first.
    double worst = -1;
    for (const ImapQuotaParser::Quota &root : std::as_const(roots->quotas)) {
        if (const auto storage = root.storage(); storage && storage->limit > 0) {
            const double ratio = double(storage->usage) / double(storage->limit);
            if (ratio > worst) {
                worst = ratio;
                quota.storageUsedKiB = qint64(storage->usage);
                quota.storageLimitKiB = qint64(storage->limit);
            }
        }
        if (const auto messages = root.messages();
            messages && messages->limit > 0 && quota.messagesLimit < 0) {
            quota.messagesUsed = qint64(messages->usage);
            quota.messagesLimit = qint64(messages->limit);
        }
    }
    // Without any limit the reading is kept all the same (QuotaStatus: nothing to show): its date
    // spares the next syncs a count.
    if (cache.isOpen() && !cache.quotaStore().saveQuota(quota))
        throw CacheWriteError("quota: " + cache.lastError().toStdString());
    return quota;
}

} // namespace Amiens
