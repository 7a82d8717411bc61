#include "OfflineChanges.h"

#include "cache/MailCache.h"
#include "cache/PendingOperationQueue.h"

using namespace Qt::StringLiterals;

namespace Amiens {

OfflineChanges::OfflineChanges(MailCache &cache)
    : m_cache(cache)
{
}

namespace {

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

} // namespace

bool OfflineChanges::changeFlags(const QString &folderPath, const QList<quint32> &uids,
                                 const QStringList &add, const QStringList &remove, QString *error)
{
    const auto folder = m_cache.folder(folderPath);
    if (!folder)
        return fail(error, tr("Unknown folder: %1").arg(folderPath));
    PendingOperationQueue queue(m_cache.database());
    const bool ok = m_cache.database().transaction([&] {
        if (!m_cache.changeFlags(folder->id, uids, add, remove))
            return false;
        if (!add.isEmpty() &&
            !queue.enqueue({0, PendingOperation::Kind::AddFlags, folderPath, uids, add.join(u' '), 0, {}}))
            return false;
        if (!remove.isEmpty() &&
            !queue.enqueue(
                {0, PendingOperation::Kind::RemoveFlags, folderPath, uids, remove.join(u' '), 0, {}}))
            return false;
        return true;
    });
    return ok || fail(error, tr("The change could not be saved: %1").arg(m_cache.lastError()));
}

bool OfflineChanges::move(const QString &folderPath, const QList<quint32> &uids,
                          const QString &destinationPath, QString *error)
{
    const auto folder = m_cache.folder(folderPath);
    if (!folder)
        return fail(error, tr("Unknown folder: %1").arg(folderPath));
    if (!m_cache.folder(destinationPath))
        return fail(error, tr("Unknown folder: %1").arg(destinationPath));
    if (folderPath == destinationPath)
        return true;
    PendingOperationQueue queue(m_cache.database());
    // The messages leave the source at once; they appear in the destination with its next sync.
    const bool ok = m_cache.database().transaction([&] {
        return queue.enqueue({0, PendingOperation::Kind::Move, folderPath, uids, destinationPath, 0, {}}) !=
                   0 &&
               m_cache.removeMessages(folder->id, uids);
    });
    return ok || fail(error, tr("The change could not be saved: %1").arg(m_cache.lastError()));
}

bool OfflineChanges::remove(const QString &folderPath, const QList<quint32> &uids, QString *error)
{
    const auto folder = m_cache.folder(folderPath);
    if (!folder)
        return fail(error, tr("Unknown folder: %1").arg(folderPath));
    PendingOperationQueue queue(m_cache.database());
    const bool ok = m_cache.database().transaction([&] {
        return queue.enqueue({0, PendingOperation::Kind::Delete, folderPath, uids, {}, 0, {}}) != 0 &&
               m_cache.removeMessages(folder->id, uids);
    });
    return ok || fail(error, tr("The change could not be saved: %1").arg(m_cache.lastError()));
}

} // namespace Amiens
