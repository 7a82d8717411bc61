#pragma once

#include "CliCommand.h"

#include <QCoreApplication>

namespace Amiens {

/// report FOLDER UID: the report to the site's security address into the outbox, the message to Junk, then
/// the outbox sent.
class ReportPhishingCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(Amiens::ReportPhishingCommand)

public:
    [[nodiscard]] QString name() const override;
    [[nodiscard]] QString usage() const override;
    int run(CommandContext &context) override;
};

} // namespace Amiens
