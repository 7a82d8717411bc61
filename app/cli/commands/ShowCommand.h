#pragma once

#include "CliCommand.h"

#include <QCoreApplication>

namespace Amiens {

/// show FOLDER UID [--json]: one message from the cache (fetched first if its body is not there), with the
/// phishing warnings.
class ShowCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(Amiens::ShowCommand)

public:
    [[nodiscard]] QString name() const override;
    [[nodiscard]] QString usage() const override;
    int run(CommandContext &context) override;
};

} // namespace Amiens
