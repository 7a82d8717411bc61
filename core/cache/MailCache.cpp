#include "MailCache.h"

#include "SqliteStatement.h"
#include "mime/HeaderDecoder.h"
#include "mime/MessageContent.h"
#include "util/Clock.h"
#include "util/Logging.h"
#include "util/ParallelMap.h"
#include "util/PrivateFiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>
#include <algorithm>
#include <numeric>

using namespace Qt::StringLiterals;

namespace Amiens {

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

QString toJson(const QList<MailAddress> &addresses)
{
    QJsonArray array;
    for (const MailAddress &address : addresses)
        array.append(QJsonObject{{u"name"_s, address.name}, {u"address"_s, address.address}});
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QList<MailAddress> addressesFromJson(const QString &json)
{
    QList<MailAddress> result;
    const QJsonArray array = QJsonDocument::fromJson(json.toUtf8()).array();
    for (const auto &value : array) {
        const QJsonObject object = value.toObject();
        result.append({object.value(u"name"_s).toString(), object.value(u"address"_s).toString()});
    }
    return result;
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

qint64 toSeconds(const QDateTime &time)
{
    return time.isValid() ? time.toSecsSinceEpoch() : 0;
}

QDateTime fromSeconds(qint64 seconds)
{
    return seconds > 0 ? QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC) : QDateTime();
}

bool execPrepared(QSqlQuery &query, QString &error, CacheDatabase *database = nullptr)
{
    if (query.exec())
        return true;
    error = query.lastError().text();
    if (database)
        database->setLastError(error);
    qCWarning(lcCache).noquote() << "SQL failed:" << query.lastQuery().simplified().left(100) << ":" << error;
    return false;
}

const char *kMessageColumns =
    "m.id, m.folder_id, m.uid, m.modseq, m.flags, m.internal_date, m.size, m.date, m.subject, m.from_name, "
    "m.from_address, m.to_list, m.cc_list, m.reply_to, m.message_id, m.in_reply_to, m.references_list, "
    "m.has_attachments, m.read_receipt_requested, m.preview, m.has_body";

/// The message at columns first … first + 20 of @p query (see kMessageColumns).
CachedMessage messageFromRow(const QSqlQuery &query, int first = 0)
{
    CachedMessage message;
    message.rowId = query.value(first + 0).toLongLong();
    message.folderId = query.value(first + 1).toLongLong();
    message.uid = query.value(first + 2).toUInt();
    message.modSeq = query.value(first + 3).toULongLong();
    message.flags = query.value(first + 4).toString().split(u' ', Qt::SkipEmptyParts);
    message.internalDate = fromSeconds(query.value(first + 5).toLongLong());
    message.size = query.value(first + 6).toLongLong();
    message.headers.date = fromSeconds(query.value(first + 7).toLongLong());
    message.headers.subject = query.value(first + 8).toString();
    message.headers.from = {query.value(first + 9).toString(), query.value(first + 10).toString()};
    message.headers.to = addressesFromJson(query.value(first + 11).toString());
    message.headers.cc = addressesFromJson(query.value(first + 12).toString());
    message.headers.replyTo = addressesFromJson(query.value(first + 13).toString());
    message.headers.messageId = query.value(first + 14).toString();
    message.headers.inReplyTo = query.value(first + 15).toString();
    message.headers.references = query.value(first + 16).toString().split(u' ', Qt::SkipEmptyParts);
    message.hasAttachments = query.value(first + 17).toBool();
    message.headers.likelyHasAttachments = message.hasAttachments;
    message.headers.requestsReadReceipt = query.value(first + 18).toBool();
    message.preview = query.value(first + 19).toString();
    message.hasBody = query.value(first + 20).toBool();
    return message;
}

/// A user's words as an FTS5 query: each word quoted (no operator injection) and prefix-matched.
QString ftsQuery(const QString &text)
{
    static const QRegularExpression separators(u"[\\s\"]+"_s);
    QStringList terms;
    const QStringList words = text.split(separators, Qt::SkipEmptyParts);
    for (const QString &word : words)
        terms.append(u'"' + word + u"\"*"_s);
    return terms.join(u' ');
}

} // namespace

bool MailCache::open(const QString &path, const QString &accountKey, Mode mode, QString *error)
{
    if (!m_database.open(path, mode, error))
        return false;
    QSqlQuery query(m_database.database());
    query.exec(u"SELECT account_key FROM account WHERE id = 1"_s);
    if (query.next()) {
        if (query.value(0).toString() != accountKey) {
            if (error)
                *error = tr("The offline cache %1 belongs to another account.").arg(path);
            m_database.close();
            return false;
        }
    } else if (mode == Mode::ReadWrite) {
        query.prepare(u"INSERT INTO account (id, account_key) VALUES (1, ?)"_s);
        query.addBindValue(accountKey);
        query.exec();
    }
    return true;
}

QString MailCache::bodyFolder() const
{
    return QFileInfo(m_database.path()).absolutePath() + u"/bodies"_s;
}

QList<CachedFolder> MailCache::folders()
{
    QList<CachedFolder> result;
    QSqlQuery query(m_database.database());
    query.exec(
        u"SELECT id, path, delimiter, role, selectable, uidvalidity, uidnext, highestmodseq, message_count, "
        "unseen_count, last_sync FROM folders ORDER BY id"_s);
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
        result.append(folder);
    }
    return result;
}

