#pragma once

#include <QByteArray>
#include <QString>

namespace Amiens {

/// Files that must survive a crash or a power cut once written: the outbox, messages moved
/// between accounts. The data is written to a temporary file, flushed, renamed over the target
/// (QSaveFile), then the folder itself is synced so that the rename is on disk too. Private to
/// the user (0600).
class DurableFile
{
public:
    /// False, and the system's reason in @p technical, when any step fails.
    static bool write(const QString &path, const QByteArray &data, QString *technical = nullptr);
    /// fsync of the folder @p directory: what makes a rename or a removal in it durable.
    static bool syncDirectory(const QString &directory);
};

} // namespace Amiens
