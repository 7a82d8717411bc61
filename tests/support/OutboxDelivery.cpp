#include "OutboxDelivery.h"

#include "account/Account.h"
#include "compose/BuiltMessage.h"
#include "net/TlsTrust.h"
#include "outbox/Outbox.h"
#include "outbox/OutboxSender.h"
#include "session/AccountSession.h"

#include <QSignalSpy>
#include <QTemporaryDir>

namespace Amiens::Test {

bool sendThroughOutbox(const Account &account, const QString &password, const BuiltMessage &message,
                       const QString &cachePath)
{
    QString error;
    QTemporaryDir outboxDir;
    if (!Outbox(outboxDir.path()).enqueue(message, &error)) {
        qWarning("cannot queue the message: %s", qPrintable(error));
        return false;
    }
    const auto trust = TlsTrust::forAccount(account, &error);
    if (!trust) {
        qWarning("no TLS trust for the sender: %s", qPrintable(error));
        return false;
    }
    AccountSession session(account, *trust);
    session.setCachePath(cachePath);
    session.setPassword(password);
    OutboxSender sender(account, *trust, outboxDir.path(), &session);
    sender.setPassword(password);
    QSignalSpy finished(&sender, &OutboxSender::finished);
    sender.processNow(true);
    if (!finished.wait(60000)) {
        qWarning("the sender's outbox did not finish");
        return false;
    }
    return true;
}

} // namespace Amiens::Test
