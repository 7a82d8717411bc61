#include "IdleWatcher.h"

#include "imap/ImapCommandChannel.h"
#include "imap/ImapConnection.h"
#include "util/BackgroundTask.h"
#include "util/Logging.h"

#include <QCoreApplication>
#include <QPointer>
#include <QRegularExpression>
#include <chrono>

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

/// Whether an untagged line the server sent while idling reports a change of the folder: new
/// messages (EXISTS), expunged ones, or flags changed (FETCH). "* OK Still here" does not.
bool reportsChange(const QByteArray &line)
{
    static const QRegularExpression change(uR"re(^\* \d+ (EXISTS|EXPUNGE|FETCH)\b)re"_s,
                                           QRegularExpression::CaseInsensitiveOption);
    return change.match(QString::fromLatin1(line.left(64))).hasMatch();
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
        bool announced = false;
        while (!m_cancelled->load()) {
            channel.startIdle();
            if (!announced) {
                post([](IdleWatcher &watcher) { Q_EMIT watcher.listening(); });
                announced = true;
            }
            // Lines are read as they come; stop() ends the wait within a second (the channel
            // waits in slices and checks the cancellation flag).
            const auto renewAt = std::chrono::steady_clock::now() + std::chrono::seconds(kRenewSeconds);
            bool changed = false;
            while (!changed && std::chrono::steady_clock::now() < renewAt) {
                const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                    renewAt - std::chrono::steady_clock::now());
                if (const auto line = channel.readIdleLine(left))
                    changed = reportsChange(*line);
            }
            for (const QByteArray &line : channel.stopIdle())
                changed = changed || reportsChange(line);
            if (changed) {
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
