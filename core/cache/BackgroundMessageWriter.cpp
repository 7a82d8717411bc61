#include "BackgroundMessageWriter.h"

#include "MailCache.h"
#include "util/Logging.h"

namespace Amiens {

BackgroundMessageWriter::BackgroundMessageWriter(const QString &path, const QString &accountKey,
                                                 bool indexBodiesWhenStored)
{
    m_thread = std::thread(
        [this, path, accountKey, indexBodiesWhenStored] { run(path, accountKey, indexBodiesWhenStored); });
    // Qt's SQLite connection belongs to the thread that opened it: the thread opens its own.
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return m_opened; });
}

BackgroundMessageWriter::~BackgroundMessageWriter()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_changed.notify_all();
    m_thread.join();
}

bool BackgroundMessageWriter::store(qint64 folderId, QList<FetchedMessage> messages, QList<QByteArray> bodies,
                                    std::optional<FolderState> stateAfter)
{
    if (!finish())
        return false;
    {
        std::lock_guard lock(m_mutex);
        m_batch = Batch{folderId, std::move(messages), std::move(bodies), stateAfter};
    }
    m_changed.notify_all();
    return true;
}

bool BackgroundMessageWriter::finish()
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return !m_batch.has_value(); });
    return !m_failed;
}

QString BackgroundMessageWriter::lastError() const
{
    std::lock_guard lock(m_mutex);
    return m_error;
}

void BackgroundMessageWriter::run(const QString &path, const QString &accountKey, bool indexBodiesWhenStored)
{
    MailCache cache;
    QString error;
    const bool opened = cache.open(path, accountKey, MailCache::Mode::ReadWrite, &error);
    if (!opened)
        qCWarning(lcCache).noquote() << "no second connection for the sync's batches:" << error;
    else
        qCDebug(lcCache) << "the sync's batches are written on a second connection";
    cache.messageStore().setIndexBodiesWhenStored(indexBodiesWhenStored);
    {
        std::lock_guard lock(m_mutex);
        m_opened = true;
        m_ready = opened;
    }
    m_changed.notify_all();

    std::unique_lock lock(m_mutex);
    while (opened) {
        m_changed.wait(lock, [this] { return m_batch.has_value() || m_stopping; });
        if (!m_batch)
            break;
        lock.unlock();
        bool stored = false;
        QString failure;
        try {
            stored = cache.storeMessages(m_batch->folderId, m_batch->messages, m_batch->bodies);
            if (const std::optional<FolderState> &state = m_batch->stateAfter; stored && state)
                stored = cache.saveFolderState(m_batch->folderId, state->uidValidity, state->uidNext,
                                               state->highestModSeq);
            if (!stored)
                failure = cache.lastError();
        } catch (const std::exception &exception) {
            failure = QString::fromUtf8(exception.what());
        }
        lock.lock();
        if (!stored) {
            m_failed = true;
            m_error = failure;
        }
        m_batch.reset();
        m_changed.notify_all();
    }
}

} // namespace Amiens
