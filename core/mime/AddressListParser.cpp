#include "AddressListParser.h"

#include "EncodedWordDecoder.h"

#include <QByteArray>
#include <algorithm>
#include <limits>
#include <optional>
#include <string>

// The splitting and reading rules are VMime 0.9.2's (address::parseNext, mailbox::parseImpl,
// mailboxGroup::parseImpl, emailAddress::parseImpl and toString), on purpose: the cache, the
// message list and the phishing checks saw VMime's results for years. Where VMime was wrong, this
// parser deliberately differs (tst_headerdecoder lists each case):
// - an address without a domain stays as written; VMime appended "@" and the machine's host name
//   (or "[127.0.0.1]" once VmimePlatform is installed);
// - a local part with 8-bit bytes, a line break, "=?" or "?=" stays as written (UTF-8); VMime
//   turned it into an RFC 2047 encoded word, which is not an address;
// - an RFC 2047 encoded local part is shown decoded; VMime decoded it, then re-encoded it unless
//   the result was plain ASCII;
// - an obsolete route (<@relay:user@domain>) is dropped; VMime kept it in the local part, quoted;
// - From and Reply-To holding several addresses or a group (RFC 5322 §3.6.2) are read as lists
//   (From is the first mailbox, Reply-To all of them); VMime read the whole field as one mailbox, so that
//   "a@x.fr, b@x.fr" gave "a@x.fr," and a group gave its name as the address;
// - "xn--" labels of a domain are kept as written; VMime decoded and re-encoded them, which
//   emptied labels that were not valid Punycode.

