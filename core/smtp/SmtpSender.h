#pragma once

#include "account/Account.h"
#include "net/CancellableTimeoutHandler.h"
#include "net/ServiceError.h"
#include "net/TlsTrust.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QStringList>

namespace Amiens {

/// Sends prebuilt bytes through the account's SMTP server (SmtpConnection: our TLS socket,
/// authentication required) with VMime's stream overload: never send(message), which
/// regenerates headers and breaks them when the server offers SMTPUTF8
/// (core/net/VmimeTraps.md, « SMTPUTF8 and send(message) »).
/// Blocking: run it on a worker thread, never the GUI thread.
class SmtpSender
{
    Q_DECLARE_TR_FUNCTIONS(Amiens::SmtpSender)

public:
    struct Outcome
    {
        enum class Kind
        {
            Sent,
            Transient, ///< network, timeout, 4xx: try again later
            Permanent, ///< 5xx, unknown recipient, too big: the user must change the message
            Blocked,   ///< password or certificate: nothing goes until the user acts
        };
        Kind kind = Kind::Sent;
        ServiceError error;   ///< when not Sent: message in French, technical = the server's words
        qint64 sizeLimit = 0; ///< the server's SIZE (RFC 1870) from its EHLO, 0 when it gave none
    };

    SmtpSender(Account account, TlsTrust trust, CancellationFlag cancelled = {});

    Outcome send(const QString &password, const QString &envelopeFrom, const QStringList &recipients,
                 const QByteArray &bytes);

private:
    Account m_account;
    TlsTrust m_trust;
    CancellationFlag m_cancelled;
};

} // namespace Amiens
