#include "FolderSynchronizer.h"

#include "cache/BackgroundMessageWriter.h"
#include "cache/FolderSyncStore.h"
#include "imap/ImapCommandChannel.h"
#include "util/CacheWriteError.h"
#include "util/Clock.h"
#include "util/Logging.h"

#include <algorithm>
#include <utility>
#include <vmime/exception.hpp>

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

void checkWrite(bool ok, const FolderSyncStore &cache, const char *what)
{
    if (!ok)
        throw CacheWriteError(std::string(what) + ": " + cache.lastError().toStdString());
}

} // namespace

FolderSynchronizer::FolderSynchronizer(ImapCommandChannel &channel, FolderSyncStore &cache,
                                       SyncOptions options, Progress progress)
    : m_channel(channel)
    , m_cache(cache)
    , m_options(options)
    , m_progress(std::move(progress))
{
}

FolderSynchronizer::~FolderSynchronizer() = default;

BackgroundMessageWriter *FolderSynchronizer::backgroundWriter()
{
    if (!m_writerAsked) {
        m_writerAsked = true;
        m_writer = m_cache.backgroundWriter();
    }
    return m_writer.get();
}

namespace {

/// Nothing changed since the last complete sync: decided from the folder row alone (its count is
/// refreshed with every change), so a no-change resync costs the same for 100 or 100,000 messages.
bool unchanged(const CachedFolder &folder, const ImapCommandChannel::MailboxState &state)
{
    return folder.uidValidity == state.uidValidity && state.highestModSeq != 0 &&
           folder.highestModSeq == state.highestModSeq && folder.uidNext == state.uidNext &&
           static_cast<quint32>(folder.messageCount) == state.exists;
}

} // namespace

