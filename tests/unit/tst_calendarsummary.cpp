// Invitations (text/calendar) as Exchange, Google Calendar and Thunderbird write them, and hostile
// calendars, read into a short summary in the reader's zone and language.
#include "mime/CalendarSummary.h"

#include <QElapsedTimer>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Amiens;

namespace {

/// The fixtures are written with LF; mailers send CRLF, which is what the parser sees most.
QByteArray crlf(const char *text)
{
    return QByteArray(text).replace("\n", "\r\n");
}

const QTimeZone kParis("Europe/Paris");
const QLocale kFrench(QLocale::French, QLocale::France);

QString frenchSummary(const QByteArray &ics)
{
    const auto event = CalendarSummary::parse(ics);
    if (!event)
        return u"<no event>"_s;
    return CalendarSummary::toText(*event, kParis, kFrench);
}

// Exchange 2016 invitation: Windows zone name as TZID, its VTIMEZONE, a VALARM with its own
// DESCRIPTION, LANGUAGE parameters.
const char kExchange[] = R"(BEGIN:VCALENDAR
METHOD:REQUEST
PRODID:Microsoft Exchange Server 2010
VERSION:2.0
BEGIN:VTIMEZONE
TZID:Romance Standard Time
BEGIN:STANDARD
DTSTART:16010101T030000
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:16010101T020000
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3
END:DAYLIGHT
END:VTIMEZONE
BEGIN:VEVENT
ORGANIZER;CN=Marie Dupont:mailto:marie.dupont@ac-amiens.fr
ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN=Paul Martin:mailto:paul.ma
 rtin@ac-amiens.fr
DESCRIPTION;LANGUAGE=fr-FR:Ordre du jour :\n- projets de l'année\n- questions
  diverses\n
UID:040000008200E00074C5B7101A82E00800000000B0B3C1D2E3F4D901000000000000000010000000
SUMMARY;LANGUAGE=fr-FR:Conseil pédagogique
DTSTART;TZID=Romance Standard Time:20270115T140000
DTEND;TZID=Romance Standard Time:20270115T153000
CLASS:PUBLIC
PRIORITY:5
DTSTAMP:20261220T101500Z
TRANSP:OPAQUE
STATUS:CONFIRMED
SEQUENCE:0
LOCATION;LANGUAGE=fr-FR:Salle B12
X-MICROSOFT-CDO-IMPORTANCE:1
BEGIN:VALARM
DESCRIPTION:REMINDER
TRIGGER;RELATED=START:-PT15M
ACTION:DISPLAY
END:VALARM
END:VEVENT
END:VCALENDAR
)";

// Google Calendar: UTC times, a CN with a comma (so quoted), DESCRIPTION folded at 75 octets,
// once inside the two bytes of "é".
const char kGoogle[] = "BEGIN:VCALENDAR\n"
                       "PRODID:-//Google Inc//Google Calendar 70.9054//EN\n"
                       "VERSION:2.0\n"
                       "CALSCALE:GREGORIAN\n"
                       "METHOD:REQUEST\n"
                       "BEGIN:VEVENT\n"
                       "DTSTART:20270115T130000Z\n"
                       "DTEND:20270115T143000Z\n"
                       "DTSTAMP:20261221T091512Z\n"
                       "ORGANIZER;CN=\"Dupont, Marie\":mailto:marie.dupont@ac-amiens.fr\n"
                       "UID:5v2k0q8d6c1m3r7t9b4n2h0j8f@google.com\n"
                       "ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=TRUE\n"
                       " ;CN=\"Dupont, Marie\";X-NUM-GUESTS=0:mailto:marie.dupont@ac-amiens.fr\n"
                       "DESCRIPTION:Bonjour\\,\\n\\nVoici l'ordre du jour de la r\xc3\n"
                       " \xa9union de rentr\xc3\xa9"
                       "e\\; mer\n"
                       " ci de le lire avant.\\n\\n-::~:~::~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~\n"
                       " :~:~:~:~:~::~:~::-\n"
                       "LOCATION:Coll\xc3\xa8ge Jules Verne\\, 12 rue des \xc3\x89"
                       "coles\\, Amiens\n"
                       "SEQUENCE:0\n"
                       "STATUS:CONFIRMED\n"
                       "SUMMARY:R\xc3\xa9union de rentr\xc3\xa9"
                       "e\n"
                       "TRANSP:OPAQUE\n"
                       "END:VEVENT\n"
                       "END:VCALENDAR\n";

