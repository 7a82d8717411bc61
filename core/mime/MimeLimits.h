#pragma once

#include <QtGlobal>

namespace Amiens {

/// The bounds every received message is read within (shared/research/real-mail.md §4: KMime's
/// depth, Dovecot's and mail-mime-parser's part counts, Postfix's and Stalwart's header sizes).
/// Real mail stays far below them; past one, the message is shown as far as it was read, with a
/// notice, instead of letting a sender choose how much time, stack or memory it costs to open.
namespace MimeLimits {

/// Multipart and message/rfc822 levels (KMime 32; Dovecot 100).
inline constexpr int kMaxDepth = 32;
/// MIME parts in one message (Dovecot and mail-mime-parser: 10,000; real mail: a few dozen).
inline constexpr int kMaxParts = 2000;
/// Bytes of one part's header block that are read; the rest is skipped.
inline constexpr qsizetype kMaxHeaderBytes = 256 * 1024;
/// Bytes of one Content-* field value (a long RFC 2231 file name fits in a few hundred).
inline constexpr qsizetype kMaxFieldBytes = 64 * 1024;
/// Parameters of one Content-Type or Content-Disposition field (Cyrus: 128).
inline constexpr int kMaxParameters = 128;
/// RFC 2231 sections of one parameter.
inline constexpr int kMaxParameterSections = 100;
/// Characters and lines of readable text kept for the view, the search index and a reply quote
/// (about 300 pages): Qt lays out about two million characters or 100,000 lines a second.
inline constexpr qsizetype kMaxTextChars = 1000 * 1000;
inline constexpr int kMaxTextLines = 50000;
/// Characters of HTML handed to the view (and to HTML to text).
inline constexpr qsizetype kMaxHtmlChars = 2 * 1024 * 1024;
/// Decoded bytes of the images an HTML body shows inline, all together.
inline constexpr qsizetype kMaxInlineImageBytes = 32 * 1024 * 1024;
/// Charset names longer than this are not names.
inline constexpr qsizetype kMaxCharsetNameBytes = 64;

} // namespace MimeLimits

} // namespace Amiens
