#pragma once

#include "OutgoingMessage.h"
#include "PreparedResponse.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace Amiens {

/// What a reply, a reply to all or a forward takes from the original message: subjects that do
/// not pile up prefixes, the recipients of a reply to all, the header block of a forward and the
/// original's attachments. No widgets, so the CLI and the tests can use it.
class ReplyBuilder
{
    Q_DECLARE_TR_FUNCTIONS(Amiens::ReplyBuilder)

public:
    struct Recipients
    {
        QList<MailAddress> to;
        QList<MailAddress> cc;
    };

    /// "Re: " + subject, unless it already starts with Re:, RE:, Aw:, Réf: (any case).
    [[nodiscard]] static QString replySubject(const QString &subject);
    /// "Tr: " + subject, unless it already starts with Tr:, TR:, Fwd:, Fw:, Wg: (any case).
    [[nodiscard]] static QString forwardSubject(const QString &subject);

    /// Reply to the sender (its Reply-To when set) only.
    [[nodiscard]] static Recipients replyRecipients(const MessageHeaders &original);
    /// Reply to all: the sender (or Reply-To) and the original To in To, the original Cc in Cc;
    /// none of @p ownAddresses, every address once (compared without case). Answering one's own
    /// message goes to its recipients.
    [[nodiscard]] static Recipients replyAllRecipients(const MessageHeaders &original,
                                                       const QStringList &ownAddresses);

    /// "-------- Forwarded Message --------" then From, Date, Subject, To (and Cc) of the
    /// original, one per line, ending with a line break.
    [[nodiscard]] static QString forwardHeaderBlock(const MessageHeaders &original);
    /// The reply quote: an attribution line, then the original's text (the message model's, so
    /// format=flowed paragraphs are whole) one quote level deeper.
    [[nodiscard]] static QString quotedReply(const QString &text, const QString &author,
                                             const QDateTime &date);
    /// The original's attached files (inline images included), decoded, with their names and types.
    [[nodiscard]] static QList<OutgoingAttachment> forwardedAttachments(const QByteArray &raw);

    /// The whole response of @p kind to the message with @p headers: from its @p raw bytes when
    /// downloaded, else from its @p preview (and then, for a forward that @p hadAttachments, the
    /// files are reported missing). @p ownAddresses are left out of a reply to all.
    [[nodiscard]] static PreparedResponse prepare(PreparedResponse::Kind kind, const MessageHeaders &headers,
                                                  const std::optional<QByteArray> &raw,
                                                  const QString &preview, bool hadAttachments,
                                                  const QStringList &ownAddresses);
};

} // namespace Amiens
