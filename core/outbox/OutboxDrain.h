#pragma once

#include "Outbox.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <chrono>

namespace Amiens {

class OutboxSender;

/// One last attempt to send everything an account's outbox holds, then what could not be sent:
/// before a shared-workstation sign-out erases the account, since nothing can be sent later from
/// another computer. Widget-free: the window asks the user about what is left.
class OutboxDrain : public QObject
{
    Q_OBJECT
public:
    explicit OutboxDrain(OutboxSender *sender, QObject *parent = nullptr);

    /// How long the attempt may take before what is left is reported (a silent server).
    void setTimeout(std::chrono::milliseconds timeout) { m_timer.setInterval(timeout); }
    /// Sends now, backoff ignored; finished() follows, always asynchronously.
    void start();

    /// The messages the server has not accepted (a message sent whose copy to Sent waits is sent).
    [[nodiscard]] static QList<OutboxEntry> unsent(const Outbox &outbox);

Q_SIGNALS:
    void finished(const QList<Amiens::OutboxEntry> &unsent);

private:
    void report();

    QPointer<OutboxSender> m_sender;
    Outbox m_outbox;
    QTimer m_timer;
    bool m_reported = false;
};

} // namespace Amiens
