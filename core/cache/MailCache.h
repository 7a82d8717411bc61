#pragma once

#include "CacheAddressBook.h"
#include "CacheDatabase.h"
#include "CacheFolderStore.h"
#include "CacheLocalChangeStore.h"
#include "CacheMessageStore.h"
#include "CacheQuotaStore.h"
#include "CacheSearchIndex.h"
#include "CachedMessage.h"
#include "FolderSyncStore.h"

#include <QCoreApplication>
#include <QSet>
#include <QString>
#include <optional>

namespace Amiens {

/// The offline copy of one account: folders, message summaries, raw bodies and the search
/// index. Writes come in batches, each in one transaction, so that whatever point a crash stops
/// at, the cache reopens with exactly what was committed. It owns the database and gives the
/// stores that read and write it (issue 17: one class per responsibility, one connection).
class MailCache : public FolderSyncStore
{
    Q_DECLARE_TR_FUNCTIONS(Amiens::MailCache)

public:
    using Mode = CacheDatabase::Mode;

    MailCache() = default;
    MailCache(const MailCache &) = delete;
    MailCache &operator=(const MailCache &) = delete;

    bool open(const QString &path, const QString &accountKey, Mode mode, QString *error);
    void close() { m_database.close(); }
    [[nodiscard]] bool isOpen() const { return m_database.isOpen(); }
    [[nodiscard]] CacheDatabase &database() { return m_database; }
    /// The id of the account the cache belongs to (as given to open()).
    [[nodiscard]] const QString &accountId() const { return m_accountId; }
    [[nodiscard]] QString lastError() const override { return m_database.lastError(); }

    // The stores, one per responsibility, all over this cache's one connection.
    [[nodiscard]] CacheFolderStore &folderStore() { return m_folders; }
    [[nodiscard]] CacheMessageStore &messageStore() { return m_messages; }
    [[nodiscard]] CacheLocalChangeStore &localChanges() { return m_localChanges; }
    [[nodiscard]] CacheSearchIndex &searchIndex() { return m_searchIndex; }
    [[nodiscard]] CacheAddressBook &addressBook() { return m_addressBook; }
    [[nodiscard]] CacheQuotaStore &quotaStore() { return m_quota; }

    // FolderSyncStore: what the folder synchroniser writes, forwarded to the stores.
    bool saveFolderState(qint64 folderId, quint32 uidValidity, quint32 uidNext,
                         quint64 highestModSeq) override;
    bool resetFolder(qint64 folderId, quint32 uidValidity) override;
    [[nodiscard]] std::unique_ptr<BackgroundMessageWriter> backgroundWriter() override;
    bool storeMessages(qint64 folderId, const QList<FetchedMessage> &messages,
                       const QList<QByteArray> &bodies) override;
    bool applyFlagUpdates(qint64 folderId, const QList<FlagUpdate> &updates) override;
    bool removeMessages(qint64 folderId, const QList<quint32> &uids) override;
    [[nodiscard]] QSet<quint32> uids(qint64 folderId) override;
    [[nodiscard]] std::optional<CachedMessage> message(qint64 folderId, quint32 uid) override;
    bool storeBodies(qint64 folderId, const QList<QPair<quint32, QByteArray>> &bodies) override;
    [[nodiscard]] QList<QPair<quint32, qint64>> bodiesToFetch(qint64 folderId,
                                                              const QDateTime &since) override;

private:
    // Declared before the stores, which keep a reference to it.
    CacheDatabase m_database;
    QString m_accountId;
    CacheFolderStore m_folders{m_database};
    CacheSearchIndex m_searchIndex{m_database};
    CacheMessageStore m_messages{m_database, m_folders, m_searchIndex};
    CacheLocalChangeStore m_localChanges{m_database, m_folders, m_messages};
    CacheAddressBook m_addressBook{m_database};
    CacheQuotaStore m_quota{m_database};
};

} // namespace Amiens
