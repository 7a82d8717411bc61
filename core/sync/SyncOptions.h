#pragma once

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

namespace Amiens {

/// How much of the mail a sync brings down for offline reading.
struct SyncOptions
{
    enum class Bodies
    {
        All,    ///< every message, for a fully offline mailbox
        Recent, ///< messages of the last recentDays days
        None,   ///< headers only; bodies are fetched when opened
    };

    Bodies bodies = Bodies::Recent;
    int recentDays = 30;
    /// Messages per header fetch: large enough to amortise round trips, small enough to
    /// keep VMime's in-memory reply and our transaction short (500–2,000; core/net/VmimeTraps.md,
    /// « Quadratic fetches »).
    int headerBatchSize = 1000;
    /// Bodies per fetch stop at this many bytes (VMime holds a reply in memory).
    qint64 bodyBatchBytes = 8 * 1024 * 1024;

    /// The oldest date whose bodies are wanted: null for All (any date) and for None.
    [[nodiscard]] QDateTime bodiesSince(const QDateTime &now) const;

    [[nodiscard]] static QString bodiesName(Bodies bodies);
};

/// What one folder's sync changed in the cache.
struct FolderSyncResult
{
    QString path;
    int added = 0;
    int flagsChanged = 0;
    int removed = 0;
    int bodies = 0;
    bool reset = false;     ///< UIDVALIDITY changed: the folder was fetched again from scratch
    bool unchanged = false; ///< nothing changed on the server since the last sync
};

/// What a whole account sync did.
struct SyncReport
{
    QList<FolderSyncResult> folders;

    [[nodiscard]] int total(int FolderSyncResult::*field) const
    {
        int sum = 0;
        for (const FolderSyncResult &folder : folders)
            sum += folder.*field;
        return sum;
    }
};

} // namespace Amiens

Q_DECLARE_METATYPE(Amiens::SyncReport)
