#pragma once

#include "AccountQuota.h"

#include <optional>

namespace Amiens {

class CacheDatabase;

/// The cache's copy of the account's quota: written by each sync, read by the window and the CLI
/// when the server cannot be asked.
class CacheQuotaStore
{
public:
    explicit CacheQuotaStore(CacheDatabase &database)
        : m_database(database)
    {
    }

    /// The last quota read; nothing when no sync has read one yet (or the server has no QUOTA).
    [[nodiscard]] std::optional<AccountQuota> quota();
    bool saveQuota(const AccountQuota &quota);
    /// The server no longer reports a quota: forget the old one rather than show it.
    bool clearQuota();

private:
    CacheDatabase &m_database;
};

} // namespace Amiens
