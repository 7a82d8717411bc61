#include "ModelPaths.h"

#include "mime/MessageContent.h"

namespace Amiens::Bench {

qsizetype syncPath(const QByteArray &raw)
{
    // CacheMessageStore's scanBody: no header decoding, no images.
    const MessageContent content = MessageContent::parse(raw, {false, false, false});
    return content.text.size() + content.preview().size() + content.attachments.size();
}

qsizetype fullModel(const QByteArray &raw)
{
    const MessageContent content = MessageContent::parse(raw);
    return content.text.size() + content.html.size() + content.attachments.size() +
           content.inlineImages.size();
}

const char *modelPathsOrigin()
{
    return "MessageContent::parse (MimeTree + MessageModelBuilder)";
}

} // namespace Amiens::Bench
