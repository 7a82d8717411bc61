#include "ImapTokenizer.h"

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

bool isAtomChar(char c)
{
    const auto u = static_cast<unsigned char>(c);
    return u > 0x20 && u != 0x7f && c != '(' && c != ')' && c != '"' && c != '{';
}

} // namespace

ImapTokenizer::ImapTokenizer(QByteArray line)
    : m_line(std::move(line))
{
}

ImapTokenizer::ImapTokenizer(ImapResponse response)
    : m_line(std::move(response.text))
    , m_literals(std::move(response.literals))
    , m_literalOffsets(std::move(response.literalOffsets))
    , m_literalsApart(true)
{
}

void ImapTokenizer::fail(const QString &error)
{
    if (m_error.isEmpty())
        m_error = error + u" at byte %1"_s.arg(m_pos);
}

void ImapTokenizer::skipSpaces()
{
    while (m_pos < m_line.size() && m_line.at(m_pos) == ' ')
        ++m_pos;
}

bool ImapTokenizer::atEnd()
{
    return peek().type == Type::End;
}

ImapTokenizer::Token ImapTokenizer::peek()
{
    if (!m_peeked)
        m_peeked = next();
    return *m_peeked;
}

ImapTokenizer::Token ImapTokenizer::next()
{
    if (m_peeked) {
        Token token = std::move(*m_peeked);
        m_peeked.reset();
        return token;
    }
    if (!m_error.isEmpty())
        return {Type::Error, {}};
    skipSpaces();
    if (m_pos >= m_line.size())
        return {Type::End, {}};
    const char c = m_line.at(m_pos);
    if (c == '(') {
        ++m_pos;
        return {Type::Open, {}};
    }
    if (c == ')') {
        ++m_pos;
        return {Type::Close, {}};
    }
    if (c == '"') {
        QByteArray value;
        for (qsizetype p = m_pos + 1; p < m_line.size(); ++p) {
            char d = m_line.at(p);
            if (d == '"') {
                m_pos = p + 1;
                return {Type::String, value};
            }
            if (d == '\r' || d == '\n')
                break;
            if (d == '\\') {
                if (++p >= m_line.size())
                    break;
                d = m_line.at(p);
            }
            value.append(d);
        }
        fail(u"unterminated quoted string"_s);
        return {Type::Error, {}};
    }
    if (c == '{') {
        // "{N}\r\n" then N bytes (the channel put them inline).
        qsizetype p = m_pos + 1;
        qint64 size = 0;
        int digits = 0;
        while (p < m_line.size() && m_line.at(p) >= '0' && m_line.at(p) <= '9' && digits <= 15) {
            size = size * 10 + (m_line.at(p) - '0');
            ++p;
            ++digits;
        }
        if (p < m_line.size() && m_line.at(p) == '+')
            ++p;
        if (digits == 0 || digits > 15 || p >= m_line.size() || m_line.at(p) != '}' ||
            m_line.mid(p + 1, 2) != "\r\n") {
            fail(u"malformed literal"_s);
            return {Type::Error, {}};
        }
        p += 3;
        if (m_literalsApart) {
            if (m_nextLiteral >= m_literals.size() || m_literalOffsets.at(m_nextLiteral) != p ||
                m_literals.at(m_nextLiteral).size() != size) {
                fail(u"literal of %1 bytes not received"_s.arg(size));
                return {Type::Error, {}};
            }
            m_pos = p;
            return {Type::String, std::move(m_literals[m_nextLiteral++])};
        }
        if (size > m_line.size() - p) {
            fail(u"literal of %1 bytes beyond the line"_s.arg(size));
            return {Type::Error, {}};
        }
        m_pos = p + size;
        return {Type::String, m_line.mid(p, size)};
    }
    const qsizetype start = m_pos;
    while (m_pos < m_line.size() && isAtomChar(m_line.at(m_pos)))
        ++m_pos;
    if (m_pos == start) {
        fail(u"unexpected byte 0x%1"_s.arg(static_cast<uint>(static_cast<unsigned char>(c)), 2, 16,
                                           QChar(u'0')));
        return {Type::Error, {}};
    }
    QByteArray atom = m_line.mid(start, m_pos - start);
    if (atom.compare("NIL", Qt::CaseInsensitive) == 0)
        return {Type::Nil, {}};
    return {Type::Atom, std::move(atom)};
}

std::optional<QByteArray> ImapTokenizer::astring(const char *what)
{
    const Token token = next();
    if (token.type == Type::Atom || token.type == Type::String)
        return token.value;
    if (token.type == Type::Nil)
        return QByteArray("NIL"); // an astring may be the atom NIL (a user called "nil")
    fail(u"expected %1"_s.arg(QLatin1StringView(what)));
    return std::nullopt;
}

bool ImapTokenizer::nstring(const char *what, QByteArray *value, bool *isNil)
{
    const Token token = next();
    *isNil = token.type == Type::Nil;
    if (token.type == Type::String || token.type == Type::Nil) {
        *value = token.value;
        return true;
    }
    fail(u"expected %1 (a string or NIL)"_s.arg(QLatin1StringView(what)));
    return false;
}

std::optional<quint64> ImapTokenizer::number(const char *what, quint64 max)
{
    const Token token = next();
    if (token.type != Type::Atom || token.value.isEmpty() || token.value.size() > 19) {
        fail(u"expected %1 (a number of at most 19 digits)"_s.arg(QLatin1StringView(what)));
        return std::nullopt;
    }
    quint64 value = 0;
    for (const char c : token.value) {
        if (c < '0' || c > '9') {
            fail(u"%1 is not a number: « %2 »"_s.arg(QLatin1StringView(what),
                                                     QString::fromLatin1(token.value.left(32))));
            return std::nullopt;
        }
        value = value * 10 + static_cast<quint64>(c - '0'); // 19 digits fit in 64 bits
    }
    if (value > max) {
        const QString bound = max == static_cast<quint64>(std::numeric_limits<qint64>::max())
                                  ? u"2^63 - 1"_s
                                  : QString::number(max);
        fail(u"%1 is beyond %2"_s.arg(QLatin1StringView(what), bound));
        return std::nullopt;
    }
    return value;
}

bool ImapTokenizer::expect(Type type, const char *what)
{
    if (next().type == type)
        return true;
    fail(u"expected %1"_s.arg(QLatin1StringView(what)));
    return false;
}

bool ImapTokenizer::skipValue()
{
    qint64 depth = 0;
    do {
        const Token token = next();
        switch (token.type) {
        case Type::Open:
            ++depth;
            break;
        case Type::Close:
            if (--depth < 0) {
                fail(u"unbalanced parenthesis"_s);
                return false;
            }
            break;
        case Type::End:
            fail(u"unbalanced parentheses: %1 left open"_s.arg(depth));
            return false;
        case Type::Error:
            return false;
        default:
            break;
        }
    } while (depth > 0);
    return true;
}

} // namespace Amiens
