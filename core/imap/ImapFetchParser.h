#pragma once

#include "imap/FetchedMessage.h"
#include "imap/ImapResponse.h"

#include <QByteArray>
#include <QString>
#include <optional>

namespace Amiens {

/// One untagged FETCH response read raw (RFC 3501 §7.4.2, RFC 7162 §3.1.4): UID, FLAGS,
/// RFC822.SIZE, MODSEQ, INTERNALDATE, BODY[] and BODY[HEADER]; any other item (ENVELOPE,
/// BODYSTRUCTURE, X-GM-LABELS…) is skipped whatever it holds, nesting read with a counter. The
/// body literal is handed over as the reader received it (ImapLineAssembler), never copied.
/// It replaces VMime 0.9.2's parser for FETCH replies, which builds an object per token, checks
/// every reply against the last tag sent (no second command can be in flight) and rejects a whole
/// reply over an INTERNALDATE (core/net/VmimeTraps.md).
class ImapFetchParser
{
public:
    struct Fetched
    {
        quint32 sequence = 0;    ///< the message sequence number before FETCH
        FetchedMessage message;  ///< uid 0 when the server did not send it (an unsolicited update)
        QByteArray body;         ///< BODY[], empty when it was not sent
        bool hasSection = false; ///< a BODY[…] item came, whichever section, even NIL or empty
    };

    /// Whether @p text starts an untagged FETCH response ("* 12 FETCH ").
    [[nodiscard]] static bool isFetch(const QByteArray &text);
    /// nullopt and @p error when the response is malformed (a number too long, a list left open,
    /// a missing value).
    [[nodiscard]] static std::optional<Fetched> parse(ImapResponse response, QString *error = nullptr);
    /// "22-May-2025 10:03:00 +0200" (RFC 3501 date-time, the day possibly space-padded) in UTC;
    /// an invalid QDateTime when malformed.
    [[nodiscard]] static QDateTime internalDate(const QByteArray &text);
};

} // namespace Amiens
