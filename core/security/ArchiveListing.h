#pragma once

#include <QByteArray>
#include <QStringList>

namespace Amiens {

/// What an archive attached to a mail holds, read by Debian's libarchive (zip, 7z, rar, tar and
/// its compressions, cab, iso9660, …) without extracting anything to disk. Bounded: members past
/// kMaxMembers are not listed, and archives inside the archive are opened in memory only when
/// small, one level deep.
struct ArchiveListing
{
    /// Member paths as stored ("Factures/Facture.pdf.js"); those of an archive inside the archive
    /// come after its own path and " › ".
    QStringList members;
    /// libarchive recognised an archive format in the bytes.
    bool isArchive = false;
    /// Some member is encrypted (or the member list itself is, as 7z can do).
    bool encrypted = false;
    /// Reading stopped early: a damaged archive, or a limit reached.
    bool incomplete = false;

    static constexpr int kMaxMembers = 10000;
    static constexpr qsizetype kMaxNestedArchiveBytes = 16 * 1024 * 1024;

    /// Lists @p bytes; an empty listing with isArchive false when they are no archive.
    [[nodiscard]] static ArchiveListing read(const QByteArray &bytes);
    /// Whether @p bytes start like an archive libarchive reads (so that plain files are not handed
    /// to it to guess).
    [[nodiscard]] static bool looksLikeArchive(const QByteArray &bytes);
};

} // namespace Amiens