// Thunderbird/Lightning: IANA TZID with its VTIMEZONE, organizer without CN.
const char kThunderbird[] = R"(BEGIN:VCALENDAR
PRODID:-//Mozilla.org/NONSGML Mozilla Calendar V1.1//EN
VERSION:2.0
METHOD:REQUEST
BEGIN:VTIMEZONE
TZID:Europe/Paris
X-LIC-LOCATION:Europe/Paris
BEGIN:DAYLIGHT
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
TZNAME:CEST
DTSTART:19700329T020000
RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3
END:DAYLIGHT
BEGIN:STANDARD
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
TZNAME:CET
DTSTART:19701025T030000
RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10
END:STANDARD
END:VTIMEZONE
BEGIN:VEVENT
CREATED:20261215T081012Z
LAST-MODIFIED:20261215T081203Z
DTSTAMP:20261215T081203Z
UID:8f0e6b9c-3c1d-4a5e-9b7f-2d4c6e8a0b1c
SUMMARY:Conseil de classe 3e B
ORGANIZER;RSVP=TRUE;PARTSTAT=ACCEPTED;ROLE=CHAIR:mailto:paul.martin@ac-amiens.fr
ATTENDEE;RSVP=TRUE;PARTSTAT=NEEDS-ACTION;ROLE=REQ-PARTICIPANT:mailto:marie.dupont@ac-amiens.fr
DTSTART;TZID=Europe/Paris:20270325T173000
DTEND;TZID=Europe/Paris:20270325T190000
LOCATION:CDI
SEQUENCE:0
X-MOZ-GENERATION:1
END:VEVENT
END:VCALENDAR
)";

QByteArray calendar(const char *properties, const char *method = "REQUEST")
{
    return crlf("BEGIN:VCALENDAR\nVERSION:2.0\nMETHOD:") + method + "\r\nBEGIN:VEVENT\r\n" +
           crlf(properties) + "END:VEVENT\r\nEND:VCALENDAR\r\n";
}

} // namespace

class TestCalendarSummary : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void exchangeWindowsZone();
    void exchangeQuotedWindowsZoneInSummer();
    void outlookZoneKnownOnlyByItsVtimezone();
    void vtimezoneWithoutRulesIsAFixedOffset();
    void googleUtcAndFolding();
    void thunderbirdIanaZone();
    void mozillaPathZone();
    void floatingTimeShownAsWritten();
    void allDay();
    void durationInsteadOfEnd();
    void cancelAndReply();
    void quotedParametersAndEscapes();
    void latin1Bytes();
    void lfOnlyAndEmptyValues();
    void brokenCalendars();
    void bombsFinishFast_data();
    void bombsFinishFast();
};

void TestCalendarSummary::exchangeWindowsZone()
{
    const auto parsed = CalendarSummary::parse(crlf(kExchange));
    QVERIFY(parsed);
    QCOMPARE(parsed->method, u"REQUEST"_s);
    QCOMPARE(parsed->start.toUTC(), QDateTime(QDate(2027, 1, 15), QTime(13, 0), QTimeZone::utc()));
    QCOMPARE(parsed->end.toUTC(), QDateTime(QDate(2027, 1, 15), QTime(14, 30), QTimeZone::utc()));
    QVERIFY(!parsed->allDay);
    QVERIFY(!parsed->cancelled);
    QCOMPARE(parsed->organizerName, u"Marie Dupont"_s);
    QCOMPARE(parsed->organizerAddress, u"marie.dupont@ac-amiens.fr"_s);
    // The event's own description, not the alarm's; folded lines joined without their space.
    QCOMPARE(parsed->description, u"Ordre du jour :\n- projets de l'année\n- questions diverses\n"_s);
    QCOMPARE(CalendarSummary::toText(*parsed, kParis, kFrench),
             u"Invitation: Conseil pédagogique\n"
             u"When: vendredi 15 janvier 2027, 14:00 – 15:30\n"
             u"Where: Salle B12\n"
             u"Organiser: Marie Dupont <marie.dupont@ac-amiens.fr>"_s);
    QCOMPARE(CalendarSummary::toText(*parsed, kParis, QLocale(QLocale::English, QLocale::UnitedKingdom)),
             u"Invitation: Conseil pédagogique\n"
             u"When: Friday 15 January 2027, 14:00 – 15:30\n"
             u"Where: Salle B12\n"
             u"Organiser: Marie Dupont <marie.dupont@ac-amiens.fr>"_s);
    // Another reader's zone moves the times, and the date when it has to.
    QCOMPARE(CalendarSummary::toText(*parsed, QTimeZone("Pacific/Noumea"), kFrench).section(u'\n', 1, 1),
             u"When: samedi 16 janvier 2027, 00:00 – 01:30"_s);
}

