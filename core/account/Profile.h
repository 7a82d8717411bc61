#pragma once

#include "Account.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <optional>

class QSettings;

namespace Amiens {

/// A profile directory: the accounts' settings (profile.ini) and, beside it, their caches.
/// The directory is private to the user (0700) and never holds a password.
class Profile
{
    Q_DECLARE_TR_FUNCTIONS(Amiens::Profile)

public:
    explicit Profile(QString directory);

    /// ~/.local/share/amiens-mail/default unless AMIENS_MAIL_PROFILE names another.
    [[nodiscard]] static QString defaultDirectory();

    [[nodiscard]] QString directory() const { return m_directory; }
    [[nodiscard]] QString settingsPath() const;
    /// The user's preferences (read receipts, offline policy), beside profile.ini: settings.ini.
    [[nodiscard]] QString preferencesPath() const;
    /// Writes @p preferences (a QSettings on preferencesPath()) to disk, private to the user;
    /// false and a French @p error when the file cannot be written.
    bool savePreferences(QSettings &preferences, QString *error) const;

    /// Creates the directory with private permissions if needed.
    bool ensureExists(QString *error) const;

    /// The accounts in the user's order (the folder tree's); the first is the default one.
    [[nodiscard]] QList<Account> accounts() const;
    [[nodiscard]] std::optional<Account> account(const QString &id) const;
    /// Adds (last) or replaces (in place) the account with the same id.
    bool saveAccount(const Account &account, QString *error) const;
    bool removeAccount(const QString &id, QString *error) const;
    /// Puts the account @p id at @p position (clamped) in accounts().
    bool moveAccount(const QString &id, qsizetype position, QString *error) const;
    /// The ids as accounts() orders them.
    [[nodiscard]] QStringList orderedIds() const;

private:
    QString m_directory;
};

} // namespace Amiens
