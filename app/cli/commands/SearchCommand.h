#pragma once

#include "CliCommand.h"

#include <QCoreApplication>

namespace Amiens {

/// search QUERY [--limit N] [--json]: the cache's full-text index, across folders.
class SearchCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(Amiens::SearchCommand)

public:
    [[nodiscard]] QString name() const override;
    [[nodiscard]] QString usage() const override;
    [[nodiscard]] QList<QCommandLineOption> options() const override;
    int run(CommandContext &context) override;
};

} // namespace Amiens
