#pragma once

#include <QCoreApplication>
#include <QString>
#include <optional>

class QWidget;

namespace Amiens {

/// « Supprimer le compte… »: names the account and, when its outbox still holds mail, says how
/// many messages would be lost, as UnsentMailPrompt does on sign-out. Tests answer it with
/// setNextAnswer() instead of blocking in exec().
class AccountRemovalPrompt
{
    Q_DECLARE_TR_FUNCTIONS(Amiens::AccountRemovalPrompt)

public:
    /// True: remove the account (and lose its @p unsentCount unsent messages).
    static bool confirm(QWidget *parent, const QString &accountName, qsizetype unsentCount);

    /// The next confirm() returns @p remove without showing anything.
    static void setNextAnswer(bool remove);
    /// How many times confirm() was called, and the count it was last given (tests).
    static int askCount();
    static qsizetype lastUnsentCount();
    static void resetForTests();
};

} // namespace Amiens
