#include "PhishingSettings.h"

#include "SitePolicy.h"
#include "account/Profile.h"
#include "security/PhishingAnalyzer.h"

#include <QFile>
#include <QRegularExpression>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace Amiens {

QString PhishingSettings::normalisedDomain(const QString &text)
{
    static const QRegularExpression domain(u"^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+[a-z]{2,}$"_s);
    QString candidate = text.trimmed().toLower();
    if (candidate.startsWith(u'@'))
        candidate.remove(0, 1);
    return domain.match(candidate).hasMatch() ? candidate : QString();
}

PhishingSettings PhishingSettings::load(const Profile &profile)
{
    QSettings settings(profile.preferencesPath(), QSettings::IniFormat);
    PhishingSettings result;
    const QStringList stored =
        settings.value(u"phishing/trustedDomains"_s).toStringList().join(u',').split(u',');
    for (const QString &entry : stored) {
        const QString domain = normalisedDomain(entry);
        if (!domain.isEmpty() && !result.userTrustedDomains.contains(domain))
            result.userTrustedDomains.append(domain);
    }
    return result;
}

bool PhishingSettings::save(const Profile &profile, QString *error) const
{
    if (!profile.ensureExists(error))
        return false;
    QSettings settings(profile.preferencesPath(), QSettings::IniFormat);
    QStringList domains;
    for (const QString &entry : userTrustedDomains) {
        const QString domain = normalisedDomain(entry);
        if (domain.isEmpty()) {
            if (error)
                *error = tr("\"%1\" is not a domain name (for example: lycee-partenaire.fr).").arg(entry);
            return false;
        }
        if (!domains.contains(domain))
            domains.append(domain);
    }
    settings.setValue(u"phishing/trustedDomains"_s, domains);
    return profile.savePreferences(settings, error);
}

QStringList PhishingSettings::trustedDomains(const SitePolicy &site, const Profile &profile)
{
    QStringList domains =
        site.trustedDomains.isEmpty() ? PhishingAnalyzer::defaultTrustedDomains() : site.trustedDomains;
    if (!site.trustedDomainsLocked)
        domains.append(load(profile).userTrustedDomains);
    domains.removeDuplicates();
    return domains;
}

QStringList PhishingSettings::colleagueNames(const QStringList &knownAddresses,
                                             const QStringList &trustedDomains)
{
    const PhishingAnalyzer analyzer(trustedDomains);
    QStringList names;
    for (const QString &entry : knownAddresses) {
        const qsizetype open = entry.lastIndexOf(u'<');
        if (open <= 0 || !entry.endsWith(u'>'))
            continue; // an address without a name
        const QString address = entry.mid(open + 1, entry.size() - open - 2);
        const QString name = entry.left(open).trimmed().remove(u'"');
        // A name that is itself an address says nothing about a person.
        if (name.contains(u'@') || !analyzer.isTrustedDomain(address.section(u'@', -1)))
            continue;
        if (!names.contains(name))
            names.append(name);
    }
    return names;
}

} // namespace Amiens
