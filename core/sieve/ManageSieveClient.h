#pragma once

#include "ManageSieveCapabilities.h"
#include "ManageSieveParser.h"
#include "ManageSieveResponse.h"
#include "account/ServerEndpoint.h"
#include "net/ConnectionReport.h"
#include "net/ServiceError.h"
#include "net/TlsTrust.h"
#include "sasl/ScramAuthenticator.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QSslError>
#include <QString>
#include <chrono>
#include <memory>
#include <optional>

class QSslSocket;

namespace Amiens {

/// A blocking ManageSieve client (RFC 5804) on QSslSocket, for a worker thread, the CLI or tests
/// (waitFor* calls, no event loop). The connection is always verified TLS, implicit or through
/// STARTTLS; a server that does not offer STARTTLS is refused and nothing is ever sent in clear
/// after the greeting except the STARTTLS command itself. Credentials leave only once the
/// certificate has been verified.
///
/// Every call returns false (or nothing) on failure and leaves the reason in lastError().
class ManageSieveClient
{
    Q_DECLARE_TR_FUNCTIONS(Amiens::ManageSieveClient)

public:
    struct Settings
    {
        QString host;
        quint16 port = 4190;
        ConnectionSecurity security = ConnectionSecurity::StartTls;
        QString login;
        TlsTrust trust;
        std::chrono::milliseconds timeout{std::chrono::seconds(20)};
        /// Scripts are small (Dovecot's default limit is 1 MiB); anything much larger is refused.
        qsizetype maxResponseSize = 4 * 1024 * 1024;
    };

    struct ScriptInfo
    {
        QString name;
        bool active = false;
        friend bool operator==(const ScriptInfo &, const ScriptInfo &) = default;
    };

    explicit ManageSieveClient(Settings settings);
    ~ManageSieveClient();
    ManageSieveClient(const ManageSieveClient &) = delete;
    ManageSieveClient &operator=(const ManageSieveClient &) = delete;

    /// Connects, establishes verified TLS and reads the capabilities.
    [[nodiscard]] bool connectToServer();
    /// SASL on the encrypted, verified connection, with the best mechanism the server offers:
    /// SCRAM-SHA-256, then SCRAM-SHA-1, then PLAIN (acceptable here because TLS is always
    /// verified). With SCRAM the server must also prove it knows the password, or this fails.
    [[nodiscard]] bool authenticate(const QString &password);
    /// The SASL mechanism of the last successful authenticate(), e.g. "SCRAM-SHA-256".
    [[nodiscard]] QString authenticationMechanism() const { return m_mechanism; }
    /// Whether the last connectToServer() failed because the ManageSieve port refused the
    /// connection: nothing listens there, so the server has no ManageSieve. A timeout, a dropped
    /// connection or a TLS failure is not that: the service may exist and be out of reach.
    [[nodiscard]] bool connectionRefused() const { return m_connectionRefused; }

    [[nodiscard]] std::optional<QList<ScriptInfo>> listScripts();
    [[nodiscard]] std::optional<QByteArray> getScript(const QString &name);
    [[nodiscard]] bool putScript(const QString &name, const QByteArray &script);
    /// Asks the server whether @p script is valid without storing it (RFC 5804 servers only).
    [[nodiscard]] bool checkScript(const QByteArray &script);
    /// An empty name deactivates every script.
    [[nodiscard]] bool setActive(const QString &name);
    [[nodiscard]] bool deleteScript(const QString &name);
    void logout();

    [[nodiscard]] bool isConnected() const;
    [[nodiscard]] bool isAuthenticated() const { return m_authenticated; }
    [[nodiscard]] const ManageSieveCapabilities &capabilities() const { return m_capabilities; }
    [[nodiscard]] const ServiceError &lastError() const { return m_error; }
    /// The server's warnings about the last script it accepted (OK (WARNINGS) "…").
    [[nodiscard]] QString lastWarnings() const { return m_warnings; }
    [[nodiscard]] const ConnectionReport &report() const { return m_report; }
    [[nodiscard]] const Settings &settings() const { return m_settings; }

    /// "\"name\"" with \ and " escaped; exposed for tests.
    [[nodiscard]] static QByteArray quoted(const QByteArray &text);
    /// "{n+}\r\n" followed by the bytes (RFC 5804 clients always send non-synchronising literals).
    [[nodiscard]] static QByteArray literal(const QByteArray &bytes);

private:
    bool waitForEncrypted();
    bool send(const QByteArray &command);
    std::optional<ManageSieveResponse> readResponse();
    std::optional<ManageSieveParser::Item> readItem();
    bool waitForData(std::chrono::steady_clock::time_point deadline);
    /// Runs a simple command; false with lastError() set when the server did not answer OK.
    std::optional<ManageSieveResponse> command(const QByteArray &line, const QString &what);
    bool requireAuthenticated();
    bool fail(ServiceError::Kind kind, const QString &message, const QString &technical);
    bool failFromResponse(const ManageSieveResponse &response, const QString &what);
    bool authenticatePlain(const QString &password);
    bool authenticateScram(ScramAuthenticator::Hash hash, const QString &password);
    /// The final answer to AUTHENTICATE when it is not OK.
    bool failAuthentication(const ManageSieveResponse &response);
    /// Aborts a SASL exchange the client cannot continue ("*", RFC 5804 §2.1), then fails.
    bool cancelAuthentication(ServiceError::Kind kind, const QString &message, const QString &technical);
    bool failScram(const ScramAuthenticator &scram);
    /// The base64-decoded data of a SASL challenge line (one string), if it is one.
    [[nodiscard]] static std::optional<QByteArray> challengeData(const ManageSieveParser::Item &item);
    [[nodiscard]] QString serverName() const;

    Settings m_settings;
    std::unique_ptr<QSslSocket> m_socket;
    ManageSieveParser m_parser;
    ManageSieveCapabilities m_capabilities;
    ServiceError m_error;
    ConnectionReport m_report;
    QList<QSslError> m_sslErrors;
    QString m_warnings;
    QString m_mechanism;
    bool m_authenticated = false;
    bool m_connectionRefused = false;
};

} // namespace Amiens
