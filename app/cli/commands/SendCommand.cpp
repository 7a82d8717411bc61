#include "SendCommand.h"

#include "CommandContext.h"
#include "OutboxCommand.h"
#include "account/AccountPaths.h"
#include "compose/MessageBuilder.h"
#include "outbox/Outbox.h"
#include "outbox/OutboxSender.h"
#include "services/AccountServices.h"

#include <QEventLoop>
#include <QFile>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace Amiens {

QString SendCommand::name() const
{
    return u"send"_s;
}

QString SendCommand::usage() const
{
    return u"  send [FILE.eml]             put a message in the outbox and send the outbox now\n"_s;
}

int SendCommand::run(CommandContext &context)
{
    const QStringList &arguments = context.arguments();
    if (arguments.size() > 2)
        return context.usageError(tr("Usage: send [FILE.eml]"));
    const std::optional<Account> account = context.selectedAccount();
    if (!account)
        return CommandContext::Failure;
    // Without a file: send what waits in the outbox (after a failure or an interrupted run).
    if (arguments.size() < 2)
        return sendOutbox(context, *account, std::nullopt);

    QTextStream &err = CommandContext::err();
    QString error;
    QFile file(arguments.at(1));
    if (!file.open(QIODevice::ReadOnly)) {
        err << tr("Error: cannot read %1.").arg(file.fileName()) << '\n';
        return CommandContext::Failure;
    }
    const auto built = MessageBuilder::prepareRaw(file.readAll(), account->address, &error);
    if (!built) {
        err << tr("Error: %1").arg(error) << '\n';
        return CommandContext::Failure;
    }
    // In the outbox, on disk, before the network is touched.
    const QString directory = AccountPaths(context.profile().directory(), account->id).outboxDirectory();
    const std::optional<OutboxEntry> queued = Outbox(directory).enqueue(*built, &error);
    if (!queued) {
        err << tr("Error: %1").arg(error) << '\n';
        return CommandContext::Failure;
    }
    err << tr("Queued in the outbox: %1").arg(queued->id) << '\n';
    err.flush();
    return sendOutbox(context, *account, queued);
}

int SendCommand::sendOutbox(CommandContext &context, const Account &account,
                            const std::optional<OutboxEntry> &queued)
{
    const std::unique_ptr<AccountServices> services = context.servicesFor(account);
    if (!services)
        return CommandContext::Failure;
    const std::optional<QString> password = context.passwordFor(account);
    if (!password)
        return CommandContext::AuthenticationFailed;
    services->setPassword(*password);
    OutboxSender &sender = *services->outboxSender();
    QEventLoop loop;
    std::optional<ServiceError> blocked;
    QObject::connect(&sender, &OutboxSender::finished, &loop,
                     [&](int, int, const std::optional<ServiceError> &failure) {
                         blocked = failure;
                         loop.quit();
                     });
    sender.processNow(true);
    loop.exec();

    QTextStream &out = CommandContext::out();
    if (!queued) {
        const QList<OutboxEntry> left = sender.outbox().entries();
        for (const OutboxEntry &entry : left)
            OutboxCommand::printEntry(entry);
        out << tr("%n message(s) sent.", nullptr, sender.sentCount()) << '\n';
        out.flush();
        return blocked          ? context.reportError(*blocked)
               : left.isEmpty() ? CommandContext::Success
                                : CommandContext::NetworkFailed;
    }
    const auto state = sender.outbox().entry(queued->id);
    if (!state) {
        out << queued->id << '\t' << tr("sent") << '\n';
        out.flush();
        return CommandContext::Success;
    }
    OutboxCommand::printEntry(*state);
    out.flush();
    if (blocked)
        return context.reportError(*blocked);
    switch (state->state) {
    case OutboxEntry::State::SentAwaitingCopy:
        return CommandContext::Success; // gone out; the copy in Sent is made by the next run
    case OutboxEntry::State::Failed:
        return CommandContext::Failure;
    default:
        return CommandContext::NetworkFailed;
    }
}

} // namespace Amiens
