#pragma once

#include "ManageSieveResponse.h"

#include <QByteArray>
#include <QString>
#include <optional>

namespace Amiens {

/// Incremental reader of server responses (RFC 5804 §4): quoted strings with \" and \\, literals
/// {n}, response codes in parentheses. Bytes are appended as they arrive; a response is handed
/// out only when it is complete. Every response is bounded by maxResponseSize, and a literal
/// announcing more than that is refused before its bytes arrive: a hostile or broken server
/// cannot make us buffer without limit.
class ManageSieveParser
{
public:
    /// A response line: either data (tokens) or the final OK/NO/BYE.
    struct Item
    {
        bool isFinal = false;
        ManageSieveResponse::Line tokens; ///< for data lines
        ManageSieveResponse final;        ///< for the final line (lines stay empty)
    };

    explicit ManageSieveParser(qsizetype maxResponseSize = 4 * 1024 * 1024);

    void append(const QByteArray &bytes);
    /// The next complete line, or nothing when more bytes are needed. On a protocol error,
    /// hasError() becomes true and nothing more is returned.
    [[nodiscard]] std::optional<Item> nextItem();
    /// Collects data lines until the final line; nothing while incomplete.
    [[nodiscard]] std::optional<ManageSieveResponse> nextResponse();

    [[nodiscard]] bool hasError() const { return !m_error.isEmpty(); }
    [[nodiscard]] QString error() const { return m_error; }
    /// Bytes received but not yet consumed (for the STARTTLS injection check).
    [[nodiscard]] qsizetype pendingBytes() const { return m_buffer.size(); }

private:
    enum class Scan
    {
        Complete,
        Incomplete,
        Invalid
    };
    Scan scanLine(ManageSieveResponse::Line &tokens, qsizetype &consumed);
    bool fail(const QString &error);

    qsizetype m_maxResponseSize;
    QByteArray m_buffer;
    qsizetype m_responseSize = 0; ///< bytes consumed by the response being read
    /// After an incomplete scan, the line is scanned again only once the buffer holds this many
    /// bytes (the rest of a literal) and a line feed from m_newlineFrom on: each chunk of a long
    /// line used to make the whole line be scanned again (quadratic in its length).
    qsizetype m_minimumSize = 0;
    qsizetype m_newlineFrom = -1;
    ManageSieveResponse m_partial;
    QString m_error;
};

} // namespace Amiens
