#pragma once

#include "account/Account.h"
#include "imap/FolderInfo.h"
#include "net/CancellableTimeoutHandler.h"
#include "net/ServiceError.h"
#include "net/TlsTrust.h"
#include "sync/SyncOptions.h"

#include <QList>
#include <QObject>
#include <QThread>
#include <functional>
#include <memory>
#include <optional>

namespace Amiens {

class AccountWorker;
class MailCache;
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

    /// @p oneTime: an OTP passcode, used for one login only (see AccountWorker::setPassword).
    void setPassword(const QString &password, bool oneTime = false);
    /// The account's offline cache (AccountPaths::cacheFile); set before the first sync.
    void setCachePath(const QString &path);
    /// Lists the folders; answers with foldersChanged() or errorOccurred().
    void refreshFolders();
    /// Sends the offline changes, then syncs the cache; answers with syncProgress() while it
    /// runs, then syncFinished() or errorOccurred().
    void synchronize(const SyncOptions &options);
    /// Applies a change to the cache at once and queues it for the server (sent by the next
    /// synchronize()); @p done gets an error message, empty on success.
    void changeFlags(const QString &folderPath, const QList<quint32> &uids, const QStringList &add,
                     const QStringList &remove, std::function<void(const QString &error)> done);
    void moveMessages(const QString &folderPath, const QList<quint32> &uids, const QString &destination,
                      std::function<void(const QString &error)> done);
    void deleteMessages(const QString &folderPath, const QList<quint32> &uids,
                        std::function<void(const QString &error)> done);
    /// Deletes for good, skipping the Trash (emptying the Junk folder).
    void deleteMessagesForGood(const QString &folderPath, const QList<quint32> &uids,
                               std::function<void(const QString &error)> done);
    /// The same, sent to the server only after @p undoSeconds; @p done also gets the change's
    /// id for undoChange().
    using UndoableDone = std::function<void(const QString &error, qint64 operationId)>;
    void moveMessages(const QString &folderPath, const QList<quint32> &uids, const QString &destination,
                      int undoSeconds, UndoableDone done);
    void deleteMessages(const QString &folderPath, const QList<quint32> &uids, int undoSeconds,
                        UndoableDone done);
    /// Moves (or, with @p keepOriginal, copies) downloaded messages to @p targetFolder of the
    /// account @p targetAccountId of the same profile, through both accounts' queues, exactly
    /// once (OfflineChanges::transfer); the other account's session sends them with its next
    /// replay or sync.
    void transferMessages(const QString &folderPath, const QList<quint32> &uids,
                          const QString &targetAccountId, const QString &targetFolder, bool keepOriginal,
                          std::function<void(const QString &error)> done);
    /// Cancels a move or delete still in its undo window.
    void undoChange(qint64 operationId, std::function<void(const QString &error)> done);
    /// After each sync the worker indexes the new bodies for search (their text, previews and
    /// paper clips: issue 19, out of the sync's way) in short slices between jobs, reporting
    /// searchIndexProgress(). Off for a caller that wants the index complete when a sync ends:
    /// the bodies a sync brings are then indexed as they are stored, and buildSearchIndex() does
    /// what is left.
    void setIndexInBackground(bool enabled);
    /// Indexes every stored body not indexed yet, at once, on the worker; @p done gets how many
    /// were, or -1 when the cache failed.
    void buildSearchIndex(std::function<void(int indexed)> done);
    [[nodiscard]] bool isIndexing() const { return m_indexing; }
    /// Queues @p job on the worker; @p done runs on this object's thread.
    void submit(std::shared_ptr<ImapJob> job, Completion done);
    /// Stops the running job as soon as possible; later jobs fail as cancelled.
    void cancel();

    [[nodiscard]] bool isBusy() const { return m_pendingJobs > 0; }

Q_SIGNALS:
    void foldersChanged(const QList<Amiens::FolderInfo> &folders);
    void errorOccurred(const Amiens::ServiceError &error);
    void busyChanged(bool busy);
    void syncProgress(const QString &folderPath, int done, int total);
    void syncFinished(const Amiens::SyncReport &report, const QStringList &conflicts);
    /// The background search index: @p indexed of @p total messages done since it started
    /// (previews and paper clips of those are now in the cache); equal when it is complete.
    void searchIndexProgress(int indexed, int total);

private:
    /// Runs @p change on the worker, with the cache, without touching the network.
    void runLocal(std::function<QString(MailCache &)> change, std::function<void(const QString &)> done);
    void startBackgroundIndex();
    /// One slice on the worker; the next is queued after whatever jobs came meanwhile.
    void runIndexSlice();
    void onIndexSlice(int indexed, int remaining, bool failed);

    Account m_account;
    CancellationFlag m_cancelled;
    QThread m_thread;
    AccountWorker *m_worker = nullptr;
    int m_pendingJobs = 0;
    bool m_indexInBackground = true;
    bool m_indexing = false;
    int m_indexIndexed = 0;
    int m_indexTotal = 0;
};

} // namespace Amiens
