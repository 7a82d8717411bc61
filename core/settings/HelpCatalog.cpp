#include "HelpCatalog.h"

#include "util/Logging.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

// Only web pages may be opened from help data: a file: or javascript: link is refused.
QUrl webUrl(const QJsonValue &value)
{
    const QUrl url(value.toString(), QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != "https"_L1 && url.scheme() != "http"_L1) || url.host().isEmpty())
        return {};
    return url;
}

} // namespace

QStringList HelpCatalog::defaultSearchPaths()
{
    QStringList paths;
    const auto configDirs = QStandardPaths::standardLocations(QStandardPaths::GenericConfigLocation);
    for (const QString &dir : configDirs)
        paths.append(dir + u"/amiens-mail/help.json"_s);
    const auto dataDirs = QStandardPaths::standardLocations(QStandardPaths::GenericDataLocation);
    for (const QString &dir : dataDirs)
        paths.append(dir + u"/amiens-mail/help/help.json"_s);
    paths.append(u":/help/help.json"_s);
    return paths;
}

HelpCatalog HelpCatalog::load(const QStringList &paths)
{
    for (const QString &path : paths) {
        QFile file(path);
        if (!file.exists())
            continue;
        if (!file.open(QIODevice::ReadOnly)) {
            qCWarning(lcAccount).noquote() << "help data" << path << "cannot be read:" << file.errorString();
            continue;
        }
        QString error;
        auto catalog = fromJson(file.readAll(), &error);
        if (!catalog) {
            qCWarning(lcAccount).noquote() << "help data" << path << "ignored:" << error;
            continue;
        }
        catalog->m_sourcePath = path;
        return *catalog;
    }
    qCWarning(lcAccount) << "no help data found";
    return {};
}

std::optional<HelpCatalog> HelpCatalog::fromJson(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (!document.isObject()) {
        if (error)
            *error = parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                                  : u"not a JSON object"_s;
        return std::nullopt;
    }
    const QJsonObject root = document.object();
    HelpCatalog catalog;
    const QJsonObject links = root.value("links"_L1).toObject();
    catalog.m_passwordResetUrl = webUrl(links.value("passwordReset"_L1));
    catalog.m_passwordChangeUrl = webUrl(links.value("passwordChange"_L1));
    if (catalog.m_passwordChangeUrl.isEmpty())
        catalog.m_passwordChangeUrl = catalog.m_passwordResetUrl;
    const QJsonArray contacts = root.value("contacts"_L1).toArray();
    for (const QJsonValue &value : contacts) {
        const QJsonObject object = value.toObject();
        Contact contact;
        contact.id = object.value("id"_L1).toString();
        contact.name = object.value("name"_L1).toString().trimmed();
        contact.address = object.value("address"_L1).toString().trimmed();
        contact.phone = object.value("phone"_L1).toString().trimmed();
        contact.email = object.value("email"_L1).toString().trimmed();
        if (!contact.name.isEmpty())
            catalog.m_contacts.append(contact);
    }
    if (catalog.m_passwordResetUrl.isEmpty() && catalog.m_contacts.isEmpty()) {
        if (error)
            *error = u"neither a usable link nor a contact"_s;
        return std::nullopt;
    }
    return catalog;
}

} // namespace Amiens
