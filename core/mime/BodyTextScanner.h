#pragma once

#include <QByteArray>
#include <QString>

namespace Amiens {

/// What the sync keeps from a message body for the message list and the search index: the
/// readable text and whether there are attachments. One pass over the raw bytes, no object tree:
/// VMime's full MIME parse (MessageContent::parse) was over a third of a full sync's CPU time.
/// It finds the same text and attachments as MessageContent::parse (checked over the fixtures in
/// tst_mime); the reading window still decodes a message with MessageContent.
class BodyTextScanner
{
public:
    struct Result
    {
        QString text; ///< the first text/plain part, else the first HTML part without its tags
        bool hasAttachments = false;
    };

    /// Never throws; a malformed part gives less text, never a crash.
    [[nodiscard]] static Result scan(const QByteArray &rawMessage);
};

} // namespace Amiens
