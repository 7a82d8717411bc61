#pragma once

#include <QObject>
#include <QString>

namespace Amiens {

/// Desktop notifications through the freedesktop.org service (org.freedesktop.Notifications on
/// the session bus), which every Linux desktop provides. Calls are asynchronous so that a slow
/// or missing service never blocks the window. Where there is no such service, available() is
/// false and the caller falls back on the tray icon's balloon.
class DesktopNotifier : public QObject
{
    Q_OBJECT
public:
    explicit DesktopNotifier(QObject *parent = nullptr);

    /// Whether the session bus has a notification service.
    [[nodiscard]] bool available() const;
    /// Shows @p summary and @p body; replaces this program's previous notification.
    void notify(const QString &summary, const QString &body);

Q_SIGNALS:
    /// The user clicked the notification.
    void activated();

private Q_SLOTS:
    void onActionInvoked(uint id, const QString &action);

private:
    uint m_lastId = 0;
};

} // namespace Amiens
