#include "FetchBodyJob.h"

#include "cache/MailCache.h"
#include "imap/ImapCommandChannel.h"
#include "util/CacheWriteError.h"

using namespace Qt::StringLiterals;

namespace Amiens {

FetchBodyJob::FetchBodyJob(QString folderPath, quint32 uid)
    : m_folderPath(std::move(folderPath))
    , m_uid(uid)
{
}

QString FetchBodyJob::name() const
{
    return u"FETCH BODY"_s;
}

void FetchBodyJob::run(ImapConnection &connection, MailCache &cache)
{
    const auto folder = cache.folderStore().folder(m_folderPath);
    if (!folder)
        return;
    ImapCommandChannel channel(connection);
    channel.examine(m_folderPath);
    channel.fetch(std::to_string(m_uid), "(UID BODY.PEEK[])",
                  [&](FetchedMessage &&message, QByteArray &&body) {
                      if (message.uid != m_uid)
                          return;
                      if (!cache.messageStore().storeBody(folder->id, m_uid, body))
                          throw CacheWriteError("store body: " + cache.lastError().toStdString());
                      m_found = true;
                  });
}

} // namespace Amiens
