#include "TransferDecoder.h"

#include "HexDigit.h"

#include <array>
#include <cstring>
#include <limits>

namespace Amiens {

namespace {

constexpr std::array<qint8, 256> makeBase64Table()
{
    std::array<qint8, 256> table{};
    for (auto &value : table)
        value = -1;
    const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (int i = 0; i < 64; ++i)
        table[static_cast<unsigned char>(alphabet[i])] = static_cast<qint8>(i);
    return table;
}
constexpr std::array<qint8, 256> kBase64 = makeBase64Table();
/// Room made beyond what a quoted-printable chunk asks for: it ends at the next line end.
constexpr qsizetype kQuotedPrintableSlack = 1024;

/// Decodes base64 from @p data starting at @p position into @p out until about @p maxOut bytes;
/// returns the position reached. Padding and stray characters are skipped: a message cut in the
/// middle, or with "====" inside, still yields what can be read.
qsizetype decodeBase64(QByteArrayView data, qsizetype position, QByteArray &out, qsizetype maxOut)
{
    // Written through a pointer into room made once: appending byte by byte was a tenth of the
    // model's time.
    const qsizetype start = out.size();
    const qsizetype room = std::min(maxOut - start, (data.size() - position) / 4 * 3 + 3);
    if (room <= 0)
        return position;
    out.resize(start + room);
    char *write = out.data() + start;
    char *const end = write + room;
    quint32 accumulator = 0;
    int bits = 0;
    const qsizetype size = data.size();
    while (position < size && write < end) {
        const qint8 value = kBase64[static_cast<unsigned char>(data[position++])];
        if (value < 0)
            continue;
        accumulator = (accumulator << 6) | static_cast<quint32>(value);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            *write++ = static_cast<char>((accumulator >> bits) & 0xFF);
        }
    }
    out.truncate(write - out.data());
    return position;
}

/// Quoted-printable from @p position; a soft line break "=\r\n" or "=\n" joins lines. Stops at a
/// line start once about @p maxOut bytes are out, so a chunk never ends inside an escape.
qsizetype decodeQuotedPrintable(QByteArrayView data, qsizetype position, QByteArray &out, qsizetype maxOut)
{
    // Written through a pointer, as decodeBase64() does: an append per run between two escapes
    // (Outlook's HTML has one every few bytes) was most of the decoding. Decoded text is never
    // longer than its encoding, so the room is made once, up to what this call may write.
    const char *const in = data.data();
    const qsizetype size = data.size();
    qsizetype written = out.size();
    const qsizetype wanted = std::max<qsizetype>(maxOut - written, 0);
    const qsizetype remaining = size - position;
    out.resize(written +
               (wanted >= remaining ? remaining : std::min(remaining, wanted + kQuotedPrintableSlack)));
    const auto roomFor = [&](qsizetype bytes) -> char * {
        if (written + bytes > out.size())
            out.resize(std::min(written + remaining, std::max(written + bytes, 2 * out.size())));
        return out.data() + written;
    };
    while (position < size) {
        const char c = in[position];
        if (c == '\n' && written >= maxOut) {
            *roomFor(1) = '\n';
            ++written;
            ++position;
            break;
        }
        if (c != '=') {
            // The bytes up to the next '=' or line end go out in one piece.
            qsizetype run = position + 1;
            if (c != '\n') {
                while (run < size && in[run] != '=' && in[run] != '\n')
                    ++run;
            }
            std::memcpy(roomFor(run - position), in + position, run - position);
            written += run - position;
            position = run;
            continue;
        }
        if (position + 1 < size && in[position + 1] == '\n') {
            position += 2;
            continue;
        }
        if (position + 2 < size && in[position + 1] == '\r' && in[position + 2] == '\n') {
            position += 3;
            continue;
        }
        // Trailing white space after a soft break ("=  \r\n") is transport padding.
        qsizetype afterSpace = position + 1;
        while (afterSpace < size && (in[afterSpace] == ' ' || in[afterSpace] == '\t'))
            ++afterSpace;
        if (afterSpace > position + 1 && afterSpace < size &&
            (in[afterSpace] == '\n' || in[afterSpace] == '\r')) {
            position = afterSpace + (in[afterSpace] == '\r' && afterSpace + 1 < size ? 2 : 1);
            continue;
        }
        const int high = position + 1 < size ? hexDigitValue(in[position + 1]) : -1;
        const int low = position + 2 < size ? hexDigitValue(in[position + 2]) : -1;
        if (high >= 0 && low >= 0) {
            *roomFor(1) = static_cast<char>(high * 16 + low);
            position += 3;
        } else {
            *roomFor(1) = '=';
            ++position;
        }
        ++written;
    }
    out.truncate(written);
    return position;
}

} // namespace

