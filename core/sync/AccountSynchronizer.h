#pragma once

#include "FolderSynchronizer.h"
#include "SyncOptions.h"

namespace Amiens {

class ImapConnection;
class MailCache;

/// A whole account: the folder list, then every folder's new messages (inbox first, so it is
/// usable at once; with their bodies when the policy wants them), then the bodies of older
/// messages the policy asks for that are not cached yet.
class AccountSynchronizer
{
public:
    AccountSynchronizer(ImapConnection &connection, MailCache &cache, SyncOptions options,
                        FolderSynchronizer::Progress progress);

    SyncReport run();

private:
    ImapConnection &m_connection;
    MailCache &m_cache;
    SyncOptions m_options;
    FolderSynchronizer::Progress m_progress;
};

} // namespace Amiens
