#pragma once

#include "Account.h"

#include <QString>
#include <QStringList>

namespace Amiens {

/// A provider's servers as described by a Thunderbird autoconfig file (config-v1.1.xml), with
/// its %EMAILADDRESS%-style placeholders still in place.
struct ProviderPreset
{
    QString id;
    QString displayName;
    QString shortName;
    QStringList domains;
    ServerEndpoint incoming; ///< IMAP; login and host may hold placeholders
    ServerEndpoint outgoing; ///< SMTP; login and host may hold placeholders
    QString sourcePath;      ///< where it was read from, for diagnostics

    /// Fills the placeholders for one person and returns a complete account.
    [[nodiscard]] Account accountFor(const QString &address, const QString &realName) const;

    /// Replaces %EMAILADDRESS%, %EMAILLOCALPART%, %EMAILDOMAIN% and %REALNAME% in @p text.
    [[nodiscard]] static QString expandPlaceholders(const QString &text, const QString &address,
                                                    const QString &realName);
};

} // namespace Amiens
