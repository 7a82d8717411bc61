#include "SettingsCommands.h"

#include "CliApplication.h"
#include "identity/SignatureStore.h"
#include "services/AccountServices.h"
#include "settings/SitePolicy.h"
#include "sieve/ManageSieveClient.h"
#include "sieve/SieveRulesStore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>
#include <cstdio>
#include <memory>

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

const QCommandLineOption
    kFrom(u"from"_s, u"Start of the absence (ISO 8601, local time unless an offset is given)."_s, u"ISO"_s);
const QCommandLineOption kUntil(u"until"_s, u"End of the absence (ISO 8601)."_s, u"ISO"_s);
const QCommandLineOption kSubject(u"subject"_s, u"Subject of the automatic reply."_s, u"TEXT"_s);
const QCommandLineOption kMessageFile(u"message-file"_s, u"File holding the automatic reply (UTF-8)."_s,
                                      u"FILE"_s);
const QCommandLineOption kDays(u"days"_s, u"Answer the same sender at most once every N days."_s, u"N"_s);
const QCommandLineOption kAcademyOnly(u"academy-only"_s, u"Do not answer senders outside the academy."_s);
const QCommandLineOption kFile(u"file"_s, u"File holding the signature (UTF-8)."_s, u"FILE"_s);
const QCommandLineOption kHtml(u"html"_s, u"The signature is simple HTML."_s);
const QCommandLineOption kDefault(u"default"_s, u"Use the signature by default for new, reply or both."_s,
                                  u"WHICH"_s);

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

std::optional<QString> readTextFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    return QString::fromUtf8(file.readAll());
}

/// A date from the command line in @p zone; an explicit offset ("…+02:00", "…Z") is honoured.
std::optional<QDateTime> parseWhen(const QString &text, const QTimeZone &zone)
{
    const QDateTime parsed = QDateTime::fromString(text.trimmed(), Qt::ISODate);
    if (!parsed.isValid())
        return std::nullopt;
    if (parsed.timeSpec() == Qt::LocalTime)
        return QDateTime(parsed.date(), parsed.time(), zone);
    return parsed.toTimeZone(zone);
}

QString isoOrEmpty(const QDateTime &when)
{
    return when.isValid() ? when.toString(Qt::ISODate) : QString();
}

} // namespace

QList<QCommandLineOption> SettingsCommands::options()
{
    return {kFrom, kUntil, kSubject, kMessageFile, kDays, kAcademyOnly, kFile, kHtml, kDefault};
}

bool SettingsCommands::handles(const QString &command)
{
    return command == "vacation"_L1 || command == "signature"_L1;
}

QString SettingsCommands::usage()
{
    return u"  vacation get                the out-of-office message on the server\n"
           "  vacation set --from ISO --until ISO --subject S --message-file F [--days N] [--academy-only]\n"
           "  vacation off                turn the out-of-office message off (its text is kept)\n"
           "  signature list              the signatures of the account's address\n"
           "  signature set --name N --file F [--html] [--default new|reply|both]\n"_s;
}

SettingsCommands::SettingsCommands(Context context)
    : m_context(std::move(context))
{
}

int SettingsCommands::run()
{
    const QString command = m_context.command.value(0);
    const QString sub = m_context.command.value(1);
    if (command == "vacation"_L1 && sub == "get"_L1)
        return vacationGet();
    if (command == "vacation"_L1 && sub == "set"_L1)
        return vacationChange(true);
    if (command == "vacation"_L1 && sub == "off"_L1)
        return vacationChange(false);
    if (command == "signature"_L1 && sub == "list"_L1)
        return signatureList();
    if (command == "signature"_L1 && sub == "set"_L1)
        return signatureSet();
    return m_context.usageError(tr("Unknown command: %1").arg(m_context.command.join(u' ')));
}

namespace {

/// A signed-in ManageSieve client for the account, or the exit code saying why not.
struct SieveConnection
{
    std::unique_ptr<ManageSieveClient> client;
    int exitCode = CliApplication::Success;
};

SieveConnection connectSieve(const SettingsCommands::Context &context, const Account &account)
{
    SieveConnection connection;
    QString error;
    const auto settings = AccountServices::manageSieveSettings(SitePolicy::load(), account, &error);
    if (!settings) {
        err() << SettingsCommands::tr("Error: %1").arg(error) << '\n';
        connection.exitCode = CliApplication::Failure;
        return connection;
    }
    const std::optional<QString> password = context.password(account);
    if (!password) {
        connection.exitCode = CliApplication::AuthenticationFailed;
        return connection;
    }
    connection.client = std::make_unique<ManageSieveClient>(*settings);
    if (!connection.client->connectToServer() || !connection.client->authenticate(*password))
        connection.exitCode = context.reportError(connection.client->lastError());
    return connection;
}

} // namespace