namespace Amiens {

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

enum class AddressKind
{
    Mailbox,
    Group
};

struct AddressSpan
{
    AddressKind kind;
    qsizetype start;
    qsizetype end;
};

/// The extent of the next address of a list in [position, end): up to a ',' outside quotes,
/// comments, angle brackets and encoded words, or for a group ("name: a, b;") up to its ';'.
std::optional<AddressSpan> nextAddress(QByteArrayView buffer, qsizetype position, qsizetype end,
                                       qsizetype *newPosition, bool *isLastOfGroup)
{
    bool escaped = false;
    bool quoted = false;
    bool inEncodedWord = false;
    bool inAngles = false;
    bool isGroup = false;
    bool stop = false;
    int commentLevel = 0;
    if (isLastOfGroup)
        *isLastOfGroup = false;

    qsizetype pos = position;
    while (pos < end && isSpace(buffer[pos]))
        ++pos;
    const qsizetype start = pos;

    while (!stop && pos < end) {
        if (escaped) {
            escaped = false;
        } else {
            switch (buffer[pos]) {
            case '\\':
                escaped = true;
                break;
            case '"':
                quoted = !quoted;
                break;
            case '<':
                inAngles = true;
                break;
            case '>':
                inAngles = false;
                break;
            case '(':
                ++commentLevel;
                break;
            case ')':
                if (commentLevel > 0)
                    --commentLevel;
                break;
            case '=':
                if (commentLevel == 0 && !quoted && !inEncodedWord && pos + 1 < end &&
                    buffer[pos + 1] == '?') {
                    ++pos;
                    inEncodedWord = true;
                }
                break;
            case '?':
                if (commentLevel == 0 && inEncodedWord && pos + 1 < end && buffer[pos + 1] == '=') {
                    ++pos;
                    inEncodedWord = false;
                }
                break;
            case ';':
                if (commentLevel == 0 && !quoted && !inEncodedWord && !inAngles) {
                    if (isGroup && pos + 1 < end && buffer[pos + 1] == ',')
                        ++pos;
                    if (isLastOfGroup)
                        *isLastOfGroup = true;
                    stop = true;
                }
                break;
            case ':':
                if (commentLevel == 0 && !quoted && !inEncodedWord && !inAngles)
                    isGroup = true;
                break;
            case ',':
                if (commentLevel == 0 && !quoted && !inEncodedWord && !inAngles && !isGroup)
                    stop = true;
                break;
            default:
                break;
            }
        }
        if (!stop)
            ++pos;
    }
    *newPosition = pos == end ? end : pos + 1;
    if (pos == start)
        return std::nullopt;
    return AddressSpan{isGroup ? AddressKind::Group : AddressKind::Mailbox, start, pos};
}

/// An addr-spec as VMime's emailAddress read it (comments dropped, quoted local part unquoted).
struct AddrSpec
{
    bool valid = false;
    QByteArray localPart;
    QByteArray domain;
    bool atFound = false;
    bool localPartIsEncodedWord = false;
};

AddrSpec readAddrSpec(QByteArrayView buffer)
{
    // The usual "local@domain", read as the state machine below would, without it.
    const qsizetype at = buffer.indexOf('@');
    if (at > 0 && at < buffer.size() - 1 && buffer.size() <= 200 && buffer.indexOf('@', at + 1) < 0 &&
        std::none_of(buffer.begin(), buffer.end(),
                     [](char c) { return isSpace(c) || c == '"' || c == '(' || c == '=' || c == '\\'; })) {
        return {true, buffer.first(at).toByteArray(), buffer.sliced(at + 1).toByteArray(), true, false};
    }

    enum State
    {
        Before,
        LocalPartStart,
        LocalPartMiddle,
        LocalPartComment,
        LocalPartQuoted,
        LocalPartEncodedStart,
        LocalPartEncodedMiddle,
        LocalPartEncodedQuestionMark,
        LocalPartEncodedEnd,
        DomainStart,
        DomainMiddle,
        DomainComment,
        End,
        Error
    } state = Before;

    AddrSpec spec;
    bool escapeNext = false;
    bool prevIsDot = false;
    int commentLevel = 0;
    qsizetype p = 0;
    const qsizetype end = buffer.size();
    bool stop = false;

    while (p < end && !stop) {
        const char c = buffer[p];
        if (spec.localPart.size() + spec.domain.size() >= 256) {
            state = Error;
            break;
        }
        switch (state) {
        case Before:
            if (isSpace(c))
                ++p;
            else
                state = LocalPartStart;
            // VMime falls through here even after skipping a space, which keeps that space.
            [[fallthrough]];
        case LocalPartStart:
            if (c == '"') {
                state = LocalPartQuoted;
            } else if (c == '=') {
                state = LocalPartEncodedStart;
            } else if (c == '(') {
                state = LocalPartComment;
                ++commentLevel;
            } else {
                state = LocalPartMiddle;
                spec.localPart += c;
            }
            ++p;
            break;
        case LocalPartComment:
        case DomainComment:
            if (escapeNext) {
                escapeNext = false;
            } else if (c == '\\') {
                escapeNext = true;
            } else if (c == '(') {
                ++commentLevel;
            } else if (c == ')') {
                if (--commentLevel == 0)
                    state = state == LocalPartComment ? LocalPartMiddle : DomainMiddle;
            }
            ++p;
            break;
        case LocalPartQuoted:
            if (escapeNext) {
                escapeNext = false;
                if (c == '"' || c == '\\') {
                    spec.localPart += c;
                    ++p;
                } else {
                    state = Error; // this character cannot be escaped
                }
            } else {
                if (c == '"')
                    state = LocalPartMiddle;
                else if (c == '\\')
                    escapeNext = true;
                else
                    spec.localPart += c;
                ++p;
            }
            break;
        case LocalPartEncodedStart:
            if (c == '?') {
                state = LocalPartEncodedMiddle;
                spec.localPart += "=?";
                spec.localPartIsEncodedWord = true;
            } else {
                state = LocalPartMiddle;
                spec.localPart += '=';
                spec.localPart += c;
            }
            ++p;
            break;
        case LocalPartMiddle:
            if (c == '.') {
                prevIsDot = true;
                spec.localPart += c;
                ++p;
            } else if (c == '"' && prevIsDot) {
                prevIsDot = false;
                state = LocalPartQuoted;
                ++p;
            } else if (c == '(') {
                state = LocalPartComment;
                ++commentLevel;
                ++p;
            } else if (c == '@') {
                spec.atFound = true;
                state = DomainStart;
                ++p;
            } else if (isSpace(c)) {
                state = End; // no domain
            } else {
                prevIsDot = false;
                spec.localPart += c;
                ++p;
            }
            break;
        case LocalPartEncodedMiddle:
            if (c == '?')
                state = LocalPartEncodedQuestionMark;
            else
                spec.localPart += c;
            ++p;
            break;
        case LocalPartEncodedQuestionMark:
            if (c == '=') {
                state = LocalPartEncodedEnd;
                spec.localPart += "?=";
            } else {
                state = LocalPartEncodedMiddle;
                spec.localPart += '?';
                spec.localPart += c;
            }
            ++p;
            break;
        case LocalPartEncodedEnd:
            if (c == '@') {
                spec.atFound = true;
                state = DomainStart;
                ++p;
            } else {
                state = End;
            }
            break;
        case DomainStart:
            if (c == '(') {
                state = DomainComment;
                ++commentLevel;
            } else {
                state = DomainMiddle;
                spec.domain += c;
            }
            ++p;
            break;
        case DomainMiddle:
            if (isSpace(c)) {
                state = End;
            } else if (c == '(') {
                state = DomainComment;
                ++commentLevel;
                ++p;
            } else {
                spec.domain += c;
                ++p;
            }
            break;
        case End:
        case Error:
            stop = true;
            break;
        }
    }
    if (p == end && (state == DomainMiddle || state == LocalPartMiddle))
        state = End;
    spec.valid = state == End;
    return spec;
}

/// RFC 3492 Punycode of one domain label, without the "xn--" prefix.
QByteArray punycode(const QList<uint> &input)
{
    constexpr uint base = 36, tMin = 1, tMax = 26, skew = 38, damp = 700;
    const auto digit = [](uint d) {
        return char(d < 26 ? 'a' + d : '0' + (d - 26));
    };
    const auto adapt = [&](uint delta, uint points, bool first) {
        delta = first ? delta / damp : delta / 2;
        delta += delta / points;
        uint k = 0;
        while (delta > ((base - tMin) * tMax) / 2) {
            delta /= base - tMin;
            k += base;
        }
        return k + (base - tMin + 1) * delta / (delta + skew);
    };
    QByteArray output;
    for (const uint c : input) {
        if (c < 0x80)
            output += char(c);
    }
    const uint basicCount = uint(output.size());
    uint handled = basicCount;
    if (basicCount > 0)
        output += '-';
    uint n = 0x80, delta = 0, bias = 72;
    while (handled < uint(input.size())) {
        uint m = 0xffffffffu;
        for (const uint c : input) {
            if (c >= n && c < m)
                m = c;
        }
        if (m - n > (0xffffffffu - delta) / (handled + 1))
            return {}; // overflow: no encoding
        delta += (m - n) * (handled + 1);
        n = m;
        for (const uint c : input) {
            if (c < n)
                ++delta;
            if (c == n) {
                uint q = delta;
                for (uint k = base;; k += base) {
                    const uint t = k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias);
                    if (q < t)
                        break;
                    output += digit(t + (q - t) % (base - t));
                    q = (q - t) / (base - t);
                }
                output += digit(q);
                bias = adapt(delta, handled + 1, handled == basicCount);
                delta = 0;
                ++handled;
            }
        }
        ++delta;
        ++n;
    }
    return output;
}

