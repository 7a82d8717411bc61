#include "SafeMessage.h"

#include "mime/HtmlSanitizer.h"
#include "mime/PlainTextFormatter.h"

namespace Amiens {

QString SafeMessage::bodyHtmlFor(const MessageContent &content, bool allowRemoteContent,
                                 int *blockedRemoteImages)
{
    if (content.html.isEmpty()) {
        if (blockedRemoteImages)
            *blockedRemoteImages = 0;
        return PlainTextFormatter::toHtml(content.text);
    }
    HtmlSanitizer::Result safe = HtmlSanitizer::sanitize(content.html, allowRemoteContent);
    if (blockedRemoteImages)
        *blockedRemoteImages = safe.blockedRemoteImages;
    return std::move(safe.html);
}

SafeMessage SafeMessage::fromRaw(const QByteArray &raw, const PhishingAnalyzer &analyzer,
                                 const Options &options)
{
    SafeMessage result;
    result.content = MessageContent::parse(raw);
    result.bodyHtml = bodyHtmlFor(result.content, options.allowRemoteContent, &result.blockedRemoteImages);
    result.warnings = analyzer.analyse(
        {result.content.headers, result.content.text, result.content.html, options.ownFolder});
    return result;
}

} // namespace Amiens
