#pragma once

#include <QDateTime>

namespace Amiens {

/// The time as the client reads it, in one place, so that tests can set it (tests/support/
/// MockClock, after KeePassXC's Clock and MockClock): absence periods, the outbox back-off, the
/// undo window and the scheduler are tried without waiting for the wall clock.
class Clock
{
public:
    virtual ~Clock() = default;

    [[nodiscard]] static QDateTime currentDateTimeUtc();
    [[nodiscard]] static QDateTime currentDateTime();
    [[nodiscard]] static qint64 currentSecsSinceEpoch();
    [[nodiscard]] static qint64 currentMSecsSinceEpoch();

protected:
    Clock() = default;
    /// Milliseconds since the epoch, UTC.
    [[nodiscard]] virtual qint64 now() const = 0;
    /// Makes @p clock the one every caller reads (nullptr: the system's). The caller keeps it
    /// alive while installed.
    static void install(const Clock *clock);
};

} // namespace Amiens