void TestCalendarSummary::exchangeQuotedWindowsZoneInSummer()
{
    const QByteArray ics = calendar("SUMMARY:Jury du brevet\n"
                                    "DTSTART;TZID=\"W. Europe Standard Time\":20270610T090000\n"
                                    "DTEND;TZID=\"W. Europe Standard Time\":20270610T120000\n");
    const auto parsed = CalendarSummary::parse(ics);
    QVERIFY(parsed);
    QCOMPARE(parsed->start.toUTC(), QDateTime(QDate(2027, 6, 10), QTime(7, 0), QTimeZone::utc()));
    QCOMPARE(frenchSummary(ics), u"Invitation: Jury du brevet\nWhen: jeudi 10 juin 2027, 09:00 – 12:00"_s);
}

void TestCalendarSummary::outlookZoneKnownOnlyByItsVtimezone()
{
    // Outlook.com and recent Exchange name the zone by its display name, which maps to nothing.
    const char *zone = "BEGIN:VCALENDAR\n"
                       "METHOD:REQUEST\n"
                       "BEGIN:VTIMEZONE\n"
                       "TZID:(UTC+01:00) Bruxelles\\, Copenhague\\, Madrid\\, Paris\n"
                       "BEGIN:STANDARD\n"
                       "DTSTART:16010101T030000\n"
                       "TZOFFSETFROM:+0200\n"
                       "TZOFFSETTO:+0100\n"
                       "RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10\n"
                       "END:STANDARD\n"
                       "BEGIN:DAYLIGHT\n"
                       "DTSTART:16010101T020000\n"
                       "TZOFFSETFROM:+0100\n"
                       "TZOFFSETTO:+0200\n"
                       "RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3\n"
                       "END:DAYLIGHT\n"
                       "END:VTIMEZONE\n"
                       "BEGIN:VEVENT\n"
                       "SUMMARY:Stage de pré-rentrée\n"
                       "DTSTART;TZID=\"(UTC+01:00) Bruxelles, Copenhague, Madrid, Paris\":%1T100000\n"
                       "DTEND;TZID=\"(UTC+01:00) Bruxelles, Copenhague, Madrid, Paris\":%1T113000\n"
                       "END:VEVENT\n"
                       "END:VCALENDAR\n";
    const auto at = [&](const char *day) {
        return CalendarSummary::parse(crlf(zone).replace("%1", day));
    };
    // Summer: the DAYLIGHT offset; winter: the STANDARD one; the last Sunday of March at 02:00
    // and of October at 03:00 are the edges.
    QCOMPARE(at("20270826")->start.offsetFromUtc(), 7200);
    QCOMPARE(at("20270115")->start.offsetFromUtc(), 3600);
    QCOMPARE(at("20270327")->start.offsetFromUtc(), 3600);
    QCOMPARE(at("20270328")->start.offsetFromUtc(), 7200);
    QCOMPARE(at("20271030")->start.offsetFromUtc(), 7200);
    QCOMPARE(at("20271031")->start.offsetFromUtc(), 3600);
    QCOMPARE(CalendarSummary::toText(*at("20270826"), kParis, kFrench),
             u"Invitation: Stage de pré-rentrée\nWhen: jeudi 26 août 2027, 10:00 – 11:30"_s);
}

void TestCalendarSummary::vtimezoneWithoutRulesIsAFixedOffset()
{
    const QByteArray ics = crlf("BEGIN:VCALENDAR\n"
                                "BEGIN:VTIMEZONE\n"
                                "TZID:Heure de Pondichéry\n"
                                "BEGIN:STANDARD\n"
                                "DTSTART:19700101T000000\n"
                                "TZOFFSETFROM:+0530\n"
                                "TZOFFSETTO:+0530\n"
                                "END:STANDARD\n"
                                "END:VTIMEZONE\n"
                                "BEGIN:VEVENT\n"
                                "SUMMARY:Visioconférence avec le lycée français\n"
                                "DTSTART;TZID=Heure de Pondichéry:20270115T100000\n"
                                "END:VEVENT\n"
                                "END:VCALENDAR\n");
    const auto parsed = CalendarSummary::parse(ics);
    QVERIFY(parsed);
    QCOMPARE(parsed->start.offsetFromUtc(), 5 * 3600 + 1800);
    QCOMPARE(CalendarSummary::toText(*parsed, kParis, kFrench),
             u"Invitation: Visioconférence avec le lycée français\nWhen: vendredi 15 janvier 2027, 05:30"_s);
}

