#pragma once

#include "sync/SyncOptions.h"

namespace Amiens {
class AccountSession;
}

namespace Amiens::Test {

/// Starts a sync of @p session and waits for it and its search index (up to @p timeoutMs each);
/// true when both finished without error. The set-up step of the tests that need a cache filled from the real
/// server.
bool synchronizeAndWait(AccountSession &session, SyncOptions::Bodies bodies = SyncOptions::Bodies::All,
                        int timeoutMs = 30000);

} // namespace Amiens::Test
