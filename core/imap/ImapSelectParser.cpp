#include "ImapSelectParser.h"

#include <limits>

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

/// Digits only, at most 63 bits.
std::optional<quint64> number(QByteArrayView text)
{
    if (text.isEmpty() || text.size() > 19)
        return std::nullopt;
    quint64 value = 0;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return std::nullopt;
        value = value * 10 + static_cast<quint64>(c - '0');
    }
    if (value > static_cast<quint64>(std::numeric_limits<qint64>::max()))
        return std::nullopt;
    return value;
}

std::optional<quint32> number32(QByteArrayView text)
{
    const auto value = number(text);
    if (!value || *value > std::numeric_limits<quint32>::max())
        return std::nullopt;
    return static_cast<quint32>(*value);
}

} // namespace

std::optional<MailboxState> ImapSelectParser::parse(const QList<QByteArray> &untagged, QString *error)
{
    MailboxState state;
    bool sawExists = false;
    bool sawUidValidity = false;
    const auto fail = [error](const QString &why, const QByteArray &line) {
        if (error)
            *error = line.isEmpty() ? u"EXAMINE: "_s + why
                                    : u"EXAMINE: %1: « %2 »"_s.arg(why, QString::fromLatin1(line.left(120)));
        return std::nullopt;
    };
    for (const QByteArray &line : untagged) {
        const QList<QByteArray> words = line.split(' ');
        if (words.size() < 3 || words.at(0) != "*")
            continue;
        if (words.at(2).compare("EXISTS", Qt::CaseInsensitive) == 0) {
            const auto exists = number32(words.at(1));
            if (!exists)
                return fail(u"a count that is no number"_s, line);
            state.exists = *exists;
            sawExists = true;
            continue;
        }
        // "* OK [UIDNEXT 42] Predicted next UID"
        if (words.at(1).compare("OK", Qt::CaseInsensitive) != 0 || !words.at(2).startsWith('['))
            continue;
        const qsizetype open = line.indexOf('[');
        const qsizetype close = line.indexOf(']', open);
        if (close < 0)
            return fail(u"an unclosed response code"_s, line);
        const QList<QByteArray> code = line.mid(open + 1, close - open - 1).split(' ');
        const QByteArray name = code.first().toUpper();
        if (name == "NOMODSEQ") {
            state.highestModSeq = 0;
            continue;
        }
        if (name != "UIDVALIDITY" && name != "UIDNEXT" && name != "HIGHESTMODSEQ")
            continue;
        if (code.size() != 2)
            return fail(u"%1 without a single value"_s.arg(QString::fromLatin1(name)), line);
        if (name == "HIGHESTMODSEQ") {
            const auto modSeq = number(code.at(1));
            if (!modSeq)
                return fail(u"HIGHESTMODSEQ is no number"_s, line);
            state.highestModSeq = *modSeq;
            continue;
        }
        const auto value = number32(code.at(1));
        if (!value || *value == 0)
            return fail(u"%1 is no number from 1 to 2^32 - 1"_s.arg(QString::fromLatin1(name)), line);
        if (name == "UIDVALIDITY") {
            state.uidValidity = *value;
            sawUidValidity = true;
        } else {
            state.uidNext = *value;
        }
    }
    if (!sawExists)
        return fail(u"no EXISTS"_s, {});
    if (!sawUidValidity)
        return fail(u"no UIDVALIDITY"_s, {});
    return state;
}

} // namespace Amiens
