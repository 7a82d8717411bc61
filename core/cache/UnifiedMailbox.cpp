#include "UnifiedMailbox.h"

#include "MailCache.h"

#include <QHash>
#include <QSqlQuery>
#include <QStringList>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

using Entry = UnifiedMailbox::Entry;

QString idList(const QList<qint64> &ids)
{
    QStringList parts;
    for (const qint64 id : ids)
        parts.append(QString::number(id));
    return parts.join(u',');
}

QString condition(UnifiedMailbox::View view)
{
    switch (view) {
    case UnifiedMailbox::View::Inboxes:
        return {};
    case UnifiedMailbox::View::Unread:
        return u" AND seen = 0"_s;
    case UnifiedMailbox::View::Flagged:
        return u" AND flagged = 1"_s;
    }
    return {};
}

/// Newest first; the merge is stable, so equal dates keep the accounts' order.
void sortNewestFirst(QList<Entry> &entries)
{
    std::stable_sort(entries.begin(), entries.end(), [](const Entry &a, const Entry &b) {
        return a.message.headers.date > b.message.headers.date;
    });
}

QHash<qint64, QString> folderPaths(MailCache &cache)
{
    QHash<qint64, QString> paths;
    for (const CachedFolder &folder : cache.folderStore().folders())
        paths.insert(folder.id, folder.info.path());
    return paths;
}

} // namespace

UnifiedMailbox::UnifiedMailbox(QList<Source> sources)
    : m_sources(std::move(sources))
{
}

QList<qint64> UnifiedMailbox::folderIds(MailCache &cache, View view)
{
    QList<qint64> ids;
    for (const CachedFolder &folder : cache.folderStore().folders()) {
        const FolderInfo::Role role = folder.info.role;
        const bool wanted = view == View::Inboxes
                                ? role == FolderInfo::Role::Inbox
                                : role != FolderInfo::Role::Trash && role != FolderInfo::Role::Junk;
        if (wanted)
            ids.append(folder.id);
    }
    return ids;
}

QList<Entry> UnifiedMailbox::page(View view, int offset, int limit) const
{
    QList<Entry> merged;
    if (offset < 0 || limit <= 0)
        return merged;
    for (const Source &source : m_sources) {
        const QList<qint64> folders = folderIds(*source.cache, view);
        if (folders.isEmpty())
            continue;
        // Folder ids are the cache's own integers: safe to write into the statement.
        QSqlQuery query(source.cache->database().database());
        query.setForwardOnly(true);
        query.prepare(u"SELECT id FROM messages WHERE hidden_by = 0 AND folder_id IN (%1)%2 "
                      "ORDER BY date DESC, id DESC LIMIT ?"_s.arg(idList(folders), condition(view)));
        query.addBindValue(offset + limit);
        QList<qint64> rows;
        if (query.exec()) {
            while (query.next())
                rows.append(query.value(0).toLongLong());
        }
        const QHash<qint64, QString> paths = folderPaths(*source.cache);
        for (CachedMessage &message : source.cache->messageStore().messagesByRowIds(rows))
            merged.append(Entry{source.accountId, paths.value(message.folderId), std::move(message)});
    }
    sortNewestFirst(merged);
    return merged.mid(offset, limit);
}

int UnifiedMailbox::count(View view) const
{
    int total = 0;
    for (const Source &source : m_sources) {
        const QList<qint64> folders = folderIds(*source.cache, view);
        if (folders.isEmpty())
            continue;
        QSqlQuery query(source.cache->database().database());
        if (query.exec(u"SELECT COUNT(*) FROM messages WHERE hidden_by = 0 AND folder_id IN (%1)%2"_s.arg(
                idList(folders), condition(view))) &&
            query.next())
            total += query.value(0).toInt();
    }
    return total;
}

int UnifiedMailbox::unreadInInboxes() const
{
    int total = 0;
    for (const Source &source : m_sources) {
        for (const CachedFolder &folder : source.cache->folderStore().folders()) {
            if (folder.info.role == FolderInfo::Role::Inbox)
                total += folder.unseenCount;
        }
    }
    return total;
}

QList<Entry> UnifiedMailbox::search(const QString &text, int limit, const QString &accountId) const
{
    QList<Entry> merged;
    for (const Source &source : m_sources) {
        if (!accountId.isEmpty() && source.accountId != accountId)
            continue;
        for (SearchHit &hit : source.cache->searchIndex().search(text, limit))
            merged.append(Entry{source.accountId, hit.folderPath, std::move(hit.message)});
    }
    sortNewestFirst(merged);
    return merged.mid(0, limit);
}

} // namespace Amiens
