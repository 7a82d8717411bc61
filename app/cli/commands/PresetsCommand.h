#pragma once

#include "CliCommand.h"

#include <QCoreApplication>

namespace Amiens {

/// presets [--json]: the provider presets, with a warning for each file that cannot be read.
class PresetsCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(Amiens::PresetsCommand)

public:
    [[nodiscard]] QString name() const override;
    [[nodiscard]] QString usage() const override;
    int run(CommandContext &context) override;
};

} // namespace Amiens
