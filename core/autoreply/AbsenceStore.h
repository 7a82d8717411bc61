#pragma once

#include "sieve/VacationSettings.h"

#include <QCoreApplication>
#include <QDateTime>
#include <optional>

namespace Amiens {

class Profile;

/// The out-of-office settings of one account, kept in the profile's settings.ini (its own groups,
/// see AccountPreferences; @p accountId empty means the profile's first account):
///  - the client-side responder's settings, used when the server has no ManageSieve;
///  - the last state read from or written to the server over ManageSieve, so that the main
///    window can show its banner at start, before any connection.
class AbsenceStore
{
    Q_DECLARE_TR_FUNCTIONS(Amiens::AbsenceStore)

public:
    struct ClientSide
    {
        /// The server has no ManageSieve: the Absence page edits these settings and this client
        /// answers (while it runs).
        bool active = false;
        VacationSettings vacation;
        /// When the absence was last turned on: mail received earlier is never answered.
        QDateTime enabledAt;
    };

    [[nodiscard]] static ClientSide loadClientSide(const Profile &profile, const QString &accountId = {});
    /// Saves @p clientSide; an invalid enabledAt becomes now when the absence goes from off to on
    /// (and stays what it was while it remains on).
    static bool saveClientSide(const Profile &profile, ClientSide clientSide, QString *error,
                               const QString &accountId = {});

    /// What the server's Sieve rules said last time they were read or saved.
    static void rememberServerVacation(const Profile &profile, const VacationSettings &vacation,
                                       const QString &accountId = {});
    [[nodiscard]] static std::optional<VacationSettings> lastServerVacation(const Profile &profile,
                                                                            const QString &accountId = {});

    /// The absence that runs at @p now (client-side first, then the server's last known), if any.
    [[nodiscard]] static std::optional<VacationSettings>
    activeAt(const Profile &profile, const QDateTime &now, const QString &accountId = {});
};

} // namespace Amiens
