#include "HtmlSanitizer.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>
#include <optional>

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

const QSet<QString> kAllowedTags = {
    u"a"_s,   u"abbr"_s,  u"b"_s,     u"blockquote"_s, u"br"_s,     u"center"_s, u"code"_s,   u"dd"_s,
    u"div"_s, u"dl"_s,    u"dt"_s,    u"em"_s,         u"font"_s,   u"h1"_s,     u"h2"_s,     u"h3"_s,
    u"h4"_s,  u"h5"_s,    u"h6"_s,    u"hr"_s,         u"i"_s,      u"img"_s,    u"li"_s,     u"ol"_s,
    u"p"_s,   u"pre"_s,   u"s"_s,     u"small"_s,      u"span"_s,   u"strike"_s, u"strong"_s, u"sub"_s,
    u"sup"_s, u"table"_s, u"tbody"_s, u"td"_s,         u"tfoot"_s,  u"th"_s,     u"thead"_s,  u"tr"_s,
    u"tt"_s,  u"u"_s,     u"ul"_s,    u"big"_s,        u"caption"_s};
// Never nested: void elements and those a sibling closes implicitly.
const QSet<QString> kSelfClosing = {u"br"_s,    u"hr"_s,    u"img"_s,   u"p"_s,      u"li"_s,
                                    u"dt"_s,    u"dd"_s,    u"tr"_s,    u"td"_s,     u"th"_s,
                                    u"thead"_s, u"tbody"_s, u"tfoot"_s, u"caption"_s};
// Inside a table: dropped with the table, and counted.
const QSet<QString> kTableParts = {u"tr"_s,    u"td"_s,    u"th"_s,     u"thead"_s,
                                   u"tbody"_s, u"tfoot"_s, u"caption"_s};
constexpr int kMaxTableParts = 5000;
// Dropped with everything inside them.
const QSet<QString> kDroppedWithContent = {
    u"script"_s, u"style"_s, u"iframe"_s,   u"frame"_s,  u"frameset"_s, u"object"_s,   u"embed"_s,
    u"applet"_s, u"form"_s,  u"textarea"_s, u"select"_s, u"button"_s,   u"noscript"_s, u"template"_s,
    u"svg"_s,    u"math"_s,  u"title"_s,    u"head"_s,   u"audio"_s,    u"video"_s};
const QSet<QString> kAllowedAttributes = {
    u"href"_s,  u"src"_s,    u"alt"_s,         u"title"_s,       u"colspan"_s, u"rowspan"_s,
    u"align"_s, u"valign"_s, u"width"_s,       u"height"_s,      u"color"_s,   u"size"_s,
    u"face"_s,  u"border"_s, u"cellpadding"_s, u"cellspacing"_s, u"bgcolor"_s, u"style"_s};
const QSet<QString> kSafeStyleProperties = {u"color"_s,       u"background-color"_s, u"font-weight"_s,
                                            u"font-style"_s,  u"text-decoration"_s,  u"text-align"_s,
                                            u"font-size"_s,   u"font-family"_s,      u"margin"_s,
                                            u"margin-left"_s, u"padding"_s,          u"border"_s};

QString escapeAttribute(const QString &value)
{
    return value.toHtmlEscaped();
}

/// Only plain declarations of safe properties, and nothing that can load or run anything.
QString safeStyle(const QString &style)
{
    QStringList kept;
    const QStringList declarations = style.split(u';', Qt::SkipEmptyParts);
    for (const QString &declaration : declarations) {
        const qsizetype colon = declaration.indexOf(u':');
        if (colon < 0)
            continue;
        const QString property = declaration.left(colon).trimmed().toLower();
        const QString value = declaration.mid(colon + 1).trimmed();
        const QString lower = value.toLower();
        if (!kSafeStyleProperties.contains(property) || lower.contains(u"url("_s) ||
            lower.contains(u"expression"_s) || lower.contains(u'\\') || lower.contains(u"@import"_s))
            continue;
        kept.append(property + u": "_s + value);
    }
    return kept.join(u"; "_s);
}

struct Attribute
{
    QString name;
    QString value;
};

QList<Attribute> parseAttributes(const QString &text)
{
    static const QRegularExpression pattern(
        uR"re(([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?)re"_s);
    QList<Attribute> attributes;
    auto matches = pattern.globalMatch(text);
    while (matches.hasNext()) {
        const auto match = matches.next();
        QString value = match.captured(2);
        if (value.isNull())
            value = match.captured(3);
        if (value.isNull())
            value = match.captured(4);
        attributes.append({match.captured(1).toLower(), value});
    }
    return attributes;
}