std::optional<CachedFolder> MailCache::folder(const QString &path)
{
    const QList<CachedFolder> all = folders();
    for (const CachedFolder &folder : all) {
        if (folder.info.path() == path)
            return folder;
    }
    return std::nullopt;
}

bool MailCache::replaceFolderList(const QList<FolderInfo> &serverFolders)
{
    return m_database.transaction([&] {
        QString error;
        QSqlQuery upsert(m_database.database());
        upsert.prepare(
            u"INSERT INTO folders (path, delimiter, role, selectable) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (path) DO UPDATE SET delimiter = excluded.delimiter, role = excluded.role, "
            "selectable = excluded.selectable"_s);
        QStringList paths;
        for (const FolderInfo &folder : serverFolders) {
            paths.append(folder.path());
            upsert.addBindValue(folder.path());
            upsert.addBindValue(QString(folder.separator));
            upsert.addBindValue(FolderInfo::roleName(folder.role));
            upsert.addBindValue(folder.selectable ? 1 : 0);
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
            remove.addBindValue(id);
            if (!execPrepared(remove, error, &m_database))
                return false;
        }
        return true;
    });
}

bool MailCache::refreshFolderCounts(qint64 folderId)
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

bool MailCache::saveFolderState(qint64 folderId, quint32 uidValidity, quint32 uidNext, quint64 highestModSeq)
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

