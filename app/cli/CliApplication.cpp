#include "CliApplication.h"

#include "CliOptions.h"
#include "CommandContext.h"
#include "account/Profile.h"
#include "commands/AccountCommand.h"
#include "commands/DeleteCommand.h"
#include "commands/FlagCommand.h"
#include "commands/FoldersCommand.h"
#include "commands/ListCommand.h"
#include "commands/MoveCommand.h"
#include "commands/OutboxCommand.h"
#include "commands/PresetsCommand.h"
#include "commands/QuotaCommand.h"
#include "commands/ReportPhishingCommand.h"
#include "commands/SearchCommand.h"
#include "commands/SendCommand.h"
#include "commands/ShowCommand.h"
#include "commands/SignatureCommand.h"
#include "commands/SyncCommand.h"
#include "commands/VacationCommand.h"
#include "settings/SitePolicy.h"

#include <QCommandLineParser>
#include <QSet>

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

// QCommandLineParser would read "-seen" as options: flag changes are renamed before parsing.
QStringList protectFlagArguments(QStringList arguments)
{
    for (QString &argument : arguments) {
        if (argument == "-seen"_L1 || argument == "-flagged"_L1)
            argument.replace(0, 1, u'~');
    }
    return arguments;
}

} // namespace

CliApplication::CliApplication()
{
    // In the order of the usage text; the options show in --help in this order too.
    m_commands.push_back(std::make_unique<PresetsCommand>());
    m_commands.push_back(std::make_unique<AccountCommand>());
    m_commands.push_back(std::make_unique<FoldersCommand>());
    m_commands.push_back(std::make_unique<SyncCommand>());
    m_commands.push_back(std::make_unique<ListCommand>());
    m_commands.push_back(std::make_unique<ShowCommand>());
    m_commands.push_back(std::make_unique<SearchCommand>());
    m_commands.push_back(std::make_unique<FlagCommand>());
    m_commands.push_back(std::make_unique<MoveCommand>());
    m_commands.push_back(std::make_unique<DeleteCommand>());
    m_commands.push_back(std::make_unique<ReportPhishingCommand>());
    m_commands.push_back(std::make_unique<SendCommand>());
    m_commands.push_back(std::make_unique<OutboxCommand>());
    m_commands.push_back(std::make_unique<QuotaCommand>());
    m_commands.push_back(std::make_unique<VacationCommand>());
    m_commands.push_back(std::make_unique<SignatureCommand>());
}

QString CliApplication::usage(bool settings) const
{
    QString text = u"Commands:\n"_s;
    for (const auto &command : m_commands) {
        if (command->section() == CliCommand::Section::Mail)
            text += command->usage();
    }
    text += u"Read commands accept --json.\n"_s;
    for (const auto &command : m_commands) {
        if (settings && command->section() == CliCommand::Section::Settings)
            text += command->usage();
    }
    return text;
}

CliCommand *CliApplication::command(const QString &name) const
{
    for (const auto &command : m_commands) {
        if (command->name() == name)
            return command.get();
    }
    return nullptr;
}

int CliApplication::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"AmiensMail command-line client.\n"_s + usage(true));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions(
        {CliOptions::profile, CliOptions::account, CliOptions::json, CliOptions::passwordStdin});
    // An option several commands read (--limit, --name) is added once, where it first appears.
    QSet<QString> added;
    for (const auto &command : m_commands) {
        for (const QCommandLineOption &option : command->options()) {
            if (!added.contains(option.names().constFirst())) {
                added.insert(option.names().constFirst());
                parser.addOption(option);
            }
        }
    }
    parser.addPositionalArgument(u"command"_s, u"The command to run."_s);
    parser.process(protectFlagArguments(arguments));

    CommandContext context(parser,
                           Profile(parser.isSet(CliOptions::profile) ? parser.value(CliOptions::profile)
                                                                     : Profile::defaultDirectory()),
                           usage(false));
    // The school's boxes IT set up for this workstation join the user's own account.
    QString siteError;
    if (SitePolicy::load().installFunctionalMailboxes(context.profile(), &siteError) < 0)
        CommandContext::err() << tr("Warning: %1").arg(siteError) << '\n';
    const QString name = context.arguments().value(0);
    if (CliCommand *selected = command(name))
        return selected->run(context);
    return context.usageError(name.isEmpty() ? tr("No command given.")
                                             : tr("Unknown command: %1").arg(context.arguments().join(u' ')));
}

} // namespace Amiens
