#include "Clock.h"

#include <atomic>

namespace Amiens {

namespace {

std::atomic<const Clock *> g_installed{nullptr};

} // namespace

void Clock::install(const Clock *clock)
{
    g_installed.store(clock);
}

qint64 Clock::currentMSecsSinceEpoch()
{
    const Clock *clock = g_installed.load();
    return clock ? clock->now() : QDateTime::currentMSecsSinceEpoch();
}

qint64 Clock::currentSecsSinceEpoch()
{
    return currentMSecsSinceEpoch() / 1000;
}

QDateTime Clock::currentDateTimeUtc()
{
    return QDateTime::fromMSecsSinceEpoch(currentMSecsSinceEpoch(), Qt::UTC);
}

QDateTime Clock::currentDateTime()
{
    return QDateTime::fromMSecsSinceEpoch(currentMSecsSinceEpoch(), Qt::LocalTime);
}

} // namespace Amiens
