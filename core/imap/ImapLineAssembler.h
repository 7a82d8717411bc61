#pragma once

#include "imap/ImapResponse.h"
#include "net/ImapStreamGuard.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <optional>
#include <span>

namespace Amiens {

/// Cuts what an IMAP server sends into whole responses, for the replies read without VMime's
/// parser (FETCH, IDLE, NAMESPACE, ACL, QUOTA). A literal's bytes go straight into an array of
/// its announced size as they arrive (ImapResponse), never into the line buffer: a 30 MB body is
/// held once. A line and a literal are bounded as ImapStreamGuard bounds them on the socket, so
/// a hostile server cannot make this buffer grow past them either.
class ImapLineAssembler
{
public:
    explicit ImapLineAssembler(qint64 maxLineBytes = ImapStreamGuard::kMaxLineBytes,
                               qint64 maxLiteralBytes = ImapStreamGuard::kMaxLiteralBytes);

    /// Adds received bytes; false once a bound is passed (and from then on).
    bool append(const char *data, qsizetype size);
    /// Where the rest of the literal being received goes, for a reader that receives straight
    /// into it instead of through a buffer and append() (a body's bytes copied once less); empty
    /// when no literal is being received. Every call is followed by literalReceived().
    [[nodiscard]] std::span<char> literalRoom();
    /// The first @p size bytes of literalRoom() were received (0 when the read failed).
    void literalReceived(qsizetype size);
    /// The next complete response, if one has arrived.
    [[nodiscard]] std::optional<ImapResponse> takeResponse();
    /// The same as one line, its literals inline ("* ACL {5}\r\nINBOX fred lrs", the final CRLF
    /// removed).
    [[nodiscard]] std::optional<QByteArray> takeLine();

    [[nodiscard]] bool failed() const { return !m_error.isEmpty(); }
    /// What was refused, for the logs ("a line of more than 8388608 bytes").
    [[nodiscard]] QString error() const { return m_error; }
    /// Bytes received and not yet handed out as a response.
    [[nodiscard]] qint64 pending() const { return m_readyBytes + m_currentBytes; }

private:
    struct Ready
    {
        ImapResponse response;
        qint64 wireBytes = 0;
    };

    /// Called when a line feed ended a segment of m_current.
    void endSegment();
    /// The literal size announced at the end of m_current.text's last segment (up to
    /// @p end), or -1.
    [[nodiscard]] qint64 announcedLiteral(qsizetype end) const;
    bool fail(const QString &error);
    /// Counts @p size literal bytes that arrived; once the literal is whole, the text resumes.
    void literalBytesArrived(qint64 size);

    qint64 m_maxLine;
    qint64 m_maxLiteral;
    ImapResponse m_current;       ///< the response being received
    qint64 m_currentBytes = 0;    ///< its bytes so far, literals included
    qsizetype m_segmentStart = 0; ///< where the text after the last literal starts
    qint64 m_literalLeft = 0;     ///< bytes of the current literal still to come
    QList<Ready> m_ready;
    qint64 m_readyBytes = 0;
    QString m_error;
};

} // namespace Amiens
