#pragma once

#include "net/TlsTrust.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <optional>

namespace Amiens {

struct Account;

/// System-wide defaults and locks that IT ships with the workstations, in an INI file read
/// through QSettings: AmiensMail/amiens-mail.conf in the system configuration folders
/// ($XDG_CONFIG_DIRS, /etc/xdg by default), the same file QSettings uses as the application's
/// system-wide fallback. The user's own ~/.config is never read here: a user cannot lift a lock.
/// AMIENS_MAIL_SITE_CONFIG names another file (tests, or a deployment that keeps it elsewhere).
///
///     [policy]
///     sharedWorkstation=true   (every account in shared-workstation mode, not changeable)
///     disableForwarding=true   (no automatic forwarding may be set up from the client)
///     caBundle=/etc/ssl/certs/academie-ca.pem   (extra authorities trusted for every account)
///     allowCustomServers=false (the assistant offers only the presets)
///     passwordMaxAgeDays=183   (when the password-age reminder appears)
///     [defaults]
///     preset=ac-amiens.fr      (the preset selected in the first-run assistant)
///     [phishing]
///     trustedDomains=ac-amiens.fr, education.gouv.fr   (replaces the built-in list)
///     lockTrustedDomains=true  (users cannot add domains of their own)
///     reportAddress=securite@ac-amiens.fr   (where "Signaler comme hameçonnage" forwards)
///
/// The parenthesised notes are not part of the file: QSettings keeps a trailing "; comment" in
/// the value, so comments go on lines of their own.
class SitePolicy
{
    Q_DECLARE_TR_FUNCTIONS(Amiens::SitePolicy)

public:
    static constexpr int kDefaultPasswordMaxAgeDays = 183; ///< six months, the academy's rule

    bool sharedWorkstationForced = false;
    bool forwardingDisabled = false;
    bool customServersAllowed = true;
    QString caBundle;
    QString defaultPreset = QStringLiteral("ac-amiens.fr");
    int passwordMaxAgeDays = kDefaultPasswordMaxAgeDays;
    QStringList trustedDomains; ///< [phishing]; empty: PhishingAnalyzer's built-in list
    bool trustedDomainsLocked = false;
    QString phishingReportAddress; ///< empty: reported messages only go to Junk
    QString sourcePath;            ///< the file read, empty when none exists (built-in defaults)

    /// The site file in effect: AMIENS_MAIL_SITE_CONFIG, else the first existing
    /// AmiensMail/amiens-mail.conf in the system configuration folders, else empty.
    [[nodiscard]] static QString locateFile();
    /// Reads the site file in effect; the built-in defaults when there is none.
    [[nodiscard]] static SitePolicy load();
    [[nodiscard]] static SitePolicy fromFile(const QString &path);

    /// Applies the locks to @p account (e.g. forced shared-workstation mode).
    void applyTo(Account &account) const;

    /// The account's TLS trust plus the site's CA bundle.
    [[nodiscard]] std::optional<TlsTrust> trustFor(const Account &account, QString *error) const;
};

} // namespace Amiens
