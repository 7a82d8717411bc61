#pragma once

#include <QString>
#include <optional>

class QDialog;
class QWidget;

namespace Amiens {

/// Asks for a password or an OTP passcode in a small modal dialog. Tests pre-answer it with
/// setNextAnswer() instead of blocking in exec() (KeePassXC's MessageBox pattern).
class PasswordPrompt
{
public:
    /// The typed secret, or nothing when the user cancelled.
    static std::optional<QString> ask(QWidget *parent, const QString &title, const QString &text,
                                      const QString &fieldLabel);

    /// The dialog ask() shows (its secret field is « secretEdit »), not shown yet.
    [[nodiscard]] static QDialog *createDialog(QWidget *parent, const QString &title, const QString &text,
                                               const QString &fieldLabel);

    /// The next ask() returns @p answer without showing anything (nullopt: "cancelled").
    static void setNextAnswer(std::optional<QString> answer);
    /// How many times ask() was called since the last reset (for tests).
    static int askCount();
    /// The text of the last ask() (which account it named; for tests).
    [[nodiscard]] static QString lastText();
    static void resetForTests();
};

} // namespace Amiens
