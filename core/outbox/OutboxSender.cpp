#include "OutboxSender.h"

#include "session/AccountSession.h"
#include "session/jobs/AppendMessageJob.h"
#include "session/jobs/FindMessageJob.h"
#include "smtp/SmtpSender.h"
#include "smtp/SmtpSizeLimit.h"
#include "util/BackgroundTask.h"
#include "util/Clock.h"
#include "util/Logging.h"

#include <QDir>
#include <QLockFile>
#include <QPointer>
#include <csignal>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

/// Test seam: AMIENS_OUTBOX_CRASH_POINT=<name> kills the process with SIGKILL at that point,
/// exactly as a crash or "kill -9" would, so the tests can prove each step is recoverable.
void crashPoint(const char *name)
{
    static const QByteArray wanted = qgetenv("AMIENS_OUTBOX_CRASH_POINT");
    if (!wanted.isEmpty() && wanted == name)
        ::kill(::getpid(), SIGKILL);
}

} // namespace

OutboxSender::OutboxSender(Account account, TlsTrust trust, QString outboxDirectory, AccountSession *session,
                           QObject *parent)
    : QObject(parent)
    , m_account(std::move(account))
    , m_trust(std::move(trust))
    , m_outbox(std::move(outboxDirectory))
    , m_session(session)
    , m_cancelled(std::make_shared<std::atomic<bool>>(false))
{
    qRegisterMetaType<Amiens::OutboxEntry>();
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, [this] { processNow(false); });
}

OutboxSender::~OutboxSender()
{
    if (m_smtpTask) {
        // The state stays "sending": the next start checks Sent before sending again.
        m_cancelled->store(true);
        m_smtpTask.reset();
    }
}

void OutboxSender::setPassword(const QString &password)
{
    m_password = password;
}

std::chrono::seconds OutboxSender::backoff(int attempts)
{
    const int doublings = std::clamp(attempts - 1, 0, 10);
    return std::min(std::chrono::seconds(30) * (1 << doublings), std::chrono::seconds(15 * 60));
}

void OutboxSender::processNow(bool ignoreBackoff)
{
    if (m_running) {
        m_runAgain = true;
        return;
    }
    // The window and amiens-mail-cli may both run: two senders on one outbox could both send
    // the same queued message. A crashed holder's lock is taken over (QLockFile checks its PID).
    QDir().mkpath(m_outbox.directory());
    m_lock = std::make_unique<QLockFile>(m_outbox.directory() + u"/.sending.lock"_s);
    if (!m_lock->tryLock(0)) {
        m_lock.reset();
        qCInfo(lcNet).noquote() << "outbox: another process is sending" << m_outbox.directory();
        // Asynchronous like every other ending, so callers can connect after processNow().
        QMetaObject::invokeMethod(
            this, [this] { Q_EMIT finished(0, static_cast<int>(m_outbox.entries().size()), std::nullopt); },
            Qt::QueuedConnection);
        return;
    }
    m_running = true;
    m_ignoreBackoff = ignoreBackoff;
    m_sent = 0;
    m_queue.clear();
    for (const OutboxEntry &entry : m_outbox.entries())
        m_queue.append(entry.id);
    QMetaObject::invokeMethod(this, &OutboxSender::next, Qt::QueuedConnection);
}

void OutboxSender::next()
{
    while (!m_queue.isEmpty()) {
        const auto entry = m_outbox.entry(m_queue.takeFirst());
        if (!entry)
            continue;
        switch (entry->state) {
        case OutboxEntry::State::Failed:
            continue; // the user has to change it first
        case OutboxEntry::State::Sending:
            resolveUnknown(*entry);
            return;
        case OutboxEntry::State::SentAwaitingCopy:
            copyToSent(*entry);
            return;
        case OutboxEntry::State::Queued:
            if (!m_ignoreBackoff && entry->nextAttempt.isValid() &&
                entry->nextAttempt > Clock::currentDateTimeUtc())
                continue;
            sendEntry(*entry);
            return;
        }
    }
    finish();
}

bool OutboxSender::save(const OutboxEntry &entry)
{
    QString error;
    if (!m_outbox.update(entry, &error)) {
        qCWarning(lcNet).noquote() << "outbox:" << error;
        ServiceError failure;
        failure.kind = ServiceError::Kind::Storage;
        failure.message = error;
        finish(failure);
        return false;
    }
    Q_EMIT entryChanged(entry);
    return true;
}

void OutboxSender::resolveUnknown(OutboxEntry entry)
{
    qCInfo(lcNet).noquote() << "outbox:" << entry.id
                            << "was interrupted while sending; looking for it in Sent";
    auto job = std::make_shared<FindMessageJob>(m_sentFolder, entry.messageId);
    QPointer<OutboxSender> self(this);
    m_session->submit(job, [self, job, entry](const std::optional<ServiceError> &error) mutable {
        if (!self)
            return;
        if (error) {
            // Unknown and cannot be checked: sending again might make a duplicate, so wait.
            qCWarning(lcNet).noquote() << "outbox: cannot check" << entry.id << ":" << error->message;
            self->next();
            return;
        }
        if (!job->uids().isEmpty()) {
            QString failure;
            if (self->m_outbox.remove(entry.id, &failure))
                Q_EMIT self->entryRemoved(entry.id);
            ++self->m_sent;
            self->next();
            return;
        }
        self->sendEntry(entry);
    });
}

