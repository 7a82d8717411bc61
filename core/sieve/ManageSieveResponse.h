#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace Amiens {

/// One complete ManageSieve response (RFC 5804 §4): the data lines the server sent before its
/// final OK, NO or BYE line, and that line's response code and human-readable text.
struct ManageSieveResponse
{
    enum class Status
    {
        Ok,
        No,
        Bye
    };

    /// A word of a data line: a quoted string or literal (isString) or a bare atom.
    struct Token
    {
        QByteArray value;
        bool isString = false;
        friend bool operator==(const Token &, const Token &) = default;
    };
    using Line = QList<Token>;

    Status status = Status::Ok;
    QByteArray code;                 ///< "NONEXISTENT", "WARNINGS", "SASL", "QUOTA/MAXSIZE"… upper-case
    QList<QByteArray> codeArguments; ///< e.g. the SASL server data
    QString text;                    ///< the server's message, UTF-8
    QList<Line> lines;

    [[nodiscard]] bool isOk() const { return status == Status::Ok; }
};

} // namespace Amiens
