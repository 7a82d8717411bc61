#pragma once

#include <QByteArray>
#include <QList>
#include <string>
#include <utility>

namespace Amiens {

/// One whole response from an IMAP server with its literals kept apart: @c text is the response as
/// sent, each literal's announcement ("{123}\r\n") included and its bytes left out; the bytes are
/// in @c literals, in order, each read once into an array of exactly the announced size. A
/// message body (BODY[]) thus reaches its reader without being copied out of a line buffer.
struct ImapResponse
{
    QByteArray text;
    QList<QByteArray> literals;
    /// Where each literal's bytes stood in the response: an offset into @c text, right after its
    /// announcement.
    QList<qsizetype> literalOffsets;

    /// The response as it came on the wire, literals inline (final CRLF removed): for the small
    /// replies read as one line (NAMESPACE, ACL, QUOTA, IDLE).
    [[nodiscard]] QByteArray inlined() const;

    /// Whether @p line is the tagged reply of the command tagged @p tag ("a7 OK …").
    [[nodiscard]] static bool isTagged(const QByteArray &line, const std::string &tag);
    /// "OK", "NO" or "BAD" and the text after it in "<tag> NO [CODE] text".
    [[nodiscard]] static std::pair<QByteArray, std::string> taggedStatus(const QByteArray &line,
                                                                         const std::string &tag);
};

} // namespace Amiens
