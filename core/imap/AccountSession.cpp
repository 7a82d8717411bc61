#include "AccountSession.h"

#include "AccountWorker.h"
#include "jobs/ListFoldersJob.h"
#include "net/VmimePlatform.h"

#include <QPointer>

using namespace Qt::StringLiterals;

namespace Amiens {

AccountSession::AccountSession(Account account, TlsTrust trust, QObject *parent)
    : QObject(parent)
    , m_account(std::move(account))
    , m_cancelled(std::make_shared<std::atomic<bool>>(false))
{
    qRegisterMetaType<Amiens::ServiceError>();
    qRegisterMetaType<Amiens::FolderInfo>();
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
    QMetaObject::invokeMethod(worker, [worker] { delete worker; }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void AccountSession::setPassword(const QString &password)
{
    m_cancelled->store(false);
    AccountWorker *worker = m_worker;
    QMetaObject::invokeMethod(worker, [worker, password] { worker->setPassword(password); }, Qt::QueuedConnection);
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
