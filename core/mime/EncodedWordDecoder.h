#pragma once

#include <QByteArrayView>
#include <QString>

namespace Amiens {

/// Decodes unstructured header text (a Subject, a display name) to Unicode: RFC 2047 encoded
/// words (B and Q, any charset the system's converters know, RFC 2231 language suffixes), and raw
/// 8-bit words read as UTF-8 when valid, else as Windows-1252. Words are split, unfolded and
/// spaced exactly as VMime 0.9.2 did (text::decodeAndUnfold), so results did not change when
/// HeaderDecoder stopped using VMime; adjacent encoded words of one charset are decoded together,
/// so a character split across two words survives (VMime decoded each word alone).
class EncodedWordDecoder
{
public:
    [[nodiscard]] static QString decode(QByteArrayView text);
};

} // namespace Amiens
