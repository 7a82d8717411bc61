#pragma once

#include "imap/FolderInfo.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <optional>

namespace Amiens {

class ImapConnection;

/// LIST "" "*" on a logged-in connection: every mailbox with its SPECIAL-USE role, the inbox
/// first, then the special folders, then the others by path (sub-folders after their parent).
class FolderList
{
public:
    /// Through VMime's getFolders(): for servers without LIST-STATUS (the sync reads the list
    /// with the folders' states in one round trip otherwise, ImapCommandChannel::listMailboxes).
    [[nodiscard]] static QList<FolderInfo> read(ImapConnection &connection);
    /// The "* LIST (flags) delimiter name" lines among @p untagged (raw, literals inline; STATUS
    /// and other lines skipped) as read() gives them: the same decoding, roles, order. @p separator
    /// is the connection's; @p childrenCapability says whether the server announced CHILDREN
    /// (without it, VMime takes every folder to have children). nullopt and @p error when a LIST
    /// line is malformed.
    [[nodiscard]] static std::optional<QList<FolderInfo>> fromListResponses(const QList<QByteArray> &untagged,
                                                                            QChar separator,
                                                                            bool childrenCapability,
                                                                            QString *error = nullptr);
    /// A mailbox name as the server sends it (modified UTF-7, RFC 3501 §5.1.3) in UTF-16,
    /// decoded by the same VMime routine as the names read(); a name that does not decode
    /// is kept as it came (Latin-1), never dropped.
    [[nodiscard]] static QString decodeName(const QByteArray &modifiedUtf7);
};

} // namespace Amiens
