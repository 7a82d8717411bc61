#include "NotificationPolicy.h"

#include "account/Profile.h"

#include <QFile>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace Amiens {

NotificationPolicy NotificationPolicy::load(const Profile &profile)
{
    QSettings settings(profile.preferencesPath(), QSettings::IniFormat);
    NotificationPolicy policy;
    policy.newMail = settings.value(u"notifications/newMail"_s, true).toBool();
    return policy;
}

bool NotificationPolicy::save(const Profile &profile, QString *error) const
{
    if (!profile.ensureExists(error))
        return false;
    QSettings settings(profile.preferencesPath(), QSettings::IniFormat);
    settings.setValue(u"notifications/newMail"_s, newMail);
    return profile.savePreferences(settings, error);
}

} // namespace Amiens
