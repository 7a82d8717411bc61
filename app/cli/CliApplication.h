#pragma once

#include "CliCommand.h"

#include <QCoreApplication>
#include <QStringList>
#include <memory>
#include <vector>

namespace Amiens {

/// amiens-mail-cli: parses the options common to all commands and those each command adds,
/// picks the command named by the first positional argument and runs it with a CommandContext.
/// The exit code tells scripts what kind of failure happened (CommandContext::ExitCode).
class CliApplication
{
    Q_DECLARE_TR_FUNCTIONS(Amiens::CliApplication)

public:
    CliApplication();

    int run(const QStringList &arguments);

private:
    /// The usage text: the mail commands, the note on --json, and with @p settings the settings
    /// commands after it.
    [[nodiscard]] QString usage(bool settings) const;
    [[nodiscard]] CliCommand *command(const QString &name) const;

    std::vector<std::unique_ptr<CliCommand>> m_commands;
};

} // namespace Amiens
