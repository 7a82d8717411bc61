#include "ReplyBuilder.h"

#include "mime/FlowedText.h"
#include "mime/MessageContent.h"
#include "mime/MessageModelBuilder.h"

#include <QLocale>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

bool sameAddress(const QString &a, const QString &b)
{
    return a.trimmed().compare(b.trimmed(), Qt::CaseInsensitive) == 0;
}

bool containsAddress(const QList<MailAddress> &list, const QString &address)
{
    for (const MailAddress &item : list) {
        if (sameAddress(item.address, address))
            return true;
    }
    return false;
}

bool isOwn(const QStringList &ownAddresses, const QString &address)
{
    for (const QString &own : ownAddresses) {
        if (sameAddress(own, address))
            return true;
    }
    return false;
}

QString addressLine(const QList<MailAddress> &addresses)
{
    QStringList parts;
    for (const MailAddress &address : addresses)
        parts.append(address.toDisplayString());
    return parts.join(u", "_s);
}

} // namespace

QString ReplyBuilder::replySubject(const QString &subject)
{
    // "Re[2]:" and the French "Réf :"/"Rép :" count too; ":" may follow a space in French.
    static const QRegularExpression prefix(u"^\\s*(re|aw|réf|rép)(\\[\\d+\\])?\\s*:"_s,
                                           QRegularExpression::CaseInsensitiveOption);
    const QString trimmed = subject.trimmed();
    return prefix.match(trimmed).hasMatch() ? trimmed : u"Re: "_s + trimmed;
}

QString ReplyBuilder::forwardSubject(const QString &subject)
{
    static const QRegularExpression prefix(u"^\\s*(tr|fwd|fw|wg)\\s*:"_s,
                                           QRegularExpression::CaseInsensitiveOption);
    const QString trimmed = subject.trimmed();
    return prefix.match(trimmed).hasMatch() ? trimmed : u"Tr: "_s + trimmed;
}

ReplyBuilder::Recipients ReplyBuilder::replyRecipients(const MessageHeaders &original)
{
    Recipients result;
    result.to = original.replyTo.isEmpty() ? QList<MailAddress>{original.from} : original.replyTo;
    return result;
}

ReplyBuilder::Recipients ReplyBuilder::replyAllRecipients(const MessageHeaders &original,
                                                          const QStringList &ownAddresses)
{
    Recipients result;
    const auto add = [&](QList<MailAddress> &into, const MailAddress &address) {
        if (address.address.trimmed().isEmpty() || isOwn(ownAddresses, address.address) ||
            containsAddress(result.to, address.address) || containsAddress(result.cc, address.address))
            return;
        into.append(address);
    };
    const QList<MailAddress> senders =
        original.replyTo.isEmpty() ? QList<MailAddress>{original.from} : original.replyTo;
    for (const MailAddress &address : senders)
        add(result.to, address);
    for (const MailAddress &address : original.to)
        add(result.to, address);
    for (const MailAddress &address : original.cc)
        add(result.cc, address);
    // Everyone else was us (a note to oneself): answer ourselves rather than nobody.
    if (result.to.isEmpty() && result.cc.isEmpty())
        result.to = senders;
    return result;
}

QString ReplyBuilder::forwardHeaderBlock(const MessageHeaders &original)
{
    QString block = tr("-------- Forwarded Message --------") + u'\n';
    block += tr("From: %1").arg(original.from.toDisplayString()) + u'\n';
    if (original.date.isValid())
        block +=
            tr("Date: %1").arg(QLocale().toString(original.date.toLocalTime(), QLocale::LongFormat)) + u'\n';
    block += tr("Subject: %1").arg(original.subject) + u'\n';
    if (!original.to.isEmpty())
        block += tr("To: %1").arg(addressLine(original.to)) + u'\n';
    if (!original.cc.isEmpty())
        block += tr("Cc: %1").arg(addressLine(original.cc)) + u'\n';
    return block;
}

QString ReplyBuilder::quotedReply(const QString &text, const QString &author, const QDateTime &date)
{
    QString body = text;
    body.replace(u"\r\n"_s, u"\n"_s);
    while (body.endsWith(u'\n'))
        body.chop(1);
    return tr("On %1, %2 wrote:").arg(QLocale().toString(date.toLocalTime(), QLocale::ShortFormat), author) +
           u'\n' + FlowedText::quoteForReply(body) + u'\n';
}

QList<OutgoingAttachment> ReplyBuilder::forwardedAttachments(const QByteArray &raw)
{
    QList<OutgoingAttachment> result;
    // One reading of the message for all the files (not one per file: a message may hold
    // thousands of parts).
    MessageModelBuilder model(raw, {false, false, false});
    const QList<AttachmentInfo> attachments = model.attachments();
    for (int i = 0; i < attachments.size(); ++i) {
        const AttachmentInfo &info = attachments.at(i);
        OutgoingAttachment attachment;
        attachment.fileName = info.name.isEmpty() ? tr("attachment-%1").arg(i + 1) : info.name;
        attachment.mimeType = info.mimeType;
        attachment.data = MessageModelBuilder::dataOf(raw, model.tree(), info);
        result.append(attachment);
    }
    return result;
}

PreparedResponse ReplyBuilder::prepare(PreparedResponse::Kind kind, const MessageHeaders &headers,
                                       const std::optional<QByteArray> &raw, const QString &preview,
                                       bool hadAttachments, const QStringList &ownAddresses)
{
    PreparedResponse response;
    response.kind = kind;
    // The message model's text when the body is here (format=flowed joined), else the preview.
    const QString text = raw ? MessageContent::parse(*raw).text : preview;
    if (kind == PreparedResponse::Kind::Forward) {
        response.subject = forwardSubject(headers.subject);
        // Not an answer (no In-Reply-To), but readers can still relate it to the original.
        if (!headers.messageId.isEmpty())
            response.references.append(headers.messageId);
        response.quote = forwardHeaderBlock(headers);
        response.body = u"\n\n"_s + response.quote + u'\n' + text;
        if (raw)
            response.attachments = forwardedAttachments(*raw);
        else
            response.attachmentsMissing = hadAttachments || headers.likelyHasAttachments;
        return response;
    }
    const Recipients recipients = kind == PreparedResponse::Kind::ReplyAll
                                      ? replyAllRecipients(headers, ownAddresses)
                                      : replyRecipients(headers);
    response.to = recipients.to;
    response.cc = kind == PreparedResponse::Kind::ReplyAll ? recipients.cc : QList<MailAddress>();
    response.subject = replySubject(headers.subject);
    response.inReplyTo = headers.messageId;
    response.references = headers.references;
    if (!headers.messageId.isEmpty() && !response.references.contains(headers.messageId))
        response.references.append(headers.messageId);
    response.quote = quotedReply(text, headers.from.toDisplayString(), headers.date);
    response.body = u"\n\n"_s + response.quote;
    return response;
}

} // namespace Amiens
