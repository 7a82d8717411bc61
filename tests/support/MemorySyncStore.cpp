#include "MemorySyncStore.h"

#include "mime/HeaderDecoder.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Amiens::Test {

namespace {

/// As the cache keeps them: without \Recent, sorted, once each.
QStringList normalisedFlags(QStringList flags)
{
    flags.removeIf([](const QString &flag) { return flag.compare(u"\\Recent"_s, Qt::CaseInsensitive) == 0; });
    flags.sort();
    flags.removeDuplicates();
    return flags;
}

} // namespace

bool MemorySyncStore::write()
{
    if (!std::exchange(m_failNextWrite, false)) {
        m_lastError.clear();
        return true;
    }
    m_lastError = u"database or disk is full"_s;
    return false;
}

bool MemorySyncStore::saveFolderState(qint64 folderId, quint32 uidValidity, quint32 uidNext,
                                      quint64 highestModSeq)
{
    if (!write())
        return false;
    m_states[folderId] = {uidValidity, uidNext, highestModSeq};
    return true;
}

bool MemorySyncStore::resetFolder(qint64 folderId, quint32 uidValidity)
{
    if (!write())
        return false;
    for (const quint32 uid : m_messages.value(folderId).keys())
        m_bodies.remove({folderId, uid});
    m_messages.remove(folderId);
    m_states[folderId] = {uidValidity, 0, 0};
    return true;
}

bool MemorySyncStore::storeMessages(qint64 folderId, const QList<FetchedMessage> &messages,
                                    const QList<QByteArray> &bodies)
{
    if (m_observer)
        m_observer(Access::MessagesStored);
    if (!write())
        return false;
    for (qsizetype i = 0; i < messages.size(); ++i) {
        const FetchedMessage &fetched = messages.at(i);
        const QByteArray body = i < bodies.size() ? bodies.at(i) : QByteArray();
        auto &folder = m_messages[folderId];
        if (const auto cached = folder.find(fetched.uid); cached != folder.end()) {
            // Already cached (a sync cut short and resumed): only its flags, and its body when
            // this batch brings one, change.
            cached->flags = normalisedFlags(fetched.flags);
            cached->modSeq = fetched.modSeq;
            if (!body.isEmpty()) {
                cached->hasBody = true;
                m_bodies.insert({folderId, fetched.uid}, body);
            }
            continue;
        }
        CachedMessage message;
        message.folderId = folderId;
        message.uid = fetched.uid;
        message.modSeq = fetched.modSeq;
        message.flags = normalisedFlags(fetched.flags);
        message.size = fetched.size;
        message.headers = HeaderDecoder::decode(fetched.rawHeader);
        // As the cache does: the server's INTERNALDATE, the Date header when the fetch brought none.
        message.internalDate = fetched.internalDate.isValid() ? fetched.internalDate : message.headers.date;
        message.hasBody = !body.isEmpty();
        if (message.hasBody)
            m_bodies.insert({folderId, fetched.uid}, body);
        folder.insert(fetched.uid, message);
    }
    return true;
}

bool MemorySyncStore::applyFlagUpdates(qint64 folderId, const QList<FlagUpdate> &updates)
{
    if (!write())
        return false;
    auto &folder = m_messages[folderId];
    for (const FlagUpdate &update : updates) {
        const auto found = folder.find(update.uid);
        if (found == folder.end())
            continue;
        found->flags = normalisedFlags(update.flags);
        found->modSeq = update.modSeq;
    }
    return true;
}

bool MemorySyncStore::removeMessages(qint64 folderId, const QList<quint32> &uids)
{
    if (!write())
        return false;
    for (const quint32 uid : uids) {
        m_messages[folderId].remove(uid);
        m_bodies.remove({folderId, uid});
    }
    return true;
}

QSet<quint32> MemorySyncStore::uids(qint64 folderId)
{
    if (m_observer)
        m_observer(Access::UidsRead);
    const QList<quint32> keys = m_messages.value(folderId).keys();
    return {keys.cbegin(), keys.cend()};
}

std::optional<CachedMessage> MemorySyncStore::message(qint64 folderId, quint32 uid)
{
    const auto folder = m_messages.constFind(folderId);
    if (folder == m_messages.cend() || !folder->contains(uid))
        return std::nullopt;
    return folder->value(uid);
}

bool MemorySyncStore::storeBodies(qint64 folderId, const QList<QPair<quint32, QByteArray>> &bodies)
{
    if (!write())
        return false;
    auto &folder = m_messages[folderId];
    for (const auto &[uid, body] : bodies) {
        const auto found = folder.find(uid);
        if (found == folder.end())
            continue;
        found->hasBody = true;
        m_bodies.insert({folderId, uid}, body);
    }
    return true;
}

QList<QPair<quint32, qint64>> MemorySyncStore::bodiesToFetch(qint64 folderId, const QDateTime &since)
{
    QList<CachedMessage> waiting;
    for (const CachedMessage &message : m_messages.value(folderId)) {
        if (!message.hasBody && (!since.isValid() || message.internalDate >= since))
            waiting.append(message);
    }
    // Newest first, as the cache orders them (date, then UID).
    std::sort(waiting.begin(), waiting.end(), [](const CachedMessage &a, const CachedMessage &b) {
        return a.internalDate != b.internalDate ? a.internalDate > b.internalDate : a.uid > b.uid;
    });
    QList<QPair<quint32, qint64>> result;
    for (const CachedMessage &message : std::as_const(waiting))
        result.append({message.uid, message.size});
    return result;
}

} // namespace Amiens::Test
