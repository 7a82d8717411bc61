#pragma once

#include "ContentField.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

namespace Amiens {

/// One MIME entity of a message: where its header and body lie in the raw bytes, and the
/// Content-* fields that say what it is. Offsets, not copies: the raw message stays the reference.
struct MimePart
{
    int parent = -1;
    int depth = 0; ///< 0 for the message itself; +1 per multipart or message/rfc822 level
    qsizetype headerStart = 0;
    qsizetype headerEnd = 0; ///< the header block is [headerStart, headerEnd)
    qsizetype bodyStart = 0;
    qsizetype bodyEnd = 0;    ///< the body (still transfer-encoded) is [bodyStart, bodyEnd)
    ContentField contentType; ///< "text/plain" when absent (message/rfc822 inside a digest)
    ContentField disposition;
    QByteArray transferEncoding; ///< lower case, trimmed
    QByteArray contentId;        ///< without angle brackets
    QList<int> children;
    /// A container that was not opened because a limit was reached.
    bool opaque = false;

    [[nodiscard]] bool isMultipart() const { return contentType.type() == "multipart"; }
    [[nodiscard]] bool isEmbeddedMessage() const
    {
        return contentType.token() == "message/rfc822" || contentType.token() == "message/global";
    }
};

/// The MIME structure of a message, read in one pass over its lines with an explicit stack of
/// open boundaries: no recursion, time linear in the size (times at most MimeLimits::kMaxDepth
/// boundary comparisons on lines that start with "--"), at most MimeLimits::kMaxParts parts.
/// Boundaries match exactly (a boundary that is a prefix of another does not close it); a
/// missing close delimiter ends the parts at the end of the message. Parts are in document order
/// (a parent before its children).
class MimeTree
{
public:
    [[nodiscard]] static MimeTree parse(QByteArrayView rawMessage);

    [[nodiscard]] const QList<MimePart> &parts() const { return m_parts; }
    /// Whether a limit (depth, parts, header size) was reached: the tree is then partial.
    [[nodiscard]] bool limitReached() const { return m_limitReached; }

    /// The body of part @p index as written (still transfer-encoded).
    [[nodiscard]] static QByteArrayView bodyOf(QByteArrayView rawMessage, const MimePart &part);
    /// The header block of @p part, at most MimeLimits::kMaxHeaderBytes of it.
    [[nodiscard]] static QByteArrayView headerOf(QByteArrayView rawMessage, const MimePart &part);

private:
    QList<MimePart> m_parts;
    bool m_limitReached = false;
};

} // namespace Amiens
