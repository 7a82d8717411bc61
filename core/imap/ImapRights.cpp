#include "ImapRights.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Amiens {

std::optional<ImapRights> ImapRights::fromServer(const QByteArray &rights, QString *error)
{
    QByteArray held;
    for (const char c : rights) {
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
            if (error)
                *error = u"invalid right 0x%1 in « %2 »"_s
                             .arg(static_cast<uint>(static_cast<unsigned char>(c)), 2, 16, QChar(u'0'))
                             .arg(QString::fromLatin1(rights.left(64)));
            return std::nullopt;
        }
        if (!held.contains(c))
            held.append(c);
    }
    // Any RFC 4314 letter among k x t e: the server is current and its "c"/"d" only echo them.
    const bool current = held.contains('k') || held.contains('x') || held.contains('t') || held.contains('e');
    const bool create = held.contains('c');
    const bool remove = held.contains('d');
    held.removeIf([](char c) { return c == 'c' || c == 'd'; });
    if (!current) {
        if (create)
            held.append('k');
        if (remove)
            held.append("te");
        if (create && remove)
            held.append('x');
    }
    std::sort(held.begin(), held.end());
    ImapRights result;
    result.m_letters = QString::fromLatin1(held);
    result.m_original = rights;
    return result;
}

bool ImapRights::has(char right) const
{
    return m_letters.contains(QLatin1Char(right));
}

bool ImapRights::mayRead() const
{
    return has('l') && has('r');
}

bool ImapRights::mayWrite() const
{
    return has('w');
}

bool ImapRights::maySetSeen() const
{
    return has('s');
}

bool ImapRights::mayInsert() const
{
    return has('i');
}

bool ImapRights::mayDeleteMessages() const
{
    return has('t') && has('e');
}

bool ImapRights::mayCreateSubfolder() const
{
    return has('k');
}

bool ImapRights::mayDeleteFolder() const
{
    return has('x');
}

bool ImapRights::mayAdminister() const
{
    return has('a');
}

} // namespace Amiens
