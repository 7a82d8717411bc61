#include "TestEnvironment.h"

#include "sieve/ManageSieveClient.h"

#include <QSslCertificate>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace Amiens::Test {

namespace {
quint16 port(const char *name)
{
    return static_cast<quint16>(qEnvironmentVariableIntValue(name));
}
} // namespace

TestEnvironment TestEnvironment::fromEnvironment()
{
    TestEnvironment env;
    env.host = qEnvironmentVariable("AMIENS_TEST_HOST", u"localhost"_s);
    env.imapsPort = port("AMIENS_TEST_IMAPS_PORT");
    env.imapStartTlsPort = port("AMIENS_TEST_IMAP_STARTTLS_PORT");
    env.sievePort = port("AMIENS_TEST_SIEVE_PORT");
    env.smtpsPort = port("AMIENS_TEST_SMTPS_PORT");
    env.submissionPort = port("AMIENS_TEST_SUBMISSION_PORT");
    env.caFile = qEnvironmentVariable("AMIENS_TEST_CA_FILE");
    env.sslDir = qEnvironmentVariable("AMIENS_TEST_SSL_DIR");
    env.user = qEnvironmentVariable("AMIENS_TEST_USER");
    env.password = qEnvironmentVariable("AMIENS_TEST_PASSWORD");
    env.address = qEnvironmentVariable("AMIENS_TEST_ADDRESS");
    env.user2 = qEnvironmentVariable("AMIENS_TEST_USER2");
    env.password2 = qEnvironmentVariable("AMIENS_TEST_PASSWORD2");
    env.address2 = qEnvironmentVariable("AMIENS_TEST_ADDRESS2");
    env.functionalUser = qEnvironmentVariable("AMIENS_TEST_FUNCTIONAL_USER");
    env.functionalPassword = qEnvironmentVariable("AMIENS_TEST_FUNCTIONAL_PASSWORD");
    env.functionalAddress = qEnvironmentVariable("AMIENS_TEST_FUNCTIONAL_ADDRESS");
    env.doveadm = qEnvironmentVariable("AMIENS_TEST_DOVEADM");
    return env;
}

Account TestEnvironment::account() const
{
    Account account;
    account.id = address;
    account.address = address;
    account.realName = u"Marie Dupont"_s;
    account.imap = {host, imapsPort, ConnectionSecurity::ImplicitTls, user};
    account.smtp = {host, smtpsPort, ConnectionSecurity::ImplicitTls, user};
    account.caFile = caFile;
    return account;
}

Account TestEnvironment::functionalAccount() const
{
    Account account;
    account.id = functionalAddress;
    account.address = functionalAddress;
    account.realName = u"Collège Jules Verne"_s;
    account.imap = {host, imapsPort, ConnectionSecurity::ImplicitTls, functionalUser};
    account.smtp = {host, smtpsPort, ConnectionSecurity::ImplicitTls, functionalUser};
    account.caFile = caFile;
    return account;
}

std::optional<SieveRulesStore::State> TestEnvironment::sieveRules() const
{
    ManageSieveClient::Settings settings;
    settings.host = host;
    settings.port = sievePort;
    settings.login = user;
    settings.trust.extraAuthorities = QSslCertificate::fromPath(caFile);
    ManageSieveClient client(settings);
    if (!client.connectToServer() || !client.authenticate(password))
        return std::nullopt;
    SieveRulesStore store(client);
    return store.load(QTimeZone::systemTimeZone());
}

} // namespace Amiens::Test
