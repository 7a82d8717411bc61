#pragma once

#include "CliCommand.h"

#include <QCoreApplication>

namespace Amiens {

/// folders [--json]: the account's folders, from the server.
class FoldersCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(Amiens::FoldersCommand)

public:
    [[nodiscard]] QString name() const override;
    [[nodiscard]] QString usage() const override;
    int run(CommandContext &context) override;
};

} // namespace Amiens
