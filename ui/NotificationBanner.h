#pragma once

#include <QFrame>

class QLabel;
class QToolButton;

namespace Amiens {

/// An inline bar at the top of the window for errors and warnings that should not interrupt
/// the user with a dialog (KeePassXC's MessageWidget).
class NotificationBanner : public QFrame
{
    Q_OBJECT
public:
    enum class Level
    {
        Information,
        Warning,
        Error
    };

    explicit NotificationBanner(QWidget *parent = nullptr);

    /// @p text may hold links (rich text); they are reported by linkActivated(), never opened here.
    void showMessage(Level level, const QString &text, const QString &details = {});
    [[nodiscard]] QString text() const;
    [[nodiscard]] Level level() const { return m_level; }

Q_SIGNALS:
    void linkActivated(const QString &link);

private:
    QLabel *m_label = nullptr;
    QToolButton *m_closeButton = nullptr;
    Level m_level = Level::Information;
};

} // namespace Amiens
