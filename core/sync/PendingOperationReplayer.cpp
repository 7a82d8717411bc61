#include "PendingOperationReplayer.h"

#include "MessageTransferQueue.h"
#include "account/AccountPaths.h"
#include "cache/MailCache.h"
#include "cache/PendingOperationQueue.h"
#include "imap/ImapCommandChannel.h"
#include "util/Clock.h"
#include "util/Logging.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <vmime/exception.hpp>

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

std::string flagList(const QString &flags)
{
    return "(" + flags.toStdString() + ")";
}

} // namespace

PendingOperationReplayer::PendingOperationReplayer(ImapCommandChannel &channel, MailCache &cache)
    : m_channel(channel)
    , m_cache(cache)
{
}

PendingOperationReplayer::Result PendingOperationReplayer::run()
{
    return run(Clock::currentSecsSinceEpoch());
}

PendingOperationReplayer::Result PendingOperationReplayer::run(qint64 now)
{
    Result result;
    PendingOperationQueue queue(m_cache.database());
    const QList<PendingOperation> operations = queue.all();
    QString selected;
    for (const PendingOperation &operation : operations) {
        if (operation.notBefore > now) {
            result.heldUntil = operation.notBefore;
            break;
        }
        const bool takesMessagesAway = operation.kind == PendingOperation::Kind::Move ||
                                       operation.kind == PendingOperation::Kind::Delete ||
                                       operation.kind == PendingOperation::Kind::TransferOut;
        try {
            if (operation.kind == PendingOperation::Kind::TransferOut) {
                if (replayTransferOut(operation, result, selected))
                    ++result.applied;
                continue;
            }
            if (selected != operation.folderPath) {
                // SELECT (read-write) only here: syncing always uses EXAMINE.
                m_channel.execute("SELECT " + m_channel.mailboxArgument(operation.folderPath));
                selected = operation.folderPath;
            }
            // The server wins: messages expunged there meanwhile are dropped from the change.
            const QList<quint32> present = m_channel.searchUids(ImapCommandChannel::uidSet(operation.uids));
            if (present.size() < operation.uids.size()) {
                const int removed = static_cast<int>(operation.uids.size() - present.size());
                result.conflicts.append(tr("%n message(s) of %1 were removed on the server before the change "
                                           "made offline could be applied.",
                                           nullptr, removed)
                                            .arg(operation.folderPath));
            }
            if (!present.isEmpty()) {
                const std::string set = ImapCommandChannel::uidSet(present);
                switch (operation.kind) {
                case PendingOperation::Kind::AddFlags:
                    m_channel.execute("UID STORE " + set + " +FLAGS.SILENT " + flagList(operation.argument));
                    break;
                case PendingOperation::Kind::RemoveFlags:
                    m_channel.execute("UID STORE " + set + " -FLAGS.SILENT " + flagList(operation.argument));
                    break;
                case PendingOperation::Kind::Move:
                case PendingOperation::Kind::Delete: {
                    QString destination = operation.argument;
                    if (operation.kind == PendingOperation::Kind::Delete) {
                        // To the Trash, unless already there or deleted for good.
                        destination.clear();
                        const bool forGood = operation.argument == PendingOperation::kForGood;
                        for (const CachedFolder &folder : m_cache.folderStore().folders()) {
                            if (!forGood && folder.info.role == FolderInfo::Role::Trash)
                                destination = folder.info.path();
                        }
                        if (destination == operation.folderPath)
                            destination.clear();
                    }
                    if (!destination.isEmpty() && m_channel.hasCapability("MOVE")) {
                        m_channel.execute("UID MOVE " + set + " " + m_channel.mailboxArgument(destination));
                    } else {
                        if (!destination.isEmpty())
                            m_channel.execute("UID COPY " + set + " " +
                                              m_channel.mailboxArgument(destination));
                        m_channel.execute("UID STORE " + set + " +FLAGS.SILENT (\\Deleted)");
                        // Plain EXPUNGE would also remove other messages marked \Deleted elsewhere.
                        if (m_channel.hasCapability("UIDPLUS"))
                            m_channel.execute("UID EXPUNGE " + set);
                    }
                    if (destination.isEmpty())
                        markQuotaStale(); // deleted for good: room was freed
                    break;
                }
                case PendingOperation::Kind::TransferOut:
                    break; // replayTransferOut
                }
            }
            queue.remove(operation.id);
            if (takesMessagesAway)
                m_cache.localChanges().removeHiddenMessages(operation.id);
            ++result.applied;
        } catch (const vmime::exceptions::command_error &e) {
            // The server refused this change (not the connection): retry later, then give up.
            const QString error = QString::fromUtf8(e.what()) + u' ' + QString::fromStdString(e.response());
            qCWarning(lcSync).noquote()
                << "pending" << PendingOperation::kindName(operation.kind) << "refused:" << error;
            if (operation.attempts + 1 >= kMaxAttempts) {
                queue.remove(operation.id);
                // The messages stay where the server keeps them: show them again.
                if (takesMessagesAway) {
                    m_cache.localChanges().unhideMessages(operation.id);
                    if (operation.kind == PendingOperation::Kind::TransferOut)
                        forgetTransfer(operation);
                } else if (const auto folder = m_cache.folderStore().folder(operation.folderPath)) {
                    // The cache shows flags the server never took, and their messages' MODSEQ did
                    // not move, so no CHANGEDSINCE would ever bring the server's flags back:
                    // without a HIGHESTMODSEQ, the folder's sync that follows reads every flag.
                    m_cache.folderStore().saveFolderState(folder->id, folder->uidValidity, folder->uidNext,
                                                          0);
                }
                result.conflicts.append(
                    tr("The server refused a change made offline in %1 (%2); it was abandoned.")
                        .arg(operation.folderPath, error.trimmed()));
            } else {
                queue.recordFailure(operation.id, error);
            }
            selected.clear();
        }
    }
    return result;
}

