#include "DraftSynchronizer.h"

#include "compose/MessageBuilder.h"
#include "session/AccountSession.h"
#include "session/jobs/ReplaceDraftJob.h"
#include "util/Logging.h"

using namespace Qt::StringLiterals;

namespace Amiens {

DraftSynchronizer::DraftSynchronizer(QString draftsDirectory, AccountSession *session, QObject *parent)
    : QObject(parent)
    , m_store(std::move(draftsDirectory))
    , m_session(session)
{
    m_delay.setSingleShot(true);
    m_delay.setInterval(60 * 1000);
    connect(&m_delay, &QTimer::timeout, this, [this] { syncAll(false); });
}

void DraftSynchronizer::scheduleUpload(const QString &draftId)
{
    m_scheduled.insert(draftId);
    m_delay.start();
}

void DraftSynchronizer::syncAll(bool everything)
{
    m_delay.stop();
    QSet<QString> ids = m_scheduled;
    m_scheduled.clear();
    if (everything) {
        for (const Draft &draft : m_store.drafts())
            ids.insert(draft.id);
    }
    for (const QString &id : std::as_const(ids))
        enqueue({id, {}});
    for (const QString &messageId : m_store.pendingServerDeletions())
        enqueue({{}, messageId});
    // One idle() per run, also when there was nothing to do.
    if (!m_running)
        next();
}

void DraftSynchronizer::enqueue(const Task &task)
{
    for (const Task &queued : std::as_const(m_queue)) {
        if (queued.draftId == task.draftId && queued.messageId == task.messageId)
            return;
    }
    m_queue.append(task);
}

void DraftSynchronizer::next()
{
    while (!m_queue.isEmpty()) {
        const Task task = m_queue.takeFirst();
        if (!m_session) {
            m_queue.clear();
            break;
        }
        std::shared_ptr<ReplaceDraftJob> job;
        qint64 revision = 0;
        if (!task.draftId.isEmpty()) {
            const auto draft = m_store.load(task.draftId);
            // Removed meanwhile (sent), or its copy is current: nothing to upload.
            if (!draft || draft->message.messageId.isEmpty() ||
                draft->revision <= m_store.uploadedRevision(task.draftId))
                continue;
            QString error;
            const auto built = MessageBuilder::buildDraft(draft->message, &error);
            if (!built) {
                qCWarning(lcImap).noquote() << "draft" << task.draftId << "not uploaded:" << error;
                continue;
            }
            revision = draft->revision;
            job = std::make_shared<ReplaceDraftJob>(draft->message.messageId, built->bytes);
        } else {
            job = std::make_shared<ReplaceDraftJob>(task.messageId, QByteArray());
        }
        m_running = true;
        QPointer<DraftSynchronizer> self(this);
        m_session->submit(job, [self, job, task, revision](const std::optional<ServiceError> &error) {
            if (!self)
                return;
            self->m_running = false;
            if (error) {
                qCWarning(lcImap).noquote() << "draft sync:" << error->message;
                // Offline or refused: the rest would fail the same way; the next sync retries.
                self->m_queue.clear();
                Q_EMIT self->failed(error->message);
                Q_EMIT self->idle();
                return;
            }
            if (!task.draftId.isEmpty()) {
                self->m_store.setUploadedRevision(task.draftId, revision, nullptr);
                Q_EMIT self->uploaded(task.draftId, job->uid());
            } else {
                self->m_store.serverDeletionDone(task.messageId);
                Q_EMIT self->serverCopyDeleted(task.messageId);
            }
            self->next();
        });
        return;
    }
    Q_EMIT idle();
}

} // namespace Amiens
