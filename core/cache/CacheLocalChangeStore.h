#pragma once

#include <QList>
#include <QStringList>

namespace Amiens {

class CacheDatabase;
class CacheFolderStore;
class CacheMessageStore;

/// The user's offline changes as the cache shows them at once (flags, messages hidden by a queued
/// move or delete); the pending operation goes to the server later (core/sync/OfflineChanges).
class CacheLocalChangeStore
{
public:
    CacheLocalChangeStore(CacheDatabase &database, CacheFolderStore &folders, CacheMessageStore &messages)
        : m_database(database)
        , m_folders(folders)
        , m_messages(messages)
    {
    }

    bool changeFlags(qint64 folderId, const QList<quint32> &uids, const QStringList &add,
                     const QStringList &remove);
    /// Hides messages that a queued move or delete (@p operationId) takes away: they leave every
    /// list, count and search at once but stay in the cache until the server has done the change.
    bool hideMessages(qint64 folderId, const QList<quint32> &uids, qint64 operationId);
    /// Shows again the messages hidden for @p operationId (undone, or refused by the server).
    bool unhideMessages(qint64 operationId);
    /// Drops the messages hidden for @p operationId: the server has moved or deleted them.
    bool removeHiddenMessages(qint64 operationId);

private:
    CacheDatabase &m_database;
    CacheFolderStore &m_folders;
    CacheMessageStore &m_messages;
};

} // namespace Amiens
