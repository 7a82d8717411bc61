#include "TnefDecoder.h"

#include "HexDigit.h"

#include <QHash>
#include <QStringDecoder>
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <optional>

// libytnef is C without extern "C" guards; its headers also define BYTE, WORD, DWORD… as macros,
// so they come last and stay in this file.
extern "C" {
#include <ytnef.h>
}

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

constexpr quint32 kSignature = 0x223E9F78;
constexpr quint32 kLzfuMagic = 0x75465A4C; // "LZFu": compressed RTF
constexpr quint32 kMelaMagic = 0x414C454D; // "MELA": uncompressed RTF
constexpr qsizetype kRecordHeader = 9;     // level, attribute id, length
constexpr qsizetype kLongestTitle = 260;   // MAX_PATH; titles are read here, not by libytnef

// What libytnef 2.0 (TNEFFillMapi) refuses, printing on stdout and failing the whole stream.
constexpr quint32 kYtnefMaxCount = 1000;
constexpr quint32 kYtnefMaxNameLength = 100;
constexpr quint32 kYtnefMaxValue = 524288;

constexpr quint16 kPrBody = 0x1000;
constexpr quint16 kPrRtfCompressed = 0x1009;
constexpr quint16 kPrBodyHtml = 0x1013;
constexpr quint16 kPrDisplayName = 0x3001;
constexpr quint16 kPrAttachFilename = 0x3704;
constexpr quint16 kPrAttachLongFilename = 0x3707;
constexpr quint16 kPrAttachMimeTag = 0x370E;
constexpr quint16 kPrInternetCpid = 0x3FDE;
constexpr quint16 kPrMessageCodepage = 0x3FFD;

quint32 le32(QByteArrayView bytes, qsizetype at)
{
    const auto *p = reinterpret_cast<const uchar *>(bytes.data()) + at;
    return quint32(p[0]) | quint32(p[1]) << 8 | quint32(p[2]) << 16 | quint32(p[3]) << 24;
}

quint16 le16(QByteArrayView bytes, qsizetype at)
{
    const auto *p = reinterpret_cast<const uchar *>(bytes.data()) + at;
    return quint16(p[0] | p[1] << 8);
}

quint16 checksum(QByteArrayView bytes)
{
    quint32 sum = 0;
    for (const char c : bytes)
        sum += uchar(c);
    return quint16(sum);
}

void appendLe32(QByteArray &out, quint32 value)
{
    for (int i = 0; i < 4; ++i)
        out += char((value >> (8 * i)) & 0xff);
}

void appendRecord(QByteArray &out, char level, quint32 attribute, QByteArrayView data)
{
    out += level;
    appendLe32(out, attribute);
    appendLe32(out, quint32(data.size()));
    out += data;
    const quint16 sum = checksum(data);
    out += char(sum & 0xff);
    out += char(sum >> 8);
}

/// Reads a MAPI property block with bounds on every step.
struct Cursor
{
    QByteArrayView bytes;
    qsizetype position = 0;

    bool u32(quint32 &value)
    {
        if (bytes.size() - position < 4)
            return false;
        value = le32(bytes, position);
        position += 4;
        return true;
    }
    /// @p size bytes, then the padding to a multiple of 4 that TNEF puts after variable values.
    bool skip(quint64 size, bool padded = false)
    {
        const quint64 total = padded ? (size + 3) / 4 * 4 : size;
        if (total > quint64(bytes.size() - position))
            return false;
        position += qsizetype(total);
        return true;
    }
};

/// What the record walk keeps for itself: values that libytnef would refuse.
struct Sidecar
{
    QByteArray body;          ///< attBody, which libytnef caps at 100,000 bytes
    quint32 codepage = 0;     ///< attOemCodepage
    QList<QByteArray> titles; ///< attAttachTitle per attachment (libytnef caps them at 100 bytes)
    QHash<quint32, QByteArray> longValues; ///< message properties longer than libytnef takes
};

bool isSubjectProperty(quint32 id)
{
    // libytnef copies these into a 100-byte subject and fails the stream when they are longer.
    return id == 0x0037 || id == 0x0038 || id == 0x0049 || id == 0x0E1D || id == 0x0070;
}

