#include "SieveParser.h"

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

// Deeper nesting than this is no hand-written or generated script; refuse rather than recurse.
constexpr int kMaxDepth = 64;

bool isIdentifierStart(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

bool isIdentifierChar(char c)
{
    return isIdentifierStart(c) || (c >= '0' && c <= '9');
}

} // namespace

SieveParser::SieveParser(const QByteArray &script)
    : m_script(script)
{
}

std::optional<SieveScript> SieveParser::parse(const QByteArray &script, QString *error)
{
    SieveParser parser(script);
    if (!parser.parseCommands(parser.m_result.commands, false)) {
        if (error)
            *error = parser.m_error;
        return std::nullopt;
    }
    return std::move(parser.m_result);
}

bool SieveParser::fail(const QString &message, qsizetype position)
{
    if (m_error.isEmpty()) {
        const int line = static_cast<int>(m_script.left(position).count('\n')) + 1;
        m_error = u"line %1: %2"_s.arg(line).arg(message);
    }
    return false;
}

SieveParser::Token SieveParser::lex()
{
    const qsizetype size = m_script.size();
    const char *data = m_script.constData();
    // White space and comments; comments are kept for the marker search.
    while (m_pos < size) {
        const char c = data[m_pos];
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            ++m_pos;
        } else if (c == '#') {
            qsizetype end = m_script.indexOf('\n', m_pos);
            if (end < 0)
                end = size;
            qsizetype textEnd = end;
            if (textEnd > m_pos && data[textEnd - 1] == '\r')
                --textEnd;
            m_result.comments.append(
                {QString::fromUtf8(m_script.mid(m_pos + 1, textEnd - m_pos - 1)), m_pos, textEnd});
            m_pos = end;
        } else if (c == '/' && m_pos + 1 < size && data[m_pos + 1] == '*') {
            const qsizetype end = m_script.indexOf("*/", m_pos + 2);
            if (end < 0)
                return {TokenType::Invalid, "unterminated comment", 0, m_pos, size};
            m_result.comments.append(
                {QString::fromUtf8(m_script.mid(m_pos + 2, end - m_pos - 2)), m_pos, end + 2});
            m_pos = end + 2;
        } else {
            break;
        }
    }
    Token token;
    token.begin = m_pos;
    if (m_pos >= size) {
        token.type = TokenType::End;
        token.end = m_pos;
        return token;
    }
    const char c = data[m_pos];
    if (c == '"') {
        QByteArray value;
        qsizetype p = m_pos + 1;
        while (true) {
            if (p >= size)
                return {TokenType::Invalid, "unterminated string", 0, m_pos, size};
            if (data[p] == '"')
                break;
            if (data[p] == '\\') {
                if (p + 1 >= size)
                    return {TokenType::Invalid, "unterminated string", 0, m_pos, size};
                ++p; // RFC 5228 §2.4.2: a backslash quotes the next character, whatever it is
            }
            value += data[p];
            ++p;
        }
        m_pos = p + 1;
        token.type = TokenType::String;
        token.text = value;
    } else if (c == ':' && m_pos + 1 < size && isIdentifierStart(data[m_pos + 1])) {
        qsizetype p = m_pos + 1;
        while (p < size && isIdentifierChar(data[p]))
            ++p;
        token.type = TokenType::Tag;
        token.text = m_script.mid(m_pos + 1, p - m_pos - 1).toLower();
        m_pos = p;
    } else if (c >= '0' && c <= '9') {
        qsizetype p = m_pos;
        qint64 number = 0;
        while (p < size && data[p] >= '0' && data[p] <= '9') {
            number = number * 10 + (data[p] - '0');
            if (number > (qint64(1) << 40))
                return {TokenType::Invalid, "number too large", 0, m_pos, p};
            ++p;
        }
        if (p < size) {
            const char unit = static_cast<char>(data[p] | 0x20);
            const int shift = unit == 'k' ? 10 : unit == 'm' ? 20 : unit == 'g' ? 30 : 0;
            if (shift) {
                number <<= shift;
                ++p;
            }
        }
        token.type = TokenType::Number;
        token.number = number;
        m_pos = p;
    } else if (isIdentifierStart(c)) {
        qsizetype p = m_pos;
        while (p < size && isIdentifierChar(data[p]))
            ++p;
        const QByteArray word = m_script.mid(m_pos, p - m_pos).toLower();
        if (word == "text" && p < size && data[p] == ':') {
            // Multi-line string: "text:" [spaces] [# comment] CRLF, lines, "." CRLF.
            qsizetype q = p + 1;
            while (q < size && (data[q] == ' ' || data[q] == '\t'))
                ++q;
            if (q < size && data[q] == '#') {
                while (q < size && data[q] != '\n')
                    ++q;
            }
            if (q < size && data[q] == '\r')
                ++q;
            if (q >= size || data[q] != '\n')
                return {TokenType::Invalid, "text: must end its line", 0, m_pos, q};
            ++q;
            QByteArray value;
            while (true) {
                if (q >= size)
                    return {TokenType::Invalid, "unterminated text: string", 0, m_pos, size};
                qsizetype lineEnd = m_script.indexOf('\n', q);
                const bool lastLine = lineEnd < 0;
                if (lastLine)
                    lineEnd = size;
                QByteArray line = m_script.mid(q, lineEnd - q + (lastLine ? 0 : 1));
                QByteArray bare = line;
                while (bare.endsWith('\n') || bare.endsWith('\r'))
                    bare.chop(1);
                if (bare == ".") {
                    q = lineEnd + (lastLine ? 0 : 1);
                    break;
                }
                if (line.startsWith(".."))
                    line.remove(0, 1);
                value += line;
                q = lineEnd + 1;
            }
            m_pos = q;
            token.type = TokenType::MultiLine;
            token.text = value;
        } else {
            m_pos = p;
            token.type = TokenType::Identifier;
            token.text = word;
        }
    } else if (QByteArrayView(";,()[]{}").contains(c)) {
        token.type = TokenType::Punctuation;
        token.text = QByteArray(1, c);
        ++m_pos;
    } else {
        token.type = TokenType::Invalid;
        token.text = "unexpected character";
        ++m_pos;
    }
    token.end = m_pos;
    return token;
}

