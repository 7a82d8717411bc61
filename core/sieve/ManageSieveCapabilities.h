#pragma once

#include "ManageSieveResponse.h"

#include <QString>
#include <QStringList>

namespace Amiens {

/// What a ManageSieve server announces in its greeting and after STARTTLS or CAPABILITY
/// (RFC 5804 §1.7): its implementation, the Sieve extensions it runs, the SASL mechanisms it
/// offers (only once TLS is up, for most servers) and whether it offers STARTTLS.
struct ManageSieveCapabilities
{
    QString implementation;
    QStringList sieveExtensions; ///< lower-case: "vacation", "date", "copy"…
    QStringList saslMechanisms;  ///< upper-case: "PLAIN", "SCRAM-SHA-256"…
    QStringList notifyMethods;
    bool startTls = false;
    QString version;      ///< "1.0" for RFC 5804 servers (CHECKSCRIPT, RENAMESCRIPT, NOOP)
    int maxRedirects = 0; ///< 0 when not announced
    QString owner;

    [[nodiscard]] static ManageSieveCapabilities fromResponse(const ManageSieveResponse &response);

    [[nodiscard]] bool hasExtension(const QString &name) const
    {
        return sieveExtensions.contains(name.toLower());
    }
    [[nodiscard]] bool hasSaslMechanism(const QString &name) const
    {
        return saslMechanisms.contains(name.toUpper());
    }
    /// CHECKSCRIPT exists only on servers that implement the RFC (VERSION announced).
    [[nodiscard]] bool hasCheckScript() const { return !version.isEmpty(); }
};

} // namespace Amiens
