#include "FolderList.h"

#include "ImapConnection.h"

#include <QCollator>
#include <QHash>
#include <algorithm>
#include <vmime/net/folderAttributes.hpp>
#include <vmime/net/imap/IMAPConnection.hpp>
#include <vmime/net/imap/IMAPUtils.hpp>

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

FolderInfo::Role roleOf(int specialUse)
{
    using Attributes = vmime::net::folderAttributes;
    switch (specialUse) {
    case Attributes::SPECIALUSE_DRAFTS:
        return FolderInfo::Role::Drafts;
    case Attributes::SPECIALUSE_SENT:
        return FolderInfo::Role::Sent;
    case Attributes::SPECIALUSE_TRASH:
        return FolderInfo::Role::Trash;
    case Attributes::SPECIALUSE_JUNK:
        return FolderInfo::Role::Junk;
    case Attributes::SPECIALUSE_ARCHIVE:
        return FolderInfo::Role::Archive;
    case Attributes::SPECIALUSE_ALL:
        return FolderInfo::Role::All;
    case Attributes::SPECIALUSE_FLAGGED:
        return FolderInfo::Role::Flagged;
    default:
        return FolderInfo::Role::None;
    }
}

int displayRank(FolderInfo::Role role)
{
    static constexpr FolderInfo::Role order[] = {FolderInfo::Role::Inbox,   FolderInfo::Role::Drafts,
                                                 FolderInfo::Role::Sent,    FolderInfo::Role::Archive,
                                                 FolderInfo::Role::Junk,    FolderInfo::Role::Trash,
                                                 FolderInfo::Role::Flagged, FolderInfo::Role::All};
    const auto found = std::find(std::begin(order), std::end(order), role);
    return static_cast<int>(found - std::begin(order));
}

} // namespace

QList<FolderInfo> FolderList::read(ImapConnection &connection)
{
    QList<FolderInfo> folders;
    auto store = connection.store();
    const char separator = store->getConnection()->hierarchySeparator();

    // The folder objects register themselves with the store: convert and drop them at once
    // so that no second object for the same path outlives this job
    // (core/net/VmimeTraps.md, « One connection per folder »).
    {
        const auto serverFolders = store->getRootFolder()->getFolders(true);
        for (const auto &folder : serverFolders) {
            const vmime::net::folder::path path = folder->getFullPath();
            FolderInfo info;
            for (size_t i = 0; i < path.getSize(); ++i)
                info.pathParts.append(
                    QString::fromStdString(path[i].getConvertedText(vmime::charsets::UTF_8)));
            if (info.pathParts.isEmpty())
                continue;
            if (separator != '\0')
                info.separator = QChar::fromLatin1(separator);
            const auto attributes = folder->getAttributes();
            info.role = roleOf(attributes.getSpecialUse());
            if (info.pathParts.size() == 1 &&
                info.pathParts.first().compare("INBOX"_L1, Qt::CaseInsensitive) == 0)
                info.role = FolderInfo::Role::Inbox;
            info.selectable = !(attributes.getFlags() & vmime::net::folderAttributes::FLAG_NO_OPEN);
            info.hasChildren = attributes.getFlags() & vmime::net::folderAttributes::FLAG_HAS_CHILDREN;
            folders.append(info);
        }
    }

    // Special folders lead at the top level; a sub-folder follows its top-level ancestor.
    QHash<QString, int> topLevelRank;
    for (const FolderInfo &folder : std::as_const(folders)) {
        if (folder.pathParts.size() == 1)
            topLevelRank.insert(folder.pathParts.first(), displayRank(folder.role));
    }
    QCollator collator;
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    std::stable_sort(folders.begin(), folders.end(), [&](const FolderInfo &a, const FolderInfo &b) {
        const int aRank = topLevelRank.value(a.pathParts.first(), displayRank(FolderInfo::Role::None));
        const int bRank = topLevelRank.value(b.pathParts.first(), displayRank(FolderInfo::Role::None));
        if (aRank != bRank)
            return aRank < bRank;
        return collator.compare(a.path(), b.path()) < 0;
    });
    return folders;
}

QString FolderList::decodeName(const QByteArray &modifiedUtf7)
{
    try {
        // getFolders() decodes each LIST name this way (IMAPUtils::stringToPath, per component);
        // the separators are plain ASCII, untouched by the decoding.
        return QString::fromStdString(
            vmime::net::imap::IMAPUtils::fromModifiedUTF7(modifiedUtf7.toStdString())
                .getConvertedText(vmime::charsets::UTF_8));
    } catch (const std::exception &) {
        return QString::fromLatin1(modifiedUtf7);
    }
}

} // namespace Amiens
