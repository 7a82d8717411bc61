#pragma once

#include "imap/MailboxState.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <optional>

namespace Amiens {

/// The state in a raw SELECT or EXAMINE reply (RFC 3501 §6.3.1, RFC 7162 §3.1.2): "* n EXISTS" and
/// the UIDVALIDITY, UIDNEXT and HIGHESTMODSEQ response codes of its untagged OK lines, for an
/// EXAMINE sent in a pipelined batch (ImapCommandChannel::executeRawPipelined). FLAGS, RECENT,
/// PERMANENTFLAGS, UNSEEN, CLOSED and anything else are skipped.
class ImapSelectParser
{
public:
    /// nullopt and @p error when a number is malformed, or when EXISTS or UIDVALIDITY is missing
    /// (a state without UIDVALIDITY would make the cache look stale and be fetched again).
    [[nodiscard]] static std::optional<MailboxState> parse(const QList<QByteArray> &untagged,
                                                           QString *error = nullptr);
};

} // namespace Amiens
