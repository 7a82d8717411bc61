#pragma once

#include "session/ConnectionCheck.h"

#include <QWizardPage>

class QButtonGroup;
class QGroupBox;
class QLabel;
class QPushButton;
class QRadioButton;

namespace Amiens {

class AccountAssistant;
class CertificateView;

/// The assistant's last page: logs in to IMAP and SMTP for real and shows what it found, or
/// what went wrong and what to do (wrong password, unverified certificate, unreachable server).
/// Then it stores the password in the keychain, or lets the user choose when there is none.
class ConnectionCheckPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit ConnectionCheckPage(AccountAssistant *assistant);

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;
    bool validatePage() override;

    void cancelCheck();
    [[nodiscard]] bool isChecking() const { return m_check->isRunning(); }
    [[nodiscard]] bool succeeded() const { return m_succeeded; }

private:
    void startCheck();
    void onServiceStarted(ConnectionCheck::Service service);
    void onFinished(const ConnectionCheck::Result &result);
    void showFailure(const ServiceError &error);
    void storePassword();
    void showMessage(const QString &html);

    AccountAssistant *m_assistant;
    ConnectionCheck *m_check;
    QLabel *m_imapStatus = nullptr;
    QLabel *m_smtpStatus = nullptr;
    QLabel *m_message = nullptr;
    CertificateView *m_certificate = nullptr;
    QPushButton *m_retry = nullptr;
    QGroupBox *m_keychainChoice = nullptr;
    QRadioButton *m_sessionOnly = nullptr;
    QRadioButton *m_askAtStart = nullptr;
    QButtonGroup *m_choiceGroup = nullptr;
    QLabel *m_credentialsStatus = nullptr;
    bool m_succeeded = false;
    bool m_credentialsSettled = false;
};

} // namespace Amiens
