#include "CacheFolderStore.h"

#include "CacheBodyFiles.h"
#include "CacheDatabase.h"
#include "CacheRows.h"
#include "CacheSearchIndex.h"
#include "util/Clock.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace Amiens {

using CacheRows::execPrepared;
using CacheRows::fromSeconds;

namespace {

/// The body files of a folder's messages (bodies over the inline size live in files): collected
/// before its rows go, removed once the deletion is committed, so that they do not fill the disk.
bool collectBodyFiles(CacheDatabase &database, qint64 folderId, QStringList &files, QString &error)
{
    QSqlQuery query(database.database());
    query.setForwardOnly(true);
    query.prepare(u"SELECT b.file_name FROM bodies b JOIN messages m ON m.id = b.message_row "
                  "WHERE m.folder_id = ? AND b.file_name IS NOT NULL"_s);
    query.addBindValue(folderId);
    if (!execPrepared(query, error, &database))
        return false;
    while (query.next())
        files.append(query.value(0).toString());
    return true;
}

} // namespace

QList<CachedFolder> CacheFolderStore::folders()
{
    QList<CachedFolder> result;
    QSqlQuery query(m_database.database());
    query.exec(
        u"SELECT id, path, delimiter, role, selectable, uidvalidity, uidnext, highestmodseq, message_count, "
        "unseen_count, last_sync, namespace, owner, rights, rights_known FROM folders ORDER BY id"_s);
    while (query.next()) {
        CachedFolder folder;
        folder.id = query.value(0).toLongLong();
        const QString delimiter = query.value(2).toString();
        folder.info.separator = delimiter.isEmpty() ? u'/' : delimiter.at(0);
        folder.info.pathParts = query.value(1).toString().split(folder.info.separator);
        folder.info.role = FolderInfo::roleFromName(query.value(3).toString());
        folder.info.selectable = query.value(4).toBool();
        folder.uidValidity = query.value(5).toUInt();
        folder.uidNext = query.value(6).toUInt();
        folder.highestModSeq = query.value(7).toULongLong();
        folder.messageCount = query.value(8).toInt();
        folder.unseenCount = query.value(9).toInt();
        folder.lastSync = fromSeconds(query.value(10).toLongLong());
        folder.info.namespaceKind = FolderInfo::namespaceFromName(query.value(11).toString());
        folder.info.owner = query.value(12).toString();
        folder.info.rights = query.value(13).toString();
        folder.info.rightsKnown = query.value(14).toBool();
        result.append(folder);
    }
    return result;
}

std::optional<CachedFolder> CacheFolderStore::folder(const QString &path)
{
    const QList<CachedFolder> all = folders();
    for (const CachedFolder &folder : all) {
        if (folder.info.path() == path)
            return folder;
    }
    return std::nullopt;
}

std::optional<CachedFolder> CacheFolderStore::folderById(qint64 folderId)
{
    const QList<CachedFolder> all = folders();
    for (const CachedFolder &folder : all) {
        if (folder.id == folderId)
            return folder;
    }
    return std::nullopt;
}

