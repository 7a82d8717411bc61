#include "QtSslSocket.h"

#include "StartTlsNegotiator.h"
#include "util/Logging.h"

#include <QHostAddress>
#include <QSslCipher>
#include <QSslSocket>
#include <algorithm>
#include <cstring>
#include <vmime/exception.hpp>
#include <vmime/security/cert/certificateException.hpp>

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

// Short slices keep cancellation and time-outs prompt while VMime waits in long calls.
constexpr int kWaitSliceMs = 50;
// Above this much buffered output we push it out even before VMime waits for a reply (APPEND).
constexpr qint64 kFlushThreshold = 64 * 1024;
// A server line longer than this before STARTTLS is hostile or broken.
constexpr qsizetype kMaxPlainLine = 16 * 1024;
// What QSslSocket (and the TCP socket under it) may hold before we read it. Unbounded, a burst
// (a body batch arriving while the client stores the one before, a 20 MB message) was read whole,
// copied into OpenSSL's read BIO and decrypted into a second buffer as large, beside the copy
// VMime's reader keeps: the first sync of the realistic 100,000 peaked at 127-141 MB, 126 MB in
// every run with the bound (bench/README, fifth session). QSslSocket decrypts everything it
// handed to OpenSSL whatever the bound, but leaves what came while its buffer was full in the TCP
// socket's buffer: takeHeldBytes() before every wait.
constexpr qint64 kReadBufferBytes = 64 * 1024;

QString protocolName(QSsl::SslProtocol protocol)
{
    switch (protocol) {
    case QSsl::TlsV1_2:
        return u"TLS 1.2"_s;
    case QSsl::TlsV1_3:
        return u"TLS 1.3"_s;
    default:
        return u"TLS"_s;
    }
}

} // namespace

QtSslSocket::QtSslSocket(SocketSettings settings, std::shared_ptr<ConnectionReport> report,
                         vmime::shared_ptr<vmime::net::timeoutHandler> timeoutHandler)
    : m_settings(std::move(settings))
    , m_report(report ? std::move(report) : std::make_shared<ConnectionReport>())
    , m_timeoutHandler(std::move(timeoutHandler))
{
}

QtSslSocket::~QtSslSocket()
{
    if (m_socket)
        m_socket->abort();
}

void QtSslSocket::checkTimeout()
{
    if (m_timeoutHandler && m_timeoutHandler->isTimeOut()) {
        if (!m_timeoutHandler->handleTimeOut())
            throw vmime::exceptions::operation_timed_out();
        m_timeoutHandler->resetTimeOut();
    }
}

void QtSslSocket::throwFailure(ConnectionReport::Failure failure, const QString &detail)
{
    m_report->failure = failure;
    m_report->detail = detail;
    qCWarning(lcNet).noquote() << "connection to" << m_host << m_port << "failed:" << detail;
    if (m_socket)
        m_socket->abort();
    const std::string what = detail.toStdString();
    switch (failure) {
    case ConnectionReport::Failure::Certificate:
        throw vmime::security::cert::certificateException(what);
    case ConnectionReport::Failure::TlsHandshake:
    case ConnectionReport::Failure::StartTlsRefused:
        throw vmime::exceptions::tls_exception(what);
    case ConnectionReport::Failure::Greeting:
        throw vmime::exceptions::connection_greeting_error(what);
    case ConnectionReport::Failure::OversizedResponse:
        throw vmime::exceptions::invalid_response("", what);
    case ConnectionReport::Failure::Connect:
    case ConnectionReport::Failure::None:
        break;
    }
    throw vmime::exceptions::connection_error(what);
}

