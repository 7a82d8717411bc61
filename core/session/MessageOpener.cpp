#include "MessageOpener.h"

#include "AccountSession.h"
#include "cache/MailCache.h"
#include "imap/FolderPermissions.h"
#include "jobs/FetchBodyJob.h"

using namespace Qt::StringLiterals;

namespace Amiens {

MessageOpener::MessageOpener(MailCache &cache, QObject *parent)
    : QObject(parent)
    , m_cache(cache)
{
}

void MessageOpener::setSession(AccountSession *session)
{
    m_session = session;
}

MessageOpener::Opened MessageOpener::open(const CachedMessage &message)
{
    Opened opened;
    opened.raw = m_cache.messageStore().body(message.folderId, message.uid);
    opened.ownFolder = isOwnFolder(message.folderId);
    if (!m_session)
        return opened;
    const QString path = folderPath(message.folderId);
    if (!opened.raw) {
        // Not downloaded yet: fetched now; the caller shows it if it is still the one selected.
        auto job = std::make_shared<FetchBodyJob>(path, message.uid);
        const qint64 rowId = message.rowId;
        const qint64 folderId = message.folderId;
        const quint32 uid = message.uid;
        m_session->submit(
            job, [self = QPointer(this), rowId, folderId, uid](const std::optional<ServiceError> &error) {
                if (!self)
                    return;
                if (const auto body = self->m_cache.messageStore().body(folderId, uid))
                    Q_EMIT self->bodyReady(rowId, *body);
                else
                    Q_EMIT self->bodyFailed(rowId, error);
            });
        opened.fetching = true;
    } else if (!message.isSeen() && maySetSeen(message.folderId)) {
        // A folder shared read-only cannot take \Seen: opening a message there is no error.
        m_session->changeFlags(path, {message.uid}, {u"\\Seen"_s}, {},
                               [self = QPointer(this)](const QString &error) {
                                   if (self)
                                       Q_EMIT self->localChangeFinished(error);
                               });
    }
    return opened;
}

QString MessageOpener::folderPath(qint64 folderId) const
{
    const auto folder = m_cache.folderStore().folderById(folderId);
    return folder ? folder->info.path() : QString();
}

bool MessageOpener::maySetSeen(qint64 folderId) const
{
    const auto folder = m_cache.folderStore().folderById(folderId);
    return !folder || FolderPermissions(folder->info).can(FolderPermissions::Action::ChangeSeen);
}

bool MessageOpener::isOwnFolder(qint64 folderId) const
{
    const auto folder = m_cache.folderStore().folderById(folderId);
    return folder &&
           (folder->info.role == FolderInfo::Role::Sent || folder->info.role == FolderInfo::Role::Drafts);
}

} // namespace Amiens
