#include "MailCache.h"

#include "BackgroundMessageWriter.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace Amiens {

bool MailCache::open(const QString &path, const QString &accountKey, Mode mode, QString *error)
{
    if (!m_database.open(path, mode, error))
        return false;
    QSqlQuery query(m_database.database());
    query.exec(u"SELECT account_key FROM account WHERE id = 1"_s);
    if (query.next()) {
        if (query.value(0).toString() != accountKey) {
            if (error)
                *error = tr("The offline cache %1 belongs to another account.").arg(path);
            m_database.close();
            return false;
        }
    } else if (mode == Mode::ReadWrite) {
        query.prepare(u"INSERT INTO account (id, account_key) VALUES (1, ?)"_s);
        query.addBindValue(accountKey);
        query.exec();
    }
    if (mode == Mode::ReadWrite)
        m_messages.sweepInterruptedBodyFiles();
    m_accountId = accountKey;
    return true;
}

bool MailCache::saveFolderState(qint64 folderId, quint32 uidValidity, quint32 uidNext, quint64 highestModSeq)
{
    return m_folders.saveFolderState(folderId, uidValidity, uidNext, highestModSeq);
}

bool MailCache::resetFolder(qint64 folderId, quint32 uidValidity)
{
    return m_folders.resetFolder(folderId, uidValidity);
}

std::unique_ptr<BackgroundMessageWriter> MailCache::backgroundWriter()
{
    if (!m_database.isOpen())
        return nullptr;
    auto writer = std::make_unique<BackgroundMessageWriter>(m_database.path(), m_accountId,
                                                            m_messages.indexesBodiesWhenStored());
    return writer->isReady() ? std::move(writer) : nullptr;
}

bool MailCache::storeMessages(qint64 folderId, const QList<FetchedMessage> &messages,
                              const QList<QByteArray> &bodies)
{
    return m_messages.storeMessages(folderId, messages, bodies);
}

bool MailCache::applyFlagUpdates(qint64 folderId, const QList<FlagUpdate> &updates)
{
    return m_messages.applyFlagUpdates(folderId, updates);
}

bool MailCache::removeMessages(qint64 folderId, const QList<quint32> &uids)
{
    return m_messages.removeMessages(folderId, uids);
}

QSet<quint32> MailCache::uids(qint64 folderId)
{
    return m_messages.uids(folderId);
}

std::optional<CachedMessage> MailCache::message(qint64 folderId, quint32 uid)
{
    return m_messages.message(folderId, uid);
}

bool MailCache::storeBodies(qint64 folderId, const QList<QPair<quint32, QByteArray>> &bodies)
{
    return m_messages.storeBodies(folderId, bodies);
}

QList<QPair<quint32, qint64>> MailCache::bodiesToFetch(qint64 folderId, const QDateTime &since)
{
    return m_messages.bodiesToFetch(folderId, since);
}

} // namespace Amiens
