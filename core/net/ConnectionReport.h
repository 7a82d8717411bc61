#pragma once

#include "TlsFailure.h"

#include <QSslCertificate>
#include <QString>
#include <optional>

namespace Amiens {

/// What a socket learnt while connecting, read back after VMime has turned the failure into an
/// exception: the exception alone cannot carry the certificate chain or the STARTTLS refusal.
struct ConnectionReport
{
    enum class Failure
    {
        None,
        Connect,           ///< host not found, connection refused or dropped
        Certificate,       ///< the server's identity could not be verified
        TlsHandshake,      ///< TLS failed for another reason (protocol, cipher)
        StartTlsRefused,   ///< a STARTTLS endpoint did not offer or accept STARTTLS
        Greeting,          ///< the server's greeting was not what the protocol says
        OversizedResponse, ///< a line or literal beyond ImapStreamGuard's bounds: connection closed
    };

    Failure failure = Failure::None;
    QString detail; ///< technical, for the logs (never a secret)
    std::optional<TlsFailure> tlsFailure;
    bool encrypted = false;
    QString tlsDescription;          ///< "TLS 1.3, TLS_AES_256_GCM_SHA384" once encrypted
    QSslCertificate peerCertificate; ///< the verified leaf, for "connection details"
    qint64 bytesReceived = 0;        ///< bytes handed to VMime on this connection
    qint64 bytesSent = 0;            ///< bytes written out (QtSslSocket holds writes until a read)
    qint64 oversizedLiteral = 0;     ///< the size a refused literal announced (0: a line too long)
};

} // namespace Amiens
