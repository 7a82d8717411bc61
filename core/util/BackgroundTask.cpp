#include "BackgroundTask.h"

#include <QThread>

namespace Amiens {

BackgroundTask::BackgroundTask(const QString &name, std::function<void()> work)
    : m_thread(QThread::create(std::move(work)))
{
    m_thread->setObjectName(name);
}

BackgroundTask::~BackgroundTask()
{
    *m_alive = false;
    m_thread->disconnect();
    m_thread->wait();
    // Later, not now: the task may be destroyed from done(), inside the thread's finished signal.
    m_thread->deleteLater();
}

void BackgroundTask::start(QObject *context, std::function<void()> done)
{
    if (done) {
        QObject::connect(
            m_thread, &QThread::finished, context,
            [alive = m_alive, done = std::move(done)] {
                if (*alive)
                    done();
            },
            Qt::QueuedConnection);
    }
    m_thread->start();
}

bool BackgroundTask::isRunning() const
{
    return m_thread->isRunning();
}

void BackgroundTask::wait()
{
    m_thread->wait();
}

} // namespace Amiens
