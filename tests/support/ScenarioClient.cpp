#include "ScenarioClient.h"

#include "TestCertificates.h"
#include "imap/ImapConnection.h"

using namespace Qt::StringLiterals;

namespace Amiens::Test {

ScenarioClient::ScenarioClient(const TestCertificates &certificates, quint16 port, const QString &address)
{
    const QString login = address.section(u'@', 0, 0);
    m_account.id = address;
    m_account.address = address;
    m_account.imap = {u"localhost"_s, port, ConnectionSecurity::ImplicitTls, login};
    m_account.smtp = {u"localhost"_s, 1, ConnectionSecurity::ImplicitTls, login};
    m_account.caFile = certificates.caFile();
    QString error;
    const auto trust = TlsTrust::forAccount(m_account, &error);
    if (!trust)
        qFatal("cannot load the scenario CA: %s", qPrintable(error));
    m_trust = *trust;
}

std::unique_ptr<ImapConnection> ScenarioClient::login() const
{
    auto connection = std::make_unique<ImapConnection>(m_account, m_trust, nullptr);
    if (const auto failure = connection->open(QString::fromLatin1(kPassword)))
        qWarning("cannot log in to the player: %s", qPrintable(failure->technical));
    return connection;
}

} // namespace Amiens::Test
