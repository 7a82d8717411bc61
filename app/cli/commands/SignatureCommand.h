#pragma once

#include "CliCommand.h"

#include <QCoreApplication>

namespace Amiens {

/// signature list [--json] | signature set --name N --file F [--html] [--default new|reply|both]:
/// the signatures of the account's address, in the profile.
class SignatureCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(Amiens::SignatureCommand)

public:
    [[nodiscard]] QString name() const override;
    [[nodiscard]] QString usage() const override;
    [[nodiscard]] Section section() const override { return Section::Settings; }
    [[nodiscard]] QList<QCommandLineOption> options() const override;
    int run(CommandContext &context) override;

private:
    static int list(CommandContext &context);
    static int set(CommandContext &context);
};

} // namespace Amiens
