#pragma once

#include "CliCommand.h"

#include <QCoreApplication>

namespace Amiens {

/// flag FOLDER UID (+|-)(seen|flagged): a flag change, applied to the cache and queued.
class FlagCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(Amiens::FlagCommand)

public:
    [[nodiscard]] QString name() const override;
    [[nodiscard]] QString usage() const override;
    int run(CommandContext &context) override;
};

} // namespace Amiens
