#include "CacheSpaceReport.h"

#include "CacheRows.h"
#include "MailCache.h"

#include <QHash>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

QList<CacheSpaceReport::Entry> messages(MailCache &cache, const QHash<qint64, QString> &paths,
                                        const QString &whereAndOrder, int limit)
{
    QList<CacheSpaceReport::Entry> result;
    QSqlQuery query(cache.database().database());
    query.prepare(u"SELECT %1 FROM messages m WHERE m.hidden_by = 0 %2 LIMIT ?"_s.arg(
        QString::fromLatin1(CacheRows::kMessageColumns), whereAndOrder));
    query.addBindValue(limit);
    if (!query.exec())
        return result;
    while (query.next()) {
        CacheSpaceReport::Entry entry;
        entry.message = CacheRows::messageFromRow(query);
        entry.folderPath = paths.value(entry.message.folderId);
        result.append(entry);
    }
    return result;
}

} // namespace

CacheSpaceReport CacheSpaceReport::compute(MailCache &cache, int limit)
{
    CacheSpaceReport report;
    QHash<qint64, QString> paths;
    const QList<CachedFolder> folders = cache.folderStore().folders();
    for (const CachedFolder &folder : folders)
        paths.insert(folder.id, folder.info.path());

    report.largest = messages(cache, paths, u"ORDER BY m.size DESC, m.id"_s, limit);
    // The message's own date, else when the server got it: the oldest attachments are the
    // likeliest to be no longer needed.
    report.oldestWithAttachments = messages(
        cache, paths,
        u"AND m.has_attachments = 1 ORDER BY CASE WHEN m.date > 0 THEN m.date ELSE m.internal_date END, "
        "m.id"_s,
        limit);

    QSqlQuery totals(cache.database().database());
    totals.exec(u"SELECT folder_id, COUNT(*), COALESCE(SUM(size), 0) FROM messages WHERE hidden_by = 0 "
                "GROUP BY folder_id"_s);
    QHash<qint64, QPair<int, qint64>> perFolder;
    while (totals.next()) {
        const qint64 bytes = totals.value(2).toLongLong();
        perFolder.insert(totals.value(0).toLongLong(), {totals.value(1).toInt(), bytes});
        report.totalBytes += bytes;
    }
    for (const CachedFolder &folder : folders) {
        if (folder.info.role != FolderInfo::Role::Trash && folder.info.role != FolderInfo::Role::Junk)
            continue;
        if (folder.info.namespaceKind != FolderInfo::Namespace::Personal)
            continue; // another user's Trash is not ours to empty
        const auto counted = perFolder.value(folder.id);
        report.disposable.append({folder.info.path(), folder.info.role, counted.first, counted.second});
    }
    return report;
}

} // namespace Amiens