QString decodeEntities(const QString &text)
{
    // Enough to see through "&#106;avascript:" style obfuscation in URLs.
    static const QRegularExpression numeric(u"&#(x?)([0-9a-fA-F]+);?"_s);
    QString result = text;
    QRegularExpressionMatch match;
    qsizetype from = 0;
    while ((match = numeric.match(result, from)).hasMatch()) {
        bool ok = false;
        const uint code = match.captured(2).toUInt(&ok, match.captured(1).isEmpty() ? 10 : 16);
        const QString replacement = ok && code > 0 && code < 0x110000
                                        ? QString::fromUcs4(reinterpret_cast<const char32_t *>(&code), 1)
                                        : QString();
        result.replace(match.capturedStart(), match.capturedLength(), replacement);
        from = match.capturedStart() + replacement.size();
    }
    return result.replace(u"&amp;"_s, u"&"_s)
        .replace(u"&colon;"_s, u":"_s)
        .replace(u"&Tab;"_s, QString())
        .replace(u"&NewLine;"_s, QString());
}

QString urlScheme(const QString &url)
{
    QString compact = decodeEntities(url);
    compact.remove(QRegularExpression(u"[\\s\\x00-\\x1f]"_s));
    return QUrl(compact).scheme().toLower();
}

/// Qt lays out a word in time that grows with the square of its length (200,000 characters
/// without a space: 1.7 s; 2 MB: minutes): a break opportunity is offered every so often.
constexpr qsizetype kMaxUnbrokenRun = 1000;

/// Text outside any element that runs this long gets a cut at its next break (a space, or the
/// zero-width space below): the view lays out the first piece at once, and a page of one huge
/// paragraph ("<" two million times) would otherwise come as a single piece of a second.
constexpr qsizetype kTextCutChars = 16 * 1024;

/// Text found between tags, as it goes out: a stray "<" is escaped (it starts no tag here, and
/// must not become one once a dropped tag is cut out: "<scr<script></script>ipt>"), a zero-width
/// space is put into runs longer than kMaxUnbrokenRun without white space, and no more than
/// HtmlSanitizer::kMaxVisibleChars characters are written in all.
class TextWriter
{
public:
    TextWriter(QString &out, QList<HtmlSanitizer::Result::Cut> &cuts)
        : m_out(out)
        , m_cuts(cuts)
    {
    }

    /// Whether the text that follows is outside any element, where the page may be cut.
    void setOutsideElements(bool outside) { m_outsideElements = outside; }

    /// False once the page is full: nothing more is written.
    bool append(const QString &text)
    {
        for (const QChar c : text) {
            if (++m_visible > HtmlSanitizer::kMaxVisibleChars && m_entityLength == 0)
                return false;
            m_out += c == u'<' ? u"&lt;"_s : QString(c);
            if (c == u'&')
                m_entityLength = 1;
            else if (m_entityLength > 0 &&
                     (c == u';' || !(c.isLetterOrNumber() || c == u'#') || ++m_entityLength > 32))
                m_entityLength = 0; // inside "&name;": never cut there
            if (c.isSpace()) {
                m_unbrokenRun = 0;
                cutIfLong();
            } else if (++m_unbrokenRun >= kMaxUnbrokenRun && m_entityLength == 0) {
                m_out += QChar(0x200B);
                m_unbrokenRun = 0;
                cutIfLong();
            }
        }
        return true;
    }

private:
    void cutIfLong()
    {
        const qsizetype lastCut = m_cuts.isEmpty() ? 0 : m_cuts.constLast().offset;
        if (m_outsideElements && m_out.size() - lastCut >= kTextCutChars)
            m_cuts.append(HtmlSanitizer::Result::Cut{m_out.size(), {}});
    }

    QString &m_out;
    QList<HtmlSanitizer::Result::Cut> &m_cuts;
    bool m_outsideElements = false;
    qsizetype m_unbrokenRun = 0; ///< characters since the last white space, across inline tags
    qsizetype m_visible = 0;
    int m_entityLength = 0;
};

