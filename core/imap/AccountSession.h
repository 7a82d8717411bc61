#pragma once

#include "FolderInfo.h"
#include "account/Account.h"
#include "net/CancellableTimeoutHandler.h"
#include "net/ServiceError.h"
#include "net/TlsTrust.h"

#include <QList>
#include <QObject>
#include <QThread>

#include <functional>
#include <memory>
#include <optional>

namespace Amiens {

class AccountWorker;
class ImapJob;

/// The face of one account for the UI and the CLI, on the caller's thread. Work runs on the
/// account's own worker thread; results come back as signals or callbacks on the caller's
/// thread. Nothing here ever blocks the caller or shows a dialog.
class AccountSession : public QObject
{
    Q_OBJECT
public:
    using Completion = std::function<void(const std::optional<ServiceError> &)>;

    AccountSession(Account account, TlsTrust trust, QObject *parent = nullptr);
    /// Cancels what runs and waits (briefly) for the worker thread to end.
    ~AccountSession() override;

    [[nodiscard]] const Account &account() const { return m_account; }

    void setPassword(const QString &password);
    /// Lists the folders; answers with foldersChanged() or errorOccurred().
    void refreshFolders();
    /// Queues @p job on the worker; @p done runs on this object's thread.
    void submit(std::shared_ptr<ImapJob> job, Completion done);
    /// Stops the running job as soon as possible; later jobs fail as cancelled.
    void cancel();

    [[nodiscard]] bool isBusy() const { return m_pendingJobs > 0; }

Q_SIGNALS:
    void foldersChanged(const QList<Amiens::FolderInfo> &folders);
    void errorOccurred(const Amiens::ServiceError &error);
    void busyChanged(bool busy);

private:
    Account m_account;
    CancellationFlag m_cancelled;
    QThread m_thread;
    AccountWorker *m_worker = nullptr;
    int m_pendingJobs = 0;
};

} // namespace Amiens
