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

/// Whose mailbox it is: the user's own, or a service's that several people read (a school's
/// ce.0801234x@, gestion.0801234x@, a DSDEN service), with its own login and shared password.
enum class MailboxKind
{
    Personal,
    Functional,
};

/// What the client knows about one mail account. It holds no secret: the password lives in the
/// OS keychain (CredentialStore), keyed by id().
struct Account
{
    QString id;       ///< stable key, the address at creation time
    QString realName; ///< "Marie Dupont"
    QString address;  ///< "mdupont@ac-amiens.fr"
    QString presetId; ///< provider preset it came from, empty for a custom server
    /// The name the user gave the account in the folder tree ("Collège Jules Verne"); empty
    /// shows the address.
    QString label;
    /// Other addresses that reach this mailbox (marie.dupont@ for mdupont@): a reply to mail sent
    /// to one of them goes out from it.
    QStringList aliases;
    MailboxKind kind = MailboxKind::Personal;
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

    /// label, else the address.
    [[nodiscard]] QString displayName() const { return label.isEmpty() ? address : label; }
    /// The address and the aliases, as given.
    [[nodiscard]] QStringList addresses() const;
    /// Whether @p address (any case) is this account's address or one of its aliases.
    [[nodiscard]] bool owns(const QString &address) const;

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
