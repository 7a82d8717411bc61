#pragma once

#include "CliCommand.h"
#include "account/Account.h"
#include "cache/QuotaStatus.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace Amiens {

class CommandContext;

/// quota [--json]: how full each account's mailbox is (or --account's), from the server when it
/// can be reached, else the value the last sync kept in the cache, saying so.
class QuotaCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(Amiens::QuotaCommand)

public:
    [[nodiscard]] QString name() const override;
    [[nodiscard]] QString usage() const override;
    int run(CommandContext &context) override;

private:
    /// One account's quota as JSON (account, source, used, limit, percent, level, message…);
    /// @p exitCode set when neither the server nor the cache gave one.
    QJsonObject quotaOf(CommandContext &context, const Account &account, int &exitCode);
};

} // namespace Amiens
