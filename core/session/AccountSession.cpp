#include "AccountSession.h"

#include "AccountWorker.h"
#include "jobs/ListFoldersJob.h"
#include "jobs/SyncAccountJob.h"
#include "net/VmimePlatform.h"
#include "sync/OfflineChanges.h"

#include <QPointer>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace Amiens {

AccountSession::AccountSession(Account account, TlsTrust trust, QObject *parent)
    : QObject(parent)
    , m_account(std::move(account))
    , m_cancelled(std::make_shared<std::atomic<bool>>(false))
{
    qRegisterMetaType<Amiens::ServiceError>();
    qRegisterMetaType<Amiens::FolderInfo>();
    qRegisterMetaType<Amiens::SyncReport>();
    // VMime's global platform handler must exist before any worker thread touches VMime.
    VmimePlatform::ensureInstalled();
    m_worker = new AccountWorker(m_account, std::move(trust), m_cancelled);
    m_worker->moveToThread(&m_thread);
    m_thread.setObjectName(u"account:"_s + m_account.id);
    m_thread.start();
}

AccountSession::~AccountSession()
{
    cancel();
    // The worker owns VMime objects, which must die on the thread that made them.
    AccountWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker] { delete worker; }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void AccountSession::setPassword(const QString &password, bool oneTime)
{
    m_cancelled->store(false);
    AccountWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker, password, oneTime] { worker->setPassword(password, oneTime); },
        Qt::QueuedConnection);
}

void AccountSession::setCachePath(const QString &path)
{
    AccountWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker, path] { worker->setCachePath(path); }, Qt::QueuedConnection);
}

void AccountSession::setIndexInBackground(bool enabled)
{
    m_indexInBackground = enabled;
    // Without the background index, the caller wants it complete when the sync ends: the bodies
    // a sync brings are indexed as they are stored, and buildSearchIndex() does the rest.
    AccountWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker, enabled] { worker->setIndexBodiesWhenStored(!enabled); }, Qt::QueuedConnection);
}

void AccountSession::cancel()
{
    m_cancelled->store(true);
}

