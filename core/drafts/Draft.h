#pragma once

#include "compose/OutgoingMessage.h"

#include <QDateTime>
#include <QString>

namespace Amiens {

/// A message being written, as the composer autosaves it: the fields exactly as typed (so a
/// half-written address comes back as it was) and the message they make, with its attachments.
struct Draft
{
    QString id;          ///< local key, a directory name
    qint64 revision = 0; ///< raised at each save; the server copy is current when it has the same
    QDateTime updated;   ///< UTC
    QString toText;
    QString ccText;
    QString bccText;
    bool richText = false;
    QString signatureId;       ///< the signature chosen in the composer, empty for none
    QString insertedSignature; ///< the signature text as inserted, to replace it and nothing else
    /// Subject, text, HTML, attachments, receipt, priority, threading; messageId is the Message-ID
    /// of the copy in the server's Drafts folder and stays the same across saves.
    OutgoingMessage message;
};

} // namespace Amiens
