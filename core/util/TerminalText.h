#pragma once

#include <QString>

namespace Amiens {

/// Text from a message made safe to print on a terminal: control characters (ESC and the other
/// C0 and C1 codes, DEL) are shown as their Unicode control pictures ("␛") or as "<U+009B>", and
/// bidirectional overrides as "<U+202E>", so that a subject cannot erase the « Attention : » line
/// above it, move the cursor, retitle the window or write the clipboard (OSC 52).
class TerminalText
{
public:
    /// Line feeds and tabs are kept when @p keepLineBreaks (a body), else shown too (one line).
    [[nodiscard]] static QString visible(const QString &text, bool keepLineBreaks = false);
};

} // namespace Amiens
