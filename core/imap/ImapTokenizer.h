#pragma once

#include "imap/ImapResponse.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <limits>
#include <optional>

namespace Amiens {

/// The tokens of one raw IMAP response line (ImapCommandChannel::executeRaw: literals inline):
/// atoms, quoted strings, literals, NIL and parentheses. Lists are read token by token and
/// skipped with a counter, never by recursion, so a hostile nesting costs nothing but time.
class ImapTokenizer
{
public:
    enum class Type
    {
        Atom,   ///< also numbers and "*"
        String, ///< quoted or literal, unescaped
        Nil,
        Open,
        Close,
        End,
        Error,
    };
    struct Token
    {
        Type type = Type::End;
        QByteArray value;
    };

    explicit ImapTokenizer(QByteArray line);
    /// A response whose literals were kept apart (ImapLineAssembler::takeResponse()): each literal
    /// token hands over its array as it is, without a copy.
    explicit ImapTokenizer(ImapResponse response);

    /// The next token; Error (with error()) on a broken string or literal.
    Token next();
    [[nodiscard]] Token peek();
    /// An astring (atom or string); nullopt and error() otherwise. @p what names it in the error.
    std::optional<QByteArray> astring(const char *what);
    /// A string or NIL (nullopt value in @p isNil); false and error() otherwise.
    bool nstring(const char *what, QByteArray *value, bool *isNil);
    /// A number of at most 19 digits and at most @p max; nullopt and error() otherwise.
    std::optional<quint64> number(const char *what, quint64 max = std::numeric_limits<qint64>::max());
    /// Skips one value: an atom, a string, or a list with all it holds; false when unbalanced.
    bool skipValue();
    /// Consumes @p type or sets error() naming @p what.
    bool expect(Type type, const char *what);

    [[nodiscard]] bool atEnd();
    [[nodiscard]] QString error() const { return m_error; }
    /// Records the first error only; "at byte N" is added.
    void fail(const QString &error);

private:
    void skipSpaces();

    QByteArray m_line;
    QList<QByteArray> m_literals;      ///< kept apart; empty when the line holds them inline
    QList<qsizetype> m_literalOffsets; ///< where each one stood in m_line
    qsizetype m_nextLiteral = 0;
    bool m_literalsApart = false;
    qsizetype m_pos = 0;
    std::optional<Token> m_peeked;
    QString m_error;
};

} // namespace Amiens
