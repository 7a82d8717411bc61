#include "SieveScriptBuilder.h"

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

bool hasDates(const VacationSettings &vacation)
{
    return vacation.start.isValid() || vacation.end.isValid();
}

/// "+0200" for :zone and "+02:00" (or "Z", as Pigeonhole writes UTC) for the iso8601 value.
struct ZoneText
{
    QByteArray zone;
    QByteArray suffix;
};

ZoneText zoneText(int offsetSeconds)
{
    const char sign = offsetSeconds < 0 ? '-' : '+';
    const int minutes = std::abs(offsetSeconds) / 60;
    const QByteArray hours = QByteArray::number(minutes / 60).rightJustified(2, '0');
    const QByteArray rest = QByteArray::number(minutes % 60).rightJustified(2, '0');
    return {sign + hours + rest, offsetSeconds == 0 ? QByteArray("Z") : sign + hours + ':' + rest};
}

/// The currentdate test for one bound. Each bound carries its own offset, so a period across a
/// daylight-saving change still starts and ends at the wall-clock times the user chose.
QByteArray dateTest(const QDateTime &bound, const QTimeZone &zone, const char *comparison)
{
    const QDateTime local = bound.toTimeZone(zone);
    const ZoneText text = zoneText(zone.offsetFromUtc(local));
    return "currentdate :zone \"" + text.zone + "\" :value \"" + comparison + "\" \"iso8601\" \"" +
           local.toString(u"yyyy-MM-ddTHH:mm:ss"_s).toLatin1() + text.suffix + '"';
}

QString oneLine(const QString &text)
{
    QString result = text;
    result.replace(u"\r\n"_s, u" "_s).replace(u'\n', u' ').replace(u'\r', u' ');
    return result;
}

} // namespace

QByteArray SieveScriptBuilder::quotedString(const QString &text)
{
    QByteArray result = "\"";
    for (const char c : oneLine(text).toUtf8()) {
        if (c == '"' || c == '\\')
            result += '\\';
        result += c;
    }
    return result + '"';
}

QByteArray SieveScriptBuilder::multiLineString(const QString &text, const QByteArray &newline)
{
    QString normalized = text;
    normalized.replace(u"\r\n"_s, u"\n"_s).replace(u'\r', u'\n');
    QByteArray result = "text:" + newline;
    for (const QString &line : normalized.split(u'\n')) {
        // RFC 5228 §2.4.2: a line starting with "." gets another one, so "." alone never ends it.
        if (line.startsWith(u'.'))
            result += '.';
        result += line.toUtf8() + newline;
    }
    return result + '.' + newline;
}

QByteArray SieveScriptBuilder::stringList(const QStringList &items)
{
    QByteArray result = "[";
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (i)
            result += ", ";
        result += quotedString(items[i]);
    }
    return result + ']';
}

QString SieveScriptBuilder::protectFromVariables(const QString &text)
{
    QString result = text;
    return result.replace(u"${"_s, u"${"_s + kDollarVariable + u"}{"_s);
}

QString SieveScriptBuilder::expandDollarVariable(const QString &text)
{
    QString result = text;
    return result.replace(u"${"_s + kDollarVariable + u'}', u"$"_s);
}

QStringList SieveScriptBuilder::requiredExtensions(const VacationSettings &vacation,
                                                   const ForwardSettings &forward)
{
    QStringList extensions;
    if (!vacation.message.isEmpty() || vacation.enabled) {
        extensions << u"vacation"_s;
        if (hasDates(vacation))
            extensions << u"date"_s << u"relational"_s;
    }
    if (!forward.address.isEmpty() && forward.keepCopy)
        extensions << u"copy"_s;
    return extensions;
}

bool SieveScriptBuilder::isEmpty(const VacationSettings &vacation, const ForwardSettings &forward)
{
    return requiredExtensions(vacation, forward).isEmpty() && forward.address.isEmpty();
}

