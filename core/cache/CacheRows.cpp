#include "CacheRows.h"

#include "CacheDatabase.h"
#include "util/Logging.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace Amiens::CacheRows {

const char *const kMessageColumns =
    "m.id, m.folder_id, m.uid, m.modseq, m.flags, m.internal_date, m.size, m.date, m.subject, m.from_name, "
    "m.from_address, m.to_list, m.cc_list, m.reply_to, m.message_id, m.in_reply_to, m.references_list, "
    "m.has_attachments, m.read_receipt_requested, m.preview, m.has_body";

namespace {

/// @p text as a JSON string, escaped as QJsonDocument escapes it (control characters, quote,
/// backslash; a lone surrogate as \uXXXX), so rows written before and after read the same.
void appendJsonString(QString &json, const QString &text)
{
    constexpr char kHex[] = "0123456789abcdef";
    const auto escapedAsHex = [&json, &kHex](char16_t c) {
        json += u"\\u"_s;
        for (const int shift : {12, 8, 4, 0})
            json += QLatin1Char(kHex[(c >> shift) & 0xf]);
    };
    json += u'"';
    const qsizetype size = text.size();
    for (qsizetype i = 0; i < size; ++i) {
        const char16_t c = text.at(i).unicode();
        switch (c) {
        case u'"':
            json += u"\\\""_s;
            break;
        case u'\\':
            json += u"\\\\"_s;
            break;
        case u'\b':
            json += u"\\b"_s;
            break;
        case u'\f':
            json += u"\\f"_s;
            break;
        case u'\n':
            json += u"\\n"_s;
            break;
        case u'\r':
            json += u"\\r"_s;
            break;
        case u'\t':
            json += u"\\t"_s;
            break;
        default:
            if (c < 0x20) {
                escapedAsHex(c);
            } else if (QChar::isHighSurrogate(c) && i + 1 < size && text.at(i + 1).isLowSurrogate()) {
                json += text.at(i);
                json += text.at(++i);
            } else if (QChar::isSurrogate(c)) {
                escapedAsHex(c);
            } else {
                json += QChar(c);
            }
        }
    }
    json += u'"';
}

} // namespace

QString toJson(const QList<MailAddress> &addresses)
{
    // Written by hand: QJsonDocument built a tree and a UTF-8 copy for every address list of every
    // message stored (1.3 % of a first sync's CPU). The same text: keys in QJsonObject's order.
    QString json;
    json.reserve(2 + addresses.size() * 48);
    json += u'[';
    for (const MailAddress &address : addresses) {
        if (json.size() > 1)
            json += u',';
        json += u"{\"address\":"_s;
        appendJsonString(json, address.address);
        json += u",\"name\":"_s;
        appendJsonString(json, address.name);
        json += u'}';
    }
    json += u']';
    return json;
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

qint64 toSeconds(const QDateTime &time)
{
    return time.isValid() ? time.toSecsSinceEpoch() : 0;
}

QDateTime fromSeconds(qint64 seconds)
{
    return seconds > 0 ? QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC) : QDateTime();
}

bool execPrepared(QSqlQuery &query, QString &error, CacheDatabase *database)
{
    if (query.exec())
        return true;
    error = query.lastError().text();
    if (database)
        database->setLastError(error);
    qCWarning(lcCache).noquote() << "SQL failed:" << query.lastQuery().simplified().left(100) << ":" << error;
    return false;
}

CachedMessage messageFromRow(const QSqlQuery &query, int first)
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

} // namespace Amiens::CacheRows