bool MailCache::resetFolder(qint64 folderId, quint32 uidValidity)
{
    return m_database.transaction([&] {
        QSqlQuery query(m_database.database());
        QString error;
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
}

namespace {

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

/// One row of the full-text index, written after the batch's other rows: an FTS5 table flushes
/// its pending terms at every statement savepoint, so interleaving its inserts with the upserts
/// wrote one index segment per message.
struct SearchEntry
{
    qint64 rowId = 0;
    QString subject;
    QString addresses;
    QString body;
};

bool writeSearchEntries(QSqlDatabase &database, const QList<SearchEntry> &entries, QString &error,
                        CacheDatabase *cacheDatabase)
{
    SqliteStatement index(
        database,
        "INSERT OR REPLACE INTO message_search (rowid, subject, addresses, body) VALUES (?, ?, ?, ?)");
    for (const SearchEntry &entry : entries) {
        index.bind(entry.rowId).bind(entry.subject).bind(entry.addresses).bind(entry.body);
        if (!index.step()) {
            error = index.lastError();
            cacheDatabase->setLastError(error);
            qCWarning(lcCache).noquote() << "SQL failed: search index:" << error;
            return false;
        }
        index.reset();
    }
    return true;
}

} // namespace

bool MailCache::storeHeaders(qint64 folderId, const QList<FetchedMessage> &messages)
{
    return storeMessages(folderId, messages, {});
}

bool MailCache::storeMessages(qint64 folderId, const QList<FetchedMessage> &messages,
                              const QList<QByteArray> &bodies)
{
    struct Decoded
    {
        MessageHeaders headers;
        ScannedBody body;
    };
    QList<qsizetype> positions(messages.size());
    std::iota(positions.begin(), positions.end(), 0);
    const QList<Decoded> decoded = parallelMap(positions, [&](qsizetype i) {
        const QByteArray &raw = bodies.value(i);
        return Decoded{HeaderDecoder::decode(messages.at(i).rawHeader),
                       raw.isEmpty() ? ScannedBody() : scanBody(raw)};
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
        SqliteStatement body(m_database.database(),
                             "INSERT OR REPLACE INTO bodies (message_row, raw, file_name) VALUES (?, ?, ?)");
        QList<SearchEntry> entries;
        entries.reserve(messages.size());
        for (qsizetype i = 0; i < messages.size(); ++i) {
            const FetchedMessage &fetched = messages.at(i);
            const MessageHeaders &headers = decoded.at(i).headers;
            const ScannedBody &scanned = decoded.at(i).body;
            const QStringList flags = normalisedFlags(fetched.flags);
            // INTERNALDATE cannot be fetched through VMime 0.9.2 (ImapCommandChannel::fetch): the
            // Date header stands in for it when the fetch did not bring one; messages without a
            // readable Date sort by their arrival on the server.
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
                .bind(scanned.present ? 1 : 0)
                .bind(scanned.preview)
                .bind(scanned.present ? MessageContent::kModelVersion : 0);
            if (!insert.step()) {
                m_database.setLastError(insert.lastError());
                qCWarning(lcCache).noquote() << "SQL failed: store message:" << insert.lastError();
                return false;
            }
            const qint64 rowId = insert.columnInt64(0);
            insert.reset();
            if (scanned.present && !writeBody(body, rowId, bodies.at(i), writtenFiles))
                return false;
            entries.append({rowId, headers.subject, addressText(headers), scanned.text});
        }
        return writeSearchEntries(m_database.database(), entries, error, &m_database);
    });
    if (!ok)
        removeBodyFiles(writtenFiles);
    return ok;
}

bool MailCache::writeBody(SqliteStatement &insertBody, qint64 rowId, const QByteArray &raw,
                          QStringList &writtenFiles)
{
    QString fileName;
    if (raw.size() > kMaxInlineBody) {
        // Written and flushed to disk before the row that names it is committed.
        fileName = u"%1.eml"_s.arg(rowId);
        PrivateFiles::makeFolder(bodyFolder());
        QSaveFile file(bodyFolder() + u'/' + fileName);
        // The folder is private (0700); the file is made 0600 too once in place.
        if (!file.open(QIODevice::WriteOnly) || file.write(raw) != raw.size() || !file.commit() ||
            !PrivateFiles::restrictFile(file.fileName())) {
            m_database.setLastError(file.errorString());
            qCWarning(lcCache) << "cannot write the body file" << file.fileName() << file.errorString();
            return false;
        }
        writtenFiles.append(fileName);
        insertBody.bind(rowId).bindNull().bind(fileName);
    } else {
        insertBody.bind(rowId).bindBlob(raw).bindNull();
    }
    const bool ok = insertBody.step();
    if (!ok) {
        m_database.setLastError(insertBody.lastError());
        qCWarning(lcCache).noquote() << "SQL failed: store body:" << insertBody.lastError();
    }
    insertBody.reset();
    return ok;
}

void MailCache::removeBodyFiles(const QStringList &fileNames)
{
    // Files whose rows were rolled back would only take space.
    for (const QString &file : fileNames)
        QFile::remove(bodyFolder() + u'/' + file);
}

bool MailCache::applyFlagUpdates(qint64 folderId, const QList<FlagUpdate> &updates)
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

bool MailCache::changeFlags(qint64 folderId, const QList<quint32> &uids, const QStringList &add,
                            const QStringList &remove)
{
    return m_database.transaction([&] {
        QList<FlagUpdate> updates;
        for (const quint32 uid : uids) {
            const auto cached = message(folderId, uid);
            if (!cached)
                continue;
            QStringList flags = cached->flags;
            flags.append(add);
            for (const QString &flag : remove)
                flags.removeAll(flag);
            updates.append({uid, cached->modSeq, flags});
        }
        return applyFlagUpdates(folderId, updates) && refreshFolderCounts(folderId);
    });
}

bool MailCache::removeMessages(qint64 folderId, const QList<quint32> &uids)
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
            QSqlQuery remove(m_database.database());
            remove.prepare(u"DELETE FROM messages WHERE folder_id = ? AND uid IN (%1)"_s.arg(inList));
            files.addBindValue(folderId);
            remove.addBindValue(folderId);
            for (const quint32 uid : chunk) {
                files.addBindValue(uid);
                remove.addBindValue(uid);
            }
            if (!execPrepared(files, error, &m_database))
                return false;
            while (files.next())
                bodyFiles.append(files.value(0).toString());
            files.finish();
            if (!execPrepared(remove, error, &m_database))
                return false;
        }
        return refreshFolderCounts(folderId);
    });
    // Files go only once the rows that name them are gone for good.
    if (ok) {
        for (const QString &file : std::as_const(bodyFiles))
            QFile::remove(bodyFolder() + u'/' + file);
    }
    return ok;
}

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

