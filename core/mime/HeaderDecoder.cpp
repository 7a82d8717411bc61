#include "HeaderDecoder.h"

#include "AddressListParser.h"
#include "EncodedWordDecoder.h"
#include "MailDateParser.h"
#include "util/Logging.h"

#include <QRegularExpression>
#include <algorithm>
#include <array>
#include <optional>

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

const QList<QByteArray> kAddressFields = {"from",   "to",          "cc",        "bcc",       "reply-to",
                                          "sender", "resent-from", "resent-to", "resent-cc", "resent-bcc"};

/// Addresses of a field too deeply grouped to parse: every "local@domain" token, no names.
QList<MailAddress> flatAddresses(const QByteArray &value)
{
    static const QRegularExpression pattern(u"[^\\s<>,;:\"()\\[\\]]+@[^\\s<>,;:\"()\\[\\]]+"_s);
    QList<MailAddress> result;
    auto matches = pattern.globalMatch(QString::fromLatin1(value.left(64 * 1024)));
    while (matches.hasNext() && result.size() < 1000)
        result.append({QString(), matches.next().captured()});
    return result;
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

bool HeaderDecoder::isSafeAddressField(const QByteArray &value)
{
    int groupMarks = 0;
    for (const char c : value) {
        if (c == ':' && ++groupMarks > kMaxAddressGroupMarks)
            return false;
    }
    return value.size() <= 64 * 1024;
}

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
        qCWarning(lcMime) << "address field" << it->name << "with" << value.count(':')
                          << "group marks decoded without VMime";
        fallbackAddresses.insert(it->name, flatAddresses(value));
        header.replace(it->valueStart, it->valueEnd - it->valueStart, " \r");
    }
    return fallbackAddresses;
}

} // namespace

