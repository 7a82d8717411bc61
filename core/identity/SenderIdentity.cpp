#include "SenderIdentity.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

// Headers beyond this are not headers a mail server wrote; a hostile message cannot make the
// reply scan megabytes.
constexpr qsizetype kHeaderLimit = 256 * 1024;

MailAddress identityAddress(const Account &account, const QString &address)
{
    return MailAddress{account.realName, address};
}

/// The account's own spelling of @p candidate, if it is one of its addresses.
QString ownSpelling(const Account &account, const QString &candidate)
{
    const QStringList mine = account.addresses();
    const auto found = std::find_if(mine.begin(), mine.end(), [&candidate](const QString &address) {
        return address.compare(candidate.trimmed(), Qt::CaseInsensitive) == 0;
    });
    return found == mine.end() ? QString() : *found;
}

} // namespace

SenderIdentity::SenderIdentity(QString accountId, MailAddress from)
    : m_accountId(std::move(accountId))
    , m_from(std::move(from))
{
}

QList<SenderIdentity> SenderIdentity::all(const QList<Account> &accounts)
{
    QList<SenderIdentity> result;
    for (const Account &account : accounts) {
        for (const QString &address : account.addresses()) {
            if (!address.trimmed().isEmpty())
                result.append(SenderIdentity(account.id, identityAddress(account, address.trimmed())));
        }
    }
    return result;
}

SenderIdentity SenderIdentity::forReply(const Account &receiving, const MessageHeaders &original,
                                        const QStringList &deliveredTo)
{
    QStringList candidates;
    for (const MailAddress &recipient : original.to)
        candidates.append(recipient.address);
    for (const MailAddress &recipient : original.cc)
        candidates.append(recipient.address);
    candidates += deliveredTo;
    for (const QString &candidate : std::as_const(candidates)) {
        const QString mine = ownSpelling(receiving, candidate);
        if (!mine.isEmpty())
            return SenderIdentity(receiving.id, identityAddress(receiving, mine));
    }
    return SenderIdentity(receiving.id, identityAddress(receiving, receiving.address));
}

QStringList SenderIdentity::deliveredTo(const QByteArray &raw)
{
    QByteArray header = raw.left(kHeaderLimit);
    const qsizetype crlfEnd = header.indexOf("\r\n\r\n");
    const qsizetype lfEnd = header.indexOf("\n\n");
    qsizetype end = header.size();
    if (crlfEnd >= 0)
        end = crlfEnd;
    if (lfEnd >= 0 && lfEnd < end)
        end = lfEnd;
    header.truncate(end);

    QStringList originalTo;
    QStringList deliveredTo;
    const QList<QByteArray> lines = header.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        if (name != "delivered-to" && name != "x-original-to")
            continue;
        // Folded continuation lines belong to this field.
        QByteArray value = line.mid(colon + 1);
        while (i + 1 < lines.size() && !lines.at(i + 1).isEmpty() &&
               (lines.at(i + 1).front() == ' ' || lines.at(i + 1).front() == '\t'))
            value += ' ' + lines.at(++i).trimmed();
        QString address = QString::fromUtf8(value).trimmed();
        address.remove(u'<');
        address.remove(u'>');
        address = address.trimmed();
        if (address.contains(u'@') && !address.contains(u' '))
            (name == "x-original-to" ? originalTo : deliveredTo).append(address);
    }
    // X-Original-To keeps the address the sender used (an alias); Delivered-To names the mailbox.
    QStringList result;
    for (const QString &address : originalTo + deliveredTo) {
        if (!result.contains(address, Qt::CaseInsensitive))
            result.append(address);
    }
    return result;
}

} // namespace Amiens
