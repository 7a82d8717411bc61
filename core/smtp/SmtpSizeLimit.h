#pragma once

#include <QString>

namespace Amiens {

/// The largest message the account's SMTP server accepts, as its EHLO announced it (SIZE,
/// RFC 1870) at the last connection, kept beside the account's outbox (<outbox>.smtp-size) so
/// the composer can warn before sending.
class SmtpSizeLimit
{
public:
    [[nodiscard]] static QString pathFor(const QString &outboxDirectory);
    /// 0 when never seen, or the server announced no limit.
    [[nodiscard]] static qint64 load(const QString &outboxDirectory);
    static bool save(const QString &outboxDirectory, qint64 bytes);
};

} // namespace Amiens