namespace {

/// The fields decode() reads, in the order of kKeptFields.
enum Field
{
    DateField,
    SubjectField,
    FromField,
    ToField,
    CcField,
    ReplyToField,
    MessageIdField,
    InReplyToField,
    ReferencesField,
    ContentTypeField,
    DispositionNotificationToField,
    FieldCount
};

// Only these fields are decoded: Received, DKIM-Signature, ARC-… make most of a real header.
const std::array<QByteArrayView, FieldCount> kKeptFields = {"date",
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

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}

/// End of the line starting at @p pos (after its CRLF or LF), or the end of @p buffer.
qsizetype endOfLine(QByteArrayView buffer, qsizetype pos)
{
    const qsizetype newline = buffer.indexOf('\n', pos);
    return newline < 0 ? buffer.size() : newline + 1;
}

/// @p name equals @p lowerCase (ASCII) without regard to case.
bool isNamed(QByteArrayView name, QByteArrayView lowerCase)
{
    if (name.size() != lowerCase.size())
        return false;
    for (qsizetype i = 0; i < name.size(); ++i) {
        const char c = name[i];
        if ((c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c) != lowerCase[i])
            return false;
    }
    return true;
}

bool isKept(QByteArrayView name)
{
    return std::any_of(kKeptFields.cbegin(), kKeptFields.cend(),
                       [&](QByteArrayView kept) { return isNamed(name, kept); });
}

/// The lines of the kept fields of @p header, each field with its continuation lines, cut the
/// way scanFields() cuts them (a line with a colon starts a field, a line starting with white
/// space continues the last one), without allocating per field.
QByteArray keptFields(const QByteArray &header)
{
    QByteArray kept;
    kept.reserve(std::min<qsizetype>(header.size(), 4096));
    const QByteArrayView all(header);
    qsizetype fieldStart = -1; // the last field seen: its first line, and where it ends
    qsizetype fieldEnd = -1;
    bool fieldKept = false;
    const auto flush = [&] {
        if (fieldKept) {
            kept += all.sliced(fieldStart, fieldEnd - fieldStart);
            kept += '\n';
        }
    };
    qsizetype pos = 0;
    while (pos < all.size()) {
        qsizetype lineEnd = all.indexOf('\n', pos);
        if (lineEnd < 0)
            lineEnd = all.size();
        const char first = all[pos];
        if (first == ' ' || first == '\t') {
            if (fieldStart >= 0)
                fieldEnd = lineEnd;
        } else {
            const qsizetype colon = all.sliced(pos, lineEnd - pos).indexOf(':');
            if (colon > 0) {
                flush();
                fieldStart = pos;
                fieldEnd = lineEnd;
                fieldKept = isKept(all.sliced(pos, colon).trimmed());
            }
        }
        pos = lineEnd + 1;
    }
    if (fieldStart >= 0)
        flush();
    return kept;
}

/// The first value of each kept field, split the way VMime's header parser split fields
/// (headerField::parseNext): names end at ':' or white space, values are unfolded later, a line
/// without a colon is skipped, an empty or blank line ends the header.
std::array<std::optional<QByteArrayView>, FieldCount> firstFieldValues(QByteArrayView buffer)
{
    std::array<std::optional<QByteArrayView>, FieldCount> values;
    const qsizetype end = buffer.size();
    qsizetype pos = 0;
    while (pos < end) {
        const char c = buffer[pos];
        if (c == '\n' || (c == '\r' && pos + 1 < end && buffer[pos + 1] == '\n'))
            break;
        if (isSpace(c)) {
            // A continuation line without a field: skipped, unless blank, which ends the header.
            while (pos < end && isBlank(buffer[pos]))
                ++pos;
            if (pos < end &&
                (buffer[pos] == '\n' || (buffer[pos] == '\r' && pos + 1 < end && buffer[pos + 1] == '\n')))
                break;
            pos = endOfLine(buffer, pos);
            continue;
        }
        const qsizetype nameStart = pos;
        while (pos < end && buffer[pos] != ':' && !isSpace(buffer[pos]))
            ++pos;
        const qsizetype nameEnd = pos;
        while (pos < end && isBlank(buffer[pos]))
            ++pos;
        if (pos >= end || buffer[pos] != ':') {
            pos = endOfLine(buffer, nameStart);
            continue;
        }
        while (pos < end && buffer[pos] == ':')
            ++pos;
        while (pos < end && isBlank(buffer[pos]))
            ++pos;
        const qsizetype valueStart = pos;
        qsizetype valueEnd = pos;
        // The first line, then every line that starts with white space.
        for (bool firstLine = true; pos < end; firstLine = false) {
            if (!firstLine && !isBlank(buffer[pos]))
                break;
            pos = endOfLine(buffer, pos);
            valueEnd = pos;
        }
        while (valueEnd > valueStart && isSpace(buffer[valueEnd - 1]))
            --valueEnd;
        const QByteArrayView name = buffer.sliced(nameStart, nameEnd - nameStart);
        for (qsizetype i = 0; i < FieldCount; ++i) {
            if (!values[i] && isNamed(name, kKeptFields[i]))
                values[i] = buffer.sliced(valueStart, valueEnd - valueStart);
        }
    }
    return values;
}

/// A Message-ID as VMime's messageId read it: the part in angle brackets (or the whole value
/// when there are none), comments before the bracket skipped, then stripAngles().
QString messageIdText(QByteArrayView buffer)
{
    const qsizetype end = buffer.size();
    qsizetype p = 0;
    unsigned commentLevel = 0; // unsigned like VMime's: a stray ')' disables the bracket search
    bool escape = false;       // never reset, like VMime's
    for (bool stop = false; !stop && p < end; ++p) {
        if (escape)
            continue;
        switch (buffer[p]) {
        case '(':
            ++commentLevel;
            break;
        case ')':
            --commentLevel;
            break;
        case '\\':
            escape = true;
            break;
        case '<':
            stop = commentLevel == 0;
            break;
        default:
            break;
        }
    }
    const bool hasBrackets = p != end;
    if (!hasBrackets) {
        p = 0;
        while (p < end && isSpace(buffer[p]))
            ++p;
    }
    QByteArray id;
    if (p < end) {
        const qsizetype leftStart = p;
        while (p < end && buffer[p] != '@' && buffer[p] != '>')
            ++p;
        id = buffer.sliced(leftStart, p - leftStart).toByteArray();
        if (p < end) {
            const qsizetype rightStart = ++p;
            while (p < end && buffer[p] != '>' && (hasBrackets || !isSpace(buffer[p])))
                ++p;
            if (p > rightStart)
                id += '@' + buffer.sliced(rightStart, p - rightStart).toByteArray();
        }
    }
    return stripAngles(QString::fromUtf8(id));
}

/// In-Reply-To and References: one id per white-space separated token, at most 500.
QStringList messageIds(QByteArrayView buffer)
{
    QStringList ids;
    qsizetype pos = 0;
    while (pos < buffer.size() && ids.size() < 500) {
        while (pos < buffer.size() && isSpace(buffer[pos]))
            ++pos;
        const qsizetype start = pos;
        while (pos < buffer.size() && !isSpace(buffer[pos]))
            ++pos;
        if (pos > start)
            ids.append(messageIdText(buffer.sliced(start, pos - start)));
    }
    return ids;
}

/// multipart/mixed or multipart/related: the media type before any ';' or white space.
bool isMixedOrRelated(QByteArrayView contentType)
{
    qsizetype pos = 0;
    while (pos < contentType.size() && isSpace(contentType[pos]))
        ++pos;
    const qsizetype start = pos;
    while (pos < contentType.size() && contentType[pos] != ';' && !isSpace(contentType[pos]))
        ++pos;
    const QByteArrayView type = contentType.sliced(start, pos - start);
    const qsizetype slash = type.indexOf('/');
    if (slash < 0 || type.first(slash).compare("multipart", Qt::CaseInsensitive) != 0)
        return false;
    const QByteArrayView subType = type.sliced(slash + 1);
    return subType.compare("mixed", Qt::CaseInsensitive) == 0 ||
           subType.compare("related", Qt::CaseInsensitive) == 0;
}

} // namespace

