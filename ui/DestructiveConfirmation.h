#pragma once

#include <QString>

class QWidget;

namespace Amiens {

/// A question whose « yes » loses something (an account, unsent mail): a warning with the
/// destructive button and the safe one, where Enter and Escape both choose the safe one, so that
/// losing anything takes a deliberate click. The prompts built on it answer tests themselves.
class DestructiveConfirmation
{
public:
    struct Question
    {
        QString objectName; ///< the box's, for tests and accessibility checks
        QString title;
        QString text;
        QString details; ///< the informative text under it; empty for none
        QString confirmText;
        QString confirmObjectName;
        QString keepText;
        QString keepObjectName;
    };

    /// Shows @p question modally over @p parent; true when the user clicked the destructive button.
    static bool ask(QWidget *parent, const Question &question);
};

} // namespace Amiens
