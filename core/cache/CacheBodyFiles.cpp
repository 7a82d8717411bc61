#include "CacheBodyFiles.h"

#include "util/Logging.h"
#include "util/PrivateFiles.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace Amiens {

CacheBodyFiles::CacheBodyFiles(const QString &databasePath)
    : m_folder(QFileInfo(databasePath).absolutePath() + u"/bodies"_s)
{
}

bool CacheBodyFiles::write(const QString &fileName, const QByteArray &raw, QString *error) const
{
    PrivateFiles::makeFolder(m_folder);
    QSaveFile file(m_folder + u'/' + fileName);
    // The folder is private (0700); the file is made 0600 too once in place.
    if (!file.open(QIODevice::WriteOnly) || file.write(raw) != raw.size() || !file.commit() ||
        !PrivateFiles::restrictFile(file.fileName())) {
        if (error)
            *error = file.errorString();
        qCWarning(lcCache) << "cannot write the body file" << file.fileName() << file.errorString();
        return false;
    }
    return true;
}

std::optional<QByteArray> CacheBodyFiles::read(const QString &fileName) const
{
    QFile file(m_folder + u'/' + fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        qCWarning(lcCache) << "missing body file" << file.fileName();
        return std::nullopt;
    }
    return file.readAll();
}

void CacheBodyFiles::remove(const QStringList &fileNames) const
{
    for (const QString &fileName : fileNames)
        QFile::remove(m_folder + u'/' + fileName);
}

} // namespace Amiens
