#pragma once

#include "MessageHeaders.h"

#include <QByteArrayView>
#include <QList>

namespace Amiens {

/// Reads the addresses of a header field value (RFC 5322 §3.4 and its obsolete forms): display
/// names (quoted, encoded words, comments dropped), angle addresses, bare addr-specs, groups
/// flattened, routes. It splits and reads addresses exactly as VMime 0.9.2 did, quirks included,
/// so results did not change when HeaderDecoder stopped using VMime, except where VMime was
/// wrong (see AddressListParser.cpp). Iterative: nested groups cannot exhaust the stack.
class AddressListParser
{
public:
    /// Every mailbox of an address list (To, Cc), group members in place of their group.
    [[nodiscard]] static QList<MailAddress> parseList(QByteArrayView value);
    /// The mailboxes of a From or Reply-To field. One mailbox is read as VMime read these fields,
    /// the whole value as one mailbox (a stray ':' or ';' stays in the name); several addresses
    /// or a group ("team: a, b;") are read as a list.
    [[nodiscard]] static QList<MailAddress> parseMailboxField(QByteArrayView value);
    /// Recipients as a person types or pastes them in the composer: separated by commas or by
    /// semicolons (as Outlook shows them), names with accents as they are, "Dupont, Marie" quoted.
    /// Empty entries are skipped; a word that is no address comes back as the address, for the
    /// message builder to refuse with its French error.
    [[nodiscard]] static QList<MailAddress> parseTyped(QStringView text);
};

} // namespace Amiens
