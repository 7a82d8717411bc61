#pragma once

#include "ConnectionReport.h"

#include <QByteArray>
#include <QString>
#include <functional>

namespace Amiens {

/// The plaintext part of a STARTTLS connection, before VMime sees the socket. We do STARTTLS
/// ourselves so that the TLS layer is Qt's (SNI, real chain checks) and so that a server that does
/// not offer STARTTLS is refused instead of silently used in clear
/// (core/net/VmimeTraps.md, « STARTTLS downgrade »).
/// Pure protocol logic over two callbacks, so it can be tested on scripted replies.
class StartTlsNegotiator
{
public:
    /// Returns one line with its CRLF; throws (from the socket) when the line cannot be read.
    using ReadLine = std::function<QByteArray()>;
    using WriteLine = std::function<void(const QByteArray &)>;

    struct Outcome
    {
        ConnectionReport::Failure failure = ConnectionReport::Failure::None;
        QString detail;
        /// What VMime reads first once TLS is up: a greeting without capabilities, so it asks
        /// for them again over the encrypted channel.
        QByteArray replayGreeting;
        [[nodiscard]] bool ok() const { return failure == ConnectionReport::Failure::None; }
    };

    static Outcome negotiateImap(const ReadLine &readLine, const WriteLine &writeLine);
    static Outcome negotiateSmtp(const ReadLine &readLine, const WriteLine &writeLine,
                                 const QByteArray &clientName);
};

} // namespace Amiens
