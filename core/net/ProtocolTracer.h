#pragma once

#include <QString>
#include <vmime/net/tracer.hpp>

namespace Amiens {

/// The protocol trace of a connection in the "amiens.protocol" logging category (off unless
/// QT_LOGGING_RULES="amiens.protocol.debug=true"). Lines that carry credentials are masked.
class ProtocolTracer final : public vmime::net::tracer
{
public:
    explicit ProtocolTracer(QString prefix);
    void traceSend(const vmime::string &line) override;
    void traceReceive(const vmime::string &line) override;

    /// @p line with any password or SASL response replaced by "***".
    [[nodiscard]] static QString masked(const QString &line);

private:
    QString m_prefix;
};

class ProtocolTracerFactory final : public vmime::net::tracerFactory
{
public:
    explicit ProtocolTracerFactory(QString prefix);
    vmime::shared_ptr<vmime::net::tracer> create(vmime::shared_ptr<vmime::net::service> service,
                                                 int connectionId) override;

private:
    QString m_prefix;
};

} // namespace Amiens
