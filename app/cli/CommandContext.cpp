#include "CommandContext.h"

#include "CliOptions.h"
#include "account/AccountPaths.h"
#include "cache/MailCache.h"
#include "security/CredentialStore.h"
#include "services/AccountServices.h"
#include "session/AccountSession.h"
#include "session/jobs/ReplayPendingJob.h"
#include "settings/SitePolicy.h"

#include <QEventLoop>
#include <QFile>
#include <QLocale>
#include <QTextStream>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace Amiens {

CommandContext::CommandContext(const QCommandLineParser &parser, Profile profile, QString usage)
    : m_parser(parser)
    , m_arguments(parser.positionalArguments())
    , m_profile(std::move(profile))
    , m_usage(std::move(usage))
{
}

QTextStream &CommandContext::out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &CommandContext::err()
{
    static QTextStream stream(stderr);
    return stream;
}

bool CommandContext::json() const
{
    return m_parser.isSet(CliOptions::json);
}

std::optional<quint32> CommandContext::uidArgument(qsizetype index) const
{
    bool ok = false;
    const uint uid = m_arguments.value(index).toUInt(&ok);
    return ok && uid > 0 ? std::optional<quint32>(uid) : std::nullopt;
}

int CommandContext::usageError(const QString &message)
{
    err() << message << '\n' << m_usage;
    err().flush();
    return Usage;
}

int CommandContext::reportError(const ServiceError &error)
{
    err() << tr("Error: %1").arg(error.message) << '\n';
    if (error.tlsFailure)
        err() << error.tlsFailure->describe() << '\n';
    if (!error.technical.isEmpty())
        err() << tr("Details: %1").arg(error.technical) << '\n';
    err().flush();
    switch (error.kind) {
    case ServiceError::Kind::Authentication:
        return AuthenticationFailed;
    case ServiceError::Kind::Network:
    case ServiceError::Kind::Timeout:
        return NetworkFailed;
    case ServiceError::Kind::Certificate:
    case ServiceError::Kind::TlsUnavailable:
        return SecurityFailed;
    default:
        return Failure;
    }
}

std::optional<Account> CommandContext::selectedAccount()
{
    const QList<Account> accounts = m_profile.accounts();
    if (accounts.isEmpty()) {
        err() << tr("Error: the profile %1 has no account; add one with \"account add\".")
                     .arg(m_profile.directory())
              << '\n';
        return std::nullopt;
    }
    if (!m_parser.isSet(CliOptions::account))
        return accounts.first();
    for (const Account &account : accounts) {
        if (account.id == m_parser.value(CliOptions::account))
            return account;
    }
    err() << tr("Error: no account %1 in the profile.").arg(m_parser.value(CliOptions::account)) << '\n';
    return std::nullopt;
}

QString CommandContext::readPasswordLine()
{
    QFile input;
    if (!input.open(stdin, QIODevice::ReadOnly))
        return {};
    QByteArray line = input.readLine();
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    return QString::fromUtf8(line);
}

std::optional<QString> CommandContext::readTextFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    return QString::fromUtf8(file.readAll());
}

std::optional<QString> CommandContext::passwordFor(const Account &account)
{
    if (m_parser.isSet(CliOptions::passwordStdin))
        return readPasswordLine();
    CredentialStore store;
    const CredentialStore::Result result = store.readPasswordAndWait(account.id);
    if (!result.ok()) {
        err() << tr("Error: %1 Use --password-stdin to give it.").arg(result.message) << '\n';
        return std::nullopt;
    }
    return result.secret;
}

std::optional<QString> CommandContext::passwordIfKnown(const Account &account)
{
    if (m_parser.isSet(CliOptions::passwordStdin))
        return readPasswordLine();
    CredentialStore store;
    const CredentialStore::Result result = store.readPasswordAndWait(account.id);
    return result.ok() ? std::optional<QString>(result.secret) : std::nullopt;
}

bool CommandContext::openCache(const Account &account, MailCache &cache)
{
    QString error;
    if (!cache.open(AccountPaths(m_profile.directory(), account.id).cacheFile(), account.id,
                    MailCache::Mode::ReadOnly, &error)) {
        err() << tr("Error: %1").arg(error) << '\n';
        return false;
    }
    QDateTime lastSync;
    for (const CachedFolder &folder : cache.folderStore().folders()) {
        if (folder.lastSync > lastSync)
            lastSync = folder.lastSync;
    }
    err() << tr("(local copy, last synchronised %1)")
                 .arg(lastSync.isValid() ? QLocale().toString(lastSync.toLocalTime(), QLocale::ShortFormat)
                                         : tr("never"))
          << '\n';
    err().flush();
    return true;
}

std::unique_ptr<AccountServices> CommandContext::servicesFor(const Account &account) const
{
    // The same trust as the window's: the account's CA file and pins plus the site's CA bundle.
    QString error;
    std::unique_ptr<AccountServices> services =
        AccountServices::create(m_profile, SitePolicy::load(), account, &error);
    if (!services)
        err() << tr("Error: %1").arg(error) << '\n';
    return services;
}

int CommandContext::withSession(const Account &account, bool needsPassword, const SessionStart &start)
{
    const std::unique_ptr<AccountServices> services = servicesFor(account);
    if (!services)
        return Failure;
    if (needsPassword) {
        const std::optional<QString> password = passwordFor(account);
        if (!password)
            return AuthenticationFailed;
        services->setPassword(*password);
    }
    QEventLoop loop;
    int exitCode = Success;
    start(*services, [&](int code) {
        exitCode = code;
        loop.quit();
    });
    loop.exec();
    out().flush();
    err().flush();
    return exitCode;
}

int CommandContext::localChange(const QString &what, const Change &change)
{
    const std::optional<Account> account = selectedAccount();
    if (!account)
        return Failure;
    // The change is kept locally first; sending it is a best effort that may wait for the
    // next sync, and a missing password or network never loses it.
    const std::optional<QString> password = passwordIfKnown(*account);
    return withSession(*account, false, [&](AccountServices &services, const Finish &finish) {
        AccountSession &session = *services.session();
        change(session, [&, finish](const QString &error) {
            if (!error.isEmpty()) {
                err() << tr("Error: %1").arg(error) << '\n';
                finish(Failure);
                return;
            }
            if (!password) {
                out() << tr("%1: saved; it will be sent to the server at the next synchronisation.").arg(what)
                      << '\n';
                finish(Success);
                return;
            }
            session.setPassword(*password);
            auto job = std::make_shared<ReplayPendingJob>();
            session.submit(job, [job, what, finish](const std::optional<ServiceError> &failure) {
                for (const QString &conflict : job->conflicts())
                    err() << tr("Conflict: %1").arg(conflict) << '\n';
                if (failure)
                    out() << tr("%1: saved; the server cannot be reached (%2), it will be sent at the next "
                                "synchronisation.")
                                 .arg(what, failure->message)
                          << '\n';
                else
                    out() << tr("%1: done.").arg(what) << '\n';
                finish(Success);
            });
        });
    });
}

} // namespace Amiens
