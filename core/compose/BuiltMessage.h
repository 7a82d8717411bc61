#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace Amiens {

/// A message ready to go: the exact bytes sent over SMTP and appended to Sent (CRLF, 7-bit,
/// no Bcc), and the envelope that goes with them.
struct BuiltMessage
{
    QByteArray bytes;
    QString messageId;      ///< without angle brackets
    QString envelopeFrom;   ///< MAIL FROM
    QStringList recipients; ///< RCPT TO: To, Cc and Bcc, each once
    QString subject;        ///< decoded, for the outbox list
};

} // namespace Amiens
