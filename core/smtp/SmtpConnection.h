#pragma once

#include "account/Account.h"
#include "net/CancellableTimeoutHandler.h"
#include "net/ConnectionReport.h"
#include "net/ServiceError.h"
#include "net/TlsTrust.h"

#include <chrono>
#include <memory>
#include <optional>
#include <vmime/net/session.hpp>
#include <vmime/net/transport.hpp>

namespace Amiens {

class QtSslSocketFactory;

/// One logged-in SMTP submission connection of an account, on VMime's SMTP transport over our
/// QtSslSocket (TLS and STARTTLS by Qt, exactly as ImapConnection does for IMAP). Like VMime
/// itself it has no locks: create, use and destroy it on one thread, never the GUI thread.
/// For now it only proves that the account can log in; sending comes with the composer.
class SmtpConnection
{
public:
    SmtpConnection(Account account, TlsTrust trust, CancellationFlag cancelled = {},
                   std::chrono::milliseconds inactivityLimit = std::chrono::seconds(60));
    ~SmtpConnection();
    SmtpConnection(const SmtpConnection &) = delete;
    SmtpConnection &operator=(const SmtpConnection &) = delete;

    /// Connects, verifies TLS and authenticates. Returns the error instead of throwing.
    std::optional<ServiceError> open(const QString &password);
    void close();
    [[nodiscard]] bool isOpen() const;

    /// open() then close(): does the server accept this login?
    std::optional<ServiceError> checkLogin(const QString &password);

    /// The logged-in transport; only valid after a successful open().
    [[nodiscard]] vmime::shared_ptr<vmime::net::transport> transport() const { return m_transport; }
    [[nodiscard]] const Account &account() const { return m_account; }
    [[nodiscard]] ConnectionReport lastConnectionReport() const;
    [[nodiscard]] ServiceError translate(const std::exception_ptr &failure) const;

private:
    Account m_account;
    TlsTrust m_trust;
    CancellationFlag m_cancelled;
    std::chrono::milliseconds m_inactivityLimit;
    std::shared_ptr<QtSslSocketFactory> m_socketFactory;
    vmime::shared_ptr<vmime::net::session> m_session;
    vmime::shared_ptr<vmime::net::transport> m_transport;
};

} // namespace Amiens
