#include "HtmlTextConverter.h"

#include "HexDigit.h"

#include <QVarLengthArray>
#include <algorithm>
#include <limits>
#include <string_view>

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

struct NamedEntity
{
    std::u16string_view name;
    char32_t codePoint;
    bool legacy; ///< also recognised without the final ';', as browsers do for the HTML 3.2 set
};

// The 252 entities of HTML 4 and the HTML 5 names mail actually uses, sorted for binary search.
constexpr NamedEntity kNamedEntities[] = {
    {u"AElig", 0x00C6, true},      {u"AMP", 0x0026, true},
    {u"Aacute", 0x00C1, true},     {u"Acirc", 0x00C2, true},
    {u"Agrave", 0x00C0, true},     {u"Alpha", 0x0391, false},
    {u"Aring", 0x00C5, true},      {u"Atilde", 0x00C3, true},
    {u"Auml", 0x00C4, true},       {u"Beta", 0x0392, false},
    {u"COPY", 0x00A9, true},       {u"Ccedil", 0x00C7, true},
    {u"CenterDot", 0x00B7, false}, {u"Chi", 0x03A7, false},
    {u"Dagger", 0x2021, false},    {u"Delta", 0x0394, false},
    {u"Dot", 0x00A8, false},       {u"ETH", 0x00D0, true},
    {u"Eacute", 0x00C9, true},     {u"Ecirc", 0x00CA, true},
    {u"Egrave", 0x00C8, true},     {u"Epsilon", 0x0395, false},
    {u"Eta", 0x0397, false},       {u"Euml", 0x00CB, true},
    {u"GT", 0x003E, true},         {u"Gamma", 0x0393, false},
    {u"Hat", 0x005E, false},       {u"Iacute", 0x00CD, true},
    {u"Icirc", 0x00CE, true},      {u"Igrave", 0x00CC, true},
    {u"Iota", 0x0399, false},      {u"Iuml", 0x00CF, true},
    {u"Kappa", 0x039A, false},     {u"LT", 0x003C, true},
    {u"Lambda", 0x039B, false},    {u"MediumSpace", 0x205F, false},
    {u"Mu", 0x039C, false},        {u"NewLine", 0x000A, false},
    {u"NoBreak", 0x2060, false},   {u"NonBreakingSpace", 0x00A0, false},
    {u"Ntilde", 0x00D1, true},     {u"Nu", 0x039D, false},
    {u"OElig", 0x0152, false},     {u"Oacute", 0x00D3, true},
    {u"Ocirc", 0x00D4, true},      {u"Ograve", 0x00D2, true},
    {u"Omega", 0x03A9, false},     {u"Omicron", 0x039F, false},
    {u"Oslash", 0x00D8, true},     {u"Otilde", 0x00D5, true},
    {u"Ouml", 0x00D6, true},       {u"Phi", 0x03A6, false},
    {u"Pi", 0x03A0, false},        {u"Prime", 0x2033, false},
    {u"Psi", 0x03A8, false},       {u"QUOT", 0x0022, true},
    {u"REG", 0x00AE, true},        {u"Rho", 0x03A1, false},
    {u"Scaron", 0x0160, false},    {u"Sigma", 0x03A3, false},
    {u"THORN", 0x00DE, true},      {u"TRADE", 0x2122, false},
    {u"Tab", 0x0009, false},       {u"Tau", 0x03A4, false},
    {u"Theta", 0x0398, false},     {u"ThinSpace", 0x2009, false},
    {u"Uacute", 0x00DA, true},     {u"Ucirc", 0x00DB, true},
    {u"Ugrave", 0x00D9, true},     {u"Upsilon", 0x03A5, false},
    {u"Uuml", 0x00DC, true},       {u"Vert", 0x2016, false},
    {u"Xi", 0x039E, false},        {u"Yacute", 0x00DD, true},
    {u"Yuml", 0x0178, false},      {u"ZeroWidthSpace", 0x200B, false},
    {u"Zeta", 0x0396, false},      {u"aacute", 0x00E1, true},
    {u"acirc", 0x00E2, true},      {u"acute", 0x00B4, true},
    {u"aelig", 0x00E6, true},      {u"agrave", 0x00E0, true},
    {u"alefsym", 0x2135, false},   {u"alpha", 0x03B1, false},
    {u"amp", 0x0026, true},        {u"and", 0x2227, false},
    {u"ang", 0x2220, false},       {u"angst", 0x00C5, false},
    {u"apos", 0x0027, false},      {u"aring", 0x00E5, true},
    {u"ast", 0x002A, false},       {u"asymp", 0x2248, false},
    {u"atilde", 0x00E3, true},     {u"auml", 0x00E4, true},
    {u"bdquo", 0x201E, false},     {u"beta", 0x03B2, false},
    {u"bigstar", 0x2605, false},   {u"bprime", 0x2035, false},
    {u"brvbar", 0x00A6, true},     {u"bsol", 0x005C, false},
    {u"bull", 0x2022, false},      {u"bullet", 0x2022, false},
    {u"cap", 0x2229, false},       {u"caret", 0x2041, false},
    {u"ccedil", 0x00E7, true},     {u"cedil", 0x00B8, true},
    {u"cent", 0x00A2, true},       {u"centerdot", 0x00B7, false},
    {u"check", 0x2713, false},     {u"checkmark", 0x2713, false},
    {u"chi", 0x03C7, false},       {u"circ", 0x02C6, false},
    {u"clubs", 0x2663, false},     {u"colon", 0x003A, false},
    {u"comma", 0x002C, false},     {u"commat", 0x0040, false},
    {u"cong", 0x2245, false},      {u"copy", 0x00A9, true},
    {u"copysr", 0x2117, false},    {u"crarr", 0x21B5, false},
    {u"cross", 0x2717, false},     {u"cup", 0x222A, false},
    {u"curren", 0x00A4, true},     {u"dArr", 0x21D3, false},
    {u"dagger", 0x2020, false},    {u"darr", 0x2193, false},
    {u"dash", 0x2010, false},      {u"deg", 0x00B0, true},
    {u"delta", 0x03B4, false},     {u"diams", 0x2666, false},
    {u"die", 0x00A8, false},       {u"div", 0x00F7, false},
    {u"divide", 0x00F7, true},     {u"dollar", 0x0024, false},
    {u"eacute", 0x00E9, true},     {u"ecirc", 0x00EA, true},
    {u"egrave", 0x00E8, true},     {u"empty", 0x2205, false},
    {u"emsp", 0x2003, false},      {u"emsp13", 0x2004, false},
    {u"emsp14", 0x2005, false},    {u"ensp", 0x2002, false},
    {u"epsilon", 0x03B5, false},   {u"equals", 0x003D, false},
    {u"equiv", 0x2261, false},     {u"eta", 0x03B7, false},
    {u"eth", 0x00F0, true},        {u"euml", 0x00EB, true},
    {u"euro", 0x20AC, false},      {u"excl", 0x0021, false},
    {u"exist", 0x2203, false},     {u"female", 0x2640, false},
    {u"flat", 0x266D, false},      {u"fnof", 0x0192, false},
    {u"forall", 0x2200, false},    {u"frac12", 0x00BD, true},
    {u"frac14", 0x00BC, true},     {u"frac34", 0x00BE, true},
    {u"frasl", 0x2044, false},     {u"gamma", 0x03B3, false},
    {u"ge", 0x2265, false},        {u"geq", 0x2265, false},
    {u"grave", 0x0060, false},     {u"gt", 0x003E, true},
    {u"hArr", 0x21D4, false},      {u"hairsp", 0x200A, false},
    {u"half", 0x00BD, false},      {u"harr", 0x2194, false},
    {u"hearts", 0x2665, false},    {u"hellip", 0x2026, false},
    {u"horbar", 0x2015, false},    {u"hybull", 0x2043, false},
    {u"hyphen", 0x2010, false},    {u"iacute", 0x00ED, true},
    {u"icirc", 0x00EE, true},      {u"iexcl", 0x00A1, true},
    {u"igrave", 0x00EC, true},     {u"image", 0x2111, false},
    {u"incare", 0x2105, false},    {u"infin", 0x221E, false},
    {u"int", 0x222B, false},       {u"iota", 0x03B9, false},
    {u"iquest", 0x00BF, true},     {u"isin", 0x2208, false},
    {u"iuml", 0x00EF, true},       {u"kappa", 0x03BA, false},
    {u"lArr", 0x21D0, false},      {u"lambda", 0x03BB, false},
    {u"lang", 0x2329, false},      {u"laquo", 0x00AB, true},
    {u"larr", 0x2190, false},      {u"lbrace", 0x007B, false},
    {u"lbrack", 0x005B, false},    {u"lceil", 0x2308, false},
    {u"lcub", 0x007B, false},      {u"ldquo", 0x201C, false},
    {u"ldquor", 0x201E, false},    {u"le", 0x2264, false},
    {u"leq", 0x2264, false},       {u"lfloor", 0x230A, false},
    {u"lowast", 0x2217, false},    {u"lowbar", 0x005F, false},
    {u"loz", 0x25CA, false},       {u"lpar", 0x0028, false},
    {u"lrm", 0x200E, false},       {u"lsaquo", 0x2039, false},
    {u"lsqb", 0x005B, false},      {u"lsquo", 0x2018, false},
    {u"lsquor", 0x201A, false},    {u"lt", 0x003C, true},
    {u"macr", 0x00AF, true},       {u"male", 0x2642, false},
    {u"mdash", 0x2014, false},     {u"micro", 0x00B5, true},
    {u"middot", 0x00B7, true},     {u"minus", 0x2212, false},
    {u"mldr", 0x2026, false},      {u"mnplus", 0x2213, false},
    {u"mu", 0x03BC, false},        {u"nabla", 0x2207, false},
    {u"natural", 0x266E, false},   {u"nbsp", 0x00A0, true},
    {u"ndash", 0x2013, false},     {u"ne", 0x2260, false},
    {u"ni", 0x220B, false},        {u"nldr", 0x2025, false},
    {u"not", 0x00AC, true},        {u"notin", 0x2209, false},
    {u"nsub", 0x2284, false},      {u"ntilde", 0x00F1, true},
    {u"nu", 0x03BD, false},        {u"num", 0x0023, false},
    {u"numsp", 0x2007, false},     {u"oacute", 0x00F3, true},
    {u"ocirc", 0x00F4, true},      {u"odash", 0x229D, false},
    {u"oelig", 0x0153, false},     {u"ograve", 0x00F2, true},
    {u"ohm", 0x03A9, false},       {u"oline", 0x203E, false},
    {u"omega", 0x03C9, false},     {u"omicron", 0x03BF, false},
    {u"oplus", 0x2295, false},     {u"or", 0x2228, false},
    {u"ordf", 0x00AA, true},       {u"ordm", 0x00BA, true},
    {u"oslash", 0x00F8, true},     {u"otilde", 0x00F5, true},
    {u"otimes", 0x2297, false},    {u"ouml", 0x00F6, true},
    {u"para", 0x00B6, true},       {u"part", 0x2202, false},
    {u"percnt", 0x0025, false},    {u"period", 0x002E, false},
    {u"permil", 0x2030, false},    {u"perp", 0x22A5, false},
    {u"pertenk", 0x2031, false},   {u"phi", 0x03C6, false},
    {u"phone", 0x260E, false},     {u"pi", 0x03C0, false},
    {u"piv", 0x03D6, false},       {u"plus", 0x002B, false},
    {u"plusmn", 0x00B1, true},     {u"pm", 0x00B1, false},
    {u"pound", 0x00A3, true},      {u"prime", 0x2032, false},
    {u"prod", 0x220F, false},      {u"prop", 0x221D, false},
    {u"psi", 0x03C8, false},       {u"puncsp", 0x2008, false},
    {u"quest", 0x003F, false},     {u"quot", 0x0022, true},
    {u"rArr", 0x21D2, false},      {u"radic", 0x221A, false},
    {u"rang", 0x232A, false},      {u"raquo", 0x00BB, true},
    {u"rarr", 0x2192, false},      {u"rbrace", 0x007D, false},
    {u"rbrack", 0x005D, false},    {u"rceil", 0x2309, false},
    {u"rcub", 0x007D, false},      {u"rdquo", 0x201D, false},
    {u"rdquor", 0x201D, false},    {u"real", 0x211C, false},
    {u"reg", 0x00AE, true},        {u"rfloor", 0x230B, false},
    {u"rho", 0x03C1, false},       {u"rlm", 0x200F, false},
    {u"rpar", 0x0029, false},      {u"rsaquo", 0x203A, false},
    {u"rsqb", 0x005D, false},      {u"rsquo", 0x2019, false},
    {u"rsquor", 0x2019, false},    {u"sbquo", 0x201A, false},
    {u"scaron", 0x0161, false},    {u"sdot", 0x22C5, false},
    {u"sect", 0x00A7, true},       {u"semi", 0x003B, false},
    {u"sharp", 0x266F, false},     {u"shy", 0x00AD, true},
    {u"sigma", 0x03C3, false},     {u"sigmaf", 0x03C2, false},
    {u"sim", 0x223C, false},       {u"sol", 0x002F, false},
    {u"spades", 0x2660, false},    {u"star", 0x2606, false},
    {u"starf", 0x2605, false},     {u"sub", 0x2282, false},
    {u"sube", 0x2286, false},      {u"sum", 0x2211, false},
    {u"sung", 0x266A, false},      {u"sup", 0x2283, false},
    {u"sup1", 0x00B9, true},       {u"sup2", 0x00B2, true},
    {u"sup3", 0x00B3, true},       {u"supe", 0x2287, false},
    {u"szlig", 0x00DF, true},      {u"tau", 0x03C4, false},
    {u"there4", 0x2234, false},    {u"theta", 0x03B8, false},
    {u"thetasym", 0x03D1, false},  {u"thinsp", 0x2009, false},
    {u"thorn", 0x00FE, true},      {u"tilde", 0x02DC, false},
    {u"times", 0x00D7, true},      {u"trade", 0x2122, false},
    {u"uArr", 0x21D1, false},      {u"uacute", 0x00FA, true},
    {u"uarr", 0x2191, false},      {u"ucirc", 0x00FB, true},
    {u"ugrave", 0x00F9, true},     {u"uml", 0x00A8, true},
    {u"upsih", 0x03D2, false},     {u"upsilon", 0x03C5, false},
    {u"uuml", 0x00FC, true},       {u"verbar", 0x007C, false},
    {u"vert", 0x007C, false},      {u"weierp", 0x2118, false},
    {u"xi", 0x03BE, false},        {u"yacute", 0x00FD, true},
    {u"yen", 0x00A5, true},        {u"yuml", 0x00FF, true},
    {u"zeta", 0x03B6, false},      {u"zwj", 0x200D, false},
    {u"zwnj", 0x200C, false},
};

