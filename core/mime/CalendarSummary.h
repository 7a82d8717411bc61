#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>
#include <QString>
#include <QTimeZone>
#include <optional>

namespace Amiens {

/// The first event of an invitation (text/calendar), as much as a reader needs to see.
struct CalendarEvent
{
    QString method; ///< of the VCALENDAR, upper case: REQUEST, CANCEL, REPLY, PUBLISH… (may be empty)
    QString summary;
    /// UTC or zoned times as written; a "floating" time (no zone, RFC 5545 §3.3.5) is Qt::LocalTime
    /// and toText() shows it as written, in whatever zone it is asked for.
    QDateTime start;
    QDateTime end; ///< from DTEND or DTSTART + DURATION; for an all-day event, the day after the last
    bool allDay = false;
    QString location;
    QString organizerName;
    QString organizerAddress; ///< without "mailto:"
    QString description;
    bool cancelled = false; ///< STATUS:CANCELLED or METHOD:CANCEL
};

/// Reads an iCalendar invitation (RFC 5545) well enough to summarise it: METHOD and the first
/// VEVENT, with the zones that Outlook/Exchange, Google Calendar and Thunderbird really write.
/// Bounded for hostile input: at most kMaxInput bytes are read, logical lines are cut at
/// kMaxLineLength, reading stops after kMaxLines lines or past kMaxDepth nested components, and
/// nothing recurses.
class CalendarSummary
{
    Q_DECLARE_TR_FUNCTIONS(Amiens::CalendarSummary)

public:
    static constexpr qsizetype kMaxInput = 1024 * 1024;
    static constexpr qsizetype kMaxLineLength = 64 * 1024;
    static constexpr int kMaxLines = 100000;
    static constexpr int kMaxDepth = 16;

    /// The event, or nullopt when there is no VEVENT. The bytes are the transfer-decoded part:
    /// UTF-8, or Windows-1252/Latin-1 when they are not valid UTF-8.
    ///
    /// A TZID is resolved as an IANA id (also at the end of a "/mozilla.org/…/Europe/Paris"
    /// path), else as a Windows zone name ("Romance Standard Time"), else from the calendar's
    /// VTIMEZONE of that TZID: its STANDARD and DAYLIGHT offsets, switched by their yearly
    /// BYMONTH/BYDAY rules when both have one, else the STANDARD offset (else DAYLIGHT) as a fixed
    /// offset. A TZID that none of these resolves is read as floating time.
    [[nodiscard]] static std::optional<CalendarEvent> parse(const QByteArray &ics);

    /// A few lines for the reader, dates in @p locale and times in @p zone, e.g.
    /// "Invitation: Conseil pédagogique\nWhen: Friday 15 January 2027, 14:00 – 15:30\n
    /// Where: Salle B12\nOrganiser: Marie Dupont <marie.dupont@ac-amiens.fr>". Lines without a
    /// value are left out; so is the description, which the caller shows from the other parts.
    [[nodiscard]] static QString toText(const CalendarEvent &event, const QTimeZone &zone,
                                        const QLocale &locale);
};

} // namespace Amiens
