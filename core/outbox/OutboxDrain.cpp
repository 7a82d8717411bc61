#include "OutboxDrain.h"

#include "OutboxSender.h"

namespace Amiens {

OutboxDrain::OutboxDrain(OutboxSender *sender, QObject *parent)
    : QObject(parent)
    , m_sender(sender)
    , m_outbox(sender->outbox().directory())
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(std::chrono::seconds(60));
    connect(&m_timer, &QTimer::timeout, this, &OutboxDrain::report);
}

void OutboxDrain::start()
{
    m_reported = false;
    if (!m_sender || m_outbox.entries().isEmpty()) {
        QMetaObject::invokeMethod(this, &OutboxDrain::report, Qt::QueuedConnection);
        return;
    }
    connect(m_sender, &OutboxSender::finished, this, &OutboxDrain::report, Qt::UniqueConnection);
    // The sender gone (session ended) means no more attempt: report what is left.
    connect(m_sender, &QObject::destroyed, this, &OutboxDrain::report, Qt::UniqueConnection);
    m_timer.start();
    m_sender->processNow(true);
}

QList<OutboxEntry> OutboxDrain::unsent(const Outbox &outbox)
{
    QList<OutboxEntry> left;
    for (const OutboxEntry &entry : outbox.entries()) {
        if (entry.state != OutboxEntry::State::SentAwaitingCopy)
            left.append(entry);
    }
    return left;
}

void OutboxDrain::report()
{
    if (m_reported)
        return;
    m_reported = true;
    m_timer.stop();
    if (m_sender)
        m_sender->disconnect(this);
    Q_EMIT finished(unsent(m_outbox));
}

} // namespace Amiens