static_assert(std::ranges::is_sorted(kNamedEntities, {}, &NamedEntity::name));

constexpr qsizetype kLongestEntityName =
    std::ranges::max_element(kNamedEntities, {}, [](const NamedEntity &e) {
        return e.name.size();
    })->name.size();
constexpr qsizetype kLongestLegacyEntityName = 6;

const NamedEntity *findEntity(std::u16string_view name)
{
    const auto *found = std::ranges::lower_bound(kNamedEntities, name, {}, &NamedEntity::name);
    return found != std::end(kNamedEntities) && found->name == name ? found : nullptr;
}

// Browsers read numeric references 128–159 as windows-1252, since that is what the authors meant.
constexpr char16_t kWindows1252[32] = {0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                       0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
                                       0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                       0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

constexpr char32_t kReplacementCharacter = 0xFFFD;

bool isAsciiAlpha(char16_t c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}

bool isAsciiDigit(char16_t c)
{
    return c >= u'0' && c <= u'9';
}

bool isAsciiAlphanumeric(char16_t c)
{
    return isAsciiAlpha(c) || isAsciiDigit(c);
}

bool isHexDigit(char16_t c)
{
    return isAsciiDigit(c) || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
}

/// The white space HTML collapses; NBSP is not part of it.
bool isHtmlSpace(char16_t c)
{
    return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r' || c == u'\f';
}

char32_t sanitizedCodePoint(char32_t value)
{
    if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
        return kReplacementCharacter;
    if (value >= 0x80 && value <= 0x9F)
        return kWindows1252[value - 0x80];
    return value;
}

/// Decodes the character reference at in[amp] == '&'. Returns the number of characters it spans,
/// or 0 when there is none and the '&' is literal. In attribute values a legacy name without ';'
/// followed by a letter, a digit or '=' stays literal ("?a=1&copy=2"), as in browsers.
qsizetype decodeReference(QStringView in, qsizetype amp, bool inAttribute, char32_t &codePoint)
{
    const qsizetype size = in.size();
    qsizetype pos = amp + 1;
    if (pos < size && in[pos] == u'#') {
        ++pos;
        const bool hex = pos < size && (in[pos] == u'x' || in[pos] == u'X');
        if (hex)
            ++pos;
        const qsizetype digitsStart = pos;
        char32_t value = 0;
        while (pos < size && (hex ? isHexDigit(in[pos].unicode()) : isAsciiDigit(in[pos].unicode()))) {
            const int digit = hex ? hexDigitValue(in[pos].unicode()) : in[pos].unicode() - u'0';
            // Saturate: any value past U+10FFFF is invalid, however many digits follow.
            value = value > 0x10FFFF ? value : value * (hex ? 16 : 10) + digit;
            ++pos;
        }
        if (pos == digitsStart)
            return 0;
        if (pos < size && in[pos] == u';')
            ++pos;
        codePoint = sanitizedCodePoint(value);
        return pos - amp;
    }

    char16_t name[kLongestEntityName + 1];
    qsizetype length = 0;
    while (pos + length < size && length <= kLongestEntityName &&
           isAsciiAlphanumeric(in[pos + length].unicode())) {
        name[length] = in[pos + length].unicode();
        ++length;
    }
    if (length == 0)
        return 0;
    if (length <= kLongestEntityName && pos + length < size && in[pos + length] == u';') {
        if (const NamedEntity *entity = findEntity({name, size_t(length)})) {
            codePoint = entity->codePoint;
            return length + 2;
        }
    }
    // Without ';' only the legacy names count, and the longest one that prefixes the text wins.
    for (qsizetype prefix = std::min(length, kLongestLegacyEntityName); prefix >= 2; --prefix) {
        const NamedEntity *entity = findEntity({name, size_t(prefix)});
        if (!entity || !entity->legacy)
            continue;
        const qsizetype next = pos + prefix;
        if (inAttribute && next < size && (isAsciiAlphanumeric(in[next].unicode()) || in[next] == u'='))
            return 0;
        codePoint = entity->codePoint;
        return prefix + 1;
    }
    return 0;
}

void appendCodePoint(QString &out, char32_t codePoint)
{
    if (QChar::requiresSurrogates(codePoint)) {
        out += QChar(QChar::highSurrogate(codePoint));
        out += QChar(QChar::lowSurrogate(codePoint));
    } else {
        out += QChar(char16_t(codePoint));
    }
}

QString decodeAttribute(QStringView value)
{
    QString decoded;
    decoded.reserve(value.size());
    for (qsizetype i = 0; i < value.size();) {
        char32_t codePoint = 0;
        const qsizetype consumed = value[i] == u'&' ? decodeReference(value, i, true, codePoint) : 0;
        if (consumed > 0) {
            appendCodePoint(decoded, codePoint);
            i += consumed;
        } else {
            decoded += value[i++];
        }
    }
    return decoded;
}

enum class Tag
{
    Unknown, ///< inline: its text is kept (span, font, b, Word's o:p …)
    Anchor,
    Image,
    LineBreak,
    Block,     ///< starts and ends a line
    Paragraph, ///< separated from its neighbours by a blank line
    P,         ///< a paragraph, but Outlook's "Mso…" classes have no margins
    Blockquote,
    Pre,
    UnorderedList,
    OrderedList,
    ListItem,
    Table,
    TableRow,
    TableCell,
    RawText, ///< dropped with its content, up to its own end tag
};

struct TagName
{
    std::u16string_view name;
    Tag tag;
};

constexpr TagName kTagNames[] = {
    {u"a", Tag::Anchor},
    {u"address", Tag::Block},
    {u"article", Tag::Block},
    {u"aside", Tag::Block},
    {u"blockquote", Tag::Blockquote},
    {u"br", Tag::LineBreak},
    {u"caption", Tag::Block},
    {u"center", Tag::Block},
    {u"dd", Tag::Block},
    {u"details", Tag::Block},
    {u"dir", Tag::UnorderedList},
    {u"div", Tag::Block},
    {u"dl", Tag::Block},
    {u"dt", Tag::Block},
    {u"fieldset", Tag::Block},
    {u"figcaption", Tag::Block},
    {u"figure", Tag::Block},
    {u"footer", Tag::Block},
    {u"form", Tag::Block},
    {u"h1", Tag::Paragraph},
    {u"h2", Tag::Paragraph},
    {u"h3", Tag::Paragraph},
    {u"h4", Tag::Paragraph},
    {u"h5", Tag::Paragraph},
    {u"h6", Tag::Paragraph},
    {u"header", Tag::Block},
    {u"hr", Tag::Block},
    {u"iframe", Tag::RawText},
    {u"img", Tag::Image},
    {u"legend", Tag::Block},
    {u"li", Tag::ListItem},
    {u"main", Tag::Block},
    {u"menu", Tag::UnorderedList},
    {u"nav", Tag::Block},
    {u"noembed", Tag::RawText},
    {u"noframes", Tag::RawText},
    {u"noscript", Tag::RawText},
    {u"ol", Tag::OrderedList},
    {u"p", Tag::P},
    {u"pre", Tag::Pre},
    {u"script", Tag::RawText},
    {u"section", Tag::Block},
    {u"style", Tag::RawText},
    {u"summary", Tag::Block},
    {u"table", Tag::Table},
    {u"td", Tag::TableCell},
    {u"template", Tag::RawText},
    {u"textarea", Tag::RawText},
    {u"th", Tag::TableCell},
    {u"title", Tag::RawText},
    {u"tr", Tag::TableRow},
    {u"ul", Tag::UnorderedList},
    {u"xmp", Tag::RawText},
};

static_assert(std::ranges::is_sorted(kTagNames, {}, &TagName::name));

constexpr qsizetype kLongestTagName = 10;

Tag tagFor(std::u16string_view lowerName)
{
    const auto *found = std::ranges::lower_bound(kTagNames, lowerName, {}, &TagName::name);
    return found != std::end(kTagNames) && found->name == lowerName ? found->tag : Tag::Unknown;
}

/// A start or end tag as read: its name and the few attribute values the text needs.
struct TagToken
{
    Tag tag = Tag::Unknown;
    char16_t lowerName[kLongestTagName] = {};
    qsizetype nameLength = 0;
    bool complete = false; ///< false when the input ended inside the tag: browsers drop it
    QString href;
    QString alt;
    QString cssClass;
    QString start;
    bool hasHref = false;

    std::u16string_view name() const { return {lowerName, size_t(nameLength)}; }
};

/// Reads a tag from its name (in[nameStart]) to its '>', honouring quoted attribute values, in one
/// pass. Returns the position after the tag.
qsizetype readTag(QStringView in, qsizetype nameStart, TagToken &token)
{
    const qsizetype size = in.size();
    qsizetype pos = nameStart;
    bool nameFits = true;
    while (pos < size && !isHtmlSpace(in[pos].unicode()) && in[pos] != u'/' && in[pos] != u'>') {
        const char16_t c = in[pos].unicode();
        if (token.nameLength < kLongestTagName && c < 0x80)
            token.lowerName[token.nameLength++] = isAsciiAlpha(c) ? char16_t(c | 0x20) : c;
        else
            nameFits = false; // too long or not ASCII: no tag we know
        ++pos;
    }
    token.tag = nameFits ? tagFor(token.name()) : Tag::Unknown;
    const bool wantsAttributes = token.tag == Tag::Anchor || token.tag == Tag::Image || token.tag == Tag::P ||
                                 token.tag == Tag::OrderedList;

    while (pos < size) {
        const char16_t c = in[pos].unicode();
        if (c == u'>') {
            token.complete = true;
            return pos + 1;
        }
        if (isHtmlSpace(c) || c == u'/') {
            ++pos;
            continue;
        }
        // An attribute name (its first character may be '='), then an optional value.
        const qsizetype attributeNameStart = pos;
        ++pos;
        while (pos < size && !isHtmlSpace(in[pos].unicode()) && in[pos] != u'/' && in[pos] != u'>' &&
               in[pos] != u'=')
            ++pos;
        const QStringView attributeName = in.sliced(attributeNameStart, pos - attributeNameStart);
        while (pos < size && isHtmlSpace(in[pos].unicode()))
            ++pos;
        if (pos >= size || in[pos] != u'=')
            continue;
        ++pos;
        while (pos < size && isHtmlSpace(in[pos].unicode()))
            ++pos;
        if (pos >= size)
            break;
        qsizetype valueStart = pos;
        qsizetype valueEnd = pos;
        if (in[pos] == u'"' || in[pos] == u'\'') {
            const qsizetype close = in.indexOf(in[pos], pos + 1);
            if (close < 0)
                return size; // unterminated: the rest of the input is the value, as in browsers
            valueStart = pos + 1;
            valueEnd = close;
            pos = close + 1;
        } else {
            while (pos < size && !isHtmlSpace(in[pos].unicode()) && in[pos] != u'>')
                ++pos;
            valueEnd = pos;
        }
        if (!wantsAttributes)
            continue;
        const QStringView value = in.sliced(valueStart, valueEnd - valueStart);
        auto is = [&](QStringView name) {
            return attributeName.compare(name, Qt::CaseInsensitive) == 0;
        };
        // Browsers keep the first occurrence of a repeated attribute.
        if (token.tag == Tag::Anchor && is(u"href") && !token.hasHref) {
            token.href = decodeAttribute(value);
            token.hasHref = true;
        } else if (token.tag == Tag::Image && is(u"alt") && token.alt.isNull()) {
            token.alt = decodeAttribute(value);
            if (token.alt.isNull())
                token.alt = u""_s;
        } else if (token.tag == Tag::P && is(u"class") && token.cssClass.isNull()) {
            token.cssClass = value.toString();
        } else if (token.tag == Tag::OrderedList && is(u"start") && token.start.isNull()) {
            token.start = value.toString();
        }
    }
    return size;
}

/// Link targets shown next to their text: a web address, or a mail address without "mailto:".
/// Empty when the target says nothing the text does not (same address, anchor, script).
QString shownLinkTarget(const QString &rawHref, const QString &linkText)
{
    QString href;
    href.reserve(rawHref.size());
    for (const QChar c : rawHref) {
        if (c.unicode() > 0x20) // browsers drop white space and controls from URLs
            href += c;
    }
    const QString text = linkText.simplified();
    if (href.isEmpty() || href.startsWith(u'#') || text.isEmpty())
        return {};
    for (const QLatin1StringView scheme : {"javascript:"_L1, "vbscript:"_L1, "data:"_L1}) {
        if (href.startsWith(scheme, Qt::CaseInsensitive))
            return {};
    }
    QString shown = href;
    if (href.startsWith(u"mailto:"_s, Qt::CaseInsensitive))
        shown = href.mid(7);

    auto comparable = [](QString s) {
        for (const QLatin1StringView prefix : {"https://"_L1, "http://"_L1, "mailto:"_L1}) {
            if (s.startsWith(prefix, Qt::CaseInsensitive)) {
                s.remove(0, prefix.size());
                break;
            }
        }
        while (s.endsWith(u'/'))
            s.chop(1);
        return s;
    };
    QString target = comparable(shown);
    if (href.startsWith(u"mailto:"_s, Qt::CaseInsensitive) && target.contains(u'?'))
        target.truncate(target.indexOf(u'?'));
    if (target.compare(comparable(text), Qt::CaseInsensitive) == 0)
        return {};
    return shown;
}

/// Finds a needle again and again from increasing positions without rescanning the same text:
/// remembers where it was found, or that it is absent past some point.
class ForwardSearch
{
public:
    explicit ForwardSearch(QStringView needle)
        : m_needle(needle)
    {
    }

    qsizetype find(QStringView haystack, qsizetype from)
    {
        if (m_searchedFrom >= 0 && from >= m_searchedFrom && (m_found < 0 || m_found >= from))
            return m_found;
        m_searchedFrom = from;
        m_found = haystack.indexOf(m_needle, from);
        return m_found;
    }

private:
    QStringView m_needle;
    qsizetype m_searchedFrom = -1;
    qsizetype m_found = -1;
};

class Converter
{
public:
    Converter(QStringView html, const HtmlTextConverter::Options &options)
        : m_in(html)
        , m_options(options)
    {
    }

    QString run();

private:
    qsizetype markup(qsizetype pos);
    qsizetype skipComment(qsizetype pos);
    qsizetype skipToGreaterThan(qsizetype pos);
    qsizetype skipRawText(const TagToken &token, qsizetype pos);
    void startTag(const TagToken &token);
    void endTag(const TagToken &token);

    void character(char16_t c);
    void word(QStringView characters);
    void visible(char16_t c);
    void beginContent();
    void blockBoundary(bool paragraph);
    void lineBreak();
    void commitLine();
    void finishLink();
    void pushList(bool ordered, int start);
    void popList();
    QString listMarker();

    static bool isWordCharacter(char16_t c);
    bool suppressed() const { return m_options.skipQuotes && m_quoteDepth > 0; }
    int shownQuoteDepth() const { return std::min(m_quoteDepth, HtmlTextConverter::kMaxQuoteDepth); }

    QStringView m_in;
    const HtmlTextConverter::Options &m_options;
    ForwardSearch m_cdataEnd{u"]]>"};

    QString m_out;
    bool m_outHasLines = false;
    int m_lastLineDepth = 0;
    bool m_blankLineWanted = false;

    QString m_line; ///< the line being built, without its quote marks
    bool m_lineStarted = false;
    bool m_lineHasVisible = false; ///< something other than spaces
    int m_lineDepth = 0;
    bool m_pendingSpace = false;
    bool m_pendingCellSeparator = false;
    QString m_pendingMarker; ///< a list item's marker, written with the item's first text

    int m_preDepth = 0;
    bool m_skipPreNewline = false; ///< the newline right after <pre> is not content
    int m_quoteDepth = 0;
    bool m_openParagraphIsTight = false;

    struct ListLevel
    {
        bool ordered = false;
        int next = 1;
    };
    QVarLengthArray<ListLevel, HtmlTextConverter::kMaxListDepth> m_lists;
    int m_listOverflow = 0; ///< lists opened past kMaxListDepth, so that their ends match

    bool m_inLink = false;
    QString m_linkHref;
    QString m_linkText;
    static constexpr qsizetype kMaxLinkText = 2048;
};

QString Converter::run()
{
    const qsizetype size = m_in.size();
    qsizetype pos = 0;
    while (pos < size) {
        const char16_t c = m_in[pos].unicode();
        if (c == u'<') {
            pos = markup(pos);
        } else if (c == u'&') {
            char32_t codePoint = 0;
            const qsizetype consumed = decodeReference(m_in, pos, false, codePoint);
            if (consumed == 0) {
                character(u'&');
                ++pos;
                continue;
            }
            if (QChar::requiresSurrogates(codePoint)) {
                character(QChar::highSurrogate(codePoint));
                character(QChar::lowSurrogate(codePoint));
            } else {
                character(char16_t(codePoint));
            }
            pos += consumed;
        } else if (c == u'\r') {
            // CRLF and lone CR are newlines, as in any HTML parser.
            character(u'\n');
            pos += (pos + 1 < size && m_in[pos + 1] == u'\n') ? 2 : 1;
        } else if (isWordCharacter(c)) {
            // A word goes out in one piece: character() by character() was most of the time.
            qsizetype end = pos + 1;
            while (end < size && isWordCharacter(m_in[end].unicode()))
                ++end;
            word(m_in.sliced(pos, end - pos));
            pos = end;
        } else {
            if (c != 0)
                character(c);
            ++pos;
        }
    }
    finishLink();
    if (m_lineStarted)
        commitLine();
    return m_out;
}

qsizetype Converter::markup(qsizetype pos)
{
    const qsizetype size = m_in.size();
    const char16_t next = pos + 1 < size ? m_in[pos + 1].unicode() : 0;
    if (next == u'!') {
        if (m_in.sliced(pos).startsWith(u"<!--"))
            return skipComment(pos + 4);
        if (m_in.sliced(pos).startsWith(u"<![CDATA[")) {
            const qsizetype end = m_cdataEnd.find(m_in, pos + 9);
            return end >= 0 ? end + 3 : skipToGreaterThan(pos + 2);
        }
        return skipToGreaterThan(pos + 2); // <!DOCTYPE …>, Word's <![if !supportLists]>
    }
    if (next == u'?')
        return skipToGreaterThan(pos + 2); // <?xml:namespace …>
    if (next == u'/') {
        const char16_t afterSlash = pos + 2 < size ? m_in[pos + 2].unicode() : 0;
        if (isAsciiAlpha(afterSlash)) {
            TagToken token;
            const qsizetype end = readTag(m_in, pos + 2, token);
            if (token.complete)
                endTag(token);
            return end;
        }
        if (afterSlash == u'>')
            return pos + 3;
        if (pos + 2 >= size) {
            character(u'<');
            character(u'/');
            return size;
        }
        return skipToGreaterThan(pos + 2);
    }
    if (isAsciiAlpha(next)) {
        TagToken token;
        const qsizetype end = readTag(m_in, pos + 1, token);
        if (!token.complete)
            return end;
        if (token.tag == Tag::RawText)
            return skipRawText(token, end);
        startTag(token);
        return end;
    }
    character(u'<'); // "a < b", "<<<<": text
    return pos + 1;
}

/// From after "<!--" to after "-->" or "--!>"; "<!-->" and "<!--->" are whole comments. An
/// unterminated comment runs to the end, as in browsers.
qsizetype Converter::skipComment(qsizetype pos)
{
    const qsizetype size = m_in.size();
    if (pos < size && m_in[pos] == u'>')
        return pos + 1;
    if (pos + 1 < size && m_in[pos] == u'-' && m_in[pos + 1] == u'>')
        return pos + 2;
    for (qsizetype dashes = m_in.indexOf(u"--", pos); dashes >= 0; dashes = m_in.indexOf(u"--", dashes + 1)) {
        if (dashes + 2 < size && m_in[dashes + 2] == u'>')
            return dashes + 3;
        if (dashes + 3 < size && m_in[dashes + 2] == u'!' && m_in[dashes + 3] == u'>')
            return dashes + 4;
    }
    return size;
}

qsizetype Converter::skipToGreaterThan(qsizetype pos)
{
    const qsizetype end = m_in.indexOf(u'>', pos);
    return end < 0 ? m_in.size() : end + 1;
}

/// Skips a script, style, title … up to its own end tag (or the end of the input).
qsizetype Converter::skipRawText(const TagToken &token, qsizetype pos)
{
    QString endTag = u"</"_s;
    endTag.append(QStringView(token.name().data(), qsizetype(token.name().size())));
    const qsizetype size = m_in.size();
    for (qsizetype found = m_in.indexOf(endTag, pos, Qt::CaseInsensitive); found >= 0;
         found = m_in.indexOf(endTag, found + 1, Qt::CaseInsensitive)) {
        const qsizetype after = found + endTag.size();
        if (after >= size)
            return size;
        const char16_t c = m_in[after].unicode();
        if (isHtmlSpace(c) || c == u'/' || c == u'>') {
            TagToken closing;
            return readTag(m_in, found + 2, closing);
        }
    }
    return size;
}

void Converter::startTag(const TagToken &token)
{
    switch (token.tag) {
    case Tag::Unknown:
    case Tag::RawText:
        break;
    case Tag::Anchor:
        finishLink();
        if (token.hasHref) {
            m_inLink = true;
            m_linkHref = token.href;
            m_linkText.clear();
        }
        break;
    case Tag::Image: {
        const QString alt = token.alt.simplified();
        if (alt.isEmpty() || suppressed())
            break;
        visible(u'[');
        for (const QChar c : alt)
            character(c.unicode());
        visible(u']');
        break;
    }
    case Tag::LineBreak:
        lineBreak();
        break;
    case Tag::Block:
    case Tag::TableRow:
        blockBoundary(false);
        break;
    case Tag::Paragraph:
    case Tag::Table:
        blockBoundary(true);
        break;
    case Tag::P:
        // Outlook writes every line as <p class=MsoNormal>, whose style has no margins.
        m_openParagraphIsTight = token.cssClass.startsWith(u"Mso"_s, Qt::CaseInsensitive);
        blockBoundary(!m_openParagraphIsTight);
        break;
    case Tag::Blockquote:
        blockBoundary(true);
        if (m_quoteDepth < std::numeric_limits<int>::max())
            ++m_quoteDepth;
        break;
    case Tag::Pre:
        blockBoundary(true);
        if (m_preDepth < std::numeric_limits<int>::max())
            ++m_preDepth;
        m_skipPreNewline = true;
        break;
    case Tag::UnorderedList:
    case Tag::OrderedList: {
        blockBoundary(m_lists.isEmpty());
        bool ok = false;
        const int start = token.start.trimmed().toInt(&ok);
        pushList(token.tag == Tag::OrderedList, ok ? std::clamp(start, -1'000'000, 1'000'000) : 1);
        break;
    }
    case Tag::ListItem:
        blockBoundary(false);
        m_pendingMarker = listMarker();
        break;
    case Tag::TableCell:
        if (m_lineHasVisible)
            m_pendingCellSeparator = true;
        break;
    }
}

void Converter::endTag(const TagToken &token)
{
    switch (token.tag) {
    case Tag::Unknown:
    case Tag::RawText:
    case Tag::Image:
    case Tag::TableCell:
        break;
    case Tag::Anchor:
        finishLink();
        break;
    case Tag::LineBreak: // browsers read </br> as <br>
        lineBreak();
        break;
    case Tag::Block:
    case Tag::TableRow:
        blockBoundary(false);
        break;
    case Tag::Paragraph:
    case Tag::Table:
        blockBoundary(true);
        break;
    case Tag::P:
        blockBoundary(!m_openParagraphIsTight);
        m_openParagraphIsTight = false;
        break;
    // Stray end tags (no matching start) end the line but open no paragraph.
    case Tag::Blockquote:
        blockBoundary(m_quoteDepth > 0);
        if (m_quoteDepth > 0)
            --m_quoteDepth;
        break;
    case Tag::Pre:
        blockBoundary(m_preDepth > 0);
        if (m_preDepth > 0)
            --m_preDepth;
        break;
    case Tag::UnorderedList:
    case Tag::OrderedList: {
        const bool stray = m_lists.isEmpty();
        popList();
        blockBoundary(!stray && m_lists.isEmpty());
        break;
    }
    case Tag::ListItem:
        blockBoundary(false);
        m_pendingMarker.clear();
        break;
    }
}

/// One character of text content, after entity decoding.
void Converter::character(char16_t c)
{
    if (suppressed())
        return;
    if (m_preDepth > 0) {
        const bool skip = m_skipPreNewline && c == u'\n';
        m_skipPreNewline = false;
        if (skip || c == u'\r') // CR only reaches here as "&#13;"; run() turned real ones into LF
            return;
        if (c == u'\n')
            lineBreak();
        else
            visible(c == 0x00A0 ? u' ' : c);
        return;
    }
    if (isHtmlSpace(c)) {
        m_pendingSpace = true;
        return;
    }
    visible(c == 0x00A0 ? u' ' : c);
}

/// Characters that character() would each pass to visible() as they are: neither markup nor a
/// reference nor white space nor a no-break space.
bool Converter::isWordCharacter(char16_t c)
{
    return c > u' ' ? c != u'<' && c != u'&' && c != 0x00A0 : c != 0 && !isHtmlSpace(c);
}

/// A run of isWordCharacter(): what character() does for each, at once.
void Converter::word(QStringView characters)
{
    if (suppressed())
        return;
    if (m_preDepth > 0)
        m_skipPreNewline = false;
    beginContent();
    m_line += characters;
    m_lineHasVisible = true;
    if (m_inLink && m_linkText.size() < kMaxLinkText)
        m_linkText += characters.first(std::min(characters.size(), kMaxLinkText - m_linkText.size()));
}

void Converter::visible(char16_t c)
{
    beginContent();
    m_line += QChar(c);
    if (c != u' ' && c != u'\t')
        m_lineHasVisible = true;
    if (m_inLink && m_linkText.size() < kMaxLinkText)
        m_linkText += QChar(c);
}

/// Writes what must come before new text: a list marker on a new line, or the space or cell
/// separator owed since the previous text.
void Converter::beginContent()
{
    if (!m_lineStarted) {
        m_lineStarted = true;
        m_lineDepth = shownQuoteDepth();
        m_line += m_pendingMarker;
        m_pendingMarker.clear();
    } else if (m_pendingCellSeparator) {
        m_line += u" | "_s;
    } else if (m_pendingSpace) {
        m_line += u' ';
        if (m_inLink && m_linkText.size() < kMaxLinkText)
            m_linkText += u' ';
    }
    m_pendingSpace = false;
    m_pendingCellSeparator = false;
}

void Converter::blockBoundary(bool paragraph)
{
    if (m_lineStarted)
        commitLine();
    if (paragraph && m_outHasLines)
        m_blankLineWanted = true;
    m_pendingSpace = false;
}

void Converter::lineBreak()
{
    if (suppressed())
        return;
    if (m_lineStarted)
        commitLine();
    else if (m_outHasLines)
        m_blankLineWanted = true; // an empty line; runs of them collapse to one
}

void Converter::commitLine()
{
    qsizetype length = m_line.size();
    while (length > 0 && (m_line[length - 1] == u' ' || m_line[length - 1] == u'\t'))
        --length;
    m_line.truncate(length);
    if (m_line.isEmpty()) {
        if (m_outHasLines)
            m_blankLineWanted = true;
    } else {
        if (m_outHasLines) {
            m_out += u'\n';
            if (m_blankLineWanted) {
                // A blank line between two quote depths belongs to the outer one.
                m_out += QString(std::min(m_lastLineDepth, m_lineDepth), u'>');
                m_out += u'\n';
            }
        }
        if (m_lineDepth > 0) {
            m_out += QString(m_lineDepth, u'>');
            m_out += u' ';
        }
        m_out += m_line;
        m_outHasLines = true;
        m_lastLineDepth = m_lineDepth;
        m_blankLineWanted = false;
    }
    m_line.truncate(0); // keeps its room for the next line (clear() gave it back)
    m_lineStarted = false;
    m_lineHasVisible = false;
    m_pendingSpace = false;
    m_pendingCellSeparator = false;
}

void Converter::finishLink()
{
    if (!m_inLink)
        return;
    m_inLink = false;
    if (!m_options.showLinkTargets || suppressed())
        return;
    const QString target = shownLinkTarget(m_linkHref, m_linkText);
    if (target.isEmpty())
        return;
    m_pendingSpace = true;
    visible(u'<');
    for (const QChar c : target)
        visible(c.unicode());
    visible(u'>');
}

void Converter::pushList(bool ordered, int start)
{
    if (m_lists.size() >= HtmlTextConverter::kMaxListDepth) {
        if (m_listOverflow < std::numeric_limits<int>::max())
            ++m_listOverflow;
        return;
    }
    m_lists.append({ordered, start});
}

void Converter::popList()
{
    if (m_listOverflow > 0)
        --m_listOverflow;
    else if (!m_lists.isEmpty())
        m_lists.removeLast();
}

QString Converter::listMarker()
{
    if (m_lists.isEmpty())
        return u"• "_s;
    // Past the cap the level is unknown: a bullet at the deepest indentation.
    QString marker(2 * (m_lists.size() - 1), u' '); // nested lists are indented
    ListLevel &level = m_lists.last();
    if (!level.ordered || m_listOverflow > 0)
        return marker + u"• "_s;
    marker += QString::number(level.next) + u". "_s;
    if (level.next < std::numeric_limits<int>::max())
        ++level.next;
    return marker;
}

} // namespace

QString HtmlTextConverter::toText(QStringView html)
{
    return convert(html, Options{});
}

QString HtmlTextConverter::toPreviewText(QStringView html)
{
    Options options;
    options.skipQuotes = true;
    options.showLinkTargets = false;
    return convert(html, options);
}

QString HtmlTextConverter::convert(QStringView html, const Options &options)
{
    QStringView input = html.first(std::min(html.size(), kMaxHtmlChars));
    if (!input.isEmpty() && input.last().isHighSurrogate())
        input.chop(1); // the cut fell inside a surrogate pair
    return Converter(input, options).run();
}

} // namespace Amiens
