#include "ManageSieveClient.h"

#include "util/Logging.h"

#include <QSslCipher>
#include <QSslSocket>

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

// Short slices keep the waits responsive to a closed connection.
constexpr int kWaitSliceMs = 50;

QString printable(const QByteArray &bytes)
{
    return QString::fromUtf8(bytes.left(200)).simplified();
}

} // namespace

ManageSieveClient::ManageSieveClient(Settings settings)
    : m_settings(std::move(settings))
    , m_parser(m_settings.maxResponseSize)
{
}

ManageSieveClient::~ManageSieveClient()
{
    if (m_socket)
        m_socket->abort();
}

QString ManageSieveClient::serverName() const
{
    return m_settings.host;
}

bool ManageSieveClient::fail(ServiceError::Kind kind, const QString &message, const QString &technical)
{
    m_error = ServiceError();
    m_error.kind = kind;
    m_error.message = message;
    m_error.technical = technical;
    if (kind == ServiceError::Kind::Certificate)
        m_error.tlsFailure = m_report.tlsFailure;
    qCWarning(lcNet).noquote() << "ManageSieve" << m_settings.host << m_settings.port
                               << "failed:" << technical;
    // A connection in an unknown state is never reused, and nothing more may be sent.
    if (kind != ServiceError::Kind::Protocol && kind != ServiceError::Kind::Authentication && m_socket)
        m_socket->abort();
    return false;
}

bool ManageSieveClient::failFromResponse(const ManageSieveResponse &response, const QString &what)
{
    const QString technical = u"%1: %2 (%3) %4"_s.arg(
        what, response.status == ManageSieveResponse::Status::Bye ? u"BYE"_s : u"NO"_s,
        QString::fromLatin1(response.code), response.text);
    if (response.status == ManageSieveResponse::Status::Bye) {
        if (m_socket)
            m_socket->abort();
        return fail(ServiceError::Kind::Network,
                    tr("The filter server %1 closed the connection: %2").arg(serverName(), response.text),
                    technical);
    }
    if (response.code == "QUOTA" || response.code.startsWith("QUOTA/"))
        return fail(
            ServiceError::Kind::Protocol,
            tr("The filter server %1 refused the rules: the space for filters is full.").arg(serverName()),
            technical);
    if (response.code == "NONEXISTENT")
        return fail(ServiceError::Kind::Protocol,
                    tr("The filter server %1 has no such rule set.").arg(serverName()), technical);
    if (response.code == "TRYLATER")
        return fail(ServiceError::Kind::Network,
                    tr("The filter server %1 is busy. Try again later.").arg(serverName()), technical);
    return fail(ServiceError::Kind::Protocol,
                response.text.isEmpty()
                    ? tr("The filter server %1 refused the operation.").arg(serverName())
                    : tr("The filter server %1 refused the operation: %2").arg(serverName(), response.text),
                technical);
}

bool ManageSieveClient::isConnected() const
{
    return m_socket && m_socket->state() == QAbstractSocket::ConnectedState && m_socket->isEncrypted();
}

