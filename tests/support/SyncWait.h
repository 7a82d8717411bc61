#pragma once

#include "sync/SyncOptions.h"

namespace Amiens {
class AccountSession;
}

namespace Amiens::Test {

/// Starts a sync of @p session and waits for it (up to @p timeoutMs); true when it finished
/// without error. The set-up step of the tests that need a cache filled from the real server.
bool synchronizeAndWait(AccountSession &session, SyncOptions::Bodies bodies = SyncOptions::Bodies::All,
                        int timeoutMs = 30000);

} // namespace Amiens::Test