void OutboxSender::sendEntry(OutboxEntry entry)
{
    const auto bytes = m_outbox.bytes(entry.id);
    if (!bytes) {
        next();
        return;
    }
    // Written before a single SMTP byte: a crash from here on is found as "sending" at the
    // next start and checked before any second attempt.
    entry.state = OutboxEntry::State::Sending;
    ++entry.attempts;
    if (!save(entry))
        return;
    crashPoint("before-smtp");

    auto result = std::make_shared<SmtpSender::Outcome>();
    const Account account = m_account;
    const TlsTrust trust = m_trust;
    const QString password = m_password;
    const CancellationFlag cancelled = m_cancelled;
    const QByteArray data = *bytes;
    const QString from = entry.envelopeFrom;
    const QStringList recipients = entry.recipients;
    m_smtpTask = std::make_unique<BackgroundTask>(u"smtp:"_s + m_account.id, [=] {
        SmtpSender sender(account, trust, cancelled);
        *result = sender.send(password, from, recipients, data);
        if (result->kind == SmtpSender::Outcome::Kind::Sent)
            crashPoint("after-smtp");
    });
    m_smtpTask->start(this, [this, result, entry]() mutable {
        m_smtpTask.reset();
        using Kind = SmtpSender::Outcome::Kind;
        if (result->sizeLimit > 0)
            SmtpSizeLimit::save(m_outbox.directory(), result->sizeLimit);
        entry.error = result->kind == Kind::Sent ? QString() : result->error.message;
        entry.errorTechnical = result->kind == Kind::Sent ? QString() : result->error.technical;
        switch (result->kind) {
        case Kind::Sent:
            entry.state = OutboxEntry::State::SentAwaitingCopy;
            entry.nextAttempt = {};
            if (!save(entry))
                return;
            ++m_sent;
            crashPoint("after-sent-recorded");
            copyToSent(entry);
            return;
        case Kind::Transient:
            entry.state = OutboxEntry::State::Queued;
            entry.nextAttempt = Clock::currentDateTimeUtc().addSecs(backoff(entry.attempts).count());
            if (save(entry))
                next();
            return;
        case Kind::Permanent:
            entry.state = OutboxEntry::State::Failed;
            if (save(entry))
                next();
            return;
        case Kind::Blocked:
            // Nothing else can go either; the message waits for the user's action.
            entry.state = OutboxEntry::State::Queued;
            entry.nextAttempt = {};
            if (save(entry))
                finish(result->error);
            return;
        }
    });
}

void OutboxSender::copyToSent(OutboxEntry entry)
{
    const auto bytes = m_outbox.bytes(entry.id);
    if (!bytes) {
        next();
        return;
    }
    auto job = std::make_shared<AppendMessageJob>(m_sentFolder, *bytes, entry.messageId);
    QPointer<OutboxSender> self(this);
    m_session->submit(job, [self, job, entry](const std::optional<ServiceError> &error) {
        if (!self)
            return;
        if (error) {
            // Sent already: only the copy waits, it is never sent again. It stays in the outbox
            // (SentAwaitingCopy) and is filed at the next run, e.g. once space is freed after
            // [OVERQUOTA]; the reason is kept so that the user sees why it waits.
            qCWarning(lcNet).noquote()
                << "outbox: copy of" << entry.id << "to Sent failed:" << error->message;
            OutboxEntry waiting = entry;
            waiting.error = tr("Sent. Its copy could not be filed in Sent yet; it is kept and filed at "
                               "the next attempt: %1")
                                .arg(error->message);
            waiting.errorTechnical = error->technical;
            if (self->save(waiting))
                self->next();
            return;
        }
        crashPoint("after-copy");
        QString failure;
        if (self->m_outbox.remove(entry.id, &failure))
            Q_EMIT self->entryRemoved(entry.id);
        self->next();
    });
}

void OutboxSender::finish(std::optional<ServiceError> blocked)
{
    m_queue.clear();
    m_running = false;
    m_lock.reset();
    if (m_runAgain && !blocked) {
        m_runAgain = false;
        processNow(m_ignoreBackoff);
        return;
    }
    m_runAgain = false;
    int waiting = 0;
    for (const OutboxEntry &entry : m_outbox.entries())
        waiting += entry.state != OutboxEntry::State::Failed ? 1 : 0;
    if (!blocked)
        scheduleRetry();
    Q_EMIT finished(m_sent, waiting, blocked);
}

void OutboxSender::scheduleRetry()
{
    QDateTime earliest;
    for (const OutboxEntry &entry : m_outbox.entries()) {
        if (entry.state == OutboxEntry::State::Failed)
            continue;
        const QDateTime when =
            entry.nextAttempt.isValid() ? entry.nextAttempt : Clock::currentDateTimeUtc().addSecs(60);
        if (!earliest.isValid() || when < earliest)
            earliest = when;
    }
    if (!earliest.isValid()) {
        m_retryTimer.stop();
        return;
    }
    const qint64 delay = std::max<qint64>(1000, Clock::currentDateTimeUtc().msecsTo(earliest));
    m_retryTimer.start(std::chrono::milliseconds(delay));
}

} // namespace Amiens
