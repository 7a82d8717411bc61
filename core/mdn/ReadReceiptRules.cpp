#include "ReadReceiptRules.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Amiens {

bool ReadReceiptRules::isInDomains(const QString &address, const QStringList &domains)
{
    const QString domain = address.section(u'@', -1).toLower();
    if (!address.contains(u'@') || domain.isEmpty())
        return false;
    return std::any_of(domains.cbegin(), domains.cend(), [&](const QString &trusted) {
        const QString lower = trusted.toLower();
        return domain == lower || domain.endsWith(u'.' + lower);
    });
}

ReadReceiptRules::Decision ReadReceiptRules::decide(const ReadReceiptPolicy &policy, const Message &message,
                                                    const QStringList &ourAddresses,
                                                    const QStringList &academyDomains)
{
    // The "never" rules first: nothing can lift them, not even a click.
    if (message.notificationTo.isEmpty())
        return {Action::Ignore, Reason::NoRequest};
    if (message.keywords.contains(u"$MDNSent"_s, Qt::CaseInsensitive))
        return {Action::Ignore, Reason::AlreadySent};
    if (message.ownFolder)
        return {Action::Ignore, Reason::OwnFolder};
    const QByteArray autoSubmitted = message.autoSubmitted.trimmed().toLower();
    if (!autoSubmitted.isEmpty() && !autoSubmitted.startsWith("no"))
        return {Action::Ignore, Reason::AutoSubmitted};

    switch (policy.answer) {
    case ReadReceiptPolicy::Answer::Never:
        return {Action::Ignore, Reason::PolicyNever};
    case ReadReceiptPolicy::Answer::Ask:
        return {Action::Ask, Reason::PolicyAsk};
    case ReadReceiptPolicy::Answer::Always:
        break;
    }
    // "Always" sends on its own only where RFC 8098 and the academy allow it; elsewhere it asks.
    const QString to = message.notificationTo.toLower();
    if (!isInDomains(to, academyDomains))
        return {Action::Ask, Reason::OutsideAcademy};
    if (message.returnPath.isEmpty() || message.returnPath.toLower() != to)
        return {Action::Ask, Reason::ReturnPathDiffers};
    const bool addressedToUs =
        std::any_of(message.recipients.cbegin(), message.recipients.cend(),
                    [&](const QString &recipient) { return ourAddresses.contains(recipient.toLower()); });
    if (!addressedToUs)
        return {Action::Ask, Reason::NotAddressedToUs};
    return {Action::Send, Reason::Automatic};
}

} // namespace Amiens
