#pragma once

#include "imap/FetchedMessage.h"
#include "imap/FolderInfo.h"
#include "mime/MessageHeaders.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QStringList>

namespace Amiens {

/// A folder as the cache knows it, with the server state of its last complete sync.
struct CachedFolder
{
    qint64 id = 0;
    FolderInfo info;
    quint32 uidValidity = 0;
    quint32 uidNext = 0; ///< every UID below is in the cache (or was expunged)
    quint64 highestModSeq = 0;
    int messageCount = 0;
    int unseenCount = 0;
    QDateTime lastSync;
};

/// One cached message: its summary row, without the body.
struct CachedMessage
{
    qint64 rowId = 0;
    qint64 folderId = 0;
    quint32 uid = 0;
    quint64 modSeq = 0;
    QStringList flags;
    QDateTime internalDate;
    qint64 size = 0;
    MessageHeaders headers;
    bool hasAttachments = false;
    QString preview;
    bool hasBody = false;

    [[nodiscard]] bool isSeen() const { return flags.contains(QStringLiteral("\\Seen")); }
    [[nodiscard]] bool isFlagged() const { return flags.contains(QStringLiteral("\\Flagged")); }
};

/// A search result.
struct SearchHit
{
    QString folderPath;
    CachedMessage message;
};

} // namespace Amiens
