#include "MessageContent.h"

#include "HeaderDecoder.h"
#include "util/Logging.h"

#include <QRegularExpression>
#include <vmime/vmime.hpp>

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

/// The raw header block: everything before the first empty line.
QByteArray headerBlock(const QByteArray &raw)
{
    qsizetype end = raw.indexOf("\r\n\r\n");
    const qsizetype lfEnd = raw.indexOf("\n\n");
    if (end < 0 || (lfEnd >= 0 && lfEnd < end))
        end = lfEnd;
    return end < 0 ? raw : raw.left(end + 1);
}

QString extractText(const vmime::contentHandler &content, const vmime::charset &charset)
{
    std::string decoded;
    vmime::utility::outputStreamStringAdapter out(decoded);
    content.extract(out);
    std::string converted;
    try {
        vmime::charset::convert(decoded, converted, charset, vmime::charsets::UTF_8);
    } catch (const std::exception &) {
        // Unknown charset: Latin-1 never fails and keeps ASCII readable.
        return QString::fromLatin1(QByteArray::fromStdString(decoded));
    }
    return QString::fromStdString(converted);
}

} // namespace

int MessageContent::multipartDepth(const QByteArray &rawMessage, int stopAt)
{
    // One pass over the lines: a boundary parameter opens a level, its closing delimiter
    // ("--B--") closes it and every level opened inside it. Linear, whatever the input.
    static const QRegularExpression boundaryParameter(uR"(boundary\s*=\s*"?([^";\s]+))"_s,
                                                      QRegularExpression::CaseInsensitiveOption);
    QList<QByteArray> open;
    int deepest = 0;
    qsizetype start = 0;
    while (start < rawMessage.size() && deepest < stopAt) {
        qsizetype end = rawMessage.indexOf('\n', start);
        if (end < 0)
            end = rawMessage.size();
        QByteArrayView line(rawMessage.constData() + start, end - start);
        start = end + 1;
        while (line.endsWith('\r') || line.endsWith(' ') || line.endsWith('\t'))
            line.chop(1);
        if (line.startsWith("--") && line.endsWith("--") && !open.isEmpty() && line.size() > 4) {
            const QByteArrayView closed = line.sliced(2, line.size() - 4);
            for (qsizetype i = open.size() - 1; i >= 0; --i) {
                if (open.at(i) == closed) {
                    open.resize(i);
                    break;
                }
            }
            continue;
        }
        if (line.size() > 9 && line.size() < 2000 && line.contains('=')) {
            const auto match = boundaryParameter.match(QString::fromLatin1(line.data(), line.size()));
            if (match.hasMatch()) {
                open.append(match.captured(1).toLatin1());
                deepest = std::max(deepest, static_cast<int>(open.size()));
            }
        }
    }
    return deepest;
}

QString MessageContent::preview(int length) const
{
    QString flat = text;
    // Quoted lines and signatures say little about a new message.
    static const QRegularExpression quoted(u"^>.*$"_s, QRegularExpression::MultilineOption);
    flat.remove(quoted);
    flat = flat.simplified();
    if (flat.size() > length)
        flat = flat.left(length - 1) + u'…';
    return flat;
}

MessageContent MessageContent::parse(const QByteArray &rawMessage, bool decodeHeaders)
{
    MessageContent content;
    const QByteArray header = headerBlock(rawMessage);
    if (decodeHeaders)
        content.headers = HeaderDecoder::decode(header);

    // VMime's address parser recurses without bound on nested groups (vmime.md §6): the body is
    // parsed under the defused header, never under the sender's raw one.
    const QByteArray safe = HeaderDecoder::defused(header) + rawMessage.mid(header.size());
    if (multipartDepth(rawMessage) > kMaxMultipartDepth) {
        qCWarning(lcMime) << "message body not decoded: multipart nesting deeper than" << kMaxMultipartDepth;
        content.problem = tr("This message is built in a way that could block AmiensMail (more than %1 parts "
                             "nested in each other), so its content is not shown. It may be malicious.")
                              .arg(kMaxMultipartDepth);
        content.text = content.problem;
        return content;
    }

    try {
        auto message = vmime::make_shared<vmime::message>();
        message->parse(safe.toStdString());
        vmime::messageParser parser(message);
        for (size_t i = 0; i < parser.getTextPartCount(); ++i) {
            const auto part = parser.getTextPartAt(i);
            try {
                const auto type = part->getType();
                if (type.getSubType() == vmime::mediaTypes::TEXT_HTML) {
                    const auto html = vmime::dynamicCast<const vmime::htmlTextPart>(part);
                    if (content.html.isEmpty())
                        content.html = extractText(*html->getText(), html->getCharset());
                    for (size_t j = 0; j < html->getObjectCount(); ++j) {
                        const auto object = html->getObjectAt(j);
                        if (object->getType().getType() != vmime::mediaTypes::IMAGE)
                            continue;
                        std::string data;
                        vmime::utility::outputStreamStringAdapter out(data);
                        object->getData()->extract(out);
                        QString id = QString::fromStdString(object->getId());
                        if (id.startsWith(u'<'))
                            id = id.mid(1, id.size() - 2);
                        content.inlineImages.insert(id, QByteArray::fromStdString(data));
                    }
                    if (content.text.isEmpty() && html->getPlainText() && !html->getPlainText()->isEmpty())
                        content.text = extractText(*html->getPlainText(), html->getCharset());
                } else if (content.text.isEmpty()) {
                    content.text = extractText(*part->getText(), part->getCharset());
                }
            } catch (const std::exception &e) {
                qCDebug(lcMime) << "unreadable text part:" << e.what();
            }
        }
        for (size_t i = 0; i < parser.getAttachmentCount(); ++i) {
            const auto attachment = parser.getAttachmentAt(i);
            AttachmentInfo info;
            try {
                info.name =
                    QString::fromStdString(attachment->getName().getConvertedText(vmime::charsets::UTF_8));
                info.mimeType = QString::fromStdString(attachment->getType().generate());
                std::string decoded;
                vmime::utility::outputStreamStringAdapter out(decoded);
                attachment->getData()->extract(out);
                info.size = static_cast<qint64>(decoded.size());
            } catch (const std::exception &e) {
                qCDebug(lcMime) << "unreadable attachment:" << e.what();
            }
            // A name is data from the sender: keep the last path component only.
            info.name = info.name.section(u'/', -1).section(u'\\', -1);
            if (info.name.isEmpty())
                info.name = tr("attachment");
            content.attachments.append(info);
        }
    } catch (const std::exception &e) {
        qCWarning(lcMime) << "unreadable message body:" << e.what();
    }
    if (content.text.isEmpty() && !content.html.isEmpty()) {
        static const QRegularExpression tags(u"<[^>]*>"_s);
        content.text = QString(content.html).remove(tags);
    }
    content.headers.likelyHasAttachments = !content.attachments.isEmpty();
    return content;
}

QByteArray MessageContent::attachmentData(const QByteArray &rawMessage, int index)
{
    if (multipartDepth(rawMessage) > kMaxMultipartDepth)
        return {};
    const QByteArray header = headerBlock(rawMessage);
    const QByteArray safe = HeaderDecoder::defused(header) + rawMessage.mid(header.size());
    try {
        auto message = vmime::make_shared<vmime::message>();
        message->parse(safe.toStdString());
        vmime::messageParser parser(message);
        if (index < 0 || static_cast<size_t>(index) >= parser.getAttachmentCount())
            return {};
        std::string decoded;
        vmime::utility::outputStreamStringAdapter out(decoded);
        parser.getAttachmentAt(static_cast<size_t>(index))->getData()->extract(out);
        return QByteArray::fromStdString(decoded);
    } catch (const std::exception &e) {
        qCWarning(lcMime) << "cannot extract attachment" << index << ":" << e.what();
        return {};
    }
}

} // namespace Amiens