/// A MAPI property block cut to the properties libytnef 2.0 reads safely and without complaint:
/// the block is walked exactly as TNEFFillMapi walks it, and multi-valued properties, subjects
/// and properties with a value over its limit are left out (message-level long values go to @p longValues).
/// nullopt when the block cannot be read or keeps nothing.
std::optional<QByteArray> filterMapi(QByteArrayView block, QHash<quint32, QByteArray> *longValues)
{
    Cursor cursor{block};
    quint32 count = 0;
    if (!cursor.u32(count) || count == 0 || count > kYtnefMaxCount)
        return std::nullopt;
    QByteArray out(4, '\0');
    quint32 kept = 0;
    for (quint32 i = 0; i < count; ++i) {
        const qsizetype start = cursor.position;
        quint32 tag = 0;
        if (!cursor.u32(tag))
            return std::nullopt;
        const quint32 type = tag & 0xffff;
        quint32 id = tag >> 16;
        const bool named = id >= 0x8000;
        if (named) {
            quint32 kind = 0;
            if (!cursor.skip(16) || !cursor.u32(kind) || kind > kYtnefMaxCount)
                return std::nullopt;
            if (kind == 0) {
                quint32 namedId = 0;
                if (!cursor.u32(namedId))
                    return std::nullopt;
                id = namedId & 0xffff; // what libytnef then takes for the property id
            }
            for (quint32 k = 0; k < kind; ++k) {
                quint32 length = 0;
                if (!cursor.u32(length) || length == 0 || length > kYtnefMaxNameLength ||
                    !cursor.skip(length, true))
                    return std::nullopt;
            }
        }
        const bool multiple = type & MV_FLAG;
        const quint32 base = multiple ? type - MV_FLAG : type;
        quint32 values = 1;
        if (multiple && (!cursor.u32(values) || values == 0 || values > kYtnefMaxCount))
            return std::nullopt;
        bool tooLong = false;
        QByteArrayView firstValue;
        for (quint32 v = 0; v < values; ++v) {
            switch (base) {
            case PT_BINARY:
            case PT_OBJECT:
            case PT_STRING8:
            case PT_UNICODE: {
                quint32 size = 0;
                if ((!multiple && !cursor.skip(4)) || !cursor.u32(size))
                    return std::nullopt;
                if (v == 0 && size <= quint64(block.size() - cursor.position))
                    firstValue = block.sliced(cursor.position, size);
                tooLong = tooLong || size > kYtnefMaxValue;
                if (!cursor.skip(size, true))
                    return std::nullopt;
                break;
            }
            case PT_I2: // two bytes, padded to four
            case PT_BOOLEAN:
            case PT_LONG:
            case PT_R4:
            case PT_CURRENCY: // libytnef reads four bytes, so the walk does too
            case PT_APPTIME:
            case PT_ERROR:
                if (!cursor.skip(4))
                    return std::nullopt;
                break;
            case PT_DOUBLE:
            case PT_I8:
            case PT_SYSTIME:
                if (!cursor.skip(8))
                    return std::nullopt;
                break;
            case PT_CLSID:
                if (!cursor.skip(16))
                    return std::nullopt;
                break;
            default:
                return std::nullopt;
            }
        }
        // No multi-valued property is used here, and libytnef misreads one with several values
        // at the end of a block (its loop ends before the extra values).
        if (isSubjectProperty(id) || multiple)
            continue;
        if (tooLong) {
            if (longValues && !named && !multiple)
                longValues->insert(tag, firstValue.toByteArray());
            continue;
        }
        out += block.sliced(start, cursor.position - start);
        ++kept;
    }
    if (kept == 0)
        return std::nullopt;
    for (int i = 0; i < 4; ++i)
        out[i] = char((kept >> (8 * i)) & 0xff);
    return out;
}

