#include "MessageBuilder.h"

#include "mime/HeaderDecoder.h"
#include "util/Clock.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QUrl>
#include <QUuid>
#include <vmime/addressList.hpp>
#include <vmime/mailbox.hpp>
#include <vmime/mailboxGroup.hpp>

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

constexpr qsizetype kMaxLine = 78;
// 39 bytes of UTF-8 make 52 base64 characters: "=?UTF-8?B?" + 52 + "?=" stays under the
// 75 characters RFC 2047 allows per encoded word, even after "Subject: ".
constexpr qsizetype kEncodedWordBytes = 39;

QString withoutLineBreaks(QString text)
{
    // A CR or LF in a header value would let a subject or a name inject header fields.
    for (QChar &c : text) {
        if (c == u'\r' || c == u'\n' || c == u'\t')
            c = u' ';
    }
    return text;
}

bool isPrintableAscii(const QString &text)
{
    for (const QChar c : text) {
        if (c.unicode() < 0x20 || c.unicode() > 0x7e)
            return false;
    }
    return true;
}

/// Encoded words of at most kEncodedWordBytes UTF-8 bytes each, never splitting a character.
QList<QByteArray> encodedWords(const QString &text)
{
    QList<QByteArray> words;
    QByteArray chunk;
    for (qsizetype i = 0; i < text.size(); ++i) {
        qsizetype length = 1;
        if (text.at(i).isHighSurrogate() && i + 1 < text.size())
            length = 2;
        const QByteArray utf8 = text.mid(i, length).toUtf8();
        i += length - 1;
        if (chunk.size() + utf8.size() > kEncodedWordBytes) {
            words.append("=?UTF-8?B?" + chunk.toBase64() + "?=");
            chunk.clear();
        }
        chunk += utf8;
    }
    if (!chunk.isEmpty())
        words.append("=?UTF-8?B?" + chunk.toBase64() + "?=");
    return words;
}

/// Folds ASCII text at spaces so that "Name: value" lines stay near 78 characters.
QByteArray foldAscii(const QByteArray &value, qsizetype used)
{
    QByteArray result;
    qsizetype lineLength = used;
    const QList<QByteArray> parts = value.split(' ');
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const QByteArray &part = parts.at(i);
        if (i > 0) {
            if (lineLength + 1 + part.size() > kMaxLine && lineLength > used) {
                result += "\r\n ";
                lineLength = 1;
            } else {
                result += ' ';
                ++lineLength;
            }
        }
        result += part;
        lineLength += part.size();
    }
    return result;
}

QByteArray headerLine(const QByteArray &name, const QByteArray &value)
{
    return name + ": " + value + "\r\n";
}

QByteArray addressHeader(const QByteArray &name, const QList<MailAddress> &addresses)
{
    QList<QByteArray> encoded;
    for (const MailAddress &address : addresses)
        encoded.append(MessageBuilder::encodeMailbox(address));
    return headerLine(name, encoded.join(",\r\n "));
}

QByteArray randomBoundary()
{
    // "=_" can occur neither in base64 nor in quoted-printable output, so the boundary can never
    // appear inside a part.
    return "=_amiens_" + QByteArray::number(QRandomGenerator::global()->generate64(), 16) + "_" +
           QByteArray::number(QRandomGenerator::global()->generate64(), 16);
}

QByteArray base64Lines(const QByteArray &data)
{
    const QByteArray encoded = data.toBase64();
    QByteArray result;
    result.reserve(encoded.size() + encoded.size() / 76 * 2 + 2);
    for (qsizetype i = 0; i < encoded.size(); i += 76)
        result += encoded.mid(i, 76) + "\r\n";
    return result;
}

QString normalisedText(QString text)
{
    text.replace(u"\r\n"_s, u"\n"_s);
    text.replace(u'\r', u'\n');
    return text;
}

QByteArray textPart(const QByteArray &subtype, const QString &text)
{
    return "Content-Type: text/" + subtype +
           "; charset=UTF-8\r\n"
           "Content-Transfer-Encoding: quoted-printable\r\n\r\n" +
           MessageBuilder::quotedPrintable(normalisedText(text).toUtf8());
}

