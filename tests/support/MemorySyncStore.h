#pragma once

#include "cache/FolderSyncStore.h"

#include <QHash>
#include <QMap>
#include <functional>

namespace Amiens::Test {

/// The folder synchroniser's store in memory (core/cache/FolderSyncStore): hermetic sync tests
/// drive FolderSynchronizer with it, without SQLite. tst_foldersyncstore checks that it answers
/// as MailCache does for the same writes. failNextWrite() makes the next write fail, as a full disk.
/// setObserver() tells a test when the synchroniser reads or writes, e.g. to see what it had
/// sent the server by then.
class MemorySyncStore : public FolderSyncStore
{
public:
    enum class Access
    {
        UidsRead,
        MessagesStored,
    };
    struct FolderState
    {
        quint32 uidValidity = 0;
        quint32 uidNext = 0;
        quint64 highestModSeq = 0;
    };

    [[nodiscard]] QString lastError() const override { return m_lastError; }
    bool saveFolderState(qint64 folderId, quint32 uidValidity, quint32 uidNext,
                         quint64 highestModSeq) override;
    bool resetFolder(qint64 folderId, quint32 uidValidity) override;
    bool storeMessages(qint64 folderId, const QList<FetchedMessage> &messages,
                       const QList<QByteArray> &bodies) override;
    bool applyFlagUpdates(qint64 folderId, const QList<FlagUpdate> &updates) override;
    bool removeMessages(qint64 folderId, const QList<quint32> &uids) override;
    [[nodiscard]] QSet<quint32> uids(qint64 folderId) override;
    [[nodiscard]] std::optional<CachedMessage> message(qint64 folderId, quint32 uid) override;
    bool storeBodies(qint64 folderId, const QList<QPair<quint32, QByteArray>> &bodies) override;
    [[nodiscard]] QList<QPair<quint32, qint64>> bodiesToFetch(qint64 folderId,
                                                              const QDateTime &since) override;

    [[nodiscard]] FolderState state(qint64 folderId) const { return m_states.value(folderId); }
    [[nodiscard]] QByteArray body(qint64 folderId, quint32 uid) const
    {
        return m_bodies.value({folderId, uid});
    }
    void failNextWrite() { m_failNextWrite = true; }
    void setObserver(std::function<void(Access)> observer) { m_observer = std::move(observer); }

private:
    bool write();

    QHash<qint64, QMap<quint32, CachedMessage>> m_messages;
    QHash<QPair<qint64, quint32>, QByteArray> m_bodies;
    QHash<qint64, FolderState> m_states;
    QString m_lastError;
    bool m_failNextWrite = false;
    std::function<void(Access)> m_observer;
};

} // namespace Amiens::Test
