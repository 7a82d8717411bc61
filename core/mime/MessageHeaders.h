#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace Amiens {

/// A decoded address: "Élodie Lefèvre" <elodie.lefevre@ac-amiens.fr>.
struct MailAddress
{
    QString name;
    QString address;

    /// "Name <address>", or the address alone.
    [[nodiscard]] QString toDisplayString() const;
    friend bool operator==(const MailAddress &, const MailAddress &) = default;
};

/// What the cache and the message list need from a message's header, decoded to UTF-8.
struct MessageHeaders
{
    QDateTime date; ///< the Date header, UTC; invalid when missing or unreadable
    QString subject;
    MailAddress from;
    QList<MailAddress> to;
    QList<MailAddress> cc;
    QList<MailAddress> replyTo;
    QString messageId; ///< without angle brackets
    QString inReplyTo; ///< without angle brackets
    QStringList references;
    bool likelyHasAttachments = false; ///< from Content-Type alone; refined once the body is known
    bool requestsReadReceipt = false;  ///< Disposition-Notification-To present
};

} // namespace Amiens
