#pragma once

#include <QByteArray>
#include <QString>
#include <atomic>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

class QSslSocket;

namespace Amiens::Test {

/// The server side of one scripted connection, used from the script on the server thread.
/// Everything read is recorded (after decryption) so tests can prove what a client did or did
/// not send, e.g. that no password left before TLS was verified.
class ScriptedConnection
{
public:
    ScriptedConnection(QSslSocket &socket, std::function<void(const QByteArray &)> record);

    /// One line with its CRLF, or empty when the client closed or stayed silent for @p timeoutMs.
    QByteArray readLine(int timeoutMs = 5000);
    /// Whether a whole line has arrived within @p timeoutMs, without reading it: false also when
    /// the client closed or nothing came (see isOpen()).
    bool waitForLine(int timeoutMs);
    /// Exactly @p count bytes (a client's literal); fewer when the client closed or stayed silent
    /// for @p timeoutMs.
    QByteArray readBytes(qint64 count, int timeoutMs = 5000);
    void send(const QByteArray &data);
    /// Switches to TLS as the server, with a certificate chain and key from PEM files.
    bool startTls(const QString &chainFile, const QString &keyFile);
    [[nodiscard]] bool isOpen() const;

private:
    QSslSocket &m_socket;
    std::function<void(const QByteArray &)> m_record;
};

/// A one-connection-at-a-time fake server on 127.0.0.1 running a script on its own thread: for
/// protocol corner cases a real server will not produce (a refused STARTTLS, a forged
/// certificate chain, a dropped line). Real behaviour is tested against the real Dovecot.
class ScriptedServer
{
public:
    using Script = std::function<void(ScriptedConnection &)>;
    struct TlsIdentity
    {
        QString chainFile; ///< PEM: leaf first, then intermediates
        QString keyFile;
    };

    explicit ScriptedServer(Script script, std::optional<TlsIdentity> implicitTls = std::nullopt);
    ~ScriptedServer();

    [[nodiscard]] quint16 port() const { return m_port; }
    /// Every byte the clients sent, decrypted, in order.
    [[nodiscard]] QByteArray received() const;
    /// Whether a TLS handshake with a client completed.
    [[nodiscard]] bool handshakeCompleted() const { return m_handshakeCompleted; }
    [[nodiscard]] int connectionCount() const { return m_connections; }

private:
    void serve(std::promise<quint16> &portPromise);

    Script m_script;
    std::optional<TlsIdentity> m_tls;
    quint16 m_port = 0;
    std::atomic<bool> m_stop{false};
    std::atomic<bool> m_handshakeCompleted{false};
    std::atomic<int> m_connections{0};
    mutable std::mutex m_mutex;
    QByteArray m_received;
    std::thread m_thread;
};

} // namespace Amiens::Test
