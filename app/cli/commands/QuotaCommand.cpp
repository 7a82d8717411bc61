#include "QuotaCommand.h"

#include "CliOptions.h"
#include "CommandContext.h"
#include "account/AccountPaths.h"
#include "cache/MailCache.h"
#include "services/AccountServices.h"
#include "session/AccountSession.h"
#include "session/jobs/ReadQuotaJob.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace Amiens {

QString QuotaCommand::name() const
{
    return u"quota"_s;
}

QString QuotaCommand::usage() const
{
    return u"  quota                       how full each mailbox is (or --account's), with a warning from 80 %\n"_s;
}

int QuotaCommand::run(CommandContext &context)
{
    QList<Account> accounts;
    if (context.parser().isSet(CliOptions::account) || context.profile().accounts().isEmpty()) {
        const std::optional<Account> account = context.selectedAccount();
        if (!account)
            return CommandContext::Failure;
        accounts.append(*account);
    } else {
        accounts = context.profile().accounts();
    }
    int exitCode = CommandContext::Success;
    QJsonArray array;
    QTextStream &out = CommandContext::out();
    for (const Account &account : std::as_const(accounts)) {
        int code = CommandContext::Success;
        const QJsonObject result = quotaOf(context, account, code);
        if (exitCode == CommandContext::Success)
            exitCode = code;
        array.append(result);
        if (context.json())
            continue;
        out << tr("Account %1:").arg(account.id) << ' ';
        const QString message = result.value(u"message"_s).toString();
        out << (message.isEmpty() ? tr("no quota reported by the server.") : message) << '\n';
        if (result.value(u"source"_s).toString() == "cache"_L1)
            out << "  " << result.value(u"note"_s).toString() << '\n';
    }
    if (context.json())
        out << QJsonDocument(array).toJson(QJsonDocument::Indented);
    out.flush();
    return exitCode;
}

QJsonObject QuotaCommand::quotaOf(CommandContext &context, const Account &account, int &exitCode)
{
    // The server first; without a password or a network, the cache's copy (never an error by
    // itself: the point of the cache is to answer offline).
    const std::optional<QString> password = context.passwordIfKnown(account);
    std::optional<AccountQuota> quota;
    bool fromServer = false;
    bool serverWithoutQuota = false;
    QString unreachable;
    if (password) {
        context.withSession(
            account, false, [&](AccountServices &services, const CommandContext::Finish &finish) {
                services.setPassword(*password);
                auto job = std::make_shared<ReadQuotaJob>();
                services.session()->submit(job, [&, job, finish](const std::optional<ServiceError> &error) {
                    if (error) {
                        unreachable = error->message;
                    } else {
                        fromServer = true;
                        quota = job->quota();
                        serverWithoutQuota = !quota;
                    }
                    finish(CommandContext::Success);
                });
            });
    } else {
        unreachable = tr("no password in the keychain");
    }

    QJsonObject result{{u"account"_s, account.id}};
    if (!fromServer) {
        MailCache cache;
        QString error;
        if (cache.open(AccountPaths(context.profile().directory(), account.id).cacheFile(), account.id,
                       MailCache::Mode::ReadOnly, &error))
            quota = cache.quotaStore().quota();
        const QString when = quota && quota->readAt.isValid()
                                 ? QLocale().toString(quota->readAt.toLocalTime(), QLocale::ShortFormat)
                                 : QString();
        // A reading made stale (mail removed for good since, [OVERQUOTA]) has lost its date.
        const QString note =
            !quota ? tr("The server cannot be reached (%1) and no quota was kept.").arg(unreachable)
            : when.isEmpty()
                ? tr("The server cannot be reached (%1): value kept from an earlier synchronisation; it "
                     "may have changed since.")
                      .arg(unreachable)
                : tr("The server cannot be reached (%1): value kept at the last synchronisation, %2.")
                      .arg(unreachable, when);
        CommandContext::err() << note << '\n';
        CommandContext::err().flush();
        result.insert(u"note"_s, note);
        if (!quota)
            exitCode = CommandContext::NetworkFailed;
    }
    const QuotaStatus status = QuotaStatus::of(quota);
    result.insert(u"source"_s, fromServer ? u"server"_s : (quota ? u"cache"_s : u"none"_s));
    if (serverWithoutQuota)
        result.insert(u"note"_s, tr("The server reports no quota."));
    result.insert(u"level"_s, QuotaStatus::levelName(status.level()));
    result.insert(u"message"_s, status.message());
    if (quota) {
        result.insert(u"usedKiB"_s, quota->storageUsedKiB);
        result.insert(u"limitKiB"_s, quota->storageLimitKiB);
        result.insert(u"messages"_s, quota->messagesUsed);
        result.insert(u"messagesLimit"_s, quota->messagesLimit);
        result.insert(u"readAt"_s, quota->readAt.toString(Qt::ISODate));
    }
    result.insert(u"percent"_s, status.percent());
    return result;
}

} // namespace Amiens
