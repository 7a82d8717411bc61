#include "EncodedWordDecoder.h"

#include "CharsetDecoder.h"
#include "HexDigit.h"

#include <QByteArray>
#include <algorithm>
#include <optional>

namespace Amiens {

namespace {

/// One word of the text: an encoded word decoded to bytes in its charset, or plain text.
struct Word
{
    QByteArray bytes;
    QByteArray charset; ///< as declared, without the RFC 2231 language; "us-ascii" for plain text
    bool encoded = false;
};

/// What VMime carries from one word to the next (word::parserState).
struct ParserState
{
    bool prevIsEncoded = false;
    bool isFirst = true;
    QByteArray undecodedBytes; ///< base64 left over by a word whose length is not a multiple of 4
};

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// VMime's base64 table: 0xff for bytes outside the alphabet, whose bits are then mixed in as is.
constexpr unsigned char kBase64Values[256] = {
    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x3e, 0xff, 0xff, 0xff, 0x3f,
    0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0x3a, 0x3b, 0x3c, 0x3d, 0xff, 0xff, 0xff, 0x3d, 0xff, 0xff,
    0xff, 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e,
    0x0f, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0xff, 0xff, 0xff, 0xff, 0xff,
    0xff, 0x1a, 0x1b, 0x1c, 0x1d, 0x1e, 0x1f, 0x20, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0x27, 0x28,
    0x29, 0x2a, 0x2b, 0x2c, 0x2d, 0x2e, 0x2f, 0x30, 0x31, 0x32, 0x33, 0xff, 0xff, 0xff, 0xff, 0xff,
    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff};

/// Base64 as VMime decodes it: white space skipped, stops at '=' or at an incomplete group.
/// Returns the number of bytes written.
qsizetype decodeBase64(QByteArrayView in, QByteArray &out)
{
    qsizetype total = 0;
    qsizetype i = 0;
    while (i < in.size()) {
        unsigned char group[4];
        int count = 0;
        while (count < 4 && i < in.size()) {
            const char c = in[i++];
            if (!isSpace(c))
                group[count++] = static_cast<unsigned char>(c);
        }
        if (count != 4 || group[0] == '=' || group[1] == '=')
            break;
        const unsigned char v0 = kBase64Values[group[0]];
        const unsigned char v1 = kBase64Values[group[1]];
        out += char(static_cast<unsigned char>((v0 << 2) | ((v1 & 0x30) >> 4)));
        ++total;
        if (group[2] == '=')
            break;
        const unsigned char v2 = kBase64Values[group[2]];
        out += char(static_cast<unsigned char>(((v1 & 0xf) << 4) | ((v2 & 0x3c) >> 2)));
        ++total;
        if (group[3] == '=')
            break;
        out += char(static_cast<unsigned char>(((v2 & 0x03) << 6) | kBase64Values[group[3]]));
        ++total;
    }
    return total;
}

/// VMime's table: anything that is not a hexadecimal digit counts as 0.
int hexValue(char c)
{
    return std::max(0, hexDigitValue(c));
}

/// RFC 2047 "Q": '_' is a space, "=XX" a byte, "=" before a line end a soft break.
void decodeQ(QByteArrayView in, QByteArray &out)
{
    qsizetype i = 0;
    while (i < in.size()) {
        const char c = in[i++];
        if (c == '_') {
            out += ' ';
        } else if (c != '=') {
            out += c;
        } else if (i < in.size()) {
            const char first = in[i++];
            if (first == '\r') {
                if (i < in.size())
                    ++i;
            } else if (first != '\n' && i < in.size()) {
                out += char(hexValue(first) * 16 + hexValue(in[i++]));
            }
        }
    }
}

/// An encoded word "=?charset?E?data?=" spanning [position, end) (word::parseWithState).
Word parseEncodedWord(QByteArrayView buffer, qsizetype position, qsizetype end, ParserState &state)
{
    if (position + 6 < end && buffer[position] == '=' && buffer[position + 1] == '?') {
        qsizetype p = position + 2;
        const qsizetype charsetPos = p;
        while (p != end && buffer[p] != '?')
            ++p;
        if (p != end) {
            const qsizetype charsetEnd = p;
            const qsizetype encodingPos = ++p;
            while (p != end && buffer[p] != '?')
                ++p;
            if (p != end) {
                const qsizetype dataPos = ++p;
                while (p != end && !(buffer[p] == '?' && p + 1 < buffer.size() && buffer[p + 1] == '='))
                    ++p;
                const char encoding = buffer[encodingPos];
                const bool base64 = encoding == 'B' || encoding == 'b';
                const bool q = encoding == 'Q' || encoding == 'q';
                if (p != end && (base64 || q)) {
                    const qsizetype dataEnd = p;
                    QByteArrayView charsetAndLanguage = buffer.sliced(charsetPos, charsetEnd - charsetPos);
                    const qsizetype asterisk = charsetAndLanguage.indexOf('*');
                    if (asterisk >= 0)
                        charsetAndLanguage = charsetAndLanguage.first(asterisk);

                    QByteArray encoded = state.undecodedBytes;
                    state.undecodedBytes.clear();
                    encoded += buffer.sliced(dataPos, dataEnd - dataPos);

                    Word word{{}, charsetAndLanguage.toByteArray(), true};
                    if (q) {
                        decodeQ(encoded, word.bytes);
                        return word;
                    }
                    // VMime keeps the base64 characters a word could not decode for the next word
                    // ("=?utf-8?B?5Lit5?= =?utf-8?B?paH?="), counting from this word's own data.
                    const qsizetype decoded = decodeBase64(encoded, word.bytes);
                    const qsizetype expected =
                        ((decoded + ((decoded % 3) ? (3 - (decoded % 3)) : 0)) / 3) * 4;
                    if (encoded.size() != expected && dataPos + expected <= dataEnd)
                        state.undecodedBytes =
                            buffer.sliced(dataPos + expected, dataEnd - dataPos - expected).toByteArray();
                    return word;
                }
            }
        }
    }
    // Unknown encoding or malformed word: plain text (RFC 2047 §6.3).
    return {buffer.sliced(position, end - position).toByteArray(), QByteArrayLiteral("us-ascii"), false};
}

/// The next word at or after @p position (VMime's word::parseNext, white space rules included).
std::optional<Word> parseNextWord(QByteArrayView buffer, qsizetype position, qsizetype *newPosition,
                                  ParserState &state)
{
    const qsizetype end = buffer.size();
    qsizetype pos = position;
    // White space is dropped before the first word and between two encoded words; it is kept
    // between an encoded word and the text that follows. Newlines always go.
    while (pos < end && isSpace(buffer[pos]))
        ++pos;
    const qsizetype spacesEnd = pos;
    const auto whiteSpaces = [&] {
        QByteArray spaces = buffer.sliced(position, spacesEnd - position).toByteArray();
        spaces.removeIf([](char c) { return c == '\r' || c == '\n'; });
        return spaces;
    };
    qsizetype startPos = pos;
    QByteArray unencoded;
    const auto plainWord = [&](qsizetype wordEnd) {
        *newPosition = wordEnd;
        state.prevIsEncoded = false;
        state.isFirst = false;
        return Word{unencoded, QByteArrayLiteral("us-ascii"), false};
    };

    while (pos < end) {
        if (buffer[pos] == '\n') {
            // Unfolding: the line break and the white space after it become one space.
            qsizetype endPos = pos;
            if (pos > position && buffer[pos - 1] == '\r') {
                ++pos;
                --endPos;
            }
            while (pos != end && isSpace(buffer[pos]))
                ++pos;
            if (endPos > startPos)
                unencoded += buffer.sliced(startPos, endPos - startPos);
            if (pos != end)
                unencoded += ' ';
            startPos = pos;
            continue;
        }
        if (pos + 8 < end && buffer[pos] == '=' && buffer[pos + 1] == '?') {
            unencoded += buffer.sliced(startPos, pos - startPos);
            if (!unencoded.isEmpty()) {
                if (state.prevIsEncoded && !state.isFirst)
                    unencoded.prepend(whiteSpaces());
                return plainWord(pos);
            }
            const qsizetype wordStart = pos;
            pos += 2;
            while (pos < end && buffer[pos] != '?')
                ++pos;
            if (pos < end) {
                ++pos;
                while (pos < end && buffer[pos] != '?')
                    ++pos;
                if (pos < end)
                    ++pos;
            }
            while (pos < end && buffer[pos] != '\n' &&
                   !(buffer[pos] == '?' && pos + 1 < end && buffer[pos + 1] == '='))
                ++pos;
            // No "?=" before the end of the line: not an encoded word, read on as text.
            if (pos == end || buffer[pos] == '\n')
                continue;
            pos += 2;
            Word word = parseEncodedWord(buffer, wordStart, pos, state);
            *newPosition = pos;
            state.prevIsEncoded = true;
            state.isFirst = false;
            return word;
        }
        ++pos;
    }
    if (startPos != end) {
        if (state.prevIsEncoded && !state.isFirst)
            unencoded.prepend(whiteSpaces());
        unencoded += buffer.sliced(startPos, end - startPos);
    }
    if (!unencoded.isEmpty())
        return plainWord(end);
    return std::nullopt;
}

bool isUsAsciiOrUnnamed(QByteArrayView charset)
{
    return charset.isEmpty() || charset == "us-ascii" || charset == "US-ASCII";
}

} // namespace

QString EncodedWordDecoder::decode(QByteArrayView text)
{
    // Most values are plain ASCII or raw UTF-8 on one line: one plain word.
    if (!text.contains('\n') && !text.contains("=?")) {
        qsizetype start = 0;
        while (start < text.size() && isSpace(text[start]))
            ++start;
        return CharsetDecoder::toUnicode(text.sliced(start), QByteArrayLiteral("us-ascii"));
    }
    QString result;
    ParserState state;
    qsizetype pos = 0;
    // Encoded words of one charset that follow each other are converted together: writers split
    // long subjects by bytes, sometimes inside a multi-byte character.
    QByteArray pending;
    QByteArray pendingCharset;
    const auto flush = [&] {
        if (!pendingCharset.isNull())
            result += CharsetDecoder::toUnicode(pending, pendingCharset);
        pending.clear();
        pendingCharset = QByteArray();
    };
    while (pos < text.size()) {
        std::optional<Word> word = parseNextWord(text, pos, &pos, state);
        if (!word)
            break;
        const bool joinable = word->encoded && !isUsAsciiOrUnnamed(word->charset);
        if (!joinable || pendingCharset.isNull() ||
            word->charset.compare(pendingCharset, Qt::CaseInsensitive) != 0)
            flush();
        if (joinable) {
            if (pendingCharset.isNull())
                pendingCharset = word->charset;
            pending += word->bytes;
        } else {
            result += CharsetDecoder::toUnicode(word->bytes, word->charset);
        }
    }
    flush();
    return result;
}

} // namespace Amiens
