#pragma once

#include "MessageTransferQueue.h"

#include <QCoreApplication>
#include <QStringList>

namespace Amiens {

class ImapCommandChannel;
class MailCache;
struct PendingOperation;

/// Sends the queued changes to the server, oldest first. A change whose messages are gone from
/// the server is dropped and reported: the server wins. A refused command is retried at the next
/// sync, three times at most; a lost connection stops the replay with the rest still queued.
/// A move to another account removes the messages only once that account's server has them.
class PendingOperationReplayer
{
    Q_DECLARE_TR_FUNCTIONS(Amiens::PendingOperationReplayer)

public:
    struct Result
    {
        int applied = 0;
        QStringList conflicts; ///< French, one per dropped change
        /// When the first change still in its undo window may be sent (seconds since the
        /// epoch); 0 when none waits.
        qint64 heldUntil = 0;
    };

    static constexpr int kMaxAttempts = 3;

    PendingOperationReplayer(ImapCommandChannel &channel, MailCache &cache);
    /// Sends the changes whose undo window has passed at @p now (seconds since the epoch); the
    /// first one still in its window stops the replay, so that changes keep their order.
    Result run(qint64 now);
    Result run();

private:
    /// A TransferOut: the source copy goes once the target account's record says the message was
    /// added there; put back when the target refused it or the transfer is gone; otherwise it
    /// waits. True when the operation is finished (removed from the queue).
    bool replayTransferOut(const PendingOperation &operation, Result &result, QString &selected);
    /// The account a TransferOut moves to, and the transfer it waits for (its argument).
    struct TransferTarget
    {
        QString account;
        QString transferId;
    };
    [[nodiscard]] static TransferTarget targetOf(const PendingOperation &operation);
    /// @p account's transfer queue, in this cache's profile.
    [[nodiscard]] MessageTransferQueue transfersOf(const QString &account) const;
    /// Drops that transfer's record (this account keeps its copy after all).
    void forgetTransfer(const PendingOperation &operation) const;
    /// Messages were removed for good: the cached quota is stale (CacheQuotaStore::markStale()).
    void markQuotaStale();

    ImapCommandChannel &m_channel;
    MailCache &m_cache;
};

} // namespace Amiens
