#include "ConnectionCheck.h"

#include "imap/FolderList.h"
#include "imap/ImapConnection.h"
#include "net/VmimePlatform.h"
#include "smtp/SmtpConnection.h"
#include "util/BackgroundTask.h"

#include <QPointer>

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

// A first-run check should answer quickly: a silent server is reported after this long.
constexpr std::chrono::seconds kInactivityLimit(20);

} // namespace

ConnectionCheck::ConnectionCheck(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<Amiens::ConnectionCheck::Result>();
    qRegisterMetaType<Amiens::ServiceError>();
}

ConnectionCheck::~ConnectionCheck()
{
    cancel();
}

void ConnectionCheck::cancel()
{
    if (m_cancelled)
        m_cancelled->store(true);
}

void ConnectionCheck::start(const Account &account, const TlsTrust &trust, const QString &password,
                            bool checkSmtp)
{
    if (m_task)
        return;
    VmimePlatform::ensureInstalled();
    m_cancelled = std::make_shared<std::atomic<bool>>(false);
    const CancellationFlag cancelled = m_cancelled;
    QPointer<ConnectionCheck> self(this);
    auto announce = [self](Service service) {
        QMetaObject::invokeMethod(
            self.data(),
            [self, service] {
                if (self)
                    Q_EMIT self->serviceStarted(service);
            },
            Qt::QueuedConnection);
    };

    auto outcome = std::make_shared<Result>();
    m_task = std::make_unique<BackgroundTask>(u"connection-check"_s, [=] {
        Result &result = *outcome;
        announce(Service::Imap);
        {
            ImapConnection imap(account, trust, cancelled, kInactivityLimit);
            result.imap.checked = true;
            result.imap.error = imap.open(password);
            result.imap.tlsDescription = imap.lastConnectionReport().tlsDescription;
            if (!result.imap.error) {
                try {
                    result.folderCount = static_cast<int>(FolderList::read(imap).size());
                } catch (...) {
                    // The login worked, which is what this check is about; the list is a bonus.
                }
            }
        }
        if (checkSmtp && !result.imap.error && !cancelled->load()) {
            announce(Service::Smtp);
            SmtpConnection smtp(account, trust, cancelled, kInactivityLimit);
            result.smtp.checked = true;
            result.smtp.error = smtp.checkLogin(password);
            result.smtp.tlsDescription = smtp.lastConnectionReport().tlsDescription;
        }
    });
    m_task->start(this, [this, outcome] {
        m_task.reset();
        Q_EMIT finished(*outcome);
    });
}

} // namespace Amiens