const SieveParser::Token &SieveParser::peek()
{
    if (!m_peeked)
        m_peeked = lex();
    return *m_peeked;
}

SieveParser::Token SieveParser::take()
{
    Token token = peek();
    m_peeked.reset();
    return token;
}

bool SieveParser::parseCommands(QList<SieveCommand> &commands, bool inBlock)
{
    if (++m_depth > kMaxDepth)
        return fail(u"nesting too deep"_s, m_pos);
    while (true) {
        const Token &next = peek();
        if (next.type == TokenType::Invalid)
            return fail(QString::fromLatin1(next.text), next.begin);
        if (next.type == TokenType::End) {
            if (inBlock)
                return fail(u"missing '}'"_s, next.begin);
            break;
        }
        if (next.type == TokenType::Punctuation && next.text == "}") {
            if (!inBlock)
                return fail(u"unexpected '}'"_s, next.begin);
            break;
        }
        if (next.type != TokenType::Identifier)
            return fail(u"a command was expected"_s, next.begin);
        const Token name = take();
        SieveCommand command;
        command.name = QString::fromLatin1(name.text);
        command.begin = name.begin;
        if (!parseArguments(command.arguments, command.tests))
            return false;
        const Token end = take();
        if (end.type == TokenType::Punctuation && end.text == ";") {
            command.end = end.end;
        } else if (end.type == TokenType::Punctuation && end.text == "{") {
            command.hasBlock = true;
            if (!parseCommands(command.block, true))
                return false;
            command.end = take().end; // the '}' checked by the nested call
        } else {
            return fail(u"';' or '{' was expected"_s, end.begin);
        }
        commands.append(std::move(command));
    }
    --m_depth;
    return true;
}

bool SieveParser::parseStringList(SieveArgument &argument)
{
    argument.kind = SieveArgument::Kind::StringList;
    while (true) {
        const Token string = take();
        if (string.type != TokenType::String && string.type != TokenType::MultiLine)
            return fail(u"a string was expected in the list"_s, string.begin);
        argument.strings.append(QString::fromUtf8(string.text));
        const Token separator = take();
        if (separator.type == TokenType::Punctuation && separator.text == "]")
            return true;
        if (separator.type != TokenType::Punctuation || separator.text != ",")
            return fail(u"',' or ']' was expected"_s, separator.begin);
    }
}

bool SieveParser::parseArguments(QList<SieveArgument> &arguments, QList<SieveTest> &tests)
{
    while (true) {
        const Token &next = peek();
        if (next.type == TokenType::Tag) {
            SieveArgument argument;
            argument.kind = SieveArgument::Kind::Tag;
            argument.tag = QString::fromLatin1(take().text);
            arguments.append(argument);
        } else if (next.type == TokenType::Number) {
            SieveArgument argument;
            argument.kind = SieveArgument::Kind::Number;
            argument.number = take().number;
            arguments.append(argument);
        } else if (next.type == TokenType::String || next.type == TokenType::MultiLine) {
            SieveArgument argument;
            argument.kind = SieveArgument::Kind::String;
            argument.strings.append(QString::fromUtf8(take().text));
            arguments.append(argument);
        } else if (next.type == TokenType::Punctuation && next.text == "[") {
            take();
            SieveArgument argument;
            if (!parseStringList(argument))
                return false;
            arguments.append(argument);
        } else {
            break;
        }
    }
    const Token &next = peek();
    if (next.type == TokenType::Identifier) {
        SieveTest test;
        if (!parseTest(test))
            return false;
        tests.append(std::move(test));
    } else if (next.type == TokenType::Punctuation && next.text == "(") {
        take();
        while (true) {
            SieveTest test;
            if (!parseTest(test))
                return false;
            tests.append(std::move(test));
            const Token separator = take();
            if (separator.type == TokenType::Punctuation && separator.text == ")")
                break;
            if (separator.type != TokenType::Punctuation || separator.text != ",")
                return fail(u"',' or ')' was expected"_s, separator.begin);
        }
    } else if (next.type == TokenType::Invalid) {
        return fail(QString::fromLatin1(next.text), next.begin);
    }
    return true;
}

bool SieveParser::parseTest(SieveTest &test)
{
    if (++m_depth > kMaxDepth)
        return fail(u"nesting too deep"_s, m_pos);
    const Token name = take();
    if (name.type != TokenType::Identifier)
        return fail(u"a test was expected"_s, name.begin);
    test.name = QString::fromLatin1(name.text);
    if (!parseArguments(test.arguments, test.tests))
        return false;
    --m_depth;
    return true;
}

} // namespace Amiens
