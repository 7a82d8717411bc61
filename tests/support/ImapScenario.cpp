#include "ImapScenario.h"

namespace Amiens::Test {

ImapScenario &ImapScenario::expect(const QString &pattern)
{
    m_steps.append({Step::Kind::Expect, pattern, {}});
    return *this;
}

ImapScenario &ImapScenario::send(const QByteArray &data)
{
    m_steps.append({Step::Kind::Send, {}, data});
    return *this;
}

ImapScenario &ImapScenario::ok(const QByteArray &text)
{
    return send("$tag OK " + text + "\r\n");
}

ImapScenario &ImapScenario::no(const QByteArray &text)
{
    return send("$tag NO " + text + "\r\n");
}

ImapScenario &ImapScenario::bad(const QByteArray &text)
{
    return send("$tag BAD " + text + "\r\n");
}

ImapScenario &ImapScenario::acceptLiteral()
{
    m_steps.append({Step::Kind::AcceptLiteral, {}, {}});
    return *this;
}

ImapScenario &ImapScenario::drop()
{
    m_steps.append({Step::Kind::Drop, {}, {}});
    return *this;
}

ImapScenario &ImapScenario::silence()
{
    m_steps.append({Step::Kind::Silence, {}, {}});
    return *this;
}

ImapScenario &ImapScenario::then(const ImapScenario &other)
{
    m_steps.append(other.m_steps);
    return *this;
}

ImapScenario &ImapScenario::capabilities(const QByteArray &capabilities)
{
    m_capabilities = capabilities;
    return *this;
}

ImapScenario &ImapScenario::folder(const QByteArray &name, const QByteArray &attributes)
{
    m_folders.append("* LIST (" + attributes + ") \"/\" \"" + name + "\"\r\n");
    return *this;
}

QByteArray ImapScenario::listLines() const
{
    return m_folders.isEmpty() ? QByteArray("* LIST (\\HasNoChildren) \"/\" \"INBOX\"\r\n")
                               : m_folders.join();
}

QByteArray ImapScenario::literal(const QByteArray &bytes)
{
    return '{' + QByteArray::number(bytes.size()) + "}\r\n" + bytes;
}

QByteArray ImapScenario::mailbox(quint32 exists, quint32 uidValidity, quint32 uidNext, quint64 highestModSeq)
{
    QByteArray lines = "* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)\r\n* " +
                       QByteArray::number(exists) + " EXISTS\r\n* 0 RECENT\r\n* OK [UIDVALIDITY " +
                       QByteArray::number(uidValidity) + "] UIDs valid\r\n* OK [UIDNEXT " +
                       QByteArray::number(uidNext) + "] Predicted next UID\r\n";
    if (highestModSeq != 0)
        lines += "* OK [HIGHESTMODSEQ " + QByteArray::number(highestModSeq) + "] Highest\r\n";
    return lines;
}

QByteArray ImapScenario::fetch(quint32 sequence, const QByteArray &attributes)
{
    return "* " + QByteArray::number(sequence) + " FETCH (" + attributes + ")\r\n";
}

QByteArray ImapScenario::search(const QList<quint32> &uids)
{
    QByteArray line = "* SEARCH";
    for (const quint32 uid : uids)
        line += ' ' + QByteArray::number(uid);
    return line + "\r\n";
}

} // namespace Amiens::Test
