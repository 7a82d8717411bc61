#include "FolderPermissions.h"

#include "ImapRights.h"

using namespace Qt::StringLiterals;

namespace Amiens {

FolderPermissions::FolderPermissions(FolderInfo folder)
    : m_folder(std::move(folder))
{
}

bool FolderPermissions::can(Action action) const
{
    if (!m_folder.rightsKnown)
        return true;
    const std::optional<ImapRights> rights = ImapRights::fromServer(m_folder.rights.toLatin1());
    if (!rights)
        return true; // cannot happen for letters the cache got from ImapRights
    switch (action) {
    case Action::Read:
        return rights->mayRead();
    case Action::ChangeSeen:
        return rights->maySetSeen();
    case Action::ChangeFlags:
        return rights->mayWrite();
    case Action::DeleteMessages:
    case Action::MoveOut:
        return rights->mayDeleteMessages();
    case Action::AddMessages:
        return rights->mayInsert();
    case Action::CreateSubfolder:
        return rights->mayCreateSubfolder();
    case Action::DeleteFolder:
        return rights->mayDeleteFolder();
    }
    return true;
}

bool FolderPermissions::isReadOnly() const
{
    return m_folder.rightsKnown && !can(Action::ChangeSeen) && !can(Action::ChangeFlags) &&
           !can(Action::AddMessages) && !can(Action::DeleteMessages);
}

QString FolderPermissions::whose() const
{
    const bool readOnly = isReadOnly();
    switch (m_folder.namespaceKind) {
    case FolderInfo::Namespace::OtherUser:
        if (!m_folder.owner.isEmpty())
            return readOnly ? tr("shared by %1 read-only").arg(m_folder.owner)
                            : tr("shared by %1 without this right").arg(m_folder.owner);
        [[fallthrough]];
    case FolderInfo::Namespace::Shared:
        return readOnly ? tr("a shared folder, read-only") : tr("a shared folder without this right");
    case FolderInfo::Namespace::Personal:
        break;
    }
    return readOnly ? tr("which is read-only") : tr("you do not have this right");
}

QString FolderPermissions::reason(Action action) const
{
    if (can(action))
        return {};
    const QString name = m_folder.name();
    const QString who = whose();
    switch (action) {
    case Action::Read:
        return tr("You cannot read « %1 », %2.").arg(name, who);
    case Action::ChangeSeen:
        return tr("You cannot mark messages as read or unread in « %1 », %2.").arg(name, who);
    case Action::ChangeFlags:
        return tr("You cannot flag or tag messages in « %1 », %2.").arg(name, who);
    case Action::DeleteMessages:
        return tr("You cannot delete messages in « %1 », %2.").arg(name, who);
    case Action::MoveOut:
        return tr("You cannot move messages out of « %1 », %2.").arg(name, who);
    case Action::AddMessages:
        return tr("You cannot put messages in « %1 », %2.").arg(name, who);
    case Action::CreateSubfolder:
        return tr("You cannot create folders in « %1 », %2.").arg(name, who);
    case Action::DeleteFolder:
        return tr("You cannot delete or rename « %1 », %2.").arg(name, who);
    }
    return {};
}

FolderPermissions::Action FolderPermissions::actionForFlag(const QString &flag)
{
    if (flag.compare("\\Seen"_L1, Qt::CaseInsensitive) == 0)
        return Action::ChangeSeen;
    if (flag.compare("\\Deleted"_L1, Qt::CaseInsensitive) == 0)
        return Action::DeleteMessages;
    return Action::ChangeFlags;
}

bool FolderPermissions::canChangeFlags(const QStringList &flags, QString *reason) const
{
    for (const QString &flag : flags) {
        const Action action = actionForFlag(flag);
        if (!can(action)) {
            if (reason)
                *reason = this->reason(action);
            return false;
        }
    }
    return true;
}

} // namespace Amiens
