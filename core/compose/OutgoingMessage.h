#pragma once

#include "mime/MessageHeaders.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace Amiens {

/// A file joined to an outgoing message; the data is held in memory (the outbox keeps the built
/// message, not the files, so a file moved after "Envoyer" cannot change what goes out).
struct OutgoingAttachment
{
    QString fileName; ///< shown to the recipient, e.g. "Compte rendu du conseil d'école.pdf"
    QString mimeType; ///< "application/pdf"; empty means application/octet-stream
    QByteArray data;
};

/// What the user wrote, before it is turned into RFC 5322 bytes by MessageBuilder.
struct OutgoingMessage
{
    enum class Priority
    {
        Normal,
        High,
        Low
    };

    MailAddress from;
    QList<MailAddress> to;
    QList<MailAddress> cc;
    QList<MailAddress> bcc; ///< in the envelope only, never in the bytes sent or kept in Sent
    QString subject;
    QString plainText;
    QString html; ///< empty: plain text only; otherwise sent with plainText as the alternative
    QList<OutgoingAttachment> attachments;
    bool requestReadReceipt = false; ///< Disposition-Notification-To (RFC 8098)
    Priority priority = Priority::Normal;
    QString inReplyTo;      ///< Message-ID of the message answered, without angle brackets
    QStringList references; ///< its References followed by its Message-ID, without brackets
    QDateTime date;         ///< invalid: now
    QString messageId;      ///< empty: a new one; a draft keeps its own across saves
};

} // namespace Amiens
