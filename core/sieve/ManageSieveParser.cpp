#include "ManageSieveParser.h"

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

bool isAtomChar(char c)
{
    return c != ' ' && c != '\r' && c != '\n' && c != '(' && c != ')' && c != '"' && c != '{' && c != '\0';
}

} // namespace

ManageSieveParser::ManageSieveParser(qsizetype maxResponseSize)
    : m_maxResponseSize(maxResponseSize)
{
}

void ManageSieveParser::append(const QByteArray &bytes)
{
    m_buffer += bytes;
}

bool ManageSieveParser::fail(const QString &error)
{
    if (m_error.isEmpty())
        m_error = error;
    m_buffer.clear();
    return false;
}

ManageSieveParser::Scan ManageSieveParser::scanLine(ManageSieveResponse::Line &tokens, qsizetype &consumed)
{
    const qsizetype size = m_buffer.size();
    const char *data = m_buffer.constData();
    qsizetype p = 0;
    while (true) {
        if (p >= size)
            return Scan::Incomplete;
        const char c = data[p];
        if (c == '\r' || c == '\n') {
            if (c == '\r') {
                if (p + 1 >= size)
                    return Scan::Incomplete;
                if (data[p + 1] != '\n')
                    return Scan::Invalid;
                ++p;
            }
            consumed = p + 1;
            return Scan::Complete;
        }
        if (c == ' ') {
            ++p;
        } else if (c == '"') {
            QByteArray value;
            ++p;
            while (true) {
                if (p >= size)
                    return Scan::Incomplete;
                const char q = data[p];
                if (q == '"')
                    break;
                if (q == '\r' || q == '\n')
                    return Scan::Invalid;
                if (q == '\\') {
                    if (p + 1 >= size)
                        return Scan::Incomplete;
                    ++p;
                }
                value += data[p];
                ++p;
            }
            ++p;
            tokens.append({value, true});
        } else if (c == '{') {
            qsizetype q = p + 1;
            qint64 length = 0;
            while (q < size && data[q] >= '0' && data[q] <= '9') {
                length = length * 10 + (data[q] - '0');
                if (length > m_maxResponseSize)
                    return Scan::Invalid;
                ++q;
            }
            if (q >= size)
                return Scan::Incomplete;
            if (q == p + 1)
                return Scan::Invalid;
            if (data[q] == '+') {
                ++q;
                if (q >= size)
                    return Scan::Incomplete;
            }
            if (data[q] != '}')
                return Scan::Invalid;
            ++q;
            if (q >= size)
                return Scan::Incomplete;
            if (data[q] == '\r') {
                ++q;
                if (q >= size)
                    return Scan::Incomplete;
            }
            if (data[q] != '\n')
                return Scan::Invalid;
            const qsizetype start = q + 1;
            // Refuse an announced size beyond the limit now, before its bytes are buffered.
            if (m_responseSize + start + length > m_maxResponseSize)
                return Scan::Invalid;
            if (size - start < length) {
                m_minimumSize = start + static_cast<qsizetype>(length);
                return Scan::Incomplete;
            }
            tokens.append({m_buffer.mid(start, static_cast<qsizetype>(length)), true});
            p = start + static_cast<qsizetype>(length);
        } else if (c == '(' || c == ')') {
            tokens.append({QByteArray(1, c), false});
            ++p;
        } else if (isAtomChar(c)) {
            const qsizetype start = p;
            while (p < size && isAtomChar(data[p]))
                ++p;
            if (p >= size)
                return Scan::Incomplete;
            tokens.append({m_buffer.mid(start, p - start), false});
        } else {
            return Scan::Invalid;
        }
    }
}

std::optional<ManageSieveParser::Item> ManageSieveParser::nextItem()
{
    if (hasError())
        return std::nullopt;
    if (m_buffer.size() < m_minimumSize) {
        if (m_buffer.size() + m_responseSize > m_maxResponseSize)
            fail(u"response larger than %1 bytes"_s.arg(m_maxResponseSize));
        return std::nullopt;
    }
    if (m_newlineFrom >= 0) {
        // Nothing can complete the line before a line feed arrives: only the new bytes are read.
        if (m_buffer.indexOf('\n', m_newlineFrom) < 0) {
            m_newlineFrom = m_buffer.size();
            if (m_buffer.size() + m_responseSize > m_maxResponseSize)
                fail(u"response larger than %1 bytes"_s.arg(m_maxResponseSize));
            return std::nullopt;
        }
    }
    m_minimumSize = 0;
    m_newlineFrom = -1;
    ManageSieveResponse::Line tokens;
    qsizetype consumed = 0;
    const Scan scan = scanLine(tokens, consumed);
    if (scan == Scan::Incomplete && m_minimumSize == 0)
        m_newlineFrom = std::max<qsizetype>(0, m_buffer.size() - 1);
    switch (scan) {
    case Scan::Invalid:
        fail(m_buffer.size() + m_responseSize > m_maxResponseSize
                 ? u"response larger than %1 bytes"_s.arg(m_maxResponseSize)
                 : u"malformed response line: "_s + QString::fromLatin1(m_buffer.left(120)).trimmed());
        return std::nullopt;
    case Scan::Incomplete:
        if (m_buffer.size() + m_responseSize > m_maxResponseSize)
            fail(u"response larger than %1 bytes"_s.arg(m_maxResponseSize));
        return std::nullopt;
    case Scan::Complete:
        break;
    }
    m_buffer.remove(0, consumed);
    m_responseSize += consumed;

    Item item;
    const QByteArray first =
        tokens.isEmpty() || tokens.first().isString ? QByteArray() : tokens.first().value.toUpper();
    if (first != "OK" && first != "NO" && first != "BYE") {
        item.tokens = std::move(tokens);
        return item;
    }
    item.isFinal = true;
    ManageSieveResponse &response = item.final;
    response.status = first == "OK"   ? ManageSieveResponse::Status::Ok
                      : first == "NO" ? ManageSieveResponse::Status::No
                                      : ManageSieveResponse::Status::Bye;
    qsizetype i = 1;
    if (i < tokens.size() && !tokens[i].isString && tokens[i].value == "(") {
        ++i;
        const qsizetype codeIndex = i;
        for (; i < tokens.size(); ++i) {
            if (!tokens[i].isString && tokens[i].value == ")")
                break;
            if (i == codeIndex)
                response.code = tokens[i].value.toUpper();
            else
                response.codeArguments.append(tokens[i].value);
        }
        if (i >= tokens.size()) {
            fail(u"unterminated response code"_s);
            return std::nullopt;
        }
        ++i;
    }
    if (i < tokens.size())
        response.text = QString::fromUtf8(tokens[i].value);
    m_responseSize = 0;
    return item;
}

std::optional<ManageSieveResponse> ManageSieveParser::nextResponse()
{
    while (auto item = nextItem()) {
        if (!item->isFinal) {
            m_partial.lines.append(std::move(item->tokens));
            continue;
        }
        ManageSieveResponse response = std::move(item->final);
        response.lines = std::move(m_partial.lines);
        m_partial = ManageSieveResponse();
        return response;
    }
    return std::nullopt;
}

} // namespace Amiens
