#include "OfflineChanges.h"

#include "cache/MailCache.h"
#include "cache/PendingOperationQueue.h"
#include "util/Clock.h"

#include <QDateTime>

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
    const auto folder = m_cache.folderStore().folder(folderPath);
    if (!folder)
        return fail(error, tr("Unknown folder: %1").arg(folderPath));
    PendingOperationQueue queue(m_cache.database());
    const bool ok = m_cache.database().transaction([&] {
        if (!m_cache.localChanges().changeFlags(folder->id, uids, add, remove))
            return false;
        if (!add.isEmpty() &&
            !queue.enqueue({0, PendingOperation::Kind::AddFlags, folderPath, uids, add.join(u' '), 0, {}, 0}))
            return false;
        if (!remove.isEmpty() &&
            !queue.enqueue(
                {0, PendingOperation::Kind::RemoveFlags, folderPath, uids, remove.join(u' '), 0, {}, 0}))
            return false;
        return true;
    });
    return ok || fail(error, tr("The change could not be saved: %1").arg(m_cache.lastError()));
}

bool OfflineChanges::move(const QString &folderPath, const QList<quint32> &uids,
                          const QString &destinationPath, QString *error, int undoSeconds,
                          qint64 *operationId)
{
    if (!m_cache.folderStore().folder(destinationPath))
        return fail(error, tr("Unknown folder: %1").arg(destinationPath));
    if (folderPath == destinationPath)
        return true;
    return takeAway(folderPath, uids, PendingOperation::Kind::Move, destinationPath, undoSeconds, operationId,
                    error);
}

bool OfflineChanges::remove(const QString &folderPath, const QList<quint32> &uids, QString *error,
                            int undoSeconds, qint64 *operationId)
{
    return takeAway(folderPath, uids, PendingOperation::Kind::Delete, {}, undoSeconds, operationId, error);
}

bool OfflineChanges::takeAway(const QString &folderPath, const QList<quint32> &uids,
                              PendingOperation::Kind kind, const QString &destinationPath, int undoSeconds,
                              qint64 *operationId, QString *error)
{
    const auto folder = m_cache.folderStore().folder(folderPath);
    if (!folder)
        return fail(error, tr("Unknown folder: %1").arg(folderPath));
    PendingOperation operation;
    operation.kind = kind;
    operation.folderPath = folderPath;
    operation.uids = uids;
    operation.argument = destinationPath;
    if (undoSeconds > 0)
        operation.notBefore = Clock::currentSecsSinceEpoch() + undoSeconds;
    PendingOperationQueue queue(m_cache.database());
    qint64 id = 0;
    const bool ok = m_cache.database().transaction([&] {
        id = queue.enqueue(operation);
        return id != 0 && m_cache.localChanges().hideMessages(folder->id, uids, id);
    });
    if (!ok)
        return fail(error, tr("The change could not be saved: %1").arg(m_cache.lastError()));
    if (operationId)
        *operationId = id;
    return true;
}

bool OfflineChanges::undo(qint64 operationId, QString *error)
{
    PendingOperationQueue queue(m_cache.database());
    // Only this thread replays the queue, so the entry cannot go between the check and the removal.
    if (!queue.contains(operationId))
        return fail(error, tr("Too late to undo: the server has already done the change."));
    const bool ok = m_cache.database().transaction(
        [&] { return queue.remove(operationId) && m_cache.localChanges().unhideMessages(operationId); });
    return ok || fail(error, tr("The change could not be undone: %1").arg(m_cache.lastError()));
}

} // namespace Amiens
