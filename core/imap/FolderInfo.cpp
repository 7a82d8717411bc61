#include "FolderInfo.h"

using namespace Qt::StringLiterals;

namespace Amiens {

QString FolderInfo::roleName(Role role)
{
    switch (role) {
    case Role::None:
        return {};
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

} // namespace Amiens
