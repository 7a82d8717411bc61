#pragma once

#include "imap/FolderInfo.h"

#include <QList>

namespace Amiens {

class ImapConnection;

/// LIST "" "*" on a logged-in connection: every mailbox with its SPECIAL-USE role, the inbox
/// first, then the special folders, then the others by path (sub-folders after their parent).
class FolderList
{
public:
    [[nodiscard]] static QList<FolderInfo> read(ImapConnection &connection);
};

} // namespace Amiens
