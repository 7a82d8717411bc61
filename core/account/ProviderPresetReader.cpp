#include "ProviderPresetReader.h"

#include <QCoreApplication>
#include <QFile>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

struct ServerCandidate
{
    QString type;
    ServerEndpoint endpoint;
    bool usable = true;
};

ServerCandidate readServer(QXmlStreamReader &xml)
{
    ServerCandidate candidate;
    candidate.type = xml.attributes().value("type"_L1).toString().toLower();
    while (xml.readNextStartElement()) {
        const auto name = xml.name();
        if (name == "hostname"_L1) {
            candidate.endpoint.host = xml.readElementText().trimmed();
        } else if (name == "port"_L1) {
            bool ok = false;
            const uint port = xml.readElementText().trimmed().toUInt(&ok);
            candidate.usable = candidate.usable && ok && port > 0 && port <= 65535;
            candidate.endpoint.port = static_cast<quint16>(port);
        } else if (name == "socketType"_L1) {
            const auto security = ServerEndpoint::parseSecurity(xml.readElementText());
            candidate.usable = candidate.usable && security.has_value();
            candidate.endpoint.security = security.value_or(ConnectionSecurity::ImplicitTls);
        } else if (name == "username"_L1) {
            candidate.endpoint.login = xml.readElementText().trimmed();
        } else {
            xml.skipCurrentElement();
        }
    }
    candidate.usable = candidate.usable && !candidate.endpoint.host.isEmpty();
    return candidate;
}

} // namespace

std::optional<ProviderPreset> ProviderPresetReader::read(const QByteArray &data, QString *error)
{
    QXmlStreamReader xml(data);
    ProviderPreset preset;
    bool incomingFound = false;
    bool outgoingFound = false;
    bool providerFound = false;

    if (!xml.readNextStartElement() || xml.name() != "clientConfig"_L1) {
        if (error)
            *error = ProviderPresetReader::tr("Not a provider configuration file (clientConfig expected).");
        return std::nullopt;
    }
    while (xml.readNextStartElement()) {
        if (xml.name() != "emailProvider"_L1 || providerFound) {
            xml.skipCurrentElement();
            continue;
        }
        providerFound = true;
        preset.id = xml.attributes().value("id"_L1).toString().trimmed();
        while (xml.readNextStartElement()) {
            const auto name = xml.name();
            if (name == "domain"_L1) {
                preset.domains.append(xml.readElementText().trimmed().toLower());
            } else if (name == "displayName"_L1) {
                preset.displayName = xml.readElementText().trimmed();
            } else if (name == "displayShortName"_L1) {
                preset.shortName = xml.readElementText().trimmed();
            } else if (name == "incomingServer"_L1) {
                const ServerCandidate server = readServer(xml);
                if (!incomingFound && server.type == "imap"_L1 && server.usable) {
                    preset.incoming = server.endpoint;
                    incomingFound = true;
                }
            } else if (name == "outgoingServer"_L1) {
                const ServerCandidate server = readServer(xml);
                if (!outgoingFound && server.type == "smtp"_L1 && server.usable) {
                    preset.outgoing = server.endpoint;
                    outgoingFound = true;
                }
            } else {
                xml.skipCurrentElement();
            }
        }
    }

    if (xml.hasError()) {
        if (error)
            *error = ProviderPresetReader::tr("Malformed provider file at line %1: %2")
                         .arg(xml.lineNumber())
                         .arg(xml.errorString());
        return std::nullopt;
    }
    if (!providerFound || preset.id.isEmpty()) {
        if (error)
            *error = ProviderPresetReader::tr("The provider file has no emailProvider with an id.");
        return std::nullopt;
    }
    if (!incomingFound || !outgoingFound) {
        if (error)
            *error =
                ProviderPresetReader::tr("The provider file has no usable encrypted IMAP and SMTP server.");
        return std::nullopt;
    }
    if (preset.domains.isEmpty())
        preset.domains.append(preset.id.toLower());
    if (preset.displayName.isEmpty())
        preset.displayName = preset.id;
    if (preset.shortName.isEmpty())
        preset.shortName = preset.displayName;
    return preset;
}

std::optional<ProviderPreset> ProviderPresetReader::readFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = ProviderPresetReader::tr("Cannot read %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    auto preset = read(file.readAll(), error);
    if (preset)
        preset->sourcePath = path;
    else if (error)
        *error = path + u": "_s + *error;
    return preset;
}

} // namespace Amiens
