#pragma once

#include "CliCommand.h"

#include <QCoreApplication>

namespace Amiens {

/// vacation get [--json] | vacation set --from ISO --until ISO --subject S --message-file F
/// [--days N] [--academy-only] | vacation off: the out-of-office message on the ManageSieve server.
class VacationCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(Amiens::VacationCommand)

public:
    [[nodiscard]] QString name() const override;
    [[nodiscard]] QString usage() const override;
    [[nodiscard]] Section section() const override { return Section::Settings; }
    [[nodiscard]] QList<QCommandLineOption> options() const override;
    int run(CommandContext &context) override;

private:
    static int get(CommandContext &context);
    static int change(CommandContext &context, bool turnOn);
};

} // namespace Amiens
