#pragma once

#include <QDateTime>
#include <QtGlobal>

namespace Amiens {

/// The account's quota as last read from the server (GETQUOTAROOT "INBOX", RFC 9208), kept in
/// the cache so that it can be shown offline. -1: the server sets no limit for that resource
/// (or did not say).
struct AccountQuota
{
    qint64 storageUsedKiB = -1;
    qint64 storageLimitKiB = -1;
    qint64 messagesUsed = -1;
    qint64 messagesLimit = -1;
    QDateTime readAt; ///< UTC; invalid when never read

    [[nodiscard]] bool hasStorageLimit() const { return storageLimitKiB > 0 && storageUsedKiB >= 0; }

    friend bool operator==(const AccountQuota &, const AccountQuota &) = default;
};

} // namespace Amiens
