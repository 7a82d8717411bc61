#include "ImapAclParser.h"

#include "FolderList.h"
#include "ImapTokenizer.h"

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

/// The first line of @p untagged whose response name is @p name ("* ACL …").
const QByteArray *findResponse(const QList<QByteArray> &untagged, const char *name)
{
    for (const QByteArray &line : untagged) {
        ImapTokenizer tokens(line);
        if (tokens.next().value == "*" && tokens.next().value.compare(name, Qt::CaseInsensitive) == 0)
            return &line;
    }
    return nullptr;
}

/// "* NAME mailbox": the tokenizer left after the mailbox.
std::optional<QString> readStart(ImapTokenizer &tokens, const char *name)
{
    if (tokens.next().value != "*" || tokens.next().value.compare(name, Qt::CaseInsensitive) != 0) {
        tokens.fail(u"not a %1 response"_s.arg(QLatin1StringView(name)));
        return std::nullopt;
    }
    const auto mailbox = tokens.astring("a mailbox name");
    if (!mailbox)
        return std::nullopt;
    return FolderList::decodeName(*mailbox);
}

std::optional<ImapRights> readRights(ImapTokenizer &tokens)
{
    const auto letters = tokens.astring("rights");
    if (!letters)
        return std::nullopt;
    QString error;
    auto rights = ImapRights::fromServer(*letters, &error);
    if (!rights)
        tokens.fail(error);
    return rights;
}

} // namespace

std::optional<ImapAclParser::MyRights> ImapAclParser::parseMyRights(const QList<QByteArray> &untagged,
                                                                    QString *error)
{
    if (const QByteArray *line = findResponse(untagged, "MYRIGHTS"))
        return parseMyRightsLine(*line, error);
    if (error)
        *error = u"no MYRIGHTS response"_s;
    return std::nullopt;
}

std::optional<ImapAclParser::Acl> ImapAclParser::parseAcl(const QList<QByteArray> &untagged, QString *error)
{
    if (const QByteArray *line = findResponse(untagged, "ACL"))
        return parseAclLine(*line, error);
    if (error)
        *error = u"no ACL response"_s;
    return std::nullopt;
}

std::optional<ImapAclParser::MyRights> ImapAclParser::parseMyRightsLine(const QByteArray &line,
                                                                        QString *error)
{
    ImapTokenizer tokens(line);
    MyRights result;
    const bool ok = [&] {
        const auto mailbox = readStart(tokens, "MYRIGHTS");
        if (!mailbox)
            return false;
        result.mailbox = *mailbox;
        const auto rights = readRights(tokens);
        if (!rights)
            return false;
        result.rights = *rights;
        if (!tokens.atEnd()) {
            tokens.fail(u"unexpected data after the rights"_s);
            return false;
        }
        return true;
    }();
    if (!ok) {
        if (error)
            *error = u"MYRIGHTS: "_s + tokens.error();
        return std::nullopt;
    }
    return result;
}

std::optional<ImapAclParser::Acl> ImapAclParser::parseAclLine(const QByteArray &line, QString *error)
{
    ImapTokenizer tokens(line);
    Acl result;
    const bool ok = [&] {
        const auto mailbox = readStart(tokens, "ACL");
        if (!mailbox)
            return false;
        result.mailbox = *mailbox;
        while (!tokens.atEnd()) {
            if (result.entries.size() >= kMaxEntries) {
                tokens.fail(u"more than %1 entries"_s.arg(kMaxEntries));
                return false;
            }
            const auto identifier = tokens.astring("an identifier");
            if (!identifier)
                return false;
            const auto rights = readRights(tokens);
            if (!rights)
                return false;
            result.entries.append({QString::fromUtf8(*identifier), *rights});
        }
        return tokens.error().isEmpty();
    }();
    if (!ok) {
        if (error)
            *error = u"ACL: "_s + tokens.error();
        return std::nullopt;
    }
    return result;
}

} // namespace Amiens