TransferDecoder::Encoding TransferDecoder::fromName(QByteArrayView name)
{
    const QByteArrayView trimmed = name.trimmed();
    if (trimmed.compare("base64", Qt::CaseInsensitive) == 0)
        return Encoding::Base64;
    if (trimmed.compare("quoted-printable", Qt::CaseInsensitive) == 0)
        return Encoding::QuotedPrintable;
    return Encoding::Identity;
}

QByteArray TransferDecoder::decode(QByteArrayView data, Encoding encoding)
{
    return decode(data, encoding, std::numeric_limits<qsizetype>::max());
}

QByteArray TransferDecoder::decode(QByteArrayView data, Encoding encoding, qsizetype maxBytes)
{
    QByteArray out;
    switch (encoding) {
    case Encoding::Identity:
        return data.first(std::min(data.size(), maxBytes)).toByteArray();
    case Encoding::Base64:
        out.reserve(std::min(data.size() / 4 * 3 + 3, maxBytes));
        decodeBase64(data, 0, out, maxBytes);
        break;
    case Encoding::QuotedPrintable:
        out.reserve(std::min(data.size(), maxBytes));
        decodeQuotedPrintable(data, 0, out, maxBytes);
        if (out.size() > maxBytes)
            out.truncate(maxBytes);
        break;
    }
    return out;
}

qsizetype TransferDecoder::decodedSize(QByteArrayView data, Encoding encoding)
{
    switch (encoding) {
    case Encoding::Identity:
        return data.size();
    case Encoding::Base64: {
        // Line breaks, white space and padding are all that real encoders add: counting what is
        // above ' ' and not '=' is exact for them, and vectorises (a 20 MB part in a few ms).
        qsizetype symbols = 0;
        for (const char c : data)
            symbols += static_cast<unsigned char>(c) > ' ' && c != '=';
        return symbols * 6 / 8;
    }
    case Encoding::QuotedPrintable: {
        qsizetype size = 0;
        decodeInChunks(
            data, encoding,
            [&size](QByteArrayView chunk) {
                size += chunk.size();
                return true;
            },
            64 * 1024);
        return size;
    }
    }
    return data.size();
}

bool TransferDecoder::decodeInChunks(QByteArrayView data, Encoding encoding,
                                     const std::function<bool(QByteArrayView)> &sink, qsizetype chunkBytes)
{
    if (encoding == Encoding::Identity) {
        for (qsizetype start = 0; start < data.size(); start += chunkBytes) {
            if (!sink(data.sliced(start, std::min(chunkBytes, data.size() - start))))
                return false;
        }
        return true;
    }
    qsizetype position = 0;
    QByteArray chunk;
    chunk.reserve(chunkBytes + 4);
    while (position < data.size()) {
        chunk.truncate(0); // keeps its room (clear() gave it back)
        if (encoding == Encoding::Base64) {
            // Whole quanta only, so a chunk boundary never splits the bits of one byte.
            qsizetype end = std::min(data.size(), position + chunkBytes / 3 * 4);
            qsizetype symbols = 0;
            qsizetype scan = position;
            while (scan < data.size() && (symbols % 4 != 0 || scan < end)) {
                symbols += kBase64[static_cast<unsigned char>(data[scan])] >= 0 ? 1 : 0;
                ++scan;
            }
            decodeBase64(data.sliced(position, scan - position), 0, chunk,
                         std::numeric_limits<qsizetype>::max());
            position = scan;
        } else {
            position = decodeQuotedPrintable(data, position, chunk, chunkBytes);
        }
        if (!chunk.isEmpty() && !sink(chunk))
            return false;
    }
    return true;
}

} // namespace Amiens