bool isSevenBit(QByteArrayView bytes)
{
    return std::none_of(bytes.begin(), bytes.end(), [](char c) { return c & 0x80; });
}

/// VMime's is7bit(), which also counts a '=' before '?' or at the end as 8-bit.
bool isVmimeSevenBit(QByteArrayView bytes)
{
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        if ((bytes[i] & 0x80) || (bytes[i] == '=' && (i + 1 == bytes.size() || bytes[i + 1] == '?')))
            return false;
    }
    return true;
}

/// The code points of UTF-8 @p bytes read without validation, as VMime's utf8::unchecked::next
/// read them: invalid bytes become code points of their own instead of U+FFFD.
QList<uint> codePoints(QByteArrayView bytes)
{
    QList<uint> result;
    const auto byte = [&](qsizetype i) {
        return i < bytes.size() ? uint(uchar(bytes[i])) : 0u;
    };
    for (qsizetype i = 0; i < bytes.size();) {
        const uint lead = byte(i);
        uint cp = lead;
        if ((lead >> 5) == 0x6) {
            cp = ((lead << 6) & 0x7ff) + (byte(i + 1) & 0x3f);
            i += 2;
        } else if ((lead >> 4) == 0xe) {
            cp = ((lead << 12) & 0xffff) + ((byte(i + 1) << 6) & 0xfff) + (byte(i + 2) & 0x3f);
            i += 3;
        } else if ((lead >> 3) == 0x1e) {
            cp = ((lead << 18) & 0x1fffff) + ((byte(i + 1) << 12) & 0x3ffff) + ((byte(i + 2) << 6) & 0xfff) +
                 (byte(i + 3) & 0x3f);
            i += 4;
        } else {
            i += 1;
        }
        result.append(cp);
    }
    return result;
}

