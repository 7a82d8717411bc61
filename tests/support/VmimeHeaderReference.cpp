#include "VmimeHeaderReference.h"

#include "mime/HeaderDecoder.h"

#include <QRegularExpression>
#include <QStringDecoder>
#include <QTimeZone>
#include <vmime/vmime.hpp>

using namespace Qt::StringLiterals;

// The VMime-based header decoder that core/mime/HeaderDecoder.cpp used before it was rewritten by
// hand, kept unchanged (apart from its logging) as the reference of tst_headerdecoder.
namespace Amiens {

namespace {

const QList<QByteArray> kAddressFields = {"from",   "to",          "cc",        "bcc",       "reply-to",
                                          "sender", "resent-from", "resent-to", "resent-cc", "resent-bcc"};

/// One word of a header. Words that are not RFC 2047-encoded but carry 8-bit bytes (raw UTF-8
/// as RFC 6532 allows, or Latin-1 from old clients) are read as UTF-8 when valid, else as
/// Windows-1252, instead of VMime's replacement characters.
QString decodeWord(const vmime::word &word)
{
    const std::string &buffer = word.getBuffer();
    const bool eightBit = std::any_of(buffer.cbegin(), buffer.cend(), [](char c) { return c & 0x80; });
    const std::string charset = word.getCharset().getName();
    if (eightBit && (charset == "us-ascii" || charset == "US-ASCII" || charset.empty())) {
        QStringDecoder utf8Decoder(QStringDecoder::Utf8);
        const QString decoded = utf8Decoder.decode(QByteArrayView(buffer.data(), qsizetype(buffer.size())));
        if (!utf8Decoder.hasError())
            return decoded;
        QStringDecoder latin("windows-1252");
        if (latin.isValid())
            return latin.decode(QByteArrayView(buffer.data(), qsizetype(buffer.size())));
        return QString::fromLatin1(buffer.data(), qsizetype(buffer.size()));
    }
    return QString::fromStdString(word.getConvertedText(vmime::charsets::UTF_8));
}

QString utf8(const vmime::text &text)
{
    QString result;
    for (size_t i = 0; i < text.getWordCount(); ++i)
        result += decodeWord(*text.getWordAt(i));
    return result;
}

MailAddress fromMailbox(const vmime::mailbox &mailbox)
{
    return {utf8(mailbox.getName()).trimmed(),
            QString::fromStdString(mailbox.getEmail().toString()).trimmed()};
}

void appendAddresses(const vmime::addressList &list, QList<MailAddress> &out)
{
    for (size_t i = 0; i < list.getAddressCount(); ++i) {
        const auto address = list.getAddressAt(i);
        if (address->isGroup()) {
            const auto group = vmime::dynamicCast<const vmime::mailboxGroup>(address);
            for (size_t j = 0; j < group->getMailboxCount(); ++j)
                out.append(fromMailbox(*group->getMailboxAt(j)));
        } else {
            out.append(fromMailbox(*vmime::dynamicCast<const vmime::mailbox>(address)));
        }
    }
}

/// Addresses found in a field VMime must not parse: every "local@domain" token, no names.
QList<MailAddress> flatAddresses(const QByteArray &value)
{
    static const QRegularExpression pattern(u"[^\\s<>,;:\"()\\[\\]]+@[^\\s<>,;:\"()\\[\\]]+"_s);
    QList<MailAddress> result;
    auto matches = pattern.globalMatch(QString::fromLatin1(value.left(64 * 1024)));
    while (matches.hasNext() && result.size() < 1000)
        result.append({QString(), matches.next().captured()});
    return result;
}

QDateTime toQDateTime(const vmime::datetime &date)
{
    const QDate day(date.getYear(), date.getMonth(), date.getDay());
    const QTime time(date.getHour(), date.getMinute(), date.getSecond());
    if (!day.isValid() || !time.isValid() || date.getYear() < 1970)
        return {};
    return QDateTime(day, time, Qt::OffsetFromUTC, date.getZone() * 60).toUTC();
}

QString stripAngles(QString id)
{
    id = id.trimmed();
    if (id.startsWith(u'<'))
        id.remove(0, 1);
    if (id.endsWith(u'>'))
        id.chop(1);
    return id;
}

/// Header fields as (name, value) with their folding kept, so unsafe ones can be blanked.
struct RawField
{
    QByteArray name;
    qsizetype valueStart = 0;
    qsizetype valueEnd = 0;
};

QList<RawField> scanFields(const QByteArray &header)
{
    QList<RawField> fields;
    qsizetype pos = 0;
    while (pos < header.size()) {
        qsizetype lineEnd = header.indexOf('\n', pos);
        if (lineEnd < 0)
            lineEnd = header.size();
        // Continuation lines start with white space and belong to the previous field.
        const char first = header.at(pos);
        if (first == ' ' || first == '\t') {
            if (!fields.isEmpty())
                fields.last().valueEnd = lineEnd;
        } else {
            const qsizetype colon = header.indexOf(':', pos);
            if (colon > pos && colon < lineEnd)
                fields.append({header.mid(pos, colon - pos).trimmed().toLower(), colon + 1, lineEnd});
        }
        pos = lineEnd + 1;
    }
    return fields;
}

} // namespace

namespace {

/// Empties the unsafe address fields of @p header in place; returns their flat decoding.
QHash<QByteArray, QList<MailAddress>> defuseAddressFields(QByteArray &header)
{
    QHash<QByteArray, QList<MailAddress>> fallbackAddresses;
    const QList<RawField> fields = scanFields(header);
    // Backwards, so replacing a field keeps the offsets of the earlier ones valid.
    for (auto it = fields.crbegin(); it != fields.crend(); ++it) {
        if (!kAddressFields.contains(it->name))
            continue;
        const QByteArray value = header.mid(it->valueStart, it->valueEnd - it->valueStart);
        if (HeaderDecoder::isSafeAddressField(value))
            continue;
        fallbackAddresses.insert(it->name, flatAddresses(value));
        header.replace(it->valueStart, it->valueEnd - it->valueStart, " \r");
    }
    return fallbackAddresses;
}

} // namespace

MessageHeaders VmimeHeaderReference::decode(const QByteArray &rawHeader)
{
    // Only the fields we store go to VMime: Received, DKIM-Signature, ARC-… make most of a real
    // header and most of VMime's parsing time (measured: half of the header sync).
    static const QList<QByteArray> kKeptFields = {"date",
                                                  "subject",
                                                  "from",
                                                  "to",
                                                  "cc",
                                                  "reply-to",
                                                  "message-id",
                                                  "in-reply-to",
                                                  "references",
                                                  "content-type",
                                                  "disposition-notification-to"};
    const QByteArray limited = rawHeader.left(HeaderDecoder::kMaxHeaderBytes);
    QByteArray header;
    for (const RawField &field : scanFields(limited)) {
        if (!kKeptFields.contains(field.name))
            continue;
        qsizetype start = field.valueStart;
        while (start > 0 && limited.at(start - 1) != '\n')
            --start;
        header += limited.mid(start, field.valueEnd - start) + '\n';
    }
    MessageHeaders result;
    const QHash<QByteArray, QList<MailAddress>> fallbackAddresses = defuseAddressFields(header);

    vmime::header parsed;
    try {
        parsed.parse(header.toStdString());
    } catch (const std::exception &e) {
        (void)e;
        return result;
    }

    const auto guarded = [](const char *what, const auto &step) {
        try {
            step();
        } catch (const std::exception &e) {
            (void)what;
            (void)e;
        }
    };

    guarded("Date", [&] {
        if (auto field = parsed.findField(vmime::fields::DATE))
            result.date = toQDateTime(*field->getValue<vmime::datetime>());
    });
    guarded("Subject", [&] {
        if (auto field = parsed.findField(vmime::fields::SUBJECT))
            result.subject = utf8(*field->getValue<vmime::text>()).simplified();
    });
    guarded("From", [&] {
        if (fallbackAddresses.contains("from")) {
            result.from = fallbackAddresses.value("from").value(0);
        } else if (auto field = parsed.findField(vmime::fields::FROM)) {
            QList<MailAddress> from;
            if (auto mailbox = field->getValue<vmime::mailbox>())
                from.append(fromMailbox(*mailbox));
            else if (auto list = field->getValue<vmime::addressList>())
                appendAddresses(*list, from);
            result.from = from.value(0);
        }
    });
    const auto addressField = [&](const char *name, QList<MailAddress> &out) {
        guarded(name, [&] {
            const QByteArray key = QByteArray(name).toLower();
            if (fallbackAddresses.contains(key)) {
                out = fallbackAddresses.value(key);
            } else if (auto field = parsed.findField(name)) {
                if (auto list = field->getValue<vmime::addressList>())
                    appendAddresses(*list, out);
                else if (auto mailbox = field->getValue<vmime::mailbox>())
                    out.append(fromMailbox(*mailbox));
            }
        });
    };
    addressField(vmime::fields::TO, result.to);
    addressField(vmime::fields::CC, result.cc);
    addressField(vmime::fields::REPLY_TO, result.replyTo);

    guarded("Message-ID", [&] {
        if (auto field = parsed.findField(vmime::fields::MESSAGE_ID))
            result.messageId =
                stripAngles(QString::fromStdString(field->getValue<vmime::messageId>()->getId()));
    });
    const auto idSequence = [&](const char *name) {
        QStringList ids;
        guarded(name, [&] {
            if (auto field = parsed.findField(name)) {
                const auto sequence = field->getValue<vmime::messageIdSequence>();
                for (size_t i = 0; sequence && i < sequence->getMessageIdCount() && i < 500; ++i)
                    ids.append(stripAngles(QString::fromStdString(sequence->getMessageIdAt(i)->getId())));
            }
        });
        return ids;
    };
    result.inReplyTo = idSequence(vmime::fields::IN_REPLY_TO).value(0);
    result.references = idSequence(vmime::fields::REFERENCES);
    guarded("Content-Type", [&] {
        if (auto field = parsed.findField(vmime::fields::CONTENT_TYPE)) {
            const auto type = field->getValue<vmime::mediaType>();
            result.likelyHasAttachments = type && type->getType() == "multipart" &&
                                          (type->getSubType() == "mixed" || type->getSubType() == "related");
        }
    });
    result.requestsReadReceipt = parsed.hasField(vmime::fields::DISPOSITION_NOTIFICATION_TO);
    return result;
}

} // namespace Amiens
