#include "BodyTextScanner.h"

#include <QRegularExpression>
#include <string>
#include <string_view>
#include <vector>
#include <vmime/charset.hpp>

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

using View = std::string_view;

// Deeper nesting is hostile or broken; VMime stops far earlier in practice too.
constexpr int kMaxDepth = 32;

struct PartHeader
{
    std::string type; ///< "text/plain", lower case; empty without Content-Type
    std::string charset;
    std::string boundary;
    std::string encoding;
    std::string disposition; ///< lower case; meaningful when hasDisposition
    bool hasDisposition = false;
    bool hasName = false;
    bool hasContentId = false;
    bool hasContentLocation = false;
};

std::string lower(View text)
{
    std::string result(text);
    for (char &c : result) {
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    }
    return result;
}

View trimmed(View text)
{
    const auto space = [](char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    };
    while (!text.empty() && space(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && space(text.back()))
        text.remove_suffix(1);
    return text;
}

/// The header block and the body of a part (split at the first empty line).
std::pair<View, View> splitHeader(View part)
{
    if (part.substr(0, 2) == "\r\n")
        return {{}, part.substr(2)};
    if (part.substr(0, 1) == "\n")
        return {{}, part.substr(1)};
    size_t position = 0;
    while (true) {
        const size_t newline = part.find('\n', position);
        if (newline == View::npos)
            return {part, {}};
        const size_t next = newline + 1;
        if (next < part.size() && part[next] == '\n')
            return {part.substr(0, next), part.substr(next + 1)};
        if (next + 1 < part.size() && part[next] == '\r' && part[next + 1] == '\n')
            return {part.substr(0, next), part.substr(next + 2)};
        position = next;
    }
}

/// "main/value; key=value; key2="quoted"": the main value in lower case, then each parameter.
template <typename OnParameter>
std::string parseStructured(View value, OnParameter &&onParameter)
{
    const size_t semicolon = value.find(';');
    std::string main = lower(trimmed(value.substr(0, semicolon)));
    size_t position = semicolon == View::npos ? value.size() : semicolon + 1;
    while (position < value.size()) {
        while (position < value.size() &&
               (value[position] == ' ' || value[position] == '\t' || value[position] == ';'))
            ++position;
        const size_t equals = value.find('=', position);
        const size_t nextSemicolon = value.find(';', position);
        if (equals == View::npos || (nextSemicolon != View::npos && nextSemicolon < equals)) {
            position = nextSemicolon == View::npos ? value.size() : nextSemicolon + 1;
            continue;
        }
        const std::string key = lower(trimmed(value.substr(position, equals - position)));
        position = equals + 1;
        while (position < value.size() && (value[position] == ' ' || value[position] == '\t'))
            ++position;
        std::string parameter;
        if (position < value.size() && value[position] == '"') {
            ++position;
            while (position < value.size() && value[position] != '"') {
                if (value[position] == '\\' && position + 1 < value.size())
                    ++position;
                parameter += value[position++];
            }
            const size_t end = value.find(';', position);
            position = end == View::npos ? value.size() : end + 1;
        } else {
            const size_t end = value.find(';', position);
            parameter =
                std::string(trimmed(value.substr(position, end == View::npos ? View::npos : end - position)));
            position = end == View::npos ? value.size() : end + 1;
        }
        onParameter(key, parameter);
    }
    return main;
}

PartHeader parseHeader(View block)
{
    PartHeader header;
    const auto field = [&header](View name, View value) {
        const std::string key = lower(trimmed(name));
        if (key == "content-type") {
            header.type =
                parseStructured(value, [&header](const std::string &param, const std::string &text) {
                    if (param == "charset")
                        header.charset = lower(text);
                    else if (param == "boundary")
                        header.boundary = text;
                    else if (param == "name" || param.rfind("name*", 0) == 0)
                        header.hasName = true;
                });
        } else if (key == "content-transfer-encoding") {
            header.encoding = lower(trimmed(value));
        } else if (key == "content-disposition") {
            header.hasDisposition = true;
            header.disposition = parseStructured(value, [](const std::string &, const std::string &) {});
        } else if (key == "content-id") {
            header.hasContentId = true;
        } else if (key == "content-location") {
            header.hasContentLocation = true;
        }
    };
    // Unfolds lines; only the few MIME fields matter here.
    std::string name;
    std::string value;
    bool open = false;
    size_t position = 0;
    while (position < block.size()) {
        size_t end = block.find('\n', position);
        if (end == View::npos)
            end = block.size();
        View line = block.substr(position, end - position);
        position = end + 1;
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        if (!line.empty() && (line.front() == ' ' || line.front() == '\t')) {
            if (open)
                value.append(" ").append(trimmed(line));
            continue;
        }
        if (open)
            field(name, value);
        open = false;
        const size_t colon = line.find(':');
        if (colon == View::npos || colon == 0)
            continue;
        name.assign(line.substr(0, colon));
        value.assign(line.substr(colon + 1));
        open = true;
    }
    if (open)
        field(name, value);
    return header;
}

/// The body parts of a multipart body, between "--boundary" lines.
std::vector<View> splitMultipart(View body, const std::string &boundary)
{
    std::vector<View> parts;
    const std::string delimiter = "--" + boundary;
    size_t position = 0;
    size_t partStart = 0;
    bool inPart = false;
    while (position < body.size()) {
        const size_t found = body.find(delimiter, position);
        if (found == View::npos)
            break;
        const size_t after = found + delimiter.size();
        const bool lineStart = found == 0 || body[found - 1] == '\n';
        const char next = after < body.size() ? body[after] : '\n';
        if (!lineStart || !(next == '\r' || next == '\n' || next == ' ' || next == '\t' || next == '-')) {
            position = found + 1;
            continue;
        }
        if (inPart) {
            size_t end = found;
            if (end > partStart && body[end - 1] == '\n')
                --end;
            if (end > partStart && body[end - 1] == '\r')
                --end;
            parts.push_back(body.substr(partStart, end - partStart));
        }
        if (body.substr(after, 2) == "--")
            return parts;
        const size_t newline = body.find('\n', after);
        if (newline == View::npos)
            return parts;
        partStart = newline + 1;
        position = partStart;
        inPart = true;
    }
    if (inPart && partStart < body.size())
        parts.push_back(body.substr(partStart)); // no closing delimiter: keep what came
    return parts;
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

QByteArray decodeQuotedPrintable(View data)
{
    QByteArray out;
    out.reserve(static_cast<qsizetype>(data.size()));
    for (size_t i = 0; i < data.size(); ++i) {
        const char c = data[i];
        if (c != '=') {
            out.append(c);
            continue;
        }
        if (i + 1 < data.size() && data[i + 1] == '\n') { // soft line break
            i += 1;
        } else if (i + 2 < data.size() && data[i + 1] == '\r' && data[i + 2] == '\n') {
            i += 2;
        } else if (i + 2 < data.size() && hexValue(data[i + 1]) >= 0 && hexValue(data[i + 2]) >= 0) {
            out.append(static_cast<char>(hexValue(data[i + 1]) * 16 + hexValue(data[i + 2])));
            i += 2;
        } else {
            out.append(c);
        }
    }
    return out;
}

QString toUnicode(const QByteArray &bytes, const std::string &charset)
{
    if (charset == "utf-8" || charset == "utf8")
        return QString::fromUtf8(bytes);
    if (charset == "iso-8859-1" || charset == "latin1" || charset == "l1")
        return QString::fromLatin1(bytes);
    if (charset.empty() || charset == "us-ascii" || charset == "ascii")
        return QString::fromLatin1(bytes); // ASCII as is; stray 8-bit bytes stay readable
    try {
        std::string converted;
        vmime::charset::convert(bytes.toStdString(), converted, vmime::charset(charset),
                                vmime::charsets::UTF_8);
        return QString::fromStdString(converted);
    } catch (const std::exception &) {
        return QString::fromLatin1(bytes); // unknown charset: as MessageContent does
    }
}

QString decodeText(View body, const PartHeader &header)
{
    QByteArray bytes;
    if (header.encoding == "base64")
        bytes =
            QByteArray::fromBase64(QByteArray::fromRawData(body.data(), static_cast<qsizetype>(body.size())));
    else if (header.encoding == "quoted-printable")
        bytes = decodeQuotedPrintable(body);
    else
        bytes = QByteArray(body.data(), static_cast<qsizetype>(body.size()));
    return toUnicode(bytes, header.charset);
}

/// VMime's attachmentHelper::isBodyPartAnAttachment, so that the list's paper clip agrees with
/// what the reading window lists.
bool isAttachment(const PartHeader &header, bool root)
{
    if (header.hasDisposition) {
        if (header.disposition != "inline")
            return true;
        if (!header.hasContentId && !header.hasContentLocation)
            return !root;
        return false;
    }
    std::string type = header.type;
    if (type.empty()) {
        if (root)
            return false;
        type = "application/octet-stream";
    }
    const View major = View(type).substr(0, type.find('/'));
    if (major != "text" && major != "multipart")
        return header.hasName || !header.hasContentId;
    return false;
}

struct Walker
{
    QString plain;
    QString html;
    bool plainFound = false;
    bool htmlFound = false;
    bool attachments = false;

    void walk(View part, bool root, int depth)
    {
        const auto [block, body] = splitHeader(part);
        const PartHeader header = parseHeader(block);
        if (isAttachment(header, root))
            attachments = true;
        if (header.type.rfind("multipart/", 0) == 0) {
            if (header.boundary.empty() || depth >= kMaxDepth)
                return;
            for (const View child : splitMultipart(body, header.boundary))
                walk(child, false, depth + 1);
            return;
        }
        // Text parts are those shown inline (VMime's messageParser); a root part always is.
        const bool inlineText = root || !header.hasDisposition || header.disposition == "inline";
        if (!inlineText)
            return;
        const std::string type = header.type.empty() && root ? std::string("text/plain") : header.type;
        if (type == "text/plain" && !plainFound) {
            plain = decodeText(body, header);
            plainFound = true;
        } else if (type == "text/html" && !htmlFound) {
            html = decodeText(body, header);
            htmlFound = true;
        }
    }
};

} // namespace

BodyTextScanner::Result BodyTextScanner::scan(const QByteArray &rawMessage)
{
    Walker walker;
    walker.walk(View(rawMessage.constData(), static_cast<size_t>(rawMessage.size())), true, 0);
    Result result;
    result.hasAttachments = walker.attachments;
    result.text = walker.plain;
    if (result.text.isEmpty() && !walker.html.isEmpty()) {
        static const QRegularExpression tags(u"<[^>]*>"_s);
        result.text = walker.html.remove(tags);
    }
    return result;
}

} // namespace Amiens
