#include "StartTlsNegotiator.h"

#include <QList>

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

using Failure = ConnectionReport::Failure;

StartTlsNegotiator::Outcome fail(Failure failure, QString detail)
{
    StartTlsNegotiator::Outcome outcome;
    outcome.failure = failure;
    outcome.detail = std::move(detail);
    return outcome;
}

QString printable(const QByteArray &line)
{
    return QString::fromLatin1(line.trimmed().left(200));
}

bool hasImapCapability(const QByteArray &capabilityText, const QByteArray &capability)
{
    const QList<QByteArray> words = capabilityText.toUpper().simplified().split(' ');
    return words.contains(capability);
}

/// Reads a multi-line SMTP reply ("250-…" … "250 …"); returns the lines.
QList<QByteArray> readSmtpReply(const StartTlsNegotiator::ReadLine &readLine)
{
    QList<QByteArray> lines;
    for (int guard = 0; guard < 200; ++guard) {
        QByteArray line = readLine();
        lines.append(line);
        if (line.size() < 4 || line.at(3) != '-')
            break;
    }
    return lines;
}

} // namespace

StartTlsNegotiator::Outcome StartTlsNegotiator::negotiateImap(const ReadLine &readLine,
                                                              const WriteLine &writeLine)
{
    const QByteArray greeting = readLine();
    if (greeting.startsWith("* PREAUTH"))
        // RFC 3501: no STARTTLS after PREAUTH, and a session we cannot encrypt is refused.
        return fail(Failure::StartTlsRefused, u"server pre-authenticated the session in clear"_s);
    if (!greeting.startsWith("* OK"))
        return fail(Failure::Greeting, u"unexpected IMAP greeting: "_s + printable(greeting));

    QByteArray capabilities;
    const qsizetype codeStart = greeting.indexOf("[CAPABILITY ");
    if (codeStart >= 0) {
        capabilities = greeting.mid(codeStart + 12);
        capabilities.truncate(capabilities.indexOf(']'));
    } else {
        writeLine("S1 CAPABILITY\r\n");
        for (int guard = 0; guard < 100; ++guard) {
            const QByteArray line = readLine();
            if (line.startsWith("* CAPABILITY "))
                capabilities = line.mid(13);
            else if (line.startsWith("S1 "))
                break;
        }
    }
    if (!hasImapCapability(capabilities, "STARTTLS"))
        return fail(Failure::StartTlsRefused, u"the IMAP server does not offer STARTTLS"_s);

    writeLine("S2 STARTTLS\r\n");
    for (int guard = 0; guard < 100; ++guard) {
        const QByteArray line = readLine();
        if (line.startsWith("S2 OK")) {
            Outcome outcome;
            outcome.replayGreeting = "* OK AmiensMail: TLS established\r\n";
            return outcome;
        }
        if (line.startsWith("S2 "))
            return fail(Failure::StartTlsRefused, u"STARTTLS refused: "_s + printable(line));
    }
    return fail(Failure::Greeting, u"no reply to STARTTLS"_s);
}

StartTlsNegotiator::Outcome StartTlsNegotiator::negotiateSmtp(const ReadLine &readLine,
                                                              const WriteLine &writeLine,
                                                              const QByteArray &clientName)
{
    const QList<QByteArray> greeting = readSmtpReply(readLine);
    if (!greeting.last().startsWith("220"))
        return fail(Failure::Greeting, u"unexpected SMTP greeting: "_s + printable(greeting.last()));

    writeLine("EHLO " + clientName + "\r\n");
    const QList<QByteArray> ehlo = readSmtpReply(readLine);
    if (!ehlo.last().startsWith("250"))
        return fail(Failure::Greeting, u"EHLO refused: "_s + printable(ehlo.last()));
    const bool offersStartTls = std::any_of(ehlo.cbegin(), ehlo.cend(), [](const QByteArray &line) {
        return line.mid(4).trimmed().toUpper() == "STARTTLS";
    });
    if (!offersStartTls)
        return fail(Failure::StartTlsRefused, u"the SMTP server does not offer STARTTLS"_s);

    writeLine("STARTTLS\r\n");
    const QList<QByteArray> reply = readSmtpReply(readLine);
    if (!reply.last().startsWith("220"))
        return fail(Failure::StartTlsRefused, u"STARTTLS refused: "_s + printable(reply.last()));

    Outcome outcome;
    outcome.replayGreeting = "220 AmiensMail: TLS established\r\n";
    return outcome;
}

} // namespace Amiens
