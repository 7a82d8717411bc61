#include "AccountStorage.h"

#include "account/AccountPaths.h"
#include "security/CredentialStore.h"
#include "util/Logging.h"
#include "util/PrivateFiles.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

bool removePath(const QString &path, QStringList *problems)
{
    const QFileInfo info(path);
    if (!info.exists() && !info.isSymLink())
        return true;
    const bool removed =
        info.isDir() && !info.isSymLink() ? QDir(path).removeRecursively() : QFile::remove(path);
    if (removed)
        return true;
    if (problems)
        problems->append((info.isDir() ? AccountStorage::tr("Cannot delete the folder %1.")
                                       : AccountStorage::tr("Cannot delete the file %1."))
                             .arg(QDir::toNativeSeparators(path)));
    return false;
}

} // namespace

AccountStorage::AccountStorage(Profile profile, QString accountId)
    : m_profile(std::move(profile))
    , m_accountId(std::move(accountId))
{
}

QString AccountStorage::ensureTemporaryDirectory() const
{
    const QString path = paths().temporaryDirectory();
    if (!m_profile.ensureExists(nullptr) || !PrivateFiles::makeFolder(path))
        return {};
    return path;
}

bool AccountStorage::wipeLocalData(QStringList *problems) const
{
    const AccountPaths paths = this->paths();
    bool ok = removePath(paths.cacheDirectory(), problems);
    ok = removePath(paths.temporaryDirectory(), problems) && ok;
    ok = removePath(paths.draftsDirectory(), problems) && ok;
    qCInfo(lcAccount).noquote() << "local data of" << m_accountId << (ok ? "wiped" : "partly wiped");
    return ok;
}

bool AccountStorage::eraseFiles(QStringList *problems) const
{
    bool ok = true;
    // Every path the account has, so that none can be forgotten here: outbox and automatic
    // replies included (on a shared workstation, what was not sent is not sent from here later).
    const QStringList all = paths().all();
    for (const QString &path : all)
        ok = removePath(path, problems) && ok;
    qCInfo(lcAccount).noquote() << "files of" << m_accountId << (ok ? "erased" : "partly erased");
    return ok;
}

void AccountStorage::eraseAll(CredentialStore *credentials, EraseCallback done) const
{
    const AccountStorage self = *this;
    auto finish = [self, done](const CredentialStore::Result &keychain) {
        EraseResult result;
        // No entry, or no keychain at all, both mean nothing is stored there.
        if (!keychain.ok() && keychain.status != CredentialStore::Status::NotFound &&
            keychain.status != CredentialStore::Status::Unavailable) {
            result.ok = false;
            result.problems.append(keychain.message);
        }
        if (!self.eraseFiles(&result.problems))
            result.ok = false;
        QString error;
        if (!self.m_profile.removeAccount(self.m_accountId, &error)) {
            result.ok = false;
            result.problems.append(error);
        }
        if (done)
            done(result);
    };
    if (!credentials) {
        CredentialStore::Result none;
        none.status = CredentialStore::Status::NotFound;
        finish(none);
        return;
    }
    credentials->deletePassword(m_accountId, finish);
}

AccountStorage::EraseResult AccountStorage::eraseAllAndWait(CredentialStore *credentials) const
{
    QEventLoop loop;
    EraseResult outcome;
    bool finished = false;
    eraseAll(credentials, [&](const EraseResult &result) {
        outcome = result;
        finished = true;
        loop.quit();
    });
    if (!finished)
        loop.exec();
    return outcome;
}

} // namespace Amiens
