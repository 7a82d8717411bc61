#include "AppendMessageJob.h"

#include "FindMessageJob.h"
#include "cache/MailCache.h"
#include "imap/ImapCommandChannel.h"
#include "imap/ImapConnection.h"
#include "sync/QuotaReader.h"
#include "util/Logging.h"

#include <vmime/exception.hpp>

using namespace Qt::StringLiterals;

namespace Amiens {

AppendMessageJob::AppendMessageJob(QString folderPath, QByteArray bytes, QString messageId, QStringList flags)
    : m_folderPath(std::move(folderPath))
    , m_bytes(std::move(bytes))
    , m_messageId(std::move(messageId))
    , m_flags(std::move(flags))
{
}

QString AppendMessageJob::name() const
{
    return u"APPEND"_s;
}

void AppendMessageJob::run(ImapConnection &connection, MailCache &cache)
{
    if (m_folderPath.isEmpty())
        m_folderPath = FindMessageJob::sentFolder(connection, cache);
    ImapCommandChannel channel(connection);
    if (!m_messageId.isEmpty()) {
        channel.examine(m_folderPath);
        const QList<quint32> found = FindMessageJob::search(channel, m_messageId);
        if (!found.isEmpty()) {
            m_uid = found.last();
            m_alreadyPresent = true;
            return;
        }
    }

    try {
        m_uid = channel.append(m_folderPath, m_bytes, m_flags);
    } catch (const vmime::exceptions::command_error &error) {
        // A full mailbox the last reading did not show: the next sync reads the quota again.
        if (cache.isOpen() && QuotaReader::saysOverQuota(QString::fromStdString(error.response())))
            cache.quotaStore().markStale();
        throw;
    }
    qCInfo(lcImap).noquote() << "appended" << m_bytes.size() << "bytes to" << m_folderPath << "uid" << m_uid;

    // The cache gets the copy at once, so Sent shows it before the next sync; the folder's
    // sync state is left alone, so the next sync still checks everything from its UIDNEXT.
    if (m_uid == 0 || !cache.isOpen())
        return;
    const auto folder = cache.folderStore().folder(m_folderPath);
    if (!folder)
        return;
    const qsizetype headerEnd = m_bytes.indexOf("\r\n\r\n");
    FetchedMessage message;
    message.uid = m_uid;
    message.flags = m_flags;
    message.size = m_bytes.size();
    message.rawHeader = headerEnd < 0 ? m_bytes : m_bytes.left(headerEnd + 4);
    // A cache that cannot be written must not turn a successful APPEND into a failure
    // (the outbox would append again): the next sync brings the message anyway.
    if (!cache.messageStore().storeHeaders(folder->id, {message}) ||
        !cache.messageStore().storeBody(folder->id, m_uid, m_bytes))
        qCWarning(lcCache).noquote() << "sent copy not cached:" << cache.lastError();
}

} // namespace Amiens
