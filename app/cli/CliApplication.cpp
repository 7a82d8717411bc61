#include "CliApplication.h"

#include "SettingsCommands.h"
#include "account/AccountPaths.h"
#include "account/ProviderRegistry.h"
#include "autoreply/AutoResponder.h"
#include "cache/MailCache.h"
#include "cache/PendingOperationQueue.h"
#include "compose/MessageBuilder.h"
#include "mime/MessageContent.h"
#include "net/TlsTrust.h"
#include "outbox/Outbox.h"
#include "outbox/OutboxSender.h"
#include "security/AttachmentName.h"
#include "security/CredentialStore.h"
#include "security/PhishingAnalyzer.h"
#include "security/PhishingReport.h"
#include "security/SafeMessage.h"
#include "services/AccountServices.h"
#include "session/AccountSession.h"
#include "session/jobs/FetchBodyJob.h"
#include "session/jobs/ReplayPendingJob.h"
#include "settings/PhishingSettings.h"
#include "settings/SitePolicy.h"
#include "util/TerminalText.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QTextStream>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

const QCommandLineOption kProfile(u"profile"_s, u"Profile directory."_s, u"DIR"_s);
const QCommandLineOption kAccount(u"account"_s, u"Account id (default: the first one)."_s, u"ID"_s);
const QCommandLineOption kJson(u"json"_s, u"Print JSON."_s);
const QCommandLineOption kPasswordStdin(u"password-stdin"_s,
                                        u"Read the password from the first line of stdin."_s);
const QCommandLineOption kAddress(u"address"_s, u"E-mail address."_s, u"ADDRESS"_s);
const QCommandLineOption kName(u"name"_s, u"Real name."_s, u"NAME"_s);
const QCommandLineOption kPreset(u"preset"_s, u"Provider preset id (default: from the address's domain)."_s,
                                 u"ID"_s);
const QCommandLineOption kLogin(u"login"_s, u"Login for both servers."_s, u"LOGIN"_s);
const QCommandLineOption kImapHost(u"imap-host"_s, u"IMAP server."_s, u"HOST"_s);
const QCommandLineOption kImapPort(u"imap-port"_s, u"IMAP port."_s, u"PORT"_s);
const QCommandLineOption kImapSecurity(u"imap-security"_s, u"ssl or starttls."_s, u"MODE"_s);
const QCommandLineOption kSmtpHost(u"smtp-host"_s, u"SMTP server."_s, u"HOST"_s);
const QCommandLineOption kSmtpPort(u"smtp-port"_s, u"SMTP port."_s, u"PORT"_s);
const QCommandLineOption kSmtpSecurity(u"smtp-security"_s, u"ssl or starttls."_s, u"MODE"_s);
const QCommandLineOption kBodies(u"bodies"_s, u"Bodies to download: all, recent or none."_s, u"POLICY"_s,
                                 u"recent"_s);
const QCommandLineOption kLimit(u"limit"_s, u"At most N messages."_s, u"N"_s, u"50"_s);
const QCommandLineOption kCaFile(u"ca-file"_s, u"Extra certificate authorities (PEM) to trust."_s, u"FILE"_s);

const char *kUsage = R"(Commands:
  presets                     list the provider presets
  account add --address A     add an account (from a preset or --imap-*/--smtp-* options)
  account list                list the profile's accounts
  folders                     list the account's folders on the server
  sync [--bodies all|recent|none]   synchronise the offline cache
  list FOLDER [--limit N]     messages of a folder (from the cache)
  show FOLDER UID             one message (from the cache)
  search QUERY                search the cache
  flag FOLDER UID (+|-)(seen|flagged)   change a flag (queued when offline)
  move FOLDER UID DEST        move a message (queued when offline)
  delete FOLDER UID           move a message to the Trash (queued when offline)
  report FOLDER UID           report a message as phishing: to Junk, and to the site's security address
  send [FILE.eml]             put a message in the outbox and send the outbox now
  outbox                      the messages waiting in the outbox and their state
Read commands accept --json.
)";

// QCommandLineParser would read "-seen" as options: flag changes are renamed before parsing.
QStringList protectFlagArguments(QStringList arguments)
{
    for (QString &argument : arguments) {
        if (argument == "-seen"_L1 || argument == "-flagged"_L1)
            argument.replace(0, 1, u'~');
    }
    return arguments;
}

QJsonObject addressJson(const MailAddress &address)
{
    return {{u"name"_s, address.name}, {u"address"_s, address.address}};
}

QJsonArray addressesJson(const QList<MailAddress> &addresses)
{
    QJsonArray array;
    for (const MailAddress &address : addresses)
        array.append(addressJson(address));
    return array;
}

