#pragma once

#include "CliCommand.h"
#include "outbox/OutboxEntry.h"

#include <QCoreApplication>

namespace Amiens {

/// outbox [--json]: the messages waiting in the outbox and their state.
class OutboxCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(Amiens::OutboxCommand)

public:
    [[nodiscard]] QString name() const override;
    [[nodiscard]] QString usage() const override;
    /// One entry as text: id, state, recipients and subject, then its error if any.
    static void printEntry(const OutboxEntry &entry);
    int run(CommandContext &context) override;

private:
    static QString stateText(OutboxEntry::State state);
};

} // namespace Amiens