bool ManageSieveClient::connectToServer()
{
    m_report = ConnectionReport();
    m_sslErrors.clear();
    m_authenticated = false;
    m_mechanism.clear();
    m_connectionRefused = false;
    m_parser = ManageSieveParser(m_settings.maxResponseSize);
    m_socket = std::make_unique<QSslSocket>();
    m_socket->setSslConfiguration(m_settings.trust.sslConfiguration());
    m_socket->setPeerVerifyName(m_settings.host);
    QSslSocket *socket = m_socket.get();
    QObject::connect(socket, &QSslSocket::sslErrors, socket, [this, socket](const QList<QSslError> &errors) {
        m_sslErrors = errors;
        // Only the exact certificate the user accepted for this host and port passes, or a chain
        // the system store verifies when the account's own authorities replaced it.
        if (m_settings.trust.acceptsDespite(m_settings.host, m_settings.port, socket->peerCertificateChain(),
                                            errors))
            socket->ignoreSslErrors(errors);
    });

    if (m_settings.security == ConnectionSecurity::ImplicitTls) {
        m_socket->connectToHostEncrypted(m_settings.host, m_settings.port);
        if (!waitForEncrypted())
            return false;
        const auto greeting = readResponse();
        if (!greeting)
            return false;
        if (!greeting->isOk())
            return failFromResponse(*greeting, u"greeting"_s);
        m_capabilities = ManageSieveCapabilities::fromResponse(*greeting);
        return true;
    }

    m_socket->connectToHost(m_settings.host, m_settings.port);
    const auto deadline = std::chrono::steady_clock::now() + m_settings.timeout;
    while (m_socket->state() != QAbstractSocket::ConnectedState) {
        if (std::chrono::steady_clock::now() > deadline)
            return fail(ServiceError::Kind::Timeout,
                        tr("The filter server %1 did not answer in time.").arg(serverName()),
                        u"connection timed out"_s);
        if (!m_socket->waitForConnected(kWaitSliceMs) &&
            m_socket->state() == QAbstractSocket::UnconnectedState) {
            m_connectionRefused = m_socket->error() == QAbstractSocket::ConnectionRefusedError;
            return fail(
                ServiceError::Kind::Network,
                tr("Cannot reach the filter server %1. Check the network connection.").arg(serverName()),
                m_socket->errorString());
        }
    }
    const auto greeting = readResponse();
    if (!greeting)
        return false;
    if (!greeting->isOk())
        return failFromResponse(*greeting, u"greeting"_s);
    if (!ManageSieveCapabilities::fromResponse(*greeting).startTls)
        return fail(ServiceError::Kind::TlsUnavailable,
                    tr("The filter server %1 does not offer an encrypted connection (STARTTLS). "
                       "For your security, the connection was refused.")
                        .arg(serverName()),
                    u"the ManageSieve server does not offer STARTTLS"_s);
    if (!send("STARTTLS\r\n"))
        return false;
    const auto started = readResponse();
    if (!started)
        return false;
    if (!started->isOk())
        return fail(ServiceError::Kind::TlsUnavailable,
                    tr("The filter server %1 refused to encrypt the connection. "
                       "For your security, the connection was refused.")
                        .arg(serverName()),
                    u"STARTTLS refused: "_s + started->text);
    // Bytes after the STARTTLS reply arrived in clear and may be an attacker's injection.
    if (m_parser.pendingBytes() > 0 || m_socket->bytesAvailable() > 0)
        return fail(ServiceError::Kind::TlsUnavailable,
                    tr("The secure connection with %1 could not be established.").arg(serverName()),
                    u"unexpected plaintext after STARTTLS"_s);
    m_socket->startClientEncryption();
    if (!waitForEncrypted())
        return false;
    // RFC 5804 §2.2: the server sends its capabilities again once TLS is up; only these count.
    const auto capabilities = readResponse();
    if (!capabilities)
        return false;
    if (!capabilities->isOk())
        return failFromResponse(*capabilities, u"capabilities after STARTTLS"_s);
    m_capabilities = ManageSieveCapabilities::fromResponse(*capabilities);
    return true;
}

