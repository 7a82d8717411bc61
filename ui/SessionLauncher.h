#pragma once

#include "account/Profile.h"

#include <QObject>
#include <QPointer>

namespace Amiens {

class AccountSession;
class CredentialStore;
class MainWindow;

/// Opens the profile's account in a window: trust settings, the password from the keychain (or
/// asked once when the keychain has none), then the first folder refresh.
class SessionLauncher : public QObject
{
    Q_OBJECT
public:
    SessionLauncher(Profile profile, MainWindow *window, QObject *parent = nullptr);
    ~SessionLauncher() override;

    void start();
    [[nodiscard]] AccountSession *session() const { return m_session; }

private:
    void askPassword(const QString &reason);

    Profile m_profile;
    QPointer<MainWindow> m_window;
    AccountSession *m_session = nullptr;
    CredentialStore *m_credentials = nullptr;
};

} // namespace Amiens
