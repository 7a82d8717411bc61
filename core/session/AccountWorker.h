#pragma once

#include "cache/MailCache.h"
#include "imap/ImapConnection.h"
#include "jobs/ImapJob.h"

#include <QObject>
#include <memory>
#include <optional>

namespace Amiens {

/// Lives on one account's worker thread and runs that account's IMAP jobs one after the other on
/// a single connection, opened lazily and reopened after a failure.
class AccountWorker : public QObject
{
    Q_OBJECT
public:
    AccountWorker(Account account, TlsTrust trust, CancellationFlag cancelled);
    ~AccountWorker() override;

    /// @p oneTime: an OTP passcode, good for one login only; it is forgotten once used, so a
    /// later reconnection asks for a new one instead of sending a spent code (which servers count
    /// as a failed attempt, and may block the account for).
    void setPassword(const QString &password, bool oneTime = false);
    /// Where the account's offline cache lives; opened at the first job.
    void setCachePath(const QString &path);
    /// The account's cache, opened if needed; null when it cannot be opened.
    MailCache *cache();
    /// See CacheMessageStore::setIndexBodiesWhenStored().
    void setIndexBodiesWhenStored(bool indexWhenStored);
    /// Runs @p job; returns the error, if any. Called on the worker thread.
    std::optional<ServiceError> execute(ImapJob &job);

    /// What one pass of the search index did.
    struct IndexSlice
    {
        int indexed = 0;   ///< messages indexed (or found without a readable body) by this pass
        int remaining = 0; ///< messages still waiting
        bool failed = false;
    };
    /// Indexes stored bodies for search (text, preview, paper clip: reindexOutdatedBodies) in
    /// batches of @p batchSize until none is left or @p budgetMilliseconds have passed (< 0: no
    /// limit). Called on the worker thread, between jobs; nothing goes to the network.
    IndexSlice indexForSearch(qint64 budgetMilliseconds, int batchSize);

private:
    std::optional<ServiceError> ensureOpen();
    std::optional<ServiceError> ensureCacheOpen();

    std::unique_ptr<ImapConnection> m_connection;
    MailCache m_cache;
    QString m_cachePath;
    QString m_password;
    bool m_hasPassword = false;
    bool m_oneTime = false;
};

} // namespace Amiens