FolderSyncResult
FolderSynchronizer::synchronizeHeaders(const CachedFolder &cachedFolder,
                                       const std::optional<ImapCommandChannel::MailboxState> &known,
                                       KnownState source)
{
    CachedFolder folder = cachedFolder;
    FolderSyncResult result;
    result.path = folder.info.path();
    const std::optional<std::pair<QString, std::string>> examinedAhead =
        std::exchange(m_examinedAhead, std::nullopt);
    if (known && unchanged(folder, *known)) {
        // Sizes sent behind this folder's EXAMINE (the inbox's, in the listing's write) are read
        // and dropped: a reply left unread would reach the next job on this connection.
        if (source == KnownState::Examined && examinedAhead && examinedAhead->first == result.path)
            dropFetchReply();
        result.unchanged = true;
        return result;
    }
    std::optional<std::string> sizesSent;
    ImapCommandChannel::MailboxState state;
    if (known && source == KnownState::Examined) {
        state = *known;
        if (examinedAhead && examinedAhead->first == result.path)
            sizesSent = examinedAhead->second; // sent behind that EXAMINE
    } else if (examinedAhead && examinedAhead->first == result.path) {
        // Sent while the previous folder's last batch was arriving.
        sizesSent = examinedAhead->second;
        state = m_channel.readExamined();
    } else if (const auto range = sizesWithExamine(folder, known, source)) {
        sizesSent = *range;
        state =
            m_channel.examine(result.path, ImapCommandChannel::FetchRequest{*sizesSent, sizesAttributes()});
    } else {
        state = m_channel.examine(result.path);
    }

    if (folder.uidValidity != 0 && folder.uidValidity != state.uidValidity) {
        qCInfo(lcSync) << result.path << "UIDVALIDITY changed from" << folder.uidValidity << "to"
                       << state.uidValidity << ": the folder is fetched again";
        finishPendingBatch(result); // the previous folder's last batch, still being written
        checkWrite(m_cache.resetFolder(folder.id, state.uidValidity), m_cache, "reset folder");
        folder.uidValidity = state.uidValidity;
        folder.uidNext = 0;
        folder.highestModSeq = 0;
        result.reset = true;
    }

    if (unchanged(folder, state)) {
        if (sizesSent)
            dropFetchReply();
        result.unchanged = true;
        return result;
    }
    // New messages: every UID from the last complete sync's UIDNEXT that the cache lacks (a sync
    // cut short may already have stored some of them).
    const quint32 from = std::max<quint32>(folder.uidNext, 1);
    const std::string range = std::to_string(from) + ":*";
    // The sizes go out before the cache is read, so the server looks up the new messages
    // (Dovecot: 100-160 ms for 500 new files in a 68,000-message Maildir) while the cached UIDs
    // are read (20-40 ms). A FETCH sent with the EXAMINE for another range (the folder changed
    // between the LIST and the EXAMINE) is read and forgotten.
    const bool sizesAsked = state.exists > 0 && newMessagesSized(folder); // after a reset: as a first sync
    if (sizesSent && (!sizesAsked || *sizesSent != range)) {
        dropFetchReply();
        sizesSent.reset();
    }
    if (sizesAsked && !sizesSent)
        m_channel.sendFetch(range, sizesAttributes());
    const QSet<quint32> cachedUids = m_cache.uids(folder.id);

    QList<quint32> serverUids;
    QList<quint32> newUids;
    QHash<quint32, qint64> sizes;
    QHash<quint32, QDate> arrivals;
    if (state.exists > 0) {
        if (sizesAsked) {
            m_channel.readFetch([&](FetchedMessage &&message, QByteArray &&) {
                serverUids.append(message.uid);
                sizes.insert(message.uid, message.size);
                if (message.internalDate.isValid())
                    arrivals.insert(message.uid, message.internalDate.toUTC().date());
            });
            std::sort(serverUids.begin(), serverUids.end());
        } else {
            serverUids = m_channel.searchUids(range);
        }
        for (const quint32 uid : std::as_const(serverUids)) {
            // "n:*" also names the last message when n is beyond it.
            if (uid >= from && !cachedUids.contains(uid))
                newUids.append(uid);
        }
    }
    // Expunges: only when the count says some cached messages are gone. On a folder never
    // completely synchronised the sizes' "1:*" named every message already.
    const quint32 expected = static_cast<quint32>(cachedUids.size() + newUids.size());
    const bool expungesLikely = !cachedUids.isEmpty() && state.exists != expected;
    const bool expungesSearched = expungesLikely && folder.uidNext > 1;
    // As soon as the new messages' last batch is asked for, everything else the folder needs: the
    // flag changes and the UIDs left, which the server looks up while the batches are read and
    // stored (one round trip for all of it); or, on a first fetch, the next folder.
    bool flagChangesAsked = false;
    bool expungesAsked = false;
    const auto afterLastBatchSent = [&] {
        const ImapCommandChannel::SendTogether together(m_channel);
        if (!cachedUids.isEmpty()) {
            flagChangesAsked = askChangedFlags(folder, state.highestModSeq);
            if (expungesSearched) {
                m_channel.sendUidSearch("1:*");
                expungesAsked = true;
            }
        } else {
            examineFolderAhead(); // a first fetch: nothing more to ask of this folder
        }
    };
    quint32 uidNext = state.uidNext;
    if (uidNext == 0 && !serverUids.isEmpty())
        uidNext = serverUids.last() + 1;
    const BackgroundMessageWriter::FolderState folderState{state.uidValidity, uidNext, state.highestModSeq};
    if (!newUids.isEmpty()) {
        // A folder fetched for the first time has nothing left to do after its last batch: that
        // batch is written with the folder's state while the next folder starts (its EXAMINE and
        // sizes already answered behind the batch), instead of the next folder waiting for the
        // commit (5-15 ms a folder).
        const bool done = fetchNewMessages(folder, newUids, sizes, arrivals, result, afterLastBatchSent,
                                           cachedUids.isEmpty() ? std::optional(folderState) : std::nullopt);
        if (done) {
            if (m_serverPartDone)
                m_serverPartDone();
            qCInfo(lcSync).noquote() << result.path << ": +" << result.added
                                     << "messages (the last batch still being written)";
            return result;
        }
    } else {
        afterLastBatchSent();
    }

    QList<quint32> gone;
    try {
        const QList<FlagUpdate> flagUpdates =
            cachedUids.isEmpty() ? QList<FlagUpdate>()
                                 : flagChanges(folder, state.highestModSeq, cachedUids, flagChangesAsked);

        if (expungesLikely) {
            const QList<quint32> allUids = !expungesSearched ? serverUids
                                           : expungesAsked   ? m_channel.readUidSearch()
                                                             : m_channel.searchUids("1:*");
            const QSet<quint32> onServer(allUids.cbegin(), allUids.cend());
            for (const quint32 uid : cachedUids) {
                if (!onServer.contains(uid))
                    gone.append(uid);
            }
        }
        // Not with the commands above: Dovecot counts a quota (150-200 ms at 100,000 messages)
        // as soon as it reads GETQUOTAROOT, and its replies to them would wait behind it.
        if (m_serverPartDone)
            m_serverPartDone();

        // The last batch of new messages was being stored meanwhile; the cache's other writes wait
        // for it (one writer at a time).
        finishPendingBatch(result);
        if (!flagUpdates.isEmpty())
            checkWrite(m_cache.applyFlagUpdates(folder.id, flagUpdates), m_cache, "apply flag changes");
        result.flagsChanged = static_cast<int>(flagUpdates.size());
    } catch (...) {
        settlePendingBatch();
        throw;
    }
    if (!gone.isEmpty())
        checkWrite(m_cache.removeMessages(folder.id, gone), m_cache, "remove expunged messages");
    result.removed = static_cast<int>(gone.size());

    checkWrite(m_cache.saveFolderState(folder.id, folderState.uidValidity, folderState.uidNext,
                                       folderState.highestModSeq),
               m_cache, "save folder state");
    qCInfo(lcSync).noquote() << result.path << ": +" << result.added << "messages," << result.flagsChanged
                             << "flag changes, -" << result.removed << (result.reset ? "(reset)" : "");
    return result;
}

