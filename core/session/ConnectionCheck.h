#pragma once

#include "account/Account.h"
#include "net/CancellableTimeoutHandler.h"
#include "net/ServiceError.h"
#include "net/TlsTrust.h"

#include <QObject>
#include <QString>
#include <memory>
#include <optional>

namespace Amiens {

class BackgroundTask;

/// Tries an account before it is saved: IMAP login and folder list, then SMTP login, on a
/// thread of its own. Results come back as signals on the owner's thread; nothing here asks the
/// user anything: a certificate to trust or a password to retype is the caller's decision.
class ConnectionCheck : public QObject
{
    Q_OBJECT
public:
    enum class Service
    {
        Imap,
        Smtp
    };
    Q_ENUM(Service)

    struct ServiceResult
    {
        bool checked = false;
        std::optional<ServiceError> error;
        QString tlsDescription; ///< "TLS 1.3, TLS_AES_256_GCM_SHA384"
        [[nodiscard]] bool ok() const { return checked && !error; }
    };

    struct Result
    {
        ServiceResult imap;
        ServiceResult smtp;
        int folderCount = -1; ///< folders listed over IMAP, -1 when not listed
        [[nodiscard]] bool ok() const { return imap.ok() && (!smtp.checked || smtp.ok()); }
    };

    explicit ConnectionCheck(QObject *parent = nullptr);
    /// Cancels a running check and waits for its thread.
    ~ConnectionCheck() override;

    /// Starts checking; finished() follows. With @p checkSmtp false only IMAP is tried (an OTP
    /// passcode works once, so it cannot log in twice). Ignored while a check runs.
    void start(const Account &account, const TlsTrust &trust, const QString &password, bool checkSmtp = true);
    void cancel();
    [[nodiscard]] bool isRunning() const { return m_task != nullptr; }

Q_SIGNALS:
    void serviceStarted(Amiens::ConnectionCheck::Service service);
    void finished(const Amiens::ConnectionCheck::Result &result);

private:
    std::unique_ptr<BackgroundTask> m_task;
    CancellationFlag m_cancelled;
};

} // namespace Amiens

Q_DECLARE_METATYPE(Amiens::ConnectionCheck::Result)
