#include "SmtpConnection.h"

#include "net/QtSslSocketFactory.h"
#include "net/ScramSaslMechanism.h"
#include "net/VmimeErrorTranslator.h"
#include "net/VmimePlatform.h"
#include "net/VmimeServiceSetup.h"
#include "util/Logging.h"

#include <vmime/security/sasl/defaultSASLAuthenticator.hpp>
#include <vmime/utility/url.hpp>

using namespace Qt::StringLiterals;

namespace Amiens {

SmtpConnection::SmtpConnection(Account account, TlsTrust trust, CancellationFlag cancelled,
                               std::chrono::milliseconds inactivityLimit)
    : m_account(std::move(account))
    , m_trust(std::move(trust))
    , m_cancelled(cancelled ? std::move(cancelled) : std::make_shared<std::atomic<bool>>(false))
    , m_inactivityLimit(inactivityLimit)
{
    VmimePlatform::ensureInstalled();
}

SmtpConnection::~SmtpConnection()
{
    close();
}

std::optional<ServiceError> SmtpConnection::open(const QString &password)
{
    close();
    SocketSettings settings;
    settings.protocol = MailProtocol::Smtp;
    settings.security = m_account.smtp.security;
    settings.trust = m_trust;
    m_socketFactory = std::make_shared<QtSslSocketFactory>(settings);

    try {
        m_session = vmime::net::session::create();
        // Plain "smtp://": TLS (implicit or STARTTLS) is our socket's job, never VMime's.
        vmime::utility::url url("smtp", m_account.smtp.host.toStdString(), m_account.smtp.port);
        const auto authenticator = vmime::make_shared<vmime::security::sasl::defaultSASLAuthenticator>();
        auto transport = m_session->getTransport(url, authenticator);
        VmimeServiceSetup::apply(*transport, m_socketFactory, m_cancelled, m_inactivityLimit, u"smtp"_s,
                                 m_account.smtp, password);
        // Submission without authentication would mean an open relay or a misconfiguration:
        // either way the password must have been checked.
        transport->setProperty("options.need-authentication", true);
        transport->connect();
        ScramSaslMechanism::requireServerProof(*authenticator);
        m_transport = transport;
        qCInfo(lcNet).noquote() << "logged in to SMTP" << m_account.smtp.host << m_account.smtp.port << "as"
                                << m_account.smtp.login << "over"
                                << (m_socketFactory->lastReport()
                                        ? m_socketFactory->lastReport()->tlsDescription
                                        : QString());
        return std::nullopt;
    } catch (...) {
        const ServiceError error = translate(std::current_exception());
        qCWarning(lcNet).noquote() << "cannot log in to SMTP" << m_account.smtp.host << ":" << error.message
                                   << "(" << error.technical << ")";
        m_transport.reset();
        m_session.reset();
        return error;
    }
}

void SmtpConnection::close()
{
    if (m_transport) {
        try {
            if (m_transport->isConnected())
                m_transport->disconnect();
        } catch (...) {
            // The server may already be gone; the socket is closed either way.
        }
    }
    m_transport.reset();
    m_session.reset();
}

bool SmtpConnection::isOpen() const
{
    return m_transport && m_transport->isConnected();
}

std::optional<ServiceError> SmtpConnection::checkLogin(const QString &password)
{
    auto error = open(password);
    close();
    return error;
}

ConnectionReport SmtpConnection::lastConnectionReport() const
{
    const auto report = m_socketFactory ? m_socketFactory->lastReport() : nullptr;
    return report ? *report : ConnectionReport();
}

ServiceError SmtpConnection::translate(const std::exception_ptr &failure) const
{
    const auto report = m_socketFactory ? m_socketFactory->lastReport() : nullptr;
    return VmimeErrorTranslator::translate(failure, report.get(), m_cancelled && m_cancelled->load(),
                                           m_account.smtp.host);
}

} // namespace Amiens
