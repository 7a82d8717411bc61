#pragma once

#include "imap/FolderPermissions.h"

#include <QList>
#include <QPointer>
#include <optional>

class QAction;
class QAbstractItemView;

namespace Amiens {

/// The window's actions greyed out where the selected folder's rights (FolderPermissions) say
/// no, with the French reason as their tooltip and status tip, and dragging messages out of a
/// folder they cannot leave turned off. One place, so that each action names its right once.
class FolderActionRights
{
public:
    /// @p action needs @p right in the folder of the selected messages.
    void bind(QAction *action, FolderPermissions::Action right);
    /// Messages are dragged out of @p view only where MoveOut is allowed.
    void bindDrag(QAbstractItemView *view);
    /// Applies the rights of @p folder (nullopt: none known, everything follows @p enabled);
    /// @p enabled is what the window would do without rights (an account is open).
    void apply(const std::optional<FolderInfo> &folder, bool enabled);

private:
    struct Bound
    {
        QPointer<QAction> action;
        FolderPermissions::Action right;
        QString toolTip;   ///< the action's own, given back when allowed
        QString statusTip; ///< likewise
    };
    QList<Bound> m_bound;
    QPointer<QAbstractItemView> m_dragView;
};

} // namespace Amiens
