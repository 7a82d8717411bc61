#pragma once

#include "ReadReceiptBuilder.h"
#include "ReadReceiptRules.h"
#include "account/Account.h"
#include "cache/CachedMessage.h"

#include <QCoreApplication>

namespace Amiens {

/// Between a displayed message and the outbox: the facts the rules need, read from the message's
/// raw header, and the receipt queued durably (at most once per original).
/// The caller then sets $MDNSent on the original through the offline changes, so the rule
/// "never twice" holds offline and across clients.
class ReadReceiptQueue
{
    Q_DECLARE_TR_FUNCTIONS(Amiens::ReadReceiptQueue)

public:
    [[nodiscard]] static ReadReceiptRules::Message facts(const CachedMessage &summary, const QByteArray &raw,
                                                         bool ownFolder);
    [[nodiscard]] static ReadReceiptRules::Decision decide(const ReadReceiptPolicy &policy,
                                                           const Account &account,
                                                           const CachedMessage &summary,
                                                           const QByteArray &raw, bool ownFolder);
    /// Writes the receipt for @p summary to the account's outbox; false and @p error (French) when
    /// the outbox cannot be written or the message names no address to answer.
    static bool queue(const Account &account, const QString &outboxDirectory, const CachedMessage &summary,
                      const QByteArray &raw, ReadReceiptBuilder::Mode mode, QString *error);
};

} // namespace Amiens
