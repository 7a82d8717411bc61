#pragma once

#include "SyncOptions.h"
#include "cache/BackgroundMessageWriter.h"
#include "cache/CachedMessage.h"
#include "imap/ImapCommandChannel.h"

#include <QDateTime>
#include <functional>
#include <memory>

namespace Amiens {

class FolderSyncStore;

/// Brings one folder of the cache up to date with the server, the cheapest way the server's
/// state allows: nothing when UIDNEXT, HIGHESTMODSEQ and the message count are unchanged (not
/// even EXAMINE when LIST-STATUS already said so); new
/// messages by UID, newest first, whole when their bodies are wanted; flag changes with CHANGEDSINCE;
/// expunges by comparing UID lists only when the count says some happened. The folder's sync state is saved
/// last, so a sync stopped at any point resumes from what was committed.
class FolderSynchronizer
{
public:
    /// (folder path, done, total) while headers or bodies arrive.
    using Progress = std::function<void(const QString &, int, int)>;

    FolderSynchronizer(ImapCommandChannel &channel, FolderSyncStore &cache, SyncOptions options,
                       Progress progress);
    ~FolderSynchronizer();

    /// Where the state given to synchronizeHeaders() comes from.
    enum class KnownState
    {
        Listed,   ///< LIST-STATUS: the folder is examined unless the state shows it unchanged
        Examined, ///< the folder's EXAMINE, just answered: it is the selected mailbox
    };

    /// @p known: the folder's state from LIST-STATUS, when the server gave it. A folder it shows
    /// unchanged is not even examined: a no-change resync costs one round trip for all folders.
    /// With KnownState::Examined, the folder is already selected and @p known is what its EXAMINE
    /// answered. A folder fetched for the first time may return with its last batch still being
    /// written (with its state): finishStoring() after the last folder.
    FolderSyncResult synchronizeHeaders(const CachedFolder &folder,
                                        const std::optional<ImapCommandChannel::MailboxState> &known = {},
                                        KnownState source = KnownState::Listed);
    /// Called in synchronizeHeaders() once a changed folder's commands are all answered, before its
    /// last cache writes (expunged messages, the folder's state): the account can send a command
    /// of its own then (AccountSynchronizer: GETQUOTAROOT), so the server works while the cache
    /// writes.
    void setServerPartDone(std::function<void()> serverPartDone)
    {
        m_serverPartDone = std::move(serverPartDone);
    }
    /// The sizes' FETCH to send right behind the EXAMINE of @p folder when nothing is known of its
    /// state yet (AccountSynchronizer: the inbox, examined in the listing's write); nullopt when
    /// its new messages are not asked for with their sizes.
    [[nodiscard]] std::optional<ImapCommandChannel::FetchRequest>
    sizesRequest(const CachedFolder &folder) const;
    /// That FETCH went out behind the EXAMINE of @p path: synchronizeHeaders() reads it, or
    /// leaves it to be dropped when the folder turns out unchanged.
    void setSizesSentWithExamine(const QString &path, const std::string &uidSet)
    {
        m_examinedAhead = std::make_pair(path, uidSet);
    }
    /// The folder synchronizeHeaders() will be given next, with its state from LIST-STATUS (none:
    /// no such folder). When the current folder is fetched whole for the first time, nothing is
    /// left to ask of it once its last batch is asked for: the next folder's EXAMINE and sizes
    /// then leave at once, behind that batch, and the link does not wait a round trip between
    /// the two folders.
    void setFolderAhead(std::optional<std::pair<CachedFolder, ImapCommandChannel::MailboxState>> next)
    {
        m_folderAhead = std::move(next);
    }
    /// Waits for the last batch of a folder fetched for the first time, which synchronizeHeaders()
    /// leaves to the writer with the folder's state so that the next folder starts at once;
    /// throws CacheWriteError when it failed. Before the account's other cache writes.
    void finishStoring();
    /// Downloads the bodies of messages newer than @p since (all when null) that are not cached.
    int downloadBodies(const CachedFolder &folder, const QDateTime &since);

    /// The header block at the start of a raw message, blank line included.
    [[nodiscard]] static QByteArray headerOf(const QByteArray &message);

private:
    static constexpr qsizetype kMaxMessagesPerBodyFetch = 500;
    /// Batches asked for before the oldest is read: the next one is on its way while one is
    /// read, so a link's round trip is paid once per folder, not once per batch.
    static constexpr qsizetype kBatchesInFlight = 2;

    /// UIDs fetched in one command, whole or header only.
    struct Batch
    {
        QList<quint32> uids;
        bool whole = false;
    };
    /// Gets what one batch fetched (a body per message, empty for header fetches).
    using StoreBatch = std::function<void(const Batch &, QList<FetchedMessage> &&, QList<QByteArray> &&)>;
    /// @p afterLastSent runs once the last batch is asked for: a FETCH sent there is answered
    /// after the batches, prepared by the server while the client reads and stores them.
    void fetchInTurn(const QList<Batch> &batches, const std::function<std::string(const Batch &)> &attributes,
                     const StoreBatch &store, const std::function<void()> &afterLastSent = {});

