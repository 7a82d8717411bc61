#include "FolderInfo.h"

using namespace Qt::StringLiterals;

namespace Amiens {

QString FolderInfo::roleName(Role role)
{
    switch (role) {
    case Role::None:
        return u""_s; // empty, not null: it is stored in a NOT NULL column
    case Role::Inbox:
        return u"inbox"_s;
    case Role::Drafts:
        return u"drafts"_s;
    case Role::Sent:
        return u"sent"_s;
    case Role::Trash:
        return u"trash"_s;
    case Role::Junk:
        return u"junk"_s;
    case Role::Archive:
        return u"archive"_s;
    case Role::All:
        return u"all"_s;
    case Role::Flagged:
        return u"flagged"_s;
    }
    return {};
}

FolderInfo::Role FolderInfo::roleFromName(const QString &name)
{
    for (const Role role : {Role::Inbox, Role::Drafts, Role::Sent, Role::Trash, Role::Junk, Role::Archive,
                            Role::All, Role::Flagged}) {
        if (roleName(role) == name)
            return role;
    }
    return Role::None;
}

QString FolderInfo::namespaceName(Namespace kind)
{
    switch (kind) {
    case Namespace::Personal:
        return u"personal"_s;
    case Namespace::OtherUser:
        return u"other-user"_s;
    case Namespace::Shared:
        return u"shared"_s;
    }
    return u"personal"_s;
}

FolderInfo::Namespace FolderInfo::namespaceFromName(const QString &name)
{
    if (name == "other-user"_L1)
        return Namespace::OtherUser;
    if (name == "shared"_L1)
        return Namespace::Shared;
    return Namespace::Personal;
}

} // namespace Amiens