/// Checks the stream record by record (framing and checksums) and rebuilds it with only what the
/// decoder uses, in the shape libytnef reads safely: one MAPI block for the message, and per
/// attachment (at most kMaxFiles) one rendering record, one data record and one MAPI block.
/// nullopt when the stream is not well-formed TNEF.
std::optional<QByteArray> sanitize(QByteArrayView in, Sidecar &side)
{
    if (in.size() < 6 || le32(in, 0) != kSignature)
        return std::nullopt;
    QByteArray out = in.first(6).toByteArray(); // signature and key
    qsizetype position = 6;
    bool inAttachment = false;
    bool skipping = false;
    bool haveMessageMapi = false;
    bool haveBody = false;
    bool haveData = false;
    bool haveAttachmentMapi = false;
    int records = 0;
    // Fewer bytes than a record header at the end: nothing more to read (libytnef stops there too).
    while (in.size() - position >= kRecordHeader) {
        const char level = in[position];
        const quint32 attribute = le32(in, position + 1);
        const quint32 size = le32(in, position + 5);
        position += kRecordHeader;
        if (quint64(size) + 2 > quint64(in.size() - position))
            return std::nullopt;
        const QByteArrayView data = in.sliced(position, size);
        if (checksum(data) != le16(in, position + size))
            return std::nullopt;
        position += size + 2;
        ++records;
        if (size == 0)
            continue;
        switch (attribute) {
        case attBody:
            if (!haveBody)
                side.body = data.toByteArray();
            haveBody = true;
            break;
        case attOemCodepage:
            if (side.codepage == 0 && size >= 4)
                side.codepage = le32(data, 0);
            break;
        case attMAPIProps:
            if (!inAttachment && !haveMessageMapi) {
                haveMessageMapi = true;
                if (const auto block = filterMapi(data, &side.longValues))
                    appendRecord(out, level, attribute, *block);
            }
            break;
        case attAttachRenddata: // starts an attachment
            inAttachment = true;
            skipping = side.titles.size() >= TnefDecoder::kMaxFiles;
            if (!skipping) {
                side.titles.append(QByteArray());
                haveData = false;
                haveAttachmentMapi = false;
                appendRecord(out, level, attribute, data);
            }
            break;
        case attAttachTitle:
            if (inAttachment && !skipping && side.titles.last().isEmpty())
                side.titles.last() = data.first(std::min<qsizetype>(size, kLongestTitle)).toByteArray();
            break;
        case attAttachData:
            if (inAttachment && !skipping && !haveData) {
                haveData = true;
                appendRecord(out, level, attribute, data);
            }
            break;
        case attAttachment:
            if (inAttachment && !skipping && !haveAttachmentMapi) {
                haveAttachmentMapi = true;
                if (const auto block = filterMapi(data, nullptr))
                    appendRecord(out, level, attribute, *block);
            }
            break;
        default:
            break;
        }
    }
    if (records == 0)
        return std::nullopt;
    return out;
}

/// A name for QStringDecoder (ICU) of a Windows code page number.
QByteArray codepageName(quint32 codepage)
{
    switch (codepage) {
    case 65001:
        return "UTF-8";
    case 1200:
        return "UTF-16LE";
    case 1201:
        return "UTF-16BE";
    case 20127:
        return "US-ASCII";
    case 20866:
        return "KOI8-R";
    case 21866:
        return "KOI8-U";
    case 28603:
        return "ISO-8859-13";
    case 28605:
        return "ISO-8859-15";
    case 932:
        return "Shift_JIS";
    case 936:
        return "GBK";
    case 949:
        return "windows-949";
    case 950:
        return "Big5";
    case 50220:
    case 50221:
    case 50222:
        return "ISO-2022-JP";
    case 51932:
        return "EUC-JP";
    case 51949:
        return "EUC-KR";
    case 54936:
        return "GB18030";
    default:
        break;
    }
    if (codepage >= 28591 && codepage <= 28599)
        return "ISO-8859-" + QByteArray::number(codepage - 28590);
    if (codepage == 874 || (codepage >= 1250 && codepage <= 1258))
        return "windows-" + QByteArray::number(codepage);
    return "cp" + QByteArray::number(codepage); // the DOS/OEM pages: cp850, cp437…
}

QString decodeCodepage(QByteArrayView bytes, quint32 codepage)
{
    QStringDecoder decoder(codepageName(codepage ? codepage : 1252).constData());
    if (!decoder.isValid())
        decoder = QStringDecoder("windows-1252");
    if (!decoder.isValid())
        return QString::fromLatin1(bytes);
    return decoder.decode(bytes);
}

