#pragma once

#include <QCommandLineOption>
#include <QList>
#include <QString>

namespace Amiens {

class CommandContext;

/// One command of amiens-mail-cli ("sync", "account add"…). CliApplication parses the options
/// of every command at once, picks the command by its first positional argument and runs it.
class CliCommand
{
public:
    /// Where the usage lines are shown: the mail commands in every usage message, the settings
    /// commands in --help only, after the note on --json (as the text has always read).
    enum class Section
    {
        Mail,
        Settings,
    };

    CliCommand() = default;
    virtual ~CliCommand() = default;
    CliCommand(const CliCommand &) = delete;
    CliCommand &operator=(const CliCommand &) = delete;

    /// The first positional argument that selects the command.
    [[nodiscard]] virtual QString name() const = 0;
    /// The command's lines of the usage text, each ending with a newline.
    [[nodiscard]] virtual QString usage() const = 0;
    [[nodiscard]] virtual Section section() const { return Section::Mail; }
    /// The options the command reads beyond the common ones; an option several commands share
    /// is added once.
    [[nodiscard]] virtual QList<QCommandLineOption> options() const { return {}; }
    /// Runs the command; the result is the process's exit code (CommandContext::ExitCode).
    virtual int run(CommandContext &context) = 0;
};

} // namespace Amiens
