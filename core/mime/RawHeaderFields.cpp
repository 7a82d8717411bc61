#include "RawHeaderFields.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Amiens {

RawHeaderFields::RawHeaderFields(const QByteArray &message)
{
    qsizetype end = message.indexOf("\r\n\r\n");
    // A bare-LF header end can only come before the CRLF one: never search a 20 MB body for it.
    const qsizetype lfEnd =
        (end < 0 ? message : QByteArray::fromRawData(message.constData(), end)).indexOf("\n\n");
    if (end < 0 || (lfEnd >= 0 && lfEnd < end))
        end = lfEnd;
    const QByteArray block = end < 0 ? message : message.left(end);
    QByteArray name;
    QByteArray value;
    const auto flush = [&] {
        if (!name.isEmpty())
            m_fields.append({name.trimmed().toLower(), value.trimmed()});
        name.clear();
        value.clear();
    };
    for (QByteArray line : block.split('\n')) {
        if (line.endsWith('\r'))
            line.chop(1);
        if (!line.isEmpty() && (line.at(0) == ' ' || line.at(0) == '\t')) {
            value += ' ' + line.trimmed(); // continuation of a folded field
            continue;
        }
        flush();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        name = line.left(colon);
        value = line.mid(colon + 1);
    }
    flush();
}

bool RawHeaderFields::contains(const QByteArray &name) const
{
    const QByteArray lower = name.toLower();
    return std::any_of(m_fields.cbegin(), m_fields.cend(),
                       [&](const auto &field) { return field.first == lower; });
}

QByteArray RawHeaderFields::value(const QByteArray &name) const
{
    const QByteArray lower = name.toLower();
    for (const auto &field : m_fields) {
        if (field.first == lower)
            return field.second;
    }
    return {};
}

bool RawHeaderFields::containsPrefix(const QByteArray &prefix) const
{
    const QByteArray lower = prefix.toLower();
    return std::any_of(m_fields.cbegin(), m_fields.cend(),
                       [&](const auto &field) { return field.first.startsWith(lower); });
}

QString RawHeaderFields::bareAddress(const QByteArray &value)
{
    const QString text = QString::fromLatin1(value).trimmed();
    static const QRegularExpression angle(u"<([^<>\\s]*@[^<>\\s]*)>"_s);
    if (const auto match = angle.match(text); match.hasMatch())
        return match.captured(1).toLower();
    static const QRegularExpression plain(u"([^\\s<>\",;:]+@[^\\s<>\",;:]+)"_s);
    if (const auto match = plain.match(text); match.hasMatch())
        return match.captured(1).toLower();
    return {};
}

} // namespace Amiens
