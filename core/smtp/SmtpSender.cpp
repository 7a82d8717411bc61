#include "SmtpSender.h"

#include "SmtpConnection.h"
#include "util/Logging.h"

#include <QRegularExpression>
#include <vmime/mailbox.hpp>
#include <vmime/mailboxList.hpp>
#include <vmime/net/smtp/SMTPConnection.hpp>
#include <vmime/net/smtp/SMTPExceptions.hpp>
#include <vmime/net/smtp/SMTPTransport.hpp>
#include <vmime/utility/inputStreamByteBufferAdapter.hpp>

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

using Outcome = SmtpSender::Outcome;

Outcome outcome(Outcome::Kind kind, ServiceError::Kind errorKind, QString message, QString technical)
{
    Outcome result;
    result.kind = kind;
    result.error.kind = errorKind;
    result.error.message = std::move(message);
    result.error.technical = std::move(technical);
    return result;
}

/// The French reading of a refusal, from its enhanced status code (RFC 3463) when there is one.
QString refusalReason(const std::string &command, int status, const QString &enhanced, const QString &server)
{
    const QString recipient =
        QRegularExpression(u"<([^>]*)>"_s).match(QString::fromStdString(command)).captured(1);
    const bool rcpt = QString::fromStdString(command).startsWith(u"RCPT"_s, Qt::CaseInsensitive);
    if (enhanced.startsWith(u"5.1.1"_s) || (rcpt && (status == 550 || status == 551 || status == 553)))
        return SmtpSender::tr("The server %1 does not know the recipient %2.").arg(server, recipient);
    if (enhanced.startsWith(u"5.2.2"_s) || enhanced.startsWith(u"4.2.2"_s))
        return SmtpSender::tr("The mailbox of %1 is full.").arg(recipient);
    if (enhanced.startsWith(u"5.3.4"_s) || enhanced.startsWith(u"5.2.3"_s) || status == 552)
        return SmtpSender::tr("The message is too big for the server %1. Remove or reduce attachments.")
            .arg(server);
    if (enhanced.startsWith(u"5.7."_s) || status == 554)
        return SmtpSender::tr("The server %1 refused the message (sender not allowed or message rejected).")
            .arg(server);
    if (status >= 400 && status < 500)
        return SmtpSender::tr("The server %1 cannot take the message right now; it will be sent again later.")
            .arg(server);
    return SmtpSender::tr("The server %1 refused the message.").arg(server);
}

} // namespace

SmtpSender::SmtpSender(Account account, TlsTrust trust, CancellationFlag cancelled)
    : m_account(std::move(account))
    , m_trust(std::move(trust))
    , m_cancelled(std::move(cancelled))
{
}

SmtpSender::Outcome SmtpSender::send(const QString &password, const QString &envelopeFrom,
                                     const QStringList &recipients, const QByteArray &bytes)
{
    const QString server = m_account.smtp.host;
    SmtpConnection connection(m_account, m_trust, m_cancelled);
    if (const auto error = connection.open(password)) {
        Outcome result;
        result.error = *error;
        switch (error->kind) {
        case ServiceError::Kind::Authentication:
        case ServiceError::Kind::Certificate:
        case ServiceError::Kind::TlsUnavailable:
        case ServiceError::Kind::Configuration:
            result.kind = Outcome::Kind::Blocked;
            break;
        default:
            // Unreachable, dropped, greeting refused (maintenance): later may work.
            result.kind = Outcome::Kind::Transient;
            break;
        }
        return result;
    }

    // Remembered so the composer can warn before a message too big is even queued.
    qint64 sizeLimit = 0;
    if (const auto smtp = vmime::dynamicCast<vmime::net::smtp::SMTPTransport>(connection.transport())) {
        std::vector<vmime::string> parameters;
        if (smtp->getConnection() && smtp->getConnection()->hasExtension("SIZE", &parameters) &&
            !parameters.empty())
            sizeLimit = QByteArray::fromStdString(parameters.front()).trimmed().toLongLong();
    }
    try {
        vmime::mailboxList envelope;
        for (const QString &recipient : recipients)
            envelope.appendMailbox(vmime::make_shared<vmime::mailbox>(recipient.toStdString()));
        vmime::utility::inputStreamByteBufferAdapter stream(
            reinterpret_cast<const vmime::byte_t *>(bytes.constData()), static_cast<size_t>(bytes.size()));
        // The stream overload: our bytes go out as they are (dot-stuffed), Bcc already removed.
        connection.transport()->send(vmime::mailbox(envelopeFrom.toStdString()), envelope, stream,
                                     static_cast<size_t>(bytes.size()));
        qCInfo(lcNet).noquote() << "sent" << bytes.size() << "bytes to" << recipients.size()
                                << "recipients via" << server;
        connection.close();
        Outcome sent;
        sent.sizeLimit = sizeLimit;
        return sent;
    } catch (const vmime::net::smtp::SMTPCommandError &e) {
        const int status = e.statusCode();
        const auto code = e.extendedStatusCode();
        const QString enhanced =
            code.klass > 0 ? u"%1.%2.%3"_s.arg(code.klass).arg(code.subject).arg(code.detail) : QString();
        QString reply = QString::fromStdString(e.response()).trimmed();
        if (!reply.startsWith(QString::number(status)))
            reply = QString::number(status) + u' ' + reply;
        const QString technical = QString::fromStdString(e.command()).trimmed() + u" → "_s + reply;
        const bool transient = status >= 400 && status < 500;
        return outcome(transient ? Outcome::Kind::Transient : Outcome::Kind::Permanent,
                       ServiceError::Kind::Protocol, refusalReason(e.command(), status, enhanced, server),
                       technical);
    } catch (const vmime::net::smtp::SMTPMessageSizeExceedsMaxLimitsException &e) {
        return outcome(
            Outcome::Kind::Permanent, ServiceError::Kind::Protocol,
            tr("The message is too big for the server %1. Remove or reduce attachments.").arg(server),
            QString::fromUtf8(e.what()));
    } catch (const vmime::net::smtp::SMTPMessageSizeExceedsCurLimitsException &e) {
        return outcome(Outcome::Kind::Transient, ServiceError::Kind::Protocol,
                       tr("The server %1 has no room for the message right now; it will be sent again later.")
                           .arg(server),
                       QString::fromUtf8(e.what()));
    } catch (...) {
        Outcome result;
        result.error = connection.translate(std::current_exception());
        result.kind = result.error.isTransient() || result.error.kind == ServiceError::Kind::Protocol
                          ? Outcome::Kind::Transient
                          : Outcome::Kind::Permanent;
        if (result.error.kind == ServiceError::Kind::Authentication)
            result.kind = Outcome::Kind::Blocked;
        return result;
    }
}

} // namespace Amiens
