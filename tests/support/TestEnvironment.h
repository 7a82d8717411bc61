#pragma once

#include "account/Account.h"
#include "sieve/SieveRulesStore.h"

#include <QString>
#include <optional>

namespace Amiens::Test {

/// The loopback servers started by tests/servers/up.sh, as described by its servers.env.
struct TestEnvironment
{
    QString host;
    quint16 imapsPort = 0;
    quint16 imapStartTlsPort = 0;
    quint16 sievePort = 0;
    quint16 smtpsPort = 0;
    quint16 submissionPort = 0;
    QString caFile;
    QString sslDir;
    QString user;
    QString password;
    QString address;
    QString user2;
    QString password2;
    QString address2;
    /// The school's functional mailbox (ce.0801234x): its own login, a 2 MB quota.
    QString functionalUser;
    QString functionalPassword;
    QString functionalAddress;
    QString doveadm;

    /// Reads the AMIENS_TEST_* variables; isValid() is false outside with-servers.sh.
    static TestEnvironment fromEnvironment();
    [[nodiscard]] bool isValid() const { return imapsPort != 0 && !caFile.isEmpty(); }
    [[nodiscard]] QString sslFile(const QString &name) const { return sslDir + u'/' + name; }

    /// The main test user's account on the IMAPS port, trusting the test CA.
    [[nodiscard]] Account account() const;
    /// The functional mailbox's account, same servers and trust.
    [[nodiscard]] Account functionalAccount() const;
    /// The main user's Sieve rules as the test ManageSieve server has them now.
    [[nodiscard]] std::optional<SieveRulesStore::State> sieveRules() const;
};

} // namespace Amiens::Test

/// Fails the current test when the servers are missing: integration tests never skip silently.
#define AMIENS_REQUIRE_SERVERS(env)                                                                          \
    do {                                                                                                     \
        if (!(env).isValid())                                                                                \
            QFAIL("The loopback test servers are not running: run this test through ctest (fixture "         \
                  "'servers') or tests/servers/with-servers.sh.");                                           \
    } while (false)
