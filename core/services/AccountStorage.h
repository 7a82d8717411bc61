#pragma once

#include "account/AccountPaths.h"
#include "account/Profile.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <functional>

namespace Amiens {

class CredentialStore;

/// How an account's files are removed: the cache alone (rebuilt from the server), or everything
/// the client kept for it. Where they are is AccountPaths' business; erasing removes every path
/// it names, so that shared-workstation mode can leave nothing behind.
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

    [[nodiscard]] AccountPaths paths() const { return AccountPaths(m_profile.directory(), m_accountId); }
    /// Creates the temporary folder (private permissions) and returns it, or empty on failure.
    [[nodiscard]] QString ensureTemporaryDirectory() const;

    /// Removes the account's cache, temporary files and drafts (the cache is rebuilt from the
    /// server, the drafts have their copy there). Returns false (and why) when something
    /// could not be removed.
    bool wipeLocalData(QStringList *problems) const;

    /// Removes every file of the account (AccountPaths::all()), unsent outbox included.
    bool eraseFiles(QStringList *problems) const;

    /// Everything the client kept for the account: its keychain entry, all its files and its entry
    /// in profile.ini. Used when signing out or quitting on a shared workstation.
    void eraseAll(CredentialStore *credentials, EraseCallback done) const;
    /// The same, waiting in a local event loop: for quitting, when no event loop runs any more.
    EraseResult eraseAllAndWait(CredentialStore *credentials) const;

private:
    Profile m_profile;
    QString m_accountId;
};

} // namespace Amiens
