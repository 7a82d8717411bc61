#include "AccessibleNames.h"

#include <QCoreApplication>
#include <QLineEdit>
#include <QToolBar>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace Amiens {

void AccessibleNames::nameExtensionButton(QToolBar *toolBar)
{
    // Qt's own object name for it (QToolBarLayout).
    if (auto *extension = toolBar->findChild<QToolButton *>(u"qt_toolbar_ext_button"_s)) {
        extension->setAccessibleName(QCoreApplication::translate("Amiens::AccessibleNames", "More actions"));
        extension->setToolTip(extension->accessibleName());
    }
}

void AccessibleNames::nameClearButton(QLineEdit *edit)
{
    const auto buttons = edit->findChildren<QToolButton *>(QString(), Qt::FindDirectChildrenOnly);
    for (QToolButton *button : buttons) {
        if (button->accessibleName().isEmpty())
            button->setAccessibleName(QCoreApplication::translate("Amiens::AccessibleNames", "Clear"));
    }
}

} // namespace Amiens
