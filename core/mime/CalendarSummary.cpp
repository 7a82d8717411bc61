#include "CalendarSummary.h"

#include <QList>
#include <QStringDecoder>
#include <QStringList>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

constexpr int kMaxParameters = 32;
constexpr int kMaxTimeZones = 16;
constexpr qsizetype kMaxTzidLength = 256;

enum class Component
{
    Other,
    Calendar,
    Event,
    TimeZone,
    Standard,
    Daylight
};

/// DTSTART or DTEND as written; resolved once the whole calendar (and its VTIMEZONEs) is read.
struct RawTime
{
    QString value;
    QString tzid;
    bool dateValue = false; ///< VALUE=DATE
    bool present = false;
};

/// One STANDARD or DAYLIGHT observance of a VTIMEZONE, reduced to a yearly rule.
struct Observance
{
    bool present = false;
    int offsetSeconds = 0; ///< TZOFFSETTO
    QDate since;           ///< its DTSTART date, to prefer the newest observance
    QTime at;              ///< local wall time of the change
    int month = 0;         ///< RRULE BYMONTH; 0 when there is no usable yearly rule
    int week = 0;          ///< RRULE BYDAY ordinal: 1..5 from the start of the month, -1..-5 from its end
    int weekday = 0;       ///< 1 = Monday … 7 = Sunday
};

struct VTimeZone
{
    QString tzid;
    Observance standard;
    Observance daylight;
};

/// The bytes as text: UTF-8 when valid, else Windows-1252 (a superset of the Latin-1 that old
/// calendar exports write).
QString decodeText(QByteArrayView bytes)
{
    QStringDecoder utf8(QStringDecoder::Utf8);
    QString text = utf8.decode(bytes);
    if (utf8.hasError()) {
        QStringDecoder windows1252("windows-1252");
        text = windows1252.isValid() ? QString(windows1252.decode(bytes)) : QString::fromLatin1(bytes);
    }
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    return text;
}

bool is(QStringView value, QStringView name)
{
    return value.compare(name, Qt::CaseInsensitive) == 0;
}

/// "NAME;PARAM=…:value" cut in three; ':' and ';' inside quoted parameter values do not count.
bool splitLine(QStringView line, QStringView &name, QStringView &params, QStringView &value)
{
    qsizetype i = 0;
    while (i < line.size() && line[i] != u';' && line[i] != u':')
        ++i;
    name = line.first(i).trimmed();
    const qsizetype paramsStart = i;
    bool quoted = false;
    for (; i < line.size(); ++i) {
        if (line[i] == u'"')
            quoted = !quoted;
        else if (line[i] == u':' && !quoted)
            break;
    }
    if (i >= line.size())
        return false;
    params = line.sliced(paramsStart, i - paramsStart);
    value = line.sliced(i + 1);
    return !name.isEmpty();
}

/// RFC 6868: ^' is a double quote, ^n a line break, ^^ a caret.
QString decodeCarets(QStringView value)
{
    if (!value.contains(u'^'))
        return value.toString();
    QString out;
    out.reserve(value.size());
    for (qsizetype i = 0; i < value.size(); ++i) {
        if (value[i] == u'^' && i + 1 < value.size()) {
            const QChar next = value[i + 1];
            if (next == u'\'' || next == u'n' || next == u'N' || next == u'^') {
                out += next == u'\'' ? QChar(u'"') : next == u'^' ? QChar(u'^') : QChar(u' ');
                ++i;
                continue;
            }
        }
        out += value[i];
    }
    return out;
}

/// The value of parameter @p wanted in ";A=1;B="x;y"", unquoted; empty when absent.
QString parameter(QStringView params, QStringView wanted)
{
    qsizetype i = 0;
    for (int count = 0; i < params.size() && count < kMaxParameters; ++count) {
        while (i < params.size() && params[i] == u';')
            ++i;
        const qsizetype nameStart = i;
        while (i < params.size() && params[i] != u'=' && params[i] != u';')
            ++i;
        const QStringView name = params.sliced(nameStart, i - nameStart).trimmed();
        if (i >= params.size() || params[i] == u';')
            continue;
        ++i; // '='
        QStringView value;
        if (i < params.size() && params[i] == u'"') {
            const qsizetype start = ++i;
            while (i < params.size() && params[i] != u'"')
                ++i;
            value = params.sliced(start, i - start);
            while (i < params.size() && params[i] != u';')
                ++i;
        } else {
            const qsizetype start = i;
            while (i < params.size() && params[i] != u';')
                ++i;
            value = params.sliced(start, i - start).trimmed();
        }
        if (is(name, wanted))
            return decodeCarets(value);
    }
    return {};
}

