#pragma once

#include "CliCommand.h"

#include <QCoreApplication>

namespace Amiens {

/// delete FOLDER UID: a move to the Trash, applied to the cache and queued.
class DeleteCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(Amiens::DeleteCommand)

public:
    [[nodiscard]] QString name() const override;
    [[nodiscard]] QString usage() const override;
    int run(CommandContext &context) override;
};

} // namespace Amiens
