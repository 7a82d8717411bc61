#pragma once

#include "SieveScript.h"

#include <QByteArray>
#include <QString>
#include <optional>

namespace Amiens {

/// Parses Sieve (RFC 5228 §8) into a SieveScript: comments, quoted strings with escapes,
/// "text:" multi-line strings with dot-stuffing, string lists, numbers with K/M/G, tags, tests
/// and nested blocks. It checks syntax only; whether a command exists is the server's business
/// (CHECKSCRIPT).
class SieveParser
{
public:
    [[nodiscard]] static std::optional<SieveScript> parse(const QByteArray &script, QString *error = nullptr);

private:
    explicit SieveParser(const QByteArray &script);

    enum class TokenType
    {
        Identifier,
        Tag,
        Number,
        String,
        MultiLine,
        Punctuation,
        End,
        Invalid
    };
    struct Token
    {
        TokenType type = TokenType::End;
        QByteArray text; ///< identifier/tag name, decoded string, or the punctuation character
        qint64 number = 0;
        qsizetype begin = 0;
        qsizetype end = 0;
    };

    Token lex();
    const Token &peek();
    Token take();
    bool parseCommands(QList<SieveCommand> &commands, bool inBlock);
    bool parseArguments(QList<SieveArgument> &arguments, QList<SieveTest> &tests);
    bool parseTest(SieveTest &test);
    bool parseStringList(SieveArgument &argument);
    bool fail(const QString &message, qsizetype position);

    const QByteArray &m_script;
    qsizetype m_pos = 0;
    std::optional<Token> m_peeked;
    SieveScript m_result;
    QString m_error;
    int m_depth = 0;
};

} // namespace Amiens
