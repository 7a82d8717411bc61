#pragma once

#include "ConnectionReport.h"
#include "ImapStreamGuard.h"
#include "SocketSettings.h"

#include <QByteArray>
#include <QList>
#include <QSslError>
#include <chrono>
#include <memory>
#include <optional>
#include <vmime/net/socket.hpp>

class QSslSocket;

namespace Amiens {

/// VMime's socket on top of QSslSocket, driven by waitFor* calls on the account's worker thread
/// (no event loop needed). TLS is always Qt's: SNI, the system CA store plus the account's
/// authorities, hostname checks and the user's pins; VMime never layers its own GnuTLS session,
/// whose chain check accepts forged intermediates (core/net/VmimeTraps.md, « TLS: forged chains
/// accepted » and « TLS: no SNI »).
///
/// Writes are buffered and flushed when VMime starts waiting for the reply, so the four writes
/// VMime makes per command and its 8-byte APPEND writes leave as a few large TLS records.
///
/// On IMAP, every byte handed to VMime first passes an ImapStreamGuard: a line or a literal
/// beyond its bounds closes the connection (ConnectionReport::Failure::OversizedResponse).
class QtSslSocket final : public vmime::net::socket
{
public:
    QtSslSocket(SocketSettings settings, std::shared_ptr<ConnectionReport> report,
                vmime::shared_ptr<vmime::net::timeoutHandler> timeoutHandler);
    ~QtSslSocket() override;

    void connect(const vmime::string &address, vmime::port_t port) override;
    void disconnect() override;
    bool isConnected() const override;

    bool waitForRead(int msecs) override;
    bool waitForWrite(int msecs) override;

    void receive(vmime::string &buffer) override;
    size_t receiveRaw(vmime::byte_t *buffer, size_t count) override;

    void send(const vmime::string &buffer) override;
    void send(const char *str) override;
    void sendRaw(const vmime::byte_t *buffer, size_t count) override;
    size_t sendRawNonBlocking(const vmime::byte_t *buffer, size_t count) override;

    size_t getBlockSize() const override;
    unsigned int getStatus() const override;
    const vmime::string getPeerName() const override;
    const vmime::string getPeerAddress() const override;
    vmime::shared_ptr<vmime::net::timeoutHandler> getTimeoutHandler() override;
    void setTracer(vmime::shared_ptr<vmime::net::tracer> tracer) override;
    vmime::shared_ptr<vmime::net::tracer> getTracer() override;

private:
    void startEncryption();
    void runStartTls();
    void waitForEncryptedOrThrow();
    QByteArray readPlainLine();
    /// Hands @p size received bytes to the guard; closes the connection and throws when refused.
    void checkReceived(const vmime::byte_t *data, size_t size);
    void writeBuffered(const char *data, qint64 size);
    void flushWrites();
    /// Decrypts what QSslSocket left in the TCP socket while its read buffer was full.
    void takeHeldBytes();
    /// Throws operation_timed_out when the timeout handler says so (silence or cancellation).
    void checkTimeout();
    [[noreturn]] void throwFailure(ConnectionReport::Failure failure, const QString &detail);

    SocketSettings m_settings;
    std::shared_ptr<ConnectionReport> m_report;
    vmime::shared_ptr<vmime::net::timeoutHandler> m_timeoutHandler;
    vmime::shared_ptr<vmime::net::tracer> m_tracer;
    std::unique_ptr<QSslSocket> m_socket;
    QString m_host;
    quint16 m_port = 0;
    QList<QSslError> m_sslErrors;
    QByteArray m_replay;                    ///< greeting handed to VMime after our own STARTTLS
    std::optional<ImapStreamGuard> m_guard; ///< IMAP only
    unsigned int m_status = 0;
    qint64 m_pendingWrite = 0;
};

} // namespace Amiens