std::optional<std::string>
FolderSynchronizer::sizesWithExamine(const CachedFolder &folder,
                                     const std::optional<ImapCommandChannel::MailboxState> &known,
                                     KnownState source) const
{
    // Every new message comes whole, and its size bounds the fetches: one FETCH gives the UIDs
    // and the sizes, a round trip less than SEARCH followed by FETCH of the sizes. With the state
    // from the LIST, it goes out in the same write as the EXAMINE, its range guessed from that
    // state: one round trip less again (20 ms a folder on a school's link).
    if (!known || source != KnownState::Listed || !newMessagesSized(folder) || known->exists == 0 ||
        unchanged(folder, *known))
        return std::nullopt;
    const quint32 from = folder.uidValidity == known->uidValidity ? std::max<quint32>(folder.uidNext, 1) : 1;
    return std::to_string(from) + ":*";
}

void FolderSynchronizer::examineFolderAhead()
{
    const auto ahead = std::exchange(m_folderAhead, std::nullopt);
    if (!ahead)
        return;
    const auto range = sizesWithExamine(ahead->first, ahead->second, KnownState::Listed);
    if (!range)
        return;
    m_channel.sendExamine(ahead->first.info.path(),
                          ImapCommandChannel::FetchRequest{*range, sizesAttributes()});
    m_examinedAhead = std::make_pair(ahead->first.info.path(), *range);
}

std::optional<ImapCommandChannel::FetchRequest>
FolderSynchronizer::sizesRequest(const CachedFolder &folder) const
{
    if (!newMessagesSized(folder))
        return std::nullopt;
    return ImapCommandChannel::FetchRequest{std::to_string(std::max<quint32>(folder.uidNext, 1)) + ":*",
                                            sizesAttributes()};
}

void FolderSynchronizer::dropFetchReply()
{
    // Already whole in the buffer most of the time (it came before the replies read since); a
    // refusal (the folder went between the LIST and the EXAMINE) no longer matters either.
    try {
        m_channel.readFetch({});
    } catch (const vmime::exceptions::command_error &) {
    }
}

bool FolderSynchronizer::newMessagesSized(const CachedFolder &folder) const
{
    return m_options.bodies == SyncOptions::Bodies::All ||
           (m_options.bodies == SyncOptions::Bodies::Recent && folder.uidNext > 1);
}

std::string FolderSynchronizer::sizesAttributes() const
{
    return m_options.bodies == SyncOptions::Bodies::Recent ? "(UID RFC822.SIZE INTERNALDATE)"
                                                           : "(UID RFC822.SIZE)";
}

QSet<quint32> FolderSynchronizer::uidsWantingBodies(const QList<quint32> &uids,
                                                    const QHash<quint32, QDate> &arrivals)
{
    switch (m_options.bodies) {
    case SyncOptions::Bodies::None:
        return {};
    case SyncOptions::Bodies::All:
        return QSet<quint32>(uids.cbegin(), uids.cend());
    case SyncOptions::Bodies::Recent:
        break;
    }
    // SEARCH SINCE compares the server's arrival date, which is what "recent mail" means here:
    // its day, time and zone left aside (RFC 3501 §6.4.4); the dates fetched with the sizes say
    // the same without asking (their day in UTC: a message at the edge of the period may differ
    // by its zone, and the body pass after the sync sorts it out by the hour).
    const QDate since = m_options.bodiesSince(Clock::currentDateTimeUtc()).date();
    if (std::all_of(uids.cbegin(), uids.cend(), [&](quint32 uid) { return arrivals.contains(uid); })) {
        QSet<quint32> recent;
        for (const quint32 uid : uids) {
            if (arrivals.value(uid) >= since)
                recent.insert(uid);
        }
        return recent;
    }
    static const char *const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const std::string date =
        std::to_string(since.day()) + '-' + kMonths[since.month() - 1] + '-' + std::to_string(since.year());
    const QList<quint32> recent =
        m_channel.searchMatching("UID " + ImapCommandChannel::uidSet(uids) + " SINCE " + date);
    return QSet<quint32>(recent.cbegin(), recent.cend());
}

