#include "ImapLineAssembler.h"

#include "util/LargeBuffers.h"

#include <algorithm>
#include <cstring>
#include <limits>

using namespace Qt::StringLiterals;

namespace Amiens {

ImapLineAssembler::ImapLineAssembler(qint64 maxLineBytes, qint64 maxLiteralBytes)
    : m_maxLine(maxLineBytes)
    , m_maxLiteral(maxLiteralBytes)
{
}

bool ImapLineAssembler::fail(const QString &error)
{
    m_error = error;
    return false;
}

bool ImapLineAssembler::append(const char *data, qsizetype size)
{
    if (failed())
        return false;
    const char *at = data;
    const char *const end = data + size;
    while (at < end && !failed()) {
        if (m_literalLeft > 0) {
            // Literal bytes are data, never syntax: they go whole into their own array.
            const qint64 take = std::min<qint64>(m_literalLeft, end - at);
            m_current.literals.last().append(at, static_cast<qsizetype>(take));
            at += take;
            literalBytesArrived(take);
            continue;
        }
        const auto *lf = static_cast<const char *>(std::memchr(at, '\n', static_cast<size_t>(end - at)));
        const qsizetype take = lf ? lf + 1 - at : end - at;
        const qsizetype segment = m_current.text.size() - m_segmentStart + (lf ? take - 1 : take);
        if (segment > m_maxLine)
            return fail(u"a line of more than %1 bytes"_s.arg(m_maxLine));
        m_current.text.append(at, take);
        at += take;
        m_currentBytes += take;
        if (lf)
            endSegment();
    }
    return !failed();
}

void ImapLineAssembler::literalBytesArrived(qint64 size)
{
    m_literalLeft -= size;
    m_currentBytes += size;
    if (m_literalLeft == 0)
        m_segmentStart = m_current.text.size();
}

std::span<char> ImapLineAssembler::literalRoom()
{
    if (failed() || m_literalLeft == 0)
        return {};
    // The array was reserved at the announced size (endSegment()): growing it to the end of the
    // literal moves nothing, and literalReceived() cuts it back to what came.
    QByteArray &literal = m_current.literals.last();
    const qsizetype received = literal.size();
    literal.resize(received + static_cast<qsizetype>(m_literalLeft));
    return {literal.data() + received, static_cast<size_t>(m_literalLeft)};
}

void ImapLineAssembler::literalReceived(qsizetype size)
{
    if (failed() || m_literalLeft == 0)
        return;
    QByteArray &literal = m_current.literals.last();
    const qsizetype size0 = literal.size() - static_cast<qsizetype>(m_literalLeft);
    literal.truncate(size0 + std::clamp<qsizetype>(size, 0, static_cast<qsizetype>(m_literalLeft)));
    literalBytesArrived(literal.size() - size0);
}

void ImapLineAssembler::endSegment()
{
    const QByteArray &text = m_current.text;
    qsizetype textEnd = text.size() - 1; // the line feed
    if (textEnd > m_segmentStart && text.at(textEnd - 1) == '\r')
        --textEnd;
    const qint64 literal = announcedLiteral(textEnd);
    if (literal < 0) {
        // The response is whole.
        m_current.text.truncate(textEnd);
        m_readyBytes += m_currentBytes;
        m_ready.append({std::exchange(m_current, {}), std::exchange(m_currentBytes, 0)});
        m_segmentStart = 0;
        return;
    }
    if (literal > m_maxLiteral) {
        fail(u"a literal of %1 bytes (at most %2)"_s.arg(literal).arg(m_maxLiteral));
        return;
    }
    // A whole response with its literals is bounded too: many small literals add up.
    if (m_currentBytes + literal > m_maxLiteral + m_maxLine) {
        fail(u"a response line of more than %1 bytes"_s.arg(m_maxLiteral + m_maxLine));
        return;
    }
    QByteArray bytes;
    bytes.reserve(static_cast<qsizetype>(literal));
    // A body of megabytes (a scanned form, photos) is written straight into this array.
    LargeBuffers::adviseHugePages(bytes.data(), static_cast<qsizetype>(literal));
    m_current.literals.append(std::move(bytes));
    m_current.literalOffsets.append(text.size());
    m_literalLeft = literal;
    m_segmentStart = text.size();
}

std::optional<ImapResponse> ImapLineAssembler::takeResponse()
{
    if (m_ready.isEmpty() || failed())
        return std::nullopt;
    Ready ready = m_ready.takeFirst();
    m_readyBytes -= ready.wireBytes;
    return std::move(ready.response);
}

std::optional<QByteArray> ImapLineAssembler::takeLine()
{
    std::optional<ImapResponse> response = takeResponse();
    if (!response)
        return std::nullopt;
    return response->inlined();
}

qint64 ImapLineAssembler::announcedLiteral(qsizetype end) const
{
    // "{123}" or "{123+}" right before the line end (CR excluded by the caller).
    const QByteArray &text = m_current.text;
    if (end - m_segmentStart < 3 || text.at(end - 1) != '}')
        return -1;
    qsizetype p = end - 2;
    if (text.at(p) == '+')
        --p;
    const qsizetype lastDigit = p;
    while (p > m_segmentStart && text.at(p) >= '0' && text.at(p) <= '9')
        --p;
    if (p == lastDigit || text.at(p) != '{')
        return -1;
    const qsizetype digits = lastDigit - p;
    if (digits > 15)
        return std::numeric_limits<qint64>::max(); // beyond any bound: refused by the caller
    return text.mid(p + 1, digits).toLongLong();
}

} // namespace Amiens
