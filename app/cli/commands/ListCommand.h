#pragma once

#include "CliCommand.h"

#include <QCoreApplication>

namespace Amiens {

/// list FOLDER [--limit N] [--json]: the messages of a folder, from the cache.
class ListCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(Amiens::ListCommand)

public:
    [[nodiscard]] QString name() const override;
    [[nodiscard]] QString usage() const override;
    [[nodiscard]] QList<QCommandLineOption> options() const override;
    int run(CommandContext &context) override;
};

} // namespace Amiens