PendingOperationReplayer::TransferTarget PendingOperationReplayer::targetOf(const PendingOperation &operation)
{
    const QJsonObject argument = QJsonDocument::fromJson(operation.argument.toUtf8()).object();
    return {argument.value(u"account"_s).toString(), argument.value(u"transfer"_s).toString()};
}

MessageTransferQueue PendingOperationReplayer::transfersOf(const QString &account) const
{
    return MessageTransferQueue(
        AccountPaths(AccountPaths::profileDirectoryOfCacheFile(m_cache.database().path()), account)
            .transfersDirectory());
}

void PendingOperationReplayer::markQuotaStale()
{
    // The user freeing space wants to see the banner go: the sync after this replay reads it.
    if (!m_cache.quotaStore().markStale())
        qCWarning(lcCache).noquote() << "quota not marked stale:" << m_cache.lastError();
}

void PendingOperationReplayer::forgetTransfer(const PendingOperation &operation) const
{
    // This side keeps its copy after all: the other account's record must not wait for it forever.
    const TransferTarget target = targetOf(operation);
    transfersOf(target.account).remove(target.transferId);
}

bool PendingOperationReplayer::replayTransferOut(const PendingOperation &operation, Result &result,
                                                 QString &selected)
{
    using Transfer = MessageTransferQueue::Transfer;
    const auto [target, transferId] = targetOf(operation);
    MessageTransferQueue transfers = transfersOf(target);
    const std::optional<Transfer> transfer = transfers.transfer(transferId);
    PendingOperationQueue queue(m_cache.database());
    if (!transfer || transfer->state == Transfer::State::Failed) {
        // Never added to the other account (it refused it, or the account was removed): the
        // message stays here, shown again.
        m_cache.localChanges().unhideMessages(operation.id);
        queue.remove(operation.id);
        if (transfer)
            transfers.remove(transferId);
        result.conflicts.append(
            tr("A message of %1 could not be moved to the account %2 (%3); it stays in %1.")
                .arg(operation.folderPath, target,
                     transfer ? transfer->lastError : tr("the account no longer exists")));
        return false;
    }
    if (transfer->state != Transfer::State::Appended)
        return false; // the other account has not added it yet: ask again at the next replay
    if (selected != operation.folderPath) {
        m_channel.execute("SELECT " + m_channel.mailboxArgument(operation.folderPath));
        selected = operation.folderPath;
    }
    // The copy on the other account is there: this one goes for good (not to the Trash, where it
    // would be a second copy).
    const QList<quint32> present = m_channel.searchUids(ImapCommandChannel::uidSet(operation.uids));
    if (!present.isEmpty()) {
        const std::string set = ImapCommandChannel::uidSet(present);
        m_channel.execute("UID STORE " + set + " +FLAGS.SILENT (\\Deleted)");
        if (m_channel.hasCapability("UIDPLUS"))
            m_channel.execute("UID EXPUNGE " + set);
        markQuotaStale();
    }
    queue.remove(operation.id);
    m_cache.localChanges().removeHiddenMessages(operation.id);
    transfers.remove(transferId);
    return true;
}

} // namespace Amiens
