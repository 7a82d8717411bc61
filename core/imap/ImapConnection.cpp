#include "ImapConnection.h"

#include "net/InitialResponseSaslMechanism.h"
#include "net/QtSslSocketFactory.h"
#include "net/ScramSaslMechanism.h"
#include "net/VmimeErrorTranslator.h"
#include "net/VmimePlatform.h"
#include "net/VmimeServiceSetup.h"
#include "util/Logging.h"

#include <algorithm>
#include <vmime/security/sasl/defaultSASLAuthenticator.hpp>
#include <vmime/utility/url.hpp>

using namespace Qt::StringLiterals;

namespace Amiens {

ImapConnection::ImapConnection(Account account, TlsTrust trust, CancellationFlag cancelled,
                               std::chrono::milliseconds inactivityLimit)
    : m_account(std::move(account))
    , m_trust(std::move(trust))
    , m_cancelled(cancelled ? std::move(cancelled) : std::make_shared<std::atomic<bool>>(false))
    , m_inactivityLimit(inactivityLimit)
{
    VmimePlatform::ensureInstalled();
}

ImapConnection::~ImapConnection()
{
    close();
}

std::optional<std::vector<std::string>> ImapConnection::announcedCapabilities(const std::string &line)
{
    // "* OK [CAPABILITY IMAP4rev1 …] ready", "a1 OK [CAPABILITY …] Logged in", "* CAPABILITY …"
    const QByteArray text = QByteArray::fromStdString(line);
    qsizetype start = -1;
    qsizetype end = text.size();
    if (const qsizetype code = text.indexOf(" OK [CAPABILITY "); code > 0 && code == text.indexOf(' ')) {
        start = code + 16;
        end = text.indexOf(']', start);
    } else if (text.startsWith("* CAPABILITY ")) {
        start = 13;
    }
    if (start < 0 || end < start)
        return std::nullopt;
    std::vector<std::string> capabilities;
    for (const QByteArray &word : text.mid(start, end - start).split(' ')) {
        if (!word.isEmpty())
            capabilities.push_back(word.toUpper().toStdString());
    }
    return capabilities;
}

std::optional<ServiceError> ImapConnection::open(const QString &password)
{
    close();
    SocketSettings settings;
    settings.protocol = MailProtocol::Imap;
    settings.security = m_account.imap.security;
    settings.trust = m_trust;
    m_socketFactory = std::make_shared<QtSslSocketFactory>(settings);

    try {
        m_session = vmime::net::session::create();
        // Plain "imap://": TLS is done by our socket, never by VMime's GnuTLS layer.
        vmime::utility::url url("imap", m_account.imap.host.toStdString(), m_account.imap.port);
        const auto authenticator = vmime::make_shared<vmime::security::sasl::defaultSASLAuthenticator>();
        auto store = vmime::dynamicCast<vmime::net::imap::IMAPStore>(m_session->getStore(url, authenticator));
        // The capabilities go by in the greeting and in the login's tagged OK; VMime 0.9.2 drops
        // the latter after a SASL login (and would ask CAPABILITY again, one round trip).
        struct Sightings
        {
            std::vector<std::string> greeting;
            std::vector<std::string> afterLogin;
            bool loggedIn = false; ///< the tracer outlives open(): later lines are not the login's
        };
        const auto seen = std::make_shared<Sightings>();
        VmimeServiceSetup::apply(*store, m_socketFactory, m_cancelled, m_inactivityLimit, u"imap"_s,
                                 m_account.imap, password, [seen](const vmime::string &line) {
                                     if (seen->loggedIn)
                                         return;
                                     if (auto announced = announcedCapabilities(line)) {
                                         const bool tagged = line.rfind("* ", 0) != 0;
                                         (tagged ? seen->afterLogin : seen->greeting) = std::move(*announced);
                                     }
                                 });
        {
            // SASL-IR only where the server said it takes it (VMime would send it regardless).
            const InitialResponseSaslMechanism::Permit initialResponse([seen] {
                return std::find(seen->greeting.cbegin(), seen->greeting.cend(), "SASL-IR") !=
                       seen->greeting.cend();
            });
            store->connect();
        }
        ScramSaslMechanism::requireServerProof(*authenticator);
        seen->loggedIn = true;
        m_capabilities = seen->afterLogin;
        m_store = store;
        qCInfo(lcImap).noquote() << "logged in to" << m_account.imap.host << m_account.imap.port << "as"
                                 << m_account.imap.login << "over"
                                 << (m_socketFactory->lastReport()
                                         ? m_socketFactory->lastReport()->tlsDescription
                                         : QString());
        return std::nullopt;
    } catch (...) {
        const ServiceError error = translate(std::current_exception());
        qCWarning(lcImap).noquote() << "cannot log in to" << m_account.imap.host << ":" << error.message
                                    << "(" << error.technical << ")";
        m_store.reset();
        m_session.reset();
        return error;
    }
}

void ImapConnection::close()
{
    if (m_store) {
        try {
            if (m_store->isConnected())
                m_store->disconnect();
        } catch (...) {
            // The server may already be gone; the socket is closed either way.
        }
    }
    m_store.reset();
    m_session.reset();
    m_namespaces.reset(); // the next login asks again
    m_capabilities.clear();
}

bool ImapConnection::isOpen() const
{
    return m_store && m_store->isConnected();
}

ConnectionReport ImapConnection::lastConnectionReport() const
{
    const auto report = m_socketFactory ? m_socketFactory->lastReport() : nullptr;
    return report ? *report : ConnectionReport();
}

ServiceError ImapConnection::translate(const std::exception_ptr &failure) const
{
    const auto report = m_socketFactory ? m_socketFactory->lastReport() : nullptr;
    return VmimeErrorTranslator::translate(failure, report.get(), m_cancelled && m_cancelled->load(),
                                           m_account.imap.host);
}

} // namespace Amiens
