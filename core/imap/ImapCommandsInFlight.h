#pragma once

#include "imap/ImapPendingFetch.h"
#include "imap/ImapRawReply.h"
#include "imap/ImapResponse.h"

#include <QByteArray>
#include <QList>
#include <optional>
#include <string>

namespace Amiens {

/// The commands sent on a connection whose replies are not read yet, in the order they went:
/// pipelined FETCH batches, and an EXAMINE, a UID SEARCH or a GETQUOTAROOT whose reply its
/// reader asks for later (ImapCommandChannel). Servers interleave the replies of pipelined
/// commands (RFC 3501 §5.5), and Dovecot completes them out of order: a line read while one
/// command's reply is awaited but answering another is kept with the command it answers, and a
/// reply read before its reader asked is kept until it does. Bookkeeping only: the channel reads.
class ImapCommandsInFlight
{
public:
    struct Command
    {
        enum class Kind
        {
            Fetch,
            QuotaRoot,
            Examine,
            Search,
        };
        std::string tag;
        std::string verb;
        Kind kind = Kind::Fetch;
        std::optional<ImapPendingFetch> fetch; ///< set for a FETCH
        /// Its untagged lines that came while an earlier command's reply was read.
        QList<QByteArray> early;
        /// Its tagged reply when it came first: Dovecot answers a GETQUOTAROOT sent behind a
        /// FETCH before that FETCH ends.
        std::optional<QByteArray> completion;
    };
    using Kind = Command::Kind;

    void addFetch(const std::string &tag, const std::string &uidSet, const std::string &attributes);
    /// A command whose reply is kept for its reader (takeReply()); the kept reply of an earlier
    /// command of that kind is forgotten.
    void addKept(const std::string &tag, const std::string &verb, Kind kind);

    [[nodiscard]] bool isEmpty() const { return m_commands.isEmpty(); }
    [[nodiscard]] bool contains(Kind kind) const;
    /// The oldest command in flight, whose reply comes first; not on an empty list.
    [[nodiscard]] Command &oldest() { return m_commands.first(); }
    Command takeOldest() { return m_commands.takeFirst(); }

    /// Keeps @p line, read while the reply of the command tagged @p readingTag was awaited, with
    /// the later command it answers: its tagged reply, a SEARCH or ESEARCH line for a UID
    /// SEARCH, a QUOTA or QUOTAROOT line for a GETQUOTAROOT. false for any other line.
    bool keepLine(const QByteArray &line, const std::string &readingTag);
    /// Hands a FETCH response to the FETCH in flight it answers (ImapPendingFetch), or drops it
    /// when it answers none (an unsolicited update); false when no FETCH is in flight.
    bool routeFetch(ImapResponse &&response);

    /// Keeps the reply read for @p command (taken off the list), its early lines first.
    void keepReply(const Command &command, ImapRawReply reply);
    /// The reply kept for the command of @p kind; nullopt when none was read (or sent).
    std::optional<ImapRawReply> takeReply(Kind kind);
    /// The tag of the last UID SEARCH added: its ESEARCH answer names it.
    [[nodiscard]] const std::string &searchTag() const { return m_searchTag; }

private:
    std::optional<ImapRawReply> &keptReply(Kind kind);

    QList<Command> m_commands;
    std::optional<ImapRawReply> m_quotaRootReply;
    std::optional<ImapRawReply> m_examinedReply;
    std::optional<ImapRawReply> m_searchReply;
    std::string m_searchTag;
};

} // namespace Amiens
