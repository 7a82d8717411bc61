#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace Amiens {

/// What this build is: its version (with `git describe` when built from a checkout) and the
/// libraries it runs on, with their licences, for --version and "À propos d'AmiensMail".
class BuildInfo
{
public:
    struct Component
    {
        QString name;
        QString version; ///< the version loaded at run time when the library can say it
        QString licence; ///< SPDX identifier
        QUrl homepage;
    };

    /// "0.1.0" or "0.1.0 (bbbc784)".
    [[nodiscard]] static QString version();
    /// The project version alone, "0.1.0".
    [[nodiscard]] static QString versionNumber();
    /// Qt, VMime, QtKeychain, OpenSSL and SQLite, in that order.
    [[nodiscard]] static QList<Component> components();
    /// "PROGRAM VERSION", then one line per library: what --version prints.
    [[nodiscard]] static QString versionText(const QString &program);
    /// True when @p arguments ask for the version (--version or -v before "--").
    [[nodiscard]] static bool asksForVersion(const QStringList &arguments);
};

} // namespace Amiens
