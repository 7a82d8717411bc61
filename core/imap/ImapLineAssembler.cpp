#include "ImapLineAssembler.h"

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace Amiens {

ImapLineAssembler::ImapLineAssembler(qint64 maxLineBytes, qint64 maxLiteralBytes)
    : m_maxLine(maxLineBytes)
    , m_maxLiteral(maxLiteralBytes)
{
}

bool ImapLineAssembler::append(const char *data, qsizetype size)
{
    if (failed())
        return false;
    m_buffer.append(data, size);
    if (m_complete < 0)
        scan();
    return !failed();
}

std::optional<QByteArray> ImapLineAssembler::takeLine()
{
    if (m_complete < 0 || failed())
        return std::nullopt;
    QByteArray line = m_buffer.left(m_complete);
    m_buffer.remove(0, m_complete);
    m_scanned = 0;
    m_segmentStart = 0;
    m_complete = -1;
    line.chop(line.endsWith("\r\n") ? 2 : 1);
    scan(); // the next line may already be whole
    return line;
}

qint64 ImapLineAssembler::announcedLiteral(qsizetype end) const
{
    // "{123}" or "{123+}" right before the line end (CR excluded by the caller).
    if (end - m_segmentStart < 3 || m_buffer.at(end - 1) != '}')
        return -1;
    qsizetype p = end - 2;
    if (m_buffer.at(p) == '+')
        --p;
    const qsizetype lastDigit = p;
    while (p > m_segmentStart && m_buffer.at(p) >= '0' && m_buffer.at(p) <= '9')
        --p;
    if (p == lastDigit || m_buffer.at(p) != '{')
        return -1;
    const qsizetype digits = lastDigit - p;
    if (digits > 15)
        return std::numeric_limits<qint64>::max(); // beyond any bound: refused by the caller
    return m_buffer.mid(p + 1, digits).toLongLong();
}

void ImapLineAssembler::scan()
{
    while (m_complete < 0 && !failed() && m_scanned < m_buffer.size()) {
        if (m_literalLeft > 0) {
            // Literal bytes are data, never syntax: skip them whole.
            const qint64 skip = std::min<qint64>(m_literalLeft, m_buffer.size() - m_scanned);
            m_literalLeft -= skip;
            m_scanned += skip;
            if (m_literalLeft == 0)
                m_segmentStart = m_scanned;
            continue;
        }
        const qsizetype lf = m_buffer.indexOf('\n', m_scanned);
        const qsizetype segmentEnd = lf < 0 ? m_buffer.size() : lf;
        if (segmentEnd - m_segmentStart > m_maxLine) {
            m_error = u"a line of more than %1 bytes"_s.arg(m_maxLine);
            return;
        }
        if (lf < 0) {
            m_scanned = m_buffer.size();
            return;
        }
        const qsizetype textEnd = lf > m_segmentStart && m_buffer.at(lf - 1) == '\r' ? lf - 1 : lf;
        const qint64 literal = announcedLiteral(textEnd);
        m_scanned = lf + 1;
        if (literal < 0) {
            m_complete = m_scanned;
            return;
        }
        if (literal > m_maxLiteral) {
            m_error = u"a literal of %1 bytes (at most %2)"_s.arg(literal).arg(m_maxLiteral);
            return;
        }
        m_literalLeft = literal;
        m_segmentStart = m_scanned;
        // A whole line with its literals is bounded too: many small literals add up.
        if (m_scanned + literal > m_maxLiteral + m_maxLine) {
            m_error = u"a response line of more than %1 bytes"_s.arg(m_maxLiteral + m_maxLine);
            return;
        }
    }
}

} // namespace Amiens