/// Non-ASCII labels as Punycode, as VMime wrote domains.
QByteArray domainToAscii(QByteArrayView domain)
{
    QByteArray result;
    qsizetype start = 0;
    while (start <= domain.size()) {
        qsizetype dot = domain.indexOf('.', start);
        if (dot < 0)
            dot = domain.size();
        const QByteArrayView label = domain.sliced(start, dot - start);
        if (isVmimeSevenBit(label)) {
            result += label;
        } else {
            const QByteArray encoded = punycode(codePoints(label));
            // VMime's encoder had room for twice the label's bytes and wrote nothing beyond.
            if (!encoded.isEmpty() && encoded.size() <= 2 * label.size())
                result += "xn--" + encoded;
        }
        if (dot == domain.size())
            break;
        result += '.';
        start = dot + 1;
    }
    return result;
}

/// Quotes a local part holding specials, as VMime's word generator did.
QByteArray quotedIfNeeded(const QByteArray &localPart)
{
    static constexpr QByteArrayView kSpecials = " \t\"(),:;<>@[\\]";
    if (std::none_of(localPart.begin(), localPart.end(), [](char c) { return kSpecials.contains(c); }))
        return localPart;
    QByteArray quoted = "\"";
    for (const char c : localPart) {
        if (c == '\\' || c == '"')
            quoted += '\\';
        quoted += c;
    }
    return quoted + '"';
}

bool wouldBeEncodedByVmime(const QByteArray &localPart)
{
    return !isSevenBit(localPart) || localPart.contains('\r') || localPart.contains('\n') ||
           localPart.contains("=?") || localPart.contains("?=");
}

QString localPartText(const AddrSpec &spec)
{
    if (spec.localPartIsEncodedWord) {
        const QString decoded = EncodedWordDecoder::decode(spec.localPart);
        const QByteArray charset = spec.localPart.mid(2, spec.localPart.indexOf('?', 2) - 2).toLower();
        const QByteArray bytes = decoded.toUtf8();
        const bool reencoded = wouldBeEncodedByVmime(bytes) || charset.contains('*') ||
                               charset.contains("iso-8859") || charset.contains("iso8859") ||
                               charset.contains("iso-2022") || charset.contains("iso2022");
        return reencoded ? decoded : QString::fromUtf8(quotedIfNeeded(bytes));
    }
    if (wouldBeEncodedByVmime(spec.localPart))
        return QString::fromUtf8(spec.localPart);
    return QString::fromUtf8(quotedIfNeeded(spec.localPart));
}

/// The address as VMime's emailAddress::toString wrote it, trimmed.
QString addressText(QByteArrayView buffer)
{
    const AddrSpec spec = readAddrSpec(buffer);
    if (!spec.valid)
        return QStringLiteral("invalid@invalid");
    const QString local = localPartText(spec);
    if (spec.domain.isEmpty() && !spec.atFound)
        return local.trimmed();
    const QString address = local + QLatin1Char('@') + QString::fromUtf8(domainToAscii(spec.domain));
    return address.trimmed();
}

