#pragma once

#include "CancellableTimeoutHandler.h"
#include "ProtocolTracer.h"
#include "account/ServerEndpoint.h"

#include <QString>
#include <chrono>
#include <memory>
#include <vmime/net/service.hpp>

namespace Amiens {

class QtSslSocketFactory;

/// What every VMime service of ours (IMAP store, SMTP transport) gets before it connects: our
/// socket (TLS by Qt, implicit or STARTTLS), our cancellable time-outs, the masked protocol
/// trace (its received lines also to @p observer), no STARTTLS of VMime's own, and the login.
class VmimeServiceSetup
{
public:
    static void apply(vmime::net::service &service, const std::shared_ptr<QtSslSocketFactory> &socketFactory,
                      const CancellationFlag &cancelled, std::chrono::milliseconds inactivityLimit,
                      const QString &tracePrefix, const ServerEndpoint &endpoint, const QString &password,
                      ProtocolTracer::LineObserver observer = {});
};

} // namespace Amiens
