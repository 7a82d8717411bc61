#include "IdleWatcher.h"

#include "imap/ImapCommandChannel.h"
#include "imap/ImapConnection.h"
#include "util/BackgroundTask.h"
#include "util/Logging.h"

#include <QCoreApplication>
#include <QPointer>
#include <chrono>
#include <vmime/net/imap/IMAPCommand.hpp>
#include <vmime/net/socket.hpp>

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

using Parser = vmime::net::imap::IMAPParser;

/// Whether the reply after DONE reports a change of the folder.
bool reportsChange(const Parser::response &response)
{
    for (const auto *item : response.continue_req_or_response_data()) {
        const auto *data = item->response_data();
        if (!data)
            continue;
        if (data->message_data())
            return true; // EXPUNGE or FETCH (flags)
        if (const auto *mailbox = data->mailbox_data();
            mailbox && (mailbox->type() == Parser::mailbox_data::EXISTS ||
                        mailbox->type() == Parser::mailbox_data::RECENT))
            return true;
    }
    return false;
}

} // namespace

IdleWatcher::IdleWatcher(Account account, TlsTrust trust, QString folderPath, QObject *parent)
    : QObject(parent)
    , m_account(std::move(account))
    , m_trust(std::move(trust))
    , m_folderPath(std::move(folderPath))
    , m_cancelled(std::make_shared<std::atomic<bool>>(false))
{
    qRegisterMetaType<Amiens::ServiceError>();
}

IdleWatcher::~IdleWatcher()
{
    stop();
}

bool IdleWatcher::isRunning() const
{
    return m_task && m_task->isRunning();
}

void IdleWatcher::start(const QString &password)
{
    stop();
    m_cancelled = std::make_shared<std::atomic<bool>>(false);
    m_task = std::make_unique<BackgroundTask>(u"idle:"_s + m_account.id, [this, password] { run(password); });
    m_task->start(this);
}

void IdleWatcher::stop()
{
    if (!m_task)
        return;
    m_cancelled->store(true);
    m_task.reset();
}

void IdleWatcher::run(const QString &password)
{
    QPointer<IdleWatcher> self(this);
    const auto post = [self](auto signal) {
        QMetaObject::invokeMethod(
            self.data(),
            [self, signal] {
                if (self)
                    signal(*self);
            },
            Qt::QueuedConnection);
    };
    // The connection stays silent for long stretches by design: only cancellation ends a wait.
    ImapConnection connection(m_account, m_trust, m_cancelled, std::chrono::seconds(kRenewSeconds + 120));
    if (auto error = connection.open(password)) {
        if (!m_cancelled->load())
            post([error = *error](IdleWatcher &watcher) { Q_EMIT watcher.unavailable(error); });
        return;
    }
    try {
        ImapCommandChannel channel(connection);
        if (!channel.hasCapability("IDLE")) {
            ServiceError error;
            error.kind = ServiceError::Kind::Protocol;
            error.message = tr("The server does not push new mail (no IDLE); it will be checked regularly.");
            post([error](IdleWatcher &watcher) { Q_EMIT watcher.unavailable(error); });
            return;
        }
        channel.examine(m_folderPath);
        auto imap = connection.store()->getConnection();
        auto socket = vmime::constCast<vmime::net::socket>(imap->getSocket());
        bool announced = false;
        while (!m_cancelled->load()) {
            imap->sendCommand(vmime::net::imap::IMAPCommand::createCommand("IDLE"));
            std::unique_ptr<Parser::response> started(imap->readResponse());
            if (!announced) {
                post([](IdleWatcher &watcher) { Q_EMIT watcher.listening(); });
                announced = true;
            }
            // Wait for the server to speak, in short slices so that stop() is prompt.
            const auto renewAt = std::chrono::steady_clock::now() + std::chrono::seconds(kRenewSeconds);
            bool activity = false;
            while (!activity && std::chrono::steady_clock::now() < renewAt)
                activity = socket->waitForRead(1000);
            imap->sendRaw(reinterpret_cast<const vmime::byte_t *>("DONE\r\n"), 6);
            std::unique_ptr<Parser::response> finished(imap->readResponse());
            if (reportsChange(*finished)) {
                qCInfo(lcSync).noquote() << m_folderPath << "changed on the server (IDLE)";
                post([](IdleWatcher &watcher) { Q_EMIT watcher.folderChanged(); });
            }
        }
    } catch (...) {
        if (m_cancelled->load())
            return;
        const ServiceError error = connection.translate(std::current_exception());
        qCWarning(lcSync).noquote() << "IDLE stopped:" << error.message << "(" << error.technical << ")";
        post([error](IdleWatcher &watcher) { Q_EMIT watcher.unavailable(error); });
    }
}

} // namespace Amiens
