#include "ManageSieveCapabilities.h"

using namespace Qt::StringLiterals;

namespace Amiens {

ManageSieveCapabilities ManageSieveCapabilities::fromResponse(const ManageSieveResponse &response)
{
    ManageSieveCapabilities capabilities;
    for (const ManageSieveResponse::Line &line : response.lines) {
        if (line.isEmpty())
            continue;
        const QByteArray name = line.first().value.toUpper();
        const QString value = line.size() > 1 ? QString::fromUtf8(line.at(1).value) : QString();
        if (name == "IMPLEMENTATION")
            capabilities.implementation = value;
        else if (name == "SIEVE")
            capabilities.sieveExtensions = value.toLower().split(u' ', Qt::SkipEmptyParts);
        else if (name == "SASL")
            capabilities.saslMechanisms = value.toUpper().split(u' ', Qt::SkipEmptyParts);
        else if (name == "NOTIFY")
            capabilities.notifyMethods = value.toLower().split(u' ', Qt::SkipEmptyParts);
        else if (name == "STARTTLS")
            capabilities.startTls = true;
        else if (name == "VERSION")
            capabilities.version = value;
        else if (name == "MAXREDIRECTS")
            capabilities.maxRedirects = value.toInt();
        else if (name == "OWNER")
            capabilities.owner = value;
    }
    return capabilities;
}

} // namespace Amiens
