#pragma once

#include "account/Profile.h"
#include "compose/MailtoLink.h"
#include "sync/SyncOptions.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>

namespace Amiens {

class ComposerWindow;
class DesktopNotifier;
class MainWindow;
class SessionLauncher;
class TrayIcon;

/// What makes the client a citizen of the desktop: requests from the command line and from later
/// launches (raise the window, or open a composer for a mailto: link), a notification when new
/// mail reaches the inbox (if the profile's setting allows it), and the tray icon with the number
/// of unread messages.
class DesktopIntegration : public QObject
{
    Q_OBJECT
public:
    DesktopIntegration(Profile profile, MainWindow *window, SessionLauncher *launcher,
                       QObject *parent = nullptr);
    ~DesktopIntegration() override;

    /// New inbox messages in a sync's report (a folder fetched again from scratch counts none).
    [[nodiscard]] static int newInboxMessages(const SyncReport &report);

    [[nodiscard]] TrayIcon *trayIcon() const { return m_tray; }
    [[nodiscard]] DesktopNotifier *notifier() const { return m_notifier; }
    /// mailto: links waiting for the account's session to start.
    [[nodiscard]] qsizetype pendingMailtoCount() const { return m_pendingMailto.size(); }

public Q_SLOTS:
    /// "activate" (or an empty request) raises the window; a mailto: URL opens a composer.
    void handleRequest(const QString &request);
    /// A sync finished: notifies the new inbox messages, unless the setting says not to.
    void onSyncFinished(const Amiens::SyncReport &report) { onAccountSyncFinished({}, report); }
    /// The same for @p accountId's sync; with several accounts open, the notification names it.
    void onAccountSyncFinished(const QString &accountId, const Amiens::SyncReport &report);

Q_SIGNALS:
    /// A composer was opened for a mailto: link (tests).
    void composerOpened(Amiens::ComposerWindow *composer);
    /// The user was told about @p count new messages.
    void newMailNotified(int count, const QString &summary);

private:
    void raiseWindow();
    void openMailto(const MailtoLink &link);
    void onSessionStarted();

    Profile m_profile;
    QPointer<MainWindow> m_window;
    QPointer<SessionLauncher> m_launcher;
    DesktopNotifier *m_notifier = nullptr;
    TrayIcon *m_tray = nullptr;
    QList<MailtoLink> m_pendingMailto;
    QSet<QString> m_firstSyncDone; ///< accounts past their session's first sync
};

} // namespace Amiens
