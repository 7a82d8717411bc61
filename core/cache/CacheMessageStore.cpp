#include "CacheMessageStore.h"

#include "CacheBodyFiles.h"
#include "CacheDatabase.h"
#include "CacheFolderStore.h"
#include "CacheRows.h"
#include "CacheSearchIndex.h"
#include "SqliteStatement.h"
#include "mime/HeaderDecoder.h"
#include "mime/MessageContent.h"
#include "util/Logging.h"
#include "util/ParallelMap.h"

#include <QHash>
#include <QSqlQuery>
#include <algorithm>
#include <numeric>

using namespace Qt::StringLiterals;

namespace Amiens {

using CacheRows::addressesFromJson;
using CacheRows::execPrepared;
using CacheRows::kMessageColumns;
using CacheRows::messageFromRow;
using CacheRows::toJson;
using CacheRows::toSeconds;

namespace {

const auto kSeen = "\\Seen"_L1;
const auto kFlagged = "\\Flagged"_L1;

/// Sorted, without duplicates and without \Recent, which belongs to one session only.
QStringList normalisedFlags(QStringList flags)
{
    flags.removeIf([](const QString &flag) { return flag.compare("\\Recent"_L1, Qt::CaseInsensitive) == 0; });
    flags.sort();
    flags.removeDuplicates();
    return flags;
}

QString addressText(const MessageHeaders &headers)
{
    QStringList parts{headers.from.toDisplayString()};
    for (const auto *list : {&headers.to, &headers.cc}) {
        for (const MailAddress &address : *list)
            parts.append(address.toDisplayString());
    }
    return parts.join(u' ');
}

/// Text columns are NOT NULL: a null QString would bind as NULL.
QString text(const QString &value)
{
    return value.isNull() ? u""_s : value;
}

/// What the list and the search index keep of a body: read on all cores before the transaction,
/// from the same message model as the reading window (no images, no header decoding).
struct ScannedBody
{
    bool present = false;
    QString text;
    bool hasAttachments = false;
    QString preview;
};

ScannedBody scanBody(const QByteArray &raw)
{
    const MessageContent content = MessageContent::parse(raw, {false, false, false});
    return {true, content.text, !content.attachments.isEmpty(), content.preview()};
}

} // namespace

bool CacheMessageStore::storeHeaders(qint64 folderId, const QList<FetchedMessage> &messages)
{
    return storeMessages(folderId, messages, {});
}

bool CacheMessageStore::storeMessages(qint64 folderId, const QList<FetchedMessage> &messages,
                                      const QList<QByteArray> &bodies)
{
    QList<qsizetype> positions(messages.size());
    std::iota(positions.begin(), positions.end(), 0);
    // A caller that wants the search index complete after the sync gets each body read here,
    // from memory, in the same parallel pass as the headers: reading it back from its file
    // after the sync would cost a second pass over every byte (and, beside the sync, this
    // runs while the next batch arrives: BackgroundMessageWriter).
    struct Decoded
    {
        MessageHeaders headers;
        ScannedBody body; ///< present only when read here
    };
    const bool scanBodies = m_indexBodiesWhenStored;
    const QList<Decoded> decoded = parallelMap(positions, [&](qsizetype i) {
        Decoded result{HeaderDecoder::decode(messages.at(i).rawHeader), {}};
        if (scanBodies && !bodies.value(i).isEmpty())
            result.body = scanBody(bodies.at(i));
        return result;
    });
    QStringList writtenFiles;
    const bool ok = m_database.transaction([&] {
        QString error;
        // A message already cached (a sync cut short and resumed) keeps its row: only its flags,
        // and its body when this batch brings one, are updated.
        SqliteStatement insert(
            m_database.database(),
            "INSERT INTO messages (folder_id, uid, modseq, flags, seen, flagged, internal_date, size, date, "
            "subject, from_name, from_address, to_list, cc_list, reply_to, message_id, in_reply_to, "
            "references_list, has_attachments, read_receipt_requested, has_body, preview, model_version) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (folder_id, uid) DO UPDATE SET modseq = excluded.modseq, flags = excluded.flags, "
            "seen = excluded.seen, flagged = excluded.flagged, has_body = MAX(has_body, excluded.has_body), "
            "preview = CASE WHEN excluded.has_body THEN excluded.preview ELSE preview END, "
            "has_attachments = CASE WHEN excluded.has_body THEN excluded.has_attachments "
            "ELSE has_attachments END, "
            "model_version = CASE WHEN excluded.has_body THEN excluded.model_version ELSE model_version END "
            "RETURNING id");
        SqliteStatement body(
            m_database.database(),
            "INSERT OR REPLACE INTO bodies (message_row, raw, file_name, file_size) VALUES (?, ?, ?, ?)");
        QList<CacheSearchIndex::Entry> entries;
        entries.reserve(messages.size());
        for (qsizetype i = 0; i < messages.size(); ++i) {
            const FetchedMessage &fetched = messages.at(i);
            const MessageHeaders &headers = decoded.at(i).headers;
            // Without a scan, the body is stored as it came; its text, preview and paper clip are
            // read later, out of the sync's way (model_version 0: reindexOutdatedBodies), and the
            // clip guessed from the header until then.
            const ScannedBody &scanned = decoded.at(i).body;
            const bool hasBody = !bodies.value(i).isEmpty();
            const QStringList flags = normalisedFlags(fetched.flags);
            // The arrival is the server's INTERNALDATE; the Date header stands in for it when the
            // fetch did not bring one (an older cache's rows); messages without a readable Date
            // sort by their arrival on the server.
            const QDateTime arrival = fetched.internalDate.isValid() ? fetched.internalDate : headers.date;
            const QDateTime sent = headers.date.isValid() ? headers.date : fetched.internalDate;
            insert.bind(folderId)
                .bind(fetched.uid)
                .bind(static_cast<qint64>(fetched.modSeq))
                .bind(flags.join(u' '))
                .bind(flags.contains(kSeen) ? 1 : 0)
                .bind(flags.contains(kFlagged) ? 1 : 0)
                .bind(toSeconds(arrival))
                .bind(fetched.size)
                .bind(toSeconds(sent))
                .bind(headers.subject)
                .bind(headers.from.name)
                .bind(headers.from.address)
                .bind(toJson(headers.to))
                .bind(toJson(headers.cc))
                .bind(toJson(headers.replyTo))
                .bind(headers.messageId)
                .bind(headers.inReplyTo)
                .bind(headers.references.join(u' '))
                .bind((scanned.present ? scanned.hasAttachments : headers.likelyHasAttachments) ? 1 : 0)
                .bind(headers.requestsReadReceipt ? 1 : 0)
                .bind(hasBody ? 1 : 0)
                .bind(text(scanned.preview))
                .bind(scanned.present ? MessageContent::kModelVersion : 0);
            if (!insert.step()) {
                m_database.setLastError(insert.lastError());
                qCWarning(lcCache).noquote() << "SQL failed: store message:" << insert.lastError();
                return false;
            }
            const qint64 rowId = insert.columnInt64(0);
            insert.reset();
            if (hasBody && !writeBody(body, rowId, bodies.at(i), writtenFiles))
                return false;
            // Subject and addresses are searchable at once; the body's words come with the index
            // when the body was not read here.
            entries.append({rowId, headers.subject, addressText(headers), scanned.text});
        }
        return m_searchIndex.writeEntries(entries, error);
    });
    finishBodyFiles(ok, writtenFiles);
    return ok;
}

void CacheMessageStore::finishBodyFiles(bool committed, const QStringList &writtenFiles)
{
    if (writtenFiles.isEmpty())
        return;
    const CacheBodyFiles files(m_database.path());
    if (!committed)
        // Files whose rows were rolled back would only take space.
        files.remove(writtenFiles);
    files.finishWrites();
}

bool CacheMessageStore::writeBody(SqliteStatement &insertBody, qint64 rowId, const QByteArray &raw,
                                  QStringList &writtenFiles)
{
    QString fileName;
    if (raw.size() > kMaxInlineBody) {
        // Written before the row that names it is committed; a process killed in between leaves
        // a file without a row, removed at the next opening (CacheBodyFiles::beginWrites).
        const CacheBodyFiles files(m_database.path());
        if (writtenFiles.isEmpty())
            files.beginWrites();
        fileName = u"%1.eml"_s.arg(rowId);
        writtenFiles.append(fileName);
        QString error;
        if (!files.write(fileName, raw, &error)) {
            m_database.setLastError(error);
            return false;
        }
        insertBody.bind(rowId).bindNull().bind(fileName).bind(raw.size());
    } else {
        insertBody.bind(rowId).bindBlob(raw).bindNull().bindNull();
    }
    const bool ok = insertBody.step();
    if (!ok) {
        m_database.setLastError(insertBody.lastError());
        qCWarning(lcCache).noquote() << "SQL failed: store body:" << insertBody.lastError();
    }
    insertBody.reset();
    return ok;
}

bool CacheMessageStore::applyFlagUpdates(qint64 folderId, const QList<FlagUpdate> &updates)
{
    return m_database.transaction([&] {
        QString error;
        QSqlQuery query(m_database.database());
        query.prepare(
            u"UPDATE messages SET flags = ?, seen = ?, flagged = ?, modseq = ? WHERE folder_id = ? AND uid = ?"_s);
        for (const FlagUpdate &update : updates) {
            const QStringList flags = normalisedFlags(update.flags);
            query.addBindValue(text(flags.join(u' ')));
            query.addBindValue(flags.contains(kSeen) ? 1 : 0);
            query.addBindValue(flags.contains(kFlagged) ? 1 : 0);
            query.addBindValue(static_cast<qint64>(update.modSeq));
            query.addBindValue(folderId);
            query.addBindValue(update.uid);
            if (!execPrepared(query, error, &m_database))
                return false;
        }
        return true;
    });
}

bool CacheMessageStore::removeMessages(qint64 folderId, const QList<quint32> &uids)
{
    // Many UIDs per statement: each DELETE opens a statement savepoint, at which the search
    // index flushes its pending changes, so one statement per message cost ~1 ms each.
    constexpr qsizetype kUidsPerStatement = 500;
    QStringList bodyFiles;
    const bool ok = m_database.transaction([&] {
        QString error;
        for (qsizetype start = 0; start < uids.size(); start += kUidsPerStatement) {
            const QList<quint32> chunk = uids.mid(start, kUidsPerStatement);
            QStringList marks(chunk.size(), u"?"_s);
            const QString inList = marks.join(u',');
            QSqlQuery files(m_database.database());
            files.prepare(
                u"SELECT b.file_name FROM bodies b JOIN messages m ON m.id = b.message_row "
                "WHERE m.folder_id = ? AND m.uid IN (%1) AND b.file_name IS NOT NULL"_s.arg(inList));
            const QString chosen = u"folder_id = ? AND uid IN (%1)"_s.arg(inList);
            QSqlQuery remove(m_database.database());
            remove.prepare(u"DELETE FROM messages WHERE "_s + chosen);
            QVariantList binds{folderId};
            for (const quint32 uid : chunk)
                binds.append(uid);
            for (const QVariant &value : std::as_const(binds)) {
                files.addBindValue(value);
                remove.addBindValue(value);
            }
            if (!execPrepared(files, error, &m_database))
                return false;
            while (files.next())
                bodyFiles.append(files.value(0).toString());
            files.finish();
            if (!CacheSearchIndex(m_database).removeEntriesOf(chosen, binds, error) ||
                !execPrepared(remove, error, &m_database))
                return false;
        }
        return m_folders.refreshFolderCounts(folderId);
    });
    // Files go only once the rows that name them are gone for good.
    if (ok)
        CacheBodyFiles(m_database.path()).remove(bodyFiles);
    return ok;
}

QSet<quint32> CacheMessageStore::uids(qint64 folderId)
{
    QSet<quint32> result;
    QSqlQuery query(m_database.database());
    query.setForwardOnly(true);
    query.prepare(u"SELECT uid FROM messages WHERE folder_id = ?"_s);
    query.addBindValue(folderId);
    query.exec();
    while (query.next())
        result.insert(query.value(0).toUInt());
    return result;
}

QList<CachedMessage> CacheMessageStore::messages(qint64 folderId, int limit, int offset)
{
    QList<CachedMessage> result;
    QSqlQuery query(m_database.database());
    query.setForwardOnly(true);
    query.prepare(
        u"SELECT %1 FROM messages m WHERE m.folder_id = ? AND m.hidden_by = 0 "
        "ORDER BY m.date DESC, m.uid DESC LIMIT ? OFFSET ?"_s.arg(QString::fromLatin1(kMessageColumns)));
    query.addBindValue(folderId);
    query.addBindValue(limit);
    query.addBindValue(offset);
    query.exec();
    while (query.next())
        result.append(messageFromRow(query));
    return result;
}

QString CacheMessageStore::listSql(const QString &columns, const ListQuery &listQuery)
{
    QString order;
    switch (listQuery.sortKey) {
    case SortKey::Date:
        order = u"date"_s;
        break;
    case SortKey::Sender:
        order = u"CASE from_name WHEN '' THEN from_address ELSE from_name END COLLATE NOCASE"_s;
        break;
    case SortKey::Subject:
        order = u"subject COLLATE NOCASE"_s;
        break;
    case SortKey::Size:
        order = u"size"_s;
        break;
    }
    const QString direction = listQuery.descending ? u" DESC"_s : u" ASC"_s;
    QString where = u"folder_id = ? AND hidden_by = 0"_s;
    if (listQuery.unreadOnly)
        where += u" AND seen = 0"_s;
    if (listQuery.flaggedOnly)
        where += u" AND flagged = 1"_s;
    if (listQuery.withAttachmentsOnly)
        where += u" AND has_attachments = 1"_s;
    return u"SELECT %1 FROM messages WHERE %2 ORDER BY %3%4, uid%4"_s.arg(columns, where, order, direction);
}

QList<qint64> CacheMessageStore::messageRowIds(qint64 folderId, const ListQuery &listQuery, int limit)
{
    // Through SQLite's C API: 100,000 row ids read with QSqlQuery (a QVariant per value) took
    // 23-39 ms of the window's first screen on a slow VM.
    const QByteArray sql = (listSql(u"id"_s, listQuery) + u" LIMIT ?"_s).toUtf8();
    SqliteStatement query(m_database.database(), sql.constData());
    QList<qint64> ids;
    query.bind(folderId);
    query.bind(qint64(limit));
    while (query.step() && query.hasRow())
        ids.append(query.columnInt64(0));
    if (!query.lastError().isEmpty())
        qCWarning(lcCache).noquote() << "listing the folder failed:" << query.lastError();
    return ids;
}

QList<MessageThreader::Message> CacheMessageStore::threadKeys(qint64 folderId, const ListQuery &listQuery)
{
    QSqlQuery query(m_database.database());
    query.setForwardOnly(true);
    query.prepare(listSql(u"id, message_id, in_reply_to, references_list, date"_s, listQuery));
    query.addBindValue(folderId);
    QList<MessageThreader::Message> keys;
    if (!query.exec())
        return keys;
    while (query.next()) {
        keys.append({query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toString(),
                     query.value(3).toString().split(u' ', Qt::SkipEmptyParts), query.value(4).toLongLong()});
    }
    return keys;
}

QList<CachedMessage> CacheMessageStore::messagesByRowIds(const QList<qint64> &rowIds)
{
    QList<CachedMessage> result;
    if (rowIds.isEmpty())
        return result;
    QStringList placeholders;
    placeholders.fill(u"?"_s, rowIds.size());
    QSqlQuery query(m_database.database());
    query.setForwardOnly(true);
    query.prepare(u"SELECT %1 FROM messages m WHERE m.id IN (%2)"_s.arg(QString::fromLatin1(kMessageColumns),
                                                                        placeholders.join(u',')));
    for (const qint64 id : rowIds)
        query.addBindValue(id);
    if (!query.exec())
        return result;
    QHash<qint64, CachedMessage> byId;
    while (query.next()) {
        CachedMessage message = messageFromRow(query);
        byId.insert(message.rowId, std::move(message));
    }
    for (const qint64 id : rowIds) {
        if (auto it = byId.find(id); it != byId.end())
            result.append(*it);
    }
    return result;
}

std::optional<CachedMessage> CacheMessageStore::message(qint64 folderId, quint32 uid)
{
    QSqlQuery query(m_database.database());
    query.prepare(u"SELECT %1 FROM messages m WHERE m.folder_id = ? AND m.uid = ? AND m.hidden_by = 0"_s.arg(
        QString::fromLatin1(kMessageColumns)));
    query.addBindValue(folderId);
    query.addBindValue(uid);
    if (query.exec() && query.next())
        return messageFromRow(query);
    return std::nullopt;
}

QList<CachedMessage> CacheMessageStore::messagesWithMessageId(const QString &messageId)
{
    QList<CachedMessage> result;
    if (messageId.isEmpty())
        return result;
    // The original of a receipt asked for it: the partial index answers. A receipt some mailer
    // sent unasked (or for Return-Receipt-To) still finds its original, by a scan.
    for (const QString &condition : {u"m.read_receipt_requested = 1"_s, u"m.read_receipt_requested = 0"_s}) {
        QSqlQuery query(m_database.database());
        query.prepare(u"SELECT %1 FROM messages m WHERE m.message_id = ? AND %2 AND m.hidden_by = 0"_s.arg(
            QString::fromLatin1(kMessageColumns), condition));
        query.addBindValue(messageId);
        query.exec();
        while (query.next())
            result.append(messageFromRow(query));
        if (!result.isEmpty())
            return result;
    }
    return result;
}

QList<CachedMessage> CacheMessageStore::answersTo(const QString &messageId, int limit)
{
    QList<CachedMessage> result;
    if (messageId.isEmpty())
        return result;
    QSqlQuery query(m_database.database());
    // References are stored space-separated: match the id as a whole word.
    query.prepare(u"SELECT %1 FROM messages m WHERE m.hidden_by = 0 AND (m.in_reply_to = ? OR "
                  "(' ' || m.references_list || ' ') LIKE ? ESCAPE '\\') ORDER BY m.date DESC LIMIT ?"_s.arg(
                      QString::fromLatin1(kMessageColumns)));
    QString escaped = messageId;
    escaped.replace(u"\\"_s, u"\\\\"_s).replace(u"%"_s, u"\\%"_s).replace(u"_"_s, u"\\_"_s);
    query.addBindValue(messageId);
    query.addBindValue(QString(u"% "_s + escaped + u" %"_s));
    query.addBindValue(limit);
    query.exec();
    while (query.next())
        result.append(messageFromRow(query));
    return result;
}

int CacheMessageStore::messageCount(qint64 folderId)
{
    QSqlQuery query(m_database.database());
    query.prepare(u"SELECT COUNT(*) FROM messages WHERE folder_id = ? AND hidden_by = 0"_s);
    query.addBindValue(folderId);
    return query.exec() && query.next() ? query.value(0).toInt() : 0;
}

int CacheMessageStore::unseenCount(qint64 folderId)
{
    QSqlQuery query(m_database.database());
    query.prepare(u"SELECT COUNT(*) FROM messages WHERE folder_id = ? AND seen = 0 AND hidden_by = 0"_s);
    query.addBindValue(folderId);
    return query.exec() && query.next() ? query.value(0).toInt() : 0;
}

bool CacheMessageStore::storeBody(qint64 folderId, quint32 uid, const QByteArray &raw)
{
    // The message the user opens: its preview and search entry at once.
    return indexBodies(folderId, {{uid, raw}}, true);
}

bool CacheMessageStore::storeBodies(qint64 folderId, const QList<QPair<quint32, QByteArray>> &bodies)
{
    // A sync's batch: stored now, indexed later (model_version 0), as storeMessages() does.
    QStringList writtenFiles;
    const bool ok = m_database.transaction([&] {
        SqliteStatement lookup(m_database.database(),
                               "SELECT id FROM messages WHERE folder_id = ? AND uid = ?");
        SqliteStatement body(
            m_database.database(),
            "INSERT OR REPLACE INTO bodies (message_row, raw, file_name, file_size) VALUES (?, ?, ?, ?)");
        SqliteStatement update(m_database.database(),
                               "UPDATE messages SET has_body = 1, model_version = 0 WHERE id = ?");
        for (const auto &[uid, raw] : bodies) {
            lookup.bind(folderId).bind(uid);
            if (!lookup.step()) {
                m_database.setLastError(lookup.lastError());
                return false;
            }
            const qint64 rowId = lookup.hasRow() ? lookup.columnInt64(0) : 0;
            lookup.reset();
            if (rowId == 0 || raw.isEmpty())
                continue; // expunged meanwhile
            if (!writeBody(body, rowId, raw, writtenFiles))
                return false;
            update.bind(rowId);
            const bool updated = update.step();
            update.reset();
            if (!updated) {
                m_database.setLastError(update.lastError());
                return false;
            }
        }
        return true;
    });
    finishBodyFiles(ok, writtenFiles);
    return ok;
}

int CacheMessageStore::sweepInterruptedBodyFiles()
{
    return CacheBodyFiles(m_database.path()).sweepIfInterrupted([this] {
        QSet<QString> named;
        QSqlQuery query(m_database.database());
        query.setForwardOnly(true);
        query.exec(u"SELECT file_name FROM bodies WHERE file_name IS NOT NULL"_s);
        while (query.next())
            named.insert(query.value(0).toString());
        return named;
    });
}

int CacheMessageStore::unindexedCount()
{
    QSqlQuery query(m_database.database());
    query.prepare(u"SELECT COUNT(*) FROM messages WHERE has_body = 1 AND model_version < ?"_s);
    query.addBindValue(MessageContent::kModelVersion);
    return query.exec() && query.next() ? query.value(0).toInt() : 0;
}

int CacheMessageStore::reindexOutdatedBodies(int limit)
{
    QSqlQuery query(m_database.database());
    query.setForwardOnly(true);
    // No ORDER BY: sorting by folder made SQLite walk a whole folder index instead of the partial
    // messages_to_reindex one, 30 ms at 10,000 messages and 150 ms at 100,000 for an index pass
    // that finds nothing (after every sync). The rows are grouped by folder below.
    query.prepare(u"SELECT folder_id, uid, size FROM messages WHERE has_body = 1 AND model_version < ? "
                  "LIMIT ?"_s);
    query.addBindValue(MessageContent::kModelVersion);
    query.addBindValue(limit);
    if (!query.exec())
        return -1;
    // Bounded in bytes too: the bodies of a batch are all in memory at once (issue 19's cap).
    constexpr qint64 kMaxBatchBytes = 8 * 1024 * 1024;
    QList<QPair<qint64, quint32>> outdated;
    qint64 bytes = 0;
    while (bytes < kMaxBatchBytes && query.next()) {
        outdated.append({query.value(0).toLongLong(), query.value(1).toUInt()});
        bytes += query.value(2).toLongLong();
    }
    query.finish();
    std::stable_sort(outdated.begin(), outdated.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
    for (qsizetype start = 0; start < outdated.size();) {
        const qint64 folderId = outdated.at(start).first;
        QList<QPair<quint32, QByteArray>> bodies;
        qsizetype end = start;
        for (; end < outdated.size() && outdated.at(end).first == folderId; ++end) {
            // A body file lost or damaged on disk: the message goes back to "no body" (empty
            // here), to be fetched again, instead of being indexed over and over.
            bodies.append(
                {outdated.at(end).second, body(folderId, outdated.at(end).second).value_or(QByteArray())});
        }
        if (!indexBodies(folderId, bodies, false))
            return -1;
        start = end;
    }
    if (!outdated.isEmpty())
        qCInfo(lcCache) << "indexed for search:" << outdated.size() << "messages";
    return static_cast<int>(outdated.size());
}

bool CacheMessageStore::indexBodies(qint64 folderId, const QList<QPair<quint32, QByteArray>> &bodies,
                                    bool writeBodies)
{
    const QList<ScannedBody> contents =
        parallelMap(bodies, [](const QPair<quint32, QByteArray> &body) { return scanBody(body.second); });
    QStringList writtenFiles;
    const bool ok = m_database.transaction([&] {
        QString error;
        QSqlQuery lookup(m_database.database());
        lookup.prepare(u"SELECT id, subject, from_name, from_address, to_list, cc_list FROM messages "
                       "WHERE folder_id = ? AND uid = ?"_s);
        SqliteStatement body(
            m_database.database(),
            "INSERT OR REPLACE INTO bodies (message_row, raw, file_name, file_size) VALUES (?, ?, ?, ?)");
        QSqlQuery forget(m_database.database());
        forget.prepare(u"UPDATE messages SET has_body = 0, model_version = 0 WHERE id = ?"_s);
        QSqlQuery forgetBody(m_database.database());
        forgetBody.prepare(u"DELETE FROM bodies WHERE message_row = ?"_s);
        QSqlQuery update(m_database.database());
        update.prepare(
            u"UPDATE messages SET has_body = 1, preview = ?, has_attachments = ?, model_version = ? "
            "WHERE id = ?"_s);
        QList<CacheSearchIndex::Entry> entries;
        for (qsizetype i = 0; i < bodies.size(); ++i) {
            const ScannedBody &scanned = contents.at(i);
            lookup.addBindValue(folderId);
            lookup.addBindValue(bodies.at(i).first);
            if (!execPrepared(lookup, error, &m_database))
                return false;
            if (!lookup.next())
                continue; // expunged meanwhile
            const qint64 rowId = lookup.value(0).toLongLong();
            MessageHeaders headers;
            headers.from = {lookup.value(2).toString(), lookup.value(3).toString()};
            headers.to = addressesFromJson(lookup.value(4).toString());
            headers.cc = addressesFromJson(lookup.value(5).toString());
            const QString subject = lookup.value(1).toString();
            lookup.finish();

            if (!writeBodies && bodies.at(i).second.isEmpty()) {
                forget.addBindValue(rowId);
                forgetBody.addBindValue(rowId);
                if (!execPrepared(forget, error, &m_database) ||
                    !execPrepared(forgetBody, error, &m_database))
                    return false;
                continue;
            }
            if (writeBodies && !writeBody(body, rowId, bodies.at(i).second, writtenFiles))
                return false;
            update.addBindValue(text(scanned.preview));
            update.addBindValue(scanned.hasAttachments ? 1 : 0);
            update.addBindValue(MessageContent::kModelVersion);
            update.addBindValue(rowId);
            if (!execPrepared(update, error, &m_database))
                return false;
            entries.append({rowId, subject, addressText(headers), scanned.text});
        }
        return m_searchIndex.writeEntries(entries, error);
    });
    finishBodyFiles(ok, writtenFiles);
    return ok;
}

std::optional<QByteArray> CacheMessageStore::body(qint64 folderId, quint32 uid)
{
    QSqlQuery query(m_database.database());
    query.prepare(
        u"SELECT b.raw, b.file_name, b.file_size FROM bodies b JOIN messages m ON m.id = b.message_row "
        "WHERE m.folder_id = ? AND m.uid = ?"_s);
    query.addBindValue(folderId);
    query.addBindValue(uid);
    if (!query.exec() || !query.next())
        return std::nullopt;
    const QString fileName = query.value(1).toString();
    if (fileName.isEmpty())
        return query.value(0).toByteArray();
    const QVariant size = query.value(2);
    return CacheBodyFiles(m_database.path()).read(fileName, size.isNull() ? -1 : size.toLongLong());
}

QList<quint32> CacheMessageStore::uidsWithoutBody(qint64 folderId, const QDateTime &since, int limit)
{
    QList<quint32> result;
    QSqlQuery query(m_database.database());
    query.prepare(u"SELECT uid FROM messages WHERE folder_id = ? AND has_body = 0 AND internal_date >= ? "
                  "ORDER BY internal_date DESC, uid DESC LIMIT ?"_s);
    query.addBindValue(folderId);
    query.addBindValue(since.isValid() ? toSeconds(since) : 0);
    query.addBindValue(limit);
    query.exec();
    while (query.next())
        result.append(query.value(0).toUInt());
    return result;
}

QList<QPair<quint32, qint64>> CacheMessageStore::bodiesToFetch(qint64 folderId, const QDateTime &since)
{
    QList<QPair<quint32, qint64>> result;
    QSqlQuery query(m_database.database());
    query.setForwardOnly(true);
    query.prepare(
        u"SELECT uid, size FROM messages WHERE folder_id = ? AND has_body = 0 AND internal_date >= ? "
        "ORDER BY internal_date DESC, uid DESC"_s);
    query.addBindValue(folderId);
    query.addBindValue(since.isValid() ? toSeconds(since) : 0);
    query.exec();
    while (query.next())
        result.append({query.value(0).toUInt(), query.value(1).toLongLong()});
    return result;
}

} // namespace Amiens
