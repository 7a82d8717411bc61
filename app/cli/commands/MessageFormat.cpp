#include "MessageFormat.h"

#include "cache/CachedMessage.h"
#include "mime/MessageHeaders.h"
#include "util/TerminalText.h"

using namespace Qt::StringLiterals;

namespace Amiens {

QJsonObject MessageFormat::addressJson(const MailAddress &address)
{
    return {{u"name"_s, address.name}, {u"address"_s, address.address}};
}

QJsonArray MessageFormat::addressesJson(const QList<MailAddress> &addresses)
{
    QJsonArray array;
    for (const MailAddress &address : addresses)
        array.append(addressJson(address));
    return array;
}

QJsonObject MessageFormat::summaryJson(const CachedMessage &message)
{
    return {{u"uid"_s, static_cast<qint64>(message.uid)},
            {u"subject"_s, message.headers.subject},
            {u"from"_s, addressJson(message.headers.from)},
            {u"date"_s, message.headers.date.toString(Qt::ISODate)},
            {u"flags"_s, QJsonArray::fromStringList(message.flags)},
            {u"size"_s, message.size},
            {u"hasAttachments"_s, message.hasAttachments}};
}

QString MessageFormat::summaryLine(const CachedMessage &message)
{
    const QString marks = QString(message.isSeen() ? u' ' : u'N') + (message.isFlagged() ? u'!' : u' ') +
                          (message.hasAttachments ? u'@' : u' ');
    // Names and subjects come from senders: no terminal control sequence goes through.
    return u"%1\t%2\t%3\t%4\t%5"_s.arg(message.uid)
        .arg(marks, message.headers.date.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s),
             TerminalText::visible(message.headers.from.toDisplayString()),
             TerminalText::visible(message.headers.subject));
}

} // namespace Amiens
