#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace Amiens {

/// The syntax tree of a Sieve script (RFC 5228 §8), enough to read rules back and to find where
/// commands start and end in the original bytes. Strings are decoded (escapes and dot-stuffing
/// undone); offsets are byte positions in the parsed text.
struct SieveArgument
{
    enum class Kind
    {
        Tag,
        Number,
        String,
        StringList
    };
    Kind kind = Kind::String;
    QString tag;         ///< without the colon, lower-case
    qint64 number = 0;   ///< with K/M/G applied
    QStringList strings; ///< one element for Kind::String
};

struct SieveTest
{
    QString name; ///< lower-case
    QList<SieveArgument> arguments;
    QList<SieveTest> tests; ///< allof/anyof/not and other tests that take tests

    [[nodiscard]] bool hasTag(const QString &tag) const;
    /// The argument after tag @p tag (":zone" "+0100"), or nothing.
    [[nodiscard]] const SieveArgument *tagValue(const QString &tag) const;
    /// The positional (non-tag, non-tag-value) arguments in order. Knows which tags take a value.
    [[nodiscard]] QList<SieveArgument> positional() const;
};

struct SieveCommand
{
    QString name; ///< lower-case
    QList<SieveArgument> arguments;
    QList<SieveTest> tests; ///< the test of if/elsif
    QList<SieveCommand> block;
    bool hasBlock = false;
    qsizetype begin = 0; ///< first byte of the identifier
    qsizetype end = 0;   ///< one past the ';' or '}'

    /// Same helpers as SieveTest, for vacation and redirect.
    [[nodiscard]] bool hasTag(const QString &tag) const;
    [[nodiscard]] const SieveArgument *tagValue(const QString &tag) const;
    [[nodiscard]] QList<SieveArgument> positional() const;
};

struct SieveComment
{
    QString text; ///< without '#' or '/* */'
    qsizetype begin = 0;
    qsizetype end = 0; ///< one past the comment (before the line break of a '#' comment)
};

struct SieveScript
{
    QList<SieveCommand> commands;
    QList<SieveComment> comments;
    /// The extensions of the require commands that open the script (before any other command).
    [[nodiscard]] QStringList leadingRequires() const;
};

} // namespace Amiens
