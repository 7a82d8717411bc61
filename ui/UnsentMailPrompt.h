#pragma once

#include <QCoreApplication>
#include <QStringList>
#include <optional>

class QWidget;

namespace Amiens {

/// Signing out of a shared workstation with messages the server would not take: they cannot be
/// sent later from another computer, so the user deletes them or stays signed in. Tests answer
/// it with setNextAnswer() instead of blocking in exec(), as PasswordPrompt does.
class UnsentMailPrompt
{
    Q_DECLARE_TR_FUNCTIONS(Amiens::UnsentMailPrompt)

public:
    /// True: delete the messages and sign out; false: cancel signing out.
    static bool confirmDeletion(QWidget *parent, const QStringList &subjects);

    /// The next confirmDeletion() returns @p deleteMessages without showing anything.
    static void setNextAnswer(bool deleteMessages);
    /// How many times confirmDeletion() was called, and the subjects it last listed (tests).
    static int askCount();
    static QStringList lastSubjects();
    static void resetForTests();
};

} // namespace Amiens
