#pragma once

#include "Profile.h"

#include <QString>

class QSettings;

namespace Amiens {

/// One account's view of the user's preferences (settings.ini): each account has its own
/// read-receipt policy, sync policy and out-of-office state (issue 18), kept under
/// [account-<key>/<section>]. What was saved before there were several accounts (the plain
/// [<section>]) was the profile's first account's: that account adopts it the first time it
/// reads it, and no other account ever sees it, so the school's box never answers with Marie's
/// absence message.
class AccountPreferences
{
public:
    /// @p accountId empty: the profile's first account (profile-wide when there is none yet).
    AccountPreferences(Profile profile, QString accountId);

    /// Opens @p section for this account in @p settings (a QSettings on the profile's
    /// preferencesPath()); pair it with settings.endGroup().
    void beginGroup(QSettings &settings, const QString &section) const;
    /// Whether @p section was ever saved for this account.
    [[nodiscard]] bool contains(QSettings &settings, const QString &section) const;

private:
    /// The group of @p section for this account, after adopting the settings of before.
    [[nodiscard]] QString group(QSettings &settings, const QString &section) const;

    Profile m_profile;
    QString m_accountId;
};

} // namespace Amiens
