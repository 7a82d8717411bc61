#include "ListCommand.h"

#include "CliOptions.h"
#include "CommandContext.h"
#include "MessageFormat.h"
#include "cache/MailCache.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace Amiens {

QString ListCommand::name() const
{
    return u"list"_s;
}

QString ListCommand::usage() const
{
    return u"  list FOLDER [--limit N]     messages of a folder (from the cache)\n"_s;
}

QList<QCommandLineOption> ListCommand::options() const
{
    return {CliOptions::limit};
}

int ListCommand::run(CommandContext &context)
{
    const QStringList &arguments = context.arguments();
    if (arguments.size() != 2)
        return context.usageError(tr("list needs a folder, e.g. list INBOX."));
    const std::optional<Account> account = context.selectedAccount();
    MailCache cache;
    if (!account || !context.openCache(*account, cache))
        return CommandContext::Failure;
    const auto folder = cache.folderStore().folder(arguments.at(1));
    if (!folder) {
        CommandContext::err() << tr("Error: no folder %1 in the local copy.").arg(arguments.at(1)) << '\n';
        return CommandContext::Failure;
    }
    const QList<CachedMessage> messages =
        cache.messageStore().messages(folder->id, context.parser().value(CliOptions::limit).toInt());
    QTextStream &out = CommandContext::out();
    if (context.json()) {
        QJsonArray array;
        for (const CachedMessage &message : messages)
            array.append(MessageFormat::summaryJson(message));
        out << QJsonDocument(array).toJson(QJsonDocument::Indented);
    } else {
        for (const CachedMessage &message : messages)
            out << MessageFormat::summaryLine(message) << '\n';
    }
    return CommandContext::Success;
}

} // namespace Amiens