bool FolderSynchronizer::fetchNewMessages(
    const CachedFolder &folder, QList<quint32> uids, QHash<quint32, qint64> sizes,
    const QHash<quint32, QDate> &arrivals, FolderSyncResult &result,
    const std::function<void()> &afterLastSent,
    const std::optional<BackgroundMessageWriter::FolderState> &stateAfterLast)
{
    // Newest first, so the top of the inbox is readable while the rest arrives.
    std::sort(uids.begin(), uids.end(), std::greater<>());
    const bool condstore = m_channel.hasCapability("CONDSTORE");
    // INTERNALDATE is the arrival on the server, what "recent mail" means for the body policy
    // (SEARCH SINCE compares it too); ImapFetchParser reads it, VMime's parser could not.
    const std::string headerAttributes = condstore
                                             ? "(UID FLAGS INTERNALDATE RFC822.SIZE MODSEQ BODY.PEEK[HEADER])"
                                             : "(UID FLAGS INTERNALDATE RFC822.SIZE BODY.PEEK[HEADER])";
    const std::string fullAttributes = condstore ? "(UID FLAGS INTERNALDATE RFC822.SIZE MODSEQ BODY.PEEK[])"
                                                 : "(UID FLAGS INTERNALDATE RFC822.SIZE BODY.PEEK[])";

    // Messages whose bodies the policy wants come whole in one pass (the header is the start of
    // the body): half the bytes of a header pass followed by a body pass, one decoding, one
    // search-index entry. Their sizes, asked first, bound each fetch in bytes (a batch is held in
    // memory until stored); a message bigger than the bound comes alone.
    const QSet<quint32> withBody = uidsWantingBodies(uids, arrivals);
    if (!withBody.isEmpty() && sizes.isEmpty()) {
        m_channel.fetch(ImapCommandChannel::uidSet(QList<quint32>(withBody.cbegin(), withBody.cend())),
                        "(UID RFC822.SIZE)", [&](FetchedMessage &&message, QByteArray &&) {
                            sizes.insert(message.uid, message.size);
                        });
    }

    QList<Batch> batches;
    qsizetype next = 0;
    qsizetype wholeBatches = 0;
    while (next < uids.size()) {
        Batch batch{{}, withBody.contains(uids.at(next))};
        const qint64 byteBound = batch.whole ? bodyBatchBound(wholeBatches++) : 0;
        qint64 bytes = 0;
        while (next < uids.size() && withBody.contains(uids.at(next)) == batch.whole) {
            const qint64 size = sizes.value(uids.at(next));
            if (!batch.uids.isEmpty() &&
                (batch.whole ? batch.uids.size() >= kMaxMessagesPerBodyFetch || bytes + size > byteBound
                             : batch.uids.size() >= m_options.headerBatchSize))
                break;
            bytes += size;
            batch.uids.append(uids.at(next++));
        }
        batches.append(batch);
    }

    const int total = static_cast<int>(uids.size());
    // With several batches, each is written beside the sync while the next one arrives; the last
    // one is left to finishPendingBatch(), so the folder's next commands overlap it too (or the
    // next folder, when it ends the folder: @p stateAfterLast).
    BackgroundMessageWriter *writer = batches.size() > 1 || stateAfterLast ? backgroundWriter() : nullptr;
    bool stateHandedOver = false;
    try {
        fetchInTurn(
            batches, [&](const Batch &batch) { return batch.whole ? fullAttributes : headerAttributes; },
            [&](const Batch &batch, QList<FetchedMessage> &&fetched, QList<QByteArray> &&bodies) {
                if (!batch.whole)
                    bodies.clear();
                for (qsizetype i = 0; i < bodies.size(); ++i)
                    fetched[i].rawHeader = headerOf(bodies.at(i));
                const auto messages = static_cast<int>(fetched.size());
                const auto withBodies = static_cast<int>(bodies.size());
                if (!writer) {
                    finishPendingBatch(result); // one writer at a time
                    checkWrite(m_cache.storeMessages(folder.id, fetched, bodies), m_cache, "store messages");
                    countStored(result, {nullptr, messages, withBodies, total, {}, 0});
                    return;
                }
                const bool last = &batch == &batches.last();
                // store() first waits for the batch before (maybe the previous folder's last), so
                // it is committed now.
                if (!writer->store(folder.id, std::move(fetched), std::move(bodies),
                                   last ? stateAfterLast : std::nullopt))
                    throw CacheWriteError("store messages: " + writer->lastError().toStdString());
                countStored(result,
                            std::exchange(m_pendingBatch, {writer, messages, withBodies, total, {}, 0}));
                if (last && stateAfterLast) {
                    result.added += messages;
                    result.bodies += withBodies;
                    m_pendingBatch.endedFolder = result.path;
                    m_pendingBatch.endedFolderAdded = result.added;
                    stateHandedOver = true;
                }
            },
            afterLastSent);
    } catch (...) {
        settlePendingBatch();
        throw;
    }
    return stateHandedOver;
}