/// A crude text version of an HTML body when the caller gave none (the composer always does).
QString plainFromHtml(QString html)
{
    static const QRegularExpression breaks(u"<\\s*(br|/p|/div|/li|/h[1-6])\\b[^>]*>"_s,
                                           QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression tags(u"<[^>]*>"_s);
    html.replace(breaks, u"\n"_s);
    html.remove(tags);
    html.replace(u"&nbsp;"_s, u" "_s).replace(u"&lt;"_s, u"<"_s).replace(u"&gt;"_s, u">"_s);
    html.replace(u"&quot;"_s, u"\""_s).replace(u"&amp;"_s, u"&"_s);
    return html.trimmed() + u'\n';
}

/// The ASCII (IDNA for the domain) form of an address, or empty when it cannot be sent.
QString sendableAddress(const QString &address)
{
    const QString trimmed = address.trimmed();
    const qsizetype at = trimmed.lastIndexOf(u'@');
    if (at <= 0 || at == trimmed.size() - 1)
        return {};
    const QString local = trimmed.left(at);
    const QByteArray domain = QUrl::toAce(trimmed.mid(at + 1));
    static const QRegularExpression localPart(u"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+$"_s);
    if (domain.isEmpty() || !localPart.match(local).hasMatch())
        return {};
    return local + u'@' + QString::fromLatin1(domain);
}

QByteArray priorityHeaders(OutgoingMessage::Priority priority)
{
    switch (priority) {
    case OutgoingMessage::Priority::High:
        return "X-Priority: 1 (Highest)\r\nImportance: high\r\n";
    case OutgoingMessage::Priority::Low:
        return "X-Priority: 5 (Lowest)\r\nImportance: low\r\n";
    case OutgoingMessage::Priority::Normal:
        break;
    }
    return {};
}

QByteArray messageIdList(const QStringList &ids)
{
    QList<QByteArray> bracketed;
    for (const QString &id : ids) {
        const QString clean = withoutLineBreaks(id).trimmed();
        if (!clean.isEmpty() && isPrintableAscii(clean) && !clean.contains(u' '))
            bracketed.append('<' + clean.toLatin1() + '>');
    }
    return bracketed.join("\r\n ");
}

void collectAddresses(const QByteArray &value, QStringList &into)
{
    if (!HeaderDecoder::isSafeAddressField(value))
        return;
    vmime::addressList list;
    list.parse(value.toStdString());
    const auto add = [&into](const vmime::mailbox &mailbox) {
        const QString address = QString::fromStdString(mailbox.getEmail().toString());
        // VMime completes an address without a domain with the host name: never send those.
        if (address.contains(u'@') && !address.endsWith(u"]"_s))
            into.append(address);
    };
    for (size_t i = 0; i < list.getAddressCount(); ++i) {
        const auto address = list.getAddressAt(i);
        if (address->isGroup()) {
            const auto group = vmime::dynamicCast<vmime::mailboxGroup>(address);
            for (size_t j = 0; j < group->getMailboxCount(); ++j)
                add(*group->getMailboxAt(j));
        } else {
            add(*vmime::dynamicCast<vmime::mailbox>(address));
        }
    }
}

QStringList uniqueAddresses(const QStringList &addresses)
{
    QStringList result;
    for (const QString &address : addresses) {
        bool seen = false;
        for (const QString &kept : result)
            seen = seen || kept.compare(address, Qt::CaseInsensitive) == 0;
        if (!seen)
            result.append(address);
    }
    return result;
}

} // namespace

QString MessageBuilder::newMessageId(const QString &address)
{
    QString domain = QString::fromLatin1(QUrl::toAce(address.section(u'@', -1)));
    if (domain.isEmpty() || !address.contains(u'@'))
        domain = u"amiens-mail.invalid"_s;
    return QUuid::createUuid().toString(QUuid::Id128) + u'.' +
           QString::number(QDateTime::currentMSecsSinceEpoch(), 36) + u'@' + domain;
}

QByteArray MessageBuilder::encodeUnstructured(const QString &text)
{
    const QString clean = withoutLineBreaks(text).trimmed();
    if (isPrintableAscii(clean) && !clean.contains(u"=?"_s))
        return foldAscii(clean.toLatin1(), 9);
    return encodedWords(clean).join("\r\n ");
}

