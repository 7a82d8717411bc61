#include "ServerSearchJob.h"

#include "cache/MailCache.h"
#include "imap/ImapCommandChannel.h"
#include "util/Logging.h"

#include <vmime/exception.hpp>

using namespace Qt::StringLiterals;

namespace Amiens {

ServerSearchJob::ServerSearchJob(QString text)
    : m_text(std::move(text).simplified())
{
}

QString ServerSearchJob::name() const
{
    return u"SEARCH TEXT"_s;
}

std::string ServerSearchJob::criteria(const QString &text, bool literalPlus)
{
    const QByteArray bytes = text.simplified().toUtf8();
    if (bytes.isEmpty())
        return {};
    if (literalPlus) {
        // {n+}: the server takes the bytes without a continuation request (RFC 7888).
        return "CHARSET UTF-8 TEXT {" + std::to_string(bytes.size()) + "+}\r\n" + bytes.toStdString();
    }
    for (const char c : bytes) {
        if (c < 0x20 || c > 0x7e || c == '"' || c == '\\')
            return {};
    }
    return "TEXT \"" + bytes.toStdString() + "\"";
}

void ServerSearchJob::run(ImapConnection &connection, MailCache &cache)
{
    m_rowIds.clear();
    m_missing = 0;
    m_unsupported = false;
    ImapCommandChannel channel(connection);
    const std::string search =
        criteria(m_text, channel.hasCapability("LITERAL+") || channel.hasCapability("LITERAL-"));
    m_unsupported = search.empty();
    if (m_unsupported)
        return;
    for (const CachedFolder &folder : cache.folderStore().folders()) {
        if (!folder.info.selectable)
            continue;
        // A folder deleted on the server since the last sync answers NO: the others are still
        // worth searching (the next sync drops it from the cache).
        try {
            channel.examine(folder.info.path());
        } catch (const vmime::exceptions::command_error &error) {
            qCInfo(lcImap) << "server search skips" << folder.info.path() << ":" << error.what();
            continue;
        }
        const QList<quint32> uids = channel.searchMatching(search);
        for (auto it = uids.crbegin(); it != uids.crend(); ++it) {
            if (const auto message = cache.messageStore().message(folder.id, *it))
                m_rowIds.append(message->rowId);
            else
                ++m_missing;
        }
    }
    qCInfo(lcImap) << "server search:" << m_rowIds.size() << "cached matches," << m_missing
                   << "not cached yet";
}

} // namespace Amiens
