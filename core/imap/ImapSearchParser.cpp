#include "ImapSearchParser.h"

#include "ImapTokenizer.h"

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

using Type = ImapTokenizer::Type;

enum class Kind
{
    None,
    Search,
    Esearch,
};

Kind kindOf(ImapTokenizer &tokens)
{
    if (tokens.next().value != "*")
        return Kind::None;
    const QByteArray name = tokens.next().value.toUpper();
    if (name == "SEARCH")
        return Kind::Search;
    return name == "ESEARCH" ? Kind::Esearch : Kind::None;
}

/// "(TAG "a7")" at the head of an ESEARCH response; nullopt when there is none.
std::optional<QByteArray> correlator(ImapTokenizer &tokens)
{
    if (tokens.peek().type != Type::Open)
        return std::nullopt;
    tokens.next();
    if (tokens.next().value.toUpper() != "TAG") {
        tokens.fail(u"a search correlator other than TAG"_s);
        return QByteArray();
    }
    const std::optional<QByteArray> tag = tokens.astring("the correlator's tag");
    if (!tag || !tokens.expect(Type::Close, "the end of the correlator"))
        return QByteArray();
    return tag;
}

bool appendNumber(QList<quint32> &uids, ImapTokenizer &tokens, const QByteArray &digits)
{
    bool ok = false;
    const qulonglong value = digits.toULongLong(&ok);
    if (!ok || value == 0 || value > std::numeric_limits<quint32>::max()) {
        tokens.fail(u"not a UID: %1"_s.arg(QString::fromLatin1(digits.left(40))));
        return false;
    }
    uids.append(static_cast<quint32>(value));
    return true;
}

/// "2,10:11" appended to @p uids, bounded by kMaxUids in all.
bool appendSet(QList<quint32> &uids, ImapTokenizer &tokens, const QByteArray &set)
{
    for (const QByteArray &part : set.split(',')) {
        const qsizetype colon = part.indexOf(':');
        if (colon < 0) {
            if (!appendNumber(uids, tokens, part))
                return false;
        } else {
            QList<quint32> ends;
            if (!appendNumber(ends, tokens, part.left(colon)) ||
                !appendNumber(ends, tokens, part.mid(colon + 1)))
                return false;
            const quint32 low = std::min(ends[0], ends[1]);
            const quint32 high = std::max(ends[0], ends[1]);
            if (qsizetype(high - low) >= ImapSearchParser::kMaxUids - uids.size()) {
                tokens.fail(u"more than %1 UIDs"_s.arg(ImapSearchParser::kMaxUids));
                return false;
            }
            for (quint64 uid = low; uid <= high; ++uid)
                uids.append(static_cast<quint32>(uid));
        }
        if (uids.size() > ImapSearchParser::kMaxUids) {
            tokens.fail(u"more than %1 UIDs"_s.arg(ImapSearchParser::kMaxUids));
            return false;
        }
    }
    return true;
}

bool readSearch(ImapTokenizer &tokens, QList<quint32> &uids)
{
    for (;;) {
        const ImapTokenizer::Token token = tokens.next();
        if (token.type == Type::End)
            return true;
        if (token.type == Type::Open) // "(MODSEQ 917162500)" closes the line
            return tokens.expect(Type::Atom, "MODSEQ") && tokens.number("the mod-sequence") &&
                   tokens.expect(Type::Close, "the end of the mod-sequence") && tokens.atEnd();
        if (token.type != Type::Atom) {
            tokens.fail(u"not a UID"_s);
            return false;
        }
        if (!appendNumber(uids, tokens, token.value))
            return false;
        if (uids.size() > ImapSearchParser::kMaxUids) {
            tokens.fail(u"more than %1 UIDs"_s.arg(ImapSearchParser::kMaxUids));
            return false;
        }
    }
}

bool readEsearch(ImapTokenizer &tokens, QList<quint32> &uids)
{
    // search-return-data pairs: ALL takes a set, COUNT, MIN, MAX and MODSEQ a number; others
    // (an extension's) one value each.
    for (;;) {
        const ImapTokenizer::Token name = tokens.next();
        if (name.type == Type::End)
            return true;
        if (name.type != Type::Atom) {
            tokens.fail(u"not a search result name"_s);
            return false;
        }
        if (name.value.toUpper() == "UID")
            continue;
        if (name.value.toUpper() == "ALL") {
            const ImapTokenizer::Token set = tokens.next();
            if (set.type != Type::Atom) {
                tokens.fail(u"no sequence set after ALL"_s);
                return false;
            }
            if (!appendSet(uids, tokens, set.value))
                return false;
        } else if (!tokens.skipValue()) {
            return false;
        }
    }
}

} // namespace

std::optional<QList<quint32>> ImapSearchParser::parse(const QList<QByteArray> &untagged,
                                                      const QByteArray &tag, QString *error)
{
    QList<quint32> uids;
    for (const QByteArray &line : untagged) {
        ImapTokenizer tokens(line);
        const Kind kind = kindOf(tokens);
        bool ok = true;
        if (kind == Kind::Search) {
            ok = readSearch(tokens, uids);
        } else if (kind == Kind::Esearch) {
            const std::optional<QByteArray> other = correlator(tokens);
            if (other && other->isEmpty())
                ok = false;
            else if (!other || *other == tag)
                ok = readEsearch(tokens, uids);
        }
        if (!ok) {
            if (error)
                *error = tokens.error();
            return std::nullopt;
        }
    }
    std::sort(uids.begin(), uids.end());
    uids.erase(std::unique(uids.begin(), uids.end()), uids.end());
    return uids;
}

bool ImapSearchParser::answers(const QByteArray &line, const QByteArray &tag)
{
    ImapTokenizer tokens(line);
    const Kind kind = kindOf(tokens);
    if (kind != Kind::Esearch)
        return kind == Kind::Search;
    const std::optional<QByteArray> other = correlator(tokens);
    return !other || *other == tag;
}

} // namespace Amiens
