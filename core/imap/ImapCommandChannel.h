#pragma once

#include "imap/FetchedMessage.h"
#include "imap/FolderInfo.h"
#include "imap/ImapCommandsInFlight.h"
#include "imap/ImapLineAssembler.h"
#include "imap/ImapNamespaceParser.h"
#include "imap/ImapQuotaParser.h"
#include "imap/ImapRawReply.h"
#include "imap/ImapResponse.h"
#include "imap/ImapRights.h"
#include "imap/MailboxState.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <array>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>
#include <vmime/net/imap/IMAPConnection.hpp>
#include <vmime/net/imap/IMAPParser.hpp>

namespace Amiens {

class ImapConnection;

/// Raw IMAP commands on the store's own connection. VMime's folder API opens a new connection
/// (TLS handshake and login) per folder, has no CHANGEDSINCE, drops keywords and INTERNALDATE
/// and costs quadratic time on big fetches (core/net/VmimeTraps.md, « One connection per
/// folder » to « INTERNALDATE rejected »); commands sent here avoid all of that and never set
/// \Seen (EXAMINE, PEEK). FETCH replies and the extensions VMime does not know are read raw
/// (ImapFetchParser and the other parsers of core/imap); VMime's parser reads the rest.
class ImapCommandChannel
{
public:
    using Parser = vmime::net::imap::IMAPParser;
    using Response = std::unique_ptr<Parser::response>;

    using MailboxState = Amiens::MailboxState;

    /// The mailboxes and their states, from one LIST-EXTENDED (listMailboxes()).
    struct MailboxListing
    {
        QList<FolderInfo> folders;           ///< in FolderList's order; namespaces not yet known
        QHash<QString, MailboxState> states; ///< keyed by FolderInfo::path()
        /// NAMESPACE's answer when it was asked in the same write; nullopt otherwise or refused.
        std::optional<ImapNamespaceParser::Namespaces> namespaces;
        /// The EXAMINE answer of the mailbox examined before the LIST, now selected; nullopt when
        /// none was asked, or the server refused it or answered what we cannot read.
        std::optional<MailboxState> examined;
    };

    /// A raw reply of a pipelined batch.
    using RawReply = ImapRawReply;

    /// What a FETCH reply gives, message by message.
    using MessageHandler = std::function<void(FetchedMessage &&message, QByteArray &&body)>;

    explicit ImapCommandChannel(ImapConnection &connection);

    /// While one lives, the commands sent wait in the socket and leave together when the last
    /// one ends (one TLS record, one round trip): a folder's last batch, its flag changes and its
    /// expunge check. Nothing is flushed when it ends by an exception: that connection is never
    /// used again (AccountWorker).
    class SendTogether
    {
    public:
        explicit SendTogether(ImapCommandChannel &channel);
        ~SendTogether();
        SendTogether(const SendTogether &) = delete;
        SendTogether &operator=(const SendTogether &) = delete;

    private:
        ImapCommandChannel &m_channel;
        int m_exceptions = 0;
    };

    /// Sends @p command and reads its whole reply; throws vmime::exceptions::command_error
    /// when the server answers NO or BAD.
    Response execute(const std::string &command);

    [[nodiscard]] bool hasCapability(const std::string &capability) const;
    /// The mailbox name as an IMAP argument: modified UTF-7, quoted.
    [[nodiscard]] std::string mailboxArgument(const QString &path) const;

    /// A UID FETCH to send along another command.
    struct FetchRequest
    {
        std::string uidSet;
        std::string attributes;
    };