bool CacheFolderStore::replaceFolderList(const QList<FolderInfo> &serverFolders)
{
    QStringList bodyFiles;
    const bool ok = m_database.transaction([&] {
        QString error;
        QSqlQuery upsert(m_database.database());
        upsert.prepare(
            u"INSERT INTO folders (path, delimiter, role, selectable, namespace, owner, rights, "
            u"rights_known) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (path) DO UPDATE SET delimiter = excluded.delimiter, role = excluded.role, "
            "selectable = excluded.selectable, namespace = excluded.namespace, owner = excluded.owner, "
            "rights = excluded.rights, rights_known = excluded.rights_known"_s);
        QStringList paths;
        for (const FolderInfo &folder : serverFolders) {
            paths.append(folder.path());
            upsert.addBindValue(folder.path());
            upsert.addBindValue(QString(folder.separator));
            upsert.addBindValue(FolderInfo::roleName(folder.role));
            upsert.addBindValue(folder.selectable ? 1 : 0);
            upsert.addBindValue(FolderInfo::namespaceName(folder.namespaceKind));
            upsert.addBindValue(folder.owner.isNull() ? u""_s : folder.owner);
            upsert.addBindValue(folder.rights.isNull() ? u""_s : folder.rights);
            upsert.addBindValue(folder.rightsKnown ? 1 : 0);
            if (!execPrepared(upsert, error, &m_database))
                return false;
        }
        // Folders deleted on the server: their messages go with them (ON DELETE CASCADE).
        QSqlQuery existing(m_database.database());
        existing.exec(u"SELECT id, path FROM folders"_s);
        QList<qint64> gone;
        while (existing.next()) {
            if (!paths.contains(existing.value(1).toString()))
                gone.append(existing.value(0).toLongLong());
        }
        QSqlQuery remove(m_database.database());
        remove.prepare(u"DELETE FROM folders WHERE id = ?"_s);
        for (const qint64 id : gone) {
            if (!collectBodyFiles(m_database, id, bodyFiles, error) ||
                !CacheSearchIndex(m_database).removeEntriesOf(u"folder_id = ?"_s, {id}, error))
                return false;
            remove.addBindValue(id);
            if (!execPrepared(remove, error, &m_database))
                return false;
        }
        return true;
    });
    if (ok)
        CacheBodyFiles(m_database.path()).remove(bodyFiles);
    return ok;
}

bool CacheFolderStore::refreshFolderCounts(qint64 folderId)
{
    QSqlQuery query(m_database.database());
    query.prepare(
        u"UPDATE folders SET message_count = (SELECT COUNT(*) FROM messages WHERE folder_id = ? AND "
        u"hidden_by = 0), "
        "unseen_count = (SELECT COUNT(*) FROM messages WHERE folder_id = ? AND seen = 0 AND hidden_by = 0) "
        "WHERE id = ?"_s);
    query.addBindValue(folderId);
    query.addBindValue(folderId);
    query.addBindValue(folderId);
    QString error;
    return execPrepared(query, error, &m_database);
}

bool CacheFolderStore::saveFolderState(qint64 folderId, quint32 uidValidity, quint32 uidNext,
                                       quint64 highestModSeq)
{
    return m_database.transaction([&] {
        QSqlQuery query(m_database.database());
        query.prepare(
            u"UPDATE folders SET uidvalidity = ?, uidnext = ?, highestmodseq = ?, last_sync = ? WHERE id = ?"_s);
        query.addBindValue(uidValidity);
        query.addBindValue(uidNext);
        query.addBindValue(static_cast<qint64>(highestModSeq));
        query.addBindValue(Clock::currentSecsSinceEpoch());
        query.addBindValue(folderId);
        QString error;
        return execPrepared(query, error, &m_database) && refreshFolderCounts(folderId);
    });
}

bool CacheFolderStore::resetFolder(qint64 folderId, quint32 uidValidity)
{
    QStringList bodyFiles;
    const bool ok = m_database.transaction([&] {
        QSqlQuery query(m_database.database());
        QString error;
        if (!collectBodyFiles(m_database, folderId, bodyFiles, error) ||
            !CacheSearchIndex(m_database).removeEntriesOf(u"folder_id = ?"_s, {folderId}, error))
            return false;
        query.prepare(u"DELETE FROM messages WHERE folder_id = ?"_s);
        query.addBindValue(folderId);
        if (!execPrepared(query, error, &m_database))
            return false;
        query.prepare(
            u"UPDATE folders SET uidvalidity = ?, uidnext = 0, highestmodseq = 0, message_count = 0, "
            "unseen_count = 0 WHERE id = ?"_s);
        query.addBindValue(uidValidity);
        query.addBindValue(folderId);
        return execPrepared(query, error, &m_database);
    });
    if (ok)
        CacheBodyFiles(m_database.path()).remove(bodyFiles);
    return ok;
}

} // namespace Amiens