/// The tags of an HTML text in order, each found by one search for its end; comments (<!-- -->),
/// declarations (<!…>) and processing instructions (<?…>) come as tags without a name. Stops at
/// the first tag without its '>' (no later tag can have one): what follows is text.
class TagScanner
{
public:
    struct Tag
    {
        qsizetype start = 0;
        qsizetype end = 0; ///< after the closing '>'
        bool closing = false;
        QString name;
        QStringView attributes;
    };

    explicit TagScanner(const QString &html)
        : m_html(html)
    {
    }

    std::optional<Tag> next()
    {
        while (m_position < m_html.size()) {
            const qsizetype open = m_html.indexOf(u'<', m_position);
            if (open < 0 || open + 1 >= m_html.size())
                return std::nullopt;
            const QChar after = m_html.at(open + 1);
            Tag tag;
            tag.start = open;
            if (m_html.mid(open, 4) == u"<!--"_s) {
                // An unterminated comment runs to the end, as in browsers.
                const qsizetype close = m_html.indexOf(u"-->"_s, open + 4);
                tag.end = m_position = close < 0 ? m_html.size() : close + 3;
                return tag;
            }
            if (after == u'!' || after == u'?') {
                const qsizetype close = m_html.indexOf(u'>', open + 2);
                if (close < 0)
                    return std::nullopt;
                tag.end = m_position = close + 1;
                return tag;
            }
            qsizetype nameStart = open + 1;
            if (after == u'/') {
                tag.closing = true;
                ++nameStart;
            }
            qsizetype nameEnd = nameStart;
            while (
                nameEnd < m_html.size() && nameEnd - nameStart < 64 &&
                (isAsciiLetter(m_html.at(nameEnd)) ||
                 (nameEnd > nameStart && m_html.at(nameEnd).isDigit() && m_html.at(nameEnd).unicode() < 128)))
                ++nameEnd;
            if (nameEnd == nameStart) { // "<" followed by no letter: text
                m_position = open + 1;
                continue;
            }
            const qsizetype close = m_html.indexOf(u'>', nameEnd);
            if (close < 0)
                return std::nullopt;
            tag.name = m_html.mid(nameStart, nameEnd - nameStart);
            tag.attributes = QStringView(m_html).sliced(nameEnd, close - nameEnd);
            tag.end = m_position = close + 1;
            return tag;
        }
        return std::nullopt;
    }

private:
    static bool isAsciiLetter(QChar c)
    {
        const char16_t u = c.unicode();
        return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z');
    }

    const QString &m_html;
    qsizetype m_position = 0;
};

} // namespace

