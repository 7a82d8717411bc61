#pragma once

#include "account/Account.h"

#include <QDialog>

class QComboBox;
class QLineEdit;
class QSpinBox;

namespace Amiens {

/// "Paramètres avancés": the servers, ports, security and logins of an account being set up,
/// and an extra certificate authority file. There is no unencrypted choice.
class AdvancedSettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AdvancedSettingsDialog(const Account &account, QWidget *parent = nullptr);

    /// The account given to the constructor with the edited fields.
    [[nodiscard]] Account account() const;
    /// Site policy: hosts and ports may not be changed, only logins.
    void setServersLocked(bool locked);

private:
    struct EndpointFields
    {
        QLineEdit *host = nullptr;
        QSpinBox *port = nullptr;
        QComboBox *security = nullptr;
        QLineEdit *login = nullptr;
    };
    EndpointFields addEndpoint(const QString &title, const QString &prefix, const ServerEndpoint &endpoint);
    static ServerEndpoint read(const EndpointFields &fields);

    Account m_account;
    EndpointFields m_imap;
    EndpointFields m_smtp;
    QLineEdit *m_caFile = nullptr;
};

} // namespace Amiens
