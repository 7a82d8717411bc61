#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace Amiens {

class Profile;
class SitePolicy;

/// Which sender domains count as the academy's, for the phishing checks. The site file's
/// [phishing] trustedDomains replaces the built-in list (PhishingAnalyzer::defaultTrustedDomains:
/// ac-amiens.fr, education.gouv.fr and every other academy by its exact domain); the user may add
/// domains of their own (a partner school, a university) in the profile's settings.ini, group
/// [phishing], unless the site locks the list. A user can never remove a site domain.
class PhishingSettings
{
    Q_DECLARE_TR_FUNCTIONS(Amiens::PhishingSettings)

public:
    QStringList userTrustedDomains; ///< lower case, without "@" or spaces

    [[nodiscard]] static PhishingSettings load(const Profile &profile);
    bool save(const Profile &profile, QString *error) const;

    /// The list in effect: the site's (or the built-in one) plus the user's unless locked.
    [[nodiscard]] static QStringList trustedDomains(const SitePolicy &site, const Profile &profile);

    /// Display names seen with trusted addresses, from CacheAddressBook::knownAddresses() strings
    /// ("Name <address>"): a claim of one of them from outside is impersonation.
    [[nodiscard]] static QStringList colleagueNames(const QStringList &knownAddresses,
                                                    const QStringList &trustedDomains);

    /// "Ac-Amiens.fr " → "ac-amiens.fr"; empty when @p text is not a domain name.
    [[nodiscard]] static QString normalisedDomain(const QString &text);
};

} // namespace Amiens