bool ManageSieveClient::waitForEncrypted()
{
    const auto deadline = std::chrono::steady_clock::now() + m_settings.timeout;
    while (!m_socket->isEncrypted()) {
        if (m_socket->waitForEncrypted(kWaitSliceMs))
            break;
        if (m_socket->state() != QAbstractSocket::UnconnectedState) {
            if (std::chrono::steady_clock::now() > deadline)
                return fail(ServiceError::Kind::Timeout,
                            tr("The filter server %1 did not answer in time.").arg(serverName()),
                            u"secure connection timed out"_s);
            continue;
        }
        // A certificate that cannot be verified ends the handshake before any protocol byte.
        if (!m_sslErrors.isEmpty()) {
            TlsFailure failure;
            failure.host = m_settings.host;
            failure.port = m_settings.port;
            failure.errors = m_sslErrors;
            failure.chain = m_socket->peerCertificateChain();
            if (failure.chain.isEmpty() && !m_sslErrors.first().certificate().isNull())
                failure.chain.append(m_sslErrors.first().certificate());
            m_report.failure = ConnectionReport::Failure::Certificate;
            m_report.detail = failure.describe();
            m_report.tlsFailure = failure;
            return fail(
                ServiceError::Kind::Certificate,
                tr("The filter server %1 presented a certificate that cannot be trusted.").arg(serverName()),
                failure.describe());
        }
        if (m_socket->error() == QAbstractSocket::SslHandshakeFailedError ||
            m_socket->error() == QAbstractSocket::SslInternalError)
            return fail(ServiceError::Kind::TlsUnavailable,
                        tr("The secure connection with %1 could not be established.").arg(serverName()),
                        m_socket->errorString());
        // With implicit TLS the TCP connection itself is made here.
        m_connectionRefused = m_socket->error() == QAbstractSocket::ConnectionRefusedError;
        return fail(ServiceError::Kind::Network,
                    tr("Cannot reach the filter server %1. Check the network connection.").arg(serverName()),
                    m_socket->errorString());
    }
    m_report.encrypted = true;
    m_report.peerCertificate = m_socket->peerCertificate();
    m_report.tlsDescription = m_socket->sessionCipher().name();
    return true;
}

bool ManageSieveClient::send(const QByteArray &command)
{
    if (!m_socket || m_socket->state() != QAbstractSocket::ConnectedState)
        return fail(ServiceError::Kind::Network, tr("The connection with %1 was lost.").arg(serverName()),
                    u"not connected"_s);
    m_socket->write(command);
    const auto deadline = std::chrono::steady_clock::now() + m_settings.timeout;
    while (m_socket->bytesToWrite() > 0 || m_socket->encryptedBytesToWrite() > 0) {
        if (std::chrono::steady_clock::now() > deadline)
            return fail(ServiceError::Kind::Timeout,
                        tr("The filter server %1 did not answer in time.").arg(serverName()),
                        u"write timed out"_s);
        if (!m_socket->waitForBytesWritten(kWaitSliceMs) &&
            m_socket->state() != QAbstractSocket::ConnectedState)
            return fail(ServiceError::Kind::Network, tr("The connection with %1 was lost.").arg(serverName()),
                        u"connection lost while sending"_s);
    }
    return true;
}

bool ManageSieveClient::waitForData(std::chrono::steady_clock::time_point deadline)
{
    while (m_socket->bytesAvailable() == 0) {
        if (std::chrono::steady_clock::now() > deadline)
            return fail(ServiceError::Kind::Timeout,
                        tr("The filter server %1 did not answer in time.").arg(serverName()),
                        u"read timed out"_s);
        if (!m_socket->waitForReadyRead(kWaitSliceMs) &&
            m_socket->state() != QAbstractSocket::ConnectedState && m_socket->bytesAvailable() == 0)
            return fail(ServiceError::Kind::Network, tr("The connection with %1 was lost.").arg(serverName()),
                        u"connection closed by the server: "_s + m_socket->errorString());
    }
    // Before STARTTLS, read only what is needed so that injected bytes stay visible.
    m_parser.append(m_socket->isEncrypted() ? m_socket->readAll() : m_socket->readLine());
    return true;
}

std::optional<ManageSieveParser::Item> ManageSieveClient::readItem()
{
    const auto deadline = std::chrono::steady_clock::now() + m_settings.timeout;
    while (true) {
        if (auto item = m_parser.nextItem())
            return item;
        if (m_parser.hasError()) {
            fail(ServiceError::Kind::Protocol,
                 tr("The filter server %1 sent a reply that could not be understood.").arg(serverName()),
                 m_parser.error());
            if (m_socket)
                m_socket->abort();
            return std::nullopt;
        }
        if (!waitForData(deadline))
            return std::nullopt;
    }
}

std::optional<ManageSieveResponse> ManageSieveClient::readResponse()
{
    ManageSieveResponse response;
    while (true) {
        auto item = readItem();
        if (!item)
            return std::nullopt;
        if (!item->isFinal) {
            response.lines.append(std::move(item->tokens));
            continue;
        }
        item->final.lines = std::move(response.lines);
        if (item->final.status == ManageSieveResponse::Status::Bye && m_socket)
            m_socket->disconnectFromHost();
        return std::move(item->final);
    }
}

