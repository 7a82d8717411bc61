#include "MessageContent.h"

#include "MessageModelBuilder.h"
#include "TransferDecoder.h"

#include <QIODevice>

using namespace Qt::StringLiterals;

namespace Amiens {

QString MessageContent::preview(int length) const
{
    // Quoted lines say little about a new message; only the start of the text is looked at.
    const QString start = text.left(std::max(length * 20, 4000));
    QString flat;
    flat.reserve(length + 16);
    for (QStringView line : QStringView(start).split(u'\n')) {
        if (line.startsWith(u'>'))
            continue;
        flat += line.toString().simplified();
        flat += u' ';
        if (flat.size() > length)
            break;
    }
    flat = flat.simplified();
    if (flat.size() > length)
        flat = flat.left(length - 1) + u'…';
    return flat;
}

MessageContent MessageContent::parse(const QByteArray &rawMessage, const Options &options)
{
    return MessageModelBuilder(rawMessage, options).build();
}

QByteArray MessageContent::attachmentData(const QByteArray &rawMessage, int index)
{
    MessageModelBuilder builder(rawMessage, {false, false, false});
    const QList<AttachmentInfo> attachments = builder.attachments();
    if (index < 0 || index >= attachments.size())
        return {};
    return MessageModelBuilder::dataOf(rawMessage, builder.tree(), attachments.at(index));
}

void MessageContent::forEachAttachment(const QByteArray &rawMessage,
                                       const std::function<bool(int, const QByteArray &)> &visit)
{
    MessageModelBuilder builder(rawMessage, {false, false, false});
    const QList<AttachmentInfo> attachments = builder.attachments();
    for (int index = 0; index < attachments.size(); ++index) {
        if (!visit(index, MessageModelBuilder::dataOf(rawMessage, builder.tree(), attachments.at(index))))
            return;
    }
}

bool MessageContent::writeAttachment(const QByteArray &rawMessage, int index, QIODevice &device)
{
    MessageModelBuilder builder(rawMessage, {false, false, false});
    const QList<AttachmentInfo> attachments = builder.attachments();
    if (index < 0 || index >= attachments.size())
        return false;
    const AttachmentInfo &attachment = attachments.at(index);
    if (attachment.tnefIndex >= 0) {
        const QByteArray data = MessageModelBuilder::dataOf(rawMessage, builder.tree(), attachment);
        return device.write(data) == data.size();
    }
    // Decoded piece by piece: a 20 MB attachment is never held whole a second time.
    const MimePart &part = builder.tree().parts().at(attachment.partIndex);
    return TransferDecoder::decodeInChunks(
        MimeTree::bodyOf(rawMessage, part), TransferDecoder::fromName(part.transferEncoding),
        [&device](QByteArrayView chunk) { return device.write(chunk.data(), chunk.size()) == chunk.size(); });
}

} // namespace Amiens
