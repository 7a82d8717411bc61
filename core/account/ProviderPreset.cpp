#include "ProviderPreset.h"

using namespace Qt::StringLiterals;

namespace Amiens {

QString ProviderPreset::expandPlaceholders(const QString &text, const QString &address,
                                           const QString &realName)
{
    const QString trimmedAddress = address.trimmed();
    const qsizetype at = trimmedAddress.lastIndexOf(u'@');
    const QString localPart = at < 0 ? trimmedAddress : trimmedAddress.left(at);
    const QString domain = at < 0 ? QString() : trimmedAddress.mid(at + 1).toLower();

    QString result = text;
    result.replace("%EMAILADDRESS%"_L1, trimmedAddress);
    result.replace("%EMAILLOCALPART%"_L1, localPart);
    result.replace("%EMAILDOMAIN%"_L1, domain);
    result.replace("%REALNAME%"_L1, realName.trimmed());
    return result;
}

Account ProviderPreset::accountFor(const QString &address, const QString &realName) const
{
    auto expand = [&](const ServerEndpoint &templ) {
        ServerEndpoint endpoint = templ;
        endpoint.host = expandPlaceholders(templ.host, address, realName);
        endpoint.login = expandPlaceholders(templ.login, address, realName);
        return endpoint;
    };

    Account account;
    account.id = address.trimmed();
    account.address = address.trimmed();
    account.realName = realName.trimmed();
    account.presetId = id;
    account.imap = expand(incoming);
    account.smtp = expand(outgoing);
    return account;
}

} // namespace Amiens
