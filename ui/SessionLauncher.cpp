#include "SessionLauncher.h"

#include "AccountAssistant.h"
#include "AccountLauncher.h"
#include "AccountRemovalPrompt.h"
#include "CommandLinks.h"
#include "MainWindow.h"
#include "NotificationBanner.h"
#include "UnsentMailPrompt.h"
#include "account/AccountPaths.h"
#include "outbox/Outbox.h"
#include "outbox/OutboxDrain.h"
#include "outbox/OutboxSender.h"
#include "security/CredentialStore.h"
#include "services/AccountServices.h"
#include "services/AccountStorage.h"
#include "settings/SettingsDialog.h"
#include "util/Logging.h"

#include <QEventLoop>
#include <QInputDialog>
#include <QLineEdit>
#include <QPointer>

using namespace Qt::StringLiterals;

namespace Amiens {

SessionLauncher::SessionLauncher(Profile profile, MainWindow *window, QObject *parent)
    : QObject(parent)
    , m_profile(std::move(profile))
    , m_policy(SitePolicy::load())
    , m_window(window)
    , m_credentials(new CredentialStore(CredentialStore::defaultServiceName(), this))
{
    connect(m_window, &MainWindow::signOutRequested, this, &SessionLauncher::signOut);
    connect(m_window, &MainWindow::commandLinkActivated, this, &SessionLauncher::onCommandLink);
    connect(m_window, &MainWindow::settingsRequested, this, [this] { openSettings(); });
    connect(m_window, &MainWindow::addAccountRequested, this, &SessionLauncher::openAssistant);
    connect(m_window, &MainWindow::renameAccountRequested, this,
            [this](const QString &id) { renameAccount(id); });
    connect(m_window, &MainWindow::moveAccountRequested, this, &SessionLauncher::moveAccount);
    connect(m_window, &MainWindow::removeAccountRequested, this, &SessionLauncher::removeAccount);
}

SessionLauncher::~SessionLauncher()
{
    closeAll();
}

AccountLauncher *SessionLauncher::launcherOf(const QString &accountId) const
{
    for (const auto &launcher : m_launchers) {
        if (launcher->id() == accountId)
            return launcher.get();
    }
    return nullptr;
}

AccountServices *SessionLauncher::servicesOf(const QString &accountId) const
{
    const AccountLauncher *launcher = launcherOf(accountId);
    return launcher ? launcher->services() : nullptr;
}

QStringList SessionLauncher::openAccountIds() const
{
    QStringList ids;
    for (const auto &launcher : m_launchers)
        ids.append(launcher->id());
    return ids;
}

AccountServices *SessionLauncher::firstOpenServices() const
{
    for (const auto &launcher : m_launchers) {
        if (launcher->services())
            return launcher->services();
    }
    return nullptr;
}

AccountSession *SessionLauncher::session() const
{
    AccountServices *services = firstOpenServices();
    return services ? services->session() : nullptr;
}

SyncScheduler *SessionLauncher::scheduler() const
{
    AccountServices *services = firstOpenServices();
    return services ? services->scheduler() : nullptr;
}

std::optional<Account> SessionLauncher::account() const
{
    if (m_launchers.empty())
        return std::nullopt;
    return m_launchers.front()->account();
}

AccountAssistant *SessionLauncher::assistant() const
{
    return m_assistant.data();
}

void SessionLauncher::start()
{
    QList<Account> accounts = m_profile.accounts();
    // A shared-workstation account still here means the last session did not end cleanly.
    for (const Account &account : std::as_const(accounts)) {
        if (account.sharedWorkstation) {
            qCWarning(lcAccount).noquote()
                << "erasing" << account.address << "left over from a shared session";
            AccountStorage(m_profile, account.id).eraseAllAndWait(m_credentials);
        }
    }
    // The school's boxes IT set up for this workstation join the user's own account.
    QString siteError;
    if (m_policy.installFunctionalMailboxes(m_profile, &siteError) < 0)
        qCWarning(lcAccount).noquote() << "site functional mailboxes not added:" << siteError;
    accounts = m_profile.accounts();
    if (accounts.isEmpty()) {
        m_window->showNoAccount(m_profile.directory());
        openAssistant();
        return;
    }
    // Every account of the profile: a failing one does not keep the others closed.
    for (const Account &account : std::as_const(accounts))
        startSession(account);
}

void SessionLauncher::openAssistant()
{
    if (m_assistant) {
        m_assistant->raise();
        return;
    }
    m_assistant = new AccountAssistant(m_profile, m_policy, m_window);
    m_assistant->setAttribute(Qt::WA_DeleteOnClose);
    m_assistant->setWindowModality(Qt::WindowModal);
    connect(m_assistant, &QWizard::accepted, this, [this] {
        m_window->banner()->hide();
        startSession(m_assistant->account(), m_assistant->sessionPassword());
    });
    connect(m_assistant, &QWizard::rejected, this, [this] {
        if (m_launchers.empty())
            m_window->showNoAccount(m_profile.directory());
    });
    m_assistant->open();
    Q_EMIT assistantOpened();
}

void SessionLauncher::startSession(const Account &account, const QString &knownSecret)
{
    closeAccount(account.id);
    m_signedOutAccounts.clear();
    const bool first = session() == nullptr; // no account is open yet (or none could be)
    auto launcher = std::make_unique<AccountLauncher>(m_profile, m_policy, account, m_window, m_credentials);
    AccountLauncher *opening = launcher.get();
    m_launchers.push_back(std::move(launcher));
    syncWindowAccounts();
    const QString id = account.id;
    connect(opening, &AccountLauncher::absenceChanged, this, &SessionLauncher::updateAbsenceBanner);
    connect(opening, &AccountLauncher::reopenRequested, this,
            [this](const Account &pinned, const QString &secret) {
                // Queued: the launcher asking must not be destroyed under its own feet.
                QMetaObject::invokeMethod(
                    this, [this, pinned, secret] { startSession(pinned, secret); }, Qt::QueuedConnection);
            });
    if (!opening->open(knownSecret))
        return;
    updateAbsenceBanner();
    Q_EMIT accountOpened(id);
    if (first)
        Q_EMIT sessionStarted();
}

void SessionLauncher::closeAccount(const QString &accountId)
{
    for (auto it = m_launchers.begin(); it != m_launchers.end(); ++it) {
        if ((*it)->id() != accountId)
            continue;
        // A sign-out sending this account's outbox no longer waits for it (the drain is the
        // launcher's child and goes with it).
        m_signOutSending.removeIf(
            [launcher = it->get()](OutboxDrain *drain) { return drain->parent() == launcher; });
        std::unique_ptr<AccountLauncher> closing = std::move(*it);
        m_launchers.erase(it);
        closing.reset();
        break;
    }
    updateAbsenceBanner();
}

void SessionLauncher::closeAll()
{
    qDeleteAll(std::exchange(m_signOutSending, {}));
    m_signOutUnsent.clear();
    // The last first, as they were opened.
    while (!m_launchers.empty())
        m_launchers.pop_back();
    if (m_window)
        m_window->showAbsenceActive(false, {});
}

void SessionLauncher::onCommandLink(const QString &link)
{
    const QString command = CommandLinks::command(link);
    const QString accountId = CommandLinks::accountId(link);
    // Links written before accounts were named in them are the first account's.
    AccountLauncher *launcher =
        launcherOf(accountId.isEmpty() && !m_launchers.empty() ? m_launchers.front()->id() : accountId);
    if (command == "setup"_L1) {
        openAssistant();
    } else if (command == "password"_L1 && launcher) {
        launcher->askSecretAgain();
    } else if (command == "certificate"_L1 && launcher) {
        launcher->trustCertificate();
    } else if (command == "signin"_L1) {
        const QList<Account> accounts = std::exchange(m_signedOutAccounts, {});
        for (const Account &account : accounts)
            startSession(account);
    } else if (command == "endabsence"_L1) {
        openSettings(u"absencePage"_s, true, accountId);
    }
}

void SessionLauncher::openSettings(const QString &page, bool endAbsence, const QString &accountId)
{
    if (!m_window)
        return;
    const QString id = accountId.isEmpty() ? m_window->currentAccountId() : accountId;
    AccountLauncher *launcher = launcherOf(id);
    if (!launcher && !m_launchers.empty())
        launcher = m_launchers.front().get();
    if (!launcher)
        return;
    auto *dialog = new SettingsDialog(m_profile, launcher->account(), m_policy, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setPassword(launcher->secret());
    connect(dialog, &SettingsDialog::absenceStateChanged, this, &SessionLauncher::updateAbsenceBanner);
    const QString settingsAccount = launcher->id();
    connect(dialog, &SettingsDialog::clearCacheRequested, this,
            [this, settingsAccount] { clearCache(settingsAccount); });
    if (!page.isEmpty())
        dialog->showPage(page);
    if (endAbsence)
        dialog->endAbsenceWhenLoaded();
    dialog->open();
    dialog->loadServerSettings();
}

void SessionLauncher::updateAbsenceBanner()
{
    if (!m_window)
        return;
    for (const auto &launcher : m_launchers) {
        if (const auto absence = launcher->activeAbsence()) {
            m_window->showAbsenceActive(true, absence->end, launcher->id(),
                                        m_launchers.size() > 1 ? launcher->account().displayName()
                                                               : QString());
            return;
        }
    }
    m_window->showAbsenceActive(false, {});
}

void SessionLauncher::clearCache(const QString &accountId)
{
    AccountLauncher *launcher = launcherOf(accountId);
    if (!launcher)
        return;
    // The session's worker and the window hold the cache open: close them before removing it.
    const Account account = launcher->account();
    const QString secret = launcher->secret();
    closeAccount(accountId);
    QStringList problems;
    if (!AccountStorage(m_profile, account.id).wipeLocalData(&problems))
        qCWarning(lcCache).noquote() << "cache not fully removed:" << problems.join(u"; "_s);
    startSession(account, secret);
}

void SessionLauncher::eraseSharedAccount(const Account &account)
{
    const AccountStorage::EraseResult result =
        AccountStorage(m_profile, account.id).eraseAllAndWait(m_credentials);
    if (!result.ok)
        qCWarning(lcAccount).noquote() << "shared session not fully erased:" << result.problems.join(u"; "_s);
}

void SessionLauncher::signOut()
{
    if (!m_signOutSending.isEmpty())
        return; // already sending before signing out
    // Shared workstation: nothing can be sent later from another computer, so the outboxes go now.
    for (const auto &launcher : m_launchers) {
        OutboxSender *outbox = launcher->services() ? launcher->services()->outboxSender() : nullptr;
        if (!launcher->account().sharedWorkstation || !outbox || outbox->outbox().entries().isEmpty())
            continue;
        auto *drain = new OutboxDrain(outbox, launcher.get());
        drain->setTimeout(m_signOutSendingTimeout);
        connect(drain, &OutboxDrain::finished, this, [this, drain](const QList<OutboxEntry> &unsent) {
            for (const OutboxEntry &entry : unsent)
                m_signOutUnsent.append(entry.subject);
            m_signOutSending.removeOne(drain);
            drain->deleteLater();
            if (m_signOutSending.isEmpty())
                afterSignOutSending();
        });
        m_signOutSending.append(drain);
    }
    if (m_signOutSending.isEmpty()) {
        completeSignOut();
        return;
    }
    m_window->banner()->showMessage(
        NotificationBanner::Level::Information,
        tr("Sending the messages waiting in the outbox before signing out…").toHtmlEscaped());
    const QList<OutboxDrain *> drains = m_signOutSending;
    for (OutboxDrain *drain : drains)
        drain->start();
}

void SessionLauncher::afterSignOutSending()
{
    const QStringList unsent = std::exchange(m_signOutUnsent, {});
    if (!unsent.isEmpty()) {
        if (!UnsentMailPrompt::confirmDeletion(m_window, unsent)) {
            m_window->banner()->showMessage(
                NotificationBanner::Level::Warning,
                tr("You are still signed in: the messages wait in the outbox.").toHtmlEscaped());
            return;
        }
        qCInfo(lcAccount).noquote() << "signing out of a shared workstation:" << unsent.size()
                                    << "unsent messages deleted at the user's request";
    }
    m_window->banner()->hide();
    completeSignOut();
}

void SessionLauncher::completeSignOut()
{
    QList<Account> closed;
    for (const auto &launcher : m_launchers)
        closed.append(launcher->account());
    closeAll();
    QList<Account> kept;
    for (const Account &account : std::as_const(closed)) {
        if (account.sharedWorkstation)
            eraseSharedAccount(account);
        else
            kept.append(account);
    }
    if (kept.isEmpty() && !closed.isEmpty()) {
        // A shared workstation: the next person starts from the assistant.
        m_window->showNoAccount(m_profile.directory());
        Q_EMIT signedOut();
        openAssistant();
        return;
    }
    m_signedOutAccounts = kept;
    m_window->banner()->showMessage(NotificationBanner::Level::Information,
                                    tr("You are signed out.").toHtmlEscaped() +
                                        CommandLinks::html(u"signin"_s, tr("Sign in again")));
    Q_EMIT signedOut();
}

void SessionLauncher::finish()
{
    if (m_assistant)
        m_assistant->reject();
    qDeleteAll(std::exchange(m_signOutSending, {}));
    // Quitting a shared workstation: one last attempt to send each outbox, since the files go
    // next; there is no one to ask any more (the window is closed), so what cannot be sent is
    // lost, and logged.
    QList<Account> shared;
    for (const auto &launcher : m_launchers) {
        if (!launcher->account().sharedWorkstation)
            continue;
        shared.append(launcher->account());
        OutboxSender *outbox = launcher->services() ? launcher->services()->outboxSender() : nullptr;
        if (!outbox || outbox->outbox().entries().isEmpty())
            continue;
        OutboxDrain sending(outbox);
        sending.setTimeout(m_signOutSendingTimeout);
        QEventLoop loop;
        qsizetype left = 0;
        connect(&sending, &OutboxDrain::finished, &loop, [&](const QList<OutboxEntry> &unsent) {
            left = unsent.size();
            loop.quit();
        });
        sending.start();
        loop.exec();
        if (left > 0)
            qCWarning(lcAccount).noquote()
                << "quitting a shared workstation:" << left << "unsent messages deleted";
    }
    closeAll();
    for (const Account &account : std::as_const(shared))
        eraseSharedAccount(account);
    m_signedOutAccounts.clear();
}

void SessionLauncher::syncWindowAccounts()
{
    const QStringList order = m_profile.orderedIds();
    std::stable_sort(m_launchers.begin(), m_launchers.end(), [&order](const auto &a, const auto &b) {
        const qsizetype left = order.indexOf(a->id());
        const qsizetype right = order.indexOf(b->id());
        // Accounts no longer in the profile keep their place after the others.
        return (left < 0 ? order.size() : left) < (right < 0 ? order.size() : right);
    });
    if (m_window)
        m_window->setAccountOrder(m_profile.accounts());
}

void SessionLauncher::renameAccount(const QString &accountId, const QString &label)
{
    std::optional<Account> account = m_profile.account(accountId);
    if (!account)
        return;
    QString name = label;
    if (name.isEmpty()) {
        bool ok = false;
        name = QInputDialog::getText(m_window, tr("Rename the account"),
                                     tr("Name shown for %1:").arg(account->address), QLineEdit::Normal,
                                     account->displayName(), &ok)
                   .trimmed();
        if (!ok)
            return;
    }
    account->label = name == account->address ? QString() : name;
    QString error;
    if (!m_profile.saveAccount(*account, &error)) {
        m_window->banner()->showMessage(NotificationBanner::Level::Error, error.toHtmlEscaped());
        return;
    }
    if (AccountLauncher *launcher = launcherOf(accountId))
        launcher->setLabel(account->label);
    syncWindowAccounts();
}

void SessionLauncher::moveAccount(const QString &accountId, int delta)
{
    const QStringList ids = m_profile.orderedIds();
    const qsizetype position = ids.indexOf(accountId);
    if (position < 0)
        return;
    QString error;
    if (!m_profile.moveAccount(accountId, std::max<qsizetype>(0, position + delta), &error)) {
        m_window->banner()->showMessage(NotificationBanner::Level::Error, error.toHtmlEscaped());
        return;
    }
    syncWindowAccounts();
}

void SessionLauncher::removeAccount(const QString &accountId)
{
    const std::optional<Account> account = m_profile.account(accountId);
    if (!account)
        return;
    AccountServices *services = servicesOf(accountId);
    const qsizetype unsent =
        services ? services->outboxSender()->outbox().entries().size()
                 : Outbox(AccountPaths(m_profile.directory(), accountId).outboxDirectory()).entries().size();
    if (!AccountRemovalPrompt::confirm(m_window, account->displayName(), unsent))
        return;
    // Its worker and the window hold its cache open: both let go before the files are erased.
    closeAccount(accountId);
    m_signedOutAccounts.removeIf([&accountId](const Account &closed) { return closed.id == accountId; });
    QPointer<SessionLauncher> self(this);
    AccountStorage(m_profile, accountId)
        .eraseAll(m_credentials, [self, accountId](const AccountStorage::EraseResult &result) {
            if (!self)
                return;
            if (!result.ok) {
                qCWarning(lcAccount).noquote()
                    << "account not fully erased:" << result.problems.join(u"; "_s);
                self->m_window->banner()->showMessage(NotificationBanner::Level::Error,
                                                      result.problems.join(u"\n"_s).toHtmlEscaped());
            }
            self->syncWindowAccounts();
            if (self->m_profile.accounts().isEmpty())
                self->m_window->showNoAccount(self->m_profile.directory());
            Q_EMIT self->accountRemoved(accountId, result.ok);
        });
}

} // namespace Amiens
