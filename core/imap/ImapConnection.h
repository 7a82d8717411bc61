#pragma once

#include "account/Account.h"
#include "imap/ImapNamespaceParser.h"
#include "net/CancellableTimeoutHandler.h"
#include "net/ConnectionReport.h"
#include "net/ServiceError.h"
#include "net/TlsTrust.h"

#include <chrono>
#include <memory>
#include <optional>
#include <vmime/net/imap/IMAPStore.hpp>
#include <vmime/net/session.hpp>

namespace Amiens {

class QtSslSocketFactory;

/// One logged-in IMAP connection of an account, owned by the account's worker thread: VMime has
/// no locks, so the session and store are created, used and destroyed on that thread only.
class ImapConnection
{
public:
    ImapConnection(Account account, TlsTrust trust, CancellationFlag cancelled,
                   std::chrono::milliseconds inactivityLimit = std::chrono::seconds(60));
    ~ImapConnection();
    ImapConnection(const ImapConnection &) = delete;
    ImapConnection &operator=(const ImapConnection &) = delete;

    /// Connects, verifies TLS and logs in. Returns the error instead of throwing.
    std::optional<ServiceError> open(const QString &password);
    void close();
    [[nodiscard]] bool isOpen() const;

    /// The logged-in store; only valid after a successful open().
    [[nodiscard]] vmime::shared_ptr<vmime::net::imap::IMAPStore> store() const { return m_store; }
    [[nodiscard]] const Account &account() const { return m_account; }

    /// What the socket of the last connection attempt learnt (TLS version, certificate, failure).
    [[nodiscard]] ConnectionReport lastConnectionReport() const;

    /// The server's NAMESPACE answer, kept for as long as this login lasts (it does not change
    /// while logged in, and asking at every sync costs a round trip); nullopt until known.
    [[nodiscard]] const std::optional<ImapNamespaceParser::Namespaces> &namespaces() const
    {
        return m_namespaces;
    }
    void setNamespaces(std::optional<ImapNamespaceParser::Namespaces> namespaces)
    {
        m_namespaces = std::move(namespaces);
    }

    /// Translates an exception thrown while using store() (with what the socket recorded).
    [[nodiscard]] ServiceError translate(const std::exception_ptr &failure) const;

private:
    Account m_account;
    TlsTrust m_trust;
    CancellationFlag m_cancelled;
    std::chrono::milliseconds m_inactivityLimit;
    std::shared_ptr<QtSslSocketFactory> m_socketFactory;
    vmime::shared_ptr<vmime::net::session> m_session;
    vmime::shared_ptr<vmime::net::imap::IMAPStore> m_store;
    std::optional<ImapNamespaceParser::Namespaces> m_namespaces;
};

} // namespace Amiens
