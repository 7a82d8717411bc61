#include "SieveScriptReader.h"

#include "SieveParser.h"
#include "SieveScriptBuilder.h"
#include "SieveScriptEditor.h"

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

struct Context
{
    VacationSettings *vacation;
    QTimeZone defaultZone; ///< for values without an offset and no :zone
};

QString firstString(const SieveArgument *argument)
{
    return argument && !argument->strings.isEmpty() ? argument->strings.first() : QString();
}

/// "+0100" → +3600 s; nothing for anything else.
std::optional<int> parseZone(const QString &zone)
{
    if (zone.size() != 5 || (zone[0] != u'+' && zone[0] != u'-'))
        return std::nullopt;
    bool okHours = false;
    bool okMinutes = false;
    const int hours = zone.mid(1, 2).toInt(&okHours);
    const int minutes = zone.mid(3, 2).toInt(&okMinutes);
    if (!okHours || !okMinutes)
        return std::nullopt;
    const int seconds = hours * 3600 + minutes * 60;
    return zone[0] == u'-' ? -seconds : seconds;
}

void readCurrentDate(const SieveTest &test, const Context &context)
{
    const QString comparison = firstString(test.tagValue(u"value"_s)).toLower();
    const QList<SieveArgument> positional = test.positional();
    if (positional.size() < 2 ||
        (comparison != u"ge"_s && comparison != u"le"_s && comparison != u"gt"_s && comparison != u"lt"_s))
        return;
    const QString part = firstString(&positional[0]).toLower();
    const QString value = firstString(&positional[1]);
    QTimeZone zone = context.defaultZone;
    if (const auto offset = parseZone(firstString(test.tagValue(u"zone"_s))))
        zone = QTimeZone(*offset);
    const bool isStart = comparison.startsWith(u'g');
    QDateTime when;
    if (part == u"date"_s) {
        const QDate date = QDate::fromString(value, Qt::ISODate);
        if (!date.isValid())
            return;
        // A whole day: "ge" from its first second, "le" to its last.
        when = QDateTime(date, isStart ? QTime(0, 0) : QTime(23, 59, 59), zone);
    } else if (part == u"iso8601"_s) {
        when = QDateTime::fromString(value, Qt::ISODate);
        if (!when.isValid())
            return;
        if (when.timeSpec() == Qt::LocalTime)
            when = QDateTime(when.date(), when.time(), zone);
    } else {
        return;
    }
    (isStart ? context.vacation->start : context.vacation->end) = when.toTimeZone(context.vacation->timeZone);
}

void readTest(const SieveTest &test, const Context &context)
{
    if (test.name == u"false"_s) {
        context.vacation->enabled = false;
    } else if (test.name == u"allof"_s) {
        for (const SieveTest &inner : test.tests)
            readTest(inner, context);
    } else if (test.name == u"currentdate"_s) {
        readCurrentDate(test, context);
    } else if (test.name == u"address"_s && test.hasTag(u"domain"_s)) {
        const QList<SieveArgument> positional = test.positional();
        if (positional.size() < 2 || !positional[0].strings.contains(u"from"_s, Qt::CaseInsensitive))
            return;
        QStringList domains;
        for (const QString &domain : positional[1].strings) {
            if (!domain.startsWith(u"*."_s))
                domains << domain.toLower();
        }
        if (!domains.isEmpty()) {
            context.vacation->academyOnly = true;
            context.vacation->academyDomains = domains;
        }
    }
    // Everything else (the RFC 3834 skip rules, spam tests) is not a setting.
}

QString normalizedMessage(const QString &text)
{
    QString message = text;
    message.replace(u"\r\n"_s, u"\n"_s);
    if (message.endsWith(u'\n'))
        message.chop(1);
    return message;
}

void readVacation(const SieveCommand &command, VacationSettings &vacation)
{
    if (const SieveArgument *days = command.tagValue(u"days"_s);
        days && days->kind == SieveArgument::Kind::Number)
        vacation.days = static_cast<int>(days->number);
    vacation.subject = firstString(command.tagValue(u"subject"_s));
    if (const SieveArgument *addresses = command.tagValue(u"addresses"_s))
        vacation.addresses = addresses->strings;
    const QList<SieveArgument> positional = command.positional();
    if (!positional.isEmpty())
        vacation.message = normalizedMessage(firstString(&positional.last()));
}

const SieveCommand *findVacation(const QList<SieveCommand> &commands)
{
    for (const SieveCommand &command : commands) {
        if (command.name == u"vacation"_s)
            return &command;
        if (const SieveCommand *inner = findVacation(command.block))
            return inner;
    }
    return nullptr;
}

/// The conditions of a rule disabled as "if false # allof (…)": they live in the comment.
std::optional<SieveTest> commentedTest(const QByteArray &script, const SieveScript &parsed,
                                       const SieveCommand &command)
{
    const qsizetype limit = command.block.isEmpty() ? command.end : command.block.first().begin;
    for (const SieveComment &comment : parsed.comments) {
        if (comment.begin <= command.begin || comment.begin >= limit)
            continue;
        Q_UNUSED(script);
        const auto reparsed = SieveParser::parse("if " + comment.text.toUtf8() + " {}");
        if (reparsed && !reparsed->commands.isEmpty() && !reparsed->commands.first().tests.isEmpty())
            return reparsed->commands.first().tests.first();
    }
    return std::nullopt;
}