int SettingsCommands::vacationGet()
{
    const std::optional<Account> account = m_context.selectedAccount();
    if (!account)
        return CliApplication::Failure;
    SieveConnection connection = connectSieve(m_context, *account);
    if (connection.exitCode != CliApplication::Success)
        return connection.exitCode;
    SieveRulesStore store(*connection.client);
    const auto state = store.load(QTimeZone::systemTimeZone());
    connection.client->logout();
    if (!state)
        return m_context.reportError(store.lastError());
    const VacationSettings &vacation = state->rules.vacation;
    if (m_context.parser->isSet(u"json"_s)) {
        const QJsonObject object{{u"enabled"_s, vacation.enabled},
                                 {u"from"_s, isoOrEmpty(vacation.start)},
                                 {u"until"_s, isoOrEmpty(vacation.end)},
                                 {u"timeZone"_s, QString::fromLatin1(vacation.timeZone.id())},
                                 {u"subject"_s, vacation.subject},
                                 {u"message"_s, vacation.message},
                                 {u"days"_s, vacation.days},
                                 {u"addresses"_s, QJsonArray::fromStringList(vacation.addresses)},
                                 {u"academyOnly"_s, vacation.academyOnly},
                                 {u"otherVacationRule"_s, state->rules.hasForeignVacation},
                                 {u"script"_s, state->scriptName}};
        out() << QJsonDocument(object).toJson(QJsonDocument::Indented);
    } else {
        out() << tr("Out-of-office: %1").arg(vacation.enabled ? tr("on") : tr("off")) << '\n'
              << tr("From: %1").arg(isoOrEmpty(vacation.start)) << '\n'
              << tr("Until: %1").arg(isoOrEmpty(vacation.end)) << '\n'
              << tr("Subject: %1").arg(vacation.subject) << '\n'
              << tr("Once every %n day(s) per sender", nullptr, vacation.days) << '\n'
              << tr("Addresses: %1").arg(vacation.addresses.join(u", "_s)) << '\n'
              << tr("Academy senders only: %1").arg(vacation.academyOnly ? tr("yes") : tr("no")) << '\n'
              << '\n'
              << vacation.message << '\n';
    }
    if (state->rules.hasForeignVacation)
        err() << tr("Warning: another out-of-office rule (from the webmail?) is also on the server.") << '\n';
    out().flush();
    return CliApplication::Success;
}

int SettingsCommands::vacationChange(bool turnOn)
{
    const QCommandLineParser &parser = *m_context.parser;
    // Everything given is checked before the network is touched.
    const QTimeZone zone = QTimeZone::systemTimeZone();
    std::optional<QDateTime> from;
    std::optional<QDateTime> until;
    std::optional<QString> message;
    int days = 0;
    if (turnOn) {
        if (!parser.isSet(kFrom) || !parser.isSet(kUntil) || !parser.isSet(kSubject) ||
            !parser.isSet(kMessageFile))
            return m_context.usageError(
                tr("vacation set needs --from, --until, --subject and --message-file."));
        from = parseWhen(parser.value(kFrom), zone);
        until = parseWhen(parser.value(kUntil), zone);
        if (!from || !until)
            return m_context.usageError(
                tr("--from and --until take ISO 8601 dates such as 2026-07-06T08:00."));
        if (*until <= *from)
            return m_context.usageError(tr("The end of the absence must come after its start."));
        message = readTextFile(parser.value(kMessageFile));
        if (!message)
            return m_context.usageError(tr("Cannot read %1.").arg(parser.value(kMessageFile)));
        if (message->trimmed().isEmpty())
            return m_context.usageError(tr("The message is empty."));
        if (parser.isSet(kDays)) {
            bool ok = false;
            days = parser.value(kDays).toInt(&ok);
            if (!ok || days < 1 || days > 365)
                return m_context.usageError(tr("--days takes a number of days between 1 and 365."));
        }
    }

    const std::optional<Account> account = m_context.selectedAccount();
    if (!account)
        return CliApplication::Failure;
    SieveConnection connection = connectSieve(m_context, *account);
    if (connection.exitCode != CliApplication::Success)
        return connection.exitCode;
    SieveRulesStore store(*connection.client);
    // Starting from what the server holds keeps forwarding and whatever is not given here.
    const auto state = store.load(zone);
    if (!state) {
        connection.client->logout();
        return m_context.reportError(store.lastError());
    }
    VacationSettings vacation = state->rules.vacation;
    vacation.timeZone = zone;
    vacation.enabled = turnOn;
    if (turnOn) {
        vacation.start = *from;
        vacation.end = *until;
        vacation.subject = parser.value(kSubject);
        vacation.message = *message;
        if (days)
            vacation.days = days;
        vacation.academyOnly = parser.isSet(kAcademyOnly);
        if (vacation.addresses.isEmpty())
            vacation.addresses = QStringList{account->address};
    }
    const bool saved = store.save(vacation, state->rules.forward);
    connection.client->logout();
    if (!saved)
        return m_context.reportError(store.lastError());
    out() << (turnOn ? tr("Out-of-office message on from %1 until %2.")
                           .arg(isoOrEmpty(vacation.start), isoOrEmpty(vacation.end))
                     : tr("Out-of-office message off."))
          << '\n';
    out().flush();
    return CliApplication::Success;
}

