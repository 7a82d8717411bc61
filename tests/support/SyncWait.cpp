#include "SyncWait.h"

#include "session/AccountSession.h"

#include <QTest>

namespace Amiens::Test {

bool synchronizeAndWait(AccountSession &session, SyncOptions::Bodies bodies, int timeoutMs)
{
    bool finished = false;
    bool ok = false;
    QObject context;
    QObject::connect(&session, &AccountSession::syncFinished, &context, [&] { finished = ok = true; });
    QObject::connect(&session, &AccountSession::errorOccurred, &context, [&] { finished = true; });
    session.synchronize(SyncOptions{bodies});
    if (!QTest::qWaitFor([&] { return finished; }, timeoutMs) || !ok)
        return false;
    // The cache complete, as the tests expect it: previews, paper clips and the bodies' words
    // come with the search index, which the sync leaves to run after it (issue 19).
    bool indexed = false;
    session.buildSearchIndex([&](int count) {
        indexed = true;
        ok = count >= 0;
    });
    return QTest::qWaitFor([&] { return indexed; }, timeoutMs) && ok;
}

} // namespace Amiens::Test
