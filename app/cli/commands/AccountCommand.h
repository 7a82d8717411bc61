#pragma once

#include "CliCommand.h"

#include <QCoreApplication>

namespace Amiens {

/// account add|list: adds an account from a preset or the --imap-*/--smtp-* options (the password to the
/// keychain), lists the profile's accounts.
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
};

} // namespace Amiens