bool MailCache::hideMessages(qint64 folderId, const QList<quint32> &uids, qint64 operationId)
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
        return refreshFolderCounts(folderId);
    });
}

bool MailCache::unhideMessages(qint64 operationId)
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
            if (!refreshFolderCounts(it.key()))
                return false;
        }
        return true;
    });
}

bool MailCache::removeHiddenMessages(qint64 operationId)
{
    const auto hidden = hiddenByOperation(m_database.database(), operationId);
    for (auto it = hidden.cbegin(); it != hidden.cend(); ++it) {
        if (!removeMessages(it.key(), it.value()))
            return false;
    }
    return true;
}

QSet<quint32> MailCache::uids(qint64 folderId)
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

QList<CachedMessage> MailCache::messages(qint64 folderId, int limit, int offset)
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

QString MailCache::listSql(const QString &columns, const ListQuery &listQuery)
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

QList<qint64> MailCache::messageRowIds(qint64 folderId, const ListQuery &listQuery)
{
    QSqlQuery query(m_database.database());
    query.setForwardOnly(true);
    query.prepare(listSql(u"id"_s, listQuery));
    query.addBindValue(folderId);
    QList<qint64> ids;
    if (!query.exec())
        return ids;
    while (query.next())
        ids.append(query.value(0).toLongLong());
    return ids;
}

QList<MessageThreader::Message> MailCache::threadKeys(qint64 folderId, const ListQuery &listQuery)
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

QList<CachedMessage> MailCache::messagesByRowIds(const QList<qint64> &rowIds)
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

std::optional<CachedMessage> MailCache::message(qint64 folderId, quint32 uid)
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

QList<CachedMessage> MailCache::messagesWithMessageId(const QString &messageId)
{
    QList<CachedMessage> result;
    if (messageId.isEmpty())
        return result;
    QSqlQuery query(m_database.database());
    query.prepare(u"SELECT %1 FROM messages m WHERE m.message_id = ? AND m.hidden_by = 0"_s.arg(
        QString::fromLatin1(kMessageColumns)));
    query.addBindValue(messageId);
    query.exec();
    while (query.next())
        result.append(messageFromRow(query));
    return result;
}

