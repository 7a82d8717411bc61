#include "MailtoLink.h"

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

QString decode(QStringView encoded)
{
    return QString::fromUtf8(QByteArray::fromPercentEncoding(encoded.toUtf8()));
}

/// "a@b.fr, c@d.fr" (already decoded) as trimmed addresses, without empty entries.
QStringList addresses(const QString &list)
{
    QStringList result;
    for (const QString &part : list.split(u',', Qt::SkipEmptyParts)) {
        const QString address = part.trimmed();
        if (!address.isEmpty())
            result.append(address);
    }
    return result;
}

} // namespace

bool MailtoLink::isMailto(const QString &text)
{
    return text.trimmed().startsWith("mailto:"_L1, Qt::CaseInsensitive);
}

std::optional<MailtoLink> MailtoLink::parse(const QString &url)
{
    const QString text = url.trimmed();
    if (!isMailto(text))
        return std::nullopt;
    QStringView rest = QStringView(text).mid(7);
    // A fragment has no meaning in mailto: (RFC 6068 §2) and is dropped.
    if (const qsizetype hash = rest.indexOf(u'#'); hash >= 0)
        rest = rest.left(hash);

    MailtoLink link;
    const qsizetype question = rest.indexOf(u'?');
    link.to = addresses(decode(question >= 0 ? rest.left(question) : rest));
    if (question < 0)
        return link;

    bool subjectSeen = false;
    bool bodySeen = false;
    for (QStringView field : rest.mid(question + 1).split(u'&', Qt::SkipEmptyParts)) {
        const qsizetype equals = field.indexOf(u'=');
        const QString name = decode(equals >= 0 ? field.left(equals) : field).trimmed().toLower();
        const QString value = equals >= 0 ? decode(field.mid(equals + 1)) : QString();
        if (name == "to"_L1) {
            link.to += addresses(value);
        } else if (name == "cc"_L1) {
            link.cc += addresses(value);
        } else if (name == "bcc"_L1) {
            link.bcc += addresses(value);
        } else if (name == "subject"_L1 && !subjectSeen) {
            subjectSeen = true;
            // A subject is one line: a link must not smuggle header lines through it.
            link.subject = value.simplified();
        } else if (name == "body"_L1 && !bodySeen) {
            bodySeen = true;
            // Line breaks arrive as %0D%0A (RFC 6068 §5); the editor wants "\n".
            link.body = QString(value).replace("\r\n"_L1, "\n"_L1).replace(u'\r', u'\n');
        } else if (name == "in-reply-to"_L1) {
            link.inReplyTo = value.trimmed();
        }
        // Anything else (attach, attachment, from, headers of every kind) is ignored on purpose.
    }
    return link;
}

} // namespace Amiens