HtmlSanitizer::Result HtmlSanitizer::sanitize(const QString &html, bool allowRemoteImages)
{
    Result result;
    QString &out = result.html;
    out.reserve(html.size());
    qsizetype position = 0;
    QString skipUntil;               // inside a dropped element
    QStringList openElements;        // kept and not closed yet
    QHash<QString, int> droppedOpen; // opened beyond kMaxOpenElements, by name
    int tableParts = 0;
    TextWriter writer(out, result.cuts);
    bool full = false;
    QString pageTable; // the opening tag of a table at the top of the page
    // One forward scan (no regular expression: "[^>]*>" retried at each "<" of a long input
    // without ">" was quadratic): each tag, comment or declaration is found with one search for
    // its end, and an unterminated one ends the scan.
    TagScanner scanner(html);
    while (const std::optional<TagScanner::Tag> match = scanner.next()) {
        const QString text = html.mid(position, match->start - position);
        position = match->end;
        // Text between tags stays as the sender wrote it (it is HTML already), see TextWriter.
        writer.setOutsideElements(openElements.isEmpty() && droppedOpen.isEmpty());
        if (skipUntil.isEmpty() && !writer.append(text)) {
            full = true;
            break;
        }
        const QString name = match->name.toLower();
        if (name.isEmpty())
            continue; // comment, doctype, processing instruction
        const bool closing = match->closing;
        if (!skipUntil.isEmpty()) {
            if (closing && name == skipUntil)
                skipUntil.clear();
            continue;
        }
        if (kDroppedWithContent.contains(name)) {
            result.hadForms = result.hadForms || name == "form"_L1;
            result.hadScripts = result.hadScripts || name == "script"_L1;
            if (!closing && !match->attributes.trimmed().endsWith(u'/'))
                skipUntil = name;
            continue;
        }
        if (name == "input"_L1) {
            result.hadForms = true;
            continue;
        }
        if (!kAllowedTags.contains(name))
            continue; // the tag goes, its text stays
        // The rows and cells of a table that was dropped go with it, and a page holds a bounded
        // number of cells: Qt's table layout of a hundred thousand cells does not end.
        if (kTableParts.contains(name)) {
            if (droppedOpen.value(u"table"_s) > 0 || (!closing && ++tableParts > kMaxTableParts))
                continue;
        }
        // Depth: void elements and those HTML closes by itself (a new <p> ends the last one)
        // do not nest; every other element counts until it is closed.
        const bool nests = !kSelfClosing.contains(name);
        if (closing) {
            if (nests) {
                if (droppedOpen.value(name) > 0) {
                    if (--droppedOpen[name] == 0)
                        droppedOpen.remove(name);
                    continue;
                }
                const qsizetype at = openElements.lastIndexOf(name);
                if (at < 0)
                    continue; // closes nothing that was kept
                openElements.resize(at);
            }
            out += u"</"_s + name + u'>';
            if (droppedOpen.isEmpty() && openElements.isEmpty())
                result.cuts.append(Result::Cut{out.size(), {}});
            else if (droppedOpen.isEmpty() && name == "tr"_L1 && openElements == QStringList{u"table"_s})
                result.cuts.append(Result::Cut{out.size(), pageTable});
            continue;
        }
        if (nests) {
            if (openElements.size() >= kMaxOpenElements ||
                (name == "table"_L1 && openElements.count(name) >= kMaxNestedTables)) {
                ++droppedOpen[name];
                continue;
            }
            openElements.append(name);
        }
        QString tag = u'<' + name;
        const QList<Attribute> attributes = parseAttributes(match->attributes.toString());
        bool dropTag = false;
        bool dropSilently = false;
        for (const Attribute &attribute : attributes) {
            if (!kAllowedAttributes.contains(attribute.name))
                continue; // onclick, onload, … never pass
            QString value = attribute.value;
            if (attribute.name == "href"_L1) {
                const QString scheme = urlScheme(value);
                if (scheme != "http"_L1 && scheme != "https"_L1 && scheme != "mailto"_L1)
                    continue;
                result.links.append(decodeEntities(value));
            } else if (attribute.name == "src"_L1) {
                const QString scheme = urlScheme(value);
                if (scheme == "cid"_L1 ||
                    (scheme == "data"_L1 && value.startsWith(u"data:image/"_s, Qt::CaseInsensitive))) {
                    // Embedded in the message: nothing leaves the computer.
                } else if (scheme == "http"_L1 || scheme == "https"_L1 ||
                           (scheme.isEmpty() && value.trimmed().startsWith(u"//"_s))) {
                    if (!allowRemoteImages) {
                        ++result.blockedRemoteImages;
                        dropTag = name == "img"_L1;
                        continue;
                    }
                    if (scheme.isEmpty())
                        value = u"https:"_s + value.trimmed(); // protocol-relative
                } else {
                    // Relative (no base to resolve it), file:, javascript: …: nothing that "Afficher
                    // le contenu distant" could show, so it is not counted as remote content.
                    dropSilently = name == "img"_L1;
                    continue;
                }
            } else if (attribute.name == "style"_L1) {
                // Judged as the layout will read it: "url&#40" is "url(" once decoded.
                value = safeStyle(decodeEntities(value));
                if (value.isEmpty())
                    continue;
                tag += u" style=\""_s + escapeAttribute(value) + u'"';
                continue;
            }
            tag += u' ' + attribute.name + u"=\""_s + escapeAttribute(decodeEntities(value)) + u'"';
        }
        if (dropSilently)
            continue;
        if (dropTag) {
            out += u"<span title=\""_s + tr("Remote image blocked") + u"\">[&#9633;]</span>"_s;
            continue;
        }
        out += tag + u'>';
        if (name == "table"_L1 && openElements.size() == 1)
            pageTable = tag + u'>';
        if (!nests && openElements.isEmpty() && droppedOpen.isEmpty())
            result.cuts.append(Result::Cut{out.size(), {}});
    }
    if (!full && skipUntil.isEmpty()) {
        writer.setOutsideElements(openElements.isEmpty() && droppedOpen.isEmpty());
        full = !writer.append(html.mid(position));
    }
    if (full) {
        result.truncated = true;
        out += u"<p><i>%1</i></p>"_s.arg(
            tr("The rest of this message is not shown: it is too long to be displayed.").toHtmlEscaped());
    }
    return result;
}

} // namespace Amiens
