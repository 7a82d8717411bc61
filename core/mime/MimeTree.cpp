#include "MimeTree.h"

#include "MimeLimits.h"

#include <cstring>

namespace Amiens {

namespace {

bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}

/// A line of the message: [start, end) without its line break; next is where the next one starts.
struct Line
{
    qsizetype start = 0;
    qsizetype end = 0;
    qsizetype next = 0;
};

Line lineAt(QByteArrayView raw, qsizetype position)
{
    const char *data = raw.data();
    const void *newline = std::memchr(data + position, '\n', static_cast<size_t>(raw.size() - position));
    Line line;
    line.start = position;
    if (!newline) {
        line.end = raw.size();
        line.next = raw.size();
    } else {
        line.next = static_cast<const char *>(newline) - data + 1;
        line.end = line.next - 1;
    }
    if (line.end > line.start && data[line.end - 1] == '\r')
        --line.end;
    return line;
}

/// The start of the next line after @p position that begins with "--", or -1. memchr for '-'
/// (base64 has none) instead of a substring search, which Qt does byte by byte for short needles.
qsizetype nextLineStartingWithDashes(QByteArrayView raw, qsizetype position)
{
    const char *data = raw.data();
    const char *const end = data + raw.size();
    const char *at = data + position;
    while (at < end) {
        const void *dash = std::memchr(at, '-', static_cast<size_t>(end - at));
        if (!dash)
            return -1;
        const char *found = static_cast<const char *>(dash);
        if (found > data && found[-1] == '\n' && found + 1 < end && found[1] == '-')
            return found - data;
        at = found + 1;
    }
    return -1;
}

/// Where a part's body ends when the line at @p lineStart is a delimiter: the line break before
/// the delimiter belongs to the delimiter (RFC 2046 §5.1.1).
qsizetype endBeforeDelimiter(QByteArrayView raw, qsizetype lineStart, qsizetype bodyStart)
{
    qsizetype end = lineStart;
    if (end > bodyStart && raw[end - 1] == '\n')
        --end;
    if (end > bodyStart && raw[end - 1] == '\r')
        --end;
    return std::max(end, bodyStart);
}

/// An open part: a multipart with its boundary still looked for, an embedded message, or a leaf.
struct OpenPart
{
    int index = 0;
    QByteArray boundary; ///< empty for a part that is not a multipart being read
    bool closed = false; ///< its close delimiter was seen: what follows is its epilogue
};

class Scanner
{
public:
    explicit Scanner(QByteArrayView raw)
        : m_raw(raw)
    {
    }

    void run();

    QList<MimePart> parts;
    bool limitReached = false;

private:
    enum class DelimiterKind
    {
        None,
        Next,
        Close
    };

    /// Reads the header block at @p position into a new part under @p parent; returns where its
    /// body starts. A delimiter of an open boundary ends a broken header early.
    qsizetype readHeader(MimePart &part, qsizetype position);
    void keepField(MimePart &part, QByteArrayView name, const QByteArray &value);
    /// Opens the part whose header starts at @p position (a child of @p parent), then the
    /// embedded messages and multiparts it starts with; returns where scanning goes on.
    qsizetype openPart(int parent, qsizetype position);
    /// Which open boundary the line is a delimiter of (its index in m_open), or -1.
    int delimiterOf(const Line &line, DelimiterKind &kind) const;
    void closeAbove(int openIndex, qsizetype lineStart);