QByteArray ManageSieveClient::quoted(const QByteArray &text)
{
    QByteArray result = "\"";
    for (const char c : text) {
        if (c == '"' || c == '\\')
            result += '\\';
        result += c;
    }
    return result + '"';
}

QByteArray ManageSieveClient::literal(const QByteArray &bytes)
{
    return "{" + QByteArray::number(bytes.size()) + "+}\r\n" + bytes;
}

bool ManageSieveClient::authenticate(const QString &password)
{
    if (!isConnected())
        return fail(ServiceError::Kind::Network, tr("The connection with %1 was lost.").arg(serverName()),
                    u"authenticate without a verified TLS connection"_s);
    m_authenticated = false;
    m_mechanism.clear();
    for (const auto hash : {ScramAuthenticator::Hash::Sha256, ScramAuthenticator::Hash::Sha1}) {
        if (m_capabilities.hasSaslMechanism(ScramAuthenticator::mechanismName(hash)))
            return authenticateScram(hash, password);
    }
    if (m_capabilities.hasSaslMechanism(u"PLAIN"_s))
        return authenticatePlain(password);
    return fail(
        ServiceError::Kind::Configuration,
        tr("The filter server %1 offers no sign-in method supported by AmiensMail.").arg(serverName()),
        u"SASL mechanisms: "_s + m_capabilities.saslMechanisms.join(u' '));
}

bool ManageSieveClient::failAuthentication(const ManageSieveResponse &response)
{
    if (response.status == ManageSieveResponse::Status::No)
        return fail(ServiceError::Kind::Authentication,
                    tr("The filter server %1 refused the identifier or the password.").arg(serverName()),
                    u"AUTHENTICATE: NO (%1) %2"_s.arg(QString::fromLatin1(response.code), response.text));
    return failFromResponse(response, u"AUTHENTICATE"_s);
}

bool ManageSieveClient::cancelAuthentication(ServiceError::Kind kind, const QString &message,
                                             const QString &technical)
{
    qCDebug(lcProtocol) << "ManageSieve C: \"*\" (SASL exchange cancelled)";
    if (send("\"*\"\r\n"))
        (void)readResponse();
    return fail(kind, message, technical);
}

