#pragma once

#include "ServerEndpoint.h"

#include <QString>
#include <QStringList>

class QSettings;

namespace Amiens {

/// What the client knows about one mail account. It holds no secret: the password lives in the
/// OS keychain (CredentialStore), keyed by id().
struct Account
{
    QString id;       ///< stable key, the address at creation time
    QString realName; ///< "Marie Dupont"
    QString address;  ///< "mdupont@ac-amiens.fr"
    QString presetId; ///< provider preset it came from, empty for a custom server
    ServerEndpoint imap;
    ServerEndpoint smtp;
    QString caFile;                 ///< extra trust anchors (a private or site CA), PEM
    QStringList pinnedCertificates; ///< "host:port sha256/HEX" of certificates the user accepted

    [[nodiscard]] bool isComplete() const
    {
        return !id.isEmpty() && !address.isEmpty() && imap.isComplete() && smtp.isComplete();
    }

    /// Writes the account into the current group of @p settings.
    void save(QSettings &settings) const;
    /// Reads an account from the current group of @p settings.
    [[nodiscard]] static Account load(QSettings &settings);

    friend bool operator==(const Account &, const Account &) = default;
};

} // namespace Amiens
