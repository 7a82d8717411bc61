#pragma once

class QLineEdit;
class QToolBar;

namespace Amiens {

/// Names for the controls Qt adds by itself and leaves unnamed for screen readers (issue 20):
/// the « » » button of a tool bar too narrow for its actions, a line edit's clear button.
class AccessibleNames
{
public:
    /// The tool bar's extension button: « Plus d'actions ».
    static void nameExtensionButton(QToolBar *toolBar);
    /// The clear button of @p edit (setClearButtonEnabled(true) first): « Effacer ».
    static void nameClearButton(QLineEdit *edit);
};

} // namespace Amiens
