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
    /// The same, about one account (@p accountId): another account's success does not hide it.
    void showMessageAbout(const QString &accountId, Level level, const QString &text,
                          const QString &details = {});
    /// An account connected: hides the message if it is about that account, or about none.
    void hideAbout(const QString &accountId);
    [[nodiscard]] QString text() const;
    /// The account the message shown is about (empty: none).
    [[nodiscard]] QString about() const { return m_about; }
    [[nodiscard]] Level level() const { return m_level; }

Q_SIGNALS:
    void linkActivated(const QString &link);

private:
    QLabel *m_label = nullptr;
    QToolButton *m_closeButton = nullptr;
    Level m_level = Level::Information;
    QString m_about;
};

} // namespace Amiens
