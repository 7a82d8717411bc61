#pragma once

#include "Outbox.h"

namespace Amiens {

/// Queues @p message unless a message with the same Message-ID already waits in @p outbox: for
/// automatic messages (receipts, out-of-office replies) whose Message-ID is derived from what
/// they answer, so that a crash between the queue and the bookkeeping that follows never sends
/// one twice. Returns false (and @p error) only when the message could not be written.
inline bool enqueueOnce(Outbox &outbox, const BuiltMessage &message, QString *error)
{
    const QList<OutboxEntry> waiting = outbox.entries();
    for (const OutboxEntry &entry : waiting) {
        if (entry.messageId == message.messageId)
            return true;
    }
    return outbox.enqueue(message, error).has_value();
}

} // namespace Amiens
