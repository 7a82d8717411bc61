#pragma once

#include "Profile.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <functional>

namespace Amiens {

class CredentialStore;

/// Where an account keeps its files inside the profile, and how they are all removed: the offline
/// cache in <profile>/cache/<id-hex>/, temporary files (attachments opened, drafts being written)
/// in <profile>/tmp/<id-hex>/, drafts in <profile>/drafts/<id-hex>/. Code that writes anything for an account
/// must write it under one of these folders, so that shared-workstation mode can leave nothing behind.
class AccountStorage
{
    Q_DECLARE_TR_FUNCTIONS(Amiens::AccountStorage)

public:
    struct EraseResult
    {
        bool ok = true;
        QStringList problems; ///< French, for the user and the logs
    };
    using EraseCallback = std::function<void(const EraseResult &)>;

    AccountStorage(Profile profile, QString accountId);

    /// The folder-safe form of an account id (hex of its UTF-8), as in profile.ini.
    [[nodiscard]] static QString folderKey(const QString &accountId);

    [[nodiscard]] QString cacheDirectory() const;
    [[nodiscard]] QString temporaryDirectory() const;
    /// Creates the temporary folder (private permissions) and returns it, or empty on failure.
    [[nodiscard]] QString ensureTemporaryDirectory() const;

    /// Removes the account's cache and temporary files. Returns false (and why) when something
    /// could not be removed.
    bool wipeLocalData(QStringList *problems) const;

    /// Everything the client kept for the account: its keychain entry, its files and its entry in
    /// profile.ini. Used when signing out or quitting on a shared workstation.
    void eraseAll(CredentialStore *credentials, EraseCallback done) const;
    /// The same, waiting in a local event loop: for quitting, when no event loop runs any more.
    EraseResult eraseAllAndWait(CredentialStore *credentials) const;

private:
    Profile m_profile;
    QString m_accountId;
};

} // namespace Amiens
