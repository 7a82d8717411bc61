#include "MoveCommand.h"

#include "CommandContext.h"
#include "services/AccountServices.h"
#include "session/AccountSession.h"
#include "session/jobs/ReplayPendingJob.h"

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

const QCommandLineOption kToAccount(u"to-account"_s,
                                    u"move: the account the destination folder belongs to."_s, u"ID"_s);
const QCommandLineOption kCopy(u"copy"_s, u"move --to-account: keep the original."_s);

} // namespace

QString MoveCommand::name() const
{
    return u"move"_s;
}

QString MoveCommand::usage() const
{
    return u"  move FOLDER UID DEST        move a message (queued when offline)\n"
           "      [--to-account ID [--copy]]   to a folder of another account (the message must be downloaded)\n"_s;
}

QList<QCommandLineOption> MoveCommand::options() const
{
    return {kToAccount, kCopy};
}

int MoveCommand::run(CommandContext &context)
{
    const QStringList &arguments = context.arguments();
    const std::optional<quint32> uid = context.uidArgument(2);
    if (arguments.size() != 4 || !uid)
        return context.usageError(tr("move needs a folder, a UID and a destination folder."));
    const QString folder = arguments.at(1);
    const QString destination = arguments.at(3);
    if (context.parser().isSet(kToAccount))
        return transfer(context, folder, *uid, destination);
    if (context.parser().isSet(kCopy))
        return context.usageError(tr("--copy goes with --to-account."));
    return context.localChange(tr("Move"),
                               [&](AccountSession &session, std::function<void(const QString &)> done) {
                                   session.moveMessages(folder, {*uid}, destination, std::move(done));
                               });
}

int MoveCommand::transfer(CommandContext &context, const QString &folder, quint32 uid,
                          const QString &destination)
{
    const std::optional<Account> source = context.selectedAccount();
    if (!source)
        return CommandContext::Failure;
    const std::optional<Account> target = context.profile().account(context.parser().value(kToAccount));
    if (!target || target->id == source->id)
        return context.usageError(tr("--to-account needs the id of another account of the profile."));
    const bool copy = context.parser().isSet(kCopy);
    // With --password-stdin, one line per account: the source's, then the target's.
    const std::optional<QString> sourcePassword = context.passwordIfKnown(*source);
    const std::optional<QString> targetPassword = context.passwordIfKnown(*target);

    const int queued = context.withSession(
        *source, false, [&](AccountServices &services, const CommandContext::Finish &finish) {
            services.session()->transferMessages(
                folder, {uid}, target->id, destination, copy, [&context, finish](const QString &error) {
                    if (!error.isEmpty()) {
                        CommandContext::err() << tr("Error: %1").arg(error) << '\n';
                        finish(CommandContext::Failure);
                    } else {
                        finish(CommandContext::Success);
                    }
                });
        });
    if (queued != CommandContext::Success)
        return queued;
    CommandContext::out() << (copy ? tr("Copy to %1: saved.") : tr("Move to %1: saved.")).arg(target->id)
                          << '\n';
    // The other account adds it first; only then does this one remove its copy.
    replayNow(context, *target, targetPassword);
    if (!copy)
        replayNow(context, *source, sourcePassword);
    return CommandContext::Success;
}

void MoveCommand::replayNow(CommandContext &context, const Account &account,
                            const std::optional<QString> &password)
{
    if (!password) {
        CommandContext::out()
            << tr("%1: it will be sent to the server at the next synchronisation.").arg(account.id) << '\n';
        return;
    }
    context.withSession(account, false, [&](AccountServices &services, const CommandContext::Finish &finish) {
        AccountSession &session = *services.session();
        session.setPassword(*password);
        auto job = std::make_shared<ReplayPendingJob>();
        session.submit(job, [job, &account, finish](const std::optional<ServiceError> &failure) {
            for (const QString &conflict : job->conflicts())
                CommandContext::err() << tr("Conflict: %1").arg(conflict) << '\n';
            if (failure)
                CommandContext::out()
                    << tr("%1: the server cannot be reached (%2); it will be sent at the next "
                          "synchronisation.")
                           .arg(account.id, failure->message)
                    << '\n';
            finish(CommandContext::Success);
        });
    });
}

} // namespace Amiens
