#pragma once

#include <QByteArray>
#include <QString>
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

    /// The next token; Error (with error()) on a broken string or literal.
    Token next();
    [[nodiscard]] Token peek();
    /// An astring (atom or string); nullopt and error() otherwise. @p what names it in the error.
    std::optional<QByteArray> astring(const char *what);
    /// A string or NIL (nullopt value in @p isNil); false and error() otherwise.
    bool nstring(const char *what, QByteArray *value, bool *isNil);
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
    qsizetype m_pos = 0;
    std::optional<Token> m_peeked;
    QString m_error;
};

} // namespace Amiens
