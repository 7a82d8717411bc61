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
    return QTest::qWaitFor([&] { return finished; }, timeoutMs) && ok;
}

} // namespace Amiens::Test
