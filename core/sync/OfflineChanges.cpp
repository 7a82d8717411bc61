#include "OfflineChanges.h"

#include "MessageTransferQueue.h"
#include "account/AccountPaths.h"
#include "cache/MailCache.h"
#include "cache/PendingOperationQueue.h"
#include "imap/FolderPermissions.h"
#include "util/Clock.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

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

/// False with the French reason when @p folder's rights forbid @p action: checked before anything
/// is queued, so a refused change leaves no trace.
bool allowed(const CachedFolder &folder, FolderPermissions::Action action, QString *error)
{
    const FolderPermissions permissions(folder.info);
    return permissions.can(action) || fail(error, permissions.reason(action));
}

} // namespace

bool OfflineChanges::changeFlags(const QString &folderPath, const QList<quint32> &uids,
                                 const QStringList &add, const QStringList &remove, QString *error)
{
    const auto folder = m_cache.folderStore().folder(folderPath);
    if (!folder)
        return fail(error, tr("Unknown folder: %1").arg(folderPath));
    if (QString reason; !FolderPermissions(folder->info).canChangeFlags(add + remove, &reason))
        return fail(error, reason);
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
    const auto destination = m_cache.folderStore().folder(destinationPath);
    if (!destination)
        return fail(error, tr("Unknown folder: %1").arg(destinationPath));
    if (folderPath == destinationPath)
        return true;
    if (!allowed(*destination, FolderPermissions::Action::AddMessages, error))
        return false;
    return takeAway(folderPath, uids, PendingOperation::Kind::Move, destinationPath, undoSeconds, operationId,
                    error);
}

bool OfflineChanges::remove(const QString &folderPath, const QList<quint32> &uids, QString *error,
                            int undoSeconds, qint64 *operationId)
{
    return takeAway(folderPath, uids, PendingOperation::Kind::Delete, {}, undoSeconds, operationId, error);
}

bool OfflineChanges::removeForGood(const QString &folderPath, const QList<quint32> &uids, QString *error)
{
    return takeAway(folderPath, uids, PendingOperation::Kind::Delete, PendingOperation::kForGood, 0, nullptr,
                    error);
}

bool OfflineChanges::takeAway(const QString &folderPath, const QList<quint32> &uids,
                              PendingOperation::Kind kind, const QString &destinationPath, int undoSeconds,
                              qint64 *operationId, QString *error)
{
    const auto folder = m_cache.folderStore().folder(folderPath);
    if (!folder)
        return fail(error, tr("Unknown folder: %1").arg(folderPath));
    if (!allowed(*folder,
                 kind == PendingOperation::Kind::Delete ? FolderPermissions::Action::DeleteMessages
                                                        : FolderPermissions::Action::MoveOut,
                 error))
        return false;
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

bool OfflineChanges::transfer(const QString &folderPath, const QList<quint32> &uids,
                              const QString &targetAccountId, const QString &targetFolder, bool keepOriginal,
                              QString *error)
{
    using Transfer = MessageTransferQueue::Transfer;
    const auto folder = m_cache.folderStore().folder(folderPath);
    if (!folder)
        return fail(error, tr("Unknown folder: %1").arg(folderPath));
    if (!keepOriginal && !allowed(*folder, FolderPermissions::Action::MoveOut, error))
        return false;
    // Everything is read first: either every message goes, or none.
    QList<QPair<Transfer, QByteArray>> messages;
    for (const quint32 uid : uids) {
        const std::optional<CachedMessage> message = m_cache.messageStore().message(folder->id, uid);
        if (!message)
            return fail(error, tr("The message %1 of %2 is no longer there.").arg(uid).arg(folderPath));
        std::optional<QByteArray> raw = m_cache.messageStore().body(folder->id, uid);
        if (!raw)
            return fail(error, tr("\"%1\" is not downloaded yet: open it once connected, then move it to the "
                                  "other account.")
                                   .arg(message->headers.subject));
        Transfer transfer;
        transfer.id = MessageTransferQueue::newId();
        transfer.folderPath = targetFolder;
        transfer.flags = message->flags;
        transfer.messageId = message->headers.messageId;
        transfer.subject = message->headers.subject;
        messages.append({transfer, std::move(*raw)});
    }
    const QString profile = AccountPaths::profileDirectoryOfCacheFile(m_cache.database().path());
    const QString sourceAccount = m_cache.accountId();
    MessageTransferQueue target(AccountPaths(profile, targetAccountId).transfersDirectory());

    // A move first records here what to remove, and hides it; then the other account's queue gets
    // the messages. A crash in between leaves records without transfers: the replay puts the
    // messages back (never a loss, never a second copy).
    QList<qint64> operations;
    if (!keepOriginal) {
        PendingOperationQueue queue(m_cache.database());
        const bool ok = m_cache.database().transaction([&] {
            for (auto &[transfer, raw] : messages) {
                transfer.sourceAccount = sourceAccount;
                PendingOperation operation;
                operation.kind = PendingOperation::Kind::TransferOut;
                operation.folderPath = folderPath;
                operation.uids = {uids.at(operations.size())};
                operation.argument = QString::fromUtf8(
                    QJsonDocument(QJsonObject{{u"account"_s, targetAccountId}, {u"transfer"_s, transfer.id}})
                        .toJson(QJsonDocument::Compact));
                const qint64 id = queue.enqueue(operation);
                if (id == 0 || !m_cache.localChanges().hideMessages(folder->id, operation.uids, id))
                    return false;
                operations.append(id);
            }
            return true;
        });
        if (!ok)
            return fail(error, tr("The change could not be saved: %1").arg(m_cache.lastError()));
    }
    QStringList written;
    for (const auto &[transfer, raw] : std::as_const(messages)) {
        if (!target.enqueue(raw, transfer, error)) {
            // Back to where it was: nothing half done.
            for (const QString &id : std::as_const(written))
                target.remove(id);
            PendingOperationQueue queue(m_cache.database());
            for (const qint64 operation : std::as_const(operations)) {
                m_cache.localChanges().unhideMessages(operation);
                queue.remove(operation);
            }
            return false;
        }
        written.append(transfer.id);
    }
    return true;
}

} // namespace Amiens
