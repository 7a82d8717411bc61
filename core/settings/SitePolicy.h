#pragma once

#include "net/TlsTrust.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace Amiens {

struct Account;
class Profile;

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
///     [functionalMailboxes]   (the school's boxes every user of this workstation reads)
///     size=1
///     1\address=ce.0801234x@ac-amiens.fr
///     1\name=Collège Jules Verne
///     1\login=ce.0801234x      (default: the address's local part)
///     1\preset=ac-amiens.fr    (default: the preset of the address's domain)
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
    /// [functionalMailboxes]: functional mailboxes set up for whoever uses the workstation, never
    /// with a password (it is asked at first use and kept in the user's keychain).
    struct FunctionalMailbox
    {
        QString address;
        QString name;
        QString login;
        QString preset;
    };
    QList<FunctionalMailbox> functionalMailboxes;
    QString sourcePath; ///< the file read, empty when none exists (built-in defaults)

    /// The site file in effect: AMIENS_MAIL_SITE_CONFIG, else the first existing
    /// AmiensMail/amiens-mail.conf in the system configuration folders, else empty.
    [[nodiscard]] static QString locateFile();
    /// Reads the site file in effect; the built-in defaults when there is none.
    [[nodiscard]] static SitePolicy load();
    [[nodiscard]] static SitePolicy fromFile(const QString &path);

    /// Applies the locks to @p account (e.g. forced shared-workstation mode).
    void applyTo(Account &account) const;

    /// The accounts of functionalMailboxes, from their presets (a mailbox whose preset is unknown
    /// is left out, and logged).
    [[nodiscard]] QList<Account> functionalAccounts() const;
    /// Adds to @p profile, after its own accounts, the functional mailboxes it does not have yet
    /// (nothing to a profile without an account: the user's own comes first); how many were
    /// added, or -1 and @p error when the profile cannot be written.
    int installFunctionalMailboxes(const Profile &profile, QString *error) const;
    /// The account's TLS trust plus the site's CA bundle.
    [[nodiscard]] std::optional<TlsTrust> trustFor(const Account &account, QString *error) const;
};

} // namespace Amiens
