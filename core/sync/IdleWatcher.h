#pragma once

#include "account/Account.h"
#include "net/CancellableTimeoutHandler.h"
#include "net/ServiceError.h"
#include "net/TlsTrust.h"

#include <QObject>
#include <QString>
#include <memory>

namespace Amiens {

class BackgroundTask;

/// New-mail push: IMAP IDLE (RFC 2177) on a dedicated connection, through ImapCommandChannel's
/// startIdle/readIdleLine/stopIdle since VMime has no IDLE (core/net/VmimeTraps.md, « No IDLE »). It only
/// tells that a folder changed; the sync engine does the rest. When the server has no IDLE or the connection
/// fails, it reports it and stops, and the scheduler falls back to polling.
class IdleWatcher : public QObject
{
    Q_OBJECT
public:
    /// IDLE is renewed before servers drop it (RFC 2177 asks clients to re-issue within 29 min).
    static constexpr int kRenewSeconds = 25 * 60;

    IdleWatcher(Account account, TlsTrust trust, QString folderPath = QStringLiteral("INBOX"),
                QObject *parent = nullptr);
    /// Stops the connection and waits for its thread.
    ~IdleWatcher() override;

    void start(const QString &password);
    void stop();
    [[nodiscard]] bool isRunning() const;

Q_SIGNALS:
    /// The watched folder changed on the server (new, expunged or re-flagged messages).
    void folderChanged();
    /// The watcher is idling: pushes will arrive.
    void listening();
    /// IDLE is not possible (not offered, or the connection failed); the watcher has stopped.
    void unavailable(const Amiens::ServiceError &error);

private:
    void run(const QString &password);

    Account m_account;
    TlsTrust m_trust;
    QString m_folderPath;
    CancellationFlag m_cancelled;
    std::unique_ptr<BackgroundTask> m_task;
};

} // namespace Amiens
