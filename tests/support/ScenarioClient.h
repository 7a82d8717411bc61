#pragma once

#include "account/Account.h"
#include "net/TlsTrust.h"

#include <QString>
#include <memory>

namespace Amiens {
class ImapConnection;
}

namespace Amiens::Test {

class TestCertificates;

/// The client side of a scripted IMAP scenario: an account on the player's port, named
/// "localhost" as the test certificate is (the host name is checked as for real), trusting the
/// test CA, and a logged-in connection for driving the protocol classes directly.
class ScenarioClient
{
public:
    /// The password every scenario accepts.
    static constexpr auto kPassword = "Mot-de-passe-1";

    ScenarioClient(const TestCertificates &certificates, quint16 port,
                   const QString &address = QStringLiteral("mdupont@ac-amiens.fr"));

    [[nodiscard]] const Account &account() const { return m_account; }
    [[nodiscard]] const TlsTrust &trust() const { return m_trust; }
    /// A connection logged in to the player on this thread (a warning when the login fails).
    [[nodiscard]] std::unique_ptr<ImapConnection> login() const;

private:
    Account m_account;
    TlsTrust m_trust;
};

} // namespace Amiens::Test
