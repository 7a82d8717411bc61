#include "ServerEndpoint.h"

using namespace Qt::StringLiterals;

namespace Amiens {

QString ServerEndpoint::securityName(ConnectionSecurity security)
{
    switch (security) {
    case ConnectionSecurity::ImplicitTls:
        return u"ssl"_s;
    case ConnectionSecurity::StartTls:
        return u"starttls"_s;
    }
    return {};
}

std::optional<ConnectionSecurity> ServerEndpoint::parseSecurity(const QString &name)
{
    const QString normalised = name.trimmed().toLower();
    if (normalised == "ssl"_L1 || normalised == "tls"_L1 || normalised == "implicit"_L1)
        return ConnectionSecurity::ImplicitTls;
    if (normalised == "starttls"_L1)
        return ConnectionSecurity::StartTls;
    return std::nullopt;
}

} // namespace Amiens
