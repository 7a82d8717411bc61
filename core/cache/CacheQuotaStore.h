#pragma once

#include "AccountQuota.h"

#include <optional>

namespace Amiens {

class CacheDatabase;

/// The cache's copy of the account's quota: written by the syncs that read it
/// (QuotaReader::refreshOf()), read by the window and the CLI when the server cannot be asked.
class CacheQuotaStore
{
public:
    explicit CacheQuotaStore(CacheDatabase &database)
        : m_database(database)
    {
    }

    /// The last quota read (its limits -1 when the server set none); nothing when no sync has read
    /// one yet (or the server has no QUOTA).
    [[nodiscard]] std::optional<AccountQuota> quota();
    bool saveQuota(const AccountQuota &quota);
    /// The reading no longer tells the truth (messages removed for good, a server that said
    /// [OVERQUOTA]): kept for the window, but its date dropped so that the next sync reads it.
    bool markStale();

private:
    CacheDatabase &m_database;
};

} // namespace Amiens