/// A string value up to its terminating NUL.
QByteArrayView untilNul(QByteArrayView bytes)
{
    const qsizetype nul = bytes.indexOf('\0');
    return nul < 0 ? bytes : bytes.first(nul);
}

/// libytnef turns PT_UNICODE values into one UTF-8-style sequence per UTF-16 unit (surrogates
/// apart, NUL-terminated) in a buffer of 3 * size / 2 + 1 bytes; this reads the units back.
QString fromYtnefUnicode(const variableLength *value)
{
    QString out;
    if (!value->data || value->size <= 0)
        return out;
    const auto *p = value->data;
    const qsizetype end = qsizetype(value->size) * 3 / 2 + 1;
    for (qsizetype i = 0; i < end && p[i];) {
        const uchar c = p[i];
        if (c < 0x80) {
            out += QChar(char16_t(c));
            i += 1;
        } else if ((c & 0xe0) == 0xc0 && i + 1 < end) {
            out += QChar(char16_t(((c & 0x1f) << 6) | (p[i + 1] & 0x3f)));
            i += 2;
        } else if ((c & 0xf0) == 0xe0 && i + 2 < end) {
            out += QChar(char16_t(((c & 0x0f) << 12) | ((p[i + 1] & 0x3f) << 6) | (p[i + 2] & 0x3f)));
            i += 3;
        } else {
            break;
        }
    }
    return out;
}

/// One property of a MAPI block, as text or bytes, with the code page for 8-bit strings.
struct Property
{
    quint32 type = 0;
    QByteArray bytes; ///< PT_STRING8 and PT_BINARY
    QString unicode;  ///< PT_UNICODE

    QString text(quint32 codepage) const
    {
        if (type == PT_UNICODE)
            return unicode;
        return decodeCodepage(untilNul(bytes), codepage);
    }
};

std::optional<Property> findProperty(MAPIProps *props, quint16 id,
                                     const QHash<quint32, QByteArray> *longValues = nullptr)
{
    for (const quint32 type : {quint32(PT_UNICODE), quint32(PT_STRING8), quint32(PT_BINARY)}) {
        const quint32 tag = PROP_TAG(type, id);
        const variableLength *value = MAPIFindProperty(props, tag);
        if (value != MAPI_UNDEFINED && value) {
            Property property{type, {}, {}};
            if (type == PT_UNICODE)
                property.unicode = fromYtnefUnicode(value);
            else if (value->data && value->size > 0)
                property.bytes = QByteArray(reinterpret_cast<const char *>(value->data), value->size);
            return property;
        }
        if (longValues && longValues->contains(tag)) {
            const QByteArray raw = longValues->value(tag);
            if (type != PT_UNICODE)
                return Property{type, raw, {}};
            QString unicode(raw.size() / 2, Qt::Uninitialized);
            for (qsizetype i = 0; i < unicode.size(); ++i)
                unicode[i] = QChar(le16(raw, 2 * i));
            return Property{type, {}, unicode.left(unicode.indexOf(QChar(0)))};
        }
    }
    return std::nullopt;
}

std::optional<quint32> findLong(MAPIProps *props, quint16 id)
{
    const variableLength *value = MAPIFindProperty(props, PROP_TAG(PT_LONG, id));
    if (value == MAPI_UNDEFINED || !value || !value->data || value->size < 4)
        return std::nullopt;
    quint32 number = 0;
    std::memcpy(&number, value->data, 4); // libytnef stores it in host order
    return number;
}

/// The last path component, without control characters: "C:\Temp\a.pdf" is "a.pdf".
QString fileName(const QString &raw)
{
    QString name = raw.section(u'\\', -1).section(u'/', -1);
    name.removeIf([](QChar c) { return c.unicode() < 0x20 || c.unicode() == 0x7f; });
    name = name.trimmed();
    if (name == u"." || name == u"..")
        return {};
    return name;
}