/// RFC 5545 §3.3.11 TEXT: \, \; \\ and \n (or \N) for a line break.
QString unescapeText(QStringView value)
{
    QString out;
    out.reserve(value.size());
    for (qsizetype i = 0; i < value.size(); ++i) {
        if (value[i] == u'\\' && i + 1 < value.size()) {
            const QChar next = value[++i];
            out += next == u'n' || next == u'N' ? QChar(u'\n') : next;
        } else {
            out += value[i];
        }
    }
    return out;
}

std::optional<int> digits(QStringView text, qsizetype from, qsizetype count)
{
    if (from + count > text.size())
        return std::nullopt;
    int value = 0;
    for (qsizetype i = from; i < from + count; ++i) {
        if (text[i] < u'0' || text[i] > u'9')
            return std::nullopt;
        value = value * 10 + (text[i].unicode() - u'0');
    }
    return value;
}

QDate parseDate(QStringView text)
{
    const auto year = digits(text, 0, 4);
    const auto month = digits(text, 4, 2);
    const auto day = digits(text, 6, 2);
    if (!year || !month || !day)
        return {};
    return QDate(*year, *month, *day);
}

/// "HHMMSS" at @p from (seconds optional, as some exporters drop them).
QTime parseTime(QStringView text, qsizetype from)
{
    const auto hour = digits(text, from, 2);
    const auto minute = digits(text, from + 2, 2);
    const auto second = digits(text, from + 4, 2);
    if (!hour || !minute)
        return {};
    return QTime(*hour, *minute, second.value_or(0));
}

/// "+0100", "-0530" or "+010000" as seconds east of UTC.
std::optional<int> parseOffset(QStringView text)
{
    text = text.trimmed();
    if (text.size() < 5 || (text[0] != u'+' && text[0] != u'-'))
        return std::nullopt;
    const auto hours = digits(text, 1, 2);
    const auto minutes = digits(text, 3, 2);
    if (!hours || !minutes || *hours > 23 || *minutes > 59)
        return std::nullopt;
    const int seconds = digits(text, 5, 2).value_or(0);
    const int total = *hours * 3600 + *minutes * 60 + seconds;
    return text[0] == u'-' ? -total : total;
}

/// A yearly "FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU" rule into @p observance; other rules are ignored.
void parseYearlyRule(QStringView rule, Observance &observance)
{
    int month = 0;
    int week = 0;
    int weekday = 0;
    bool yearly = false;
    int parts = 0;
    for (const QStringView part : rule.split(u';')) {
        if (++parts > kMaxParameters)
            break;
        const qsizetype equals = part.indexOf(u'=');
        if (equals < 0)
            continue;
        const QStringView key = part.first(equals);
        const QStringView value = part.sliced(equals + 1);
        if (is(key, u"FREQ")) {
            yearly = is(value, u"YEARLY");
        } else if (is(key, u"BYMONTH")) {
            month = value.toInt();
        } else if (is(key, u"BYDAY") && value.size() >= 3 && value.size() <= 4) {
            static constexpr QStringView kDays[] = {u"MO", u"TU", u"WE", u"TH", u"FR", u"SA", u"SU"};
            const QStringView day = value.last(2);
            for (int d = 0; d < 7; ++d) {
                if (is(day, kDays[d]))
                    weekday = d + 1;
            }
            week = value.first(value.size() - 2).toInt();
        }
    }
    if (yearly && month >= 1 && month <= 12 && week != 0 && week >= -5 && week <= 5 && weekday != 0) {
        observance.month = month;
        observance.week = week;
        observance.weekday = weekday;
    }
}

