#pragma once

#include <QLockFile>
#include <QObject>
#include <QString>
#include <memory>

class QLocalServer;

namespace Amiens {

/// One running client per user and profile. The first launch holds a lock file and listens on a
/// local socket; a later launch finds the lock taken, hands its request ("activate" or a
/// mailto: URL) to the running one and exits. The lock makes two launches at the same moment
/// agree on who runs; a crashed client's stale lock and socket are taken over.
class SingleInstance : public QObject
{
    Q_OBJECT
public:
    /// @p key names the instance; use keyFor() so that each user and profile has its own.
    explicit SingleInstance(QString key, QObject *parent = nullptr);
    ~SingleInstance() override;

    /// A key for @p profileDirectory of the current user.
    [[nodiscard]] static QString keyFor(const QString &profileDirectory);
    /// The local socket's name (a path in the user's runtime folder on Unix).
    [[nodiscard]] QString serverName() const;

    enum class Role
    {
        Primary,   ///< this process runs the client and now listens
        Secondary, ///< another process runs it and took the request
        Failed,    ///< neither: the lock is held but the running client did not answer
    };
    /// Becomes the running instance, or hands @p request to the one that runs.
    [[nodiscard]] Role claim(const QString &request, int timeoutMs = 3000);
    /// Sends @p request to the running instance; true when it acknowledged it.
    [[nodiscard]] bool send(const QString &request, int timeoutMs = 3000) const;

Q_SIGNALS:
    /// A later launch asked for something: "activate", or a mailto: URL.
    void requestReceived(const QString &request);

private:
    bool listen();
    void onNewConnection();

    QString m_key;
    QString m_folder;
    std::unique_ptr<QLockFile> m_lock;
    QLocalServer *m_server = nullptr;
};

} // namespace Amiens
