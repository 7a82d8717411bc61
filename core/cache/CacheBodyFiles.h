#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <optional>

namespace Amiens {

/// Message bodies too big for the database (above 512 KiB): one private file each in the
/// "bodies" folder beside it, written and flushed before the row that names it is committed,
/// removed with the row (or when the row was rolled back).
class CacheBodyFiles
{
public:
    /// The files of the cache database at @p databasePath.
    explicit CacheBodyFiles(const QString &databasePath);

    [[nodiscard]] const QString &folder() const { return m_folder; }
    /// Writes @p raw durably as @p fileName (0600 in a 0700 folder); false and the system's
    /// reason in @p error.
    bool write(const QString &fileName, const QByteArray &raw, QString *error) const;
    /// Nothing when the file is missing or unreadable.
    [[nodiscard]] std::optional<QByteArray> read(const QString &fileName) const;
    void remove(const QStringList &fileNames) const;

private:
    QString m_folder;
};

} // namespace Amiens