MessageHeaders HeaderDecoder::decode(const QByteArray &rawHeader)
{
    // The kept fields are copied out first, as before: the field splitting below must see the
    // same bytes VMime saw, and the unsafe address fields are blanked in the copy.
    QByteArray header = keptFields(rawHeader.left(kMaxHeaderBytes));
    MessageHeaders result;
    // No address field can be unsafe when the whole copy is short and has few colons.
    QHash<QByteArray, QList<MailAddress>> fallbackAddresses;
    if (header.count(':') > kMaxAddressGroupMarks || header.size() > 64 * 1024)
        fallbackAddresses = defuseAddressFields(header);
    const auto values = firstFieldValues(header);

    if (values[DateField])
        result.date = MailDateParser::parse(*values[DateField]);
    if (values[SubjectField]) {
        result.subject = EncodedWordDecoder::decode(*values[SubjectField]).simplified();
        // A subject is a line (RFC 5322 advises 78 characters); one of 200,000 characters only
        // makes the list, the view's header and the window title slow to lay out.
        if (result.subject.size() > kMaxSubjectChars)
            result.subject = result.subject.left(kMaxSubjectChars - 1) + u'…';
    }
    if (fallbackAddresses.contains("from"))
        result.from = fallbackAddresses.value("from").value(0);
    else if (values[FromField])
        result.from = AddressListParser::parseMailboxField(*values[FromField]).value(0);
    const auto addressList = [&](Field field, const QByteArray &name, QList<MailAddress> &out) {
        if (fallbackAddresses.contains(name))
            out = fallbackAddresses.value(name);
        else if (values[field])
            out = field == ReplyToField ? AddressListParser::parseMailboxField(*values[field])
                                        : AddressListParser::parseList(*values[field]);
    };
    addressList(ToField, "to", result.to);
    addressList(CcField, "cc", result.cc);
    addressList(ReplyToField, "reply-to", result.replyTo);
    if (values[MessageIdField])
        result.messageId = messageIdText(*values[MessageIdField]);
    if (values[InReplyToField])
        result.inReplyTo = messageIds(*values[InReplyToField]).value(0);
    if (values[ReferencesField])
        result.references = messageIds(*values[ReferencesField]);
    if (values[ContentTypeField])
        result.likelyHasAttachments = isMixedOrRelated(*values[ContentTypeField]);
    result.requestsReadReceipt = values[DispositionNotificationToField].has_value();
    return result;
}

} // namespace Amiens