qint64 FolderSynchronizer::bodyBatchBound(qsizetype earlierBatches) const
{
    // Doubling from 1 MB: the newest messages are readable after a short first fetch (a second
    // on a school's 10 Mbit/s link instead of seven for 8 MB), each batch is stored while the
    // next, bigger one arrives, and what is left to store after the last byte is short.
    constexpr qint64 kFirstBatchBytes = 1024 * 1024;
    if (earlierBatches >= 16)
        return m_options.bodyBatchBytes;
    return std::min(m_options.bodyBatchBytes, kFirstBatchBytes << earlierBatches);
}

void FolderSynchronizer::countStored(FolderSyncResult &result, const PendingBatch &batch)
{
    // Counted once committed: the progress says what can be read offline.
    if (!batch.endedFolder.isEmpty()) {
        if (m_progress && batch.messages > 0)
            m_progress(batch.endedFolder, batch.endedFolderAdded, batch.total);
        return;
    }
    result.added += batch.messages;
    result.bodies += batch.bodies;
    if (m_progress && batch.messages > 0)
        m_progress(result.path, result.added, batch.total);
}

void FolderSynchronizer::finishStoring()
{
    FolderSyncResult none; // an ended folder's batch adds to no result
    finishPendingBatch(none);
}

void FolderSynchronizer::finishPendingBatch(FolderSyncResult &result)
{
    const PendingBatch batch = std::exchange(m_pendingBatch, {});
    if (!batch.writer)
        return;
    if (!batch.writer->finish())
        throw CacheWriteError("store messages: " + batch.writer->lastError().toStdString());
    countStored(result, batch);
}

void FolderSynchronizer::settlePendingBatch()
{
    // The batch being written is committed (or not) as a whole before the error goes up: nothing
    // else writes to the cache meanwhile.
    if (const PendingBatch batch = std::exchange(m_pendingBatch, {}); batch.writer)
        batch.writer->finish();
}

void FolderSynchronizer::fetchInTurn(const QList<Batch> &batches,
                                     const std::function<std::string(const Batch &)> &attributes,
                                     const StoreBatch &store, const std::function<void()> &afterLastSent)
{
    // The next batches are asked for before this one is read and stored: the server reads their
    // files and fills the link while the client reads and the cache writes, instead of each side
    // waiting for the other. Replies come in order (ImapCommandChannel::readFetch()).
    qsizetype sent = 0;
    const auto sendNext = [&] {
        const ImapCommandChannel::SendTogether together(m_channel); // the last with what follows it
        m_channel.sendFetch(ImapCommandChannel::uidSet(batches.at(sent).uids), attributes(batches.at(sent)));
        if (++sent == batches.size() && afterLastSent)
            afterLastSent();
    };
    {
        const ImapCommandChannel::SendTogether together(m_channel);
        while (sent < std::min(kBatchesInFlight, batches.size()))
            sendNext();
    }
    for (qsizetype i = 0; i < batches.size(); ++i) {
        QList<FetchedMessage> fetched;
        QList<QByteArray> bodies;
        fetched.reserve(batches.at(i).uids.size());
        m_channel.readFetch([&](FetchedMessage &&message, QByteArray &&body) {
            fetched.append(std::move(message));
            bodies.append(std::move(body));
        });
        if (sent < batches.size())
            sendNext();
        store(batches.at(i), std::move(fetched), std::move(bodies));
    }
}

