#include "ReadReceiptQueue.h"

#include "mime/RawHeaderFields.h"
#include "outbox/EnqueueOnce.h"
#include "security/PhishingAnalyzer.h"

using namespace Qt::StringLiterals;

namespace Amiens {

ReadReceiptRules::Message ReadReceiptQueue::facts(const CachedMessage &summary, const QByteArray &raw,
                                                  bool ownFolder)
{
    const RawHeaderFields fields(raw);
    ReadReceiptRules::Message message;
    message.notificationTo = RawHeaderFields::bareAddress(fields.value("Disposition-Notification-To"));
    message.returnPath = RawHeaderFields::bareAddress(fields.value("Return-Path"));
    message.autoSubmitted = fields.value("Auto-Submitted");
    for (const QList<MailAddress> *list : {&summary.headers.to, &summary.headers.cc}) {
        for (const MailAddress &address : *list)
            message.recipients.append(address.address.toLower());
    }
    message.keywords = summary.flags;
    message.ownFolder = ownFolder;
    return message;
}

ReadReceiptRules::Decision ReadReceiptQueue::decide(const ReadReceiptPolicy &policy, const Account &account,
                                                    const CachedMessage &summary, const QByteArray &raw,
                                                    bool ownFolder)
{
    return ReadReceiptRules::decide(policy, facts(summary, raw, ownFolder), {account.address.toLower()},
                                    PhishingAnalyzer::defaultTrustedDomains());
}

bool ReadReceiptQueue::queue(const Account &account, const QString &outboxDirectory,
                             const CachedMessage &summary, const QByteArray &raw,
                             ReadReceiptBuilder::Mode mode, QString *error)
{
    const RawHeaderFields fields(raw);
    ReadReceiptBuilder::Original original;
    original.messageId = summary.headers.messageId;
    original.subject = summary.headers.subject;
    original.date = summary.headers.date;
    original.notificationTo = RawHeaderFields::bareAddress(fields.value("Disposition-Notification-To"));
    original.originalRecipient = QString::fromLatin1(fields.value("Original-Recipient"));
    if (original.notificationTo.isEmpty()) {
        if (error)
            *error = tr("This message does not say where to send a read receipt.");
        return false;
    }
    Outbox outbox(outboxDirectory);
    const BuiltMessage receipt =
        ReadReceiptBuilder::build(original, MailAddress{account.realName, account.address}, mode);
    return enqueueOnce(outbox, receipt, error);
}

} // namespace Amiens
