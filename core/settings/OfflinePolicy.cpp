#include "OfflinePolicy.h"

#include "account/AccountPreferences.h"
#include "account/Profile.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace Amiens {

QStringList OfflinePolicy::validate() const
{
    QStringList problems;
    if (bodies == SyncOptions::Bodies::Recent && (recentDays < kMinRecentDays || recentDays > kMaxRecentDays))
        problems.append(
            tr("The number of days must be between %1 and %2.").arg(kMinRecentDays).arg(kMaxRecentDays));
    if (syncIntervalMinutes < kMinIntervalMinutes || syncIntervalMinutes > kMaxIntervalMinutes)
        problems.append(tr("The check interval must be between %1 and %2 minutes.")
                            .arg(kMinIntervalMinutes)
                            .arg(kMaxIntervalMinutes));
    return problems;
}

SyncOptions OfflinePolicy::syncOptions() const
{
    SyncOptions options;
    options.bodies = bodies;
    options.recentDays = recentDays;
    return options;
}

OfflinePolicy OfflinePolicy::load(const Profile &profile, const QString &accountId)
{
    QSettings settings(profile.preferencesPath(), QSettings::IniFormat);
    AccountPreferences(profile, accountId).beginGroup(settings, u"offline"_s);
    OfflinePolicy policy;
    const QString bodies = settings.value(u"bodies"_s).toString();
    if (bodies == SyncOptions::bodiesName(SyncOptions::Bodies::All))
        policy.bodies = SyncOptions::Bodies::All;
    else if (bodies == SyncOptions::bodiesName(SyncOptions::Bodies::None))
        policy.bodies = SyncOptions::Bodies::None;
    policy.recentDays = settings.value(u"recentDays"_s, policy.recentDays).toInt();
    policy.syncIntervalMinutes = settings.value(u"syncIntervalMinutes"_s, policy.syncIntervalMinutes).toInt();
    settings.endGroup();
    // A hand-edited file must not make the client poll every second or keep nothing.
    const OfflinePolicy defaults;
    if (policy.recentDays < kMinRecentDays || policy.recentDays > kMaxRecentDays)
        policy.recentDays = defaults.recentDays;
    if (policy.syncIntervalMinutes < kMinIntervalMinutes || policy.syncIntervalMinutes > kMaxIntervalMinutes)
        policy.syncIntervalMinutes = defaults.syncIntervalMinutes;
    return policy;
}

bool OfflinePolicy::save(const Profile &profile, QString *error, const QString &accountId) const
{
    if (!profile.ensureExists(error))
        return false;
    QSettings settings(profile.preferencesPath(), QSettings::IniFormat);
    AccountPreferences(profile, accountId).beginGroup(settings, u"offline"_s);
    settings.setValue(u"bodies"_s, SyncOptions::bodiesName(bodies));
    settings.setValue(u"recentDays"_s, recentDays);
    settings.setValue(u"syncIntervalMinutes"_s, syncIntervalMinutes);
    settings.endGroup();
    return profile.savePreferences(settings, error);
}

qint64 OfflinePolicy::directorySize(const QString &directory)
{
    qint64 total = 0;
    QDirIterator it(directory, QDir::Files | QDir::Hidden | QDir::NoSymLinks, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        total += it.fileInfo().size();
    }
    return total;
}

} // namespace Amiens
