#pragma once

#include "sync/SyncOptions.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace Amiens {

class Profile;

/// What the Hors connexion page sets: which bodies are kept for offline reading and how often the
/// mailbox is checked when push (IDLE) is not available. Kept in the profile's settings.ini,
/// group [offline].
class OfflinePolicy
{
    Q_DECLARE_TR_FUNCTIONS(Amiens::OfflinePolicy)

public:
    static constexpr int kMinRecentDays = 1;
    static constexpr int kMaxRecentDays = 3650;
    static constexpr int kMinIntervalMinutes = 1;
    static constexpr int kMaxIntervalMinutes = 24 * 60;

    SyncOptions::Bodies bodies = SyncOptions::Bodies::Recent;
    int recentDays = 30;
    int syncIntervalMinutes = 5;

    /// French sentences for each value out of range; empty when it can be saved.
    [[nodiscard]] QStringList validate() const;
    /// The sync engine's options for this policy.
    [[nodiscard]] SyncOptions syncOptions() const;

    /// @p accountId: whose settings (empty: the profile's first account; see AccountPreferences).
    [[nodiscard]] static OfflinePolicy load(const Profile &profile, const QString &accountId = {});
    bool save(const Profile &profile, QString *error, const QString &accountId = {}) const;

    /// Bytes used by the files under @p directory (an account's cache), 0 when it does not exist.
    [[nodiscard]] static qint64 directorySize(const QString &directory);

    friend bool operator==(const OfflinePolicy &, const OfflinePolicy &) = default;
};

} // namespace Amiens
