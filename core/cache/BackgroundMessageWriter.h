#pragma once

#include "imap/FetchedMessage.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

namespace Amiens {

/// Stores the sync's batches of new messages (CacheMessageStore::storeMessages) on a thread of
/// its own, through a second connection to the same cache, so that the next batch comes off the
/// network while this one is written: the client's two halves (TLS and parsing; SQLite and the
/// body files) were taken in turn, each waiting for the other (issue 19). One batch at a time, in
/// order; what it commits is what storeMessages() commits inline (WAL: the sync's own connection
/// reads it as soon as finish() has returned).
class BackgroundMessageWriter
{
public:
    /// Opens the cache at @p path on the new thread; see isReady().
    BackgroundMessageWriter(const QString &path, const QString &accountKey, bool indexBodiesWhenStored);
    /// Lets the batch being stored finish (it is committed or not as a whole), then stops.
    ~BackgroundMessageWriter();
    BackgroundMessageWriter(const BackgroundMessageWriter &) = delete;
    BackgroundMessageWriter &operator=(const BackgroundMessageWriter &) = delete;

    /// False when the second connection could not be opened: the caller stores in turn.
    [[nodiscard]] bool isReady() const { return m_ready; }
    /// Starts storing a batch, after waiting for the previous one; false (nothing started) when
    /// the previous one failed: see lastError().
    bool store(qint64 folderId, QList<FetchedMessage> messages, QList<QByteArray> bodies);
    /// Waits for the batch being stored; false when it (or an earlier one) failed.
    bool finish();
    [[nodiscard]] QString lastError() const;

private:
    struct Batch
    {
        qint64 folderId = 0;
        QList<FetchedMessage> messages;
        QList<QByteArray> bodies;
    };

    void run(const QString &path, const QString &accountKey, bool indexBodiesWhenStored);

    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    std::optional<Batch> m_batch; ///< waiting or being stored
    bool m_opened = false;        ///< the thread has tried to open the cache
    bool m_ready = false;
    bool m_stopping = false;
    bool m_failed = false;
    QString m_error;
    std::thread m_thread;
};

} // namespace Amiens
