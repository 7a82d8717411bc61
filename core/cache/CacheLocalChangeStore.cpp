#include "CacheLocalChangeStore.h"

#include "CacheDatabase.h"
#include "CacheFolderStore.h"
#include "CacheMessageStore.h"
#include "CacheRows.h"

#include <QHash>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace Amiens {

using CacheRows::execPrepared;

namespace {

/// The folders and UIDs of the messages hidden for @p operationId.
QHash<qint64, QList<quint32>> hiddenByOperation(QSqlDatabase &database, qint64 operationId)
{
    QHash<qint64, QList<quint32>> result;
    QSqlQuery query(database);
    query.prepare(u"SELECT folder_id, uid FROM messages WHERE hidden_by = ?"_s);
    query.addBindValue(operationId);
    if (query.exec()) {
        while (query.next())
            result[query.value(0).toLongLong()].append(query.value(1).toUInt());
    }
    return result;
}

} // namespace

bool CacheLocalChangeStore::changeFlags(qint64 folderId, const QList<quint32> &uids, const QStringList &add,
                                        const QStringList &remove)
{
    return m_database.transaction([&] {
        QList<FlagUpdate> updates;
        for (const quint32 uid : uids) {
            const auto cached = m_messages.message(folderId, uid);
            if (!cached)
                continue;
            QStringList flags = cached->flags;
            flags.append(add);
            for (const QString &flag : remove)
                flags.removeAll(flag);
            updates.append({uid, cached->modSeq, flags});
        }
        return m_messages.applyFlagUpdates(folderId, updates) && m_folders.refreshFolderCounts(folderId);
    });
}

bool CacheLocalChangeStore::hideMessages(qint64 folderId, const QList<quint32> &uids, qint64 operationId)
{
    return m_database.transaction([&] {
        QString error;
        QSqlQuery hide(m_database.database());
        hide.prepare(u"UPDATE messages SET hidden_by = ? WHERE folder_id = ? AND uid = ?"_s);
        for (const quint32 uid : uids) {
            hide.addBindValue(operationId);
            hide.addBindValue(folderId);
            hide.addBindValue(uid);
            if (!execPrepared(hide, error, &m_database))
                return false;
        }
        return m_folders.refreshFolderCounts(folderId);
    });
}

bool CacheLocalChangeStore::unhideMessages(qint64 operationId)
{
    return m_database.transaction([&] {
        const auto hidden = hiddenByOperation(m_database.database(), operationId);
        QString error;
        QSqlQuery show(m_database.database());
        show.prepare(u"UPDATE messages SET hidden_by = 0 WHERE hidden_by = ?"_s);
        show.addBindValue(operationId);
        if (!execPrepared(show, error, &m_database))
            return false;
        for (auto it = hidden.cbegin(); it != hidden.cend(); ++it) {
            if (!m_folders.refreshFolderCounts(it.key()))
                return false;
        }
        return true;
    });
}

bool CacheLocalChangeStore::removeHiddenMessages(qint64 operationId)
{
    const auto hidden = hiddenByOperation(m_database.database(), operationId);
    for (auto it = hidden.cbegin(); it != hidden.cend(); ++it) {
        if (!m_messages.removeMessages(it.key(), it.value()))
            return false;
    }
    return true;
}

} // namespace Amiens
