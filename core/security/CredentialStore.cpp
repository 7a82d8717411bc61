#include "CredentialStore.h"

#include "util/Logging.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <qt6keychain/keychain.h>

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

CredentialStore::Result resultOf(const QKeychain::Job &job)
{
    CredentialStore::Result result;
    switch (job.error()) {
    case QKeychain::NoError:
        result.status = CredentialStore::Status::Ok;
        return result;
    case QKeychain::EntryNotFound:
        result.status = CredentialStore::Status::NotFound;
        result.message = CredentialStore::tr("No password is stored for this account in the keychain.");
        return result;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        result.status = CredentialStore::Status::AccessDenied;
        result.message =
            CredentialStore::tr("The keychain refused access (it may be locked): %1").arg(job.errorString());
        return result;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        result.status = CredentialStore::Status::Unavailable;
        result.message =
            CredentialStore::tr("No keychain is available on this computer: %1").arg(job.errorString());
        return result;
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::OtherError:
        break;
    }
    // With Secret Service a missing D-Bus session or keyring daemon shows up as OtherError
    // (shared/research/test-servers.md §B), so report it as "unavailable" with the details.
    result.status = CredentialStore::Status::Unavailable;
    result.message = CredentialStore::tr("The keychain could not be used: %1").arg(job.errorString());
    return result;
}

template <typename JobType>
void runJob(JobType *job, const CredentialStore::Callback &done, const QString &what)
{
    QObject::connect(job, &QKeychain::Job::finished, job, [done, what](QKeychain::Job *finished) {
        CredentialStore::Result result = resultOf(*finished);
        if (auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(finished); read && result.ok())
            result.secret = read->textData();
        if (!result.ok())
            qCWarning(lcCredentials) << what << "failed:" << result.message;
        if (done)
            done(result);
    });
    job->start();
}

CredentialStore::Result waitFor(const std::function<void(CredentialStore::Callback)> &start)
{
    QEventLoop loop;
    CredentialStore::Result outcome;
    start([&](const CredentialStore::Result &result) {
        outcome = result;
        loop.quit();
    });
    loop.exec();
    return outcome;
}

} // namespace

CredentialStore::CredentialStore(QString serviceName, QObject *parent)
    : QObject(parent)
    , m_serviceName(std::move(serviceName))
{
}

QString CredentialStore::defaultServiceName()
{
    return u"amiens-mail"_s;
}

void CredentialStore::readPassword(const QString &accountId, Callback done)
{
    auto *job = new QKeychain::ReadPasswordJob(m_serviceName, this);
    job->setKey(accountId);
    runJob(job, done, u"reading the password"_s);
}

void CredentialStore::writePassword(const QString &accountId, const QString &password, Callback done)
{
    auto *job = new QKeychain::WritePasswordJob(m_serviceName, this);
    job->setKey(accountId);
    job->setTextData(password);
    runJob(job, done, u"storing the password"_s);
}

void CredentialStore::deletePassword(const QString &accountId, Callback done)
{
    auto *job = new QKeychain::DeletePasswordJob(m_serviceName, this);
    job->setKey(accountId);
    runJob(job, done, u"deleting the password"_s);
}

CredentialStore::Result CredentialStore::readPasswordAndWait(const QString &accountId)
{
    return waitFor([&](Callback done) { readPassword(accountId, std::move(done)); });
}

CredentialStore::Result CredentialStore::writePasswordAndWait(const QString &accountId,
                                                              const QString &password)
{
    return waitFor([&](Callback done) { writePassword(accountId, password, std::move(done)); });
}

CredentialStore::Result CredentialStore::deletePasswordAndWait(const QString &accountId)
{
    return waitFor([&](Callback done) { deletePassword(accountId, std::move(done)); });
}

} // namespace Amiens