QJsonObject summaryJson(const CachedMessage &message)
{
    return {{u"uid"_s, static_cast<qint64>(message.uid)},
            {u"subject"_s, message.headers.subject},
            {u"from"_s, addressJson(message.headers.from)},
            {u"date"_s, message.headers.date.toString(Qt::ISODate)},
            {u"flags"_s, QJsonArray::fromStringList(message.flags)},
            {u"size"_s, message.size},
            {u"hasAttachments"_s, message.hasAttachments}};
}

QString summaryLine(const CachedMessage &message)
{
    const QString marks = QString(message.isSeen() ? u' ' : u'N') + (message.isFlagged() ? u'!' : u' ') +
                          (message.hasAttachments ? u'@' : u' ');
    // Names and subjects come from senders: no terminal control sequence goes through.
    return u"%1\t%2\t%3\t%4\t%5"_s.arg(message.uid)
        .arg(marks, message.headers.date.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s),
             TerminalText::visible(message.headers.from.toDisplayString()),
             TerminalText::visible(message.headers.subject));
}

std::optional<quint32> parseUid(const QString &text)
{
    bool ok = false;
    const uint uid = text.toUInt(&ok);
    return ok && uid > 0 ? std::optional<quint32>(uid) : std::nullopt;
}

bool applyEndpointOptions(const QCommandLineParser &parser, const QCommandLineOption &host,
                          const QCommandLineOption &port, const QCommandLineOption &security,
                          ServerEndpoint &endpoint, QString *error)
{
    if (parser.isSet(host))
        endpoint.host = parser.value(host);
    if (parser.isSet(port)) {
        bool ok = false;
        const uint value = parser.value(port).toUInt(&ok);
        if (!ok || value == 0 || value > 65535) {
            *error = CliApplication::tr("Invalid port: %1").arg(parser.value(port));
            return false;
        }
        endpoint.port = static_cast<quint16>(value);
    }
    if (parser.isSet(security)) {
        const auto mode = ServerEndpoint::parseSecurity(parser.value(security));
        if (!mode) {
            *error = CliApplication::tr("Invalid security mode %1: use ssl or starttls.")
                         .arg(parser.value(security));
            return false;
        }
        endpoint.security = *mode;
    }
    return true;
}

QString readPasswordLine()
{
    QFile input;
    if (!input.open(stdin, QIODevice::ReadOnly))
        return {};
    QByteArray line = input.readLine();
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    return QString::fromUtf8(line);
}

} // namespace

int CliApplication::usageError(const QString &message)
{
    err() << message << '\n' << QString::fromLatin1(kUsage);
    err().flush();
    return Usage;
}

