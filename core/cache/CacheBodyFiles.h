#pragma once

#include <QByteArray>
#include <QSet>
#include <QString>
#include <QStringList>
#include <functional>
#include <optional>

namespace Amiens {

/// Message bodies too big to be worth a database write (CacheMessageStore::kMaxInlineBody): one
/// private file each in the "bodies" folder beside the database, written once and never flushed
/// to disk (the server keeps the message: a lost file is fetched again), removed with the row
/// (or when the row was rolled back). The row keeps the file's size: a file cut short by a crash
/// reads as missing, never as the message.
class CacheBodyFiles
{
public:
    /// The files of the cache database at @p databasePath.
    explicit CacheBodyFiles(const QString &databasePath);

    [[nodiscard]] const QString &folder() const { return m_folder; }
    /// Writes @p raw as @p fileName (0600 in a 0700 folder); false and the system's reason in
    /// @p error.
    bool write(const QString &fileName, const QByteArray &raw, QString *error) const;
    /// Nothing when the file is missing, unreadable, or not @p expectedSize bytes long (-1: any
    /// size, for files written by versions that did not record it).
    [[nodiscard]] std::optional<QByteArray> read(const QString &fileName, qint64 expectedSize = -1) const;
    void remove(const QStringList &fileNames) const;

    /// Marks that files are being written whose rows are not committed yet: if the program dies
    /// before finishWrites(), the next sweepIfInterrupted() removes those left without a row.
    void beginWrites() const;
    void finishWrites() const;
    /// After an interrupted write only: removes the files no row names (@p named), except those
    /// written in the last minutes (another process may be about to commit them). Returns how
    /// many were removed.
    int sweepIfInterrupted(const std::function<QSet<QString>()> &named) const;

private:
    [[nodiscard]] QString markerPath() const;

    QString m_folder;
};

} // namespace Amiens
