#pragma once

#include "cache/BackgroundMessageWriter.h"
#include "cache/CachedMessage.h"
#include "imap/FetchedMessage.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QSet>
#include <QString>
#include <memory>
#include <optional>

namespace Amiens {

/// What the folder synchroniser (core/sync/FolderSynchronizer) reads and writes in the offline
/// cache, and nothing more (issue 17): MailCache implements it over SQLite, and a test can give an
/// in-memory one (tests/support/MemorySyncStore) to drive the sync without a database. Every write
/// returns false, with lastError(), when it could not be stored.
class FolderSyncStore
{
public:
    virtual ~FolderSyncStore() = default;

    [[nodiscard]] virtual QString lastError() const = 0;
    /// Records a completed sync of the folder.
    virtual bool saveFolderState(qint64 folderId, quint32 uidValidity, quint32 uidNext,
                                 quint64 highestModSeq) = 0;
    /// Forgets every message of the folder (UIDVALIDITY changed) and adopts the new validity.
    virtual bool resetFolder(qint64 folderId, quint32 uidValidity) = 0;
    /// New messages, with their raw text where @p bodies has a non-empty entry at the same position.
    virtual bool storeMessages(qint64 folderId, const QList<FetchedMessage> &messages,
                               const QList<QByteArray> &bodies) = 0;
    virtual bool applyFlagUpdates(qint64 folderId, const QList<FlagUpdate> &updates) = 0;
    virtual bool removeMessages(qint64 folderId, const QList<quint32> &uids) = 0;
    [[nodiscard]] virtual QSet<quint32> uids(qint64 folderId) = 0;
    [[nodiscard]] virtual std::optional<CachedMessage> message(qint64 folderId, quint32 uid) = 0;
    virtual bool storeBodies(qint64 folderId, const QList<QPair<quint32, QByteArray>> &bodies) = 0;
    /// UIDs whose body is not stored yet with their size, newest first; @p since null: any date.
    [[nodiscard]] virtual QList<QPair<quint32, qint64>> bodiesToFetch(qint64 folderId,
                                                                      const QDateTime &since) = 0;
    /// A writer that runs storeMessages() beside the sync (BackgroundMessageWriter); null when
    /// the store has none, and the sync stores each batch in turn.
    [[nodiscard]] virtual std::unique_ptr<BackgroundMessageWriter> backgroundWriter() { return nullptr; }
};

} // namespace Amiens
