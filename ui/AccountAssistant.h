#pragma once

#include "account/Account.h"
#include "account/Profile.h"
#include "account/ProviderPreset.h"
#include "settings/HelpCatalog.h"
#include "settings/SitePolicy.h"

#include <QList>
#include <QWizard>
#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QRadioButton;

namespace Amiens {

class ConnectionCheckPage;
class CredentialStore;

/// The first-run assistant: who you are (first name and surname, from which the academic
/// identifier and address are proposed, or the identifier or address directly), your password
/// or OTP passcode, then a real connection test. On Finish the account is in the profile and,
/// in keychain mode, the password is in the keychain; never anywhere else.
class AccountAssistant : public QWizard
{
    Q_OBJECT
public:
    enum PageId
    {
        IdentityPageId,
        PasswordPageId,
        CheckPageId
    };

    AccountAssistant(Profile profile, SitePolicy policy, QWidget *parent = nullptr);
    ~AccountAssistant() override;

    /// The account as it stands from the pages (the saved one after Finish).
    [[nodiscard]] Account draftAccount() const;
    /// The saved account, after Finish.
    [[nodiscard]] Account account() const { return m_finalAccount; }
    /// The password typed, for the session that starts right after the assistant; empty in
    /// passcode mode (a passcode works once and was used by the test).
    [[nodiscard]] QString sessionPassword() const;
    [[nodiscard]] QString typedSecret() const;
    [[nodiscard]] bool isPasscodeMode() const;

    [[nodiscard]] const SitePolicy &sitePolicy() const { return m_policy; }
    [[nodiscard]] const HelpCatalog &help() const { return m_help; }
    [[nodiscard]] CredentialStore *credentials() const { return m_credentials; }

    /// Trusts one exact certificate (a TlsTrust pin) for the account being set up.
    void addPinnedCertificate(const QString &pin);
    /// Set by the check page when the keychain is missing and the user chose "ask at start".
    void setCredentialMode(CredentialMode mode) { m_credentialMode = mode; }
    /// Records that the keychain holds the password for @p accountId (to undo on Cancel).
    void setStoredInKeychain(const QString &accountId) { m_storedInKeychain = accountId; }
    /// Removes a password stored by this assistant (going back, or cancelling).
    void forgetStoredPassword();
    /// Saves the account in the profile (Finish).
    bool saveAccount(QString *error);

    bool validateCurrentPage() override;
    void done(int result) override;

private:
    QWizardPage *buildIdentityPage();
    QWizardPage *buildPasswordPage();
    [[nodiscard]] std::optional<ProviderPreset> currentPreset() const;
    [[nodiscard]] QString identifier() const;
    void onPresetChanged();
    void onKindChanged();
    [[nodiscard]] bool isFunctionalMailbox() const;
    void updateProposals();
    void openAdvancedSettings();
    /// The page's first field gets the keyboard: « Prénom » on the identity page.
    void focusFirstField(int id);
    void showIdentityError(const QString &message);

    Profile m_profile;
    SitePolicy m_policy;
    HelpCatalog m_help;
    QList<ProviderPreset> m_presets;
    CredentialStore *m_credentials = nullptr;
    ConnectionCheckPage *m_checkPage = nullptr;

    QComboBox *m_presetCombo = nullptr;
    QRadioButton *m_personalChoice = nullptr;
    QRadioButton *m_functionalChoice = nullptr;
    QLabel *m_functionalHelp = nullptr;
    QLabel *m_firstNameLabel = nullptr;
    QLabel *m_lastNameLabel = nullptr;
    QLabel *m_mailboxNameLabel = nullptr;
    QLineEdit *m_mailboxName = nullptr; ///< a functional mailbox's name: « Collège Jules Verne »
    QLineEdit *m_firstName = nullptr;
    QLineEdit *m_lastName = nullptr;
    QLineEdit *m_identifier = nullptr;
    QLineEdit *m_address = nullptr;
    QLabel *m_identityError = nullptr;
    QLineEdit *m_password = nullptr;
    QLabel *m_passwordLabel = nullptr;
    QLabel *m_passwordHint = nullptr;
    QCheckBox *m_passcode = nullptr;
    QCheckBox *m_shared = nullptr;

    bool m_identifierEdited = false;
    bool m_addressEdited = false;
    std::optional<Account> m_advanced; ///< servers chosen in "Paramètres avancés"
    QStringList m_pins;
    CredentialMode m_credentialMode = CredentialMode::Keychain;
    QString m_storedInKeychain;
    Account m_finalAccount;
};

} // namespace Amiens
