#include "PrivateFiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStringList>

namespace Amiens::PrivateFiles {

namespace {

constexpr QFile::Permissions kFolder = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner;

} // namespace

bool makeFolder(const QString &path)
{
    QStringList missing;
    QString current = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    while (!QFileInfo::exists(current)) {
        missing.prepend(current);
        const QString parent = QFileInfo(current).absolutePath();
        if (parent == current)
            break;
        current = parent;
    }
    if (!QDir().mkpath(path))
        return false;
    bool ok = true;
    for (const QString &created : std::as_const(missing))
        ok = QFile::setPermissions(created, kFolder) && ok;
    return QFile::setPermissions(path, kFolder) && ok;
}

bool restrictFile(const QString &path)
{
    return QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
}

} // namespace Amiens::PrivateFiles
