#pragma once

#include "CliCommand.h"
#include "account/Account.h"
#include "outbox/OutboxEntry.h"

#include <QCoreApplication>
#include <optional>

namespace Amiens {

/// send [FILE.eml]: the message into the outbox, then the outbox sent now.
class SendCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(Amiens::SendCommand)

public:
    [[nodiscard]] QString name() const override;
    [[nodiscard]] QString usage() const override;
    int run(CommandContext &context) override;

    /// Sends what waits in the outbox and prints what is left; @p queued, just put there, decides
    /// the exit code when given.
    static int sendOutbox(CommandContext &context, const Account &account,
                          const std::optional<OutboxEntry> &queued);
};

} // namespace Amiens
