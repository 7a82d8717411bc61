#include "FolderList.h"

#include "ImapConnection.h"
#include "ImapTokenizer.h"

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

/// The inbox, then the special folders, then the others by path; a sub-folder follows its
/// top-level ancestor.
void sortForDisplay(QList<FolderInfo> &folders)
{
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
}

/// A SPECIAL-USE flag (RFC 6154) as VMime's IMAPParser::mailbox_flag reads it (case-insensitive).
FolderInfo::Role roleOfFlag(const QByteArray &flag)
{
    static const QHash<QByteArray, FolderInfo::Role> roles = {
        {"\\DRAFTS", FolderInfo::Role::Drafts},   {"\\SENT", FolderInfo::Role::Sent},
        {"\\TRASH", FolderInfo::Role::Trash},     {"\\JUNK", FolderInfo::Role::Junk},
        {"\\ARCHIVE", FolderInfo::Role::Archive}, {"\\ALL", FolderInfo::Role::All},
        {"\\FLAGGED", FolderInfo::Role::Flagged}};
    return roles.value(flag.toUpper(), FolderInfo::Role::None);
}

bool isList(const QByteArray &line)
{
    ImapTokenizer tokens(line);
    return tokens.next().value == "*" && tokens.next().value.compare("LIST", Qt::CaseInsensitive) == 0;
}

/// One "* LIST (flags) delimiter name [extended data]" line; nullopt and @p error when malformed,
/// a FolderInfo without path parts for a name VMime would also leave out.
std::optional<FolderInfo> parseListLine(const QByteArray &line, QChar separator, bool childrenCapability,
                                        QString *error)
{
    ImapTokenizer tokens(line);
    FolderInfo info;
    const bool ok = [&] {
        tokens.next(); // "*"
        tokens.next(); // "LIST"
        if (!tokens.expect(ImapTokenizer::Type::Open, "the mailbox flags"))
            return false;
        // As VMime's mailboxFlagsToFolderAttributes: without CHILDREN, assume children.
        info.hasChildren = !childrenCapability;
        for (ImapTokenizer::Token flag = tokens.next(); flag.type != ImapTokenizer::Type::Close;
             flag = tokens.next()) {
            if (flag.type != ImapTokenizer::Type::Atom) {
                tokens.fail(u"expected a mailbox flag"_s);
                return false;
            }
            const QByteArray upper = flag.value.toUpper();
            // \NonExistent (RFC 5258) implies \Noselect.
            if (upper == "\\NOSELECT" || upper == "\\NONEXISTENT")
                info.selectable = false;
            else if (upper == "\\NOINFERIORS" || upper == "\\HASNOCHILDREN")
                info.hasChildren = false;
            else if (upper == "\\HASCHILDREN")
                info.hasChildren = true;
            else if (const FolderInfo::Role role = roleOfFlag(upper); role != FolderInfo::Role::None)
                info.role = role;
        }
        const ImapTokenizer::Token delimiter = tokens.next();
        if (delimiter.type != ImapTokenizer::Type::Nil &&
            (delimiter.type != ImapTokenizer::Type::String || delimiter.value.size() != 1)) {
            tokens.fail(u"expected the hierarchy delimiter"_s);
            return false;
        }
        const auto name = tokens.astring("a mailbox name");
        if (!name)
            return false;
        // VMime's IMAPParser names any case of "inbox" INBOX.
        const QByteArray raw = name->compare("INBOX", Qt::CaseInsensitive) == 0 ? QByteArray("INBOX") : *name;
        // IMAPUtils::stringToPath: split on the line's delimiter, a trailing one ignored.
        const char lineDelimiter = delimiter.type == ImapTokenizer::Type::Nil ? '\0' : delimiter.value.at(0);
        qsizetype begin = 0;
        for (qsizetype i = 0; i < raw.size(); ++i) {
            if (lineDelimiter != '\0' && raw.at(i) == lineDelimiter) {
                info.pathParts.append(FolderList::decodeName(raw.mid(begin, i - begin)));
                begin = i + 1;
            }
        }
        if (begin < raw.size())
            info.pathParts.append(FolderList::decodeName(raw.mid(begin)));
        // Extended data (RFC 5258 CHILDINFO, OLDNAME) is not asked for and not needed.
        return true;
    }();
    if (!ok) {
        if (error)
            *error = u"LIST: "_s + tokens.error();
        return std::nullopt;
    }
    info.separator = separator;
    if (info.pathParts.size() == 1 && info.pathParts.first().compare("INBOX"_L1, Qt::CaseInsensitive) == 0)
        info.role = FolderInfo::Role::Inbox;
    return info;
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

    sortForDisplay(folders);
    return folders;
}

std::optional<QList<FolderInfo>> FolderList::fromListResponses(const QList<QByteArray> &untagged,
                                                               QChar separator, bool childrenCapability,
                                                               QString *error)
{
    QList<FolderInfo> folders;
    for (const QByteArray &line : untagged) {
        if (!isList(line))
            continue;
        std::optional<FolderInfo> info = parseListLine(line, separator, childrenCapability, error);
        if (!info)
            return std::nullopt;
        if (!info->pathParts.isEmpty())
            folders.append(std::move(*info));
    }
    sortForDisplay(folders);
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
