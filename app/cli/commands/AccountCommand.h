#pragma once

#include "CliCommand.h"

#include <QCoreApplication>

namespace Amiens {

/// account add|list|remove|rename|move: adds an account from a preset or the --imap-*/--smtp-*
/// options (the password to the keychain), lists the profile's accounts in their order, removes one
/// (its files and keychain entry, never another's; refused while its outbox holds unsent mail unless
/// --discard-outbox), names it in the folder tree, or moves it in the order.
class AccountCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(Amiens::AccountCommand)

public:
    [[nodiscard]] QString name() const override;
    [[nodiscard]] QString usage() const override;
    [[nodiscard]] QList<QCommandLineOption> options() const override;
    int run(CommandContext &context) override;

private:
    static int add(CommandContext &context);
    static int list(CommandContext &context);
    static int remove(CommandContext &context);
    static int rename(CommandContext &context);
    static int move(CommandContext &context);
};

} // namespace Amiens
