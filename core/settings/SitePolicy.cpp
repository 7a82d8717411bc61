#include "SitePolicy.h"

#include "account/Account.h"
#include "account/Profile.h"
#include "account/ProviderRegistry.h"
#include "util/Logging.h"

#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace Amiens {

QString SitePolicy::locateFile()
{
    const QString fromEnvironment = qEnvironmentVariable("AMIENS_MAIL_SITE_CONFIG");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    // The first entry is the user's own folder; a lock must come from the system.
    QStringList folders = QStandardPaths::standardLocations(QStandardPaths::GenericConfigLocation);
    folders.removeAll(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation));
    for (const QString &folder : std::as_const(folders)) {
        const QString candidate = folder + u"/AmiensMail/amiens-mail.conf"_s;
        if (QFileInfo::exists(candidate))
            return candidate;
    }
    return {};
}

SitePolicy SitePolicy::load()
{
    const QString path = locateFile();
    return path.isEmpty() ? SitePolicy() : fromFile(path);
}

SitePolicy SitePolicy::fromFile(const QString &path)
{
    SitePolicy policy;
    if (!QFileInfo::exists(path)) {
        qCWarning(lcAccount).noquote() << "site configuration" << path << "does not exist";
        return policy;
    }
    QSettings settings(path, QSettings::IniFormat);
    if (settings.status() != QSettings::NoError) {
        qCWarning(lcAccount).noquote() << "site configuration" << path << "cannot be read";
        return policy;
    }
    policy.sourcePath = path;
    settings.beginGroup(u"policy"_s);
    policy.sharedWorkstationForced = settings.value(u"sharedWorkstation"_s, false).toBool();
    policy.forwardingDisabled = settings.value(u"disableForwarding"_s, false).toBool();
    policy.customServersAllowed = settings.value(u"allowCustomServers"_s, true).toBool();
    policy.caBundle = settings.value(u"caBundle"_s).toString().trimmed();
    bool ok = false;
    const int maxAge = settings.value(u"passwordMaxAgeDays"_s).toInt(&ok);
    if (ok && maxAge > 0)
        policy.passwordMaxAgeDays = maxAge;
    settings.endGroup();
    settings.beginGroup(u"phishing"_s);
    // "a, b" is read as a list by QSettings, "a" alone as a string: both are accepted.
    const QStringList domains = settings.value(u"trustedDomains"_s).toStringList().join(u',').split(u',');
    for (const QString &domain : domains) {
        if (!domain.trimmed().isEmpty())
            policy.trustedDomains.append(domain.trimmed().toLower());
    }
    policy.trustedDomainsLocked = settings.value(u"lockTrustedDomains"_s, false).toBool();
    policy.phishingReportAddress = settings.value(u"reportAddress"_s).toString().trimmed();
    settings.endGroup();
    const int mailboxes = settings.beginReadArray(u"functionalMailboxes"_s);
    for (int i = 0; i < mailboxes; ++i) {
        settings.setArrayIndex(i);
        FunctionalMailbox mailbox;
        mailbox.address = settings.value(u"address"_s).toString().trimmed().toLower();
        mailbox.name = settings.value(u"name"_s).toString().trimmed();
        mailbox.login = settings.value(u"login"_s).toString().trimmed();
        mailbox.preset = settings.value(u"preset"_s).toString().trimmed();
        if (mailbox.address.count(u'@') == 1 && !mailbox.address.startsWith(u'@') &&
            !mailbox.address.endsWith(u'@'))
            policy.functionalMailboxes.append(mailbox);
        else
            qCWarning(lcAccount).noquote()
                << "site configuration: functional mailbox" << i + 1 << "has no valid address";
    }
    settings.endArray();
    settings.beginGroup(u"defaults"_s);
    const QString preset = settings.value(u"preset"_s).toString().trimmed();
    if (!preset.isEmpty())
        policy.defaultPreset = preset;
    settings.endGroup();
    qCInfo(lcAccount).noquote() << "site configuration read from" << path;
    return policy;
}

void SitePolicy::applyTo(Account &account) const
{
    if (sharedWorkstationForced)
        account.sharedWorkstation = true;
}

QList<Account> SitePolicy::functionalAccounts() const
{
    QList<Account> accounts;
    const ProviderRegistry registry;
    for (const FunctionalMailbox &mailbox : functionalMailboxes) {
        const QString domain = mailbox.address.section(u'@', -1);
        const std::optional<ProviderPreset> preset =
            mailbox.preset.isEmpty() ? registry.presetForDomain(domain) : registry.presetById(mailbox.preset);
        if (!preset) {
            qCWarning(lcAccount).noquote()
                << "site configuration: no preset for the functional mailbox" << mailbox.address;
            continue;
        }
        Account account = preset->accountFor(mailbox.address, mailbox.name);
        account.id = mailbox.address;
        account.kind = MailboxKind::Functional;
        account.label = mailbox.name;
        const QString login = mailbox.login.isEmpty() ? mailbox.address.section(u'@', 0, 0) : mailbox.login;
        account.imap.login = login;
        account.smtp.login = login;
        applyTo(account);
        accounts.append(account);
    }
    return accounts;
}

int SitePolicy::installFunctionalMailboxes(const Profile &profile, QString *error) const
{
    // The user's own account comes first (it is the default one and the assistant sets it up);
    // the school's boxes join it.
    if (profile.accounts().isEmpty())
        return 0;
    int added = 0;
    for (const Account &account : functionalAccounts()) {
        if (profile.account(account.id))
            continue;
        if (!profile.saveAccount(account, error))
            return -1;
        qCInfo(lcAccount).noquote() << "functional mailbox" << account.address
                                    << "added from the site configuration";
        ++added;
    }
    return added;
}

std::optional<TlsTrust> SitePolicy::trustFor(const Account &account, QString *error) const
{
    auto trust = TlsTrust::forAccount(account, error);
    if (!trust || caBundle.isEmpty())
        return trust;
    QString bundleError;
    const auto authorities = TlsTrust::loadAuthorities(caBundle, &bundleError);
    if (!authorities) {
        // A broken site bundle must not lock everyone out of servers with public certificates.
        qCWarning(lcTls).noquote() << "site CA bundle ignored:" << bundleError;
        return trust;
    }
    trust->extraAuthorities.append(*authorities);
    return trust;
}

} // namespace Amiens