    /// EXAMINE: read-only, so nothing done afterwards can change flags on the server.
    MailboxState examine(const QString &path);
    /// The same with @p fetch sent in the same write, its reply left for readFetch(): one round
    /// trip for both. The EXAMINE's reply is read raw (ImapSelectParser). When the EXAMINE is
    /// refused no mailbox is selected (RFC 3501 §6.3.1) and the FETCH fails unseen: its reply is
    /// dropped by the next command.
    MailboxState examine(const QString &path, const FetchRequest &fetch);
    /// The same in two steps, behind whatever is in flight: the previous folder's last batches
    /// are still arriving when the next folder's EXAMINE and sizes leave, so the link does not
    /// wait a round trip between two folders. Only once the previous folder has nothing more to
    /// send: its later commands would reach the newly selected mailbox. readExamined() reads the
    /// replies in flight before it (as readFetch() would drop them) and returns the state.
    void sendExamine(const QString &path, const FetchRequest &fetch);
    MailboxState readExamined();
    /// What a resync needs first, in one round trip: `LIST "" "*" RETURN (SPECIAL-USE CHILDREN
    /// STATUS (MESSAGES UIDNEXT UIDVALIDITY HIGHESTMODSEQ))` (RFC 5258, 5819, 6154) gives the
    /// folders as FolderList::read() would and every folder's state (exists = MESSAGES). Written
    /// with it, before it: with @p askNamespaces, NAMESPACE; with @p examineFirst, the EXAMINE of
    /// that mailbox (the inbox), its state in MailboxListing::examined and the mailbox left
    /// selected. Dovecot opens a big Maildir inbox once that way, where a LIST-STATUS followed by an
    /// EXAMINE opened it twice (100 ms each at 68,000 messages); and the selected mailbox of an
    /// earlier sync is left without UNSELECT. Without @p examineFirst, a selected mailbox is left
    /// with UNSELECT (a server answers STATUS of the selected mailbox from this session's view of
    /// it, which misses mail delivered since: Dovecot). nullopt when the server lacks LIST-STATUS
    /// or CONDSTORE (or UNSELECT when it is needed): the caller lists through VMime and examines
    /// every folder. Throws command_error when the LIST is refused, invalid_response when it is
    /// unreadable.
    /// With @p fetchAfterExamine, that FETCH goes in the same write right behind the EXAMINE (the
    /// inbox's new messages' sizes: a changed inbox needs no round trip of its own before its first
    /// batch); its reply is left for readFetch(), dropped by the next command when not read.
    std::optional<MailboxListing> listMailboxes(bool askNamespaces, const QString &examineFirst = {},
                                                const std::optional<FetchRequest> &fetchAfterExamine = {});
    /// The messages' UIDs in @p range ("1:*", "500:*"), read raw: sendUidSearch() then
    /// readUidSearch().
    QList<quint32> searchUids(const std::string &range);
    /// The same in two steps, behind whatever is in flight: a folder's expunge check leaves with
    /// its last batch and its flag changes, a round trip less. With ESEARCH (RFC 4731) the answer
    /// is a sequence set ("1:6911"), not one number per message. Any command sent before
    /// readUidSearch() first reads and keeps the reply. One at a time.
    void sendUidSearch(const std::string &range);
    /// The reply to sendUidSearch(), sorted; throws command_error on NO or BAD, invalid_response
    /// when it is unreadable, logic_error when none was sent.
    QList<quint32> readUidSearch();
    /// UID SEARCH with any criteria, e.g. HEADER Message-ID "<id>"; the UIDs sorted.
    QList<quint32> searchMatching(const std::string &criteria);
    /// UID FETCH @p uidSet with @p attributes; @p onMessage gets each message as it is read
    /// (ImapFetchParser, not VMime's parser: INTERNALDATE can be asked). Throws command_error on
    /// NO or BAD, invalid_response when a response is malformed (after reading up to the tagged
    /// reply, so the connection stays in step).
    void fetch(const std::string &uidSet, const std::string &attributes, const MessageHandler &onMessage);
    /// The same in two steps: the command goes out now and the server prepares its reply while
    /// the caller stores the previous batch; readFetch() then reads the oldest FETCH sent. Several
    /// may be in flight (pipelined batches), and a sendQuotaRoot() among them. Any other command
    /// sent before readFetch() first reads and drops that reply, so the connection stays in step.
    void sendFetch(const std::string &uidSet, const std::string &attributes);
    void readFetch(const MessageHandler &onMessage);

    /// APPEND of @p message to @p path with @p flags, as a literal sent only after the server's
    /// continuation (a server that refuses at once never sees the message), in 64 KiB writes.
    /// Returns the new UID from APPENDUID (UIDPLUS), 0 when the server does not say; throws
    /// vmime::exceptions::command_error when it refuses.
    quint32 append(const QString &path, const QByteArray &message, const QStringList &flags);

    /// Sends @p command and returns its untagged lines as the server sent them, literals inline
    /// ("* ACL {5}\r\nINBOX fred lrs", without the final CRLF), for replies VMime 0.9.2's parser
    /// rejects (NAMESPACE, ACL, MYRIGHTS, QUOTA, QUOTAROOT). Lines and literals are bounded as
    /// ImapStreamGuard bounds them, the whole reply by kMaxRawReplyBytes; throws
    /// vmime::exceptions::command_error on NO or BAD, invalid_response past a bound.
    QList<QByteArray> executeRaw(const std::string &command);
    /// Sends every command of @p commands in one write and reads their replies in order: one
    /// round trip for commands that do not depend on each other. A NO or BAD is reported in its
    /// RawReply and the later replies are still read, so the connection stays in step; throws
    /// invalid_response past a bound (as executeRaw()).
    QList<RawReply> executeRawPipelined(const QList<std::string> &commands);

    /// NAMESPACE (RFC 2342): the personal, other users' and shared namespaces; nullopt when the
    /// server announces neither NAMESPACE nor IMAP4rev2. Throws command_error on NO or BAD,
    /// invalid_response when the answer is malformed.
    std::optional<ImapNamespaceParser::Namespaces> namespaces();
    /// MYRIGHTS (RFC 4314): what the user may do in @p path; nullopt without the ACL capability.
    std::optional<ImapRights> myRights(const QString &path);
    /// The same for every folder of @p paths in one round trip (executeRawPipelined), in their
    /// order; an entry is nullopt where the server refused (the folder went, or is not ours to
    /// ask about). nullopt without the ACL capability.
    std::optional<QList<std::optional<ImapRights>>> myRights(const QStringList &paths);
    /// GETQUOTAROOT (RFC 9208): the quota roots of @p path and their usage and limits; nullopt
    /// without the QUOTA capability.
    std::optional<ImapQuotaParser::QuotaRoots> quotaRoot(const QString &path);
    /// The same in two steps, for a caller with cache writes to do meanwhile: the command goes out
    /// now and the server counts (Dovecot's count quota: 130 ms at 100,000 messages) while the
    /// cache writes. Any command sent before readQuotaRoot() first reads and keeps the reply.
    /// false (nothing sent) without the QUOTA capability.
    bool sendQuotaRoot(const QString &path);
    /// The reply to sendQuotaRoot(); nullopt when none was sent. Throws as quotaRoot().
    std::optional<ImapQuotaParser::QuotaRoots> readQuotaRoot();

