#include "MoveCommand.h"

#include "CommandContext.h"
#include "session/AccountSession.h"

using namespace Qt::StringLiterals;

namespace Amiens {

QString MoveCommand::name() const
{
    return u"move"_s;
}

QString MoveCommand::usage() const
{
    return u"  move FOLDER UID DEST        move a message (queued when offline)\n"_s;
}

int MoveCommand::run(CommandContext &context)
{
    const QStringList &arguments = context.arguments();
    const std::optional<quint32> uid = context.uidArgument(2);
    if (arguments.size() != 4 || !uid)
        return context.usageError(tr("move needs a folder, a UID and a destination folder."));
    const QString folder = arguments.at(1);
    const QString destination = arguments.at(3);
    return context.localChange(tr("Move"),
                               [&](AccountSession &session, std::function<void(const QString &)> done) {
                                   session.moveMessages(folder, {*uid}, destination, std::move(done));
                               });
}

} // namespace Amiens
