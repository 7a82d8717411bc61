#include "ReplaceDraftJob.h"

#include "AppendMessageJob.h"
#include "FindMessageJob.h"
#include "cache/MailCache.h"
#include "imap/ImapCommandChannel.h"
#include "util/Logging.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Amiens {

ReplaceDraftJob::ReplaceDraftJob(QString messageId, QByteArray bytes, QString folderPath)
    : m_messageId(std::move(messageId))
    , m_bytes(std::move(bytes))
    , m_folderPath(std::move(folderPath))
{
}

QString ReplaceDraftJob::name() const
{
    return m_bytes.isEmpty() ? u"delete draft"_s : u"save draft"_s;
}

void ReplaceDraftJob::run(ImapConnection &connection, MailCache &cache)
{
    if (m_folderPath.isEmpty())
        m_folderPath =
            FindMessageJob::folderWithRole(connection, cache, FolderInfo::Role::Drafts, u"Drafts"_s);
    if (!m_bytes.isEmpty()) {
        // No Message-ID check: the same ID is already there (the previous save) and must be replaced.
        AppendMessageJob append(m_folderPath, m_bytes, QString(), {u"\\Draft"_s, u"\\Seen"_s});
        append.run(connection, cache);
        m_uid = append.uid();
    }
    ImapCommandChannel channel(connection);
    // SELECT, not EXAMINE: the old copies are deleted.
    channel.execute("SELECT " + channel.mailboxArgument(m_folderPath));
    QList<quint32> found = FindMessageJob::search(channel, m_messageId);
    if (!m_bytes.isEmpty() && !found.isEmpty()) {
        // Without APPENDUID the newest copy is the one with the highest UID.
        const quint32 keep = m_uid != 0 ? m_uid : *std::max_element(found.cbegin(), found.cend());
        m_uid = keep;
        found.removeAll(keep);
    }
    if (found.isEmpty())
        return;
    const std::string set = ImapCommandChannel::uidSet(found);
    channel.execute("UID STORE " + set + " +FLAGS.SILENT (\\Deleted)");
    // Plain EXPUNGE would also remove other messages someone marked \Deleted in Drafts.
    if (channel.hasCapability("UIDPLUS"))
        channel.execute("UID EXPUNGE " + set);
    m_deleted = found;
    qCInfo(lcImap).noquote() << "draft: removed" << found.size() << "older copies from" << m_folderPath;
    if (cache.isOpen()) {
        if (const auto folder = cache.folderStore().folder(m_folderPath))
            cache.messageStore().removeMessages(folder->id, found);
    }
}

} // namespace Amiens
