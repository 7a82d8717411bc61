#include "FindMessageJob.h"

#include "cache/MailCache.h"
#include "imap/FolderList.h"
#include "imap/ImapCommandChannel.h"

using namespace Qt::StringLiterals;

namespace Amiens {

FindMessageJob::FindMessageJob(QString folderPath, QString messageId)
    : m_folderPath(std::move(folderPath))
    , m_messageId(std::move(messageId))
{
}

QString FindMessageJob::name() const
{
    return u"SEARCH Message-ID"_s;
}

QString FindMessageJob::sentFolder(ImapConnection &connection, MailCache &cache)
{
    return folderWithRole(connection, cache, FolderInfo::Role::Sent, u"Sent"_s);
}

QString FindMessageJob::folderWithRole(ImapConnection &connection, MailCache &cache, FolderInfo::Role role,
                                       const QString &fallback)
{
    if (cache.isOpen()) {
        for (const CachedFolder &folder : cache.folderStore().folders()) {
            if (folder.info.role == role)
                return folder.info.path();
        }
    }
    for (const FolderInfo &folder : FolderList::read(connection)) {
        if (folder.role == role)
            return folder.path();
    }
    return fallback;
}

QList<quint32> FindMessageJob::search(ImapCommandChannel &channel, const QString &messageId)
{
    // Only plain printable ASCII goes into the quoted string: anything else could not be
    // quoted safely and cannot be in a Message-ID we generate anyway.
    const QString id = messageId.trimmed();
    if (id.isEmpty())
        return {};
    for (const QChar c : id) {
        if (c.unicode() < 0x21 || c.unicode() > 0x7e || c == u'"' || c == u'\\')
            return {};
    }
    return channel.searchMatching("HEADER Message-ID \"<" + id.toStdString() + ">\"");
}

void FindMessageJob::run(ImapConnection &connection, MailCache &cache)
{
    if (m_folderPath.isEmpty())
        m_folderPath = sentFolder(connection, cache);
    ImapCommandChannel channel(connection);
    channel.examine(m_folderPath);
    m_uids = search(channel, m_messageId);
}

} // namespace Amiens
