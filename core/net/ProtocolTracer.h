#pragma once

#include <QString>
#include <functional>
#include <vmime/net/tracer.hpp>

namespace Amiens {

/// The protocol trace of a connection in the "amiens.protocol" logging category (off unless
/// QT_LOGGING_RULES="amiens.protocol.debug=true"). Lines that carry credentials are masked.
class ProtocolTracer final : public vmime::net::tracer
{
public:
    /// Gets every line the server sent, as VMime's parser read it (without CRLF).
    using LineObserver = std::function<void(const vmime::string &line)>;

    explicit ProtocolTracer(QString prefix, LineObserver observer = {});
    void traceSend(const vmime::string &line) override;
    void traceReceive(const vmime::string &line) override;

    /// @p line with any password or SASL response replaced by "***".
    [[nodiscard]] static QString masked(const QString &line);

private:
    QString m_prefix;
    LineObserver m_observer;
};

class ProtocolTracerFactory final : public vmime::net::tracerFactory
{
public:
    explicit ProtocolTracerFactory(QString prefix, ProtocolTracer::LineObserver observer = {});
    vmime::shared_ptr<vmime::net::tracer> create(vmime::shared_ptr<vmime::net::service> service,
                                                 int connectionId) override;

private:
    QString m_prefix;
    ProtocolTracer::LineObserver m_observer;
};

} // namespace Amiens
