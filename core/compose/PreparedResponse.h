#pragma once

#include "OutgoingMessage.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Amiens {

/// A reply, a reply to all or a forward as the composer opens it (ReplyBuilder::prepare): its
/// recipients, subject, threading headers, the text it starts with (the quote or the forwarded
/// message) and the files it carries. The composer only fills its fields with it.
struct PreparedResponse
{
    enum class Kind
    {
        Reply,
        ReplyAll,
        Forward
    };

    Kind kind = Kind::Reply;
    QList<MailAddress> to;
    QList<MailAddress> cc;
    QString subject;
    QString inReplyTo;
    QStringList references;
    /// The quoted original (a reply) or the forward's header block, kept to tell an untouched
    /// response from an edited one.
    QString quote;
    /// What the body starts with, before the signature goes in: two empty lines, then the quote
    /// (a reply) or the header block and the original's text (a forward).
    QString body;
    QList<OutgoingAttachment> attachments;
    /// A forward of a message whose body is not downloaded: its attachments could not be added.
    bool attachmentsMissing = false;
};

} // namespace Amiens