QString mimeType(const QString &raw)
{
    const QString type = raw.trimmed().toLower();
    const qsizetype slash = type.indexOf(u'/');
    if (slash <= 0 || slash == type.size() - 1 || type.size() > 127 || type.indexOf(u'/', slash + 1) >= 0)
        return {};
    const bool token = std::all_of(type.cbegin(), type.cend(), [](QChar c) {
        return (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || QStringView(u"/!#$&^_.+-").contains(c);
    });
    return token ? type : QString();
}

/// MS-OXRTFCP: the dictionary every compressed RTF stream starts from.
constexpr char kRtfDictionary[] = "{\\rtf1\\ansi\\mac\\deff0\\deftab720{\\fonttbl;}{\\f0\\fnil \\froman "
                                  "\\fswiss \\fmodern \\fscript \\fdecor MS Sans SerifSymbolArialTimes New "
                                  "RomanCourier{\\colortbl\\red0\\green0\\blue0\r\n\\par "
                                  "\\pard\\plain\\f0\\fs20\\b\\i\\u\\tab\\tx";
static_assert(sizeof(kRtfDictionary) - 1 == 207);

/// PR_RTF_COMPRESSED expanded (MS-OXRTFCP), with every read bounded: libytnef's DecompressRTF
/// trusts the declared size of uncompressed streams and reads past the end of truncated ones.
QByteArray decompressRtf(QByteArrayView blob)
{
    if (blob.size() < 16)
        return {};
    const quint32 compressedSize = le32(blob, 0); // counts the bytes after this field
    const quint32 rawSize = le32(blob, 4);
    const quint32 magic = le32(blob, 8);
    if (compressedSize < 12 || compressedSize > quint64(blob.size() - 4) || rawSize > TnefDecoder::kMaxInput)
        return {};
    const QByteArrayView in = blob.sliced(16, compressedSize - 12);
    if (magic == kMelaMagic)
        return in.first(std::min<qsizetype>(in.size(), rawSize)).toByteArray();
    if (magic != kLzfuMagic)
        return {};
    char dictionary[4096] = {};
    std::memcpy(dictionary, kRtfDictionary, sizeof(kRtfDictionary) - 1);
    quint32 write = sizeof(kRtfDictionary) - 1;
    QByteArray out;
    out.reserve(std::min<qsizetype>(rawSize, in.size() * 8));
    const qsizetype limit = rawSize;
    qsizetype position = 0;
    while (position < in.size() && out.size() < limit) {
        const uchar control = uchar(in[position++]);
        for (int bit = 0; bit < 8 && out.size() < limit; ++bit) {
            if (!(control & (1 << bit))) {
                if (position >= in.size())
                    return out;
                const char c = in[position++];
                out += c;
                dictionary[write] = c;
                write = (write + 1) & 0xfff;
                continue;
            }
            if (position + 2 > in.size())
                return out;
            const quint32 reference = quint32(uchar(in[position])) << 8 | uchar(in[position + 1]);
            position += 2;
            const quint32 offset = reference >> 4;
            const quint32 length = (reference & 0xf) + 2;
            if (offset == write) // the end marker
                return out;
            for (quint32 k = 0; k < length && out.size() < limit; ++k) {
                const char c = dictionary[(offset + k) & 0xfff];
                out += c;
                dictionary[write] = c;
                write = (write + 1) & 0xfff;
            }
        }
    }
    return out;
}

bool isLetter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/// Rough plain text of an RTF body, in one pass without recursion: groups that are not text
/// (font and colour tables, pictures, {\*…} destinations such as the \htmltag groups of HTML
/// wrapped in RTF) are skipped, paragraphs and tabs kept, \'hh and \uN decoded.
QString rtfToText(const QByteArray &rtf, quint32 fallbackCodepage)
{
    static const QByteArrayView kSkipped[] = {"fonttbl",   "colortbl",     "stylesheet", "info",
                                              "pict",      "object",       "header",     "headerl",
                                              "headerr",   "headerf",      "footer",     "footerl",
                                              "footerr",   "footerf",      "listtable",  "listoverridetable",
                                              "rsidtbl",   "generator",    "themedata",  "colorschememapping",
                                              "datastore", "latentstyles", "xmlnstbl",   "filetbl",
                                              "revtbl",    "fldinst",      "htmltag",    "mhtmltag",
                                              "pgdsctbl",  "bkmkstart",    "bkmkend",    "userprops",
                                              "xmlopen"};
    QString out;
    QByteArray pending; // 8-bit text waiting for its code page
    quint32 codepage = fallbackCodepage;
    int depth = 0;
    int skipDepth = -1; // inside a group that is not text, from this depth
    int unicodeSkip = 1;
    int toSkip = 0; // fallback characters after \uN
    const auto flush = [&] {
        if (!pending.isEmpty())
            out += decodeCodepage(pending, codepage);
        pending.clear();
    };
    const auto text = [&](char c) {
        if (skipDepth >= 0)
            return;
        if (toSkip > 0) {
            --toSkip;
            return;
        }
        pending += c;
    };
    const auto character = [&](QChar c) {
        if (skipDepth >= 0)
            return;
        flush();
        out += c;
    };
    const qsizetype size = rtf.size();
    for (qsizetype i = 0; i < size; ++i) {
        const char c = rtf[i];
        if (c == '{') {
            ++depth;
            if (i + 2 < size && rtf[i + 1] == '\\' && rtf[i + 2] == '*' && skipDepth < 0)
                skipDepth = depth;
            continue;
        }
        if (c == '}') {
            if (skipDepth == depth)
                skipDepth = -1;
            depth = std::max(0, depth - 1);
            continue;
        }
        if (c == '\r' || c == '\n')
            continue;
        if (c != '\\') {
            text(c);
            continue;
        }
        if (++i >= size)
            break;
        const char symbol = rtf[i];
        if (!isLetter(symbol)) {
            if (symbol == '\'' && i + 2 < size) {
                const int high = hexDigitValue(rtf[i + 1]);
                const int low = hexDigitValue(rtf[i + 2]);
                i += 2;
                if (high >= 0 && low >= 0)
                    text(char(high * 16 + low));
            } else if (symbol == '\\' || symbol == '{' || symbol == '}') {
                text(symbol);
            } else if (symbol == '~') {
                character(QChar(0xa0));
            } else if (symbol == '_') {
                character(u'-');
            } else if (symbol == '\r' || symbol == '\n') {
                character(u'\n');
            }
            continue;
        }
        const qsizetype wordStart = i;
        while (i < size && isLetter(rtf[i]) && i - wordStart < 32)
            ++i;
        const QByteArrayView word = QByteArrayView(rtf).sliced(wordStart, i - wordStart);
        bool hasParameter = false;
        qint64 parameter = 0;
        const bool negative = i < size && rtf[i] == '-';
        if (negative)
            ++i;
        while (i < size && rtf[i] >= '0' && rtf[i] <= '9') {
            if (parameter < 1000000000)
                parameter = parameter * 10 + (rtf[i] - '0');
            hasParameter = true;
            ++i;
        }
        if (negative)
            parameter = -parameter;
        if (i >= size || rtf[i] != ' ')
            --i; // the delimiter belongs to what follows
        if (word == "bin" && hasParameter && parameter > 0) {
            i += std::min<qint64>(parameter, size - 1 - i); // raw bytes
            continue;
        }
        if (skipDepth >= 0)
            continue;
        if (std::find(std::begin(kSkipped), std::end(kSkipped), word) != std::end(kSkipped)) {
            skipDepth = std::max(depth, 1);
        } else if (word == "par" || word == "line" || word == "row" || word == "sect" || word == "page") {
            character(u'\n');
        } else if (word == "tab" || word == "cell") {
            character(u'\t');
        } else if (word == "u" && hasParameter) {
            character(QChar(char16_t(parameter < 0 ? parameter + 65536 : parameter)));
            toSkip = unicodeSkip;
        } else if (word == "uc" && hasParameter) {
            unicodeSkip = int(std::clamp<qint64>(parameter, 0, 8));
        } else if (word == "ansicpg" && hasParameter && parameter > 0) {
            flush();
            codepage = quint32(parameter);
        } else if (word == "emdash") {
            character(QChar(0x2014));
        } else if (word == "endash") {
            character(QChar(0x2013));
        } else if (word == "bullet") {
            character(QChar(0x2022));
        } else if (word == "lquote") {
            character(QChar(0x2018));
        } else if (word == "rquote") {
            character(QChar(0x2019));
        } else if (word == "ldblquote") {
            character(QChar(0x201c));
        } else if (word == "rdblquote") {
            character(QChar(0x201d));
        } else if (word == "emspace" || word == "enspace" || word == "qmspace") {
            character(u' ');
        }
    }
    flush();
    // Trailing spaces of lines and runs of blank lines are layout, not text.
    QStringList lines = out.split(u'\n');
    for (QString &line : lines) {
        while (!line.isEmpty() && line.back().isSpace())
            line.chop(1);
    }
    QString joined = lines.join(u'\n');
    while (joined.contains(u"\n\n\n"))
        joined.replace(u"\n\n\n"_s, u"\n\n"_s);
    return joined.trimmed();
}

/// TNEFFree on every path, once libytnef has been given the stream.
class Parsed
{
public:
    Parsed()
    {
        TNEFInitialize(&m_tnef);
        m_tnef.Debug = 0; // TNEFInitialize leaves it unset; any other value prints on stdout
    }
    ~Parsed() { TNEFFree(&m_tnef); }
    Parsed(const Parsed &) = delete;
    Parsed &operator=(const Parsed &) = delete;
    TNEFStruct *operator->() { return &m_tnef; }
    TNEFStruct *get() { return &m_tnef; }

private:
    TNEFStruct m_tnef;
};

} // namespace

