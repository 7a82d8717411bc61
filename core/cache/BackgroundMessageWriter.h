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

    /// What a folder's last batch leaves in its row once stored (MailCache::saveFolderState).
    struct FolderState
    {
        quint32 uidValidity = 0;
        quint32 uidNext = 0;
        quint64 highestModSeq = 0;
    };

    /// False when the second connection could not be opened: the caller stores in turn.
    [[nodiscard]] bool isReady() const { return m_ready; }
    /// Starts storing a batch, after waiting for the previous one; false (nothing started) when
    /// the previous one failed: see lastError(). With @p stateAfter, the folder's state is saved
    /// once the batch is committed (never before: a sync cut short between the two asks again
    /// from the old UIDNEXT and skips what is cached), so its sync need not wait for the commit.
    bool store(qint64 folderId, QList<FetchedMessage> messages, QList<QByteArray> bodies,
               std::optional<FolderState> stateAfter = std::nullopt);
    /// Waits for the batch being stored; false when it (or an earlier one) failed.
    bool finish();
    [[nodiscard]] QString lastError() const;

private:
    struct Batch
    {
        qint64 folderId = 0;
        QList<FetchedMessage> messages;
        QList<QByteArray> bodies;
        std::optional<FolderState> stateAfter;
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