void QtSslSocket::connect(const vmime::string &address, vmime::port_t port)
{
    m_host = QString::fromStdString(address);
    m_port = port;
    *m_report = ConnectionReport();
    m_sslErrors.clear();
    m_replay.clear();
    m_guard.reset();
    if (m_settings.protocol == MailProtocol::Imap)
        m_guard.emplace();

    m_socket = std::make_unique<QSslSocket>();
    m_socket->setReadBufferSize(kReadBufferBytes);
    m_socket->setSslConfiguration(m_settings.trust.sslConfiguration());
    m_socket->setPeerVerifyName(m_host);
    QObject::connect(
        m_socket.get(), &QSslSocket::sslErrors, m_socket.get(), [this](const QList<QSslError> &errors) {
            m_sslErrors = errors;
            // Only an exact certificate the user accepted for this host and port, or
            // a chain the system store verifies when the account's own authorities
            // replaced it, may pass verification errors; nothing else ever does.
            if (m_settings.trust.acceptsDespite(m_host, m_port, m_socket->peerCertificateChain(), errors)) {
                qCInfo(lcTls) << "accepting the pinned or system-verified certificate of" << m_host << m_port;
                m_socket->ignoreSslErrors(errors);
            }
        });

    if (m_settings.security == ConnectionSecurity::ImplicitTls) {
        m_socket->connectToHostEncrypted(m_host, m_port);
        waitForEncryptedOrThrow();
        return;
    }

    m_socket->connectToHost(m_host, m_port);
    const auto deadline = std::chrono::steady_clock::now() + m_settings.connectTimeout;
    while (m_socket->state() != QAbstractSocket::ConnectedState) {
        checkTimeout();
        if (std::chrono::steady_clock::now() > deadline)
            throwFailure(ConnectionReport::Failure::Connect, u"connection timed out"_s);
        if (!m_socket->waitForConnected(kWaitSliceMs) &&
            m_socket->state() == QAbstractSocket::UnconnectedState)
            throwFailure(ConnectionReport::Failure::Connect, m_socket->errorString());
    }
    runStartTls();
}

void QtSslSocket::runStartTls()
{
    const auto writeLine = [this](const QByteArray &line) {
        m_socket->write(line);
        while (m_socket->bytesToWrite() > 0) {
            checkTimeout();
            if (!m_socket->waitForBytesWritten(kWaitSliceMs) &&
                m_socket->state() != QAbstractSocket::ConnectedState)
                throwFailure(ConnectionReport::Failure::Connect, m_socket->errorString());
        }
    };
    const auto readLine = [this] {
        return readPlainLine();
    };

    const StartTlsNegotiator::Outcome outcome =
        m_settings.protocol == MailProtocol::Imap
            ? StartTlsNegotiator::negotiateImap(readLine, writeLine)
            : StartTlsNegotiator::negotiateSmtp(readLine, writeLine, m_settings.clientName);
    if (!outcome.ok())
        throwFailure(outcome.failure, outcome.detail);
    // Anything the server sent after its STARTTLS reply arrived in clear and could have been
    // injected by an attacker (CVE-2011-0411 class): refuse rather than feed it to the session.
    if (m_socket->bytesAvailable() > 0)
        throwFailure(ConnectionReport::Failure::StartTlsRefused, u"unexpected plaintext after STARTTLS"_s);
    m_socket->startClientEncryption();
    waitForEncryptedOrThrow();
    m_replay = outcome.replayGreeting;
}

QByteArray QtSslSocket::readPlainLine()
{
    while (!m_socket->canReadLine()) {
        checkTimeout();
        if (m_socket->bytesAvailable() > kMaxPlainLine)
            throwFailure(ConnectionReport::Failure::Greeting, u"server line too long"_s);
        if (!m_socket->waitForReadyRead(kWaitSliceMs) && m_socket->state() != QAbstractSocket::ConnectedState)
            throwFailure(ConnectionReport::Failure::Connect,
                         u"connection closed by the server: "_s + m_socket->errorString());
    }
    if (m_timeoutHandler)
        m_timeoutHandler->resetTimeOut();
    return m_socket->readLine(kMaxPlainLine);
}