    /// IDLE (RFC 2177), in three steps. startIdle() sends IDLE and returns once the server's "+"
    /// continuation came; throws command_error when the server refuses.
    void startIdle();
    /// The next untagged line the server sends while idling ("* 3 EXISTS"), or nullopt when
    /// @p wait passed first. Cancelling the connection's flag ends the wait at once with
    /// operation_timed_out; a "* BYE" or a closed connection throws socket_exception.
    std::optional<QByteArray> readIdleLine(std::chrono::milliseconds wait);
    /// Sends DONE and reads up to the tagged OK; returns the untagged lines that came meanwhile.
    QList<QByteArray> stopIdle();
    [[nodiscard]] bool isIdling() const { return !m_idleTag.empty(); }

    /// A raw reply stops there: NAMESPACE, ACL or QUOTA answers are a few hundred bytes.
    static constexpr qint64 kMaxRawReplyBytes = ImapStreamGuard::kMaxLineBytes;

    /// "1:5,7,9:12" for sorted UIDs.
    [[nodiscard]] static std::string uidSet(QList<quint32> uids);

private:
    /// The text of the tagged reply ("Quota exceeded"), or VMime's parse log when there is none.
    [[nodiscard]] static std::string serverText(const Parser::response &response);
    /// Reads the reply of the oldest command in flight: a FETCH's is dropped, the others' kept
    /// (ImapCommandsInFlight::takeReply()).
    void readOldestPending();
    /// Sends @p command behind the commands in flight, its reply to be kept (QuotaRoot, Examine,
    /// Search).
    void sendKept(const std::string &command, const std::string &verb, ImapCommandsInFlight::Kind kind);
    /// Reads the replies in flight up to the one of @p kind and hands it over; nullopt when none
    /// was sent.
    std::optional<RawReply> takeKeptReply(ImapCommandsInFlight::Kind kind);
    /// Reads every reply in flight, before a command whose reply is read at once.
    void settlePending();
    /// Reads the reply of the oldest command in flight, a FETCH, up to its tagged status, and
    /// removes it; @p onMessage may be empty.
    void readFetchReply(const MessageHandler &onMessage);
    /// Sends what the socket holds back until the next read.
    void pushSentCommands();
    void send(const std::string &command);
    /// Reads the reply to @p command, the last command sent; throws on NO or BAD.
    Response readReply(const std::string &command);

    /// "EXAMINE \"name\" (CONDSTORE)", the CONDSTORE part when the server has it.
    [[nodiscard]] std::string examineCommand(const QString &path) const;
    /// Sends @p command through VMime (its tag, its tracer) and returns the tag it went with.
    std::string sendTagged(const std::string &command);
    /// The next whole line from the socket, read without VMime's parser; nullopt when @p deadline
    /// passed first (no deadline: waits under the connection's timeout handler).
    std::optional<QByteArray> readRawLine(std::optional<std::chrono::steady_clock::time_point> deadline);
    /// The same with the literals kept apart (ImapLineAssembler::takeResponse()).
    std::optional<ImapResponse>
    readRawResponse(std::optional<std::chrono::steady_clock::time_point> deadline);
    /// Untagged lines up to the tagged reply of @p tag; throws on NO or BAD.
    QList<QByteArray> readRawReply(const std::string &tag, const std::string &verb);
    /// The same, a NO or BAD returned in the RawReply instead of thrown.
    RawReply readRawReplyKeepingRefusal(const std::string &tag, const std::string &verb);
    /// The replies of @p commands, sent in one write with @p tags, in order (a refusal in its
    /// RawReply).
    QList<RawReply> readRawReplies(const QList<std::string> &commands, const QList<std::string> &tags);

    vmime::shared_ptr<vmime::net::imap::IMAPConnection> m_connection;
    /// What the login's tagged OK announced (ImapConnection::capabilities()); empty when it said
    /// nothing, then VMime is asked (a CAPABILITY round trip the first time).
    std::vector<std::string> m_capabilities;
    ImapCommandsInFlight m_inFlight; ///< the commands whose replies are still to be read
    ImapLineAssembler m_rawLines;
    std::array<vmime::byte_t, 64 * 1024> m_receiveBuffer{};
    int m_sendsHeld = 0;                ///< SendTogether scopes open
    std::string m_idleTag;              ///< the tag of the IDLE in progress
    QList<QByteArray> m_idleEarlyLines; ///< untagged lines that came before IDLE's continuation
};

} // namespace Amiens