TnefContent TnefDecoder::decode(const QByteArray &winmailDat)
{
    TnefContent content;
    if (winmailDat.size() > kMaxInput)
        return content;
    Sidecar side;
    auto stream = sanitize(winmailDat, side);
    if (!stream)
        return content;

    Parsed tnef;
    if (TNEFParseMemory(reinterpret_cast<BYTE *>(stream->data()), long(stream->size()), tnef.get()) != 0)
        return content;
    content.ok = true;

    MAPIProps *message = &tnef->MapiProperties;
    const quint32 codepage =
        findLong(message, kPrMessageCodepage).value_or(side.codepage ? side.codepage : 1252);
    if (const auto body = findProperty(message, kPrBody, &side.longValues))
        content.text = body->text(codepage);
    if (content.text.isEmpty() && !side.body.isEmpty())
        content.text = decodeCodepage(untilNul(side.body), codepage);
    if (const auto html = findProperty(message, kPrBodyHtml, &side.longValues)) {
        quint32 htmlCodepage = findLong(message, kPrInternetCpid).value_or(0);
        if (htmlCodepage == 0) {
            QStringDecoder utf8(QStringDecoder::Utf8);
            (void)utf8.decode(html->bytes);
            htmlCodepage = utf8.hasError() ? codepage : 65001;
        }
        content.html = html->text(htmlCodepage);
    }
    if (const auto rtf = findProperty(message, kPrRtfCompressed, &side.longValues);
        rtf && rtf->type == PT_BINARY)
        content.rtf = decompressRtf(rtf->bytes);
    content.text.replace(u"\r\n"_s, u"\n"_s);
    if (content.text.trimmed().isEmpty() && content.html.isEmpty() && !content.rtf.isEmpty())
        content.text = rtfToText(content.rtf, codepage);

    int index = 0;
    for (Attachment *a = tnef->starting_attach.next; a && content.files.size() < kMaxFiles;
         a = a->next, ++index) {
        if (!a->FileData.data || a->FileData.size <= 0)
            continue; // an embedded message or OLE object without file data
        TnefContent::File file;
        file.data = QByteArray(reinterpret_cast<const char *>(a->FileData.data), a->FileData.size);
        if (const auto name = findProperty(&a->MAPI, kPrAttachLongFilename))
            file.name = fileName(name->text(codepage));
        if (file.name.isEmpty() && index < side.titles.size())
            file.name = fileName(decodeCodepage(untilNul(side.titles.at(index)), codepage));
        for (const quint16 id : {kPrAttachFilename, kPrDisplayName}) {
            if (file.name.isEmpty()) {
                if (const auto name = findProperty(&a->MAPI, id))
                    file.name = fileName(name->text(codepage));
            }
        }
        if (const auto type = findProperty(&a->MAPI, kPrAttachMimeTag))
            file.mimeType = mimeType(type->text(codepage));
        content.files.append(file);
    }
    return content;
}

} // namespace Amiens