void TestCalendarSummary::googleUtcAndFolding()
{
    const auto parsed = CalendarSummary::parse(crlf(kGoogle));
    QVERIFY(parsed);
    QCOMPARE(parsed->organizerName, u"Dupont, Marie"_s);
    QVERIFY(parsed->description.startsWith(
        u"Bonjour,\n\nVoici l'ordre du jour de la réunion de rentrée; merci de le lire avant.\n\n-::~"_s));
    QVERIFY(parsed->description.endsWith(u":~:~::-"_s));
    // 13:00Z in winter is 14:00 in Paris.
    QCOMPARE(CalendarSummary::toText(*parsed, kParis, kFrench),
             u"Invitation: Réunion de rentrée\n"
             u"When: vendredi 15 janvier 2027, 14:00 – 15:30\n"
             u"Where: Collège Jules Verne, 12 rue des Écoles, Amiens\n"
             u"Organiser: Dupont, Marie <marie.dupont@ac-amiens.fr>"_s);
    // Bare LF line ends fold the same way.
    QCOMPARE(frenchSummary(QByteArray(kGoogle)), CalendarSummary::toText(*parsed, kParis, kFrench));
}

void TestCalendarSummary::thunderbirdIanaZone()
{
    const auto parsed = CalendarSummary::parse(crlf(kThunderbird));
    QVERIFY(parsed);
    QCOMPARE(parsed->start.timeZone().id(), QByteArray("Europe/Paris"));
    QCOMPARE(CalendarSummary::toText(*parsed, kParis, kFrench), u"Invitation: Conseil de classe 3e B\n"
                                                                u"When: jeudi 25 mars 2027, 17:30 – 19:00\n"
                                                                u"Where: CDI\n"
                                                                u"Organiser: paul.martin@ac-amiens.fr"_s);
}

void TestCalendarSummary::mozillaPathZone()
{
    // Old Lightning versions prefix the IANA id with a path.
    const auto parsed =
        CalendarSummary::parse(calendar("SUMMARY:Sortie pédagogique\n"
                                        "DTSTART;TZID=/mozilla.org/20070129_1/Europe/Paris:20270615T083000\n"
                                        "DTEND;TZID=/mozilla.org/20070129_1/Europe/Paris:20270615T170000\n"));
    QVERIFY(parsed);
    QCOMPARE(parsed->start.toUTC(), QDateTime(QDate(2027, 6, 15), QTime(6, 30), QTimeZone::utc()));
}

void TestCalendarSummary::floatingTimeShownAsWritten()
{
    const auto parsed = CalendarSummary::parse(calendar("SUMMARY:Portes ouvertes\n"
                                                        "DTSTART:20270320T090000\n"
                                                        "DTEND:20270320T123000\n"));
    QVERIFY(parsed);
    QCOMPARE(parsed->start.timeSpec(), Qt::LocalTime);
    const QString expected = u"Invitation: Portes ouvertes\nWhen: samedi 20 mars 2027, 09:00 – 12:30"_s;
    QCOMPARE(CalendarSummary::toText(*parsed, kParis, kFrench), expected);
    QCOMPARE(CalendarSummary::toText(*parsed, QTimeZone("Asia/Tokyo"), kFrench), expected);
}