/// The day of @p year on which the observance's yearly rule applies ("last Sunday of October").
QDate ruleDate(const Observance &observance, int year)
{
    if (observance.week > 0) {
        QDate date(year, observance.month, 1);
        date = date.addDays((observance.weekday - date.dayOfWeek() + 7) % 7);
        const QDate nth = date.addDays(7 * (observance.week - 1));
        while (date.addDays(7).month() == observance.month && date < nth)
            date = date.addDays(7);
        return date;
    }
    QDate date(year, observance.month, QDate(year, observance.month, 1).daysInMonth());
    date = date.addDays(-((date.dayOfWeek() - observance.weekday + 7) % 7));
    const QDate nth = date.addDays(7 * (observance.week + 1));
    while (date.addDays(-7).month() == observance.month && date > nth)
        date = date.addDays(-7);
    return date;
}

/// The offset from UTC of local @p when in a zone known only by its VTIMEZONE.
std::optional<int> vtimezoneOffset(const VTimeZone &zone, const QDateTime &when)
{
    const Observance &standard = zone.standard;
    const Observance &daylight = zone.daylight;
    if (standard.present && daylight.present && standard.month != 0 && daylight.month != 0) {
        const int year = when.date().year();
        const QDateTime summerStart(ruleDate(daylight, year), daylight.at);
        const QDateTime winterStart(ruleDate(standard, year), standard.at);
        const bool summer = summerStart < winterStart ? when >= summerStart && when < winterStart
                                                      : when >= summerStart || when < winterStart;
        return summer ? daylight.offsetSeconds : standard.offsetSeconds;
    }
    if (standard.present)
        return standard.offsetSeconds;
    if (daylight.present)
        return daylight.offsetSeconds;
    return std::nullopt;
}

/// An IANA zone for @p tzid: the id itself, the "Area/City" at the end of a path such as
/// "/mozilla.org/20070129_1/Europe/Paris", or the IANA zone of a Windows zone name.
QTimeZone namedZone(const QString &tzid)
{
    if (tzid.isEmpty() || tzid.size() > kMaxTzidLength)
        return {};
    const QByteArray id = tzid.toUtf8();
    if (QTimeZone::isTimeZoneIdAvailable(id))
        return QTimeZone(id);
    if (tzid.count(u'/') >= 2) {
        const qsizetype last = tzid.lastIndexOf(u'/');
        const qsizetype area = tzid.lastIndexOf(u'/', last - 1);
        const QByteArray tail = tzid.sliced(area + 1).toUtf8();
        if (QTimeZone::isTimeZoneIdAvailable(tail))
            return QTimeZone(tail);
    }
    const QByteArray iana = QTimeZone::windowsIdToDefaultIanaId(id);
    if (!iana.isEmpty())
        return QTimeZone(iana);
    return {};
}

QDateTime resolveTime(const RawTime &raw, const QList<VTimeZone> &zones, bool *allDay)
{
    const QStringView value = QStringView(raw.value).trimmed();
    const QDate date = parseDate(value);
    if (!date.isValid())
        return {};
    if (raw.dateValue || value.size() == 8) {
        if (allDay)
            *allDay = true;
        return QDateTime(date, QTime(0, 0));
    }
    if (value.size() < 13 || (value[8] != u'T' && value[8] != u't'))
        return {};
    const QTime time = parseTime(value, 9);
    if (!time.isValid())
        return {};
    if (value.endsWith(u'Z') || value.endsWith(u'z'))
        return QDateTime(date, time, QTimeZone::utc());
    const QDateTime floating(date, time);
    if (raw.tzid.isEmpty())
        return floating;
    const QTimeZone zone = namedZone(raw.tzid);
    if (zone.isValid())
        return QDateTime(date, time, zone);
    for (const VTimeZone &defined : zones) {
        if (defined.tzid != raw.tzid)
            continue;
        if (const auto offset = vtimezoneOffset(defined, floating))
            return QDateTime(date, time, QTimeZone(*offset));
    }
    return floating;
}

/// RFC 5545 §3.3.6 "P1D", "PT1H30M", "P1W", "P1DT2H": days (nominal) and seconds.
struct Duration
{
    qint64 days = 0;
    qint64 seconds = 0;
};