void QtSslSocket::waitForEncryptedOrThrow()
{
    const auto deadline = std::chrono::steady_clock::now() + m_settings.connectTimeout;
    while (!m_socket->isEncrypted()) {
        checkTimeout();
        if (m_socket->waitForEncrypted(kWaitSliceMs))
            break;
        if (m_socket->state() != QAbstractSocket::UnconnectedState) {
            if (std::chrono::steady_clock::now() > deadline)
                throwFailure(ConnectionReport::Failure::Connect, u"secure connection timed out"_s);
            continue;
        }
        // Unverifiable certificates make QSslSocket close the connection during the handshake,
        // before a single byte of the protocol is sent.
        if (!m_sslErrors.isEmpty()) {
            TlsFailure failure;
            failure.host = m_host;
            failure.port = m_port;
            failure.errors = m_sslErrors;
            failure.chain = m_socket->peerCertificateChain();
            if (failure.chain.isEmpty() && !m_sslErrors.first().certificate().isNull())
                failure.chain.append(m_sslErrors.first().certificate());
            m_report->tlsFailure = failure;
            throwFailure(ConnectionReport::Failure::Certificate, failure.describe());
        }
        const bool handshakeError = m_socket->error() == QAbstractSocket::SslHandshakeFailedError ||
                                    m_socket->error() == QAbstractSocket::SslInternalError;
        throwFailure(handshakeError ? ConnectionReport::Failure::TlsHandshake
                                    : ConnectionReport::Failure::Connect,
                     m_socket->errorString());
    }
    const QSslCipher cipher = m_socket->sessionCipher();
    m_report->encrypted = true;
    m_report->peerCertificate = m_socket->peerCertificate();
    m_report->tlsDescription = protocolName(m_socket->sessionProtocol()) + u", "_s + cipher.name();
    qCDebug(lcTls).noquote() << "encrypted connection to" << m_host << m_port << m_report->tlsDescription;
    if (m_timeoutHandler)
        m_timeoutHandler->resetTimeOut();
}

void QtSslSocket::disconnect()
{
    if (!m_socket)
        return;
    if (m_socket->state() == QAbstractSocket::ConnectedState) {
        flushWrites();
        m_socket->disconnectFromHost();
        if (m_socket->state() != QAbstractSocket::UnconnectedState)
            m_socket->waitForDisconnected(200);
    }
    m_socket->abort();
}

bool QtSslSocket::isConnected() const
{
    return m_socket && m_socket->state() == QAbstractSocket::ConnectedState && m_socket->isEncrypted();
}

bool QtSslSocket::waitForRead(int msecs)
{
    if (!m_replay.isEmpty() || (m_socket && m_socket->bytesAvailable() > 0))
        return true;
    if (!m_socket)
        return false;
    flushWrites();
    takeHeldBytes();
    if (m_socket->bytesAvailable() > 0)
        return true;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(msecs);
    do {
        if (m_socket->waitForReadyRead(std::min(kWaitSliceMs, std::max(msecs, 1))))
            return true;
        if (m_socket->state() != QAbstractSocket::ConnectedState)
            return true; // let receive() report the closed connection
        checkTimeout();
    } while (std::chrono::steady_clock::now() < deadline);
    return false;
}

bool QtSslSocket::waitForWrite(int msecs)
{
    flushWrites();
    Q_UNUSED(msecs);
    return true;
}

void QtSslSocket::receive(vmime::string &buffer)
{
    char chunk[65536];
    const size_t size = receiveRaw(reinterpret_cast<vmime::byte_t *>(chunk), sizeof chunk);
    buffer.assign(chunk, size);
}

void QtSslSocket::checkReceived(const vmime::byte_t *data, size_t size)
{
    m_report->bytesReceived += static_cast<qint64>(size);
    if (!m_guard || m_guard->feed(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size)))
        return;
    m_report->oversizedLiteral =
        m_guard->violation() == ImapStreamGuard::Violation::LiteralTooLarge ? m_guard->announcedLiteral() : 0;
    throwFailure(ConnectionReport::Failure::OversizedResponse, m_guard->detail());
}

