#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace Amiens {

/// One mailbox as the server lists it.
struct FolderInfo
{
    /// SPECIAL-USE roles (RFC 6154) plus the inbox, which the UI names and orders first.
    enum class Role
    {
        None,
        Inbox,
        Drafts,
        Sent,
        Trash,
        Junk,
        Archive,
        All,
        Flagged
    };

    /// Whose folder it is, from NAMESPACE (RFC 2342): the user's own, another user's shared with
    /// them, or a shared (public) one.
    enum class Namespace
    {
        Personal,
        OtherUser,
        Shared
    };

    QStringList pathParts; ///< decoded from modified UTF-7, e.g. {"Projets", "Voyage scolaire"}
    QChar separator = u'/';
    Role role = Role::None;
    bool selectable = true;
    bool hasChildren = false;
    Namespace namespaceKind = Namespace::Personal;
    /// The owner of another user's folder ("jmartin" for shared/jmartin/Projets); empty otherwise.
    QString owner;
    /// MYRIGHTS (RFC 4314) letters as ImapRights::letters() gives them; only meaningful when
    /// rightsKnown (the server has no ACL, or the rights were not read: everything is allowed
    /// and the server is the judge).
    QString rights;
    bool rightsKnown = false;

    [[nodiscard]] QString path() const { return pathParts.join(separator); }
    [[nodiscard]] QString name() const { return pathParts.isEmpty() ? QString() : pathParts.last(); }

    /// "inbox", "sent", … as used by the CLI and the cache; empty for None.
    [[nodiscard]] static QString roleName(Role role);
    /// The reverse of roleName(); None for anything unknown.
    [[nodiscard]] static Role roleFromName(const QString &name);
    /// "personal", "other-user", "shared" as stored in the cache and printed by the CLI.
    [[nodiscard]] static QString namespaceName(Namespace kind);
    /// The reverse of namespaceName(); Personal for anything unknown.
    [[nodiscard]] static Namespace namespaceFromName(const QString &name);

    friend bool operator==(const FolderInfo &, const FolderInfo &) = default;
};

} // namespace Amiens

Q_DECLARE_METATYPE(Amiens::FolderInfo)
