#pragma once

#include <QString>

namespace Amiens {
struct Account;
struct BuiltMessage;
} // namespace Amiens

namespace Amiens::Test {

/// Sends @p message as @p account through a throw-away outbox and the real SMTP server, the way
/// another user's client would; @p cachePath is that sender's own cache. True once the outbox
/// reports it finished (delivery to the recipient is the caller's to wait for).
bool sendThroughOutbox(const Account &account, const QString &password, const BuiltMessage &message,
                       const QString &cachePath);

} // namespace Amiens::Test