int CliApplication::reportError(const ServiceError &error)
{
    err() << CliApplication::tr("Error: %1").arg(error.message) << '\n';
    if (error.tlsFailure)
        err() << error.tlsFailure->describe() << '\n';
    if (!error.technical.isEmpty())
        err() << CliApplication::tr("Details: %1").arg(error.technical) << '\n';
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

int CliApplication::run(const QStringList &arguments)
{
    m_parser.setApplicationDescription(u"AmiensMail command-line client.\n"_s + QString::fromLatin1(kUsage) +
                                       SettingsCommands::usage());
    m_parser.addHelpOption();
    m_parser.addVersionOption();
    m_parser.addOptions({kProfile, kAccount, kJson, kPasswordStdin, kAddress, kName, kPreset, kLogin,
                         kImapHost, kImapPort, kImapSecurity, kSmtpHost, kSmtpPort, kSmtpSecurity, kCaFile,
                         kBodies, kLimit});
    m_parser.addOptions(SettingsCommands::options());
    m_parser.addPositionalArgument(u"command"_s, u"The command to run."_s);
    m_parser.process(protectFlagArguments(arguments));

    m_profile.emplace(m_parser.isSet(kProfile) ? m_parser.value(kProfile) : Profile::defaultDirectory());
    m_command = m_parser.positionalArguments();
    const QString command = m_command.value(0);
    if (command == "presets"_L1)
        return presets();
    if (command == "folders"_L1)
        return folders();
    if (command == "sync"_L1)
        return sync();
    if (command == "list"_L1)
        return list();
    if (command == "show"_L1)
        return show();
    if (command == "search"_L1)
        return search();
    if (command == "flag"_L1)
        return flag();
    if (command == "move"_L1)
        return move();
    if (command == "delete"_L1)
        return remove();
    if (command == "report"_L1)
        return reportPhishing();
    if (command == "send"_L1)
        return send();
    if (command == "outbox"_L1)
        return outbox();
    if (SettingsCommands::handles(command)) {
        SettingsCommands::Context context;
        context.parser = &m_parser;
        context.command = m_command;
        context.profile = *m_profile;
        context.selectedAccount = [this] {
            return selectedAccount();
        };
        context.password = [this](const Account &account) {
            return passwordFor(account);
        };
        context.reportError = [this](const ServiceError &error) {
            return reportError(error);
        };
        context.usageError = [this](const QString &message) {
            return usageError(message);
        };
        return SettingsCommands(std::move(context)).run();
    }
    if (command == "account"_L1 && m_command.value(1) == "add"_L1)
        return accountAdd();
    if (command == "account"_L1 && m_command.value(1) == "list"_L1)
        return accountList();
    return usageError(command.isEmpty()
                          ? CliApplication::tr("No command given.")
                          : CliApplication::tr("Unknown command: %1").arg(m_command.join(u' ')));
}

int CliApplication::presets()
{
    const ProviderRegistry registry;
    const QList<ProviderPreset> presets = registry.presets();
    if (m_parser.isSet(kJson)) {
        QJsonArray array;
        for (const ProviderPreset &preset : presets) {
            array.append(
                QJsonObject{{u"id"_s, preset.id},
                            {u"name"_s, preset.displayName},
                            {u"domains"_s, QJsonArray::fromStringList(preset.domains)},
                            {u"imap"_s, u"%1:%2"_s.arg(preset.incoming.host).arg(preset.incoming.port)},
                            {u"smtp"_s, u"%1:%2"_s.arg(preset.outgoing.host).arg(preset.outgoing.port)},
                            {u"source"_s, preset.sourcePath}});
        }
        out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
    } else {
        for (const ProviderPreset &preset : presets)
            out() << preset.id << '\t' << preset.displayName << '\t' << preset.sourcePath << '\n';
    }
    for (const QString &problem : registry.problems())
        err() << CliApplication::tr("Warning: %1").arg(problem) << '\n';
    return Success;
}

int CliApplication::accountAdd()
{
    const QString address = m_parser.value(kAddress).trimmed();
    if (address.isEmpty() || !address.contains(u'@'))
        return usageError(CliApplication::tr("account add needs --address with a full e-mail address."));

    Account account;
    const ProviderRegistry registry;
    const QString domain = address.section(u'@', -1).toLower();
    const bool custom = m_parser.isSet(kImapHost) || m_parser.isSet(kSmtpHost);
    std::optional<ProviderPreset> preset = m_parser.isSet(kPreset)
                                               ? registry.presetById(m_parser.value(kPreset))
                                               : registry.presetForDomain(domain);
    if (m_parser.isSet(kPreset) && !preset)
        return usageError(CliApplication::tr("Unknown preset: %1").arg(m_parser.value(kPreset)));
    if (preset) {
        account = preset->accountFor(address, m_parser.value(kName));
    } else if (custom) {
        account.id = address;
        account.address = address;
        account.realName = m_parser.value(kName).trimmed();
        account.imap = {QString(), 993, ConnectionSecurity::ImplicitTls, address};
        account.smtp = {QString(), 465, ConnectionSecurity::ImplicitTls, address};
    } else {
        return usageError(
            CliApplication::tr("No preset for %1: give --preset or the --imap-host and --smtp-host options.")
                .arg(domain));
    }

    QString error;
    if (!applyEndpointOptions(m_parser, kImapHost, kImapPort, kImapSecurity, account.imap, &error) ||
        !applyEndpointOptions(m_parser, kSmtpHost, kSmtpPort, kSmtpSecurity, account.smtp, &error))
        return usageError(error);
    if (m_parser.isSet(kLogin))
        account.imap.login = account.smtp.login = m_parser.value(kLogin);
    if (m_parser.isSet(kCaFile)) {
        account.caFile = QFileInfo(m_parser.value(kCaFile)).absoluteFilePath();
        if (!TlsTrust::loadAuthorities(account.caFile, &error))
            return usageError(error);
    }
    if (!account.isComplete())
        return usageError(
            CliApplication::tr("The account is incomplete: servers, ports and login are needed."));

    if (m_parser.isSet(kPasswordStdin)) {
        CredentialStore store;
        const CredentialStore::Result stored = store.writePasswordAndWait(account.id, readPasswordLine());
        if (!stored.ok()) {
            err() << CliApplication::tr("Error: the password could not be stored: %1").arg(stored.message)
                  << '\n';
            return Failure;
        }
    }
    if (!m_profile->saveAccount(account, &error)) {
        err() << CliApplication::tr("Error: %1").arg(error) << '\n';
        return Failure;
    }
    out() << CliApplication::tr("Account %1 added (IMAP %2:%3, SMTP %4:%5, login %6).")
                 .arg(account.id, account.imap.host)
                 .arg(account.imap.port)
                 .arg(account.smtp.host)
                 .arg(account.smtp.port)
                 .arg(account.imap.login)
          << '\n';
    return Success;
}

int CliApplication::accountList()
{
    const QList<Account> accounts = m_profile->accounts();
    if (m_parser.isSet(kJson)) {
        QJsonArray array;
        for (const Account &account : accounts) {
            array.append(QJsonObject{{u"id"_s, account.id},
                                     {u"address"_s, account.address},
                                     {u"name"_s, account.realName},
                                     {u"preset"_s, account.presetId},
                                     {u"imap"_s, u"%1:%2"_s.arg(account.imap.host).arg(account.imap.port)},
                                     {u"smtp"_s, u"%1:%2"_s.arg(account.smtp.host).arg(account.smtp.port)}});
        }
        out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return Success;
    }
    for (const Account &account : accounts)
        out() << account.id << '\t' << account.imap.host << ':' << account.imap.port << '\n';
    return Success;
}

std::optional<Account> CliApplication::selectedAccount()
{
    const QList<Account> accounts = m_profile->accounts();
    if (accounts.isEmpty()) {
        err() << CliApplication::tr("Error: the profile %1 has no account; add one with \"account add\".")
                     .arg(m_profile->directory())
              << '\n';
        return std::nullopt;
    }
    if (!m_parser.isSet(kAccount))
        return accounts.first();
    for (const Account &account : accounts) {
        if (account.id == m_parser.value(kAccount))
            return account;
    }
    err() << CliApplication::tr("Error: no account %1 in the profile.").arg(m_parser.value(kAccount)) << '\n';
    return std::nullopt;
}

std::optional<QString> CliApplication::passwordFor(const Account &account)
{
    if (m_parser.isSet(kPasswordStdin))
        return readPasswordLine();
    CredentialStore store;
    const CredentialStore::Result result = store.readPasswordAndWait(account.id);
    if (!result.ok()) {
        err() << CliApplication::tr("Error: %1 Use --password-stdin to give it.").arg(result.message) << '\n';
        return std::nullopt;
    }
    return result.secret;
}

int CliApplication::folders()
{
    const std::optional<Account> account = selectedAccount();
    if (!account)
        return Failure;
    const std::unique_ptr<AccountServices> services = servicesFor(*account);
    if (!services)
        return Failure;
    const std::optional<QString> password = passwordFor(*account);
    if (!password)
        return AuthenticationFailed;

    AccountSession &session = *services->session();
    session.setPassword(*password);
    QEventLoop loop;
    int exitCode = Success;
    QObject::connect(&session, &AccountSession::foldersChanged, &loop, [&](const QList<FolderInfo> &folders) {
        if (m_parser.isSet(kJson)) {
            QJsonArray array;
            for (const FolderInfo &folder : folders) {
                array.append(QJsonObject{{u"path"_s, folder.path()},
                                         {u"name"_s, folder.name()},
                                         {u"role"_s, FolderInfo::roleName(folder.role)},
                                         {u"selectable"_s, folder.selectable}});
            }
            out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
        } else {
            for (const FolderInfo &folder : folders) {
                out() << folder.path();
                if (folder.role != FolderInfo::Role::None)
                    out() << '\t' << FolderInfo::roleName(folder.role);
                out() << '\n';
            }
        }
        loop.quit();
    });
    QObject::connect(&session, &AccountSession::errorOccurred, &loop, [&](const ServiceError &failure) {
        exitCode = reportError(failure);
        loop.quit();
    });
    session.refreshFolders();
    loop.exec();
    out().flush();
    return exitCode;
}

bool CliApplication::openCache(const Account &account, MailCache &cache)
{
    QString error;
    if (!cache.open(AccountPaths(m_profile->directory(), account.id).cacheFile(), account.id,
                    MailCache::Mode::ReadOnly, &error)) {
        err() << tr("Error: %1").arg(error) << '\n';
        return false;
    }
    QDateTime lastSync;
    for (const CachedFolder &folder : cache.folders()) {
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

std::unique_ptr<AccountServices> CliApplication::servicesFor(const Account &account) const
{
    // The same trust as the window's: the account's CA file and pins plus the site's CA bundle.
    QString error;
    std::unique_ptr<AccountServices> services =
        AccountServices::create(*m_profile, SitePolicy::load(), account, &error);
    if (!services)
        err() << tr("Error: %1").arg(error) << '\n';
    return services;
}

int CliApplication::withSession(
    const Account &account, bool needsPassword,
    const std::function<void(AccountServices &, const std::function<void(int)> &)> &start)
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

int CliApplication::sync()
{
    const std::optional<Account> account = selectedAccount();
    if (!account)
        return Failure;
    SyncOptions options;
    const QString bodies = m_parser.value(kBodies);
    if (bodies == "all"_L1)
        options.bodies = SyncOptions::Bodies::All;
    else if (bodies == "none"_L1)
        options.bodies = SyncOptions::Bodies::None;
    else if (bodies != "recent"_L1)
        return usageError(tr("--bodies takes all, recent or none."));
    // Read once: the automatic replies, if any, go out with the same password.
    const std::optional<QString> password = passwordFor(*account);
    if (!password)
        return AuthenticationFailed;

    return withSession(
        *account, false, [&](AccountServices &services, const std::function<void(int)> &finish) {
            services.setPassword(*password);
            AccountSession &session = *services.session();
            QObject::connect(&session, &AccountSession::syncProgress,
                             [](const QString &folder, int done, int total) {
                                 err() << tr("%1: %2/%3").arg(folder).arg(done).arg(total) << '\n';
                                 err().flush();
                             });
            QObject::connect(
                &session, &AccountSession::syncFinished,
                [this, services = &services, finish](const SyncReport &report, const QStringList &conflicts) {
                    for (const QString &conflict : conflicts)
                        err() << tr("Conflict: %1").arg(conflict) << '\n';
                    out() << tr("%1 folders: %2 new, %3 flag changes, %4 removed, %5 bodies downloaded.")
                                 .arg(report.folders.size())
                                 .arg(report.total(&FolderSyncResult::added))
                                 .arg(report.total(&FolderSyncResult::flagsChanged))
                                 .arg(report.total(&FolderSyncResult::removed))
                                 .arg(report.total(&FolderSyncResult::bodies))
                          << '\n';
                    if (!respondToAbsence(*services, finish))
                        finish(Success);
                });
            QObject::connect(&session, &AccountSession::errorOccurred,
                             [this, finish](const ServiceError &error) { finish(reportError(error)); });
            session.synchronize(options);
        });
}

bool CliApplication::respondToAbsence(AccountServices &services, const std::function<void(int)> &finish)
{
    // The client-side out-of-office responder, as the window runs it after each sync; the replies
    // go out with whatever else waits in the outbox.
    const AutoResponder::Result result = services.respondToAbsence();
    if (!result.error.isEmpty())
        err() << tr("Warning: %1").arg(result.error) << '\n';
    if (result.queued == 0)
        return false;
    out() << tr("%n automatic reply(ies) queued.", nullptr, result.queued) << '\n';
    OutboxSender *sender = services.outboxSender();
    QObject::connect(sender, &OutboxSender::finished, sender,
                     [this, finish](int, int, const std::optional<ServiceError> &blocked) {
                         finish(blocked ? reportError(*blocked) : Success);
                     });
    return true;
}

int CliApplication::list()
{
    if (m_command.size() != 2)
        return usageError(tr("list needs a folder, e.g. list INBOX."));
    const std::optional<Account> account = selectedAccount();
    MailCache cache;
    if (!account || !openCache(*account, cache))
        return Failure;
    const auto folder = cache.folder(m_command.at(1));
    if (!folder) {
        err() << tr("Error: no folder %1 in the local copy.").arg(m_command.at(1)) << '\n';
        return Failure;
    }
    const QList<CachedMessage> messages = cache.messages(folder->id, m_parser.value(kLimit).toInt());
    if (m_parser.isSet(kJson)) {
        QJsonArray array;
        for (const CachedMessage &message : messages)
            array.append(summaryJson(message));
        out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
    } else {
        for (const CachedMessage &message : messages)
            out() << summaryLine(message) << '\n';
    }
    return Success;
}

int CliApplication::show()
{
    const std::optional<quint32> uid = parseUid(m_command.value(2));
    if (m_command.size() != 3 || !uid)
        return usageError(tr("show needs a folder and a UID, e.g. show INBOX 42."));
    const std::optional<Account> account = selectedAccount();
    if (!account)
        return Failure;
    const QString folderPath = m_command.at(1);
    std::optional<QByteArray> raw;
    std::optional<CachedMessage> summary;
    bool ownFolder = false;
    QStringList trustedDomains;
    QStringList colleagues;
    {
        MailCache cache;
        if (!openCache(*account, cache))
            return Failure;
        const auto folder = cache.folder(folderPath);
        summary = folder ? cache.message(folder->id, *uid) : std::nullopt;
        ownFolder = folder && (folder->info.role == FolderInfo::Role::Sent ||
                               folder->info.role == FolderInfo::Role::Drafts);
        trustedDomains = PhishingSettings::trustedDomains(SitePolicy::load(), *m_profile);
        colleagues = PhishingSettings::colleagueNames(cache.knownAddresses(), trustedDomains);
        if (!summary) {
            err() << tr("Error: no message %1 in %2 in the local copy.").arg(*uid).arg(folderPath) << '\n';
            return Failure;
        }
        raw = cache.body(folder->id, *uid);
    }
    if (!raw) {
        // Not downloaded for offline reading yet: fetch it now if the server can be reached.
        err() << tr("The message was not downloaded yet; fetching it from the server.") << '\n';
        const int fetched = withSession(
            *account, true, [&](AccountServices &services, const std::function<void(int)> &finish) {
                auto job = std::make_shared<FetchBodyJob>(folderPath, *uid);
                services.session()->submit(job, [this, finish](const std::optional<ServiceError> &error) {
                    finish(error ? reportError(*error) : Success);
                });
            });
        if (fetched != Success)
            return fetched;
        MailCache cache;
        if (!openCache(*account, cache))
            return Failure;
        raw = cache.body(cache.folder(folderPath)->id, *uid);
        if (!raw) {
            err() << tr("Error: the server no longer has this message.") << '\n';
            return Failure;
        }
    }
    const MessageContent content = MessageContent::parse(*raw);
    const PhishingAnalyzer::Input checked = SafeMessage::analyzerInput(*raw, content, ownFolder);
    const QList<MessageWarning> warnings = PhishingAnalyzer(trustedDomains, colleagues).analyse(checked);
    if (m_parser.isSet(kJson)) {
        QJsonArray warningArray;
        for (const MessageWarning &warning : warnings)
            warningArray.append(QJsonObject{{u"code"_s, warning.code}, {u"text"_s, warning.text}});
        QJsonArray attachments;
        for (qsizetype index = 0; index < content.attachments.size(); ++index) {
            const AttachmentInfo &attachment = content.attachments.at(index);
            const bool dangerous =
                index < checked.attachments.size() && checked.attachments.at(index).refusesOpening();
            attachments.append(QJsonObject{{u"name"_s, AttachmentName::visible(attachment.name)},
                                           {u"mimeType"_s, attachment.mimeType},
                                           {u"size"_s, attachment.size},
                                           {u"inline"_s, attachment.inlinePart},
                                           {u"opens"_s, !dangerous}});
        }
        const QJsonObject object{{u"uid"_s, static_cast<qint64>(*uid)},
                                 {u"subject"_s, content.headers.subject},
                                 {u"from"_s, addressJson(content.headers.from)},
                                 {u"to"_s, addressesJson(content.headers.to)},
                                 {u"cc"_s, addressesJson(content.headers.cc)},
                                 {u"date"_s, summary->headers.date.toString(Qt::ISODate)},
                                 {u"messageId"_s, content.headers.messageId},
                                 {u"flags"_s, QJsonArray::fromStringList(summary->flags)},
                                 {u"text"_s, content.text},
                                 {u"html"_s, !content.html.isEmpty()},
                                 {u"attachments"_s, attachments},
                                 {u"calendar"_s, content.calendarSummary},
                                 {u"reportType"_s, content.reportType},
                                 {u"signed"_s, content.isSigned},
                                 {u"incomplete"_s, content.incomplete},
                                 {u"notices"_s, QJsonArray::fromStringList(content.notices)},
                                 {u"warnings"_s, warningArray}};
        out() << QJsonDocument(object).toJson(QJsonDocument::Indented);
        return Success;
    }
    for (const QString &notice : content.notices)
        out() << tr("Note: %1").arg(notice) << '\n';
    for (const MessageWarning &warning : warnings)
        out() << tr("Warning: %1").arg(TerminalText::visible(warning.text)) << '\n';
    // Everything below comes from the sender: shown, never interpreted by the terminal.
    out() << tr("From: %1").arg(TerminalText::visible(content.headers.from.toDisplayString())) << '\n';
    QStringList to;
    for (const MailAddress &address : content.headers.to)
        to.append(address.toDisplayString());
    out() << tr("To: %1").arg(TerminalText::visible(to.join(u", "_s))) << '\n';
    out() << tr("Date: %1").arg(QLocale().toString(summary->headers.date.toLocalTime(), QLocale::LongFormat))
          << '\n';
    out() << tr("Subject: %1").arg(TerminalText::visible(content.headers.subject)) << "\n\n"
          << TerminalText::visible(content.text, true) << '\n';
    for (const AttachmentInfo &attachment : content.attachments)
        out() << tr("Attachment: %1 (%2, %3)")
                     .arg(TerminalText::visible(AttachmentName::visible(attachment.name)),
                          TerminalText::visible(attachment.mimeType),
                          QLocale().formattedDataSize(attachment.size))
              << '\n';
    return Success;
}

int CliApplication::search()
{
    if (m_command.size() < 2)
        return usageError(tr("search needs words to look for."));
    const std::optional<Account> account = selectedAccount();
    MailCache cache;
    if (!account || !openCache(*account, cache))
        return Failure;
    const QList<SearchHit> hits = cache.search(m_command.mid(1).join(u' '), m_parser.value(kLimit).toInt());
    if (m_parser.isSet(kJson)) {
        QJsonArray array;
        for (const SearchHit &hit : hits) {
            QJsonObject object = summaryJson(hit.message);
            object.insert(u"folder"_s, hit.folderPath);
            array.append(object);
        }
        out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
    } else {
        for (const SearchHit &hit : hits)
            out() << hit.folderPath << '\t' << summaryLine(hit.message) << '\n';
    }
    return Success;
}

int CliApplication::localChange(
    const QString &what,
    const std::function<void(AccountSession &, std::function<void(const QString &)>)> &change)
{
    const std::optional<Account> account = selectedAccount();
    if (!account)
        return Failure;
    // The change is kept locally first; sending it is a best effort that may wait for the
    // next sync, and a missing password or network never loses it.
    std::optional<QString> password;
    if (m_parser.isSet(kPasswordStdin)) {
        password = readPasswordLine();
    } else {
        CredentialStore store;
        const auto result = store.readPasswordAndWait(account->id);
        if (result.ok())
            password = result.secret;
    }
    return withSession(
        *account, false, [&](AccountServices &services, const std::function<void(int)> &finish) {
            AccountSession &session = *services.session();
            change(session, [&, finish](const QString &error) {
                if (!error.isEmpty()) {
                    err() << tr("Error: %1").arg(error) << '\n';
                    finish(Failure);
                    return;
                }
                if (!password) {
                    out() << tr("%1: saved; it will be sent to the server at the next synchronisation.")
                                 .arg(what)
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
                        out()
                            << tr("%1: saved; the server cannot be reached (%2), it will be sent at the next "
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

int CliApplication::flag()
{
    const std::optional<quint32> uid = parseUid(m_command.value(2));
    const QString change = m_command.value(3);
    static const QHash<QString, QString> flags{{u"seen"_s, u"\\Seen"_s}, {u"flagged"_s, u"\\Flagged"_s}};
    const QString name = change.mid(1);
    if (m_command.size() != 4 || !uid || !flags.contains(name) ||
        (!change.startsWith(u'+') && !change.startsWith(u'~')))
        return usageError(tr("flag needs a folder, a UID and +seen, -seen, +flagged or -flagged."));
    const bool add = change.startsWith(u'+');
    const QString folder = m_command.at(1);
    return localChange(tr("Flag change"),
                       [&](AccountSession &session, std::function<void(const QString &)> done) {
                           const QStringList list{flags.value(name)};
                           session.changeFlags(folder, {*uid}, add ? list : QStringList(),
                                               add ? QStringList() : list, std::move(done));
                       });
}

int CliApplication::move()
{
    const std::optional<quint32> uid = parseUid(m_command.value(2));
    if (m_command.size() != 4 || !uid)
        return usageError(tr("move needs a folder, a UID and a destination folder."));
    const QString folder = m_command.at(1);
    const QString destination = m_command.at(3);
    return localChange(tr("Move"), [&](AccountSession &session, std::function<void(const QString &)> done) {
        session.moveMessages(folder, {*uid}, destination, std::move(done));
    });
}

int CliApplication::remove()
{
    const std::optional<quint32> uid = parseUid(m_command.value(2));
    if (m_command.size() != 3 || !uid)
        return usageError(tr("delete needs a folder and a UID."));
    const QString folder = m_command.at(1);
    return localChange(tr("Deletion"),
                       [&](AccountSession &session, std::function<void(const QString &)> done) {
                           session.deleteMessages(folder, {*uid}, std::move(done));
                       });
}

int CliApplication::reportPhishing()
{
    const std::optional<quint32> uid = parseUid(m_command.value(2));
    if (m_command.size() != 3 || !uid)
        return usageError(tr("report needs a folder and a UID."));
    const std::optional<Account> account = selectedAccount();
    if (!account)
        return Failure;
    const QString folderPath = m_command.at(1);
    QString junk;
    std::optional<QByteArray> raw;
    {
        MailCache cache;
        if (!openCache(*account, cache))
            return Failure;
        const auto folder = cache.folder(folderPath);
        if (!folder || !cache.message(folder->id, *uid)) {
            err() << tr("Error: no message %1 in %2 in the local copy.").arg(*uid).arg(folderPath) << '\n';
            return Failure;
        }
        junk = PhishingReport::junkFolder(cache.folders());
        raw = cache.body(folder->id, *uid);
    }
    if (junk.isEmpty()) {
        err() << tr("Error: this account has no Junk folder; the message stays where it is.") << '\n';
        return Failure;
    }
    // The report is in the outbox, on disk, before the message moves: nothing is lost offline.
    const std::unique_ptr<AccountServices> services = servicesFor(*account);
    if (!services)
        return Failure;
    QString error;
    const std::optional<QString> queued = services->queuePhishingReport(raw.value_or(QByteArray()), &error);
    if (!queued) {
        err() << tr("Error: %1").arg(error) << '\n';
        return Failure;
    }
    const bool reportQueued = !queued->isEmpty();
    if (reportQueued)
        err() << tr("Report to %1 queued in the outbox: %2")
                     .arg(services->sitePolicy().phishingReportAddress, *queued)
              << '\n';
    const int moved = localChange(tr("Report as phishing"),
                                  [&](AccountSession &session, std::function<void(const QString &)> done) {
                                      session.moveMessages(folderPath, {*uid}, junk, std::move(done));
                                  });
    if (moved != Success || !reportQueued)
        return moved;
    // Then the outbox goes out, the report with whatever else waits (send without a file).
    m_command = QStringList{u"send"_s};
    return send();
}

namespace {

QString outboxStateText(OutboxEntry::State state)
{
    switch (state) {
    case OutboxEntry::State::Queued:
        return CliApplication::tr("waiting");
    case OutboxEntry::State::Sending:
        return CliApplication::tr("sending");
    case OutboxEntry::State::SentAwaitingCopy:
        return CliApplication::tr("sent");
    case OutboxEntry::State::Failed:
        return CliApplication::tr("failed");
    }
    return {};
}

void printOutboxEntry(const OutboxEntry &entry)
{
    out() << entry.id << '\t' << outboxStateText(entry.state) << '\t' << entry.recipients.join(u", "_s)
          << '\t' << entry.subject << '\n';
    if (!entry.error.isEmpty())
        out() << "\t" << entry.error << " (" << entry.errorTechnical << ")\n";
}

} // namespace

int CliApplication::send()
{
    if (m_command.size() > 2)
        return usageError(tr("Usage: send [FILE.eml]"));
    const std::optional<Account> account = selectedAccount();
    if (!account)
        return Failure;
    QString error;
    const QString directory = AccountPaths(m_profile->directory(), account->id).outboxDirectory();
    // Without a file: send what waits in the outbox (after a failure or an interrupted run).
    std::optional<OutboxEntry> queued;
    if (m_command.size() == 2) {
        QFile file(m_command.at(1));
        if (!file.open(QIODevice::ReadOnly)) {
            err() << tr("Error: cannot read %1.").arg(file.fileName()) << '\n';
            return Failure;
        }
        const auto built = MessageBuilder::prepareRaw(file.readAll(), account->address, &error);
        if (!built) {
            err() << tr("Error: %1").arg(error) << '\n';
            return Failure;
        }
        // In the outbox, on disk, before the network is touched.
        queued = Outbox(directory).enqueue(*built, &error);
        if (!queued) {
            err() << tr("Error: %1").arg(error) << '\n';
            return Failure;
        }
        err() << tr("Queued in the outbox: %1").arg(queued->id) << '\n';
        err().flush();
    }

    const std::unique_ptr<AccountServices> services = servicesFor(*account);
    if (!services)
        return Failure;
    const std::optional<QString> password = passwordFor(*account);
    if (!password)
        return AuthenticationFailed;
    services->setPassword(*password);
    OutboxSender &sender = *services->outboxSender();
    QEventLoop loop;
    std::optional<ServiceError> blocked;
    QObject::connect(&sender, &OutboxSender::finished, &loop,
                     [&](int, int, const std::optional<ServiceError> &failure) {
                         blocked = failure;
                         loop.quit();
                     });
    sender.processNow(true);
    loop.exec();

    if (!queued) {
        const QList<OutboxEntry> left = sender.outbox().entries();
        for (const OutboxEntry &entry : left)
            printOutboxEntry(entry);
        out() << tr("%n message(s) sent.", nullptr, sender.sentCount()) << '\n';
        out().flush();
        return blocked ? reportError(*blocked) : left.isEmpty() ? Success : NetworkFailed;
    }
    const auto state = sender.outbox().entry(queued->id);
    if (!state) {
        out() << queued->id << '\t' << tr("sent") << '\n';
        out().flush();
        return Success;
    }
    printOutboxEntry(*state);
    out().flush();
    if (blocked)
        return reportError(*blocked);
    switch (state->state) {
    case OutboxEntry::State::SentAwaitingCopy:
        return Success; // gone out; the copy in Sent is made by the next run
    case OutboxEntry::State::Failed:
        return Failure;
    default:
        return NetworkFailed;
    }
}

int CliApplication::outbox()
{
    const std::optional<Account> account = selectedAccount();
    if (!account)
        return Failure;
    const QList<OutboxEntry> entries =
        Outbox(AccountPaths(m_profile->directory(), account->id).outboxDirectory()).entries();
    if (m_parser.isSet(kJson)) {
        QJsonArray array;
        for (const OutboxEntry &entry : entries) {
            array.append(QJsonObject{{u"id"_s, entry.id},
                                     {u"state"_s, OutboxEntry::stateName(entry.state)},
                                     {u"messageId"_s, entry.messageId},
                                     {u"subject"_s, entry.subject},
                                     {u"recipients"_s, QJsonArray::fromStringList(entry.recipients)},
                                     {u"attempts"_s, entry.attempts},
                                     {u"nextAttempt"_s, entry.nextAttempt.toString(Qt::ISODate)},
                                     {u"error"_s, entry.error},
                                     {u"errorTechnical"_s, entry.errorTechnical}});
        }
        out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
    } else {
        for (const OutboxEntry &entry : entries)
            printOutboxEntry(entry);
    }
    out().flush();
    return Success;
}

} // namespace Amiens
