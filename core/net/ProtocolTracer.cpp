#include "ProtocolTracer.h"

#include "util/Logging.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Amiens {

ProtocolTracer::ProtocolTracer(QString prefix, LineObserver observer)
    : m_prefix(std::move(prefix))
    , m_observer(std::move(observer))
{
}

QString ProtocolTracer::masked(const QString &line)
{
    static const QRegularExpression login(u"^(\\S+ LOGIN \\S+) .*$"_s,
                                          QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression authenticate(u"^(\\S+ AUTHENTICATE \\S+) \\S+$"_s,
                                                 QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression smtpAuth(u"^(AUTH \\S+) \\S+$"_s,
                                             QRegularExpression::CaseInsensitiveOption);
    QString result = line;
    result.replace(login, u"\\1 ***"_s);
    result.replace(authenticate, u"\\1 ***"_s);
    result.replace(smtpAuth, u"\\1 ***"_s);
    return result;
}

void ProtocolTracer::traceSend(const vmime::string &line)
{
    // SASL continuation lines (a bare base64 response) are never logged.
    if (lcProtocol().isDebugEnabled()) {
        const QString text = QString::fromStdString(line);
        static const QRegularExpression base64(u"^[A-Za-z0-9+/=]{8,}$"_s);
        qCDebug(lcProtocol).noquote()
            << m_prefix << "C:" << (base64.match(text).hasMatch() ? u"***"_s : masked(text));
    }
}

void ProtocolTracer::traceReceive(const vmime::string &line)
{
    if (m_observer)
        m_observer(line);
    if (lcProtocol().isDebugEnabled())
        qCDebug(lcProtocol).noquote() << m_prefix << "S:" << QString::fromStdString(line).left(300);
}

ProtocolTracerFactory::ProtocolTracerFactory(QString prefix, ProtocolTracer::LineObserver observer)
    : m_prefix(std::move(prefix))
    , m_observer(std::move(observer))
{
}

vmime::shared_ptr<vmime::net::tracer> ProtocolTracerFactory::create(vmime::shared_ptr<vmime::net::service>,
                                                                    int connectionId)
{
    return vmime::make_shared<ProtocolTracer>(m_prefix + u'#' + QString::number(connectionId), m_observer);
}

} // namespace Amiens
