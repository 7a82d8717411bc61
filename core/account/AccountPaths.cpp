#include "AccountPaths.h"

#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace Amiens {

AccountPaths::AccountPaths(QString profileDirectory, QString accountId)
    : m_profileDirectory(std::move(profileDirectory))
    , m_accountId(std::move(accountId))
{
}

QString AccountPaths::key(const QString &accountId)
{
    return QString::fromLatin1(accountId.toUtf8().toHex());
}

QString AccountPaths::preferencesGroup(const QString &accountId)
{
    return u"account-"_s + key(accountId);
}

QString AccountPaths::profileDirectoryOfCacheFile(const QString &cacheFile)
{
    // <profile>/cache/<key>/mail.sqlite; by name only (QDir::cdUp needs the folders to exist).
    return QFileInfo(QFileInfo(QFileInfo(cacheFile).path()).path()).path();
}

QString AccountPaths::transfersDirectoryOfCacheFile(const QString &cacheFile)
{
    return profileDirectoryOfCacheFile(cacheFile) + u"/transfers/"_s +
           QFileInfo(QFileInfo(cacheFile).path()).fileName();
}

QString AccountPaths::cacheDirectory() const
{
    return m_profileDirectory + u"/cache/"_s + key(m_accountId);
}

QString AccountPaths::cacheFile() const
{
    return cacheDirectory() + u"/mail.sqlite"_s;
}

QString AccountPaths::temporaryDirectory() const
{
    return m_profileDirectory + u"/tmp/"_s + key(m_accountId);
}

QString AccountPaths::draftsDirectory() const
{
    return m_profileDirectory + u"/drafts/"_s + key(m_accountId);
}

QString AccountPaths::outboxDirectory() const
{
    return m_profileDirectory + u"/outbox/"_s + key(m_accountId);
}

QString AccountPaths::smtpSizeFile() const
{
    // Beside the outbox, not in it: the outbox folder holds only messages.
    return outboxDirectory() + u".smtp-size"_s;
}

QString AccountPaths::autoReplyStateFile() const
{
    return m_profileDirectory + u"/autoreply/"_s + key(m_accountId) + u".json"_s;
}

QString AccountPaths::transfersDirectory() const
{
    return m_profileDirectory + u"/transfers/"_s + key(m_accountId);
}

QStringList AccountPaths::all() const
{
    return {cacheDirectory(), temporaryDirectory(), draftsDirectory(),   outboxDirectory(),
            smtpSizeFile(),   autoReplyStateFile(), transfersDirectory()};
}

} // namespace Amiens
