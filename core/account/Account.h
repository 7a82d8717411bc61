#pragma once

#include "ServerEndpoint.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

class QSettings;

namespace Amiens {

/// Where the account's secret comes from. None of these ever writes a secret to disk.
enum class CredentialMode
{
    Keychain,   ///< the password is in the OS keychain (CredentialStore)
    AskAtStart, ///< no keychain: the password is typed at each start and kept in memory only
    Passcode,   ///< OTP: PIN + key code, single-use, asked whenever a connection needs it
};

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
    /// ManageSieve (RFC 5804) for the Absence and Transfert rules. Empty until set: most accounts
    /// use the default, see sieveEndpoint().
    ServerEndpoint sieve;
    QString caFile;                 ///< extra trust anchors (a private or site CA), PEM
    QStringList pinnedCertificates; ///< "host:port sha256/HEX" of certificates the user accepted
    CredentialMode credentialMode = CredentialMode::Keychain;
    /// Shared workstation: nothing of the account is kept after signing out or quitting.
    bool sharedWorkstation = false;
    /// When the password was last set in this client (for the six-month reminder), UTC.
    QDateTime passwordChangedAt;

    [[nodiscard]] bool isComplete() const
    {
        return !id.isEmpty() && !address.isEmpty() && imap.isComplete() && smtp.isComplete();
    }

    /// The ManageSieve server: sieve when set, else the IMAP host on port 4190 with STARTTLS and
    /// the IMAP login (RFC 5804's defaults, and Dovecot's).
    [[nodiscard]] ServerEndpoint sieveEndpoint() const
    {
        return sieve.isComplete() ? sieve
                                  : ServerEndpoint{imap.host, 4190, ConnectionSecurity::StartTls, imap.login};
    }

    /// Names used in profiles: "keychain", "ask" and "passcode".
    [[nodiscard]] static QString credentialModeName(CredentialMode mode);
    [[nodiscard]] static CredentialMode parseCredentialMode(const QString &name);

    /// Writes the account into the current group of @p settings.
    void save(QSettings &settings) const;
    /// Reads an account from the current group of @p settings.
    [[nodiscard]] static Account load(QSettings &settings);

    friend bool operator==(const Account &, const Account &) = default;
};

} // namespace Amiens
