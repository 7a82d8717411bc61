#include "SieveScript.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

// Tags followed by a value in the commands and tests we read (RFC 5228, 5230, 5231, 5260).
bool tagTakesValue(const QString &tag)
{
    static const QSet<QString> tags{u"comparator"_s, u"zone"_s,    u"value"_s, u"count"_s,     u"days"_s,
                                    u"seconds"_s,    u"subject"_s, u"from"_s,  u"addresses"_s, u"handle"_s};
    return tags.contains(tag);
}

bool hasTagIn(const QList<SieveArgument> &arguments, const QString &tag)
{
    return std::any_of(arguments.cbegin(), arguments.cend(), [&](const SieveArgument &argument) {
        return argument.kind == SieveArgument::Kind::Tag && argument.tag == tag;
    });
}

const SieveArgument *tagValueIn(const QList<SieveArgument> &arguments, const QString &tag)
{
    for (qsizetype i = 0; i + 1 < arguments.size(); ++i) {
        if (arguments[i].kind == SieveArgument::Kind::Tag && arguments[i].tag == tag)
            return &arguments[i + 1];
    }
    return nullptr;
}

QList<SieveArgument> positionalIn(const QList<SieveArgument> &arguments)
{
    QList<SieveArgument> result;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        if (arguments[i].kind == SieveArgument::Kind::Tag) {
            if (tagTakesValue(arguments[i].tag))
                ++i;
            continue;
        }
        result.append(arguments[i]);
    }
    return result;
}

} // namespace

bool SieveTest::hasTag(const QString &tag) const
{
    return hasTagIn(arguments, tag);
}
const SieveArgument *SieveTest::tagValue(const QString &tag) const
{
    return tagValueIn(arguments, tag);
}
QList<SieveArgument> SieveTest::positional() const
{
    return positionalIn(arguments);
}

bool SieveCommand::hasTag(const QString &tag) const
{
    return hasTagIn(arguments, tag);
}
const SieveArgument *SieveCommand::tagValue(const QString &tag) const
{
    return tagValueIn(arguments, tag);
}
QList<SieveArgument> SieveCommand::positional() const
{
    return positionalIn(arguments);
}

QStringList SieveScript::leadingRequires() const
{
    QStringList extensions;
    for (const SieveCommand &command : commands) {
        if (command.name != u"require"_s)
            break;
        for (const SieveArgument &argument : command.arguments)
            extensions += argument.strings;
    }
    return extensions;
}

} // namespace Amiens
