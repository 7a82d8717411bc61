#pragma once

#include "FolderSynchronizer.h"
#include "SyncOptions.h"

namespace Amiens {

class ImapConnection;
class MailCache;

/// A whole account: the folder list, then every folder's headers (inbox first, so it is
/// usable at once), then the bodies the policy asks for.
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
