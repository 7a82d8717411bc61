#pragma once

#include "net/ImapStreamGuard.h"

#include <QByteArray>
#include <QString>
#include <optional>

namespace Amiens {

/// Cuts what an IMAP server sends into whole response lines, each with its literals inline
/// ("* ACL {5}\r\nINBOX fred lrs", the final CRLF removed), for the replies read without VMime's
/// parser (IDLE, NAMESPACE, ACL, QUOTA). A line and a literal are bounded as ImapStreamGuard
/// bounds them on the socket, so a hostile server cannot make this buffer grow past them either.
class ImapLineAssembler
{
public:
    explicit ImapLineAssembler(qint64 maxLineBytes = ImapStreamGuard::kMaxLineBytes,
                               qint64 maxLiteralBytes = ImapStreamGuard::kMaxLiteralBytes);

    /// Adds received bytes; false once a bound is passed (and from then on).
    bool append(const char *data, qsizetype size);
    /// The next complete line, if one has arrived.
    [[nodiscard]] std::optional<QByteArray> takeLine();

    [[nodiscard]] bool failed() const { return !m_error.isEmpty(); }
    /// What was refused, for the logs ("a line of more than 8388608 bytes").
    [[nodiscard]] QString error() const { return m_error; }
    /// Bytes received and not yet handed out as a line.
    [[nodiscard]] qsizetype pending() const { return m_buffer.size(); }

private:
    /// Scans m_buffer from m_scanned; sets m_complete when a line ends.
    void scan();
    /// The literal size announced at the end of the segment [m_segmentStart, @p end), or -1.
    [[nodiscard]] qint64 announcedLiteral(qsizetype end) const;

    qint64 m_maxLine;
    qint64 m_maxLiteral;
    QByteArray m_buffer;
    qsizetype m_scanned = 0;      ///< bytes of m_buffer already looked at
    qsizetype m_segmentStart = 0; ///< where the text after the last literal starts
    qint64 m_literalLeft = 0;     ///< bytes of the current literal still to come
    qsizetype m_complete = -1;    ///< end (after LF) of a complete first line, or -1
    QString m_error;
};

} // namespace Amiens
