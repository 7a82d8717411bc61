#pragma once

#include "TlsTrust.h"
#include "account/ServerEndpoint.h"

#include <QByteArray>
#include <chrono>

namespace Amiens {

/// The protocol spoken on a socket, needed to run STARTTLS before VMime takes over.
enum class MailProtocol
{
    Imap,
    Smtp
};

/// Everything a QtSslSocket needs besides the address VMime gives it.
struct SocketSettings
{
    MailProtocol protocol = MailProtocol::Imap;
    ConnectionSecurity security = ConnectionSecurity::ImplicitTls;
    TlsTrust trust;
    /// Our name in SMTP EHLO: an address literal, so the machine's host name never leaks.
    QByteArray clientName = QByteArrayLiteral("[127.0.0.1]");
    std::chrono::milliseconds connectTimeout{std::chrono::seconds(20)};
};

} // namespace Amiens
