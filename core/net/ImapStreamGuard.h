#pragma once

#include <QString>
#include <QtGlobal>

namespace Amiens {

/// Watches the bytes an IMAP server sends before VMime's parser sees them. VMime 0.9.2 reads a
/// line until its line feed and a literal {N} to its last byte, with no bound on either: a
/// hostile or broken server could announce a 4 GB literal or send a line that never ends and
/// make us buffer it all. The guard follows the stream (current line length, literals announced
/// by "{N}" or "{N+}" at a line end, whose bytes it skips) and fails as soon as a line or an
/// announced literal passes its bound, before VMime has buffered more than one read of it.
class ImapStreamGuard
{
public:
    /// The longest legitimate line is a "* SEARCH" listing every UID of a folder ("1:*" in the
    /// sync): 8 MiB holds about 800,000 UIDs of 9 digits. An ENVELOPE or BODYSTRUCTURE line
    /// stays far below that (literals do not count: they are bounded on their own).
    static constexpr qint64 kMaxLineBytes = 8 * 1024 * 1024;
    /// One literal is one message (BODY[]) or one header: a message with 20 MB of attachments is
    /// ~35 MB once base64-encoded, so 64 MiB leaves room for the largest mail servers accept
    /// (Postfix's default limit is 10 MB) while keeping a hostile announcement harmless.
    static constexpr qint64 kMaxLiteralBytes = 64 * 1024 * 1024;

    enum class Violation
    {
        None,
        LineTooLong,
        LiteralTooLarge,
    };

    explicit ImapStreamGuard(qint64 maxLineBytes = kMaxLineBytes, qint64 maxLiteralBytes = kMaxLiteralBytes);

    /// Scans the next @p size bytes received; false once a bound is passed (and from then on).
    bool feed(const char *data, qsizetype size);

    [[nodiscard]] Violation violation() const { return m_violation; }
    /// What was refused, for the logs: "a line of more than 8388608 bytes", "a literal of …".
    [[nodiscard]] QString detail() const;
    /// The size a refused literal announced (announcements beyond 10^15 read as 10^15).
    [[nodiscard]] qint64 announcedLiteral() const { return m_announced; }
    [[nodiscard]] qint64 maxLineBytes() const { return m_maxLine; }
    [[nodiscard]] qint64 maxLiteralBytes() const { return m_maxLiteral; }

private:
    /// Where the end of the current line stands against a literal announcement "{123}" / "{123+}".
    enum class Tail
    {
        None,
        Open,   ///< "{"
        Digits, ///< "{12"
        Plus,   ///< "{12+"
        Close,  ///< "{12}" or "{12+}"
        CloseCr ///< "{12}\r"
    };

    void scanByte(char c);

    qint64 m_maxLine;
    qint64 m_maxLiteral;
    qint64 m_lineLength = 0;  ///< bytes of the current line outside literals, so far
    qint64 m_literalLeft = 0; ///< bytes of the current literal still to come
    qint64 m_tailNumber = 0;  ///< the number in a "{N" being read
    qint64 m_announced = 0;
    Tail m_tail = Tail::None;
    Violation m_violation = Violation::None;
};

} // namespace Amiens