    /// Which of the new @p uids the body policy wants offline. For "recent mail", the arrival
    /// dates in @p arrivals when they name every one of them, else the server's SEARCH SINCE.
    QSet<quint32> uidsWantingBodies(const QList<quint32> &uids, const QHash<quint32, QDate> &arrivals);
    /// @p sizes: RFC822.SIZE of the new messages when already known (sizesAttributes()), else
    /// asked here; @p arrivals their INTERNALDATE's day when known. The last batch may still be
    /// being stored on return: finishPendingBatch() waits for it. With @p stateAfterLast (nothing
    /// more to do for the folder after its batches), the writer saves that state once the last
    /// batch is committed, and true is returned: the folder's sync is then done, that batch
    /// counted in @p result, only its progress left for finishPendingBatch().
    bool fetchNewMessages(const CachedFolder &folder, QList<quint32> uids, QHash<quint32, qint64> sizes,
                          const QHash<quint32, QDate> &arrivals, FolderSyncResult &result,
                          const std::function<void()> &afterLastSent,
                          const std::optional<BackgroundMessageWriter::FolderState> &stateAfterLast);
    /// Whether the new messages of @p folder are asked for with their sizes before they are
    /// fetched: every one when all bodies come; on a resync under the "recent mail" policy too,
    /// with their arrival dates, which then choose the bodies without SEARCH (two round trips
    /// less). Not on a first "recent" sync: the sizes and dates of a whole mailbox (6 MB at
    /// 100,000 messages) would cost more than the two searches.
    [[nodiscard]] bool newMessagesSized(const CachedFolder &folder) const;
    /// The bytes that bound a folder's batch of bodies after @p earlierBatches others: small
    /// first, growing to SyncOptions::bodyBatchBytes.
    [[nodiscard]] qint64 bodyBatchBound(qsizetype earlierBatches) const;
    /// Reads and forgets the reply of the oldest FETCH in flight (sizes asked for nothing).
    void dropFetchReply();
    /// "(UID RFC822.SIZE)", with INTERNALDATE under the "recent mail" policy.
    [[nodiscard]] std::string sizesAttributes() const;

    /// A batch handed to the BackgroundMessageWriter and not known to be committed yet.
    struct PendingBatch
    {
        BackgroundMessageWriter *writer = nullptr;
        int messages = 0;
        int bodies = 0;
        int total = 0; ///< the folder's new messages, for the progress
        /// Set when the batch ends a folder whose sync has returned (fetchNewMessages()'s
        /// @p stateAfterLast): its counts are in that folder's result already, only the progress
        /// is reported once committed, with the folder's count then.
        QString endedFolder;
        int endedFolderAdded = 0;
    };
    /// Adds a committed batch to @p result and reports the progress.
    void countStored(FolderSyncResult &result, const PendingBatch &batch);
    /// Waits for the batch the writer may still be storing; throws CacheWriteError when it failed.
    void finishPendingBatch(FolderSyncResult &result);
    /// On an error: lets the batch the writer may still be storing end, without counting it.
    void settlePendingBatch();

    /// The range of the sizes' FETCH that goes out with the EXAMINE of @p folder ("n:*"), when it
    /// is examined for new messages fetched whole; nullopt when it is not examined that way.
    [[nodiscard]] std::optional<std::string>
    sizesWithExamine(const CachedFolder &folder, const std::optional<ImapCommandChannel::MailboxState> &known,
                     KnownState source) const;
    /// Sends the EXAMINE and sizes of the folder ahead (setFolderAhead()) when it has some.
    void examineFolderAhead();

    /// Whether CHANGEDSINCE can tell the flag changes since the last sync.
    [[nodiscard]] bool changedSinceUsable(const CachedFolder &folder, quint64 serverModSeq) const;
    /// Sends the FETCH of the flags changed since the last sync (CONDSTORE); false when there is
    /// nothing to ask that way (no CONDSTORE, or the mod-sequence did not move).
    bool askChangedFlags(const CachedFolder &folder, quint64 serverModSeq);
    /// The cached messages' flag changes: the reply to askChangedFlags() when @p asked, else every
    /// cached flag read again and compared (no CONDSTORE).
    QList<FlagUpdate> flagChanges(const CachedFolder &folder, quint64 serverModSeq,
                                  const QSet<quint32> &cachedUids, bool asked);

    /// The cache's BackgroundMessageWriter, asked for once, at the first fetch of several
    /// batches (a resync of a few new messages keeps storing them in turn).
    BackgroundMessageWriter *backgroundWriter();

    ImapCommandChannel &m_channel;
    FolderSyncStore &m_cache;
    SyncOptions m_options;
    Progress m_progress;
    std::function<void()> m_serverPartDone;
    std::unique_ptr<BackgroundMessageWriter> m_writer;
    PendingBatch m_pendingBatch;
    std::optional<std::pair<CachedFolder, ImapCommandChannel::MailboxState>> m_folderAhead;
    /// The folder whose EXAMINE and sizes' FETCH went out ahead, and that FETCH's range.
    std::optional<std::pair<QString, std::string>> m_examinedAhead;
    bool m_writerAsked = false;
};

} // namespace Amiens
