#pragma once

#include "sieve/VacationSettings.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>
#include <optional>

namespace Amiens {

/// Whether the client-side out-of-office responder answers one message (RFC 3834 §2, the
/// rules Sieve vacation follows on the server, RFC 5230 §4).
class AutoReplyRules
{
public:
    enum class Outcome
    {
        Reply,
        Off,              ///< the absence is off or the message came outside the period
        BeforeEnabled,    ///< received before the absence was turned on
        AutoSubmitted,    ///< Auto-Submitted other than "no" (another responder, a bounce, a receipt)
        MailingList,      ///< List-Id or another List-* field
        Bulk,             ///< Precedence: bulk, list or junk
        NoReplySender,    ///< noreply, mailer-daemon, postmaster, list robots…
        NoSender,         ///< empty Return-Path ("<>", a bounce) or no address at all
        OwnAddress,       ///< sent by one of our addresses
        NotAddressedToUs, ///< none of our addresses in To or Cc (Bcc, lists)
        OutsideAcademy,   ///< "ne pas répondre aux messages extérieurs à l'académie"
        AlreadyAnswered,  ///< answered this sender less than N days ago
    };

    struct Incoming
    {
        QString sender; ///< where the reply goes: Return-Path, else From (lower case)
        bool nullReturnPath = false;
        QString from;           ///< the From address (lower case)
        QStringList recipients; ///< To and Cc (lower case)
        QByteArray autoSubmitted;
        QByteArray precedence;
        bool listHeaders = false; ///< List-Id, List-Unsubscribe, List-Post…
        QDateTime received;
    };

    /// Reads the fields the rules need from a raw message.
    [[nodiscard]] static Incoming fromRaw(const QByteArray &raw, const QDateTime &received);

    /// @p ourAddresses: the account's address and the settings' addresses (lower case).
    /// @p lastReply: when this sender was last answered, if ever.
    [[nodiscard]] static Outcome decide(const VacationSettings &settings, const QDateTime &enabledAt,
                                        const Incoming &message, const QStringList &ourAddresses,
                                        const std::optional<QDateTime> &lastReply);

    [[nodiscard]] static bool isRobotAddress(const QString &address);
};

} // namespace Amiens