QByteArray MessageBuilder::encodeMailbox(const MailAddress &address)
{
    const QByteArray addr = sendableAddress(address.address).toLatin1();
    QString name = withoutLineBreaks(address.name).trimmed();
    if (name.isEmpty() || name == address.address)
        return addr;
    if (isPrintableAscii(name) && !name.contains(u"=?"_s)) {
        name.replace(u'\\', u"\\\\"_s).replace(u'"', u"\\\""_s);
        return '"' + name.toLatin1() + "\" <" + addr + '>';
    }
    return encodedWords(name).join("\r\n ") + " <" + addr + '>';
}

QByteArray MessageBuilder::quotedPrintable(const QByteArray &utf8Text)
{
    static const char hex[] = "0123456789ABCDEF";
    QByteArray out;
    out.reserve(utf8Text.size() * 11 / 10 + 16);
    const QList<QByteArray> lines = utf8Text.split('\n');
    for (qsizetype l = 0; l < lines.size(); ++l) {
        const QByteArray &line = lines.at(l);
        if (l == lines.size() - 1 && line.isEmpty())
            break; // the text ended with a line break
        qsizetype column = 0;
        for (qsizetype i = 0; i < line.size(); ++i) {
            const auto byte = static_cast<unsigned char>(line.at(i));
            const bool lastOfLine = i == line.size() - 1;
            // "From " at a line start is mangled by mbox tools; a leading "." by broken relays.
            const bool risky = i == 0 && (line.startsWith("From ") || byte == '.');
            QByteArray token;
            if (!risky && ((byte >= 33 && byte <= 126 && byte != '=') ||
                           ((byte == ' ' || byte == '\t') && !lastOfLine)))
                token = QByteArray(1, static_cast<char>(byte));
            else
                token = QByteArray{"="} + hex[byte >> 4] + hex[byte & 0xf];
            if (column + token.size() > 75) {
                out += "=\r\n";
                column = 0;
            }
            out += token;
            column += token.size();
        }
        out += "\r\n";
    }
    return out;
}

QByteArray MessageBuilder::fileNameParameters(const QString &parameter, const QString &fileName)
{
    QString clean = withoutLineBreaks(fileName).trimmed();
    clean.replace(u'/', u'_').replace(u'\\', u'_');
    if (clean.isEmpty())
        clean = u"piece-jointe"_s;
    const QByteArray name = parameter.toLatin1();
    if (isPrintableAscii(clean) && !clean.contains(u'"') && clean.size() <= 60)
        return name + "=\"" + clean.toLatin1() + '"';

    // RFC 2231: percent-encoded UTF-8, cut into continuations that never split a %XX.
    static const QByteArray attrChars = "!#$&+-.^_`|~";
    QList<QByteArray> segments{QByteArray()};
    for (const char c : clean.toUtf8()) {
        const auto byte = static_cast<unsigned char>(c);
        QByteArray token;
        if ((byte >= '0' && byte <= '9') || (byte >= 'A' && byte <= 'Z') || (byte >= 'a' && byte <= 'z') ||
            attrChars.contains(c))
            token = QByteArray(1, c);
        else
            token = '%' + QByteArray::number(byte, 16).toUpper().rightJustified(2, '0');
        if (segments.last().size() + token.size() > 54)
            segments.append(QByteArray());
        segments.last() += token;
    }
    if (segments.size() == 1)
        return name + "*=UTF-8''" + segments.first();
    QList<QByteArray> parts;
    for (qsizetype i = 0; i < segments.size(); ++i)
        parts.append(name + '*' + QByteArray::number(i) + "*=" + (i == 0 ? "UTF-8''" : "") + segments.at(i));
    return parts.join(";\r\n ");
}

std::optional<BuiltMessage> MessageBuilder::build(const OutgoingMessage &message, QString *error)
{
    return buildMessage(message, false, error);
}

std::optional<BuiltMessage> MessageBuilder::buildDraft(const OutgoingMessage &message, QString *error)
{
    return buildMessage(message, true, error);
}

