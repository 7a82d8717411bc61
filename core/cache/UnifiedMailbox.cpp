#include "UnifiedMailbox.h"

#include "MailCache.h"
#include "SqliteStatement.h"
#include "util/Logging.h"

#include <QHash>
#include <QSqlQuery>
#include <QStringList>
#include <algorithm>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

using Row = UnifiedMailbox::Row;
using Match = CacheSearchIndex::Match;

QString idList(const QList<qint64> &ids)
{
    QStringList parts;
    for (const qint64 id : ids)
        parts.append(QString::number(id));
    return parts.join(u',');
}

QString condition(UnifiedMailbox::View view)
{
    // Written out, not bound: SQLite uses a partial index only when the query names its condition.
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

/// One account's search matches as a list to merge.
struct ListCursor
{
    const Match *next = nullptr;
    const Match *end = nullptr;
    int source = -1;
    qsizetype order = 0;
    qint64 date = 0;
    qint64 rowId = 0;
    bool started = false;

    bool advance()
    {
        if (started)
            ++next;
        started = true;
        if (next == end)
            return false;
        date = next->date;
        rowId = next->rowId;
        return true;
    }
};

/// One folder's messages as a list to merge, read from the statement as the merge goes: no copy
/// of 68,000 ids and dates per inbox first (fresh memory is slow on this machine, a page fault
/// per 4 KiB: two realistic inboxes opened in 32 ms instead of 38).
struct StatementCursor
{
    std::unique_ptr<SqliteStatement> statement;
    int source = -1;
    qsizetype order = 0;
    qint64 date = 0;
    qint64 rowId = 0;

    bool advance()
    {
        if (!statement->step() || !statement->hasRow())
            return false;
        rowId = statement->columnInt64(0);
        date = statement->columnInt64(1);
        return true;
    }
};

/// The k lists merged newest first, at most @p limit rows (-1: all); equal dates keep the lists'
/// order, which is the accounts' (then their folders'). k is small (accounts × folders): a heap
/// of one cursor per list, no sort of the whole. @p expected: how many rows, roughly.
template <typename Cursor>
QList<Row> merge(std::vector<Cursor> &lists, qsizetype limit, qsizetype expected)
{
    std::vector<Cursor *> heap;
    for (Cursor &list : lists) {
        if (list.advance())
            heap.push_back(&list);
    }
    // The top of the heap is the cursor that comes first: the newest date, then the first list.
    const auto after = [](const Cursor *a, const Cursor *b) {
        return a->date != b->date ? a->date < b->date : a->order > b->order;
    };
    std::make_heap(heap.begin(), heap.end(), after);
    QList<Row> merged;
    merged.reserve(limit < 0 ? expected : std::min(expected, limit));
    while (!heap.empty() && (limit < 0 || merged.size() < limit)) {
        std::pop_heap(heap.begin(), heap.end(), after);
        Cursor *cursor = heap.back();
        merged.append({cursor->source, cursor->rowId});
        if (cursor->advance())
            std::push_heap(heap.begin(), heap.end(), after);
        else
            heap.pop_back();
    }
    return merged;
}

} // namespace

UnifiedMailbox::UnifiedMailbox(QList<Source> sources)
    : m_sources(std::move(sources))
{
}

QList<CachedFolder> UnifiedMailbox::folders(MailCache &cache, View view)
{
    QList<CachedFolder> wanted;
    for (const CachedFolder &folder : cache.folderStore().folders()) {
        const FolderInfo::Role role = folder.info.role;
        if (view == View::Inboxes ? role == FolderInfo::Role::Inbox
                                  : role != FolderInfo::Role::Trash && role != FolderInfo::Role::Junk)
            wanted.append(folder);
    }
    return wanted;
}

QString UnifiedMailbox::listSql(View view)
{
    // The list's index (schema 3) for the inboxes, the partial ones of schema 11 for the unread and
    // flagged: id and date straight from the index, already in order.
    return u"SELECT id, date FROM messages WHERE folder_id = ? AND hidden_by = 0%1 ORDER BY date DESC, uid DESC"_s
        .arg(condition(view));
}

