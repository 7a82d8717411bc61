#include "ImapStreamGuard.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

constexpr qint64 kSaturation = 1'000'000'000'000'000; // far above any bound, far below overflow

} // namespace

ImapStreamGuard::ImapStreamGuard(qint64 maxLineBytes, qint64 maxLiteralBytes)
    : m_maxLine(maxLineBytes)
    , m_maxLiteral(maxLiteralBytes)
{
}

bool ImapStreamGuard::feed(const char *data, qsizetype size)
{
    qsizetype p = 0;
    while (p < size && m_violation == Violation::None) {
        if (m_literalLeft > 0) {
            // Literal bytes are data, never syntax: skip them whole.
            const qint64 skip = std::min<qint64>(m_literalLeft, size - p);
            m_literalLeft -= skip;
            p += skip;
            continue;
        }
        scanByte(data[p++]);
    }
    return m_violation == Violation::None;
}

void ImapStreamGuard::scanByte(char c)
{
    if (c == '\n') {
        if (m_tail == Tail::Close || m_tail == Tail::CloseCr) {
            if (m_tailNumber > m_maxLiteral) {
                m_announced = m_tailNumber;
                m_violation = Violation::LiteralTooLarge;
                return;
            }
            m_literalLeft = m_tailNumber;
        }
        m_lineLength = 0;
        m_tail = Tail::None;
        return;
    }
    if (++m_lineLength > m_maxLine) {
        m_violation = Violation::LineTooLong;
        return;
    }
    switch (c) {
    case '{':
        m_tail = Tail::Open;
        m_tailNumber = 0;
        return;
    case '+':
        m_tail = m_tail == Tail::Digits ? Tail::Plus : Tail::None;
        return;
    case '}':
        m_tail = m_tail == Tail::Digits || m_tail == Tail::Plus ? Tail::Close : Tail::None;
        return;
    case '\r':
        m_tail = m_tail == Tail::Close ? Tail::CloseCr : Tail::None;
        return;
    default:
        break;
    }
    if (c >= '0' && c <= '9' && (m_tail == Tail::Open || m_tail == Tail::Digits)) {
        m_tail = Tail::Digits;
        // Saturated, so that a 30-digit announcement cannot overflow into a small one.
        m_tailNumber = std::min(m_tailNumber * 10 + (c - '0'), kSaturation);
        return;
    }
    m_tail = Tail::None;
}

QString ImapStreamGuard::detail() const
{
    switch (m_violation) {
    case Violation::LineTooLong:
        return u"the server sent a line of more than %1 bytes"_s.arg(m_maxLine);
    case Violation::LiteralTooLarge:
        return u"the server announced a literal of %1 bytes (limit %2)"_s.arg(m_announced).arg(m_maxLiteral);
    case Violation::None:
        break;
    }
    return {};
}

} // namespace Amiens
