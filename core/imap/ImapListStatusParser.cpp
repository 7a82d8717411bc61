#include "ImapListStatusParser.h"

#include "FolderList.h"
#include "ImapTokenizer.h"

#include <limits>

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

using Type = ImapTokenizer::Type;

/// A number of at most 63 bits (HIGHESTMODSEQ; the others are checked against 32 bits by the caller).
std::optional<quint64> readNumber(ImapTokenizer &tokens, const QByteArray &item)
{
    const ImapTokenizer::Token token = tokens.next();
    bool digits = token.type == Type::Atom && !token.value.isEmpty() && token.value.size() <= 19;
    quint64 value = 0;
    for (const char c : token.value) {
        if (!digits)
            break;
        digits = c >= '0' && c <= '9';
        value = value * 10 + static_cast<quint64>(c - '0');
    }
    if (!digits || value > static_cast<quint64>(std::numeric_limits<qint64>::max())) {
        tokens.fail(u"%1 is not a number: « %2 »"_s.arg(QString::fromLatin1(item),
                                                        QString::fromLatin1(token.value.left(32))));
        return std::nullopt;
    }
    return value;
}

bool isStatus(const QByteArray &line)
{
    ImapTokenizer tokens(line);
    return tokens.next().value == "*" && tokens.next().value.compare("STATUS", Qt::CaseInsensitive) == 0;
}

} // namespace

std::optional<ImapListStatusParser::Status> ImapListStatusParser::parseLine(const QByteArray &line,
                                                                            QString *error)
{
    ImapTokenizer tokens(line);
    Status status;
    const bool ok = [&] {
        if (tokens.next().value != "*" || tokens.next().value.compare("STATUS", Qt::CaseInsensitive) != 0) {
            tokens.fail(u"not a STATUS response"_s);
            return false;
        }
        const auto mailbox = tokens.astring("a mailbox name");
        if (!mailbox)
            return false;
        status.mailbox = FolderList::decodeName(*mailbox);
        if (!tokens.expect(Type::Open, "the status list"))
            return false;
        int items = 0;
        while (tokens.peek().type != Type::Close) {
            if (++items > kMaxItems) {
                tokens.fail(u"more than %1 items"_s.arg(kMaxItems));
                return false;
            }
            const ImapTokenizer::Token name = tokens.next();
            if (name.type != Type::Atom) {
                tokens.fail(u"expected a status item"_s);
                return false;
            }
            const QByteArray item = name.value.toUpper();
            const auto value = readNumber(tokens, item);
            if (!value)
                return false;
            const bool fits32 = *value <= std::numeric_limits<quint32>::max();
            if (item == "HIGHESTMODSEQ") {
                status.highestModSeq = *value;
            } else if (item == "MESSAGES" || item == "UIDNEXT" || item == "UIDVALIDITY") {
                if (!fits32) {
                    tokens.fail(u"%1 is beyond 2^32 - 1"_s.arg(QString::fromLatin1(item)));
                    return false;
                }
                quint32 &field = item == "MESSAGES"  ? status.messages
                                 : item == "UIDNEXT" ? status.uidNext
                                                     : status.uidValidity;
                field = static_cast<quint32>(*value);
            }
        }
        tokens.next();
        if (!tokens.atEnd()) {
            tokens.fail(u"unexpected data after the status list"_s);
            return false;
        }
        return true;
    }();
    if (!ok) {
        if (error)
            *error = u"STATUS: "_s + tokens.error();
        return std::nullopt;
    }
    return status;
}

std::optional<QList<ImapListStatusParser::Status>>
ImapListStatusParser::parse(const QList<QByteArray> &untagged, QString *error)
{
    QList<Status> result;
    for (const QByteArray &line : untagged) {
        if (!isStatus(line))
            continue;
        auto status = parseLine(line, error);
        if (!status)
            return std::nullopt;
        result.append(std::move(*status));
    }
    return result;
}

} // namespace Amiens
