#include "ArchiveListing.h"

#include <archive.h>
#include <archive_entry.h>
#include <memory>

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

struct ArchiveCloser
{
    void operator()(archive *handle) const { archive_read_free(handle); }
};

bool hasArchiveExtension(const QString &path)
{
    static const QStringList extensions = {u".zip"_s, u".7z"_s,  u".rar"_s, u".tar"_s, u".tgz"_s,
                                           u".gz"_s,  u".iso"_s, u".img"_s, u".cab"_s, u".xz"_s,
                                           u".bz2"_s, u".tbz"_s, u".txz"_s, u".lzh"_s, u".arj"_s};
    for (const QString &extension : extensions) {
        if (path.endsWith(extension, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

void list(const QByteArray &bytes, const QString &prefix, int depth, ArchiveListing &listing)
{
    std::unique_ptr<archive, ArchiveCloser> reader(archive_read_new());
    archive_read_support_filter_all(reader.get());
    archive_read_support_format_all(reader.get());
    if (archive_read_open_memory(reader.get(), bytes.constData(), static_cast<size_t>(bytes.size())) !=
        ARCHIVE_OK) {
        if (depth == 0)
            listing.isArchive = false;
        return;
    }
    if (depth == 0)
        listing.isArchive = true;
    archive_entry *entry = nullptr;
    while (true) {
        if (listing.members.size() >= ArchiveListing::kMaxMembers) {
            listing.incomplete = true;
            return;
        }
        const int status = archive_read_next_header(reader.get(), &entry);
        if (status == ARCHIVE_EOF)
            return;
        if (status < ARCHIVE_WARN) {
            // A 7z whose member list is encrypted cannot be read without the password.
            if (archive_read_has_encrypted_entries(reader.get()) > 0)
                listing.encrypted = true;
            listing.incomplete = true;
            return;
        }
        const char *utf8 = archive_entry_pathname_utf8(entry);
        const char *local = utf8 ? utf8 : archive_entry_pathname(entry);
        const QString path = utf8 ? QString::fromUtf8(utf8) : QString::fromLatin1(local ? local : "");
        listing.members.append(prefix + path);
        const bool encrypted = archive_entry_is_encrypted(entry) != 0;
        listing.encrypted = listing.encrypted || encrypted;
        const la_int64_t size = archive_entry_size_is_set(entry) ? archive_entry_size(entry) : -1;
        // Archives in the archive are how scanners are dodged: opened in memory, one level down.
        if (depth == 0 && !encrypted && hasArchiveExtension(path) && size > 0 &&
            size <= ArchiveListing::kMaxNestedArchiveBytes) {
            QByteArray inner(static_cast<qsizetype>(size), Qt::Uninitialized);
            qsizetype read = 0;
            while (read < inner.size()) {
                const la_ssize_t got = archive_read_data(reader.get(), inner.data() + read,
                                                         static_cast<size_t>(inner.size() - read));
                if (got <= 0)
                    break;
                read += got;
            }
            inner.truncate(read);
            if (!inner.isEmpty())
                list(inner, prefix + path + u" › "_s, depth + 1, listing);
        }
    }
}

} // namespace

bool ArchiveListing::looksLikeArchive(const QByteArray &bytes)
{
    static const QList<QByteArray> signatures = {QByteArray("PK\x03\x04", 4),
                                                 QByteArray("PK\x05\x06", 4),
                                                 QByteArray("7z\xBC\xAF\x27\x1C", 6),
                                                 QByteArray("Rar!\x1A\x07", 6),
                                                 QByteArray("\x1F\x8B", 2),
                                                 QByteArray("BZh", 3),
                                                 QByteArray("\xFD"
                                                            "7zXZ",
                                                            5),
                                                 QByteArray("MSCF", 4),
                                                 QByteArray("\x28\xB5\x2F\xFD", 4)};
    for (const QByteArray &signature : signatures) {
        if (bytes.startsWith(signature))
            return true;
    }
    return bytes.mid(257, 5) == "ustar" || bytes.mid(0x8001, 5) == "CD001";
}

ArchiveListing ArchiveListing::read(const QByteArray &bytes)
{
    ArchiveListing listing;
    if (!looksLikeArchive(bytes))
        return listing;
    list(bytes, QString(), 0, listing);
    return listing;
}

} // namespace Amiens
