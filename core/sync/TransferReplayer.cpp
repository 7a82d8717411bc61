#include "TransferReplayer.h"

#include "QuotaReader.h"
#include "imap/ImapCommandChannel.h"
#include "util/Logging.h"

#include <vmime/exception.hpp>

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

using Transfer = MessageTransferQueue::Transfer;

/// The flags an APPEND may carry: the server sets \Recent itself, and a \Deleted copy would
/// vanish at the next expunge.
QStringList appendableFlags(const QStringList &flags)
{
    QStringList result;
    for (const QString &flag : flags) {
        if (flag.compare(u"\\Recent"_s, Qt::CaseInsensitive) != 0 &&
            flag.compare(u"\\Deleted"_s, Qt::CaseInsensitive) != 0)
            result.append(flag);
    }
    return result;
}

/// A quoted IMAP string: the Message-ID comes from a message, so quotes and backslashes are escaped
/// and line breaks dropped.
std::string quoted(const QString &text)
{
    std::string result = "\"";
    for (const char c : text.toStdString()) {
        if (c == '\r' || c == '\n')
            continue;
        if (c == '"' || c == '\\')
            result += '\\';
        result += c;
    }
    return result + '"';
}

} // namespace

TransferReplayer::TransferReplayer(ImapCommandChannel &channel, MessageTransferQueue &queue)
    : m_channel(channel)
    , m_queue(queue)
{
}

bool TransferReplayer::alreadyOnServer(const QString &folderPath, const QString &messageId)
{
    if (messageId.isEmpty())
        return false;
    m_channel.examine(folderPath);
    return !m_channel.searchMatching("HEADER Message-ID " + quoted(u'<' + messageId + u'>')).isEmpty();
}

TransferReplayer::Result TransferReplayer::run()
{
    Result result;
    const QList<Transfer> transfers = m_queue.all();
    for (Transfer transfer : transfers) {
        if (transfer.state == Transfer::State::Appended || transfer.state == Transfer::State::Failed) {
            // Waiting for the source account to collect it; a copy has nothing to collect.
            if (transfer.sourceAccount.isEmpty())
                m_queue.remove(transfer.id);
            continue;
        }
        const std::optional<QByteArray> bytes = m_queue.bytes(transfer.id);
        QString error;
        if (transfer.state == Transfer::State::Attempted &&
            alreadyOnServer(transfer.folderPath, transfer.messageId)) {
            transfer.state = Transfer::State::Appended;
        } else if (!bytes) {
            transfer.state = Transfer::State::Failed;
            transfer.lastError = tr("the message's file is missing");
        } else {
            transfer.state = Transfer::State::Attempted;
            if (!m_queue.update(transfer, &error)) {
                result.problems.append(error);
                return result; // without the mark, sending could not be made exactly once
            }
            try {
                m_channel.append(transfer.folderPath, *bytes, appendableFlags(transfer.flags));
                transfer.state = Transfer::State::Appended;
            } catch (const vmime::exceptions::command_error &e) {
                const QString reason = QString::fromStdString(e.response()).trimmed();
                qCWarning(lcSync).noquote() << "transfer" << transfer.id << "refused:" << reason;
                transfer.lastError = reason;
                transfer.state = Transfer::State::Queued;
                if (QuotaReader::saysOverQuota(reason)) {
                    result.overQuota = true;
                    // Not the message's fault: it waits until there is room, however long.
                    result.problems.append(
                        tr("The mailbox is full: \"%1\" will be added to %2 once space has been freed.")
                            .arg(transfer.subject, transfer.folderPath));
                } else if (++transfer.attempts >= kMaxAttempts) {
                    transfer.state = Transfer::State::Failed;
                    result.problems.append(tr("The server refused \"%1\" in %2 (%3).")
                                               .arg(transfer.subject, transfer.folderPath, reason));
                }
            }
        }
        if (!m_queue.update(transfer, &error)) {
            result.problems.append(error);
            return result;
        }
        if (transfer.state == Transfer::State::Appended) {
            ++result.appended;
            if (transfer.sourceAccount.isEmpty())
                m_queue.remove(transfer.id);
            else
                m_queue.dropBytes(transfer.id);
        }
    }
    return result;
}

} // namespace Amiens
