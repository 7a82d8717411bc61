#pragma once

#include <QObject>
#include <QString>
#include <functional>

namespace Amiens {

/// Account passwords in the OS keychain (Secret Service on Linux) through QtKeychain. Nothing
/// here ever writes a secret to disk or to a log; callers get the outcome asynchronously.
class CredentialStore : public QObject
{
    Q_OBJECT
public:
    enum class Status
    {
        Ok,
        NotFound,    ///< no entry (or, with Secret Service, a locked keyring: see message)
        Unavailable, ///< no keychain service reachable
        AccessDenied,
        Failed,
    };

    struct Result
    {
        Status status = Status::Failed;
        QString secret;  ///< only for a successful read
        QString message; ///< French, for the user and the logs; never contains the secret
        [[nodiscard]] bool ok() const { return status == Status::Ok; }
    };

    using Callback = std::function<void(const Result &)>;

    explicit CredentialStore(QString serviceName = defaultServiceName(), QObject *parent = nullptr);

    [[nodiscard]] static QString defaultServiceName();
    [[nodiscard]] QString serviceName() const { return m_serviceName; }

    void readPassword(const QString &accountId, Callback done);
    void writePassword(const QString &accountId, const QString &password, Callback done);
    void deletePassword(const QString &accountId, Callback done);

    /// The same calls, waiting in a local event loop. For the CLI and tests, never the GUI thread.
    Result readPasswordAndWait(const QString &accountId);
    Result writePasswordAndWait(const QString &accountId, const QString &password);
    Result deletePasswordAndWait(const QString &accountId);

private:
    QString m_serviceName;
};

} // namespace Amiens
