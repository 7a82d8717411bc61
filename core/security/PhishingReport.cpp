#include "PhishingReport.h"

#include "cache/CachedMessage.h"
#include "compose/MessageBuilder.h"
#include "mime/HeaderDecoder.h"
#include "util/Clock.h"

#include <QDateTime>
#include <QLocale>
#include <QUuid>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

QByteArray withCrlf(const QByteArray &bytes)
{
    QByteArray out;
    out.reserve(bytes.size() + bytes.size() / 40);
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const char c = bytes.at(i);
        if (c == '\n' && (i == 0 || bytes.at(i - 1) != '\r'))
            out += '\r';
        out += c;
    }
    if (!out.endsWith("\r\n"))
        out += "\r\n";
    return out;
}

bool isSevenBit(const QByteArray &bytes)
{
    return std::all_of(bytes.cbegin(), bytes.cend(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x80 && c != '\0'; });
}

} // namespace

std::optional<BuiltMessage> PhishingReport::build(const MailAddress &reporter, const QString &securityAddress,
                                                  const QByteArray &original, QString *error)
{
    const QString to = securityAddress.trimmed();
    if (!to.contains(u'@') || to.contains(u' ') || to.startsWith(u'@') || to.endsWith(u'@')) {
        if (error)
            *error = tr("The security address \"%1\" set by the site is not an e-mail address.").arg(to);
        return std::nullopt;
    }
    if (original.trimmed().isEmpty()) {
        if (error)
            *error = tr("The message has not been downloaded yet, so it cannot be reported.");
        return std::nullopt;
    }
    qsizetype headerEnd = original.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        headerEnd = original.indexOf("\n\n");
    const MessageHeaders headers =
        HeaderDecoder::decode(headerEnd < 0 ? original : original.left(headerEnd + 1));

    BuiltMessage report;
    report.messageId = MessageBuilder::newMessageId(reporter.address);
    report.envelopeFrom = reporter.address;
    report.recipients = {to};
    report.subject = tr("Phishing report: %1").arg(headers.subject);
    const QByteArray boundary = "=_report_" + QUuid::createUuid().toString(QUuid::Id128).toLatin1();
    const QString explanation =
        tr("%1 reports the attached message as phishing.\n\nSender: %2\nSubject: %3\nDate: %4\n\nThe "
           "original message is attached unchanged, with all its headers.\n")
            .arg(reporter.toDisplayString(), headers.from.toDisplayString(), headers.subject,
                 headers.date.isValid() ? headers.date.toString(Qt::RFC2822Date) : QString());

    QByteArray &out = report.bytes;
    out += "From: " + MessageBuilder::encodeMailbox(reporter) + "\r\n";
    out += "To: " + MessageBuilder::encodeMailbox({QString(), to}) + "\r\n";
    out += "Subject: " + MessageBuilder::encodeUnstructured(report.subject) + "\r\n";
    out += "Date: " + Clock::currentDateTime().toString(Qt::RFC2822Date).toLatin1() + "\r\n";
    out += "Message-ID: <" + report.messageId.toLatin1() + ">\r\n";
    out += "MIME-Version: 1.0\r\n";
    out += "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n\r\n";
    out += "--" + boundary + "\r\n";
    out += "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n";
    out += MessageBuilder::quotedPrintable(explanation.toUtf8()) + "\r\n";
    out += "--" + boundary + "\r\n";
    // RFC 2046 §5.2.1: message/rfc822 is never base64; 8bit when the original has 8-bit bytes.
    const QByteArray attached = withCrlf(original);
    out += "Content-Type: message/rfc822\r\n";
    out += "Content-Disposition: attachment; filename=\"message-signale.eml\"\r\n";
    out += QByteArray("Content-Transfer-Encoding: ") + (isSevenBit(attached) ? "7bit" : "8bit") + "\r\n\r\n";
    out += attached;
    out += "--" + boundary + "--\r\n";
    return report;
}

QString PhishingReport::junkFolder(const QList<CachedFolder> &folders)
{
    for (const CachedFolder &folder : folders) {
        if (folder.info.role == FolderInfo::Role::Junk)
            return folder.info.path();
    }
    return {};
}

} // namespace Amiens