QList<CachedMessage> MailCache::answersTo(const QString &messageId, int limit)
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

int MailCache::messageCount(qint64 folderId)
{
    QSqlQuery query(m_database.database());
    query.prepare(u"SELECT COUNT(*) FROM messages WHERE folder_id = ? AND hidden_by = 0"_s);
    query.addBindValue(folderId);
    return query.exec() && query.next() ? query.value(0).toInt() : 0;
}

int MailCache::unseenCount(qint64 folderId)
{
    QSqlQuery query(m_database.database());
    query.prepare(u"SELECT COUNT(*) FROM messages WHERE folder_id = ? AND seen = 0 AND hidden_by = 0"_s);
    query.addBindValue(folderId);
    return query.exec() && query.next() ? query.value(0).toInt() : 0;
}

bool MailCache::storeBody(qint64 folderId, quint32 uid, const QByteArray &raw)
{
    return storeBodies(folderId, {{uid, raw}});
}

bool MailCache::storeBodies(qint64 folderId, const QList<QPair<quint32, QByteArray>> &bodies)
{
    return indexBodies(folderId, bodies, true);
}

int MailCache::reindexOutdatedBodies(int limit)
{
    QSqlQuery query(m_database.database());
    query.setForwardOnly(true);
    query.prepare(u"SELECT folder_id, uid FROM messages WHERE has_body = 1 AND model_version < ? "
                  "ORDER BY folder_id LIMIT ?"_s);
    query.addBindValue(MessageContent::kModelVersion);
    query.addBindValue(limit);
    if (!query.exec())
        return -1;
    QList<QPair<qint64, quint32>> outdated;
    while (query.next())
        outdated.append({query.value(0).toLongLong(), query.value(1).toUInt()});
    query.finish();
    for (qsizetype start = 0; start < outdated.size();) {
        const qint64 folderId = outdated.at(start).first;
        QList<QPair<quint32, QByteArray>> bodies;
        qsizetype end = start;
        for (; end < outdated.size() && outdated.at(end).first == folderId; ++end) {
            // A body file lost from disk is not retried forever: it is indexed as empty.
            bodies.append(
                {outdated.at(end).second, body(folderId, outdated.at(end).second).value_or(QByteArray())});
        }
        if (!indexBodies(folderId, bodies, false))
            return -1;
        start = end;
    }
    if (!outdated.isEmpty())
        qCInfo(lcCache) << "re-indexed" << outdated.size() << "messages read by an older version";
    return static_cast<int>(outdated.size());
}

bool MailCache::indexBodies(qint64 folderId, const QList<QPair<quint32, QByteArray>> &bodies,
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
        SqliteStatement body(m_database.database(),
                             "INSERT OR REPLACE INTO bodies (message_row, raw, file_name) VALUES (?, ?, ?)");
        QSqlQuery update(m_database.database());
        update.prepare(
            u"UPDATE messages SET has_body = 1, preview = ?, has_attachments = ?, model_version = ? "
            "WHERE id = ?"_s);
        QList<SearchEntry> entries;
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
        return writeSearchEntries(m_database.database(), entries, error, &m_database);
    });
    if (!ok)
        removeBodyFiles(writtenFiles);
    return ok;
}

std::optional<QByteArray> MailCache::body(qint64 folderId, quint32 uid)
{
    QSqlQuery query(m_database.database());
    query.prepare(u"SELECT b.raw, b.file_name FROM bodies b JOIN messages m ON m.id = b.message_row "
                  "WHERE m.folder_id = ? AND m.uid = ?"_s);
    query.addBindValue(folderId);
    query.addBindValue(uid);
    if (!query.exec() || !query.next())
        return std::nullopt;
    const QString fileName = query.value(1).toString();
    if (fileName.isEmpty())
        return query.value(0).toByteArray();
    QFile file(bodyFolder() + u'/' + fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        qCWarning(lcCache) << "missing body file" << file.fileName();
        return std::nullopt;
    }
    return file.readAll();
}

