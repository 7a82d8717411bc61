#include "AccountCommand.h"

#include "CliOptions.h"
#include "CommandContext.h"
#include "account/AccountPaths.h"
#include "account/ProviderRegistry.h"
#include "net/TlsTrust.h"
#include "outbox/Outbox.h"
#include "security/CredentialStore.h"
#include "services/AccountStorage.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

const QCommandLineOption kAddress(u"address"_s, u"E-mail address."_s, u"ADDRESS"_s);
const QCommandLineOption kPreset(u"preset"_s, u"Provider preset id (default: from the address's domain)."_s,
                                 u"ID"_s);
const QCommandLineOption kLogin(u"login"_s, u"Login for both servers."_s, u"LOGIN"_s);
const QCommandLineOption kImapHost(u"imap-host"_s, u"IMAP server."_s, u"HOST"_s);
const QCommandLineOption kImapPort(u"imap-port"_s, u"IMAP port."_s, u"PORT"_s);
const QCommandLineOption kImapSecurity(u"imap-security"_s, u"ssl or starttls."_s, u"MODE"_s);
const QCommandLineOption kSmtpHost(u"smtp-host"_s, u"SMTP server."_s, u"HOST"_s);
const QCommandLineOption kSmtpPort(u"smtp-port"_s, u"SMTP port."_s, u"PORT"_s);
const QCommandLineOption kSmtpSecurity(u"smtp-security"_s, u"ssl or starttls."_s, u"MODE"_s);
const QCommandLineOption kCaFile(u"ca-file"_s, u"Extra certificate authorities (PEM) to trust."_s, u"FILE"_s);
const QCommandLineOption
    kFunctional(u"functional"_s,
                u"A functional mailbox (a school's or service's, shared by several people)."_s);
const QCommandLineOption kAlias(u"alias"_s, u"Another address of the mailbox (repeatable)."_s, u"ADDRESS"_s);
const QCommandLineOption kLabel(u"label"_s, u"The account's name in the folder tree."_s, u"NAME"_s);
const QCommandLineOption
    kDiscardOutbox(u"discard-outbox"_s,
                   u"account remove: also delete the messages still waiting to be sent."_s);

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
            *error = AccountCommand::tr("Invalid port: %1").arg(parser.value(port));
            return false;
        }
        endpoint.port = static_cast<quint16>(value);
    }
    if (parser.isSet(security)) {
        const auto mode = ServerEndpoint::parseSecurity(parser.value(security));
        if (!mode) {
            *error = AccountCommand::tr("Invalid security mode %1: use ssl or starttls.")
                         .arg(parser.value(security));
            return false;
        }
        endpoint.security = *mode;
    }
    return true;
}

} // namespace

QString AccountCommand::name() const
{
    return u"account"_s;
}

QString AccountCommand::usage() const
{
    return u"  account add --address A     add an account (from a preset or --imap-*/--smtp-* options,\n"
           "                              --functional, --alias A, --label NAME)\n"
           "  account list                list the profile's accounts, in their order\n"
           "  account remove ID [--discard-outbox]   remove an account and everything kept for it\n"
           "  account rename ID NAME      name the account in the folder tree\n"
           "  account move ID POSITION    move the account to POSITION (1 = first)\n"_s;
}

QList<QCommandLineOption> AccountCommand::options() const
{
    return {kAddress,  CliOptions::name, kPreset, kLogin,      kImapHost, kImapPort, kImapSecurity, kSmtpHost,
            kSmtpPort, kSmtpSecurity,    kCaFile, kFunctional, kAlias,    kLabel,    kDiscardOutbox};
}

int AccountCommand::run(CommandContext &context)
{
    const QString sub = context.arguments().value(1);
    if (sub == "add"_L1)
        return add(context);
    if (sub == "list"_L1)
        return list(context);
    if (sub == "remove"_L1)
        return remove(context);
    if (sub == "rename"_L1)
        return rename(context);
    if (sub == "move"_L1)
        return move(context);
    return context.usageError(tr("Unknown command: %1").arg(context.arguments().join(u' ')));
}

