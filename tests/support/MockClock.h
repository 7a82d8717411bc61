#pragma once

#include "util/Clock.h"

#include <QDateTime>

namespace Amiens::Test {

/// A clock the test moves by hand; installed for the core while it lives.
class MockClock : public Clock
{
public:
    explicit MockClock(const QDateTime &start);
    ~MockClock() override;
    MockClock(const MockClock &) = delete;
    MockClock &operator=(const MockClock &) = delete;

    void set(const QDateTime &time);
    void advanceSeconds(qint64 seconds);

protected:
    [[nodiscard]] qint64 now() const override;

private:
    qint64 m_msecs = 0;
};

} // namespace Amiens::Test
