#pragma once

#include "CliCommand.h"
#include "account/Account.h"

#include <QCoreApplication>
#include <optional>

namespace Amiens {

/// move FOLDER UID DEST [--to-account ID [--copy]]: a move, applied to the cache and queued; to
/// another account of the profile, through both accounts' queues (exactly once), then sent to
/// both servers when they answer.
class MoveCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(Amiens::MoveCommand)

public:
    [[nodiscard]] QString name() const override;
    [[nodiscard]] QString usage() const override;
    [[nodiscard]] QList<QCommandLineOption> options() const override;
    int run(CommandContext &context) override;

private:
    static int transfer(CommandContext &context, const QString &folder, quint32 uid,
                        const QString &destination);
    /// Sends @p account's queued changes now when its password is known; offline they wait for
    /// the next sync, which is no failure.
    static void replayNow(CommandContext &context, const Account &account,
                          const std::optional<QString> &password);
};

} // namespace Amiens
