#pragma once

#include <QByteArray>
#include <QString>
#include <optional>

namespace Amiens {

/// A read receipt received (RFC 8098): a multipart/report; report-type=disposition-notification.
struct ReadReceiptReport
{
    QString originalMessageId; ///< without angle brackets; empty when the report names none
    QString finalRecipient;    ///< the address that read it ("rfc822;" removed)
    QString disposition;       ///< "displayed", "deleted", …
    bool automatic = false;    ///< automatic-action rather than manual-action

    /// The report in @p message, or nothing when it is not a disposition notification.
    [[nodiscard]] static std::optional<ReadReceiptReport> parse(const QByteArray &message);
};

} // namespace Amiens
