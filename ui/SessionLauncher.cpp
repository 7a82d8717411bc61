#include "SessionLauncher.h"

#include "MainWindow.h"
#include "NotificationBanner.h"
#include "imap/AccountSession.h"
#include "net/TlsTrust.h"
#include "security/CredentialStore.h"

#include <QInputDialog>
#include <QLineEdit>

namespace Amiens {

SessionLauncher::SessionLauncher(Profile profile, MainWindow *window, QObject *parent)
    : QObject(parent)
    , m_profile(std::move(profile))
    , m_window(window)
    , m_credentials(new CredentialStore(CredentialStore::defaultServiceName(), this))
{
}

SessionLauncher::~SessionLauncher()
{
    delete m_session;
}

void SessionLauncher::start()
{
    const QList<Account> accounts = m_profile.accounts();
    if (accounts.isEmpty()) {
        m_window->showNoAccount(m_profile.directory());
        return;
    }
    const Account &account = accounts.first();
    QString trustError;
    const auto trust = TlsTrust::forAccount(account, &trustError);
    if (!trust) {
        m_window->banner()->showMessage(NotificationBanner::Level::Error, trustError);
        return;
    }
    m_session = new AccountSession(account, *trust);
    m_window->setSession(m_session);

    m_credentials->readPassword(account.id, [this](const CredentialStore::Result &result) {
        if (result.ok()) {
            m_session->setPassword(result.secret);
            m_session->refreshFolders();
        } else {
            askPassword(result.message);
        }
    });
}

void SessionLauncher::askPassword(const QString &reason)
{
    if (!m_window || !m_session)
        return;
    bool accepted = false;
    const QString password = QInputDialog::getText(
        m_window, tr("Password"),
        tr("%1\nPassword for %2:").arg(reason, m_session->account().address), QLineEdit::Password, {},
        &accepted);
    if (!accepted || password.isEmpty()) {
        m_window->banner()->showMessage(NotificationBanner::Level::Warning,
                                        tr("Without a password, only the mail already on this computer can be read."));
        return;
    }
    m_session->setPassword(password);
    m_session->refreshFolders();
}

} // namespace Amiens
