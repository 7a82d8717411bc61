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

    QStringList pathParts; ///< decoded from modified UTF-7, e.g. {"Projets", "Voyage scolaire"}
    QChar separator = u'/';
    Role role = Role::None;
    bool selectable = true;
    bool hasChildren = false;

    [[nodiscard]] QString path() const { return pathParts.join(separator); }
    [[nodiscard]] QString name() const { return pathParts.isEmpty() ? QString() : pathParts.last(); }

    /// "inbox", "sent", … as used by the CLI and the cache; empty for None.
    [[nodiscard]] static QString roleName(Role role);
    /// The reverse of roleName(); None for anything unknown.
    [[nodiscard]] static Role roleFromName(const QString &name);

    friend bool operator==(const FolderInfo &, const FolderInfo &) = default;
};

} // namespace Amiens

Q_DECLARE_METATYPE(Amiens::FolderInfo)
