#include "MockClock.h"

namespace Amiens::Test {

MockClock::MockClock(const QDateTime &start)
    : m_msecs(start.toMSecsSinceEpoch())
{
    install(this);
}

MockClock::~MockClock()
{
    install(nullptr);
}

void MockClock::set(const QDateTime &time)
{
    m_msecs = time.toMSecsSinceEpoch();
}

void MockClock::advanceSeconds(qint64 seconds)
{
    m_msecs += seconds * 1000;
}

qint64 MockClock::now() const
{
    return m_msecs;
}

} // namespace Amiens::Test