QByteArray FolderSynchronizer::headerOf(const QByteArray &message)
{
    // The header ends at the first empty line (CRLF on the wire; a bare LF from broken senders).
    qsizetype end = message.indexOf("\r\n\r\n");
    if (end >= 0)
        return message.left(end + 4);
    end = message.indexOf("\n\n");
    return end >= 0 ? message.left(end + 2) : message;
}

bool FolderSynchronizer::changedSinceUsable(const CachedFolder &folder, quint64 serverModSeq) const
{
    return m_channel.hasCapability("CONDSTORE") && serverModSeq != 0 && folder.highestModSeq != 0;
}

bool FolderSynchronizer::askChangedFlags(const CachedFolder &folder, quint64 serverModSeq)
{
    if (!changedSinceUsable(folder, serverModSeq) || serverModSeq == folder.highestModSeq)
        return false;
    m_channel.sendFetch("1:*", "(UID FLAGS) (CHANGEDSINCE " + std::to_string(folder.highestModSeq) + ")");
    return true;
}

QList<FlagUpdate> FolderSynchronizer::flagChanges(const CachedFolder &folder, quint64 serverModSeq,
                                                  const QSet<quint32> &cachedUids, bool asked)
{
    QList<FlagUpdate> updates;
    const auto collect = [&](FetchedMessage &&message, QByteArray &&) {
        if (cachedUids.contains(message.uid))
            updates.append({message.uid, message.modSeq, message.flags});
    };
    if (asked) {
        m_channel.readFetch(collect);
        return updates;
    }
    if (changedSinceUsable(folder, serverModSeq))
        return updates; // the mod-sequence did not move: no flag changed
    // Without CONDSTORE every flag is read again, in batches of cached UIDs.
    QList<quint32> uids(cachedUids.cbegin(), cachedUids.cend());
    std::sort(uids.begin(), uids.end());
    const qsizetype batchSize = qsizetype(m_options.headerBatchSize) * 5;
    for (qsizetype start = 0; start < uids.size(); start += batchSize)
        m_channel.fetch(ImapCommandChannel::uidSet(uids.mid(start, batchSize)), "(UID FLAGS)", collect);
    // Only real changes are written.
    QList<FlagUpdate> changed;
    for (const FlagUpdate &update : std::as_const(updates)) {
        const auto cached = m_cache.message(folder.id, update.uid);
        QStringList before = cached ? cached->flags : QStringList();
        QStringList after = update.flags;
        after.removeAll(u"\\Recent"_s);
        before.sort();
        after.sort();
        if (before != after)
            changed.append(update);
    }
    return changed;
}

int FolderSynchronizer::downloadBodies(const CachedFolder &folder, const QDateTime &since)
{
    const QString path = folder.info.path();
    const QList<QPair<quint32, qint64>> missing = m_cache.bodiesToFetch(folder.id, since);
    if (missing.isEmpty())
        return 0;
    m_channel.examine(path);
    // Batches bounded by bytes: VMime keeps a whole reply in memory.
    QList<Batch> batches;
    qsizetype start = 0;
    while (start < missing.size()) {
        Batch batch{{}, true};
        qint64 bytes = 0;
        const qint64 byteBound = bodyBatchBound(batches.size());
        while (start < missing.size() && (batch.uids.isEmpty() || bytes < byteBound) &&
               batch.uids.size() < kMaxMessagesPerBodyFetch) {
            bytes += missing.at(start).second;
            batch.uids.append(missing.at(start++).first);
        }
        batches.append(batch);
    }
    int done = 0;
    const int total = static_cast<int>(missing.size());
    fetchInTurn(
        batches, [](const Batch &) { return std::string("(UID BODY.PEEK[])"); },
        [&](const Batch &, QList<FetchedMessage> &&fetched, QList<QByteArray> &&raw) {
            QList<QPair<quint32, QByteArray>> bodies;
            bodies.reserve(fetched.size());
            for (qsizetype i = 0; i < fetched.size(); ++i)
                bodies.append({fetched.at(i).uid, std::move(raw[i])});
            checkWrite(m_cache.storeBodies(folder.id, bodies), m_cache, "store bodies");
            done += static_cast<int>(bodies.size());
            if (m_progress)
                m_progress(path, done, total);
        });
    return done;
}

} // namespace Amiens