std::optional<QByteArray> ManageSieveClient::challengeData(const ManageSieveParser::Item &item)
{
    if (item.isFinal || item.tokens.size() != 1 || !item.tokens.first().isString)
        return std::nullopt;
    auto decoded =
        QByteArray::fromBase64Encoding(item.tokens.first().value, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    return *decoded;
}

bool ManageSieveClient::failScram(const ScramAuthenticator &scram)
{
    switch (scram.error()) {
    case ScramAuthenticator::Error::ServerSignatureMismatch:
    case ScramAuthenticator::Error::MalformedServerFinal: {
        // The server may consider us signed in, but it did not prove it knows the password: it
        // may be an impostor. Nothing more is sent on this connection.
        fail(ServiceError::Kind::Protocol,
             tr("The filter server %1 could not prove its identity (its SCRAM signature is wrong). "
                "The connection was closed and nothing was changed.")
                 .arg(serverName()),
             scram.technical());
        if (m_socket)
            m_socket->abort();
        return false;
    }
    case ScramAuthenticator::Error::ServerError:
        return fail(ServiceError::Kind::Authentication,
                    tr("The filter server %1 refused the identifier or the password.").arg(serverName()),
                    scram.technical());
    case ScramAuthenticator::Error::WeakIterationCount:
    case ScramAuthenticator::Error::ExcessiveIterationCount:
        return cancelAuthentication(ServiceError::Kind::Protocol,
                                    tr("The filter server %1 asked for a sign-in with unsafe settings. "
                                       "For your security, AmiensMail refused it.")
                                        .arg(serverName()),
                                    scram.technical());
    default:
        return cancelAuthentication(
            ServiceError::Kind::Protocol,
            tr("The filter server %1 sent a reply that could not be understood.").arg(serverName()),
            scram.technical());
    }
}

bool ManageSieveClient::authenticateScram(ScramAuthenticator::Hash hash, const QString &password)
{
    // RFC 5804 §2.1: AUTHENTICATE "MECH" "initial response"; challenges and answers are base64
    // strings; the server-final message comes either in OK (SASL "…") or as a last challenge
    // that the client answers with an empty string.
    ScramAuthenticator scram(hash, m_settings.login, password);
    const QString mechanism = ScramAuthenticator::mechanismName(hash);
    qCDebug(lcProtocol).noquote() << "ManageSieve C: AUTHENTICATE" << mechanism << "<client-first>";
    if (!send("AUTHENTICATE " + quoted(mechanism.toLatin1()) + ' ' + quoted(scram.clientFirst().toBase64()) +
              "\r\n"))
        return false;

    auto item = readItem();
    if (!item)
        return false;
    if (item->isFinal) {
        if (!item->final.isOk())
            return failAuthentication(item->final);
        // OK without a single challenge: the server did not run SCRAM with us.
        fail(ServiceError::Kind::Protocol,
             tr("The filter server %1 could not prove its identity (its SCRAM signature is wrong). "
                "The connection was closed and nothing was changed.")
                 .arg(serverName()),
             mechanism + u": OK before the server-first message"_s);
        m_socket->abort();
        return false;
    }
    const auto serverFirst = challengeData(*item);
    if (!serverFirst)
        return cancelAuthentication(
            ServiceError::Kind::Protocol,
            tr("The filter server %1 sent a reply that could not be understood.").arg(serverName()),
            mechanism + u": server-first is not a base64 string"_s);
    const auto clientFinal = scram.clientFinal(*serverFirst);
    if (!clientFinal)
        return failScram(scram);
    qCDebug(lcProtocol) << "ManageSieve C: <SCRAM client proof>";
    if (!send(quoted(clientFinal->toBase64()) + "\r\n"))
        return false;

    item = readItem();
    if (!item)
        return false;
    if (!item->isFinal) {
        const auto serverFinal = challengeData(*item);
        if (!serverFinal || !scram.verifyServerFinal(*serverFinal)) {
            if (!serverFinal)
                (void)scram.verifyServerFinal(QByteArray()); // records the failure
            // "e=…" ends the exchange normally: the server still waits for our answer.
            if (scram.error() == ScramAuthenticator::Error::ServerError && send("\"*\"\r\n"))
                (void)readResponse();
            return failScram(scram);
        }
        if (!send("\"\"\r\n"))
            return false;
        item = readItem();
        if (!item)
            return false;
        if (!item->isFinal) {
            fail(ServiceError::Kind::Protocol,
                 tr("The filter server %1 sent a reply that could not be understood.").arg(serverName()),
                 mechanism + u": challenge after the server-final message"_s);
            m_socket->abort();
            return false;
        }
    }
    const ManageSieveResponse &response = item->final;
    if (!response.isOk())
        return failAuthentication(response);
    if (!scram.isComplete()) {
        const QByteArray data = response.code == "SASL" && !response.codeArguments.isEmpty()
                                    ? QByteArray::fromBase64(response.codeArguments.first())
                                    : QByteArray();
        if (!scram.verifyServerFinal(data))
            return failScram(scram);
    }
    m_authenticated = true;
    m_mechanism = mechanism;
    return true;
}

bool ManageSieveClient::authenticatePlain(const QString &password)
{
    const QByteArray initial = QByteArray(1, '\0') + m_settings.login.toUtf8() + '\0' + password.toUtf8();
    qCDebug(lcProtocol) << "ManageSieve C: AUTHENTICATE \"PLAIN\" <secret>";
    if (!send("AUTHENTICATE \"PLAIN\" " + quoted(initial.toBase64()) + "\r\n"))
        return false;
    auto item = readItem();
    if (!item)
        return false;
    if (!item->isFinal) {
        // PLAIN needs no challenge: cancel the exchange (RFC 5804 §2.1) rather than guess.
        return cancelAuthentication(
            ServiceError::Kind::Protocol,
            tr("The filter server %1 sent a reply that could not be understood.").arg(serverName()),
            u"unexpected SASL challenge"_s);
    }
    if (!item->final.isOk())
        return failAuthentication(item->final);
    m_authenticated = true;
    m_mechanism = u"PLAIN"_s;
    return true;
}

bool ManageSieveClient::requireAuthenticated()
{
    if (!isConnected())
        return fail(ServiceError::Kind::Network, tr("The connection with %1 was lost.").arg(serverName()),
                    u"not connected"_s);
    if (!m_authenticated)
        return fail(ServiceError::Kind::Internal,
                    tr("An unexpected error occurred while talking to %1.").arg(serverName()),
                    u"command before authentication"_s);
    return true;
}

std::optional<ManageSieveResponse> ManageSieveClient::command(const QByteArray &line, const QString &what)
{
    if (!requireAuthenticated())
        return std::nullopt;
    qCDebug(lcProtocol).noquote() << "ManageSieve C:" << printable(line.left(line.indexOf('\n')));
    if (!send(line))
        return std::nullopt;
    auto response = readResponse();
    if (!response)
        return std::nullopt;
    if (!response->isOk()) {
        failFromResponse(*response, what);
        return std::nullopt;
    }
    m_warnings = response->code == "WARNINGS" ? response->text : QString();
    return response;
}

std::optional<QList<ManageSieveClient::ScriptInfo>> ManageSieveClient::listScripts()
{
    const auto response = command("LISTSCRIPTS\r\n", u"LISTSCRIPTS"_s);
    if (!response)
        return std::nullopt;
    QList<ScriptInfo> scripts;
    for (const ManageSieveResponse::Line &line : response->lines) {
        if (line.isEmpty() || !line.first().isString)
            continue;
        ScriptInfo info;
        info.name = QString::fromUtf8(line.first().value);
        info.active = line.size() > 1 && !line.at(1).isString && line.at(1).value.toUpper() == "ACTIVE";
        scripts.append(info);
    }
    return scripts;
}

std::optional<QByteArray> ManageSieveClient::getScript(const QString &name)
{
    const auto response = command("GETSCRIPT " + quoted(name.toUtf8()) + "\r\n", u"GETSCRIPT"_s);
    if (!response)
        return std::nullopt;
    if (response->lines.isEmpty() || response->lines.first().isEmpty() ||
        !response->lines.first().first().isString) {
        fail(ServiceError::Kind::Protocol,
             tr("The filter server %1 sent a reply that could not be understood.").arg(serverName()),
             u"GETSCRIPT without a script"_s);
        return std::nullopt;
    }
    return response->lines.first().first().value;
}

bool ManageSieveClient::putScript(const QString &name, const QByteArray &script)
{
    return command("PUTSCRIPT " + quoted(name.toUtf8()) + ' ' + literal(script) + "\r\n", u"PUTSCRIPT"_s)
        .has_value();
}

bool ManageSieveClient::checkScript(const QByteArray &script)
{
    return command("CHECKSCRIPT " + literal(script) + "\r\n", u"CHECKSCRIPT"_s).has_value();
}

bool ManageSieveClient::setActive(const QString &name)
{
    return command("SETACTIVE " + quoted(name.toUtf8()) + "\r\n", u"SETACTIVE"_s).has_value();
}

bool ManageSieveClient::deleteScript(const QString &name)
{
    return command("DELETESCRIPT " + quoted(name.toUtf8()) + "\r\n", u"DELETESCRIPT"_s).has_value();
}

void ManageSieveClient::logout()
{
    if (isConnected()) {
        if (send("LOGOUT\r\n"))
            (void)readResponse();
        if (m_socket) {
            m_socket->disconnectFromHost();
            if (m_socket->state() != QAbstractSocket::UnconnectedState)
                m_socket->waitForDisconnected(200);
        }
    }
    if (m_socket)
        m_socket->abort();
    m_authenticated = false;
}

} // namespace Amiens