    QByteArrayView m_raw;
    QList<OpenPart> m_open;
};

void Scanner::keepField(MimePart &part, QByteArrayView name, const QByteArray &value)
{
    if (name.compare("content-type", Qt::CaseInsensitive) == 0 && part.contentType.token().isEmpty()) {
        part.contentType = ContentField::parse(value);
    } else if (name.compare("content-disposition", Qt::CaseInsensitive) == 0 &&
               part.disposition.token().isEmpty()) {
        part.disposition = ContentField::parse(value);
    } else if (name.compare("content-transfer-encoding", Qt::CaseInsensitive) == 0) {
        part.transferEncoding = value.trimmed().toLower().left(64);
    } else if (name.compare("content-id", Qt::CaseInsensitive) == 0) {
        QByteArray id = value.trimmed().left(1024);
        if (id.startsWith('<') && id.endsWith('>'))
            id = id.mid(1, id.size() - 2);
        part.contentId = id.trimmed();
    }
    if (part.contentType.limitReached() || part.disposition.limitReached())
        limitReached = true;
}

qsizetype Scanner::readHeader(MimePart &part, qsizetype position)
{
    part.headerStart = position;
    QByteArray fieldName;
    QByteArray fieldValue;
    bool collecting = false;
    const auto flush = [&] {
        if (collecting)
            keepField(part, fieldName, fieldValue);
        collecting = false;
        fieldValue.clear();
    };
    bool first = true;
    while (position < m_raw.size()) {
        const Line line = lineAt(m_raw, position);
        if (line.end == line.start) { // the empty line that ends the header
            flush();
            part.headerEnd = line.start;
            return line.next;
        }
        DelimiterKind kind = DelimiterKind::None;
        if (!m_open.isEmpty() && delimiterOf(line, kind) >= 0) {
            flush();
            part.headerEnd = line.start;
            return line.start; // a part with no body; the delimiter is read by the caller
        }
        const QByteArrayView text = m_raw.sliced(line.start, line.end - line.start);
        if (first && !isBlank(text[0])) {
            // A part that starts with text instead of a field (no header at all): body from here.
            const qsizetype colon = text.indexOf(':');
            const qsizetype space = text.indexOf(' ');
            if (colon <= 0 || (space >= 0 && space < colon)) {
                part.headerEnd = line.start;
                return line.start;
            }
        }
        first = false;
        const bool withinLimit = line.start - part.headerStart < MimeLimits::kMaxHeaderBytes;
        if (!withinLimit)
            limitReached = true;
        if (isBlank(text[0])) {
            if (collecting && fieldValue.size() < MimeLimits::kMaxFieldBytes)
                fieldValue.append(' ').append(text.trimmed().first(
                    std::min(text.trimmed().size(), MimeLimits::kMaxFieldBytes - fieldValue.size())));
        } else {
            flush();
            const qsizetype colon = text.indexOf(':');
            // Only the Content-* fields say what the part is; the others are read elsewhere.
            if (withinLimit && colon > 8 && text.first(8).compare("content-", Qt::CaseInsensitive) == 0) {
                fieldName = text.first(colon).trimmed().toByteArray();
                const QByteArrayView value = text.sliced(colon + 1);
                fieldValue = value.first(std::min(value.size(), MimeLimits::kMaxFieldBytes)).toByteArray();
                collecting = true;
            }
        }
        position = line.next;
    }
    flush();
    part.headerEnd = m_raw.size();
    return m_raw.size();
}

int Scanner::delimiterOf(const Line &line, DelimiterKind &kind) const
{
    const qsizetype length = line.end - line.start;
    if (length < 3 || m_raw[line.start] != '-' || m_raw[line.start + 1] != '-')
        return -1;
    const QByteArrayView text = m_raw.sliced(line.start + 2, length - 2);
    for (int i = static_cast<int>(m_open.size()) - 1; i >= 0; --i) {
        const OpenPart &open = m_open.at(i);
        if (open.boundary.isEmpty() || open.closed || !text.startsWith(open.boundary))
            continue;
        QByteArrayView rest = text.sliced(open.boundary.size());
        if (rest.startsWith("--")) {
            kind = DelimiterKind::Close;
            return i;
        }
        // Transport padding may follow a delimiter; anything else means another boundary.
        if (std::all_of(rest.cbegin(), rest.cend(), isBlank)) {
            kind = DelimiterKind::Next;
            return i;
        }
    }
    return -1;
}

void Scanner::closeAbove(int openIndex, qsizetype lineStart)
{
    while (m_open.size() > openIndex + 1) {
        MimePart &part = parts[m_open.last().index];
        part.bodyEnd = endBeforeDelimiter(m_raw, lineStart, part.bodyStart);
        m_open.removeLast();
    }
}

qsizetype Scanner::openPart(int parent, qsizetype position)
{
    for (;;) {
        if (parts.size() >= MimeLimits::kMaxParts) {
            limitReached = true;
            return -1;
        }
        MimePart part;
        part.parent = parent;
        part.depth = parent < 0 ? 0 : parts.at(parent).depth + 1;
        part.bodyStart = readHeader(part, position);
        part.bodyEnd = m_raw.size();
        if (part.contentType.token().isEmpty() || !part.contentType.token().contains('/')) {
            const bool inDigest = parent >= 0 && parts.at(parent).contentType.token() == "multipart/digest";
            part.contentType = ContentField::parse(inDigest ? "message/rfc822" : "text/plain");
        }
        const int index = static_cast<int>(parts.size());
        if (parent >= 0)
            parts[parent].children.append(index);
        const bool container = part.isMultipart() || part.isEmbeddedMessage();
        const bool tooDeep = container && part.depth >= MimeLimits::kMaxDepth;
        if (tooDeep) {
            part.opaque = true;
            limitReached = true;
        }
        const QByteArray boundary = part.isMultipart() && !tooDeep
                                        ? part.contentType.rawParameter("boundary").left(200)
                                        : QByteArray();
        // An embedded message sent base64 or quoted-printable is kept whole, as an attachment:
        // decoding it to parse it again is how decompression-style bombs nest.
        const bool readableMessage = part.isEmbeddedMessage() && !tooDeep &&
                                     (part.transferEncoding.isEmpty() || part.transferEncoding == "7bit" ||
                                      part.transferEncoding == "8bit" || part.transferEncoding == "binary");
        const qsizetype bodyStart = part.bodyStart;
        parts.append(std::move(part));
        m_open.append({index, boundary, false});
        if (readableMessage && bodyStart < m_raw.size()) {
            parent = index;
            position = bodyStart;
            continue;
        }
        return bodyStart;
    }
}

void Scanner::run()
{
    // A message saved from an mbox file may start with its "From " separator line.
    qsizetype start = 0;
    if (m_raw.startsWith("From "))
        start = lineAt(m_raw, 0).next;
    qsizetype position = openPart(-1, start);
    while (position >= 0 && position < m_raw.size()) {
        // Only a line that starts with "--" can be a delimiter: the lines of a long body are
        // skipped in one search instead of one by one.
        if (!m_raw.sliced(position).startsWith("--")) {
            const qsizetype next = nextLineStartingWithDashes(m_raw, position);
            if (next < 0)
                break;
            position = next;
        }
        const Line line = lineAt(m_raw, position);
        DelimiterKind kind = DelimiterKind::None;
        const int openIndex = delimiterOf(line, kind);
        if (openIndex < 0) {
            position = line.next;
            continue;
        }
        closeAbove(openIndex, line.start);
        if (kind == DelimiterKind::Close) {
            m_open[openIndex].closed = true;
            position = line.next;
            continue;
        }
        position = openPart(m_open.at(openIndex).index, line.next);
    }
}

} // namespace

MimeTree MimeTree::parse(QByteArrayView rawMessage)
{
    Scanner scanner(rawMessage);
    scanner.run();
    MimeTree tree;
    tree.m_parts = std::move(scanner.parts);
    tree.m_limitReached = scanner.limitReached;
    return tree;
}

QByteArrayView MimeTree::bodyOf(QByteArrayView rawMessage, const MimePart &part)
{
    const qsizetype start = std::min(part.bodyStart, rawMessage.size());
    const qsizetype end = std::clamp(part.bodyEnd, start, rawMessage.size());
    return rawMessage.sliced(start, end - start);
}

QByteArrayView MimeTree::headerOf(QByteArrayView rawMessage, const MimePart &part)
{
    const qsizetype start = std::min(part.headerStart, rawMessage.size());
    const qsizetype end = std::clamp(part.headerEnd, start, rawMessage.size());
    return rawMessage.sliced(start, std::min(end - start, MimeLimits::kMaxHeaderBytes));
}

} // namespace Amiens
