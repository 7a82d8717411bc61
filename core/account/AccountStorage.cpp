#include "AccountStorage.h"

#include "drafts/DraftStore.h"
#include "security/CredentialStore.h"
#include "util/Logging.h"
#include "util/PrivateFiles.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

bool removeTree(const QString &path, QStringList *problems)
{
    QDir dir(path);
    if (!dir.exists())
        return true;
    if (dir.removeRecursively())
        return true;
    if (problems)
        problems->append(
            AccountStorage::tr("Cannot delete the folder %1.").arg(QDir::toNativeSeparators(path)));
    return false;
}

} // namespace

AccountStorage::AccountStorage(Profile profile, QString accountId)
    : m_profile(std::move(profile))
    , m_accountId(std::move(accountId))
{
}

QString AccountStorage::folderKey(const QString &accountId)
{
    return QString::fromLatin1(accountId.toUtf8().toHex());
}

QString AccountStorage::cacheDirectory() const
{
    return m_profile.directory() + u"/cache/"_s + folderKey(m_accountId);
}

QString AccountStorage::temporaryDirectory() const
{
    return m_profile.directory() + u"/tmp/"_s + folderKey(m_accountId);
}

QString AccountStorage::ensureTemporaryDirectory() const
{
    const QString path = temporaryDirectory();
    if (!m_profile.ensureExists(nullptr) || !PrivateFiles::makeFolder(path))
        return {};
    return path;
}

bool AccountStorage::wipeLocalData(QStringList *problems) const
{
    bool ok = removeTree(cacheDirectory(), problems);
    ok = removeTree(temporaryDirectory(), problems) && ok;
    // Drafts are the user's unsent writing: kept across cache rebuilds, but not on a shared workstation.
    ok = removeTree(DraftStore::directoryFor(m_profile.directory(), m_accountId), problems) && ok;
    qCInfo(lcAccount).noquote() << "local data of" << m_accountId << (ok ? "wiped" : "partly wiped");
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
        if (!self.wipeLocalData(&result.problems))
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
