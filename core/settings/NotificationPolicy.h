#pragma once

#include <QCoreApplication>
#include <QString>

namespace Amiens {

class Profile;

/// Whether new mail raises a desktop notification ("Afficher une notification pour les nouveaux
/// messages", on by default). Kept in the profile's settings.ini, group [notifications].
class NotificationPolicy
{
    Q_DECLARE_TR_FUNCTIONS(Amiens::NotificationPolicy)

public:
    bool newMail = true;

    /// The profile's policy; the defaults when nothing was saved.
    [[nodiscard]] static NotificationPolicy load(const Profile &profile);
    bool save(const Profile &profile, QString *error) const;

    friend bool operator==(const NotificationPolicy &, const NotificationPolicy &) = default;
};

} // namespace Amiens
