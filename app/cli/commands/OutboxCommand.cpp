#include "OutboxCommand.h"

#include "CommandContext.h"
#include "account/AccountPaths.h"
#include "outbox/Outbox.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace Amiens {

QString OutboxCommand::name() const
{
    return u"outbox"_s;
}

QString OutboxCommand::usage() const
{
    return u"  outbox                      the messages waiting in the outbox and their state\n"_s;
}

QString OutboxCommand::stateText(OutboxEntry::State state)
{
    switch (state) {
    case OutboxEntry::State::Queued:
        return tr("waiting");
    case OutboxEntry::State::Sending:
        return tr("sending");
    case OutboxEntry::State::SentAwaitingCopy:
        return tr("sent");
    case OutboxEntry::State::Failed:
        return tr("failed");
    }
    return {};
}

void OutboxCommand::printEntry(const OutboxEntry &entry)
{
    QTextStream &out = CommandContext::out();
    out << entry.id << '\t' << stateText(entry.state) << '\t' << entry.recipients.join(u", "_s) << '\t'
        << entry.subject << '\n';
    if (!entry.error.isEmpty())
        out << "\t" << entry.error << " (" << entry.errorTechnical << ")\n";
}

int OutboxCommand::run(CommandContext &context)
{
    const std::optional<Account> account = context.selectedAccount();
    if (!account)
        return CommandContext::Failure;
    const QList<OutboxEntry> entries =
        Outbox(AccountPaths(context.profile().directory(), account->id).outboxDirectory()).entries();
    QTextStream &out = CommandContext::out();
    if (context.json()) {
        QJsonArray array;
        for (const OutboxEntry &entry : entries) {
            array.append(QJsonObject{{u"id"_s, entry.id},
                                     {u"state"_s, OutboxEntry::stateName(entry.state)},
                                     {u"messageId"_s, entry.messageId},
                                     {u"subject"_s, entry.subject},
                                     {u"recipients"_s, QJsonArray::fromStringList(entry.recipients)},
                                     {u"attempts"_s, entry.attempts},
                                     {u"nextAttempt"_s, entry.nextAttempt.toString(Qt::ISODate)},
                                     {u"error"_s, entry.error},
                                     {u"errorTechnical"_s, entry.errorTechnical}});
        }
        out << QJsonDocument(array).toJson(QJsonDocument::Indented);
    } else {
        for (const OutboxEntry &entry : entries)
            printEntry(entry);
    }
    out.flush();
    return CommandContext::Success;
}

} // namespace Amiens
