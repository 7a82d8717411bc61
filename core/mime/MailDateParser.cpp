#include "MailDateParser.h"

#include <QDate>
#include <QTime>

namespace Amiens {

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isAlpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c;
}

/// A cursor over the value that reads '\0' past its end, as VMime read the byte after the value.
class Cursor
{
public:
    explicit Cursor(QByteArrayView value)
        : m_value(value)
    {
    }

    [[nodiscard]] bool atEnd() const { return m_pos >= m_value.size(); }
    [[nodiscard]] char peek(qsizetype ahead = 0) const
    {
        return m_pos + ahead < m_value.size() ? m_value[m_pos + ahead] : '\0';
    }
    void advance() { ++m_pos; }
    void skipSpaces()
    {
        while (!atEnd() && isSpace(peek()))
            ++m_pos;
    }
    void skipField()
    {
        while (!atEnd() && !isSpace(peek()))
            ++m_pos;
        skipSpaces();
    }
    /// A run of digits; wraps like VMime's int arithmetic on absurdly long runs.
    int number()
    {
        unsigned value = 0;
        while (!atEnd() && isDigit(peek())) {
            value = value * 10u + unsigned(peek() - '0');
            ++m_pos;
        }
        return int(value);
    }

private:
    QByteArrayView m_value;
    qsizetype m_pos = 0;
};

int monthFromName(const char name[3])
{
    switch (lower(name[0])) {
    case 'a':
        return lower(name[1]) == 'u' ? 8 : 4;
    case 'd':
        return 12;
    case 'f':
        return 2;
    case 'j':
        if (lower(name[1]) == 'u')
            return lower(name[2]) == 'l' ? 7 : 6;
        return 1;
    case 'm':
        return lower(name[1]) == 'a' && lower(name[2]) == 'y' ? 5 : 3;
    case 'n':
        return 11;
    case 'o':
        return 10;
    case 's':
        return 9;
    default:
        return 1;
    }
}

/// Minutes east of UTC for a zone name: RFC 5322's North American names, and the European ones
/// French mail carries ("CET", "CEST"). VMime 0.9.2 read only the first two letters ("CET" as
/// CDT, -5 h) and gave military letters the wrong sign; RFC 5322 §4.3 says to read those, and
/// any unknown name, as UTC.
int zoneFromName(QByteArrayView name)
{
    static const struct
    {
        const char *name;
        int minutes;
    } kZones[] = {{"ut", 0},     {"utc", 0},    {"gmt", 0},    {"z", 0},      {"est", -300}, {"edt", -240},
                  {"cst", -360}, {"cdt", -300}, {"mst", -420}, {"mdt", -360}, {"pst", -480}, {"pdt", -420},
                  {"wet", 0},    {"west", 60},  {"bst", 60},   {"cet", 60},   {"met", 60},   {"cest", 120},
                  {"mest", 120}, {"mesz", 120}, {"eet", 120},  {"eest", 180}};
    QByteArray lowered;
    for (const char c : name)
        lowered.append(lower(c));
    for (const auto &zone : kZones) {
        if (lowered == zone.name)
            return zone.minutes;
    }
    return 0;
}

} // namespace

QDateTime MailDateParser::parse(QByteArrayView value)
{
    int year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0, zone = 0;
    Cursor p(value);
    p.skipSpaces();
    if (!p.atEnd()) {
        if (isAlpha(p.peek())) { // day name, ignored
            while (!p.atEnd() && isAlpha(p.peek()))
                p.advance();
            p.skipSpaces();
            if (!p.atEnd() && p.peek() == ',')
                p.advance();
            p.skipSpaces();
        }

        bool dayParsed = false;
        if (!isAlpha(p.peek())) { // else a month first: the day may follow it
            while (!p.atEnd() && !isDigit(p.peek()))
                p.advance();
            if (!p.atEnd()) {
                const int number = p.number();
                day = number >= 1 && number <= 31 ? number : 1;
            } else {
                day = 1;
            }
            p.skipField();
            dayParsed = true;
        }

        if (!p.atEnd() && isAlpha(p.peek())) {
            char name[3] = {0, 0, 0};
            int length = 0;
            do {
                name[length++] = p.peek();
                p.advance();
            } while (length < 3 && !p.atEnd() && isAlpha(p.peek()));
            while (!p.atEnd() && isAlpha(p.peek()))
                p.advance();
            month = monthFromName(name);
            p.skipField();
        } else {
            month = 1;
            if (!isDigit(p.peek())) // a digit may be the year of an ill-formed date: kept
                p.skipField();
        }

        if (!dayParsed && !p.atEnd() && isDigit(p.peek())) {
            const int number = p.number();
            day = number >= 1 && number <= 31 ? number : 1;
            p.skipField();
        }

        if (!p.atEnd() && isDigit(p.peek())) {
            if (p.peek(2) == ':') {
                year = QDate::currentDate().year(); // no year: the time follows
            } else {
                const int number = p.number();
                year = number < 70 ? number + 2000 : number < 1000 ? number + 1900 : number;
                p.skipField();
            }
        } else {
            year = 1970;
            p.skipField();
        }

        if (!p.atEnd() && isDigit(p.peek())) {
            const int h = p.number();
            hour = h >= 0 && h <= 23 ? h : 0;
            p.skipSpaces();
            minute = 0;
            if (!p.atEnd() && p.peek() == ':') {
                p.advance();
                p.skipSpaces();
                if (!p.atEnd() && isDigit(p.peek())) {
                    const int m = p.number();
                    minute = m >= 0 && m <= 59 ? m : 0;
                    p.skipSpaces();
                    second = 0;
                    if (!p.atEnd() && p.peek() == ':') {
                        p.advance();
                        p.skipSpaces();
                        if (!p.atEnd() && isDigit(p.peek())) {
                            const int s = p.number();
                            second = s >= 0 && s <= 59 ? s : 0;
                            p.skipField();
                        }
                    }
                }
            }
        } else {
            hour = 0;
            p.skipField();
        }

        const char sign = p.peek();
        if ((sign == '+' || sign == '-') && !p.atEnd() && isDigit(p.peek(1))) {
            p.advance();
            unsigned minutes = 0;
            if (isDigit(p.peek()) && isDigit(p.peek(1)) && p.peek(2) == ':' && isDigit(p.peek(3))) {
                // "+01:00" (ISO 8601 style, from some web mailers): hours, then minutes.
                const unsigned hours = unsigned(p.number());
                p.advance();
                minutes = hours * 60u + unsigned(p.number()) % 60u;
            } else {
                const unsigned offset = unsigned(p.number());
                minutes = (offset / 100u) * 60u + offset % 100u;
            }
            zone = int(sign == '+' ? minutes : 0u - minutes);
        } else if (!p.atEnd() && isAlpha(p.peek())) {
            QByteArray name;
            while (!p.atEnd() && isAlpha(p.peek()) && name.size() < 8) {
                name.append(p.peek());
                p.advance();
            }
            zone = zoneFromName(name);
        } else {
            zone = 0;
        }
    }

    const QDate date(year, month, day);
    const QTime time(hour, minute, second);
    if (!date.isValid() || !time.isValid() || year < 1970)
        return {};
    return QDateTime(date, time, Qt::OffsetFromUTC, int(unsigned(zone) * 60u)).toUTC();
}

} // namespace Amiens
