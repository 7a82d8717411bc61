#include "CacheBodyFiles.h"

#include "util/LargeBuffers.h"
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
    const auto openNew = [&file] {
        return file.open(QIODevice::WriteOnly | QIODevice::NewOnly,
                         QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    };
    // A new file, never an old one rewritten in place: a copy of the cache that shares its files
    // (hard links: backups, the benchmark's profile copies) keeps its own bytes. A name already
    // taken (a file a crash left) is unlinked first; asked only then, not before every write
    // (one failed unlink per body file of a first sync).
    // No fsync (QSaveFile cost one per message): the row records the size, so a file a crash
    // left short is refused at reading and fetched again from the server.
    bool opened = openNew();
    if (!opened && QFile::remove(file.fileName()))
        opened = openNew();
    if (!opened || file.write(raw) != raw.size()) {
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
    // One read into memory sized (and for big bodies, advised) beforehand, not readAll().
    const qint64 fileSize = file.size();
    QByteArray raw = LargeBuffers::uninitialised(static_cast<qsizetype>(fileSize));
    const qint64 got = file.read(raw.data(), fileSize);
    if (got != fileSize || (expectedSize >= 0 && fileSize != expectedSize)) {
        qCWarning(lcCache) << "damaged body file" << file.fileName() << got << "bytes instead of"
                           << (expectedSize >= 0 ? expectedSize : fileSize)
                           << "- the message will be fetched again";
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
