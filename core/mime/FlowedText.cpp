#include "FlowedText.h"

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

/// Calls \a handle with each line, without its LF or CRLF; a final line end opens no extra line.
template <typename Handler>
void forEachLine(QStringView text, Handler &&handle)
{
    qsizetype start = 0;
    while (start < text.size()) {
        qsizetype end = text.indexOf(u'\n', start);
        const qsizetype next = end < 0 ? text.size() : end + 1;
        if (end < 0)
            end = text.size();
        QStringView line = text.sliced(start, end - start);
        if (line.endsWith(u'\r'))
            line.chop(1);
        handle(line);
        start = next;
    }
}

void appendQuoteMarks(QString &out, qsizetype depth)
{
    for (qsizetype i = 0; i < depth; ++i)
        out += u'>';
}

/// Builds the decoded text one paragraph at a time.
class Unflower
{
public:
    explicit Unflower(bool delSp)
        : m_delSp(delSp)
    {
    }

    void line(QStringView line)
    {
        // RFC 3676 §4.5: quote depth, then one space-stuffing space, then flowed or fixed.
        qsizetype depth = 0;
        while (depth < line.size() && line[depth] == u'>')
            ++depth;
        QStringView content = line.sliced(depth);
        if (content.startsWith(u' '))
            content = content.sliced(1);

        const bool signature = content == u"-- ";
        // A line of quote marks alone (and at most one space) is never flowed (as Roundcube):
        // nor is an empty line joined onto a flowed one: it ends the paragraph instead, which
        // keeps paragraph breaks from senders that leave trailing spaces.
        const bool blank = content.trimmed().isEmpty();
        const bool flowed = !signature && !blank && content.endsWith(u' ');

        if (m_open && (depth != m_depth || signature || blank))
            closeParagraph();
        if (m_open) {
            if (m_delSp)
                m_paragraph.chop(1);
            m_paragraph += content;
        } else {
            m_paragraph = content.toString();
            m_depth = depth;
        }
        m_open = flowed;
        if (!m_open)
            writeParagraph(signature);
    }

    QString finish()
    {
        if (m_open)
            closeParagraph();
        return std::move(m_out);
    }

private:
    /// A flowed line followed by another depth, a signature, an empty line or the end counts as
    /// fixed; its soft space is dropped with the other trailing spaces.
    void closeParagraph()
    {
        m_open = false;
        writeParagraph(false);
    }

    void writeParagraph(bool signature)
    {
        if (m_hasLines)
            m_out += u'\n';
        m_hasLines = true;
        appendQuoteMarks(m_out, m_depth);
        if (!signature) {
            qsizetype length = m_paragraph.size();
            while (length > 0 && m_paragraph[length - 1] == u' ')
                --length;
            m_paragraph.truncate(length);
        }
        if (m_depth > 0 && !m_paragraph.isEmpty())
            m_out += u' ';
        m_out += m_paragraph;
        m_paragraph.clear();
    }

    bool m_delSp;
    QString m_out;
    QString m_paragraph;
    qsizetype m_depth = 0;
    bool m_open = false; ///< the paragraph's last line was flowed: the next line may join it
    bool m_hasLines = false;
};

} // namespace

QString FlowedText::decode(QStringView text, bool delSp)
{
    Unflower unflower(delSp);
    forEachLine(text, [&](QStringView line) { unflower.line(line); });
    return unflower.finish();
}

QString FlowedText::quoteForReply(QStringView displayText)
{
    QString out;
    out.reserve(displayText.size() + displayText.size() / 16 + 2);
    bool first = true;
    forEachLine(displayText, [&](QStringView line) {
        if (!first)
            out += u'\n';
        first = false;
        out += u'>';
        if (!line.isEmpty() && line.front() != u'>')
            out += u' ';
        out += line;
    });
    if (displayText.endsWith(u'\n'))
        out += u'\n';
    return out;
}

} // namespace Amiens
