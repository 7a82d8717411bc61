#include "CacheBodyFiles.h"

#include "util/Logging.h"
#include "util/PrivateFiles.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <functional>

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {
/// Files younger than this may belong to a transaction another process has not committed yet.
constexpr qint64 kSweepMinimumAgeSeconds = 10 * 60;
} // namespace

CacheBodyFiles::CacheBodyFiles(const QString &databasePath)
    : m_folder(QFileInfo(databasePath).absolutePath() + u"/bodies"_s)
{
}

QString CacheBodyFiles::markerPath() const
{
    return m_folder + u"/.writing"_s;
}

bool CacheBodyFiles::write(const QString &fileName, const QByteArray &raw, QString *error) const
{
    QFile file(m_folder + u'/' + fileName);
    // A new file, never an old one rewritten in place: a copy of the cache that shares its files
    // (hard links: backups, the benchmark's profile copies) keeps its own bytes.
    QFile::remove(file.fileName());
    // No fsync (QSaveFile cost one per message): the row records the size, so a file a crash
    // left short is refused at reading and fetched again from the server.
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly,
                   QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
        file.write(raw) != raw.size()) {
        if (error)
            *error = file.errorString();
        qCWarning(lcCache) << "cannot write the body file" << file.fileName() << file.errorString();
        file.close();
        QFile::remove(file.fileName());
        return false;
    }
    return true;
}

std::optional<QByteArray> CacheBodyFiles::read(const QString &fileName, qint64 expectedSize) const
{
    QFile file(m_folder + u'/' + fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        qCWarning(lcCache) << "missing body file" << file.fileName() << "- the message will be fetched again";
        return std::nullopt;
    }
    QByteArray raw = file.readAll();
    if (expectedSize >= 0 && raw.size() != expectedSize) {
        qCWarning(lcCache) << "damaged body file" << file.fileName() << raw.size() << "bytes instead of"
                           << expectedSize << "- the message will be fetched again";
        return std::nullopt;
    }
    return raw;
}

void CacheBodyFiles::remove(const QStringList &fileNames) const
{
    for (const QString &fileName : fileNames)
        QFile::remove(m_folder + u'/' + fileName);
}

void CacheBodyFiles::beginWrites() const
{
    PrivateFiles::makeFolder(m_folder);
    QFile marker(markerPath());
    if (!marker.exists())
        marker.open(QIODevice::WriteOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

void CacheBodyFiles::finishWrites() const
{
    QFile::remove(markerPath());
}

int CacheBodyFiles::sweepIfInterrupted(const std::function<QSet<QString>()> &named) const
{
    if (!QFileInfo::exists(markerPath()))
        return 0;
    const QSet<QString> kept = named();
    const QDateTime youngest = QDateTime::currentDateTime().addSecs(-kSweepMinimumAgeSeconds);
    int removed = 0;
    bool skipped = false;
    const QFileInfoList files = QDir(m_folder).entryInfoList({u"*.eml"_s}, QDir::Files);
    for (const QFileInfo &file : files) {
        if (kept.contains(file.fileName()))
            continue;
        if (file.lastModified() >= youngest)
            skipped = true; // looked at again at the next opening
        else if (QFile::remove(file.absoluteFilePath()))
            ++removed;
    }
    qCInfo(lcCache) << "interrupted body writes:" << removed << "files without a row removed";
    if (!skipped)
        finishWrites();
    return removed;
}

} // namespace Amiens