std::optional<BuiltMessage> MessageBuilder::buildMessage(const OutgoingMessage &message, bool draft,
                                                         QString *error)
{
    const auto fail = [error](const QString &text) {
        if (error)
            *error = text;
        return std::nullopt;
    };
    const QString from = sendableAddress(message.from.address);
    if (from.isEmpty())
        return fail(tr("The sender address %1 is not valid.").arg(message.from.address));

    BuiltMessage built;
    built.envelopeFrom = from;
    built.subject = withoutLineBreaks(message.subject).trimmed();
    QStringList recipients;
    // A draft is saved as it is, half-typed addresses included; only what can be sent is named.
    const auto sendable = [draft](const QList<MailAddress> &list) {
        QList<MailAddress> kept;
        for (const MailAddress &address : list) {
            if (!draft || !sendableAddress(address.address).isEmpty())
                kept.append(address);
        }
        return kept;
    };
    const QList<MailAddress> to = sendable(message.to);
    const QList<MailAddress> cc = sendable(message.cc);
    const QList<MailAddress> bcc = sendable(message.bcc);
    for (const auto *list : {&to, &cc, &bcc}) {
        for (const MailAddress &recipient : *list) {
            const QString address = sendableAddress(recipient.address);
            if (address.isEmpty())
                return fail(tr("The address %1 is not valid. Addresses with accented letters before the @ "
                               "cannot be used yet.")
                                .arg(recipient.address));
            recipients.append(address);
        }
    }
    built.recipients = uniqueAddresses(recipients);
    if (built.recipients.isEmpty() && !draft)
        return fail(tr("The message has no recipient."));

    built.messageId = message.messageId.isEmpty() ? newMessageId(from) : message.messageId;
    const QDateTime date = message.date.isValid() ? message.date : Clock::currentDateTime();

    QByteArray header;
    header += headerLine("Date", date.toString(Qt::RFC2822Date).toLatin1());
    header += headerLine("From", encodeMailbox(message.from));
    if (!to.isEmpty())
        header += addressHeader("To", to);
    if (!cc.isEmpty())
        header += addressHeader("Cc", cc);
    // Bcc recipients are in the envelope only: the bytes, sent and kept in Sent, never name them.
    // A draft is the user's own copy and must bring them back when reopened.
    if (draft && !bcc.isEmpty())
        header += addressHeader("Bcc", bcc);
    header += headerLine("Subject", encodeUnstructured(built.subject));
    header += headerLine("Message-ID", '<' + built.messageId.toLatin1() + '>');
    if (!message.inReplyTo.isEmpty())
        header += headerLine("In-Reply-To", messageIdList({message.inReplyTo}));
    QStringList references = message.references;
    if (!message.inReplyTo.isEmpty() && !references.contains(message.inReplyTo))
        references.append(message.inReplyTo);
    if (!references.isEmpty())
        header += headerLine("References", messageIdList(references));
    if (message.requestReadReceipt)
        header += headerLine("Disposition-Notification-To", encodeMailbox(message.from));
    header += priorityHeaders(message.priority);
    header += "MIME-Version: 1.0\r\n";
    header += "User-Agent: AmiensMail\r\n";

    QByteArray body;
    if (message.html.isEmpty()) {
        body = textPart("plain", message.plainText);
    } else {
        const QByteArray boundary = randomBoundary();
        const QString plain = message.plainText.isEmpty() ? plainFromHtml(message.html) : message.plainText;
        body = "Content-Type: multipart/alternative;\r\n boundary=\"" + boundary + "\"\r\n\r\n";
        body += "--" + boundary + "\r\n" + textPart("plain", plain);
        body += "--" + boundary + "\r\n" + textPart("html", message.html);
        body += "--" + boundary + "--\r\n";
    }
    if (!message.attachments.isEmpty()) {
        const QByteArray boundary = randomBoundary();
        QByteArray mixed = "Content-Type: multipart/mixed;\r\n boundary=\"" + boundary + "\"\r\n\r\n";
        mixed += "This is a multi-part message in MIME format.\r\n";
        mixed += "--" + boundary + "\r\n" + body;
        for (const OutgoingAttachment &attachment : message.attachments) {
            QByteArray type = attachment.mimeType.trimmed().toLatin1();
            static const QRegularExpression validType(u"^[A-Za-z0-9.+-]+/[A-Za-z0-9.+-]+$"_s);
            if (!validType.match(QString::fromLatin1(type)).hasMatch())
                type = "application/octet-stream";
            mixed += "--" + boundary + "\r\n";
            mixed += "Content-Type: " + type + ";\r\n " + fileNameParameters(u"name"_s, attachment.fileName) +
                     "\r\n";
            mixed += "Content-Disposition: attachment;\r\n " +
                     fileNameParameters(u"filename"_s, attachment.fileName) + "\r\n";
            mixed += "Content-Transfer-Encoding: base64\r\n\r\n";
            mixed += base64Lines(attachment.data);
        }
        mixed += "--" + boundary + "--\r\n";
        body = mixed;
    }
    built.bytes = header + body;
    return built;
}