/// Reads the first vacation of @p commands (the "if" around it gives the conditions).
bool readVacationRule(const QByteArray &script, const SieveScript &parsed, const Context &context,
                      const SieveCommand **ruleOut)
{
    for (const SieveCommand &command : parsed.commands) {
        const SieveCommand *vacation = command.name == u"vacation"_s ? &command : findVacation(command.block);
        if (!vacation)
            continue;
        context.vacation->enabled = true;
        if (command.name == u"if"_s && !command.tests.isEmpty()) {
            readTest(command.tests.first(), context);
            if (command.tests.first().name == u"false"_s) {
                if (const auto test = commentedTest(script, parsed, command))
                    readTest(*test, context);
                context.vacation->enabled = false;
            }
        }
        readVacation(*vacation, *context.vacation);
        if (ruleOut)
            *ruleOut = &command;
        return true;
    }
    return false;
}

/// Whether our block sets kDollarVariable, i.e. wrote the user's texts protected from RFC 5229.
bool setsDollarVariable(const SieveScript &block)
{
    for (const SieveCommand &command : block.commands) {
        const QList<SieveArgument> positional = command.positional();
        if (command.name == u"set"_s && positional.size() == 2 &&
            firstString(&positional[0]).compare(SieveScriptBuilder::kDollarVariable, Qt::CaseInsensitive) ==
                0 &&
            firstString(&positional[1]) == u"$"_s)
            return true;
    }
    return false;
}

/// Undoes SieveScriptBuilder::protectFromVariables on everything our block reads back.
void expandDollarVariable(VacationSettings &vacation, ForwardSettings &forward)
{
    const auto expand = [](QString &text) {
        text = SieveScriptBuilder::expandDollarVariable(text);
    };
    expand(vacation.subject);
    expand(vacation.message);
    for (QString &address : vacation.addresses)
        expand(address);
    for (QString &domain : vacation.academyDomains)
        expand(domain);
    expand(forward.address);
}

void readForward(const SieveScript &parsed, ForwardSettings &forward)
{
    for (const SieveCommand &command : parsed.commands) {
        const bool disabled =
            command.name == u"if"_s && !command.tests.isEmpty() && command.tests.first().name == u"false"_s;
        const SieveCommand *redirect = nullptr;
        if (command.name == u"redirect"_s)
            redirect = &command;
        else if (disabled && !command.block.isEmpty() && command.block.first().name == u"redirect"_s)
            redirect = &command.block.first();
        if (!redirect)
            continue;
        const QList<SieveArgument> positional = redirect->positional();
        forward.address = positional.isEmpty() ? QString() : firstString(&positional.first());
        forward.keepCopy = redirect->hasTag(u"copy"_s);
        forward.enabled = !disabled;
        return;
    }
}

} // namespace

SieveScriptReader::Result SieveScriptReader::read(const QByteArray &script, const QTimeZone &userZone)
{
    Result result;
    result.vacation.timeZone = userZone;
    QString error;
    const auto span = SieveScriptEditor::findBlock(script, &error);
    if (!error.isEmpty()) {
        result.blockDamaged = script.contains(SieveScriptBuilder::kBeginMarker.data());
        if (!result.blockDamaged)
            return result; // not a script we can read at all
    }

    QByteArray rest = script;
    if (span) {
        const QByteArray block = script.mid(span->begin, span->end - span->begin);
        rest = script.left(span->begin) + script.mid(span->end);
        const auto parsed = SieveParser::parse(block);
        if (!parsed) {
            result.blockDamaged = true;
        } else {
            for (const SieveComment &comment : parsed->comments) {
                const QString text = comment.text.trimmed();
                if (text.startsWith(u"time zone:"_s)) {
                    const QTimeZone zone(text.mid(10).trimmed().toUtf8());
                    if (zone.isValid())
                        result.vacation.timeZone = zone;
                }
            }
            // Our block writes explicit offsets, so the default zone does not matter here.
            const Context context{&result.vacation, result.vacation.timeZone};
            if (readVacationRule(block, *parsed, context, nullptr))
                result.vacationSource = Source::AmiensMail;
            readForward(*parsed, result.forward);
            if (setsDollarVariable(*parsed))
                expandDollarVariable(result.vacation, result.forward);
        }
    }

    const auto others = SieveParser::parse(rest);
    if (!others)
        return result;
    VacationSettings foreign;
    foreign.timeZone = userZone;
    const SieveCommand *rule = nullptr;
    if (!readVacationRule(rest, *others, Context{&foreign, userZone}, &rule))
        return result;
    result.hasForeignVacation = true;
    if (result.vacationSource == Source::None) {
        result.vacation = foreign;
        result.vacationSource = Source::OtherClient;
        for (const SieveComment &comment : others->comments) {
            // Roundcube names each rule in a comment on the line just above it.
            if (comment.end <= rule->begin && comment.text.trimmed().startsWith(u"rule:["_s) &&
                !rest.mid(comment.end, rule->begin - comment.end).trimmed().size())
                result.vacationSource = Source::Roundcube;
        }
    }
    return result;
}

} // namespace Amiens
