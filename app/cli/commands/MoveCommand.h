#pragma once

#include "CliCommand.h"

#include <QCoreApplication>

namespace Amiens {

/// move FOLDER UID DEST: a move, applied to the cache and queued.
class MoveCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(Amiens::MoveCommand)

public:
    [[nodiscard]] QString name() const override;
    [[nodiscard]] QString usage() const override;
    int run(CommandContext &context) override;
};

} // namespace Amiens
