#include "DesktopIntegration.h"

#include "ComposerWindow.h"
#include "DesktopNotifier.h"
#include "MainWindow.h"
#include "SessionLauncher.h"
#include "TrayIcon.h"
#include "WindowAccounts.h"
#include "settings/NotificationPolicy.h"

#include <QLineEdit>
#include <QPlainTextEdit>
#include <utility>

using namespace Qt::StringLiterals;

namespace Amiens {

DesktopIntegration::DesktopIntegration(Profile profile, MainWindow *window, SessionLauncher *launcher,
                                       QObject *parent)
    : QObject(parent)
    , m_profile(std::move(profile))
    , m_window(window)
    , m_launcher(launcher)
    , m_notifier(new DesktopNotifier(this))
    , m_tray(new TrayIcon(this))
{
    connect(m_notifier, &DesktopNotifier::activated, this, &DesktopIntegration::raiseWindow);
    connect(m_tray, &TrayIcon::showWindowRequested, this, &DesktopIntegration::raiseWindow);
    if (m_window) {
        // Each account's count in the tooltip, their sum on the badge.
        connect(m_window->accounts(), &WindowAccounts::inboxUnreadPerAccountChanged, m_tray,
                [this](const QList<WindowAccounts::UnreadCount> &counts) {
                    QList<std::pair<QString, int>> perAccount;
                    for (const WindowAccounts::UnreadCount &account : counts)
                        perAccount.append({account.name, account.count});
                    m_tray->setAccountCounts(perAccount);
                });
        // Every account's syncs, the first one's and the others'.
        connect(m_window->accounts(), &WindowAccounts::accountSynced, this,
                &DesktopIntegration::onAccountSyncFinished);
        connect(m_tray, &TrayIcon::newMessageRequested, m_window, [this] {
            raiseWindow();
            m_window->openComposer();
        });
        connect(m_tray, &TrayIcon::quitRequested, m_window, &QWidget::close);
    }
    if (m_launcher) {
        connect(m_launcher, &SessionLauncher::sessionStarted, this, &DesktopIntegration::onSessionStarted);
        // An account opened (again): its first sync is what came while it was closed.
        connect(m_launcher, &SessionLauncher::accountOpened, this,
                [this](const QString &accountId) { m_firstSyncDone.remove(accountId); });
        connect(m_launcher, &SessionLauncher::signedOut, m_tray, [this] {
            m_firstSyncDone.clear();
            m_tray->setAccountCounts({});
        });
    }
}

DesktopIntegration::~DesktopIntegration() = default;

int DesktopIntegration::newInboxMessages(const SyncReport &report)
{
    int count = 0;
    for (const FolderSyncResult &folder : report.folders) {
        if (folder.path.compare("INBOX"_L1, Qt::CaseInsensitive) == 0 && !folder.reset)
            count += folder.added;
    }
    return count;
}

void DesktopIntegration::handleRequest(const QString &request)
{
    if (const auto link = MailtoLink::parse(request)) {
        openMailto(*link);
        return;
    }
    raiseWindow();
}

void DesktopIntegration::raiseWindow()
{
    if (!m_window)
        return;
    if (m_window->isMinimized())
        m_window->showNormal();
    m_window->show();
    m_window->raise();
    m_window->activateWindow();
}

void DesktopIntegration::openMailto(const MailtoLink &link)
{
    raiseWindow();
    ComposerWindow *composer = m_window ? m_window->openComposer() : nullptr;
    if (!composer) {
        // No session yet (starting, or the first-run assistant is open): open it once there is.
        m_pendingMailto.append(link);
        return;
    }
    composer->toField()->setText(link.to.join(u", "_s));
    composer->ccField()->setText(link.cc.join(u", "_s));
    composer->bccField()->setText(link.bcc.join(u", "_s));
    composer->subjectField()->setText(link.subject);
    if (!link.body.isEmpty()) {
        // Before whatever the composer already holds (the signature).
        const QString existing = composer->bodyEdit()->toPlainText();
        composer->bodyEdit()->setPlainText(existing.isEmpty() ? link.body : link.body + u'\n' + existing);
    }
    composer->raise();
    composer->activateWindow();
    Q_EMIT composerOpened(composer);
}

void DesktopIntegration::onSessionStarted()
{
    const QList<MailtoLink> pending = std::exchange(m_pendingMailto, {});
    for (const MailtoLink &link : pending)
        openMailto(link);
}

void DesktopIntegration::onAccountSyncFinished(const QString &accountId, const SyncReport &report)
{
    // The first sync of a session brings what arrived while the client was closed (or the whole
    // mailbox on a first run): the unread count shows it, a notification would only be noise.
    if (!m_firstSyncDone.contains(accountId)) {
        m_firstSyncDone.insert(accountId);
        return;
    }
    const int count = newInboxMessages(report);
    if (count <= 0 || !NotificationPolicy::load(m_profile).newMail)
        return;
    // Several mailboxes: which one it came to.
    const bool several = m_window && m_window->accounts()->size() > 1 && !accountId.isEmpty();
    const QString summary =
        several ? tr("%n new message(s) — %1", nullptr, count).arg(m_window->accounts()->name(accountId))
                : tr("%n new message(s)", nullptr, count);
    const QString body = tr("In the inbox of AmiensMail");
    if (m_notifier->available())
        m_notifier->notify(summary, body);
    else
        m_tray->showMessage(summary, body);
    Q_EMIT newMailNotified(count, summary);
}

} // namespace Amiens
