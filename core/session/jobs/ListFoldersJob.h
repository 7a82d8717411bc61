#pragma once

#include "ImapJob.h"
#include "imap/FolderInfo.h"

#include <QList>

namespace Amiens {

/// LIST "" "*" on the worker (FolderList): every mailbox with its SPECIAL-USE role.
class ListFoldersJob final : public ImapJob
{
public:
    [[nodiscard]] QString name() const override;
    void run(ImapConnection &connection, MailCache &cache) override;
    /// Inbox first, then the special folders, then the others by path.
    [[nodiscard]] const QList<FolderInfo> &folders() const { return m_folders; }

private:
    QList<FolderInfo> m_folders;
};

} // namespace Amiens
