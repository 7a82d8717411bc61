#include "ImapFetchParser.h"

#include "ImapTokenizer.h"

#include <QDate>
#include <QDateTime>
#include <QTime>
#include <limits>

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

using Type = ImapTokenizer::Type;

/// System flags as RFC 3501 spells them, whatever case the server used; keywords as they came.
QString flagName(const QByteArray &atom)
{
    static const char *const kSystemFlags[] = {"\\Answered", "\\Flagged", "\\Deleted",
                                               "\\Seen",     "\\Draft",   "\\Recent"};
    if (!atom.startsWith('\\'))
        return QString::fromUtf8(atom);
    for (const char *flag : kSystemFlags) {
        if (atom.compare(flag, Qt::CaseInsensitive) == 0)
            return QString::fromLatin1(flag);
    }
    QString name = QString::fromUtf8(atom).toLower();
    if (name.size() > 1)
        name[1] = name.at(1).toUpper();
    return name;
}

bool readFlags(ImapTokenizer &tokens, QStringList &flags)
{
    if (!tokens.expect(Type::Open, "a flag list"))
        return false;
    for (;;) {
        const ImapTokenizer::Token token = tokens.next();
        if (token.type == Type::Close)
            return true;
        if (token.type != Type::Atom) {
            tokens.fail(u"expected a flag"_s);
            return false;
        }
        if (token.value != "\\*")
            flags.append(flagName(token.value));
    }
}

/// The section of a BODY[…] item name: "" for BODY[], "HEADER" for BODY[HEADER]; a section with
/// a field list ("BODY[HEADER.FIELDS (DATE)]") has its list and closing bracket read here.
std::optional<QByteArray> readSection(ImapTokenizer &tokens, const QByteArray &name)
{
    const qsizetype open = name.indexOf('[');
    const qsizetype close = name.indexOf(']', open);
    if (close >= 0)
        return name.mid(open + 1, close - open - 1).toUpper();
    if (!tokens.skipValue())
        return std::nullopt;
    const ImapTokenizer::Token end = tokens.next();
    if (end.type != Type::Atom || !end.value.startsWith(']')) {
        tokens.fail(u"expected ] after the section's field list"_s);
        return std::nullopt;
    }
    return name.mid(open + 1).toUpper() + " (…)";
}

} // namespace

bool ImapFetchParser::isFetch(const QByteArray &text)
{
    if (!text.startsWith("* "))
        return false;
    qsizetype p = 2;
    while (p < text.size() && text.at(p) >= '0' && text.at(p) <= '9')
        ++p;
    return p > 2 && text.size() - p >= 7 && qstrnicmp(text.constData() + p, " FETCH ", 7) == 0;
}

std::optional<ImapFetchParser::Fetched> ImapFetchParser::parse(ImapResponse response, QString *error)
{
    ImapTokenizer tokens(std::move(response));
    Fetched fetched;
    const auto failed = [&]() -> std::optional<Fetched> {
        if (error)
            *error = u"FETCH: "_s + tokens.error();
        return std::nullopt;
    };
    const ImapTokenizer::Token star = tokens.next();
    if (star.type != Type::Atom || star.value != "*") {
        tokens.fail(u"expected *"_s);
        return failed();
    }
    const auto sequence = tokens.number("a message number", std::numeric_limits<quint32>::max());
    if (!sequence)
        return failed();
    fetched.sequence = static_cast<quint32>(*sequence);
    const ImapTokenizer::Token verb = tokens.next();
    if (verb.type != Type::Atom || verb.value.compare("FETCH", Qt::CaseInsensitive) != 0) {
        tokens.fail(u"expected FETCH"_s);
        return failed();
    }
    if (!tokens.expect(Type::Open, "the FETCH item list"))
        return failed();
    FetchedMessage &message = fetched.message;
    for (;;) {
        const ImapTokenizer::Token item = tokens.next();
        if (item.type == Type::Close)
            break;
        if (item.type != Type::Atom) {
            tokens.fail(u"expected a FETCH item name"_s);
            return failed();
        }
        const QByteArray name = item.value.toUpper();
        if (name == "UID") {
            const auto uid = tokens.number("UID", std::numeric_limits<quint32>::max());
            if (!uid)
                return failed();
            message.uid = static_cast<quint32>(*uid);
        } else if (name == "RFC822.SIZE") {
            const auto size = tokens.number("RFC822.SIZE");
            if (!size)
                return failed();
            message.size = static_cast<qint64>(*size);
        } else if (name == "MODSEQ") {
            if (!tokens.expect(Type::Open, "MODSEQ's list"))
                return failed();
            const auto modSeq = tokens.number("MODSEQ");
            if (!modSeq || !tokens.expect(Type::Close, "the end of MODSEQ's list"))
                return failed();
            message.modSeq = *modSeq;
        } else if (name == "FLAGS") {
            if (!readFlags(tokens, message.flags))
                return failed();
        } else if (name == "INTERNALDATE") {
            const ImapTokenizer::Token date = tokens.next();
            if (date.type != Type::String) {
                tokens.fail(u"expected INTERNALDATE's date"_s);
                return failed();
            }
            // A date we cannot read is no reason to refuse the message: the Date header stands in.
            message.internalDate = internalDate(date.value);
        } else if (name.startsWith("BODY[")) {
            const std::optional<QByteArray> section = readSection(tokens, name);
            if (!section)
                return failed();
            QByteArray value;
            bool isNil = false;
            if (!tokens.nstring("a body section", &value, &isNil))
                return failed();
            fetched.hasSection = true;
            if (section->isEmpty())
                fetched.body = std::move(value);
            else if (*section == "HEADER")
                message.rawHeader = std::move(value);
        } else if (!tokens.skipValue()) {
            return failed();
        }
    }
    if (!tokens.atEnd()) {
        tokens.fail(u"bytes after the FETCH item list"_s);
        return failed();
    }
    return fetched;
}

QDateTime ImapFetchParser::internalDate(const QByteArray &text)
{
    // "dd-Mon-yyyy hh:mm:ss +zzzz", 26 characters.
    static const char *const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const QByteArray trimmed = text.trimmed();
    const QList<QByteArray> parts = trimmed.split(' ');
    if (parts.size() != 3)
        return {};
    const QList<QByteArray> day = parts.at(0).split('-');
    const QList<QByteArray> clock = parts.at(1).split(':');
    const QByteArray &zone = parts.at(2);
    if (day.size() != 3 || clock.size() != 3 || zone.size() != 5 || (zone.at(0) != '+' && zone.at(0) != '-'))
        return {};
    int month = 0;
    for (int i = 0; i < 12; ++i) {
        if (day.at(1).compare(kMonths[i], Qt::CaseInsensitive) == 0)
            month = i + 1;
    }
    bool ok[6] = {};
    const QDate date(day.at(2).toInt(&ok[0]), month, day.at(0).toInt(&ok[1]));
    const QTime time(clock.at(0).toInt(&ok[2]), clock.at(1).toInt(&ok[3]), clock.at(2).toInt(&ok[4]));
    const int offset = zone.mid(1).toInt(&ok[5]);
    for (const bool each : ok) {
        if (!each)
            return {};
    }
    if (!date.isValid() || !time.isValid() || offset % 100 >= 60)
        return {};
    const int seconds = (offset / 100 * 3600 + offset % 100 * 60) * (zone.at(0) == '-' ? -1 : 1);
    return QDateTime(date, time, Qt::OffsetFromUTC, seconds).toUTC();
}

} // namespace Amiens
