#include "DeleteCommand.h"

#include "CommandContext.h"
#include "session/AccountSession.h"

using namespace Qt::StringLiterals;

namespace Amiens {

QString DeleteCommand::name() const
{
    return u"delete"_s;
}

QString DeleteCommand::usage() const
{
    return u"  delete FOLDER UID           move a message to the Trash (queued when offline)\n"_s;
}

int DeleteCommand::run(CommandContext &context)
{
    const QStringList &arguments = context.arguments();
    const std::optional<quint32> uid = context.uidArgument(2);
    if (arguments.size() != 3 || !uid)
        return context.usageError(tr("delete needs a folder and a UID."));
    const QString folder = arguments.at(1);
    return context.localChange(tr("Deletion"),
                               [&](AccountSession &session, std::function<void(const QString &)> done) {
                                   session.deleteMessages(folder, {*uid}, std::move(done));
                               });
}

} // namespace Amiens