void AccountSession::submit(std::shared_ptr<ImapJob> job, Completion done)
{
    if (m_pendingJobs++ == 0)
        Q_EMIT busyChanged(true);
    AccountWorker *worker = m_worker;
    QPointer<AccountSession> self(this);
    QMetaObject::invokeMethod(
        worker,
        [worker, job, done, self] {
            const std::optional<ServiceError> error = worker->execute(*job);
            if (!self)
                return;
            QMetaObject::invokeMethod(
                self.data(),
                [self, done, error] {
                    if (!self)
                        return;
                    if (--self->m_pendingJobs == 0)
                        Q_EMIT self->busyChanged(false);
                    if (done)
                        done(error);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void AccountSession::refreshFolders()
{
    auto job = std::make_shared<ListFoldersJob>();
    submit(job, [this, job](const std::optional<ServiceError> &error) {
        if (error)
            Q_EMIT errorOccurred(*error);
        else
            Q_EMIT foldersChanged(job->folders());
    });
}

} // namespace Amiens

namespace Amiens {

void AccountSession::synchronize(const SyncOptions &options)
{
    QPointer<AccountSession> self(this);
    auto progress = [self](const QString &folder, int done, int total) {
        QMetaObject::invokeMethod(
            self.data(),
            [self, folder, done, total] {
                if (self)
                    Q_EMIT self->syncProgress(folder, done, total);
            },
            Qt::QueuedConnection);
    };
    auto job = std::make_shared<SyncAccountJob>(options, progress);
    submit(job, [this, job](const std::optional<ServiceError> &error) {
        if (error)
            Q_EMIT errorOccurred(*error);
        else
            Q_EMIT syncFinished(job->report(), job->conflicts());
        // Even after a failure: the batches stored before it are worth searching.
        startBackgroundIndex();
    });
}

namespace {
// A slice stays short so that opening a message or sending waits little behind it; batches
// of a few tens keep each transaction's commit worthwhile.
constexpr qint64 kIndexSliceMilliseconds = 250;
constexpr int kIndexSliceBatch = 50;
constexpr int kIndexBatch = 500;
} // namespace

void AccountSession::buildSearchIndex(std::function<void(int)> done)
{
    AccountWorker *worker = m_worker;
    QPointer<AccountSession> self(this);
    QMetaObject::invokeMethod(
        worker,
        [worker, done, self] {
            const AccountWorker::IndexSlice slice = worker->indexForSearch(-1, kIndexBatch);
            const int indexed = slice.failed ? -1 : slice.indexed;
            QMetaObject::invokeMethod(
                self.data(),
                [self, done, indexed] {
                    if (self && done)
                        done(indexed);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void AccountSession::startBackgroundIndex()
{
    if (!m_indexInBackground || m_indexing)
        return; // a running pass takes the new messages too
    m_indexing = true;
    m_indexIndexed = 0;
    m_indexTotal = 0;
    runIndexSlice();
}

void AccountSession::runIndexSlice()
{
    AccountWorker *worker = m_worker;
    QPointer<AccountSession> self(this);
    const CancellationFlag cancelled = m_cancelled;
    QMetaObject::invokeMethod(
        worker,
        [worker, self, cancelled] {
            AccountWorker::IndexSlice slice;
            slice.failed = true;
            if (!cancelled->load())
                slice = worker->indexForSearch(kIndexSliceMilliseconds, kIndexSliceBatch);
            QMetaObject::invokeMethod(
                self.data(),
                [self, slice] {
                    if (self)
                        self->onIndexSlice(slice.indexed, slice.remaining, slice.failed);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void AccountSession::onIndexSlice(int indexed, int remaining, bool failed)
{
    m_indexIndexed += indexed;
    // A sync during the pass adds to what is left.
    m_indexTotal = std::max(m_indexTotal, m_indexIndexed + remaining);
    const bool finished = failed || remaining == 0;
    if (finished) {
        m_indexing = false;
        m_indexTotal = m_indexIndexed;
    }
    if (m_indexTotal > 0)
        Q_EMIT searchIndexProgress(m_indexIndexed, m_indexTotal);
    if (!finished)
        runIndexSlice();
}

void AccountSession::runLocal(std::function<QString(MailCache &)> change,
                              std::function<void(const QString &)> done)
{
    AccountWorker *worker = m_worker;
    QPointer<AccountSession> self(this);
    QMetaObject::invokeMethod(
        worker,
        [worker, change, done, self] {
            MailCache *cache = worker->cache();
            const QString error = cache ? change(*cache) : tr("The offline cache cannot be opened.");
            QMetaObject::invokeMethod(
                self.data(),
                [self, done, error] {
                    if (self && done)
                        done(error);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void AccountSession::changeFlags(const QString &folderPath, const QList<quint32> &uids,
                                 const QStringList &add, const QStringList &remove,
                                 std::function<void(const QString &)> done)
{
    runLocal(
        [=](MailCache &cache) {
            QString error;
            OfflineChanges(cache).changeFlags(folderPath, uids, add, remove, &error);
            return error;
        },
        std::move(done));
}

void AccountSession::moveMessages(const QString &folderPath, const QList<quint32> &uids,
                                  const QString &destination, std::function<void(const QString &)> done)
{
    moveMessages(folderPath, uids, destination, 0, [done](const QString &error, qint64) {
        if (done)
            done(error);
    });
}

void AccountSession::deleteMessages(const QString &folderPath, const QList<quint32> &uids,
                                    std::function<void(const QString &)> done)
{
    deleteMessages(folderPath, uids, 0, [done](const QString &error, qint64) {
        if (done)
            done(error);
    });
}

void AccountSession::deleteMessagesForGood(const QString &folderPath, const QList<quint32> &uids,
                                           std::function<void(const QString &)> done)
{
    runLocal(
        [=](MailCache &cache) {
            QString error;
            OfflineChanges(cache).removeForGood(folderPath, uids, &error);
            return error;
        },
        std::move(done));
}

void AccountSession::moveMessages(const QString &folderPath, const QList<quint32> &uids,
                                  const QString &destination, int undoSeconds, UndoableDone done)
{
    auto operationId = std::make_shared<qint64>(0);
    runLocal(
        [=](MailCache &cache) {
            QString error;
            OfflineChanges(cache).move(folderPath, uids, destination, &error, undoSeconds, operationId.get());
            return error;
        },
        [operationId, done](const QString &error) {
            if (done)
                done(error, *operationId);
        });
}

void AccountSession::deleteMessages(const QString &folderPath, const QList<quint32> &uids, int undoSeconds,
                                    UndoableDone done)
{
    auto operationId = std::make_shared<qint64>(0);
    runLocal(
        [=](MailCache &cache) {
            QString error;
            OfflineChanges(cache).remove(folderPath, uids, &error, undoSeconds, operationId.get());
            return error;
        },
        [operationId, done](const QString &error) {
            if (done)
                done(error, *operationId);
        });
}

void AccountSession::transferMessages(const QString &folderPath, const QList<quint32> &uids,
                                      const QString &targetAccountId, const QString &targetFolder,
                                      bool keepOriginal, std::function<void(const QString &)> done)
{
    runLocal(
        [=](MailCache &cache) {
            QString error;
            OfflineChanges(cache).transfer(folderPath, uids, targetAccountId, targetFolder, keepOriginal,
                                           &error);
            return error;
        },
        std::move(done));
}

void AccountSession::undoChange(qint64 operationId, std::function<void(const QString &)> done)
{
    runLocal(
        [operationId](MailCache &cache) {
            QString error;
            OfflineChanges(cache).undo(operationId, &error);
            return error;
        },
        std::move(done));
}

} // namespace Amiens
