#include "SearchCommand.h"

#include "CliOptions.h"
#include "CommandContext.h"
#include "MessageFormat.h"
#include "cache/MailCache.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace Amiens {

QString SearchCommand::name() const
{
    return u"search"_s;
}

QString SearchCommand::usage() const
{
    return u"  search QUERY                search the cache\n"_s;
}

QList<QCommandLineOption> SearchCommand::options() const
{
    return {CliOptions::limit};
}

int SearchCommand::run(CommandContext &context)
{
    const QStringList &arguments = context.arguments();
    if (arguments.size() < 2)
        return context.usageError(tr("search needs words to look for."));
    const std::optional<Account> account = context.selectedAccount();
    MailCache cache;
    if (!account || !context.openCache(*account, cache))
        return CommandContext::Failure;
    const QList<SearchHit> hits = cache.searchIndex().search(
        arguments.mid(1).join(u' '), context.parser().value(CliOptions::limit).toInt());
    QTextStream &out = CommandContext::out();
    if (context.json()) {
        QJsonArray array;
        for (const SearchHit &hit : hits) {
            QJsonObject object = MessageFormat::summaryJson(hit.message);
            object.insert(u"folder"_s, hit.folderPath);
            array.append(object);
        }
        out << QJsonDocument(array).toJson(QJsonDocument::Indented);
    } else {
        for (const SearchHit &hit : hits)
            out << hit.folderPath << '\t' << MessageFormat::summaryLine(hit.message) << '\n';
    }
    return CommandContext::Success;
}

} // namespace Amiens
