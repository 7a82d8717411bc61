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
        // line break between pieces.
        qsizetype start = 0;
        while (start < content.text.size()) {
            qsizetype end = content.text.indexOf(u'\n', std::min(start + pieceChars, content.text.size()));
            if (end < 0)
                end = content.text.size();
            pieces.append(PlainTextFormatter::toHtml(content.text.mid(start, end - start)));
            start = end + 1;
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
