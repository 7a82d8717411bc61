#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace Amiens {

/// Groups a folder's messages into conversations by References and In-Reply-To (the parent is
/// the nearest ancestor present in the folder; a missing one is skipped, so a thread whose
/// first message was deleted still holds together). Threads keep the position of their best
/// message in the list's sort order (newest first: the thread with the latest reply on top);
/// inside a thread, replies follow their parent, oldest first.
class MessageThreader
{
public:
    struct Message
    {
        qint64 rowId = 0;
        QString messageId;
        QString inReplyTo;
        QStringList references; ///< oldest first, as in the header
        qint64 date = 0;        ///< seconds since the epoch
    };
    struct Row
    {
        qint64 rowId = 0;
        int depth = 0; ///< 0 for a thread's first message

        friend bool operator==(const Row &, const Row &) = default;
    };

    /// @p messages in the list's sort order; the result has each of them once.
    [[nodiscard]] static QList<Row> thread(const QList<Message> &messages);
};

} // namespace Amiens
