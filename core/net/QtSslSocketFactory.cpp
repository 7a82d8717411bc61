#include "QtSslSocketFactory.h"

#include "QtSslSocket.h"

namespace Amiens {

QtSslSocketFactory::QtSslSocketFactory(SocketSettings settings)
    : m_settings(std::move(settings))
    , m_lastReport(std::make_shared<ConnectionReport>())
{
}

vmime::shared_ptr<vmime::net::socket> QtSslSocketFactory::create()
{
    return create(nullptr);
}

vmime::shared_ptr<vmime::net::socket>
QtSslSocketFactory::create(vmime::shared_ptr<vmime::net::timeoutHandler> handler)
{
    m_lastReport = std::make_shared<ConnectionReport>();
    return vmime::make_shared<QtSslSocket>(m_settings, m_lastReport, std::move(handler));
}

} // namespace Amiens
