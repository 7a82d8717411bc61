#include "FolderActionRights.h"

#include <QAbstractItemView>
#include <QAction>

namespace Amiens {

void FolderActionRights::bind(QAction *action, FolderPermissions::Action right)
{
    m_bound.append({action, right, action->toolTip(), action->statusTip()});
}

void FolderActionRights::bindDrag(QAbstractItemView *view)
{
    m_dragView = view;
}

void FolderActionRights::apply(const std::optional<FolderInfo> &folder, bool enabled)
{
    const std::optional<FolderPermissions> permissions =
        folder ? std::optional<FolderPermissions>(FolderPermissions(*folder)) : std::nullopt;
    for (const Bound &bound : std::as_const(m_bound)) {
        if (!bound.action)
            continue;
        const QString reason = permissions ? permissions->reason(bound.right) : QString();
        bound.action->setEnabled(enabled && reason.isEmpty());
        // A disabled menu entry still shows its tooltip and status tip: the reason, in French.
        bound.action->setToolTip(reason.isEmpty() ? bound.toolTip : reason);
        bound.action->setStatusTip(reason.isEmpty() ? bound.statusTip : reason);
    }
    if (m_dragView)
        m_dragView->setDragEnabled(!permissions || permissions->can(FolderPermissions::Action::MoveOut));
}

} // namespace Amiens
