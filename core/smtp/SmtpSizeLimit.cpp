#include "SmtpSizeLimit.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace Amiens {

QString SmtpSizeLimit::pathFor(const QString &outboxDirectory)
{
    return QDir::cleanPath(outboxDirectory) + u".smtp-size"_s;
}

qint64 SmtpSizeLimit::load(const QString &outboxDirectory)
{
    QFile file(pathFor(outboxDirectory));
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    const qint64 value = file.readAll().trimmed().toLongLong();
    return value > 0 ? value : 0;
}

bool SmtpSizeLimit::save(const QString &outboxDirectory, qint64 bytes)
{
    const QString path = pathFor(outboxDirectory);
    if (load(outboxDirectory) == bytes && QFile::exists(path))
        return true;
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(QByteArray::number(bytes));
    return file.commit();
}

} // namespace Amiens