std::optional<BuiltMessage> MessageBuilder::prepareRaw(const QByteArray &raw, const QString &accountAddress,
                                                       QString *error)
{
    QByteArray text = raw;
    text.replace("\r\n", "\n");
    text.replace('\r', '\n');
    text.replace("\n", "\r\n");
    qsizetype end = text.indexOf("\r\n\r\n");
    if (text.startsWith("\r\n"))
        end = 0;
    if (end < 0 || text.isEmpty()) {
        if (error)
            *error = tr("The file is not a mail message (no header).");
        return std::nullopt;
    }
    const QByteArray headerBlock = text.left(end + 2);
    const QByteArray bodyBlock = text.mid(end + 2);

    // Fields with their continuation lines, so that a folded Bcc goes out whole.
    QList<QByteArray> fields;
    for (const QByteArray &line : headerBlock.split('\n')) {
        if (line.isEmpty())
            continue;
        if ((line.startsWith(' ') || line.startsWith('\t')) && !fields.isEmpty())
            fields.last() += '\n' + line;
        else
            fields.append(line);
    }
    BuiltMessage built;
    QStringList recipients;
    QStringList fromAddresses;
    bool hasDate = false;
    QByteArray kept;
    for (const QByteArray &field : fields) {
        const qsizetype colon = field.indexOf(':');
        const QByteArray name = field.left(colon).trimmed().toLower();
        QByteArray value = field.mid(colon + 1);
        value.replace("\r\n", " ").replace('\r', ' ');
        value = value.trimmed();
        if (name == "to" || name == "cc" || name == "bcc")
            collectAddresses(value, recipients);
        else if (name == "from")
            collectAddresses(value, fromAddresses);
        else if (name == "message-id")
            built.messageId = QString::fromLatin1(value).remove(u'<').remove(u'>').trimmed();
        else if (name == "date")
            hasDate = true;
        if (name == "bcc")
            continue;
        // VMime asks for SMTPUTF8 whenever the server offers it (#186), and a message with raw
        // UTF-8 headers sent that way bounces at a hop without SMTPUTF8 (Dovecot's LMTP), with
        // the bounce lost too. So the bytes must stay 7-bit: a raw UTF-8 subject is encoded
        // (RFC 2047), any other raw 8-bit header is refused before it can vanish.
        bool eightBit = false;
        for (const char c : field)
            eightBit = eightBit || static_cast<unsigned char>(c) >= 0x80;
        if (eightBit && name == "subject") {
            kept += "Subject: " + encodeUnstructured(QString::fromUtf8(value)) + "\r\n";
            continue;
        }
        if (eightBit) {
            if (error)
                *error = tr("The header %1 contains unencoded accented letters; save the message with "
                            "encoded headers (RFC 2047) and try again.")
                             .arg(QString::fromLatin1(field.left(colon)));
            return std::nullopt;
        }
        kept += field + '\n';
    }
    QByteArray added;
    if (built.messageId.isEmpty()) {
        built.messageId = newMessageId(accountAddress);
        added += headerLine("Message-ID", '<' + built.messageId.toLatin1() + '>');
    }
    if (!hasDate)
        added += headerLine("Date", Clock::currentDateTime().toString(Qt::RFC2822Date).toLatin1());
    built.bytes = added + kept + bodyBlock;
    built.envelopeFrom = fromAddresses.isEmpty() ? accountAddress : fromAddresses.first();
    built.recipients = uniqueAddresses(recipients);
    built.subject = HeaderDecoder::decode(added + kept).subject;
    if (built.recipients.isEmpty()) {
        if (error)
            *error = tr("The message has no recipient.");
        return std::nullopt;
    }
    return built;
}

} // namespace Amiens
