#pragma once

#include "CliCommand.h"
#include "account/Account.h"
#include "sync/SyncOptions.h"

#include <QCoreApplication>
#include <functional>

namespace Amiens {

class AccountServices;

/// sync [--bodies all|recent|none]: synchronises the offline cache (progress on stderr, summary on stdout),
/// completes the search index (a second line), then runs the client-side out-of-office responder. Every
/// account of the profile in its order, or the one --account names; one account failing does not stop the
/// others.
class SyncCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(Amiens::SyncCommand)

public:
    [[nodiscard]] QString name() const override;
    [[nodiscard]] QString usage() const override;
    [[nodiscard]] QList<QCommandLineOption> options() const override;
    int run(CommandContext &context) override;

private:
    /// One account's sync; its exit code.
    static int synchronize(CommandContext &context, const Account &account, const SyncOptions &options,
                           bool announce);
    /// After a sync's summary: indexes the new bodies for search at once and says how long it
    /// took (the bench times both lines), then respondToAbsence().
    static void buildSearchIndex(CommandContext &context, AccountServices &services,
                                 const std::function<void(int)> &finish);
    /// After a sync: the client-side out-of-office responder, when the profile's absence is the
    /// client-side one. True when replies are being sent: @p finish is then called when they are.
    static bool respondToAbsence(CommandContext &context, AccountServices &services,
                                 const std::function<void(int)> &finish);
};

} // namespace Amiens