void TestCalendarSummary::allDay()
{
    const auto oneDay = CalendarSummary::parse(calendar("SUMMARY:Journée banalisée\n"
                                                        "DTSTART;VALUE=DATE:20270115\n"
                                                        "DTEND;VALUE=DATE:20270116\n"));
    QVERIFY(oneDay);
    QVERIFY(oneDay->allDay);
    QCOMPARE(CalendarSummary::toText(*oneDay, kParis, kFrench),
             u"Invitation: Journée banalisée\nWhen: vendredi 15 janvier 2027"_s);
    // The zone does not move a date.
    QCOMPARE(CalendarSummary::toText(*oneDay, QTimeZone("America/Cayenne"), kFrench),
             u"Invitation: Journée banalisée\nWhen: vendredi 15 janvier 2027"_s);

    QCOMPARE(frenchSummary(calendar("SUMMARY:Voyage scolaire à Londres\n"
                                    "DTSTART;VALUE=DATE:20270412\n"
                                    "DTEND;VALUE=DATE:20270417\n"
                                    "LOCATION:Londres\n")),
             u"Invitation: Voyage scolaire à Londres\n"
             u"When: lundi 12 avril 2027 – vendredi 16 avril 2027\n"
             u"Where: Londres"_s);
    // A bare date without VALUE=DATE, and no end.
    QCOMPARE(frenchSummary(calendar("SUMMARY:Pont de l'Ascension\nDTSTART:20270507\n")),
             u"Invitation: Pont de l'Ascension\nWhen: vendredi 7 mai 2027"_s);
    QCOMPARE(frenchSummary(calendar("SUMMARY:Séminaire\nDTSTART;VALUE=DATE:20270115\nDURATION:P2D\n")),
             u"Invitation: Séminaire\nWhen: vendredi 15 janvier 2027 – samedi 16 janvier 2027"_s);
}

void TestCalendarSummary::durationInsteadOfEnd()
{
    QCOMPARE(frenchSummary(calendar("SUMMARY:Réunion parents-professeurs\n"
                                    "DTSTART:20270115T130000Z\n"
                                    "DURATION:PT1H30M\n")),
             u"Invitation: Réunion parents-professeurs\nWhen: vendredi 15 janvier 2027, 14:00 – 15:30"_s);
    // Across midnight: both dates are given.
    QCOMPARE(frenchSummary(calendar("SUMMARY:Nuit de la lecture\n"
                                    "DTSTART;TZID=Europe/Paris:20270115T200000\n"
                                    "DURATION:P1DT1H\n")),
             u"Invitation: Nuit de la lecture\n"
             u"When: vendredi 15 janvier 2027, 20:00 – samedi 16 janvier 2027, 21:00"_s);
    const auto week =
        CalendarSummary::parse(calendar("SUMMARY:Stage\nDTSTART:20270115T080000Z\nDURATION:P1W\n"));
    QVERIFY(week);
    QCOMPARE(week->end, week->start.addDays(7));
    // A broken or negative duration leaves the end unknown.
    QCOMPARE(frenchSummary(calendar("SUMMARY:Test\nDTSTART:20270115T130000Z\nDURATION:-PT1H\n")),
             u"Invitation: Test\nWhen: vendredi 15 janvier 2027, 14:00"_s);
    QCOMPARE(frenchSummary(calendar("SUMMARY:Test\nDTSTART:20270115T130000Z\nDURATION:PTXH\n")),
             u"Invitation: Test\nWhen: vendredi 15 janvier 2027, 14:00"_s);
}

void TestCalendarSummary::cancelAndReply()
{
    const char *properties = "SUMMARY:Conseil pédagogique\n"
                             "DTSTART:20270115T130000Z\n"
                             "DTEND:20270115T143000Z\n"
                             "LOCATION:Salle B12\n";
    const auto cancelled = CalendarSummary::parse(calendar(properties, "CANCEL"));
    QVERIFY(cancelled);
    QVERIFY(cancelled->cancelled);
    QCOMPARE(CalendarSummary::toText(*cancelled, kParis, kFrench),
             u"Cancelled: Conseil pédagogique\n"
             u"When: vendredi 15 janvier 2027, 14:00 – 15:30\n"
             u"Where: Salle B12"_s);
    // STATUS alone cancels too (a PUBLISHed calendar).
    const auto status = CalendarSummary::parse(calendar("SUMMARY:Sortie\nSTATUS:CANCELLED\n", "PUBLISH"));
    QVERIFY(status && status->cancelled);
    QCOMPARE(CalendarSummary::toText(*status, kParis, kFrench), u"Cancelled: Sortie"_s);

    const QByteArray reply =
        calendar("SUMMARY:Conseil pédagogique\n"
                 "ATTENDEE;PARTSTAT=ACCEPTED;CN=Paul Martin:mailto:paul.martin@ac-amiens.fr\n"
                 "ORGANIZER;CN=Marie Dupont:mailto:marie.dupont@ac-amiens.fr\n"
                 "DTSTART:20270115T130000Z\n",
                 "REPLY");
    QCOMPARE(frenchSummary(reply), u"Reply to an invitation: Conseil pédagogique\n"
                                   u"When: vendredi 15 janvier 2027, 14:00\n"
                                   u"Organiser: Marie Dupont <marie.dupont@ac-amiens.fr>"_s);
    QCOMPARE(frenchSummary(calendar("SUMMARY:Kermesse\n", "PUBLISH")), u"Event: Kermesse"_s);
}

