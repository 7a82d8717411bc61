#pragma once

#include <QIcon>
#include <QList>
#include <QObject>
#include <utility>

class QAction;
class QSystemTrayIcon;

namespace Amiens {

/// The notification-area icon, where the desktop has one: the application's icon with the number
/// of unread messages of the inbox painted on it and in its tooltip; a click shows the window.
class TrayIcon : public QObject
{
    Q_OBJECT
public:
    explicit TrayIcon(QObject *parent = nullptr);
    ~TrayIcon() override;

    /// Whether the desktop has a notification area (the icon is only shown then).
    [[nodiscard]] static bool supported();
    /// The application's icon (from the icon theme, else the copy built in).
    [[nodiscard]] static QIcon applicationIcon();
    /// @p icon with @p count painted in a badge (no badge at 0).
    [[nodiscard]] static QIcon withBadge(const QIcon &icon, int count);

    void setUnreadCount(int count);
    /// Each account's unread inbox messages (its name, its count), listed in the tooltip when
    /// there are several; the badge shows their sum.
    void setAccountCounts(const QList<std::pair<QString, int>> &counts);
    [[nodiscard]] int unreadCount() const { return m_unread; }
    [[nodiscard]] QString toolTip() const;
    /// Shows a balloon where there is no notification service.
    void showMessage(const QString &title, const QString &text);

Q_SIGNALS:
    void showWindowRequested();
    void newMessageRequested();
    void quitRequested();

private:
    QSystemTrayIcon *m_tray = nullptr;
    int m_unread = 0;
    QList<std::pair<QString, int>> m_accounts;
};

} // namespace Amiens