QList<Row> UnifiedMailbox::rows(View view, qsizetype limit) const
{
    // Through SQLite's C API, as CacheMessageStore::messageRowIds: 137,000 ids and dates through
    // QSqlQuery would be two QVariants each. The merged list's first n rows are among each
    // folder's first n.
    const QString folderList = listSql(view);
    const QByteArray sql = (limit < 0 ? folderList : folderList + u" LIMIT %1"_s.arg(limit)).toUtf8();
    std::vector<StatementCursor> lists;
    qsizetype expected = 0;
    for (int source = 0; source < m_sources.size(); ++source) {
        MailCache &cache = *m_sources.at(source).cache;
        for (const CachedFolder &folder : folders(cache, view)) {
            auto statement = std::make_unique<SqliteStatement>(cache.database().database(), sql.constData());
            statement->bind(folder.id);
            lists.push_back({std::move(statement), source, qsizetype(lists.size())});
            // The server's counts: a hint for the list's memory, no more.
            if (view != View::Flagged)
                expected += view == View::Unread ? folder.unseenCount : folder.messageCount;
        }
    }
    QList<Row> merged = merge(lists, limit, expected);
    for (const StatementCursor &list : lists) {
        if (!list.statement->lastError().isEmpty())
            qCWarning(lcCache).noquote()
                << "listing « Tous les comptes » failed:" << list.statement->lastError();
    }
    return merged;
}

QList<Row> UnifiedMailbox::searchRows(const QString &text, int limit, const QString &accountId) const
{
    QList<QList<Match>> matches;
    std::vector<ListCursor> lists;
    for (int source = 0; source < m_sources.size(); ++source) {
        if (accountId.isEmpty() || m_sources.at(source).accountId == accountId)
            matches.append(m_sources.at(source).cache->searchIndex().searchMatches(text, limit));
        else
            matches.append(QList<Match>());
    }
    for (int source = 0; source < m_sources.size(); ++source) {
        const QList<Match> &found = matches.at(source);
        lists.push_back({found.constData(), found.constData() + found.size(), source, source});
    }
    return merge(lists, std::max(0, limit), std::max(0, limit));
}

QList<std::optional<UnifiedMailbox::Entry>> UnifiedMailbox::entries(const QList<Row> &rows) const
{
    QList<std::optional<Entry>> result(rows.size());
    for (int source = 0; source < m_sources.size(); ++source) {
        QList<qint64> ids;
        for (const Row &row : rows) {
            if (row.source == source)
                ids.append(row.rowId);
        }
        if (ids.isEmpty())
            continue;
        MailCache &cache = *m_sources.at(source).cache;
        QHash<qint64, QString> paths;
        for (const CachedFolder &folder : cache.folderStore().folders())
            paths.insert(folder.id, folder.info.path());
        QHash<qint64, CachedMessage> found;
        for (CachedMessage &message : cache.messageStore().messagesByRowIds(ids))
            found.insert(message.rowId, std::move(message));
        for (qsizetype i = 0; i < rows.size(); ++i) {
            if (rows.at(i).source != source)
                continue;
            if (const auto it = found.constFind(rows.at(i).rowId); it != found.cend())
                result[i] = Entry{m_sources.at(source).accountId, paths.value(it->folderId), *it};
        }
    }
    return result;
}

int UnifiedMailbox::count(View view) const
{
    int total = 0;
    for (const Source &source : m_sources) {
        QList<qint64> ids;
        for (const CachedFolder &folder : folders(*source.cache, view))
            ids.append(folder.id);
        if (ids.isEmpty())
            continue;
        // Folder ids are the cache's own integers: safe to write into the statement.
        QSqlQuery query(source.cache->database().database());
        if (query.exec(u"SELECT COUNT(*) FROM messages WHERE hidden_by = 0 AND folder_id IN (%1)%2"_s.arg(
                idList(ids), condition(view))) &&
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

} // namespace Amiens