std::optional<Duration> parseDuration(QStringView text)
{
    text = text.trimmed();
    if (text.startsWith(u'+'))
        text = text.sliced(1);
    if (text.isEmpty() || (text[0] != u'P' && text[0] != u'p'))
        return std::nullopt; // negative durations make no sense for an event's length
    Duration duration;
    bool inTime = false;
    qint64 number = -1;
    for (qsizetype i = 1; i < text.size(); ++i) {
        const QChar c = text[i].toUpper();
        if (c.isDigit()) {
            if (number > 100000000)
                return std::nullopt;
            number = (number < 0 ? 0 : number * 10) + c.digitValue();
            continue;
        }
        if (c == u'T') {
            inTime = true;
            continue;
        }
        if (number < 0)
            return std::nullopt;
        if (c == u'W' && !inTime)
            duration.days += number * 7;
        else if (c == u'D' && !inTime)
            duration.days += number;
        else if (c == u'H' && inTime)
            duration.seconds += number * 3600;
        else if (c == u'M' && inTime)
            duration.seconds += number * 60;
        else if (c == u'S' && inTime)
            duration.seconds += number;
        else
            return std::nullopt;
        number = -1;
    }
    return duration;
}

/// Reads content lines one at a time; BEGIN/END only move a depth counter, so nested components
/// cost nothing but that counter.
class Reader
{
public:
    /// False when reading must stop (components nested too deep).
    bool feed(QStringView line);
    std::optional<CalendarEvent> finish() const;

private:
    void eventProperty(QStringView name, QStringView params, QStringView value);
    void zoneProperty(QStringView name, QStringView value);

    Component m_stack[CalendarSummary::kMaxDepth] = {};
    int m_depth = 0;
    int m_eventDepth = 0; ///< depth of the first VEVENT while inside it, else 0
    bool m_eventSeen = false;
    int m_zoneDepth = 0;                       ///< depth of the VTIMEZONE being read, else 0
    Component m_observance = Component::Other; ///< STANDARD or DAYLIGHT while reading one
    Observance m_pending;                      ///< the observance being read, kept if newer than the zone's

    QString m_method;
    QString m_summary;
    QString m_location;
    QString m_description;
    QString m_status;
    QString m_organizerName;
    QString m_organizerAddress;
    QString m_duration;
    RawTime m_start;
    RawTime m_end;
    QList<VTimeZone> m_zones;
};

Component componentOf(QStringView name)
{
    if (is(name, u"VCALENDAR"))
        return Component::Calendar;
    if (is(name, u"VEVENT"))
        return Component::Event;
    if (is(name, u"VTIMEZONE"))
        return Component::TimeZone;
    if (is(name, u"STANDARD"))
        return Component::Standard;
    if (is(name, u"DAYLIGHT"))
        return Component::Daylight;
    return Component::Other;
}

bool Reader::feed(QStringView line)
{
    QStringView name;
    QStringView params;
    QStringView value;
    if (!splitLine(line, name, params, value))
        return true;

    if (is(name, u"BEGIN")) {
        if (m_depth >= CalendarSummary::kMaxDepth)
            return false;
        const Component component = componentOf(value.trimmed());
        m_stack[m_depth++] = component;
        const bool topLevel = m_depth == 1 || (m_depth == 2 && m_stack[0] == Component::Calendar);
        if (component == Component::Event && topLevel && !m_eventSeen) {
            m_eventSeen = true;
            m_eventDepth = m_depth;
        } else if (component == Component::TimeZone && topLevel && m_zones.size() < kMaxTimeZones) {
            m_zones.append(VTimeZone());
            m_zoneDepth = m_depth;
        } else if ((component == Component::Standard || component == Component::Daylight) && m_zoneDepth &&
                   m_depth == m_zoneDepth + 1) {
            m_observance = component;
            m_pending = {};
            m_pending.present = true;
        }
        return true;
    }
    if (is(name, u"END")) {
        if (m_depth == 0)
            return true;
        if (m_depth == m_eventDepth)
            m_eventDepth = 0;
        if (m_observance != Component::Other && m_depth == m_zoneDepth + 1) {
            // Several observances of one kind: the newest describes today's rules.
            VTimeZone &zone = m_zones.last();
            Observance &kept = m_observance == Component::Standard ? zone.standard : zone.daylight;
            if (!kept.present || m_pending.since >= kept.since)
                kept = m_pending;
            m_observance = Component::Other;
        }
        if (m_depth == m_zoneDepth)
            m_zoneDepth = 0;
        --m_depth;
        return true;
    }

    if (m_eventDepth && m_depth == m_eventDepth)
        eventProperty(name, params, value);
    else if (m_zoneDepth && m_depth >= m_zoneDepth && m_depth <= m_zoneDepth + 1)
        zoneProperty(name, value);
    else if (m_depth == 1 && m_stack[0] == Component::Calendar && is(name, u"METHOD") && m_method.isEmpty())
        m_method = value.trimmed().toString().toUpper();
    return true;
}

