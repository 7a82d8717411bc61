#include "SyncCommand.h"

#include "CliOptions.h"
#include "CommandContext.h"
#include "autoreply/AutoResponder.h"
#include "outbox/Outbox.h"
#include "outbox/OutboxSender.h"
#include "services/AccountServices.h"
#include "session/AccountSession.h"

#include <QElapsedTimer>
#include <QTextStream>
#include <memory>

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

const QCommandLineOption kBodies(u"bodies"_s, u"Bodies to download: all, recent or none."_s, u"POLICY"_s,
                                 u"recent"_s);

} // namespace

QString SyncCommand::name() const
{
    return u"sync"_s;
}

QString SyncCommand::usage() const
{
    return u"  sync [--bodies all|recent|none]   synchronise the offline cache of every account (or --account)\n"_s;
}

QList<QCommandLineOption> SyncCommand::options() const
{
    return {kBodies};
}

int SyncCommand::run(CommandContext &context)
{
    SyncOptions options;
    const QString bodies = context.parser().value(kBodies);
    if (bodies == "all"_L1)
        options.bodies = SyncOptions::Bodies::All;
    else if (bodies == "none"_L1)
        options.bodies = SyncOptions::Bodies::None;
    else if (bodies != "recent"_L1)
        return context.usageError(tr("--bodies takes all, recent or none."));

    QList<Account> accounts;
    if (context.parser().isSet(CliOptions::account)) {
        const std::optional<Account> account = context.selectedAccount();
        if (!account)
            return CommandContext::Failure;
        accounts.append(*account);
    } else {
        accounts = context.profile().accounts();
        if (accounts.isEmpty())
            return context.selectedAccount() ? CommandContext::Success : CommandContext::Failure;
    }
    // Every account is tried; the exit code is the first failure's.
    int exitCode = CommandContext::Success;
    for (const Account &account : std::as_const(accounts)) {
        const int code = synchronize(context, account, options, accounts.size() > 1);
        if (exitCode == CommandContext::Success)
            exitCode = code;
    }
    return exitCode;
}

int SyncCommand::synchronize(CommandContext &context, const Account &account, const SyncOptions &options,
                             bool announce)
{
    if (announce) {
        CommandContext::out() << tr("Account %1:").arg(account.id) << '\n';
        CommandContext::out().flush();
    }
    // Read once: the automatic replies, if any, go out with the same password. With
    // --password-stdin, each account reads its own line, in the order of "account list".
    const std::optional<QString> password = context.passwordFor(account);
    if (!password)
        return CommandContext::AuthenticationFailed;

    return context.withSession(
        account, false, [&](AccountServices &services, const CommandContext::Finish &finish) {
            services.setPassword(*password);
            AccountSession &session = *services.session();
            // Bodies are indexed as they are stored: the cache is searchable when the summary comes.
            session.setIndexInBackground(false);
            QObject::connect(&session, &AccountSession::syncProgress,
                             [](const QString &folder, int done, int total) {
                                 QTextStream &err = CommandContext::err();
                                 err << tr("%1: %2/%3").arg(folder).arg(done).arg(total) << '\n';
                                 err.flush();
                             });
            QObject::connect(&session, &AccountSession::syncFinished,
                             [&context, services = &services, finish](const SyncReport &report,
                                                                      const QStringList &conflicts) {
                                 for (const QString &conflict : conflicts)
                                     CommandContext::err() << tr("Conflict: %1").arg(conflict) << '\n';
                                 CommandContext::out()
                                     << tr("%1 folders: %2 new, %3 flag changes, %4 removed, %5 bodies "
                                           "downloaded.")
                                            .arg(report.folders.size())
                                            .arg(report.total(&FolderSyncResult::added))
                                            .arg(report.total(&FolderSyncResult::flagsChanged))
                                            .arg(report.total(&FolderSyncResult::removed))
                                            .arg(report.total(&FolderSyncResult::bodies))
                                     << '\n';
                                 CommandContext::out().flush();
                                 buildSearchIndex(context, *services, finish);
                             });
            QObject::connect(
                &session, &AccountSession::errorOccurred,
                [&context, finish](const ServiceError &error) { finish(context.reportError(error)); });
            session.synchronize(options);
        });
}

void SyncCommand::buildSearchIndex(CommandContext &context, AccountServices &services,
                                   const std::function<void(int)> &finish)
{
    // The cache is left fully searchable: the bodies' words, previews and paper clips.
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    services.session()->buildSearchIndex([&context, services = &services, finish, timer](int indexed) {
        if (indexed < 0) {
            CommandContext::err() << tr("Warning: %1")
                                         .arg(tr("The search index could not be completed; the next "
                                                 "synchronisation will complete it."))
                                  << '\n';
        } else if (indexed > 0) {
            // Bodies a sync brings are indexed as they are stored; this pass takes the others
            // (an older message model, bodies fetched by the window and not indexed yet).
            CommandContext::out() << tr("Search index: %1 messages indexed in %2 s.")
                                         .arg(indexed)
                                         .arg(double(timer->nsecsElapsed()) / 1e9, 0, 'f', 3)
                                  << '\n';
            CommandContext::out().flush();
        }
        if (!respondToAbsence(context, *services, finish))
            finish(CommandContext::Success);
    });
}

bool SyncCommand::respondToAbsence(CommandContext &context, AccountServices &services,
                                   const std::function<void(int)> &finish)
{
    // The client-side out-of-office responder, as the window runs it after each sync; the replies
    // go out with whatever else waits in the outbox.
    const AutoResponder::Result result = services.respondToAbsence();
    if (!result.error.isEmpty())
        CommandContext::err() << tr("Warning: %1").arg(result.error) << '\n';
    // Sent copies the server refused (a full mailbox: [OVERQUOTA]) are filed now that the sync
    // may follow a clean-up; the messages themselves went out already and never go again.
    bool copiesWaiting = false;
    for (const OutboxEntry &entry : Outbox(services.outboxDirectory()).entries())
        copiesWaiting = copiesWaiting || entry.state == OutboxEntry::State::SentAwaitingCopy;
    if (result.queued == 0 && !copiesWaiting)
        return false;
    if (result.queued > 0)
        CommandContext::out() << tr("%n automatic reply(ies) queued.", nullptr, result.queued) << '\n';
    OutboxSender *sender = services.outboxSender();
    if (result.queued == 0)
        sender->processNow(false);
    QObject::connect(sender, &OutboxSender::finished, sender,
                     [&context, finish](int, int, const std::optional<ServiceError> &blocked) {
                         finish(blocked ? context.reportError(*blocked) : CommandContext::Success);
                     });
    return true;
}

} // namespace Amiens