void appendComment(char c, int &comment, bool &escaped)
{
    if (c == '\\')
        escaped = true;
    else if (c == '(')
        ++comment;
    else if (c == ')')
        --comment;
}

bool keepAll(char)
{
    return true;
}

/// Copies characters from @p p into @p out until @p stop accepts one (left at @p p) or the end:
/// a backslash takes the next character as it is, "(…)" comments (nested) are dropped, and so are
/// the characters @p keep refuses.
template <typename Stop, typename Keep>
void readPhrase(QByteArrayView buffer, qsizetype &p, qsizetype end, std::string &out, Stop stop, Keep keep)
{
    bool escaped = false;
    int comment = 0;
    while (p < end) {
        const char c = buffer[p];
        if (escaped) {
            if (!comment)
                out += c;
            escaped = false;
        } else if (comment) {
            appendComment(c, comment, escaped);
        } else if (c == '\\') {
            escaped = true;
        } else if (c == '(') {
            ++comment;
        } else if (stop(c)) {
            return;
        } else if (keep(c)) {
            out += c;
        }
        ++p;
    }
}

/// One mailbox in [position, end): "Name <addr>", "addr", "\"Name\" <addr>", "addr (comment)".
MailAddress readMailbox(QByteArrayView buffer, qsizetype position, qsizetype end)
{
    enum State
    {
        None,
        Name,
        Address
    } state = Name;
    std::string name; // std::string: a character at a time, inline
    std::string address;
    bool hadBrackets = false;
    qsizetype p = position;
    while (p < end && isSpace(buffer[p]))
        ++p;
    name.reserve(end - p);
    address.reserve(end - p);

    while (p < end) {
        if (state == Name) {
            if (buffer[p] == '<') {
                state = Address;
                continue;
            }
            if (buffer[p] == '"') {
                ++p;
                bool escaped = false;
                while (p < end) {
                    const char c = buffer[p];
                    if (escaped) {
                        name += c;
                        escaped = false;
                    } else if (c == '\\') {
                        escaped = true;
                    } else if (c == '"') {
                        ++p;
                        break;
                    } else {
                        name += c;
                    }
                    ++p;
                }
            } else {
                readPhrase(
                    buffer, p, end, name, [](char c) { return c == '<' || c == '@'; }, keepAll);
                if (p < end && buffer[p] == '<') {
                    while (!name.empty() && isSpace(name.back()))
                        name.pop_back();
                }
            }
            if (p < end && buffer[p] == '@') {
                // What looked like a name was the local part of a bare address.
                address = name;
                name.clear();
                readPhrase(buffer, p, end, address, isSpace, keepAll);
                break;
            }
            while (p < end && isSpace(buffer[p]))
                ++p;
            state = None;
        } else if (state == Address) {
            if (buffer[p] == '<')
                ++p;
            for (;;) {
                readPhrase(
                    buffer, p, end, address, [](char c) { return c == '<' || c == '>'; },
                    [](char c) { return !isSpace(c); });
                if (p < end && buffer[p] == '<') {
                    // The address starts only here: what came before belongs to the name.
                    name += address;
                    address.clear();
                    ++p;
                    continue;
                }
                hadBrackets = p < end; // stopped at '>'
                break;
            }
            // An obsolete route (<@relay1,@relay2:user@domain>) only says how to get there.
            const std::string::size_type routeEnd = address.find(':');
            if (!address.empty() && address.front() == '@' && routeEnd != std::string::npos)
                address.erase(0, routeEnd + 1);
            break;
        } else {
            while (p < end && isSpace(buffer[p]))
                ++p;
            if (p < end)
                state = Address;
        }
    }

    // A lone word is an address, not a name.
    const auto view = [](const std::string &bytes) {
        return QByteArrayView(bytes.data(), qsizetype(bytes.size()));
    };
    if (address.empty() && !name.empty() && !hadBrackets)
        return {QString(), addressText(view(name))};
    return {EncodedWordDecoder::decode(view(name)).trimmed(), addressText(view(address))};
}

