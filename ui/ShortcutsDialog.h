#pragma once

#include <QDialog>

class QAction;
class QTableWidget;
class QWidget;

namespace Amiens {

/// Aide › « Raccourcis clavier »: every shortcut of a window, read from its actions (their menu
/// text and key sequences), so the page cannot drift from what the keys do.
class ShortcutsDialog : public QDialog
{
    Q_OBJECT
public:
    /// Lists the actions of @p window's menus (and submenus) and the window's own actions.
    explicit ShortcutsDialog(QWidget *window);

    /// The actions with a shortcut, in menu order, each once.
    [[nodiscard]] static QList<QAction *> actionsWithShortcuts(QWidget *window);
    /// « &Répondre » → « Répondre »: the menu text without its mnemonic.
    [[nodiscard]] static QString plainText(const QAction *action);

private:
    QTableWidget *m_table = nullptr;
};

} // namespace Amiens
