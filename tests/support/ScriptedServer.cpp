#include "ScriptedServer.h"

#include <QFile>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>

namespace Amiens::Test {

namespace {

QSslConfiguration serverConfiguration(const QString &chainFile, const QString &keyFile)
{
    QFile chain(chainFile);
    QFile key(keyFile);
    chain.open(QIODevice::ReadOnly);
    key.open(QIODevice::ReadOnly);
    const QList<QSslCertificate> certificates = QSslCertificate::fromData(chain.readAll(), QSsl::Pem);
    const QByteArray keyData = key.readAll();
    QSslKey privateKey(keyData, QSsl::Rsa, QSsl::Pem);
    if (privateKey.isNull())
        privateKey = QSslKey(keyData, QSsl::Ec, QSsl::Pem);
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificateChain(certificates);
    configuration.setPrivateKey(privateKey);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    return configuration;
}

/// Hands out raw descriptors so the accepted connection can become a QSslSocket.
class DescriptorServer : public QTcpServer
{
public:
    qintptr takePending()
    {
        const qintptr descriptor = m_pending;
        m_pending = -1;
        return descriptor;
    }

protected:
    void incomingConnection(qintptr descriptor) override
    {
        m_pending = descriptor;
        // waitForNewConnection() only returns once a pending connection was queued.
        addPendingConnection(new QTcpSocket(this));
    }

private:
    qintptr m_pending = -1;
};

} // namespace

ScriptedConnection::ScriptedConnection(QSslSocket &socket, std::function<void(const QByteArray &)> record)
    : m_socket(socket)
    , m_record(std::move(record))
{
}

QByteArray ScriptedConnection::readLine(int timeoutMs)
{
    while (!m_socket.canReadLine()) {
        if (!m_socket.waitForReadyRead(timeoutMs)) {
            const QByteArray rest = m_socket.readAll();
            m_record(rest);
            return {};
        }
    }
    const QByteArray line = m_socket.readLine();
    m_record(line);
    return line;
}

bool ScriptedConnection::waitForLine(int timeoutMs)
{
    if (m_socket.canReadLine())
        return true;
    m_socket.waitForReadyRead(timeoutMs);
    return m_socket.canReadLine();
}

QByteArray ScriptedConnection::readBytes(qint64 count, int timeoutMs)
{
    QByteArray bytes;
    while (bytes.size() < count) {
        if (m_socket.bytesAvailable() == 0 && !m_socket.waitForReadyRead(timeoutMs))
            break;
        bytes += m_socket.read(count - bytes.size());
    }
    m_record(bytes);
    return bytes;
}

void ScriptedConnection::send(const QByteArray &data)
{
    m_socket.write(data);
    m_socket.flush();
    while (m_socket.bytesToWrite() > 0 && m_socket.waitForBytesWritten(2000)) {
    }
}

bool ScriptedConnection::startTls(const QString &chainFile, const QString &keyFile)
{
    m_socket.setSslConfiguration(serverConfiguration(chainFile, keyFile));
    m_socket.startServerEncryption();
    return m_socket.waitForEncrypted(5000);
}

bool ScriptedConnection::isOpen() const
{
    return m_socket.state() == QAbstractSocket::ConnectedState;
}

ScriptedServer::ScriptedServer(Script script, std::optional<TlsIdentity> implicitTls)
    : m_script(std::move(script))
    , m_tls(std::move(implicitTls))
{
    std::promise<quint16> portPromise;
    auto portFuture = portPromise.get_future();
    m_thread = std::thread([this, &portPromise] { serve(portPromise); });
    m_port = portFuture.get();
}

ScriptedServer::~ScriptedServer()
{
    m_stop = true;
    m_thread.join();
}

QByteArray ScriptedServer::received() const
{
    std::lock_guard lock(m_mutex);
    return m_received;
}

void ScriptedServer::serve(std::promise<quint16> &portPromise)
{
    DescriptorServer server;
    server.listen(QHostAddress::LocalHost, 0);
    portPromise.set_value(server.serverPort());
    while (!m_stop) {
        if (!server.waitForNewConnection(50))
            continue;
        delete server.nextPendingConnection();
        QSslSocket socket;
        socket.setSocketDescriptor(server.takePending());
        ++m_connections;
        const auto record = [this](const QByteArray &data) {
            std::lock_guard lock(m_mutex);
            m_received += data;
        };
        ScriptedConnection connection(socket, record);
        if (m_tls) {
            if (!connection.startTls(m_tls->chainFile, m_tls->keyFile)) {
                // The client refused our certificate: whatever it may still have sent is recorded.
                record(socket.readAll());
                socket.abort();
                continue;
            }
            m_handshakeCompleted = true;
        }
        m_script(connection);
        socket.waitForReadyRead(100);
        record(socket.readAll());
        socket.abort();
    }
}

} // namespace Amiens::Test
