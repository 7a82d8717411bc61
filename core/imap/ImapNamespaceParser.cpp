#include "ImapNamespaceParser.h"

#include "FolderList.h"
#include "ImapTokenizer.h"

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

using Type = ImapTokenizer::Type;

/// NIL, or "(" one or more ( prefix delimiter *extension ) ")".
bool readList(ImapTokenizer &tokens, QList<ImapNamespaceParser::Namespace> &list)
{
    const ImapTokenizer::Token start = tokens.next();
    if (start.type == Type::Nil)
        return true;
    if (start.type != Type::Open) {
        tokens.fail(u"expected a namespace list or NIL"_s);
        return false;
    }
    do {
        if (!tokens.expect(Type::Open, "a namespace"))
            return false;
        const ImapTokenizer::Token prefix = tokens.next();
        if (prefix.type != Type::String) {
            tokens.fail(u"expected a namespace prefix (a string)"_s);
            return false;
        }
        ImapNamespaceParser::Namespace entry;
        entry.prefix = FolderList::decodeName(prefix.value);
        const ImapTokenizer::Token delimiter = tokens.next();
        if (delimiter.type == Type::String && delimiter.value.size() == 1 &&
            static_cast<unsigned char>(delimiter.value.at(0)) < 0x80) {
            entry.delimiter = QChar::fromLatin1(delimiter.value.at(0));
        } else if (delimiter.type != Type::Nil) {
            tokens.fail(u"expected a hierarchy delimiter (one ASCII character) or NIL"_s);
            return false;
        }
        // Namespace_Response_Extension: SP string SP "(" string *(SP string) ")", ignored.
        while (tokens.peek().type != Type::Close) {
            if (tokens.peek().type != Type::String) {
                tokens.fail(u"expected a namespace extension name"_s);
                return false;
            }
            tokens.next();
            if (tokens.peek().type != Type::Open) {
                tokens.fail(u"expected the values of a namespace extension"_s);
                return false;
            }
            if (!tokens.skipValue())
                return false;
        }
        tokens.next();
        list.append(entry);
    } while (tokens.peek().type == Type::Open);
    return tokens.expect(Type::Close, "the end of a namespace list");
}

} // namespace

std::optional<ImapNamespaceParser::Namespaces> ImapNamespaceParser::parse(const QList<QByteArray> &untagged,
                                                                          QString *error)
{
    for (const QByteArray &line : untagged) {
        ImapTokenizer tokens(line);
        if (tokens.next().type == Type::Atom &&
            tokens.next().value.compare("NAMESPACE", Qt::CaseInsensitive) == 0)
            return parseLine(line, error);
    }
    if (error)
        *error = u"no NAMESPACE response"_s;
    return std::nullopt;
}

std::optional<ImapNamespaceParser::Namespaces> ImapNamespaceParser::parseLine(const QByteArray &line,
                                                                              QString *error)
{
    ImapTokenizer tokens(line);
    Namespaces result;
    const bool ok = [&] {
        if (tokens.next().value != "*" ||
            tokens.next().value.compare("NAMESPACE", Qt::CaseInsensitive) != 0) {
            tokens.fail(u"not a NAMESPACE response"_s);
            return false;
        }
        if (!readList(tokens, result.personal) || !readList(tokens, result.otherUsers) ||
            !readList(tokens, result.shared))
            return false;
        if (!tokens.atEnd()) {
            tokens.fail(u"unexpected data after the shared namespaces"_s);
            return false;
        }
        return true;
    }();
    if (!ok) {
        if (error)
            *error = u"NAMESPACE: "_s + tokens.error();
        return std::nullopt;
    }
    return result;
}

} // namespace Amiens
