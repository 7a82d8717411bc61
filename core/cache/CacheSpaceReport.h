#pragma once

#include "CachedMessage.h"

#include <QList>
#include <QString>

namespace Amiens {

class MailCache;

/// What « Libérer de l'espace » shows, from the cache alone (no server round trip, works
/// offline): the largest messages across folders, the oldest messages with attachments, and what
/// the Trash and Junk folders hold. Hidden messages (a move or delete waiting for the server) are
/// left out: they are already on their way.
class CacheSpaceReport
{
public:
    struct Entry
    {
        QString folderPath;
        CachedMessage message;
    };
    struct FolderUsage
    {
        QString folderPath;
        FolderInfo::Role role = FolderInfo::Role::None;
        int messages = 0;
        qint64 bytes = 0;
    };

    /// The @p limit largest messages, largest first.
    QList<Entry> largest;
    /// The @p limit oldest messages with attachments, oldest first.
    QList<Entry> oldestWithAttachments;
    /// The Trash and Junk folders (SPECIAL-USE roles), with their size: emptying them is the
    /// first thing to offer.
    QList<FolderUsage> disposable;
    /// Every cached message's size, for « X Mo in the cache ».
    qint64 totalBytes = 0;

    /// Reads the report from @p cache (open, read-only is enough); nothing on a cache error.
    [[nodiscard]] static CacheSpaceReport compute(MailCache &cache, int limit = 20);
};

} // namespace Amiens