size_t QtSslSocket::receiveRaw(vmime::byte_t *buffer, size_t count)
{
    m_status &= ~STATUS_WOULDBLOCK;
    // Once refused, the stream stays refused: nothing more reaches VMime, and the report keeps
    // the reason instead of a later "connection lost".
    if (m_guard && m_guard->violation() != ImapStreamGuard::Violation::None)
        throw vmime::exceptions::invalid_response("", m_guard->detail().toStdString());
    if (!m_replay.isEmpty()) {
        const size_t size = std::min(count, static_cast<size_t>(m_replay.size()));
        std::memcpy(buffer, m_replay.constData(), size);
        m_replay.remove(0, static_cast<qsizetype>(size));
        checkReceived(buffer, size);
        return size;
    }
    if (!m_socket)
        throw vmime::exceptions::socket_not_connected_exception();
    flushWrites();
    if (m_socket->bytesAvailable() == 0)
        takeHeldBytes();
    if (m_socket->bytesAvailable() == 0 && !m_socket->waitForReadyRead(kWaitSliceMs)) {
        if (m_socket->state() != QAbstractSocket::ConnectedState && m_socket->bytesAvailable() == 0) {
            const QString detail = u"connection lost: "_s + m_socket->errorString();
            // Closed before a single byte: the server cannot be said to be reachable. Closed
            // later (in the middle of a FETCH), it was reached: a failure recorded here would
            // make VmimeErrorTranslator say « Cannot reach the server » instead of « The
            // connection with … was lost ».
            if (m_report->bytesReceived == 0) {
                m_report->failure = ConnectionReport::Failure::Connect;
                m_report->detail = detail;
            }
            throw vmime::exceptions::socket_exception(detail.toStdString());
        }
        m_status |= STATUS_WOULDBLOCK;
        return 0;
    }
    const qint64 read = m_socket->read(reinterpret_cast<char *>(buffer), static_cast<qint64>(count));
    if (read < 0)
        throw vmime::exceptions::socket_exception(m_socket->errorString().toStdString());
    checkReceived(buffer, static_cast<size_t>(read));
    if (read > 0 && m_timeoutHandler)
        m_timeoutHandler->resetTimeOut();
    return static_cast<size_t>(read);
}

void QtSslSocket::takeHeldBytes()
{
    // Bytes that came while QSslSocket's bounded buffer was full (kReadBufferBytes) wait in the
    // TCP socket's buffer; QSslSocket only queues their decryption to the event loop, which a
    // blocking reader does not run, and waitForReadyRead() would wait for new bytes from the
    // network, or spin while that buffer is full. flush() runs QSslSocket's transmit(), which
    // decrypts them now.
    if (m_socket->isEncrypted())
        m_socket->flush();
}

void QtSslSocket::writeBuffered(const char *data, qint64 size)
{
    if (!m_socket || m_socket->state() != QAbstractSocket::ConnectedState)
        throw vmime::exceptions::socket_not_connected_exception();
    if (m_socket->write(data, size) != size)
        throw vmime::exceptions::socket_exception(m_socket->errorString().toStdString());
    m_pendingWrite += size;
    if (m_pendingWrite >= kFlushThreshold)
        flushWrites();
}

void QtSslSocket::flushWrites()
{
    if (!m_socket || m_pendingWrite == 0)
        return;
    m_report->bytesSent += m_pendingWrite;
    m_pendingWrite = 0;
    m_socket->flush();
    while (m_socket->bytesToWrite() > 0 || m_socket->encryptedBytesToWrite() > 0) {
        checkTimeout();
        if (!m_socket->waitForBytesWritten(kWaitSliceMs) &&
            m_socket->state() != QAbstractSocket::ConnectedState)
            throw vmime::exceptions::socket_exception("connection lost while sending");
    }
    if (m_timeoutHandler)
        m_timeoutHandler->resetTimeOut();
}

void QtSslSocket::send(const vmime::string &buffer)
{
    writeBuffered(buffer.data(), static_cast<qint64>(buffer.size()));
}

void QtSslSocket::send(const char *str)
{
    writeBuffered(str, static_cast<qint64>(std::strlen(str)));
}

void QtSslSocket::sendRaw(const vmime::byte_t *buffer, size_t count)
{
    writeBuffered(reinterpret_cast<const char *>(buffer), static_cast<qint64>(count));
}

size_t QtSslSocket::sendRawNonBlocking(const vmime::byte_t *buffer, size_t count)
{
    sendRaw(buffer, count);
    return count;
}

size_t QtSslSocket::getBlockSize() const
{
    return 65536;
}

unsigned int QtSslSocket::getStatus() const
{
    return m_status;
}

const vmime::string QtSslSocket::getPeerName() const
{
    return m_host.toStdString();
}

const vmime::string QtSslSocket::getPeerAddress() const
{
    return m_socket ? m_socket->peerAddress().toString().toStdString() : vmime::string();
}

vmime::shared_ptr<vmime::net::timeoutHandler> QtSslSocket::getTimeoutHandler()
{
    return m_timeoutHandler;
}

void QtSslSocket::setTracer(vmime::shared_ptr<vmime::net::tracer> tracer)
{
    m_tracer = std::move(tracer);
}

vmime::shared_ptr<vmime::net::tracer> QtSslSocket::getTracer()
{
    return m_tracer;
}

} // namespace Amiens