void Reader::eventProperty(QStringView name, QStringView params, QStringView value)
{
    const auto setOnce = [](QString &field, QString text) {
        if (field.isEmpty())
            field = std::move(text);
    };
    const auto setTime = [&](RawTime &time) {
        if (time.present)
            return;
        time.present = true;
        time.value = value.toString();
        time.tzid = parameter(params, u"TZID");
        time.dateValue = is(parameter(params, u"VALUE"), u"DATE");
    };
    if (is(name, u"SUMMARY")) {
        setOnce(m_summary, unescapeText(value));
    } else if (is(name, u"LOCATION")) {
        setOnce(m_location, unescapeText(value));
    } else if (is(name, u"DESCRIPTION")) {
        setOnce(m_description, unescapeText(value));
    } else if (is(name, u"STATUS")) {
        setOnce(m_status, value.trimmed().toString());
    } else if (is(name, u"DURATION")) {
        setOnce(m_duration, value.toString());
    } else if (is(name, u"DTSTART")) {
        setTime(m_start);
    } else if (is(name, u"DTEND")) {
        setTime(m_end);
    } else if (is(name, u"ORGANIZER") && m_organizerAddress.isEmpty() && m_organizerName.isEmpty()) {
        m_organizerName = parameter(params, u"CN").trimmed();
        QStringView address = value.trimmed();
        if (address.startsWith(u"mailto:", Qt::CaseInsensitive))
            address = address.sliced(7);
        m_organizerAddress = address.trimmed().toString();
    }
}

void Reader::zoneProperty(QStringView name, QStringView value)
{
    if (m_depth == m_zoneDepth) {
        if (is(name, u"TZID") && m_zones.last().tzid.isEmpty())
            m_zones.last().tzid = unescapeText(value.trimmed()); // a TEXT value, unlike the parameter
        return;
    }
    if (m_observance == Component::Other)
        return;
    if (is(name, u"TZOFFSETTO")) {
        if (const auto offset = parseOffset(value))
            m_pending.offsetSeconds = *offset;
    } else if (is(name, u"DTSTART")) {
        const QStringView start = value.trimmed();
        m_pending.since = parseDate(start);
        m_pending.at = start.size() >= 13 ? parseTime(start, 9) : QTime(0, 0);
        if (!m_pending.at.isValid())
            m_pending.at = QTime(0, 0);
    } else if (is(name, u"RRULE")) {
        parseYearlyRule(value, m_pending);
    }
}

std::optional<CalendarEvent> Reader::finish() const
{
    if (!m_eventSeen)
        return std::nullopt;
    CalendarEvent event;
    event.method = m_method;
    event.summary = m_summary;
    event.location = m_location;
    event.description = m_description;
    event.organizerName = m_organizerName;
    event.organizerAddress = m_organizerAddress;
    event.cancelled = is(m_status, u"CANCELLED") || m_method == u"CANCEL";
    if (m_start.present)
        event.start = resolveTime(m_start, m_zones, &event.allDay);
    if (m_end.present)
        event.end = resolveTime(m_end, m_zones, nullptr);
    if (!event.end.isValid() && event.start.isValid() && !m_duration.isEmpty()) {
        if (const auto duration = parseDuration(m_duration))
            event.end = event.start.addDays(duration->days).addSecs(duration->seconds);
    }
    if (event.end.isValid() && event.end < event.start)
        event.end = {};
    return event;
}

/// One line of the summary: line breaks in a value would break the layout.
QString oneLine(const QString &value)
{
    return value.simplified();
}

} // namespace

