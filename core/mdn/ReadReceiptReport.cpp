#include "ReadReceiptReport.h"

#include "mime/RawHeaderFields.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

QByteArray bodyOf(const QByteArray &part)
{
    qsizetype end = part.indexOf("\r\n\r\n");
    if (end >= 0)
        return part.mid(end + 4);
    end = part.indexOf("\n\n");
    return end >= 0 ? part.mid(end + 2) : QByteArray();
}

QByteArray boundaryOf(const QByteArray &contentType)
{
    static const QRegularExpression boundary(u"boundary\\s*=\\s*(\"([^\"]+)\"|([^;\\s]+))"_s,
                                             QRegularExpression::CaseInsensitiveOption);
    const auto match = boundary.match(QString::fromLatin1(contentType));
    if (!match.hasMatch())
        return {};
    return (match.captured(2).isEmpty() ? match.captured(3) : match.captured(2)).toLatin1();
}

} // namespace

std::optional<ReadReceiptReport> ReadReceiptReport::parse(const QByteArray &message)
{
    const RawHeaderFields headers(message);
    const QByteArray contentType = headers.value("Content-Type").toLower();
    if (!contentType.startsWith("multipart/report") || !contentType.contains("disposition-notification"))
        return std::nullopt;
    const QByteArray boundary = boundaryOf(headers.value("Content-Type"));
    if (boundary.isEmpty())
        return std::nullopt;
    const QList<QByteArray> parts = bodyOf(message).split('\n');
    // Cut the body at the boundary lines and look for the machine-readable part.
    QByteArray current;
    QList<QByteArray> bodies;
    bool inPart = false;
    const QByteArray delimiter = "--" + boundary;
    const QByteArray closeDelimiter = delimiter + "--";
    for (QByteArray line : parts) {
        const QByteArray trimmed = line.endsWith('\r') ? line.chopped(1) : line;
        if (trimmed.startsWith(delimiter)) {
            if (inPart)
                bodies.append(current);
            current.clear();
            inPart = !trimmed.startsWith(closeDelimiter);
            continue;
        }
        if (inPart)
            current += trimmed + "\r\n";
    }
    for (const QByteArray &part : std::as_const(bodies)) {
        const RawHeaderFields partHeaders(part);
        if (!partHeaders.value("Content-Type").toLower().startsWith("message/disposition-notification"))
            continue;
        const RawHeaderFields fields(bodyOf(part));
        ReadReceiptReport report;
        QString id = QString::fromLatin1(fields.value("Original-Message-ID")).trimmed();
        id.remove(u'<').remove(u'>');
        report.originalMessageId = id;
        QString finalRecipient = QString::fromUtf8(fields.value("Final-Recipient")).trimmed();
        if (const qsizetype semicolon = finalRecipient.indexOf(u';'); semicolon >= 0)
            finalRecipient = finalRecipient.mid(semicolon + 1).trimmed();
        report.finalRecipient = finalRecipient;
        const QString disposition = QString::fromLatin1(fields.value("Disposition")).trimmed();
        report.automatic = disposition.startsWith(u"automatic-action"_s, Qt::CaseInsensitive);
        report.disposition = disposition.section(u';', 1).trimmed().section(u'/', 0, 0).toLower();
        return report;
    }
    return std::nullopt;
}

} // namespace Amiens
