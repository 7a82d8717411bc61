#include "ReadReceiptBuilder.h"

#include "compose/MessageBuilder.h"

#include <QCryptographicHash>
#include <QLocale>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

QByteArray bracketed(const QString &messageId)
{
    QString clean = messageId.trimmed();
    clean.remove(u'\r').remove(u'\n').remove(u' ').remove(u'<').remove(u'>');
    return '<' + clean.toLatin1() + '>';
}

/// Header values copied from the original must not carry line breaks (header injection).
QByteArray oneLine(const QString &text)
{
    QString clean = text;
    clean.replace(u'\r', u' ').replace(u'\n', u' ');
    return clean.trimmed().toUtf8();
}

} // namespace

QString ReadReceiptBuilder::messageIdFor(const QString &originalMessageId, const QString &ourAddress)
{
    const QByteArray key = originalMessageId.toUtf8() + '\n' + ourAddress.toLower().toUtf8();
    const QByteArray hash = QCryptographicHash::hash(key, QCryptographicHash::Sha256).toHex().left(32);
    const QString domain = ourAddress.section(u'@', -1);
    return u"mdn."_s + QString::fromLatin1(hash) + u'@' + (domain.isEmpty() ? u"localhost"_s : domain);
}

QByteArray ReadReceiptBuilder::rfc5322Date(const QDateTime &when)
{
    const QDateTime utc = when.toUTC();
    return QLocale::c().toString(utc, u"ddd, dd MMM yyyy HH:mm:ss"_s).toLatin1() + " +0000";
}

BuiltMessage ReadReceiptBuilder::build(const Original &original, const MailAddress &us, Mode mode,
                                       const QDateTime &now)
{
    BuiltMessage built;
    built.messageId = messageIdFor(original.messageId, us.address);
    built.envelopeFrom = us.address;
    built.recipients = {original.notificationTo};
    built.subject = tr("Read receipt: %1").arg(original.subject);

    const QByteArray boundary =
        "=_amiens_mdn_" + QByteArray::number(QRandomGenerator::global()->generate64(), 16);
    const QLocale locale;
    const QString sentOn = original.date.isValid()
                               ? locale.toString(original.date.toLocalTime(), QLocale::LongFormat)
                               : tr("an unknown date");
    const QString human =
        tr("This is a read receipt for the message \"%1\" sent on %2 to %3.\n\n"
           "The message was displayed on %4. This does not mean that it was read or understood.\n")
            .arg(original.subject, sentOn, us.address,
                 locale.toString(now.toLocalTime(), QLocale::LongFormat));
    const bool automatic = mode == Mode::Automatic;

    QByteArray bytes;
    bytes += "From: " + MessageBuilder::encodeMailbox(us) + "\r\n";
    bytes += "To: <" + oneLine(original.notificationTo) + ">\r\n";
    bytes += "Subject: " + MessageBuilder::encodeUnstructured(built.subject) + "\r\n";
    bytes += "Date: " + rfc5322Date(now) + "\r\n";
    bytes += "Message-ID: " + bracketed(built.messageId) + "\r\n";
    if (!original.messageId.isEmpty()) {
        bytes += "In-Reply-To: " + bracketed(original.messageId) + "\r\n";
        bytes += "References: " + bracketed(original.messageId) + "\r\n";
    }
    // RFC 3834 §5 and RFC 8098 §3: no responder may answer a receipt.
    bytes += "Auto-Submitted: auto-replied\r\n";
    bytes += "MIME-Version: 1.0\r\n";
    bytes += "Content-Type: multipart/report; report-type=disposition-notification;\r\n boundary=\"" +
             boundary + "\"\r\n\r\n";
    bytes += "This is a read receipt in MIME format.\r\n\r\n";

    bytes += "--" + boundary + "\r\n";
    bytes += "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n";
    bytes += MessageBuilder::quotedPrintable(human.toUtf8());
    if (!bytes.endsWith("\r\n"))
        bytes += "\r\n";

    bytes += "--" + boundary + "\r\n";
    bytes += "Content-Type: message/disposition-notification\r\n\r\n";
    bytes +=
        "Reporting-UA: " + oneLine(us.address.section(u'@', -1)) + "; AmiensMail " +
        oneLine(QCoreApplication::applicationVersion().isEmpty() ? u"1.0"_s
                                                                 : QCoreApplication::applicationVersion()) +
        "\r\n";
    if (!original.originalRecipient.isEmpty())
        bytes += "Original-Recipient: " + oneLine(original.originalRecipient) + "\r\n";
    bytes += "Final-Recipient: rfc822;" + oneLine(us.address) + "\r\n";
    if (!original.messageId.isEmpty())
        bytes += "Original-Message-ID: " + bracketed(original.messageId) + "\r\n";
    bytes += automatic ? "Disposition: automatic-action/MDN-sent-automatically; displayed\r\n"
                       : "Disposition: manual-action/MDN-sent-manually; displayed\r\n";
    bytes += "\r\n--" + boundary + "--\r\n";
    built.bytes = bytes;
    return built;
}

} // namespace Amiens
