#include "CacheQuotaStore.h"

#include "CacheDatabase.h"
#include "CacheRows.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace Amiens {

using CacheRows::execPrepared;
using CacheRows::fromSeconds;

std::optional<AccountQuota> CacheQuotaStore::quota()
{
    QSqlQuery query(m_database.database());
    if (!query.exec(
            u"SELECT storage_used, storage_limit, messages_used, messages_limit, read_at FROM quota WHERE id = 1"_s) ||
        !query.next())
        return std::nullopt;
    AccountQuota quota;
    quota.storageUsedKiB = query.value(0).toLongLong();
    quota.storageLimitKiB = query.value(1).toLongLong();
    quota.messagesUsed = query.value(2).toLongLong();
    quota.messagesLimit = query.value(3).toLongLong();
    quota.readAt = fromSeconds(query.value(4).toLongLong());
    return quota;
}

bool CacheQuotaStore::saveQuota(const AccountQuota &quota)
{
    QSqlQuery query(m_database.database());
    query.prepare(
        u"INSERT OR REPLACE INTO quota (id, storage_used, storage_limit, messages_used, messages_limit, "
        "read_at) VALUES (1, ?, ?, ?, ?, ?)"_s);
    query.addBindValue(quota.storageUsedKiB);
    query.addBindValue(quota.storageLimitKiB);
    query.addBindValue(quota.messagesUsed);
    query.addBindValue(quota.messagesLimit);
    query.addBindValue(quota.readAt.isValid() ? quota.readAt.toSecsSinceEpoch() : 0);
    QString error;
    return execPrepared(query, error, &m_database);
}

bool CacheQuotaStore::markStale()
{
    return m_database.exec(u"UPDATE quota SET read_at = 0"_s);
}

} // namespace Amiens
