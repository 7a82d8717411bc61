#include "AutoReplyRules.h"

#include "mdn/ReadReceiptRules.h"
#include "mime/RawHeaderFields.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

QStringList addressesIn(const QByteArray &value)
{
    QStringList result;
    static const QRegularExpression address(u"[^\\s<>\",;:()]+@[^\\s<>\",;:()]+"_s);
    auto it = address.globalMatch(QString::fromLatin1(value));
    while (it.hasNext())
        result.append(it.next().captured(0).toLower());
    return result;
}

} // namespace

bool AutoReplyRules::isRobotAddress(const QString &address)
{
    // RFC 3834 §2 and what list software and servers send from.
    static const QRegularExpression robot(
        u"^(no[-_.]?reply|do[-_.]?not[-_.]?reply|ne[-_.]?pas[-_.]?repondre|mailer[-_.]?daemon|postmaster|"
        "listserv|majordomo|sympa|mailman|bounces?|owner-.*|.*-request|.*-bounces?|.*-owner|noreply[-_.+].*|"
        "no-reply[-_.+].*)$"_s,
        QRegularExpression::CaseInsensitiveOption);
    return robot.match(address.section(u'@', 0, 0)).hasMatch();
}

AutoReplyRules::Incoming AutoReplyRules::fromRaw(const QByteArray &raw, const QDateTime &received)
{
    const RawHeaderFields fields(raw);
    Incoming message;
    const QByteArray returnPath = fields.value("Return-Path");
    message.nullReturnPath =
        fields.contains("Return-Path") && RawHeaderFields::bareAddress(returnPath).isEmpty();
    message.from = RawHeaderFields::bareAddress(fields.value("From"));
    message.sender = message.nullReturnPath ? QString() : RawHeaderFields::bareAddress(returnPath);
    if (message.sender.isEmpty() && !message.nullReturnPath)
        message.sender = message.from;
    message.recipients = addressesIn(fields.value("To")) + addressesIn(fields.value("Cc"));
    message.autoSubmitted = fields.value("Auto-Submitted").trimmed().toLower();
    message.precedence = fields.value("Precedence").trimmed().toLower();
    message.listHeaders = fields.containsPrefix("List-");
    message.received = received;
    return message;
}

AutoReplyRules::Outcome AutoReplyRules::decide(const VacationSettings &settings, const QDateTime &enabledAt,
                                               const Incoming &message, const QStringList &ourAddresses,
                                               const std::optional<QDateTime> &lastReply)
{
    if (!settings.enabled || !message.received.isValid() || !settings.coversTime(message.received))
        return Outcome::Off;
    if (enabledAt.isValid() && message.received < enabledAt)
        return Outcome::BeforeEnabled;
    if (!message.autoSubmitted.isEmpty() && !message.autoSubmitted.startsWith("no"))
        return Outcome::AutoSubmitted;
    if (message.listHeaders)
        return Outcome::MailingList;
    if (message.precedence == "bulk" || message.precedence == "list" || message.precedence == "junk")
        return Outcome::Bulk;
    if (message.nullReturnPath || message.sender.isEmpty())
        return Outcome::NoSender;
    if (isRobotAddress(message.sender) || isRobotAddress(message.from))
        return Outcome::NoReplySender;
    if (ourAddresses.contains(message.sender) || ourAddresses.contains(message.from))
        return Outcome::OwnAddress;
    const bool addressedToUs =
        std::any_of(message.recipients.cbegin(), message.recipients.cend(),
                    [&](const QString &recipient) { return ourAddresses.contains(recipient); });
    if (!addressedToUs)
        return Outcome::NotAddressedToUs;
    if (settings.academyOnly && !ReadReceiptRules::isInDomains(message.sender, settings.academyDomains))
        return Outcome::OutsideAcademy;
    if (lastReply && lastReply->isValid() && lastReply->addDays(settings.days) > message.received)
        return Outcome::AlreadyAnswered;
    return Outcome::Reply;
}

} // namespace Amiens
