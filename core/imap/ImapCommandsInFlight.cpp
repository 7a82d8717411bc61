#include "ImapCommandsInFlight.h"

#include "ImapFetchParser.h"
#include "ImapSearchParser.h"

#include <algorithm>
#include <utility>

namespace Amiens {

void ImapCommandsInFlight::addFetch(const std::string &tag, const std::string &uidSet,
                                    const std::string &attributes)
{
    m_commands.append(
        {tag, "FETCH", Kind::Fetch, ImapPendingFetch(tag, uidSet, attributes), {}, std::nullopt});
}

void ImapCommandsInFlight::addKept(const std::string &tag, const std::string &verb, Kind kind)
{
    m_commands.append({tag, verb, kind, std::nullopt, {}, std::nullopt});
    keptReply(kind).reset();
    if (kind == Kind::Search)
        m_searchTag = tag;
}

bool ImapCommandsInFlight::contains(Kind kind) const
{
    return std::any_of(m_commands.cbegin(), m_commands.cend(),
                       [kind](const Command &command) { return command.kind == kind; });
}

std::optional<ImapRawReply> &ImapCommandsInFlight::keptReply(Kind kind)
{
    switch (kind) {
    case Kind::QuotaRoot:
        return m_quotaRootReply;
    case Kind::Search:
        return m_searchReply;
    case Kind::Examine:
    case Kind::Fetch:
        break;
    }
    return m_examinedReply;
}

bool ImapCommandsInFlight::keepLine(const QByteArray &line, const std::string &readingTag)
{
    const bool untagged = line.startsWith("* ");
    const bool quota = untagged && line.left(7).compare("* QUOTA", Qt::CaseInsensitive) == 0;
    for (Command &command : m_commands) {
        if (command.tag == readingTag)
            continue;
        if (!untagged) {
            if (ImapResponse::isTagged(line, command.tag)) {
                command.completion = line;
                return true;
            }
            continue;
        }
        if ((command.kind == Kind::QuotaRoot && quota) ||
            (command.kind == Kind::Search &&
             ImapSearchParser::answers(line, QByteArray::fromStdString(command.tag)))) {
            command.early.append(line);
            return true;
        }
    }
    return false;
}

bool ImapCommandsInFlight::routeFetch(ImapResponse &&response)
{
    // The oldest FETCH in flight is the one being read, or the first to be.
    const auto oldest = std::find_if(m_commands.begin(), m_commands.end(),
                                     [](const Command &command) { return command.kind == Kind::Fetch; });
    if (oldest == m_commands.end())
        return false;
    QString error;
    std::optional<ImapFetchParser::Fetched> fetched = ImapFetchParser::parse(std::move(response), &error);
    if (!fetched) {
        oldest->fetch->setMalformed(error);
        return true;
    }
    // A FETCH none of ours asked for, or without UID, is an unsolicited flag update: the next
    // sync sees it.
    if (fetched->message.uid == 0)
        return true;
    for (auto each = oldest; each != m_commands.end(); ++each) {
        if (each->fetch && each->fetch->answers(*fetched)) {
            each->fetch->keep(std::move(*fetched));
            break;
        }
    }
    return true;
}

void ImapCommandsInFlight::keepReply(const Command &command, ImapRawReply reply)
{
    reply.untagged = command.early + reply.untagged;
    keptReply(command.kind) = std::move(reply);
}

std::optional<ImapRawReply> ImapCommandsInFlight::takeReply(Kind kind)
{
    return std::exchange(keptReply(kind), std::nullopt);
}

} // namespace Amiens
