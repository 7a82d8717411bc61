#include "FlagCommand.h"

#include "CommandContext.h"
#include "session/AccountSession.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace Amiens {

QString FlagCommand::name() const
{
    return u"flag"_s;
}

QString FlagCommand::usage() const
{
    return u"  flag FOLDER UID (+|-)(seen|flagged)   change a flag (queued when offline)\n"_s;
}

int FlagCommand::run(CommandContext &context)
{
    const QStringList &arguments = context.arguments();
    const std::optional<quint32> uid = context.uidArgument(2);
    // "-seen" arrives as "~seen": CliApplication renames it so that it is not read as options.
    const QString change = arguments.value(3);
    static const QHash<QString, QString> flags{{u"seen"_s, u"\\Seen"_s}, {u"flagged"_s, u"\\Flagged"_s}};
    const QString name = change.mid(1);
    if (arguments.size() != 4 || !uid || !flags.contains(name) ||
        (!change.startsWith(u'+') && !change.startsWith(u'~')))
        return context.usageError(tr("flag needs a folder, a UID and +seen, -seen, +flagged or -flagged."));
    const bool add = change.startsWith(u'+');
    const QString folder = arguments.at(1);
    return context.localChange(tr("Flag change"),
                               [&](AccountSession &session, std::function<void(const QString &)> done) {
                                   const QStringList list{flags.value(name)};
                                   session.changeFlags(folder, {*uid}, add ? list : QStringList(),
                                                       add ? QStringList() : list, std::move(done));
                               });
}

} // namespace Amiens
