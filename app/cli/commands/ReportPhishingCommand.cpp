#include "ReportPhishingCommand.h"

#include "CommandContext.h"
#include "SendCommand.h"
#include "cache/MailCache.h"
#include "security/PhishingReport.h"
#include "services/AccountServices.h"
#include "session/AccountSession.h"
#include "settings/SitePolicy.h"

#include <QTextStream>

using namespace Qt::StringLiterals;

namespace Amiens {

QString ReportPhishingCommand::name() const
{
    return u"report"_s;
}

QString ReportPhishingCommand::usage() const
{
    return u"  report FOLDER UID           report a message as phishing: to Junk, and to the site's security "
           "address\n"_s;
}

int ReportPhishingCommand::run(CommandContext &context)
{
    const QStringList &arguments = context.arguments();
    const std::optional<quint32> uid = context.uidArgument(2);
    if (arguments.size() != 3 || !uid)
        return context.usageError(tr("report needs a folder and a UID."));
    const std::optional<Account> account = context.selectedAccount();
    if (!account)
        return CommandContext::Failure;
    QTextStream &err = CommandContext::err();
    const QString folderPath = arguments.at(1);
    QString junk;
    std::optional<QByteArray> raw;
    {
        MailCache cache;
        if (!context.openCache(*account, cache))
            return CommandContext::Failure;
        const auto folder = cache.folderStore().folder(folderPath);
        if (!folder || !cache.messageStore().message(folder->id, *uid)) {
            err << tr("Error: no message %1 in %2 in the local copy.").arg(*uid).arg(folderPath) << '\n';
            return CommandContext::Failure;
        }
        junk = PhishingReport::junkFolder(cache.folderStore().folders());
        raw = cache.messageStore().body(folder->id, *uid);
    }
    if (junk.isEmpty()) {
        err << tr("Error: this account has no Junk folder; the message stays where it is.") << '\n';
        return CommandContext::Failure;
    }
    // The report is in the outbox, on disk, before the message moves: nothing is lost offline.
    const std::unique_ptr<AccountServices> services = context.servicesFor(*account);
    if (!services)
        return CommandContext::Failure;
    QString error;
    const std::optional<QString> queued = services->queuePhishingReport(raw.value_or(QByteArray()), &error);
    if (!queued) {
        err << tr("Error: %1").arg(error) << '\n';
        return CommandContext::Failure;
    }
    const bool reportQueued = !queued->isEmpty();
    if (reportQueued)
        err << tr("Report to %1 queued in the outbox: %2")
                   .arg(services->sitePolicy().phishingReportAddress, *queued)
            << '\n';
    const int moved = context.localChange(
        tr("Report as phishing"), [&](AccountSession &session, std::function<void(const QString &)> done) {
            session.moveMessages(folderPath, {*uid}, junk, std::move(done));
        });
    if (moved != CommandContext::Success || !reportQueued)
        return moved;
    // Then the outbox goes out, the report with whatever else waits (as "send" without a file).
    return SendCommand::sendOutbox(context, *account, std::nullopt);
}

} // namespace Amiens
