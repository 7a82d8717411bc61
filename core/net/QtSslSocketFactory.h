#pragma once

#include "ConnectionReport.h"
#include "SocketSettings.h"

#include <memory>
#include <vmime/net/socket.hpp>

namespace Amiens {

/// Installed on every VMime store and transport in place of the POSIX one, so every
/// connection VMime opens goes through QtSslSocket with the account's TLS settings.
class QtSslSocketFactory final : public vmime::net::socketFactory
{
public:
    explicit QtSslSocketFactory(SocketSettings settings);

    vmime::shared_ptr<vmime::net::socket> create() override;
    vmime::shared_ptr<vmime::net::socket>
    create(vmime::shared_ptr<vmime::net::timeoutHandler> handler) override;

    /// What the last socket created learnt while connecting.
    [[nodiscard]] std::shared_ptr<const ConnectionReport> lastReport() const { return m_lastReport; }

private:
    SocketSettings m_settings;
    std::shared_ptr<ConnectionReport> m_lastReport;
};

} // namespace Amiens
