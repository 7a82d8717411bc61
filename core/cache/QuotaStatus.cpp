#include "QuotaStatus.h"

#include <cmath>

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

/// One decimal, none when it is zero: « 2 Mo », not « 2,0 Mo ».
QString oneDecimal(double value, const QLocale &locale)
{
    const double rounded = std::round(value * 10.0) / 10.0;
    if (rounded == std::floor(rounded))
        return locale.toString(qint64(rounded));
    return locale.toString(rounded, 'f', 1);
}

} // namespace

QString QuotaStatus::formatSize(qint64 kib, const QLocale &locale)
{
    if (kib < 1024)
        return tr("%1 KB").arg(locale.toString(std::max<qint64>(kib, 0)));
    const double mib = double(kib) / 1024.0;
    if (mib < 1024.0)
        return tr("%1 MB").arg(oneDecimal(mib, locale));
    return tr("%1 GB").arg(oneDecimal(mib / 1024.0, locale));
}

QString QuotaStatus::levelName(Level level)
{
    switch (level) {
    case Level::Unknown:
        return u"unknown"_s;
    case Level::Normal:
        return u"normal"_s;
    case Level::Warning:
        return u"warning"_s;
    case Level::Critical:
        return u"critical"_s;
    case Level::Full:
        return u"full"_s;
    }
    return u"unknown"_s;
}

QuotaStatus QuotaStatus::of(const std::optional<AccountQuota> &quota, const QLocale &locale)
{
    QuotaStatus status;
    status.m_quota = quota;
    if (!quota)
        return status;
    // The resource nearer its limit decides: a box can fill by count before it fills by size.
    const bool bySize = quota->hasStorageLimit();
    const bool byCount = quota->messagesLimit > 0 && quota->messagesUsed >= 0;
    if (!bySize && !byCount)
        return status;
    const double sizeRatio = bySize ? double(quota->storageUsedKiB) / double(quota->storageLimitKiB) : -1;
    const double countRatio = byCount ? double(quota->messagesUsed) / double(quota->messagesLimit) : -1;
    const bool countDecides = countRatio > sizeRatio;
    const double ratio = std::max(sizeRatio, countRatio);
    status.m_percent = int(std::floor(ratio * 100.0 + 1e-9));

    if (ratio >= 1.0)
        status.m_level = Level::Full;
    else if (status.m_percent >= kCriticalPercent)
        status.m_level = Level::Critical;
    else if (status.m_percent >= kWarningPercent)
        status.m_level = Level::Warning;
    else
        status.m_level = Level::Normal;

    const QString percent = locale.toString(std::min(status.m_percent, 100));
    const QString amounts =
        countDecides
            ? tr("%1 messages out of %2")
                  .arg(locale.toString(quota->messagesUsed), locale.toString(quota->messagesLimit))
            : tr("%1 out of %2")
                  .arg(formatSize(quota->storageUsedKiB, locale), formatSize(quota->storageLimitKiB, locale));
    switch (status.m_level) {
    case Level::Unknown:
        break;
    case Level::Normal:
        status.m_message = tr("Your mailbox is %1 % full (%2).").arg(percent, amounts);
        break;
    case Level::Warning:
        status.m_message = tr("Your mailbox is %1 % full (%2): free some space (Free up space…) before it "
                              "is full.")
                               .arg(percent, amounts);
        break;
    case Level::Critical:
        status.m_message = tr("Your mailbox is almost full: %1 % (%2). Free some space now (Free up space…): "
                              "once it is full, new mail and the copies of sent messages are refused.")
                               .arg(percent, amounts);
        break;
    case Level::Full:
        status.m_message = tr("Your mailbox is full (%1): new mail and the copies of sent messages are "
                              "refused. Free some space (Free up space…); the copies waiting are filed "
                              "afterwards.")
                               .arg(amounts);
        break;
    }
    return status;
}

} // namespace Amiens
