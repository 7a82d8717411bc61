#include "CliApplication.h"

#include "account/ProviderRegistry.h"
#include "imap/AccountSession.h"
#include "net/TlsTrust.h"
#include "security/CredentialStore.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
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
const QCommandLineOption kPasswordStdin(u"password-stdin"_s, u"Read the password from the first line of stdin."_s);
const QCommandLineOption kAddress(u"address"_s, u"E-mail address."_s, u"ADDRESS"_s);
const QCommandLineOption kName(u"name"_s, u"Real name."_s, u"NAME"_s);
const QCommandLineOption kPreset(u"preset"_s, u"Provider preset id (default: from the address's domain)."_s, u"ID"_s);
const QCommandLineOption kLogin(u"login"_s, u"Login for both servers."_s, u"LOGIN"_s);
const QCommandLineOption kImapHost(u"imap-host"_s, u"IMAP server."_s, u"HOST"_s);
const QCommandLineOption kImapPort(u"imap-port"_s, u"IMAP port."_s, u"PORT"_s);
const QCommandLineOption kImapSecurity(u"imap-security"_s, u"ssl or starttls."_s, u"MODE"_s);
const QCommandLineOption kSmtpHost(u"smtp-host"_s, u"SMTP server."_s, u"HOST"_s);
const QCommandLineOption kSmtpPort(u"smtp-port"_s, u"SMTP port."_s, u"PORT"_s);
const QCommandLineOption kSmtpSecurity(u"smtp-security"_s, u"ssl or starttls."_s, u"MODE"_s);
const QCommandLineOption kCaFile(u"ca-file"_s, u"Extra certificate authorities (PEM) to trust."_s, u"FILE"_s);

const char *kUsage = R"(Commands:
  presets                     list the provider presets
  account add --address A     add an account (from a preset or --imap-*/--smtp-* options)
  account list                list the profile's accounts
  folders                     list the account's folders on the server
)";

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
            *error = CliApplication::tr("Invalid security mode %1: use ssl or starttls.").arg(parser.value(security));
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
    m_parser.setApplicationDescription(u"AmiensMail command-line client.\n"_s + QString::fromLatin1(kUsage));
    m_parser.addHelpOption();
    m_parser.addVersionOption();
    m_parser.addOptions({kProfile, kAccount, kJson, kPasswordStdin, kAddress, kName, kPreset, kLogin, kImapHost,
                         kImapPort, kImapSecurity, kSmtpHost, kSmtpPort, kSmtpSecurity, kCaFile});
    m_parser.addPositionalArgument(u"command"_s, u"The command to run."_s);
    m_parser.process(arguments);

    m_profile.emplace(m_parser.isSet(kProfile) ? m_parser.value(kProfile) : Profile::defaultDirectory());
    m_command = m_parser.positionalArguments();
    const QString command = m_command.value(0);
    if (command == "presets"_L1)
        return presets();
    if (command == "folders"_L1)
        return folders();
    if (command == "account"_L1 && m_command.value(1) == "add"_L1)
        return accountAdd();
    if (command == "account"_L1 && m_command.value(1) == "list"_L1)
        return accountList();
    return usageError(command.isEmpty() ? CliApplication::tr("No command given.") : CliApplication::tr("Unknown command: %1").arg(m_command.join(u' ')));
}

int CliApplication::presets()
{
    const ProviderRegistry registry;
    const QList<ProviderPreset> presets = registry.presets();
    if (m_parser.isSet(kJson)) {
        QJsonArray array;
        for (const ProviderPreset &preset : presets) {
            array.append(QJsonObject{{u"id"_s, preset.id},
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
    std::optional<ProviderPreset> preset =
        m_parser.isSet(kPreset) ? registry.presetById(m_parser.value(kPreset)) : registry.presetForDomain(domain);
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
        return usageError(CliApplication::tr("No preset for %1: give --preset or the --imap-host and --smtp-host options.").arg(domain));
    }

    QString error;
    if (!applyEndpointOptions(m_parser, kImapHost, kImapPort, kImapSecurity, account.imap, &error)
        || !applyEndpointOptions(m_parser, kSmtpHost, kSmtpPort, kSmtpSecurity, account.smtp, &error))
        return usageError(error);
    if (m_parser.isSet(kLogin))
        account.imap.login = account.smtp.login = m_parser.value(kLogin);
    if (m_parser.isSet(kCaFile)) {
        account.caFile = QFileInfo(m_parser.value(kCaFile)).absoluteFilePath();
        if (!TlsTrust::loadAuthorities(account.caFile, &error))
            return usageError(error);
    }
    if (!account.isComplete())
        return usageError(CliApplication::tr("The account is incomplete: servers, ports and login are needed."));

    if (m_parser.isSet(kPasswordStdin)) {
        CredentialStore store;
        const CredentialStore::Result stored = store.writePasswordAndWait(account.id, readPasswordLine());
        if (!stored.ok()) {
            err() << CliApplication::tr("Error: the password could not be stored: %1").arg(stored.message) << '\n';
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
        err() << CliApplication::tr("Error: the profile %1 has no account; add one with \"account add\".").arg(m_profile->directory())
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
    QString error;
    const auto trust = TlsTrust::forAccount(*account, &error);
    if (!trust) {
        err() << CliApplication::tr("Error: %1").arg(error) << '\n';
        return Failure;
    }
    const std::optional<QString> password = passwordFor(*account);
    if (!password)
        return AuthenticationFailed;

    AccountSession session(*account, *trust);
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

} // namespace Amiens
