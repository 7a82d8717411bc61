#pragma once

#include "imap/FolderInfo.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace Amiens {

/// What the user may do in one folder, from the rights a sync read (MYRIGHTS, RFC 4314) and its
/// namespace, with the French reason when not: the window greys out an action with reason() as
/// its tooltip, and OfflineChanges refuses it with the same sentence before queuing anything.
/// Rights never read (the user's own folders, a server without ACL) allow everything: the
/// server stays the judge and its NO is handled by the replay.
class FolderPermissions
{
    Q_DECLARE_TR_FUNCTIONS(Amiens::FolderPermissions)

public:
    enum class Action
    {
        Read,            ///< l and r: open the folder, read its messages
        ChangeSeen,      ///< s: mark read or unread
        ChangeFlags,     ///< w: flag, answered, keywords
        DeleteMessages,  ///< t and e: delete (to the Trash or for good)
        MoveOut,         ///< t and e: move messages elsewhere (the source loses them)
        AddMessages,     ///< i: move, copy, file or APPEND messages into it
        CreateSubfolder, ///< k
        DeleteFolder,    ///< x: delete or rename the folder itself
    };

    explicit FolderPermissions(FolderInfo folder);

    [[nodiscard]] bool can(Action action) const;
    /// Empty when can(@p action); otherwise a complete French sentence, e.g. « Vous ne pouvez pas
    /// supprimer de messages dans « Projets », partagé par jmartin en lecture seule. »
    [[nodiscard]] QString reason(Action action) const;
    /// Whether the folder is only readable (no flag, insert or delete right at all).
    [[nodiscard]] bool isReadOnly() const;
    /// The action that a flag change needs: \Seen needs ChangeSeen, \Deleted DeleteMessages,
    /// anything else ChangeFlags.
    [[nodiscard]] static Action actionForFlag(const QString &flag);
    /// can() of every flag of @p flags; the first refusal's reason in @p reason.
    [[nodiscard]] bool canChangeFlags(const QStringList &flags, QString *reason = nullptr) const;

    [[nodiscard]] const FolderInfo &folder() const { return m_folder; }

private:
    /// ", partagé par jmartin en lecture seule" and its kin, for reason().
    [[nodiscard]] QString whose() const;

    FolderInfo m_folder;
};

} // namespace Amiens