QByteArray SieveScriptBuilder::buildBlock(const VacationSettings &vacation, const ForwardSettings &forward,
                                          const QStringList &alreadyRequired, const QByteArray &newline)
{
    const QByteArray nl = newline;
    QByteArray block = "# " + QByteArray(kBeginMarker.data(), kBeginMarker.size()) +
                       " (out-of-office, forwarding): written by AmiensMail, edit them in AmiensMail" + nl;
    QStringList missing;
    for (const QString &extension : requiredExtensions(vacation, forward)) {
        if (!alreadyRequired.contains(extension, Qt::CaseInsensitive))
            missing << extension;
    }
    if (!missing.isEmpty())
        block += "require " + stringList(missing) + ';' + nl;
    const qsizetype setAt = block.size();

    // Under "variables" each text the user typed is protected; the set command that makes the
    // protection work is written only when some text needed it, so a script without "${" is
    // written exactly as without variables.
    const bool variables = alreadyRequired.contains(u"variables"_s, Qt::CaseInsensitive);
    bool protectedSome = false;
    const auto text = [&](const QString &value) {
        if (!variables)
            return value;
        const QString result = protectFromVariables(value);
        protectedSome = protectedSome || result != value;
        return result;
    };
    const auto texts = [&](const QStringList &values) {
        QStringList result;
        for (const QString &value : values)
            result << text(value);
        return result;
    };

    if (!vacation.message.isEmpty() || vacation.enabled) {
        const QByteArray indent = "          ";
        QList<QByteArray> tests;
        if (!vacation.enabled)
            tests << "false";
        if (vacation.start.isValid())
            tests << dateTest(vacation.start, vacation.timeZone, "ge");
        if (vacation.end.isValid())
            tests << dateTest(vacation.end, vacation.timeZone, "le");
        // RFC 3834 §2: never answer lists, bulk mail, automatic mail or robots.
        tests
            << "not header :is \"precedence\" [\"bulk\", \"list\", \"junk\"]"
            << "not exists \"list-id\""
            << "anyof (not exists \"auto-submitted\", header :is \"auto-submitted\" \"no\")"
            << "not address :localpart :matches \"from\" [\"*noreply*\", \"*no-reply*\", \"mailer-daemon\"]";
        if (vacation.academyOnly && !vacation.academyDomains.isEmpty()) {
            QStringList patterns;
            for (const QString &domain : vacation.academyDomains)
                patterns << domain.trimmed().toLower() << u"*."_s + domain.trimmed().toLower();
            tests << "address :domain :matches \"from\" " + stringList(texts(patterns));
        }
        if (vacation.timeZone.isValid())
            block += "# time zone: " + vacation.timeZone.id() + nl;
        block += "if allof (" + tests.join("," + nl + indent) + ")" + nl + "{" + nl;
        block += "    vacation :days " + QByteArray::number(std::max(1, vacation.days));
        if (!vacation.subject.isEmpty())
            block += " :subject " + quotedString(text(vacation.subject));
        if (!vacation.addresses.isEmpty())
            block += " :addresses " + stringList(texts(vacation.addresses));
        block += ' ' + multiLineString(text(vacation.message), nl) + "    ;" + nl + "}" + nl;
    }

    if (!forward.address.isEmpty()) {
        const QByteArray redirect = QByteArray("redirect ") + (forward.keepCopy ? ":copy " : "") +
                                    quotedString(text(forward.address.trimmed())) + ';';
        if (forward.enabled)
            block += redirect + nl;
        else
            block += "if false" + nl + "{" + nl + "    " + redirect + nl + "}" + nl;
    }
    if (protectedSome)
        block.insert(setAt, "set " + quotedString(kDollarVariable) + " \"$\";" + nl);
    block += "# " + QByteArray(kEndMarker.data(), kEndMarker.size()) + nl;
    return block;
}

QByteArray SieveScriptBuilder::buildScript(const VacationSettings &vacation, const ForwardSettings &forward)
{
    return isEmpty(vacation, forward) ? QByteArray() : buildBlock(vacation, forward);
}

} // namespace Amiens
