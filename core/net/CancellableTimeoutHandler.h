#pragma once

#include <atomic>
#include <chrono>
#include <memory>
#include <vmime/net/timeoutHandler.hpp>

namespace Amiens {

/// Shared between the thread that asks for cancellation and the worker blocked in VMime.
using CancellationFlag = std::shared_ptr<std::atomic<bool>>;

/// VMime polls this while it waits for the network (core/net/VmimeTraps.md, « Timeouts and
/// cancellation »). It reports a time-out when the server stayed silent too long or when
/// cancellation was asked; returning false from handleTimeOut() makes the blocked call throw
/// operation_timed_out within ~50 ms.
class CancellableTimeoutHandler final : public vmime::net::timeoutHandler
{
public:
    using Clock = std::chrono::steady_clock;

    CancellableTimeoutHandler(CancellationFlag cancelled, std::chrono::milliseconds inactivityLimit);

    bool isTimeOut() override;
    void resetTimeOut() override;
    bool handleTimeOut() override;

    [[nodiscard]] bool wasCancelled() const;

private:
    CancellationFlag m_cancelled;
    std::chrono::milliseconds m_inactivityLimit;
    Clock::time_point m_lastActivity;
};

class CancellableTimeoutHandlerFactory final : public vmime::net::timeoutHandlerFactory
{
public:
    CancellableTimeoutHandlerFactory(CancellationFlag cancelled, std::chrono::milliseconds inactivityLimit);
    vmime::shared_ptr<vmime::net::timeoutHandler> create() override;

private:
    CancellationFlag m_cancelled;
    std::chrono::milliseconds m_inactivityLimit;
};

} // namespace Amiens
