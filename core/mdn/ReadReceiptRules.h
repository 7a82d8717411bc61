#pragma once

#include "settings/ReadReceiptPolicy.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace Amiens {

/// What to do with a request for a read receipt (RFC 8098 §2.1) when the message is displayed.
class ReadReceiptRules
{
public:
    enum class Action
    {
        Ignore, ///< no receipt and no question (no request, already answered, own mail, policy "jamais")
        Ask,    ///< show the bar: "Envoyer l'accusé" / "Ignorer"
        Send,   ///< send at once, "automatic-action/MDN-sent-automatically"
    };

    /// Why, for the tests and the logs.
    enum class Reason
    {
        NoRequest,
        AlreadySent,   ///< $MDNSent on the message: never twice
        OwnFolder,     ///< in Sent or Drafts
        AutoSubmitted, ///< the message itself is automatic (Auto-Submitted other than "no")
        PolicyNever,
        PolicyAsk,
        OutsideAcademy,    ///< "toujours", but the sender is outside the academy: ask
        ReturnPathDiffers, ///< Return-Path is not the requested address: ask (RFC 8098 §2.1)
        NotAddressedToUs,  ///< we are not in To or Cc (Bcc, list): ask
        Automatic,         ///< "toujours" and every rule allows it
    };

    /// The facts about one displayed message.
    struct Message
    {
        QString notificationTo;   ///< the Disposition-Notification-To address, empty when none
        QString returnPath;       ///< the Return-Path address, empty when the header is missing
        QByteArray autoSubmitted; ///< the Auto-Submitted value, empty when missing
        QStringList recipients;   ///< To and Cc addresses
        QStringList keywords;     ///< the IMAP flags and keywords
        bool ownFolder = false;   ///< Sent or Drafts
    };

    struct Decision
    {
        Action action = Action::Ignore;
        Reason reason = Reason::NoRequest;
    };

    /// @p ourAddresses: the account's addresses (lower case); @p academyDomains as PhishingAnalyzer's.
    [[nodiscard]] static Decision decide(const ReadReceiptPolicy &policy, const Message &message,
                                         const QStringList &ourAddresses, const QStringList &academyDomains);

    /// Whether @p address is in one of @p domains or a subdomain of one.
    [[nodiscard]] static bool isInDomains(const QString &address, const QStringList &domains);
};

} // namespace Amiens
