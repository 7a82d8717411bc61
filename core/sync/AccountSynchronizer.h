#pragma once

#include "FolderSynchronizer.h"
#include "SyncOptions.h"

namespace Amiens {

class ImapCommandChannel;
class ImapConnection;
class MailCache;

/// A whole account: the folder list, then every folder's new messages (inbox first, so it is
/// usable at once; with their bodies when the policy wants them), then the bodies of older
/// messages the policy asks for that are not cached yet. Before the folders, once per sync: the
/// namespaces and rights of shared folders, and the quota (issue 18), into the cache.
class AccountSynchronizer
{
public:
    AccountSynchronizer(ImapConnection &connection, MailCache &cache, SyncOptions options,
                        FolderSynchronizer::Progress progress);

    SyncReport run();

private:
    /// NAMESPACE, then MYRIGHTS of other users' and shared folders, into @p folders.
    void classifyFolders(ImapCommandChannel &channel, QList<FolderInfo> &folders);

    ImapConnection &m_connection;
    MailCache &m_cache;
    SyncOptions m_options;
    FolderSynchronizer::Progress m_progress;
};

} // namespace Amiens
