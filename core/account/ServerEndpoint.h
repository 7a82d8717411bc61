#pragma once

#include <QString>
#include <optional>

namespace Amiens {

/// How a connection is protected. There is deliberately no plaintext mode: mail credentials
/// never cross the network unencrypted, and a STARTTLS endpoint that refuses STARTTLS is an error.
enum class ConnectionSecurity
{
    ImplicitTls, ///< TLS from the first byte (IMAPS 993, SMTPS 465)
    StartTls,    ///< plaintext greeting, then STARTTLS is mandatory (IMAP 143, submission 587)
};

/// One server of an account: where to connect, how, and with which login.
struct ServerEndpoint
{
    QString host;
    quint16 port = 0;
    ConnectionSecurity security = ConnectionSecurity::ImplicitTls;
    QString login;

    [[nodiscard]] bool isComplete() const { return !host.isEmpty() && port != 0 && !login.isEmpty(); }

    /// Names used in profiles and on the command line: "ssl" and "starttls".
    [[nodiscard]] static QString securityName(ConnectionSecurity security);
    /// Accepts our names and the autoconfig ones ("SSL", "STARTTLS", "tls").
    [[nodiscard]] static std::optional<ConnectionSecurity> parseSecurity(const QString &name);

    friend bool operator==(const ServerEndpoint &, const ServerEndpoint &) = default;
};

} // namespace Amiens
