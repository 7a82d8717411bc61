#include "Profile.h"

#include "AccountPaths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSettings>
#include <QStandardPaths>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

const auto kAccountsGroup = "accounts"_L1;
// The ids in the user's order; a key of the accounts group, so never taken for an account.
const auto kOrderKey = "order"_L1;

// QSettings groups cannot hold '/' or '@' safely; the account id is stored inside the group.
QString groupFor(const QString &id)
{
    return kAccountsGroup + u'/' + AccountPaths::key(id);
}

bool syncAndCheck(QSettings &settings, QString *error)
{
    settings.sync();
    if (settings.status() != QSettings::NoError) {
        if (error)
            *error = Profile::tr("Cannot write the profile settings %1.").arg(settings.fileName());
        return false;
    }
    return true;
}

} // namespace

Profile::Profile(QString directory)
    : m_directory(QDir::cleanPath(QDir(directory).absolutePath()))
{
}

QString Profile::defaultDirectory()
{
    const QString fromEnvironment = qEnvironmentVariable("AMIENS_MAIL_PROFILE");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + u"/amiens-mail/default"_s;
}

QString Profile::settingsPath() const
{
    return m_directory + u"/profile.ini"_s;
}

QString Profile::preferencesPath() const
{
    return m_directory + u"/settings.ini"_s;
}

bool Profile::ensureExists(QString *error) const
{
    QDir dir(m_directory);
    if (!dir.exists() && !dir.mkpath(u"."_s)) {
        if (error)
            *error = Profile::tr("Cannot create the profile folder %1.").arg(m_directory);
        return false;
    }
    // Mail and account names are personal data: keep them out of other users' reach.
    QFile::setPermissions(m_directory, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    return true;
}

QList<Account> Profile::accounts() const
{
    QSettings settings(settingsPath(), QSettings::IniFormat);
    QList<Account> result;
    settings.beginGroup(kAccountsGroup);
    const QStringList groups = settings.childGroups();
    const QStringList order = settings.value(kOrderKey).toStringList();
    settings.endGroup();
    for (const QString &group : groups) {
        settings.beginGroup(kAccountsGroup + u'/' + group);
        Account account = Account::load(settings);
        settings.endGroup();
        if (!account.id.isEmpty())
            result.append(account);
    }
    // Accounts missing from the order (profiles written before it existed) keep the file's order,
    // after the ordered ones.
    const auto rank = [&order](const Account &account) {
        const qsizetype index = order.indexOf(account.id);
        return index < 0 ? order.size() : index;
    };
    std::stable_sort(result.begin(), result.end(),
                     [&rank](const Account &a, const Account &b) { return rank(a) < rank(b); });
    return result;
}

std::optional<Account> Profile::account(const QString &id) const
{
    const QList<Account> all = accounts();
    for (const Account &account : all) {
        if (account.id == id)
            return account;
    }
    return std::nullopt;
}

bool Profile::saveAccount(const Account &account, QString *error) const
{
    if (!ensureExists(error))
        return false;
    QStringList order = orderedIds();
    if (!order.contains(account.id))
        order.append(account.id);
    QSettings settings(settingsPath(), QSettings::IniFormat);
    settings.remove(groupFor(account.id));
    settings.beginGroup(groupFor(account.id));
    account.save(settings);
    settings.endGroup();
    settings.setValue(kAccountsGroup + u'/' + kOrderKey, order);
    const bool ok = syncAndCheck(settings, error);
    QFile::setPermissions(settingsPath(), QFile::ReadOwner | QFile::WriteOwner);
    return ok;
}

bool Profile::removeAccount(const QString &id, QString *error) const
{
    QStringList order = orderedIds();
    order.removeAll(id);
    QSettings settings(settingsPath(), QSettings::IniFormat);
    settings.remove(groupFor(id));
    settings.setValue(kAccountsGroup + u'/' + kOrderKey, order);
    if (!syncAndCheck(settings, error))
        return false;
    // Its own preferences (an absence message, read-receipt answers) go with it.
    QSettings preferences(preferencesPath(), QSettings::IniFormat);
    preferences.remove(AccountPaths::preferencesGroup(id));
    return savePreferences(preferences, error);
}

bool Profile::moveAccount(const QString &id, qsizetype position, QString *error) const
{
    QStringList order = orderedIds();
    const qsizetype from = order.indexOf(id);
    if (from < 0) {
        if (error)
            *error = tr("No account %1 in the profile.").arg(id);
        return false;
    }
    order.move(from, std::clamp<qsizetype>(position, 0, order.size() - 1));
    QSettings settings(settingsPath(), QSettings::IniFormat);
    settings.setValue(kAccountsGroup + u'/' + kOrderKey, order);
    return syncAndCheck(settings, error);
}

QStringList Profile::orderedIds() const
{
    QStringList ids;
    const QList<Account> all = accounts();
    for (const Account &account : all)
        ids.append(account.id);
    return ids;
}

bool Profile::savePreferences(QSettings &preferences, QString *error) const
{
    preferences.sync();
    QFile::setPermissions(preferencesPath(), QFile::ReadOwner | QFile::WriteOwner);
    if (preferences.status() == QSettings::NoError)
        return true;
    if (error)
        *error = tr("Cannot write the settings file %1.").arg(preferencesPath());
    return false;
}

} // namespace Amiens
