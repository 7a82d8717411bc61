#pragma once

#include "MessageHeaders.h"

#include <QByteArray>

namespace Amiens {

/// Decodes a raw RFC 5322 header block (RFC 2047 words, any charset), defensively: every message
/// is untrusted input. decode() reads the fields the cache keeps by hand (EncodedWordDecoder,
/// AddressListParser, MailDateParser), with VMime 0.9.2's results but about 15 times faster
/// (issue 10); tst_headerdecoder compares both. Header blocks and address fields that could make
/// VMime recurse without bound (nested address groups overflow the stack; core/net/VmimeTraps.md,
/// « Nested address groups ») are cut down or decoded by a flat fallback. No received message is
/// parsed by VMime any more (the bodies are read by the message model, core/mime/MimeTree).
class HeaderDecoder
{
public:
    /// Above this, only the first part of a header block is decoded.
    static constexpr qsizetype kMaxHeaderBytes = 256 * 1024;
    /// Above this many group separators an address field is not given to VMime's parser.
    static constexpr int kMaxAddressGroupMarks = 64;
    /// Longer subjects are cut, with an ellipsis.
    static constexpr qsizetype kMaxSubjectChars = 1000;

    [[nodiscard]] static MessageHeaders decode(const QByteArray &rawHeader);

    /// Whether VMime may parse this address field value safely.
    [[nodiscard]] static bool isSafeAddressField(const QByteArray &value);
};

} // namespace Amiens
