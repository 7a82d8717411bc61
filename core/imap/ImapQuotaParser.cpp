#include "ImapQuotaParser.h"

#include "FolderList.h"
#include "ImapTokenizer.h"

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

using Type = ImapTokenizer::Type;

bool startsResponse(ImapTokenizer &tokens, const char *name)
{
    if (tokens.next().value == "*" && tokens.next().value.compare(name, Qt::CaseInsensitive) == 0)
        return true;
    tokens.fail(u"not a %1 response"_s.arg(QLatin1StringView(name)));
    return false;
}

bool isResponse(const QByteArray &line, const char *name)
{
    ImapTokenizer tokens(line);
    return tokens.next().value == "*" && tokens.next().value.compare(name, Qt::CaseInsensitive) == 0;
}

} // namespace

std::optional<ImapQuotaParser::Resource> ImapQuotaParser::Quota::resource(const QString &name) const
{
    for (const Resource &resource : resources) {
        if (resource.name.compare(name, Qt::CaseInsensitive) == 0)
            return resource;
    }
    return std::nullopt;
}

std::optional<ImapQuotaParser::Resource> ImapQuotaParser::Quota::storage() const
{
    return resource(u"STORAGE"_s);
}

std::optional<ImapQuotaParser::Resource> ImapQuotaParser::Quota::messages() const
{
    return resource(u"MESSAGE"_s);
}

std::optional<ImapQuotaParser::Quota> ImapQuotaParser::parseQuotaLine(const QByteArray &line, QString *error)
{
    ImapTokenizer tokens(line);
    Quota quota;
    const bool ok = [&] {
        if (!startsResponse(tokens, "QUOTA"))
            return false;
        const auto root = tokens.astring("a quota root name");
        if (!root)
            return false;
        quota.root = QString::fromUtf8(*root);
        if (!tokens.expect(Type::Open, "the resource list"))
            return false;
        while (tokens.peek().type != Type::Close) {
            if (quota.resources.size() >= kMaxResources) {
                tokens.fail(u"more than %1 resources"_s.arg(kMaxResources));
                return false;
            }
            const ImapTokenizer::Token name = tokens.next();
            if (name.type != Type::Atom) {
                tokens.fail(u"expected a resource name"_s);
                return false;
            }
            // number64 (RFC 9208 §9): 0 to 2^63 - 1, ImapTokenizer::number()'s default bound.
            const auto usage = tokens.number("the usage");
            if (!usage)
                return false;
            const auto limit = tokens.number("the limit");
            if (!limit)
                return false;
            quota.resources.append({QString::fromLatin1(name.value).toUpper(), *usage, *limit});
        }
        tokens.next();
        if (!tokens.atEnd()) {
            tokens.fail(u"unexpected data after the resource list"_s);
            return false;
        }
        return true;
    }();
    if (!ok) {
        if (error)
            *error = u"QUOTA: "_s + tokens.error();
        return std::nullopt;
    }
    return quota;
}

std::optional<ImapQuotaParser::QuotaRoots> ImapQuotaParser::parseQuotaRootLine(const QByteArray &line,
                                                                               QString *error)
{
    ImapTokenizer tokens(line);
    QuotaRoots result;
    const bool ok = [&] {
        if (!startsResponse(tokens, "QUOTAROOT"))
            return false;
        const auto mailbox = tokens.astring("a mailbox name");
        if (!mailbox)
            return false;
        result.mailbox = FolderList::decodeName(*mailbox);
        while (!tokens.atEnd()) {
            if (result.roots.size() >= kMaxRoots) {
                tokens.fail(u"more than %1 quota roots"_s.arg(kMaxRoots));
                return false;
            }
            const auto root = tokens.astring("a quota root name");
            if (!root)
                return false;
            result.roots.append(QString::fromUtf8(*root));
        }
        return tokens.error().isEmpty();
    }();
    if (!ok) {
        if (error)
            *error = u"QUOTAROOT: "_s + tokens.error();
        return std::nullopt;
    }
    return result;
}

std::optional<ImapQuotaParser::QuotaRoots> ImapQuotaParser::parseQuotaRoot(const QList<QByteArray> &untagged,
                                                                           QString *error)
{
    std::optional<QuotaRoots> result;
    QList<Quota> quotas;
    for (const QByteArray &line : untagged) {
        if (!result && isResponse(line, "QUOTAROOT")) {
            result = parseQuotaRootLine(line, error);
            if (!result)
                return std::nullopt;
        } else if (isResponse(line, "QUOTA")) {
            auto quota = parseQuotaLine(line, error);
            if (!quota)
                return std::nullopt;
            quotas.append(std::move(*quota));
        }
    }
    if (!result) {
        if (error)
            *error = u"no QUOTAROOT response"_s;
        return std::nullopt;
    }
    // In the roots' order; a QUOTA for a root not named (some servers add others) is left out.
    for (const QString &root : std::as_const(result->roots)) {
        for (const Quota &quota : std::as_const(quotas)) {
            if (quota.root == root) {
                result->quotas.append(quota);
                break;
            }
        }
    }
    return result;
}

} // namespace Amiens