/// The mailboxes of the group spanning [start, end), members of nested groups in place. VMime
/// recursed once per nesting level; a nested group always ends its parent, so a loop does.
void appendGroupMembers(QByteArrayView buffer, qsizetype start, qsizetype end, QList<MailAddress> &out,
                        qsizetype limit)
{
    for (;;) {
        qsizetype p = start;
        while (p < end && isSpace(buffer[p]))
            ++p;
        while (p < end && buffer[p] != ':')
            ++p;
        if (p < end)
            ++p;
        qsizetype pos = p;
        bool last = false;
        std::optional<AddressSpan> nested;
        while (pos < end && !last && out.size() < limit) {
            const std::optional<AddressSpan> span = nextAddress(buffer, pos, end, &pos, &last);
            if (!span)
                continue;
            if (span->kind == AddressKind::Group) {
                nested = span;
                break;
            }
            out.append(readMailbox(buffer, span->start, span->end));
        }
        if (!nested)
            return;
        start = nested->start;
        end = nested->end;
    }
}

/// The first @p limit mailboxes of an address list.
QList<MailAddress> mailboxes(QByteArrayView value, qsizetype limit)
{
    QList<MailAddress> result;
    qsizetype pos = 0;
    while (pos < value.size() && result.size() < limit) {
        const std::optional<AddressSpan> span = nextAddress(value, pos, value.size(), &pos, nullptr);
        if (!span)
            continue;
        if (span->kind == AddressKind::Group)
            appendGroupMembers(value, span->start, span->end, result, limit);
        else
            result.append(readMailbox(value, span->start, span->end));
    }
    return result;
}

} // namespace

QList<MailAddress> AddressListParser::parseList(QByteArrayView value)
{
    return mailboxes(value, std::numeric_limits<qsizetype>::max());
}

QList<MailAddress> AddressListParser::parseMailboxField(QByteArrayView value)
{
    // A list when the first address is a whole one followed by a comma, or a group closed by ';'
    // whose name is a name. Anything else ("Dupont, Marie <m@x.fr>" unquoted, a lost line break
    // before "Content-Type:") is one mailbox, as VMime read it.
    qsizetype next = 0;
    bool groupClosed = false;
    const std::optional<AddressSpan> first = nextAddress(value, 0, value.size(), &next, &groupClosed);
    bool several = false;
    if (first && first->kind == AddressKind::Group) {
        const QByteArrayView span = value.sliced(first->start, first->end - first->start);
        const QByteArrayView groupName = span.first(std::max<qsizetype>(span.indexOf(':'), 0));
        several = groupClosed && !groupName.contains('@') && !groupName.contains('<');
    } else if (first) {
        several = first->end < value.size() && value[first->end] == ',' &&
                  value.sliced(first->start, first->end - first->start).contains('@');
    }
    if (several)
        return parseList(value);
    // One mailbox: read as VMime did, so that a stray ':' or ';' in a name stays in the name.
    return {readMailbox(value, 0, value.size())};
}

QList<MailAddress> AddressListParser::parseTyped(QStringView text)
{
    QString list;
    list.reserve(text.size());
    bool quoted = false;
    int angles = 0;
    for (const QChar c : text) {
        if (c == u'"')
            quoted = !quoted;
        else if (!quoted && c == u'<')
            ++angles;
        else if (!quoted && c == u'>' && angles > 0)
            --angles;
        // Outside quotes and angles a semicolon ends an address, as in Outlook; it never closes
        // a group here (nobody types groups in the composer).
        list += (!quoted && angles == 0 && c == u';') ? QChar(u',') : c;
    }
    QList<MailAddress> result;
    for (MailAddress &address : parseList(list.toUtf8())) {
        if (!address.address.trimmed().isEmpty() || !address.name.trimmed().isEmpty())
            result.append(std::move(address));
    }
    return result;
}

} // namespace Amiens
