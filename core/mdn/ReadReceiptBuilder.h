#pragma once

#include "compose/BuiltMessage.h"
#include "mime/MessageHeaders.h"
#include "util/Clock.h"

#include <QCoreApplication>
#include <QDateTime>

namespace Amiens {

/// Builds the read receipt (RFC 8098) for one displayed message: a multipart/report;
/// report-type=disposition-notification with a human-readable part and the machine-readable
/// message/disposition-notification part, marked Auto-Submitted: auto-replied.
class ReadReceiptBuilder
{
    Q_DECLARE_TR_FUNCTIONS(Amiens::ReadReceiptBuilder)

public:
    enum class Mode
    {
        Manual,    ///< the user clicked "Envoyer l'accusé": manual-action/MDN-sent-manually
        Automatic, ///< policy "toujours": automatic-action/MDN-sent-automatically
    };

    struct Original
    {
        QString messageId;         ///< without angle brackets
        QString subject;           ///< decoded
        QDateTime date;            ///< its Date header
        QString notificationTo;    ///< where the receipt goes (Disposition-Notification-To)
        QString originalRecipient; ///< the Original-Recipient field as received, empty when none
    };

    [[nodiscard]] static BuiltMessage build(const Original &original, const MailAddress &us, Mode mode,
                                            const QDateTime &now = Clock::currentDateTimeUtc());

    /// The receipt's Message-ID depends only on the original and on us, so that a receipt queued
    /// twice (a crash between the outbox and $MDNSent) is recognised in the outbox.
    [[nodiscard]] static QString messageIdFor(const QString &originalMessageId, const QString &ourAddress);

    /// "Tue, 03 Jun 2025 14:05:00 +0000".
    [[nodiscard]] static QByteArray rfc5322Date(const QDateTime &when);
};

} // namespace Amiens
