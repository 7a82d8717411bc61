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
#include <string>
#include <vector>
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

    /// The capabilities the server announced in the tagged OK of the login ([CAPABILITY …], as
    /// Dovecot and most servers do), upper-cased; empty when it did not. VMime 0.9.2 forgets them
    /// after a SASL login and would ask again with CAPABILITY, a round trip.
    [[nodiscard]] const std::vector<std::string> &capabilities() const { return m_capabilities; }

    /// The capabilities a greeting, a tagged OK or a CAPABILITY response line announces,
    /// upper-cased; nullopt for any other line.
    [[nodiscard]] static std::optional<std::vector<std::string>>
    announcedCapabilities(const std::string &line);

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
    std::vector<std::string> m_capabilities;
};

} // namespace Amiens
