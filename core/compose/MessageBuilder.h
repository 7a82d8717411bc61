#pragma once

#include "BuiltMessage.h"
#include "OutgoingMessage.h"

#include <QCoreApplication>
#include <optional>

namespace Amiens {

/// Turns an OutgoingMessage into RFC 5322 bytes once, by hand rather than with VMime's
/// generator: VMime's SMTPUTF8 mode mangles headers (#238), names the machine in Message-ID
/// and re-encodes on each serialisation, while the bytes sent must be exactly the bytes kept in
/// Sent. Everything is 7-bit (RFC 2047 headers, RFC 2231 file names, quoted-printable text,
/// base64 files), so no server hop can need SMTPUTF8 or 8BITMIME for it.
class MessageBuilder
{
    Q_DECLARE_TR_FUNCTIONS(Amiens::MessageBuilder)

public:
    /// Returns nothing and sets @p error (French) when the message cannot be sent as it is.
    [[nodiscard]] static std::optional<BuiltMessage> build(const OutgoingMessage &message, QString *error);
    /// The copy of a draft kept in the Drafts folder: no recipient needed, addresses that cannot
    /// be sent yet left out, Bcc kept (it is the user's own copy), message.messageId used.
    [[nodiscard]] static std::optional<BuiltMessage> buildDraft(const OutgoingMessage &message,
                                                                QString *error);

    /// Prepares a message written elsewhere (amiens-mail-cli send FILE.eml): CRLF line ends, Bcc
    /// taken out of the bytes into the envelope, Message-ID and Date added when missing.
    [[nodiscard]] static std::optional<BuiltMessage>
    prepareRaw(const QByteArray &raw, const QString &accountAddress, QString *error);

    /// "<random>@<domain of the address>": never the machine's host name.
    [[nodiscard]] static QString newMessageId(const QString &address);

    // Pieces, public for the tests.
    /// An unstructured header value (Subject) folded, RFC 2047 encoded words when not ASCII.
    [[nodiscard]] static QByteArray encodeUnstructured(const QString &text);
    /// "Name <address>" with the name quoted or RFC 2047 encoded.
    [[nodiscard]] static QByteArray encodeMailbox(const MailAddress &address);
    /// Quoted-printable with CRLF line ends and soft breaks before 76 characters.
    [[nodiscard]] static QByteArray quotedPrintable(const QByteArray &utf8Text);
    /// filename*0*=UTF-8''...; filename*1*=... (RFC 2231), ASCII names as a plain quoted value.
    [[nodiscard]] static QByteArray fileNameParameters(const QString &parameter, const QString &fileName);

private:
    [[nodiscard]] static std::optional<BuiltMessage> buildMessage(const OutgoingMessage &message, bool draft,
                                                                  QString *error);
};

} // namespace Amiens
