#include "AccountWorker.h"

#include "util/Logging.h"

#include <QCoreApplication>
#include <QElapsedTimer>

namespace Amiens {

AccountWorker::AccountWorker(Account account, TlsTrust trust, CancellationFlag cancelled)
    : m_connection(
          std::make_unique<ImapConnection>(std::move(account), std::move(trust), std::move(cancelled)))
{
}

AccountWorker::~AccountWorker() = default;

void AccountWorker::setPassword(const QString &password, bool oneTime)
{
    m_password = password;
    m_hasPassword = true;
    m_oneTime = oneTime;
    m_connection->close();
}

void AccountWorker::setCachePath(const QString &path)
{
    m_cache.close();
    m_cachePath = path;
}

std::optional<ServiceError> AccountWorker::ensureCacheOpen()
{
    if (m_cache.isOpen() || m_cachePath.isEmpty())
        return std::nullopt;
    QString message;
    if (m_cache.open(m_cachePath, m_connection->account().id, MailCache::Mode::ReadWrite, &message))
        return std::nullopt;
    ServiceError error;
    error.kind = ServiceError::Kind::Storage;
    error.message = message;
    return error;
}

void AccountWorker::setIndexBodiesWhenStored(bool indexWhenStored)
{
    m_cache.messageStore().setIndexBodiesWhenStored(indexWhenStored);
}

MailCache *AccountWorker::cache()
{
    return ensureCacheOpen() || !m_cache.isOpen() ? nullptr : &m_cache;
}

std::optional<ServiceError> AccountWorker::ensureOpen()
{
    if (m_connection->isOpen())
        return std::nullopt;
    if (!m_hasPassword) {
        ServiceError error;
        error.kind = ServiceError::Kind::Authentication;
        error.message =
            m_oneTime
                ? tr("A new passcode is needed to connect %1 again.").arg(m_connection->account().address)
                : tr("The password of %1 is needed to connect.").arg(m_connection->account().address);
        return error;
    }
    auto error = m_connection->open(m_password);
    if (m_oneTime) {
        // Used (or refused): never sent again.
        m_password.clear();
        m_hasPassword = false;
    }
    return error;
}

std::optional<ServiceError> AccountWorker::execute(ImapJob &job)
{
    // A connection reused from an earlier job may have been closed by the server meanwhile:
    // such a failure gets one fresh connection before it is reported.
    if (auto error = ensureCacheOpen())
        return error;
    const bool reused = m_connection->isOpen();
    for (int attempt = 0; attempt < 2; ++attempt) {
        if (auto error = ensureOpen())
            return error;
        try {
            job.run(*m_connection, m_cache);
            return std::nullopt;
        } catch (...) {
            ServiceError error = m_connection->translate(std::current_exception());
            qCWarning(lcImap).noquote()
                << job.name() << "failed:" << error.message << "(" << error.technical << ")";
            // After an exception the protocol state is unknown: never reuse the connection.
            m_connection->close();
            if (!(reused && attempt == 0 && error.kind == ServiceError::Kind::Network))
                return error;
        }
    }
    return std::nullopt;
}

AccountWorker::IndexSlice AccountWorker::indexForSearch(qint64 budgetMilliseconds, int batchSize)
{
    IndexSlice slice;
    MailCache *cache = this->cache();
    if (!cache) {
        slice.failed = true;
        return slice;
    }
    QElapsedTimer timer;
    timer.start();
    do {
        const int done = cache->messageStore().reindexOutdatedBodies(batchSize);
        if (done < 0) {
            qCWarning(lcCache).noquote() << "search index:" << cache->lastError();
            slice.failed = true;
            return slice;
        }
        slice.indexed += done;
        if (done == 0)
            return slice;
    } while (budgetMilliseconds < 0 || timer.elapsed() < budgetMilliseconds);
    slice.remaining = cache->messageStore().unindexedCount();
    return slice;
}

} // namespace Amiens
