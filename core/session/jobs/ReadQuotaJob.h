#pragma once

#include "ImapJob.h"
#include "cache/AccountQuota.h"

#include <optional>

namespace Amiens {

/// GETQUOTAROOT "INBOX" on the worker, outside a sync (the CLI's `quota`, a window refreshing its
/// gauge after emptying the Trash); the cache keeps what it read.
class ReadQuotaJob final : public ImapJob
{
public:
    [[nodiscard]] QString name() const override;
    void run(ImapConnection &connection, MailCache &cache) override;
    /// Nothing when the server has no QUOTA capability.
    [[nodiscard]] const std::optional<AccountQuota> &quota() const { return m_quota; }

private:
    std::optional<AccountQuota> m_quota;
};

} // namespace Amiens
