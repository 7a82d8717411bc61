#include "SafeMessage.h"

#include "mime/HtmlSanitizer.h"
#include "mime/PlainTextFormatter.h"
#include "security/AttachmentInspector.h"

using namespace Qt::StringLiterals;

namespace Amiens {

QString SafeMessage::bodyHtmlFor(const MessageContent &content, bool allowRemoteContent,
                                 int *blockedRemoteImages)
{
    return bodyHtmlPieces(content, allowRemoteContent, blockedRemoteImages, -1).join(QString());
}

QStringList SafeMessage::bodyHtmlPieces(const MessageContent &content, bool allowRemoteContent,
                                        int *blockedRemoteImages, qsizetype pieceChars)
{
    QStringList pieces;
    if (content.html.isEmpty()) {
        if (blockedRemoteImages)
            *blockedRemoteImages = 0;
        if (pieceChars < 0 || content.text.size() <= pieceChars)
            return {PlainTextFormatter::toHtml(content.text)};
        // Whole lines, so a quoted line keeps its colour and a link its target; the view puts a
        // line break between pieces. A line longer than a piece (a megabyte without a line
        // break) is cut after a space, or anywhere when it has none: one piece of it would
        // hold the window for a second.
        const QString &text = content.text;
        qsizetype start = 0;
        while (start < text.size()) {
            const qsizetype wanted = std::min(start + pieceChars, text.size());
            qsizetype end = text.indexOf(u'\n', wanted);
            if (end < 0)
                end = text.size();
            qsizetype next = end + 1;
            if (end - start > 2 * pieceChars) {
                const qsizetype space = text.lastIndexOf(u' ', wanted);
                end = next = space > start + pieceChars / 2 ? space + 1 : wanted;
            }
            pieces.append(PlainTextFormatter::toHtml(text.mid(start, end - start)));
            start = next;
        }
        return pieces;
    }
    const HtmlSanitizer::Result safe = HtmlSanitizer::sanitize(content.html, allowRemoteContent);
    if (blockedRemoteImages)
        *blockedRemoteImages = safe.blockedRemoteImages;
    if (pieceChars < 0 || safe.html.size() <= pieceChars)
        return {safe.html};
    qsizetype start = 0;
    QString reopened; // the page's table, opened again at the start of the piece
    for (const HtmlSanitizer::Result::Cut &cut : safe.cuts) {
        if (cut.offset - start < pieceChars)
            continue;
        pieces.append(reopened + safe.html.mid(start, cut.offset - start) +
                      (cut.reopen.isEmpty() ? QString() : u"</table>"_s));
        reopened = cut.reopen;
        start = cut.offset;
    }
    if (start < safe.html.size() || pieces.isEmpty()) // a page that ends with a cut has no piece after it
        pieces.append(reopened + safe.html.mid(start));
    return pieces;
}

SafeMessage SafeMessage::fromRaw(const QByteArray &raw, const PhishingAnalyzer &analyzer,
                                 const Options &options)
{
    SafeMessage result;
    result.content = MessageContent::parse(raw);
    result.bodyHtml = bodyHtmlFor(result.content, options.allowRemoteContent, &result.blockedRemoteImages);
    result.warnings = analyzer.analyse(analyzerInput(raw, result.content, options.ownFolder));
    return result;
}

PhishingAnalyzer::Input SafeMessage::analyzerInput(const QByteArray &raw, const MessageContent &content,
                                                   bool ownFolder)
{
    PhishingAnalyzer::Input input{content.headers, content.text, content.html, ownFolder, {}};
    // The user's own mail is never flagged: its attachments need no reading.
    if (!ownFolder)
        input.attachments = AttachmentInspector::inspectAll(raw, content);
    return input;
}

} // namespace Amiens
