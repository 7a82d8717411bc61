#include "ImapTranscript.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Amiens::Test {

void ImapTranscript::addCommand(int connection, const QByteArray &tag, const QByteArray &text, int roundTrip)
{
    m_entries.append({connection, true, tag, text, {}, roundTrip});
}

void ImapTranscript::addLiteral(const QByteArray &literal)
{
    for (auto entry = m_entries.rbegin(); entry != m_entries.rend(); ++entry) {
        if (entry->fromClient) {
            entry->literal += literal;
            return;
        }
    }
}

void ImapTranscript::addServer(int connection, const QByteArray &data)
{
    m_entries.append({connection, false, {}, data, {}});
}

QList<QByteArray> ImapTranscript::commands() const
{
    QList<QByteArray> commands;
    for (const Entry &entry : m_entries) {
        if (entry.fromClient)
            commands.append(entry.text);
    }
    return commands;
}

QList<QByteArray> ImapTranscript::matching(const QString &pattern) const
{
    const QRegularExpression expression(pattern);
    QList<QByteArray> found;
    for (const QByteArray &command : commands()) {
        if (expression.match(QString::fromUtf8(command)).hasMatch())
            found.append(command);
    }
    return found;
}

QList<QList<QByteArray>> ImapTranscript::roundTrips() const
{
    QList<QList<QByteArray>> groups;
    int last = 0;
    for (const Entry &entry : m_entries) {
        if (!entry.fromClient || entry.roundTrip == 0)
            continue;
        if (entry.roundTrip != last || groups.isEmpty())
            groups.append(QList<QByteArray>());
        last = entry.roundTrip;
        groups.last().append(entry.text);
    }
    return groups;
}

int ImapTranscript::count(const QString &pattern) const
{
    return static_cast<int>(matching(pattern).size());
}

int ImapTranscript::roundTripOf(const QString &pattern) const
{
    const QRegularExpression expression(pattern);
    for (const Entry &entry : m_entries) {
        if (entry.fromClient && expression.match(QString::fromUtf8(entry.text)).hasMatch())
            return entry.roundTrip;
    }
    return 0;
}

QString ImapTranscript::text() const
{
    QString text;
    for (const Entry &entry : m_entries) {
        if (entry.fromClient) {
            text += u"C%1> "_s.arg(entry.connection) + QString::fromUtf8(entry.tag + ' ' + entry.text) +
                    u"  [round trip %1]\n"_s.arg(entry.roundTrip);
            if (!entry.literal.isEmpty())
                text += u"C%1> [literal of %2 bytes]\n"_s.arg(entry.connection).arg(entry.literal.size());
            continue;
        }
        // Server data can be long (message bodies): each line, cut at 160 characters.
        for (const QByteArray &line : entry.text.split('\n')) {
            if (line.isEmpty())
                continue;
            QString shown = QString::fromUtf8(line.left(160)).trimmed();
            if (line.size() > 160)
                shown += u"…"_s;
            text += u"S%1< "_s.arg(entry.connection) + shown + u'\n';
        }
    }
    return text;
}

} // namespace Amiens::Test
