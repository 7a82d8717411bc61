#include "VmimeServiceSetup.h"

#include "ProtocolTracer.h"
#include "QtSslSocketFactory.h"

namespace Amiens {

void VmimeServiceSetup::apply(vmime::net::service &service,
                              const std::shared_ptr<QtSslSocketFactory> &socketFactory,
                              const CancellationFlag &cancelled, std::chrono::milliseconds inactivityLimit,
                              const QString &tracePrefix, const ServerEndpoint &endpoint,
                              const QString &password, ProtocolTracer::LineObserver observer)
{
    service.setSocketFactory(socketFactory);
    service.setTimeoutHandlerFactory(
        vmime::make_shared<CancellableTimeoutHandlerFactory>(cancelled, inactivityLimit));
    service.setTracerFactory(vmime::make_shared<ProtocolTracerFactory>(tracePrefix, std::move(observer)));
    // The URL scheme is plain ("imap", "smtp"): TLS is the socket's job, and VMime's own STARTTLS
    // (which falls back to clear text when refused) must never run.
    service.setProperty("connection.tls", false);
    service.setProperty("auth.username", endpoint.login.toStdString());
    service.setProperty("auth.password", password.toStdString());
}

} // namespace Amiens
