#pragma once

#include "imap/FolderInfo.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace Amiens {

class ImapConnection;

/// LIST "" "*" on a logged-in connection: every mailbox with its SPECIAL-USE role, the inbox
/// first, then the special folders, then the others by path (sub-folders after their parent).
class FolderList
{
public:
    [[nodiscard]] static QList<FolderInfo> read(ImapConnection &connection);
    /// A mailbox name as the server sends it (modified UTF-7, RFC 3501 §5.1.3) in UTF-16,
    /// decoded by the same VMime routine as the names read(); a name that does not decode
    /// is kept as it came (Latin-1), never dropped.
    [[nodiscard]] static QString decodeName(const QByteArray &modifiedUtf7);
};

} // namespace Amiens