void TestCalendarSummary::quotedParametersAndEscapes()
{
    const auto parsed = CalendarSummary::parse(
        calendar("ORGANIZER;SENT-BY=\"mailto:secretariat@ac-amiens.fr\";CN=\"Dupont; Marie: CPE\";"
                 "LANGUAGE=fr:MAILTO:marie.dupont@ac-amiens.fr\n"
                 "SUMMARY:Bilan\\, suite\\; fin \\\\ et \\Nretour\n"
                 "LOCATION:Bâtiment A\\nSalle 2\n"
                 "DTSTART;TZID=\"Europe/Paris\";VALUE=DATE-TIME:20270115T140000\n"));
    QVERIFY(parsed);
    QCOMPARE(parsed->organizerName, u"Dupont; Marie: CPE"_s);
    QCOMPARE(parsed->organizerAddress, u"marie.dupont@ac-amiens.fr"_s);
    QCOMPARE(parsed->summary, u"Bilan, suite; fin \\ et \nretour"_s);
    QCOMPARE(CalendarSummary::toText(*parsed, kParis, kFrench),
             u"Invitation: Bilan, suite; fin \\ et retour\n"
             u"When: vendredi 15 janvier 2027, 14:00\n"
             u"Where: Bâtiment A Salle 2\n"
             u"Organiser: Dupont; Marie: CPE <marie.dupont@ac-amiens.fr>"_s);
    // RFC 6868 carets in a parameter value.
    const auto carets =
        CalendarSummary::parse(calendar("ORGANIZER;CN=\"Marie ^'Mimi^' Dupont\":mailto:m@x.fr\n"));
    QVERIFY(carets);
    QCOMPARE(carets->organizerName, u"Marie \"Mimi\" Dupont"_s);
}

void TestCalendarSummary::latin1Bytes()
{
    const auto parsed =
        CalendarSummary::parse(calendar("SUMMARY:R\xe9union \xe0 l'\xe9tage\nLOCATION:Foyer\n"));
    QVERIFY(parsed);
    QCOMPARE(parsed->summary, u"Réunion à l'étage"_s);
}

void TestCalendarSummary::lfOnlyAndEmptyValues()
{
    const QByteArray ics("BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:\nLOCATION:\nORGANIZER:mailto:\n"
                         "DTSTART:20270115T130000Z\nEND:VEVENT\nEND:VCALENDAR");
    const auto parsed = CalendarSummary::parse(ics);
    QVERIFY(parsed);
    QCOMPARE(parsed->method, QString());
    QCOMPARE(CalendarSummary::toText(*parsed, kParis, kFrench),
             u"Invitation: (no title)\nWhen: vendredi 15 janvier 2027, 14:00"_s);
}

void TestCalendarSummary::brokenCalendars()
{
    QVERIFY(!CalendarSummary::parse({}));
    QVERIFY(!CalendarSummary::parse("not a calendar at all"));
    QVERIFY(!CalendarSummary::parse(crlf("BEGIN:VCALENDAR\nMETHOD:REQUEST\nBEGIN:VTODO\nSUMMARY:x\n"
                                         "END:VTODO\nEND:VCALENDAR\n")));
    // A VEVENT inside something else is not the calendar's event.
    QVERIFY(!CalendarSummary::parse(crlf("BEGIN:VCALENDAR\nBEGIN:VTODO\nBEGIN:VEVENT\nSUMMARY:x\n"
                                         "END:VEVENT\nEND:VTODO\nEND:VCALENDAR\n")));
    // No DTSTART: a summary without a date.
    QCOMPARE(frenchSummary(calendar("SUMMARY:Sans date\nLOCATION:Salle B12\n")),
             u"Invitation: Sans date\nWhere: Salle B12"_s);
    // Impossible dates and times are left out, and so is an end before the start.
    QCOMPARE(frenchSummary(calendar("SUMMARY:x\nDTSTART:20271345T250000Z\n")), u"Invitation: x"_s);
    QCOMPARE(frenchSummary(calendar("SUMMARY:x\nDTSTART:2027\nDTEND:20270115T130000Z\n")),
             u"Invitation: x"_s);
    QCOMPARE(frenchSummary(calendar("SUMMARY:x\nDTSTART:20270115T130000Z\nDTEND:20270115T120000Z\n")),
             u"Invitation: x\nWhen: vendredi 15 janvier 2027, 14:00"_s);
    // Unterminated, truncated in the middle of a line, stray ENDs, lines without a colon.
    QCOMPARE(frenchSummary("END:VEVENT\r\nEND:VCALENDAR\r\nBEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n"
                           "garbage\r\nSUMMARY:Tronqu\xc3\xa9\r\nDTSTART:2027011"),
             u"Invitation: Tronqué"_s);
    // The first event wins.
    QCOMPARE(
        frenchSummary(crlf("BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:Premier\nEND:VEVENT\n"
                           "BEGIN:VEVENT\nSUMMARY:Second\nLOCATION:Ailleurs\nEND:VEVENT\nEND:VCALENDAR\n")),
        u"Invitation: Premier"_s);
}