int AccountCommand::add(CommandContext &context)
{
    const QCommandLineParser &parser = context.parser();
    const QString address = parser.value(kAddress).trimmed();
    if (address.isEmpty() || !address.contains(u'@'))
        return context.usageError(tr("account add needs --address with a full e-mail address."));

    Account account;
    const ProviderRegistry registry;
    const QString domain = address.section(u'@', -1).toLower();
    const bool custom = parser.isSet(kImapHost) || parser.isSet(kSmtpHost);
    std::optional<ProviderPreset> preset =
        parser.isSet(kPreset) ? registry.presetById(parser.value(kPreset)) : registry.presetForDomain(domain);
    if (parser.isSet(kPreset) && !preset)
        return context.usageError(tr("Unknown preset: %1").arg(parser.value(kPreset)));
    if (preset) {
        account = preset->accountFor(address, parser.value(CliOptions::name));
    } else if (custom) {
        account.id = address;
        account.address = address;
        account.realName = parser.value(CliOptions::name).trimmed();
        account.imap = {QString(), 993, ConnectionSecurity::ImplicitTls, address};
        account.smtp = {QString(), 465, ConnectionSecurity::ImplicitTls, address};
    } else {
        return context.usageError(
            tr("No preset for %1: give --preset or the --imap-host and --smtp-host options.").arg(domain));
    }

    QString error;
    if (!applyEndpointOptions(parser, kImapHost, kImapPort, kImapSecurity, account.imap, &error) ||
        !applyEndpointOptions(parser, kSmtpHost, kSmtpPort, kSmtpSecurity, account.smtp, &error))
        return context.usageError(error);
    if (parser.isSet(kLogin))
        account.imap.login = account.smtp.login = parser.value(kLogin);
    if (parser.isSet(kCaFile)) {
        account.caFile = QFileInfo(parser.value(kCaFile)).absoluteFilePath();
        if (!TlsTrust::loadAuthorities(account.caFile, &error))
            return context.usageError(error);
    }
    if (!account.isComplete())
        return context.usageError(tr("The account is incomplete: servers, ports and login are needed."));
    if (context.profile().account(account.id))
        return context.usageError(tr("The profile already has the account %1.").arg(account.id));
    if (parser.isSet(kFunctional))
        account.kind = MailboxKind::Functional;
    account.aliases = parser.values(kAlias);
    account.label = parser.value(kLabel).trimmed();

    QTextStream &err = CommandContext::err();
    if (parser.isSet(CliOptions::passwordStdin)) {
        CredentialStore store;
        const CredentialStore::Result stored =
            store.writePasswordAndWait(account.id, CommandContext::readPasswordLine());
        if (!stored.ok()) {
            err << tr("Error: the password could not be stored: %1").arg(stored.message) << '\n';
            return CommandContext::Failure;
        }
    }
    if (!context.profile().saveAccount(account, &error)) {
        err << tr("Error: %1").arg(error) << '\n';
        return CommandContext::Failure;
    }
    CommandContext::out() << tr("Account %1 added (IMAP %2:%3, SMTP %4:%5, login %6).")
                                 .arg(account.id, account.imap.host)
                                 .arg(account.imap.port)
                                 .arg(account.smtp.host)
                                 .arg(account.smtp.port)
                                 .arg(account.imap.login)
                          << '\n';
    return CommandContext::Success;
}

int AccountCommand::list(CommandContext &context)
{
    QTextStream &out = CommandContext::out();
    const QList<Account> accounts = context.profile().accounts();
    if (context.json()) {
        QJsonArray array;
        for (const Account &account : accounts) {
            array.append(QJsonObject{
                {u"id"_s, account.id},
                {u"address"_s, account.address},
                {u"name"_s, account.realName},
                {u"label"_s, account.displayName()},
                {u"kind"_s, account.kind == MailboxKind::Functional ? u"functional"_s : u"personal"_s},
                {u"aliases"_s, QJsonArray::fromStringList(account.aliases)},
                {u"preset"_s, account.presetId},
                {u"imap"_s, u"%1:%2"_s.arg(account.imap.host).arg(account.imap.port)},
                {u"smtp"_s, u"%1:%2"_s.arg(account.smtp.host).arg(account.smtp.port)}});
        }
        out << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return CommandContext::Success;
    }
    for (const Account &account : accounts)
        out << account.id << '\t' << account.imap.host << ':' << account.imap.port << '\t'
            << account.displayName() << '\n';
    return CommandContext::Success;
}

int AccountCommand::remove(CommandContext &context)
{
    const QString id = context.arguments().value(2);
    const std::optional<Account> account = context.profile().account(id);
    if (id.isEmpty() || !account)
        return context.usageError(tr("account remove needs the id of one of the profile's accounts."));
    QTextStream &err = CommandContext::err();
    // Mail waiting to be sent exists nowhere else: never drop it without being told to.
    const qsizetype unsent =
        Outbox(AccountPaths(context.profile().directory(), account->id).outboxDirectory()).entries().size();
    if (unsent > 0 && !context.parser().isSet(kDiscardOutbox)) {
        err << tr("Error: %n message(s) of %1 are still waiting to be sent. Send them first (\"outbox "
                  "send\"), "
                  "or remove the account with --discard-outbox to delete them.",
                  nullptr, static_cast<int>(unsent))
                   .arg(account->id)
            << '\n';
        return CommandContext::Failure;
    }
    CredentialStore credentials;
    const AccountStorage::EraseResult erased =
        AccountStorage(context.profile(), account->id).eraseAllAndWait(&credentials);
    for (const QString &problem : erased.problems)
        err << tr("Warning: %1").arg(problem) << '\n';
    if (!erased.ok)
        return CommandContext::Failure;
    CommandContext::out()
        << tr("Account %1 removed, with its offline copy and its password.").arg(account->id) << '\n';
    return CommandContext::Success;
}

int AccountCommand::rename(CommandContext &context)
{
    const QString id = context.arguments().value(2);
    std::optional<Account> account = context.profile().account(id);
    if (!account || context.arguments().size() < 4)
        return context.usageError(tr("account rename needs an account id and the new name."));
    account->label = context.arguments().mid(3).join(u' ').trimmed();
    QString error;
    if (!context.profile().saveAccount(*account, &error)) {
        CommandContext::err() << tr("Error: %1").arg(error) << '\n';
        return CommandContext::Failure;
    }
    CommandContext::out() << tr("Account %1 is now shown as %2.").arg(account->id, account->displayName())
                          << '\n';
    return CommandContext::Success;
}

int AccountCommand::move(CommandContext &context)
{
    const QString id = context.arguments().value(2);
    bool ok = false;
    const int position = context.arguments().value(3).toInt(&ok);
    if (!context.profile().account(id) || !ok || position < 1)
        return context.usageError(tr("account move needs an account id and a position (1 = first)."));
    QString error;
    if (!context.profile().moveAccount(id, position - 1, &error)) {
        CommandContext::err() << tr("Error: %1").arg(error) << '\n';
        return CommandContext::Failure;
    }
    return list(context);
}

} // namespace Amiens
