#pragma once

#include "Outbox.h"
#include "account/Account.h"
#include "net/CancellableTimeoutHandler.h"
#include "net/ServiceError.h"
#include "net/TlsTrust.h"

#include <QObject>
#include <QStringList>
#include <QTimer>
#include <chrono>
#include <memory>
#include <optional>

class QLockFile;

namespace Amiens {

class BackgroundTask;

class AccountSession;

/// Empties one account's outbox, exactly once per message:
///   Queued → Sending (written) → SMTP → SentAwaitingCopy or Queued/Failed (written)
///   → APPEND to Sent (skipped if the Message-ID is already there) → removed.
/// A message found in Sending when a run starts was interrupted with its outcome unknown: it
/// is looked for in Sent by Message-ID and sent again only if absent, and left alone while the
/// IMAP server cannot be asked. The window that remains is the one SMTP itself has (RFC 1047):
/// a crash between the server's final 250 and the write of SentAwaitingCopy, which takes a
/// millisecond, resends the message unless the server files sent mail in Sent itself.
/// SMTP runs on a short-lived thread per message; IMAP goes through the account's session.
class OutboxSender : public QObject
{
    Q_OBJECT
public:
    OutboxSender(Account account, TlsTrust trust, QString outboxDirectory, AccountSession *session,
                 QObject *parent = nullptr);
    ~OutboxSender() override;

    [[nodiscard]] Outbox &outbox() { return m_outbox; }
    void setPassword(const QString &password);
    /// Where the copies go; empty (the default): the Sent folder found by its SPECIAL-USE role.
    void setSentFolder(const QString &path) { m_sentFolder = path; }

    /// Goes through the outbox now. @p ignoreBackoff: also the messages whose retry time has not
    /// come (the user pressed "Envoyer", or the network just came back). Ends with finished().
    void processNow(bool ignoreBackoff = true);
    [[nodiscard]] bool isRunning() const { return m_running; }
    /// Messages accepted by the server during the last run.
    [[nodiscard]] int sentCount() const { return m_sent; }

    /// Retry delay after @p attempts transient failures: 30 s doubling, at most 15 minutes.
    [[nodiscard]] static std::chrono::seconds backoff(int attempts);

Q_SIGNALS:
    void entryChanged(const Amiens::OutboxEntry &entry);
    void entryRemoved(const QString &id);
    /// The run is over; @p blocked holds an error the user must act on (password, certificate).
    void finished(int sent, int waiting, const std::optional<Amiens::ServiceError> &blocked);

private:
    void next();
    void resolveUnknown(OutboxEntry entry);
    void sendEntry(OutboxEntry entry);
    void copyToSent(OutboxEntry entry);
    bool save(const OutboxEntry &entry);
    void finish(std::optional<ServiceError> blocked = std::nullopt);
    void scheduleRetry();

    Account m_account;
    TlsTrust m_trust;
    Outbox m_outbox;
    AccountSession *m_session;
    QString m_password;
    QString m_sentFolder;
    QStringList m_queue;
    bool m_running = false;
    bool m_ignoreBackoff = true;
    int m_sent = 0;
    QTimer m_retryTimer;
    CancellationFlag m_cancelled;
    std::unique_ptr<BackgroundTask> m_smtpTask;
    std::unique_ptr<QLockFile> m_lock; ///< held during a run: one sender per outbox, across processes
    bool m_runAgain = false;
};

} // namespace Amiens
