#include "CancellableTimeoutHandler.h"

namespace Amiens {

CancellableTimeoutHandler::CancellableTimeoutHandler(CancellationFlag cancelled,
                                                     std::chrono::milliseconds inactivityLimit)
    : m_cancelled(std::move(cancelled))
    , m_inactivityLimit(inactivityLimit)
    , m_lastActivity(Clock::now())
{
}

bool CancellableTimeoutHandler::isTimeOut()
{
    return wasCancelled() || Clock::now() - m_lastActivity > m_inactivityLimit;
}

void CancellableTimeoutHandler::resetTimeOut()
{
    m_lastActivity = Clock::now();
}

bool CancellableTimeoutHandler::handleTimeOut()
{
    // Never extend: a silent server or a cancelled job ends the blocking call.
    return false;
}

bool CancellableTimeoutHandler::wasCancelled() const
{
    return m_cancelled && m_cancelled->load();
}

CancellableTimeoutHandlerFactory::CancellableTimeoutHandlerFactory(CancellationFlag cancelled,
                                                                   std::chrono::milliseconds inactivityLimit)
    : m_cancelled(std::move(cancelled))
    , m_inactivityLimit(inactivityLimit)
{
}

vmime::shared_ptr<vmime::net::timeoutHandler> CancellableTimeoutHandlerFactory::create()
{
    return vmime::make_shared<CancellableTimeoutHandler>(m_cancelled, m_inactivityLimit);
}

} // namespace Amiens
