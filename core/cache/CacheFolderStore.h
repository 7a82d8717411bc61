#pragma once

#include "CachedMessage.h"
#include "imap/FolderInfo.h"

#include <QList>
#include <QString>
#include <optional>

namespace Amiens {

class CacheDatabase;

/// The cache's folder table: the server's folder list, each folder's sync state and counts.
class CacheFolderStore
{
public:
    explicit CacheFolderStore(CacheDatabase &database)
        : m_database(database)
    {
    }

    [[nodiscard]] QList<CachedFolder> folders();
    [[nodiscard]] std::optional<CachedFolder> folder(const QString &path);
    [[nodiscard]] std::optional<CachedFolder> folderById(qint64 folderId);
    /// Makes the folder table match the server's list; folders gone from the server are dropped.
    bool replaceFolderList(const QList<FolderInfo> &folders);
    /// Records a completed sync of the folder.
    bool saveFolderState(qint64 folderId, quint32 uidValidity, quint32 uidNext, quint64 highestModSeq);
    /// Forgets every message of the folder (UIDVALIDITY changed) and adopts the new validity.
    bool resetFolder(qint64 folderId, quint32 uidValidity);
    /// Recounts the folder's visible and unseen messages, within the caller's transaction.
    bool refreshFolderCounts(qint64 folderId);

private:
    CacheDatabase &m_database;
};

} // namespace Amiens
