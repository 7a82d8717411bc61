#pragma once

#include "ImapConnection.h"
#include "jobs/ImapJob.h"

#include <QObject>

#include <memory>
#include <optional>

namespace Amiens {

/// Lives on one account's worker thread and runs that account's IMAP jobs one after the other on
/// a single connection, opened lazily and reopened after a failure.
class AccountWorker : public QObject
{
    Q_OBJECT
public:
    AccountWorker(Account account, TlsTrust trust, CancellationFlag cancelled);
    ~AccountWorker() override;

    void setPassword(const QString &password);
    /// Runs @p job; returns the error, if any. Called on the worker thread.
    std::optional<ServiceError> execute(ImapJob &job);

private:
    std::optional<ServiceError> ensureOpen();

    std::unique_ptr<ImapConnection> m_connection;
    QString m_password;
    bool m_hasPassword = false;
};

} // namespace Amiens
