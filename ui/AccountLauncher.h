#pragma once

#include "account/Account.h"
#include "account/Profile.h"
#include "net/ServiceError.h"
#include "settings/SitePolicy.h"
#include "sieve/VacationSettings.h"

#include <QObject>
#include <QPointer>
#include <memory>
#include <optional>

namespace Amiens {

class AccountServices;
class BackgroundTask;
class CredentialStore;
class MainWindow;

/// Opens one account of the profile in the window, the first like any other: its services
/// (trust, session, outbox, background sync and push), the secret its mode calls for (keychain,
/// typed at start, OTP passcode), the next steps when the server refuses the secret or its
/// certificate, and what follows each sync (the client-side out-of-office responder, the
/// server's absence for the banner). SessionLauncher holds one per open account.
class AccountLauncher : public QObject
{
    Q_OBJECT
public:
    AccountLauncher(Profile profile, SitePolicy policy, Account account, MainWindow *window,
                    CredentialStore *credentials, QObject *parent = nullptr);
    /// Takes the account out of the window, then stops its services.
    ~AccountLauncher() override;

    /// Builds the services and shows the account; false (and the reason in the banner) when its
    /// trust settings cannot be read. @p knownSecret (just typed in the assistant) is not asked again.
    bool open(const QString &knownSecret = {});

    [[nodiscard]] const Account &account() const { return m_account; }
    [[nodiscard]] QString id() const { return m_account.id; }
    /// nullptr when open() failed.
    [[nodiscard]] AccountServices *services() const { return m_services.get(); }
    /// The password in memory for this session (the settings dialog's ManageSieve connection);
    /// empty for a passcode, which is single-use.
    [[nodiscard]] QString secret() const { return m_secret; }
    /// The out-of-office message running now for this account, if any.
    [[nodiscard]] std::optional<VacationSettings> activeAbsence() const;
    /// « Renommer »: the name the banners use.
    void setLabel(const QString &label) { m_account.label = label; }

    /// The banner's « Retaper mon mot de passe… ».
    void askSecretAgain();
    /// The banner's « Voir le certificat… »: once the user trusts it, reopenRequested().
    void trustCertificate();
    /// A link for this account's banners: amiens:<command>?account=<id>.
    [[nodiscard]] QString commandLink(const QString &command, const QString &text) const;

Q_SIGNALS:
    /// The user pinned a certificate: the account must be opened again with @p account, @p secret.
    void reopenRequested(const Account &account, const QString &secret);
    /// The account's out-of-office state may have changed (the banner follows).
    void absenceChanged();

private:
    void obtainSecret();
    void askSecret(const QString &reason);
    void useSecret(const QString &secret, bool typedByUser);
    /// The server accepted the secret: background syncs, push and the outbox start.
    void onFoldersChanged();
    void onSessionError(const ServiceError &error);
    /// After each sync: the client-side out-of-office responder, when this account has it on.
    void runAutoResponder();
    /// Reads the server's out-of-office rules in the background, for the banner.
    void refreshServerAbsence();
    /// The account's name before a banner text when the profile holds several accounts.
    [[nodiscard]] QString named(const QString &text) const;
    void saveAccount();

    Profile m_profile;
    SitePolicy m_policy;
    Account m_account;
    QPointer<MainWindow> m_window;
    CredentialStore *m_credentials = nullptr;
    std::unique_ptr<AccountServices> m_services;
    std::unique_ptr<BackgroundTask> m_absenceTask;
    std::optional<TlsFailure> m_lastTlsFailure;
    QString m_secret;              ///< in memory for this session only
    bool m_storeOnSuccess = false; ///< a typed password goes to the keychain once the server accepts it
    bool m_keychainUnavailable = false;
};

} // namespace Amiens
