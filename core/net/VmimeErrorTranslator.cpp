#include "VmimeErrorTranslator.h"

#include "ImapStreamGuard.h"
#include "util/CacheWriteError.h"

#include <QCoreApplication>
#include <QLocale>
#include <vmime/exception.hpp>
#include <vmime/security/cert/certificateException.hpp>

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

ServiceError make(ServiceError::Kind kind, QString message, QString technical)
{
    ServiceError error;
    error.kind = kind;
    error.message = std::move(message);
    error.technical = std::move(technical);
    return error;
}

ServiceError fromReport(const ConnectionReport &report, const QString &server, const QString &technical)
{
    using Failure = ConnectionReport::Failure;
    switch (report.failure) {
    case Failure::Certificate: {
        ServiceError error =
            make(ServiceError::Kind::Certificate,
                 VmimeErrorTranslator::tr("The server %1 presented a certificate that cannot be trusted. "
                                          "The connection was stopped before any password was sent.")
                     .arg(server),
                 report.detail);
        error.tlsFailure = report.tlsFailure;
        return error;
    }
    case Failure::StartTlsRefused:
        return make(
            ServiceError::Kind::TlsUnavailable,
            VmimeErrorTranslator::tr("The server %1 does not offer an encrypted connection (STARTTLS). "
                                     "AmiensMail never sends your password in clear text.")
                .arg(server),
            report.detail);
    case Failure::TlsHandshake:
        return make(
            ServiceError::Kind::TlsUnavailable,
            VmimeErrorTranslator::tr("The secure connection with %1 could not be established.").arg(server),
            report.detail);
    case Failure::Greeting:
        return make(
            ServiceError::Kind::Protocol,
            VmimeErrorTranslator::tr("The server %1 answered in an unexpected way. It may be in maintenance.")
                .arg(server),
            report.detail);
    case Failure::OversizedResponse: {
        // Sizes in the user's units ("64 Mio" in French).
        const QLocale locale;
        const QString what = report.oversizedLiteral > 0
                                 ? VmimeErrorTranslator::tr("a block of %1, the limit is %2")
                                       .arg(locale.formattedDataSize(report.oversizedLiteral, 0),
                                            locale.formattedDataSize(ImapStreamGuard::kMaxLiteralBytes, 0))
                                 : VmimeErrorTranslator::tr("a line longer than %1")
                                       .arg(locale.formattedDataSize(ImapStreamGuard::kMaxLineBytes, 0));
        return make(ServiceError::Kind::Protocol,
                    VmimeErrorTranslator::tr("The server %1 sent an oversized reply (%2); the connection was "
                                             "closed.")
                        .arg(server, what),
                    report.detail);
    }
    case Failure::Connect:
        return make(
            ServiceError::Kind::Network,
            VmimeErrorTranslator::tr("Cannot reach the server %1. Check the network connection.").arg(server),
            report.detail.isEmpty() ? technical : report.detail);
    case Failure::None:
        break;
    }
    return make(ServiceError::Kind::Internal, {}, technical);
}

} // namespace

ServiceError VmimeErrorTranslator::translate(const std::exception_ptr &failure,
                                             const ConnectionReport *report, bool cancelled,
                                             const QString &serverName)
{
    QString technical;
    try {
        std::rethrow_exception(failure);
    } catch (const vmime::exception &e) {
        technical = QString::fromStdString(e.name()) + u": "_s + QString::fromUtf8(e.what());
    } catch (const std::exception &e) {
        technical = QString::fromUtf8(e.what());
    } catch (...) {
        technical = u"unknown exception"_s;
    }

    if (cancelled)
        return make(ServiceError::Kind::Cancelled, VmimeErrorTranslator::tr("The operation was cancelled."),
                    technical);
    // The socket knows best why a connection failed (certificate, STARTTLS, greeting).
    if (report && report->failure != ConnectionReport::Failure::None)
        return fromReport(*report, serverName, technical);

    try {
        std::rethrow_exception(failure);
    } catch (const CacheWriteError &) {
        return make(ServiceError::Kind::Storage,
                    tr("The offline copy of the mail could not be written (is the disk full?). "
                       "Nothing was lost on the server; the next synchronisation will resume."),
                    technical);
    } catch (const vmime::exceptions::authentication_error &) {
        return make(
            ServiceError::Kind::Authentication,
            VmimeErrorTranslator::tr("The server %1 refused the identifier or the password.").arg(serverName),
            technical);
    } catch (const vmime::exceptions::authentication_exception &) {
        return make(
            ServiceError::Kind::Authentication,
            VmimeErrorTranslator::tr("The server %1 refused the identifier or the password.").arg(serverName),
            technical);
    } catch (const vmime::security::cert::certificateException &) {
        return make(ServiceError::Kind::Certificate,
                    VmimeErrorTranslator::tr("The server %1 presented a certificate that cannot be trusted.")
                        .arg(serverName),
                    technical);
    } catch (const vmime::exceptions::tls_exception &) {
        return make(ServiceError::Kind::TlsUnavailable,
                    VmimeErrorTranslator::tr("The secure connection with %1 could not be established.")
                        .arg(serverName),
                    technical);
    } catch (const vmime::exceptions::operation_timed_out &) {
        return make(ServiceError::Kind::Timeout,
                    VmimeErrorTranslator::tr("The server %1 did not answer in time.").arg(serverName),
                    technical);
    } catch (const vmime::exceptions::socket_exception &) {
        return make(ServiceError::Kind::Network,
                    VmimeErrorTranslator::tr("The connection with %1 was lost.").arg(serverName), technical);
    } catch (const vmime::exceptions::connection_greeting_error &) {
        return make(
            ServiceError::Kind::Protocol,
            VmimeErrorTranslator::tr("The server %1 refused the connection. It may be in maintenance.")
                .arg(serverName),
            technical);
    } catch (const vmime::exceptions::command_error &e) {
        // The server's own words ("[OVERQUOTA] Quota exceeded") tell the user what to do.
        QString said = QString::fromStdString(e.response()).simplified().left(200);
        said.removeIf([](QChar c) { return !c.isPrint(); });
        if (said.isEmpty())
            return make(ServiceError::Kind::Protocol,
                        VmimeErrorTranslator::tr("The server %1 refused the operation.").arg(serverName),
                        technical);
        return make(
            ServiceError::Kind::Protocol,
            VmimeErrorTranslator::tr("The server %1 refused the operation: « %2 ».").arg(serverName, said),
            technical + u" (server: "_s + said + u')');
    } catch (const vmime::exceptions::invalid_response &e) {
        // What was wrong with it (our raw parsers say where), for the logs and « Détails ».
        const QString what = QString::fromStdString(e.response()).left(300);
        return make(ServiceError::Kind::Protocol,
                    VmimeErrorTranslator::tr("The server %1 sent a reply that could not be understood.")
                        .arg(serverName),
                    what.isEmpty() ? technical : technical + u" ("_s + what + u')');
    } catch (...) {
    }
    return make(ServiceError::Kind::Internal,
                VmimeErrorTranslator::tr("An unexpected error occurred while talking to %1.").arg(serverName),
                technical);
}

} // namespace Amiens
