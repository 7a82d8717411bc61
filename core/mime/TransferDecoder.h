#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <functional>

namespace Amiens {

/// Content-Transfer-Encoding decoding (RFC 2045 §6), lenient the way mail needs: characters
/// outside the base64 alphabet are skipped (§6.8), missing padding is tolerated, a broken
/// quoted-printable escape is kept as written. Linear, never fails.
class TransferDecoder
{
public:
    enum class Encoding
    {
        Identity,
        Base64,
        QuotedPrintable
    };

    /// "base64", "quoted-printable" (any case, trimmed); anything else is taken as is.
    [[nodiscard]] static Encoding fromName(QByteArrayView name);

    [[nodiscard]] static QByteArray decode(QByteArrayView data, Encoding encoding);
    /// Decodes at most about @p maxBytes of output (the rest is not read).
    [[nodiscard]] static QByteArray decode(QByteArrayView data, Encoding encoding, qsizetype maxBytes);
    /// The decoded size, counted without decoding (exact for base64 and identity).
    [[nodiscard]] static qsizetype decodedSize(QByteArrayView data, Encoding encoding);
    /// Decodes @p data in pieces of about @p chunkBytes, handing each to @p sink (false stops).
    static bool decodeInChunks(QByteArrayView data, Encoding encoding,
                               const std::function<bool(QByteArrayView)> &sink,
                               qsizetype chunkBytes = 256 * 1024);
};

} // namespace Amiens