std::optional<CalendarEvent> CalendarSummary::parse(const QByteArray &ics)
{
    // RFC 5545 §3.1: a line break followed by a space or tab is removed. This is done on the bytes,
    // as Google and others fold inside a multi-byte UTF-8 sequence.
    const QByteArrayView input = QByteArrayView(ics).first(std::min(ics.size(), kMaxInput));
    QByteArray unfolded;
    unfolded.reserve(input.size());
    for (qsizetype i = 0; i < input.size(); ++i) {
        const char c = input[i];
        const auto foldAt = [&](qsizetype next) {
            return next < input.size() && (input[next] == ' ' || input[next] == '\t');
        };
        if (c == '\r' && i + 1 < input.size() && input[i + 1] == '\n' && foldAt(i + 2))
            i += 2;
        else if (c == '\n' && foldAt(i + 1))
            i += 1;
        else
            unfolded += c;
    }
    const QString text = decodeText(unfolded);

    Reader reader;
    int lines = 0;
    qsizetype position = 0;
    while (position < text.size()) {
        qsizetype end = text.indexOf(u'\n', position);
        if (end < 0)
            end = text.size();
        QStringView line = QStringView(text).sliced(position, end - position);
        position = end + 1;
        if (line.endsWith(u'\r'))
            line.chop(1);
        if (++lines > kMaxLines || !reader.feed(line.first(std::min(line.size(), kMaxLineLength))))
            break;
    }
    return reader.finish();
}

QString CalendarSummary::toText(const CalendarEvent &event, const QTimeZone &zone, const QLocale &locale)
{
    QStringList lines;
    QString title = oneLine(event.summary);
    if (title.isEmpty())
        title = tr("(no title)");
    if (event.cancelled)
        lines << tr("Cancelled: %1").arg(title);
    else if (event.method == u"REPLY")
        lines << tr("Reply to an invitation: %1").arg(title);
    else if (event.method == u"PUBLISH")
        lines << tr("Event: %1").arg(title);
    else
        lines << tr("Invitation: %1").arg(title);

    const auto dateText = [&](const QDate &date) {
        return locale.toString(date, u"dddd d MMMM yyyy"_s);
    };
    const auto timeText = [](const QTime &time) {
        return time.toString(u"HH:mm"_s);
    };
    // Floating times are wall-clock times wherever the reader is.
    const auto shown = [&](const QDateTime &when) {
        if (when.timeSpec() == Qt::LocalTime)
            return when;
        return zone.isValid() ? when.toTimeZone(zone) : when.toLocalTime();
    };
    if (event.start.isValid() && event.allDay) {
        const QDate first = event.start.date();
        const QDate last = event.end.isValid() ? event.end.date().addDays(-1) : first;
        if (last > first)
            lines << tr("When: %1 – %2").arg(dateText(first), dateText(last));
        else
            lines << tr("When: %1").arg(dateText(first));
    } else if (event.start.isValid()) {
        const QDateTime start = shown(event.start);
        const QString startDate = dateText(start.date());
        if (event.end.isValid() && event.end > event.start) {
            const QDateTime end = shown(event.end);
            if (end.date() == start.date())
                lines << tr("When: %1, %2 – %3").arg(startDate, timeText(start.time()), timeText(end.time()));
            else
                lines << tr("When: %1, %2 – %3, %4")
                             .arg(startDate, timeText(start.time()), dateText(end.date()),
                                  timeText(end.time()));
        } else {
            lines << tr("When: %1, %2").arg(startDate, timeText(start.time()));
        }
    }
    const QString location = oneLine(event.location);
    if (!location.isEmpty())
        lines << tr("Where: %1").arg(location);
    const QString name = oneLine(event.organizerName);
    const QString address = oneLine(event.organizerAddress);
    if (!name.isEmpty() && !address.isEmpty() && name.compare(address, Qt::CaseInsensitive) != 0)
        lines << tr("Organiser: %1 <%2>").arg(name, address);
    else if (!name.isEmpty() || !address.isEmpty())
        lines << tr("Organiser: %1").arg(address.isEmpty() ? name : address);
    return lines.join(u'\n');
}

} // namespace Amiens