void TestCalendarSummary::bombsFinishFast_data()
{
    QTest::addColumn<QByteArray>("ics");
    QTest::addColumn<QString>("expected");
    const QByteArray head = crlf("BEGIN:VCALENDAR\nMETHOD:REQUEST\nBEGIN:VEVENT\nSUMMARY:Bombe\n");

    QByteArray folded = head + "DESCRIPTION:";
    while (folded.size() < 2 * 1024 * 1024)
        folded += "\r\n \\n\\,x";
    QTest::newRow("1 MB of folded lines") << folded << u"Invitation: Bombe"_s;

    QByteArray alarms = head;
    for (int i = 0; i < 100000; ++i)
        alarms += "BEGIN:VALARM\r\n";
    QTest::newRow("100,000 nested VALARMs") << alarms << u"Invitation: Bombe"_s;

    QByteArray closed = head;
    for (int i = 0; i < 100000; ++i)
        closed += "BEGIN:VALARM\r\nDESCRIPTION:x\r\nEND:VALARM\r\n";
    closed += "LOCATION:Trop loin\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    QTest::newRow("100,000 VALARMs, past the size cap") << closed << u"Invitation: Bombe"_s;

    QByteArray lines = head;
    while (lines.size() < 900 * 1024)
        lines += "X:\r\n";
    lines += "LOCATION:Trop loin\r\n";
    QTest::newRow("200,000 short lines") << lines << u"Invitation: Bombe"_s;

    QByteArray parameters = head + "ORGANIZER";
    while (parameters.size() < 900 * 1024)
        parameters += ";CN=\"a;b:c\"";
    parameters += ":mailto:x@y.fr\r\n";
    QTest::newRow("huge parameter list") << parameters << u"Invitation: Bombe"_s;

    QByteArray quote = head + "ORGANIZER;CN=\"";
    quote += QByteArray(900 * 1024, ':');
    QTest::newRow("unterminated quote") << quote << u"Invitation: Bombe"_s;

    QByteArray zones = crlf("BEGIN:VCALENDAR\n");
    for (int i = 0; i < 5000; ++i)
        zones += crlf("BEGIN:VTIMEZONE\nTZID:Z\nBEGIN:STANDARD\nTZOFFSETTO:+0100\nRRULE:FREQ=YEARLY;"
                      "BYMONTH=10;BYDAY=-1SU\nEND:STANDARD\nEND:VTIMEZONE\n");
    zones += crlf("BEGIN:VEVENT\nSUMMARY:Bombe\nDTSTART;TZID=Z:20270115T140000\nEND:VEVENT\n");
    QTest::newRow("5,000 VTIMEZONEs") << zones << u"Invitation: Bombe"_s;
}

void TestCalendarSummary::bombsFinishFast()
{
    QFETCH(QByteArray, ics);
    QFETCH(QString, expected);
    QElapsedTimer timer;
    timer.start();
    const auto parsed = CalendarSummary::parse(ics);
    QVERIFY(parsed);
    QCOMPARE(CalendarSummary::toText(*parsed, kParis, kFrench).section(u'\n', 0, 0), expected);
    QVERIFY2(timer.elapsed() < 1000, qPrintable(u"%1 ms"_s.arg(timer.elapsed())));
}

QTEST_GUILESS_MAIN(TestCalendarSummary)
#include "tst_calendarsummary.moc"
