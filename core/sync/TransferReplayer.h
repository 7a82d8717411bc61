#pragma once

#include "MessageTransferQueue.h"

#include <QCoreApplication>
#include <QStringList>

namespace Amiens {

class ImapCommandChannel;

/// Adds to this account's server the messages moved or copied here from another account
/// (MessageTransferQueue), oldest first, each exactly once: the record says « attempted » before
/// the APPEND goes out, and after a crash an attempted message is looked up by its Message-ID
/// before being sent again (a message without a Message-ID cannot be looked up: after such a
/// crash it may arrive twice, never zero times). A full mailbox ([OVERQUOTA]) keeps the message queued for
/// later; any other refusal is retried three times, then the source account keeps its copy.
class TransferReplayer
{
    Q_DECLARE_TR_FUNCTIONS(Amiens::TransferReplayer)

public:
    struct Result
    {
        int appended = 0;
        QStringList problems;   ///< French, for the user
        bool overQuota = false; ///< the server said the mailbox is full: the cached quota is stale
    };

    static constexpr int kMaxAttempts = 3;

    TransferReplayer(ImapCommandChannel &channel, MessageTransferQueue &queue);
    Result run();

private:
    /// Whether a message with @p messageId already is in @p folderPath (an APPEND that reached
    /// the server before the client could write it down).
    bool alreadyOnServer(const QString &folderPath, const QString &messageId);

    ImapCommandChannel &m_channel;
    MessageTransferQueue &m_queue;
};

} // namespace Amiens