int SettingsCommands::signatureList()
{
    const std::optional<Account> account = m_context.selectedAccount();
    if (!account)
        return CliApplication::Failure;
    SignatureStore store(m_context.profile);
    QString error;
    if (!store.load(&error)) {
        err() << tr("Error: %1").arg(error) << '\n';
        return CliApplication::Failure;
    }
    const SignatureStore::IdentitySignatures identity = store.forIdentity(account->address);
    if (m_context.parser->isSet(u"json"_s)) {
        QJsonArray array;
        for (const Signature &signature : identity.signatures) {
            array.append(QJsonObject{
                {u"id"_s, signature.id},
                {u"name"_s, signature.name},
                {u"format"_s, signature.format == Signature::Format::Html ? u"html"_s : u"text"_s},
                {u"text"_s, signature.text},
                {u"defaultForNew"_s, signature.id == identity.defaultForNew},
                {u"defaultForReply"_s, signature.id == identity.defaultForReply}});
        }
        out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
    } else {
        for (const Signature &signature : identity.signatures) {
            QStringList defaults;
            if (signature.id == identity.defaultForNew)
                defaults.append(tr("new"));
            if (signature.id == identity.defaultForReply)
                defaults.append(tr("reply"));
            out() << signature.name << '\t' << (signature.format == Signature::Format::Html ? "html" : "text")
                  << '\t' << defaults.join(u',') << '\n';
        }
    }
    out().flush();
    return CliApplication::Success;
}

int SettingsCommands::signatureSet()
{
    const QCommandLineParser &parser = *m_context.parser;
    const QString name = parser.value(u"name"_s).trimmed();
    if (name.isEmpty() || !parser.isSet(kFile))
        return m_context.usageError(tr("signature set needs --name and --file."));
    const QString which = parser.value(kDefault);
    if (parser.isSet(kDefault) && which != "new"_L1 && which != "reply"_L1 && which != "both"_L1)
        return m_context.usageError(tr("--default takes new, reply or both."));
    const std::optional<QString> text = readTextFile(parser.value(kFile));
    if (!text)
        return m_context.usageError(tr("Cannot read %1.").arg(parser.value(kFile)));
    const std::optional<Account> account = m_context.selectedAccount();
    if (!account)
        return CliApplication::Failure;

    SignatureStore store(m_context.profile);
    QString error;
    if (!store.load(&error)) {
        err() << tr("Error: %1").arg(error) << '\n';
        return CliApplication::Failure;
    }
    SignatureStore::IdentitySignatures identity = store.forIdentity(account->address);
    // Same name: the signature is replaced in place, so its id (and the defaults) stay.
    Signature *signature = nullptr;
    for (Signature &existing : identity.signatures) {
        if (existing.name.compare(name, Qt::CaseInsensitive) == 0)
            signature = &existing;
    }
    if (!signature) {
        identity.signatures.append(
            Signature{SignatureStore::newId(), name, Signature::Format::PlainText, {}});
        signature = &identity.signatures.last();
    }
    signature->name = name;
    signature->format = parser.isSet(kHtml) ? Signature::Format::Html : Signature::Format::PlainText;
    signature->text = text->trimmed();
    if (which == "new"_L1 || which == "both"_L1)
        identity.defaultForNew = signature->id;
    if (which == "reply"_L1 || which == "both"_L1)
        identity.defaultForReply = signature->id;
    const QStringList problems = SignatureStore::validate(identity);
    if (!problems.isEmpty())
        return m_context.usageError(problems.join(u'\n'));
    store.setForIdentity(account->address, identity);
    if (!store.save(&error)) {
        err() << tr("Error: %1").arg(error) << '\n';
        return CliApplication::Failure;
    }
    out() << tr("Signature \"%1\" saved.").arg(name) << '\n';
    out().flush();
    return CliApplication::Success;
}

} // namespace Amiens