QList<quint32> MailCache::uidsWithoutBody(qint64 folderId, const QDateTime &since, int limit)
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

QList<QPair<quint32, qint64>> MailCache::bodiesToFetch(qint64 folderId, const QDateTime &since)
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

QString MailCache::searchSql(const QString &columns)
{
    // The newest matches by row id (rows are written as mail arrives) let FTS5 stop after the
    // limit instead of joining and sorting every match: a common word in 100,000 messages took
    // 0.45 s. Binds: the FTS query, the limit.
    return u"SELECT %1 FROM messages m JOIN folders f ON f.id = m.folder_id WHERE m.id IN "
           "(SELECT rowid FROM message_search WHERE message_search MATCH ? ORDER BY rowid DESC LIMIT ?) "
           "AND m.hidden_by = 0 ORDER BY m.date DESC"_s.arg(columns);
}

QList<SearchHit> MailCache::search(const QString &text, int limit)
{
    QList<SearchHit> result;
    const QString match = ftsQuery(text);
    if (match.isEmpty())
        return result;
    QSqlQuery query(m_database.database());
    query.prepare(searchSql(u"f.path, "_s + QString::fromLatin1(kMessageColumns)));
    query.addBindValue(match);
    query.addBindValue(limit);
    if (!query.exec()) {
        qCWarning(lcCache) << "search failed:" << query.lastError().text();
        return result;
    }
    while (query.next()) {
        result.append({query.value(0).toString(), messageFromRow(query, 1)});
    }
    return result;
}

QList<qint64> MailCache::searchRowIds(const QString &text, int limit)
{
    QList<qint64> result;
    const QString match = ftsQuery(text);
    if (match.isEmpty())
        return result;
    QSqlQuery query(m_database.database());
    query.setForwardOnly(true);
    query.prepare(searchSql(u"m.id"_s));
    query.addBindValue(match);
    query.addBindValue(limit);
    if (!query.exec()) {
        qCWarning(lcCache) << "search failed:" << query.lastError().text();
        return result;
    }
    while (query.next())
        result.append(query.value(0).toLongLong());
    return result;
}

QStringList MailCache::knownAddresses(int scanned, int limit)
{
    struct Seen
    {
        MailAddress address;
        int count = 0;
    };
    QHash<QString, Seen> seen;
    QSqlQuery query(m_database.database());
    query.prepare(
        // Newest rows first by row id (messages are written as they arrive), not by Date: there is
        // no index on the date across folders, and sorting 100,000 rows took 0.2 s at start-up.
        u"SELECT from_name, from_address, to_list, cc_list FROM messages ORDER BY id DESC LIMIT ?"_s);
    query.addBindValue(scanned);
    if (!query.exec()) {
        qCWarning(lcCache) << "address list failed:" << query.lastError().text();
        return {};
    }
    const auto note = [&seen](const MailAddress &address) {
        const QString key = address.address.trimmed().toLower();
        if (!key.contains(u'@'))
            return;
        Seen &entry = seen[key];
        // The first name met is the most recent one.
        if (entry.address.address.isEmpty() || (entry.address.name.isEmpty() && !address.name.isEmpty()))
            entry.address = {address.name.trimmed(), address.address.trimmed()};
        ++entry.count;
    };
    while (query.next()) {
        note({query.value(0).toString(), query.value(1).toString()});
        for (const MailAddress &address : addressesFromJson(query.value(2).toString()))
            note(address);
        for (const MailAddress &address : addressesFromJson(query.value(3).toString()))
            note(address);
    }
    QList<Seen> sorted = seen.values();
    std::sort(sorted.begin(), sorted.end(), [](const Seen &a, const Seen &b) {
        return a.count != b.count ? a.count > b.count : a.address.address < b.address.address;
    });
    QStringList result;
    for (qsizetype i = 0; i < sorted.size() && i < limit; ++i)
        result.append(sorted.at(i).address.toDisplayString());
    return result;
}

} // namespace Amiens
