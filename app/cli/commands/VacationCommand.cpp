#include "VacationCommand.h"

#include "CommandContext.h"
#include "services/AccountServices.h"
#include "settings/SitePolicy.h"
#include "sieve/ManageSieveClient.h"
#include "sieve/SieveRulesStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>
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

/// The selected account and a signed-in ManageSieve client for it, or the exit code saying why not.
struct SieveConnection
{
    Account account;
    std::unique_ptr<ManageSieveClient> client;
    int exitCode = CommandContext::Success;
};

SieveConnection connectSieve(CommandContext &context)
{
    SieveConnection connection;
    const std::optional<Account> selected = context.selectedAccount();
    if (!selected) {
        connection.exitCode = CommandContext::Failure;
        return connection;
    }
    const Account &account = connection.account = *selected;
    QString error;
    const auto settings = AccountServices::manageSieveSettings(SitePolicy::load(), account, &error);
    if (!settings) {
        CommandContext::err() << VacationCommand::tr("Error: %1").arg(error) << '\n';
        connection.exitCode = CommandContext::Failure;
        return connection;
    }
    const std::optional<QString> password = context.passwordFor(account);
    if (!password) {
        connection.exitCode = CommandContext::AuthenticationFailed;
        return connection;
    }
    connection.client = std::make_unique<ManageSieveClient>(*settings);
    if (!connection.client->connectToServer() || !connection.client->authenticate(*password))
        connection.exitCode = context.reportError(connection.client->lastError());
    return connection;
}

} // namespace

QString VacationCommand::name() const
{
    return u"vacation"_s;
}

QString VacationCommand::usage() const
{
    return u"  vacation get                the out-of-office message on the server\n"
           "  vacation set --from ISO --until ISO --subject S --message-file F [--days N] [--academy-only]\n"
           "  vacation off                turn the out-of-office message off (its text is kept)\n"_s;
}

QList<QCommandLineOption> VacationCommand::options() const
{
    return {kFrom, kUntil, kSubject, kMessageFile, kDays, kAcademyOnly};
}

int VacationCommand::run(CommandContext &context)
{
    const QString sub = context.arguments().value(1);
    if (sub == "get"_L1)
        return get(context);
    if (sub == "set"_L1)
        return change(context, true);
    if (sub == "off"_L1)
        return change(context, false);
    return context.usageError(tr("Unknown command: %1").arg(context.arguments().join(u' ')));
}

int VacationCommand::get(CommandContext &context)
{
    SieveConnection connection = connectSieve(context);
    if (connection.exitCode != CommandContext::Success)
        return connection.exitCode;
    SieveRulesStore store(*connection.client);
    const auto state = store.load(QTimeZone::systemTimeZone());
    connection.client->logout();
    if (!state)
        return context.reportError(store.lastError());
    QTextStream &out = CommandContext::out();
    const VacationSettings &vacation = state->rules.vacation;
    if (context.json()) {
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
        out << QJsonDocument(object).toJson(QJsonDocument::Indented);
    } else {
        out << tr("Out-of-office: %1").arg(vacation.enabled ? tr("on") : tr("off")) << '\n'
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
        CommandContext::err()
            << tr("Warning: another out-of-office rule (from the webmail?) is also on the server.") << '\n';
    out.flush();
    return CommandContext::Success;
}

int VacationCommand::change(CommandContext &context, bool turnOn)
{
    const QCommandLineParser &parser = context.parser();
    // Everything given is checked before the network is touched.
    const QTimeZone zone = QTimeZone::systemTimeZone();
    std::optional<QDateTime> from;
    std::optional<QDateTime> until;
    std::optional<QString> message;
    int days = 0;
    if (turnOn) {
        if (!parser.isSet(kFrom) || !parser.isSet(kUntil) || !parser.isSet(kSubject) ||
            !parser.isSet(kMessageFile))
            return context.usageError(
                tr("vacation set needs --from, --until, --subject and --message-file."));
        from = parseWhen(parser.value(kFrom), zone);
        until = parseWhen(parser.value(kUntil), zone);
        if (!from || !until)
            return context.usageError(tr("--from and --until take ISO 8601 dates such as 2026-07-06T08:00."));
        if (*until <= *from)
            return context.usageError(tr("The end of the absence must come after its start."));
        message = CommandContext::readTextFile(parser.value(kMessageFile));
        if (!message)
            return context.usageError(tr("Cannot read %1.").arg(parser.value(kMessageFile)));
        if (message->trimmed().isEmpty())
            return context.usageError(tr("The message is empty."));
        if (parser.isSet(kDays)) {
            bool ok = false;
            days = parser.value(kDays).toInt(&ok);
            if (!ok || days < 1 || days > 365)
                return context.usageError(tr("--days takes a number of days between 1 and 365."));
        }
    }

    SieveConnection connection = connectSieve(context);
    if (connection.exitCode != CommandContext::Success)
        return connection.exitCode;
    SieveRulesStore store(*connection.client);
    // Starting from what the server holds keeps forwarding and whatever is not given here.
    const auto state = store.load(zone);
    if (!state) {
        connection.client->logout();
        return context.reportError(store.lastError());
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
            vacation.addresses = QStringList{connection.account.address};
    }
    const bool saved = store.save(vacation, state->rules.forward);
    connection.client->logout();
    if (!saved)
        return context.reportError(store.lastError());
    QTextStream &out = CommandContext::out();
    out << (turnOn ? tr("Out-of-office message on from %1 until %2.")
                         .arg(isoOrEmpty(vacation.start), isoOrEmpty(vacation.end))
                   : tr("Out-of-office message off."))
        << '\n';
    out.flush();
    return CommandContext::Success;
}

} // namespace Amiens
