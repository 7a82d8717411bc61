#include "DurableFile.h"

#include "PrivateFiles.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <fcntl.h>
#include <unistd.h>

namespace Amiens {

bool DurableFile::write(const QString &path, const QByteArray &data, QString *technical)
{
    QSaveFile file(path);
    // QSaveFile::commit() flushes the data to disk before the rename.
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        if (technical)
            *technical = file.errorString();
        return false;
    }
    PrivateFiles::restrictFile(path);
    if (!syncDirectory(QFileInfo(path).absolutePath())) {
        if (technical)
            *technical = QStringLiteral("fsync of %1 failed").arg(QFileInfo(path).absolutePath());
        return false;
    }
    return true;
}

bool DurableFile::syncDirectory(const QString &directory)
{
    // The rename done by QSaveFile is only durable once the directory itself is synced.
    const int fd = ::open(QFile::encodeName(directory).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    const bool ok = fd >= 0 && ::fsync(fd) == 0;
    if (fd >= 0)
        ::close(fd);
    return ok;
}

} // namespace Amiens
