#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace Amiens::Test {

/// What a scripted IMAP server does, in order: wait for a client command matching a pattern,
/// send lines, accept a literal, drop the connection, or stop answering. ImapScenarioPlayer
/// plays it against the real client. Logging in, CAPABILITY, LIST, NOOP and LOGOUT are answered
/// by the player's defaults whenever the next step does not expect them, so a scenario only
/// spells out what the test is about (EXAMINE, SEARCH, FETCH, STORE, APPEND…).
///
///     ImapScenario s;
///     s.expect(uR"(EXAMINE "INBOX" \(CONDSTORE\))"_s)
///         .send(ImapScenario::mailbox(2, 7, 3, 10))
///         .ok();
class ImapScenario
{
public:
    struct Step
    {
        enum class Kind
        {
            Expect,        ///< the next client command must match pattern
            Send,          ///< data goes to the client, $tag replaced
            AcceptLiteral, ///< "+ Ready", then the literal the expected command announced is read
            Drop,          ///< the connection is closed at once
            Silence,       ///< nothing is answered any more on this connection
        };
        Kind kind = Kind::Send;
        QString pattern;
        QByteArray data;
    };

    /// The client's next command (other than those the defaults answer) must match @p pattern, a
    /// QRegularExpression matched against the whole text after the tag, without CRLF. Its tag
    /// becomes $tag for the steps that follow. IDLE's untagged "DONE" is expected as "DONE" and
    /// keeps the IDLE's tag, so that ok() after it answers the IDLE.
    ImapScenario &expect(const QString &pattern);
    /// Sends @p data as it is (lines end with CRLF), each "$tag" replaced by the tag of the last
    /// expected command. literal() builds literals.
    ImapScenario &send(const QByteArray &data);
    /// "$tag OK @p text", "$tag NO @p text", "$tag BAD @p text".
    ImapScenario &ok(const QByteArray &text = "done");
    ImapScenario &no(const QByteArray &text);
    ImapScenario &bad(const QByteArray &text);
    /// The last expected command ends with a synchronizing literal "{N}": the server sends the
    /// continuation "+ Ready" and reads the N bytes and the rest of the command. Without this
    /// step the continuation is never sent (a server that refuses the literal answers with no()).
    ImapScenario &acceptLiteral();
    /// Closes the connection right after what was sent so far (a server that crashed, a cable
    /// pulled in the middle of a literal).
    ImapScenario &drop();
    /// Answers nothing more on this connection: the client's lines are recorded until it gives up.
    ImapScenario &silence();
    /// Appends the steps of @p other.
    ImapScenario &then(const ImapScenario &other);

    /// What the default CAPABILITY answer announces (default: IMAP4rev1 AUTH=PLAIN LITERAL+
    /// CONDSTORE UIDPLUS MOVE SPECIAL-USE).
    ImapScenario &capabilities(const QByteArray &capabilities);
    /// Adds a folder to the default LIST answer (by default INBOX alone), e.g.
    /// folder("Drafts", "\\HasNoChildren \\Drafts").
    ImapScenario &folder(const QByteArray &name, const QByteArray &attributes = "\\HasNoChildren");

    [[nodiscard]] const QList<Step> &steps() const { return m_steps; }
    [[nodiscard]] QByteArray capabilityList() const { return m_capabilities; }
    /// The default LIST answer's untagged lines.
    [[nodiscard]] QByteArray listLines() const;

    /// "{N}\r\n" followed by @p bytes, N being their size.
    [[nodiscard]] static QByteArray literal(const QByteArray &bytes);
    /// The untagged lines of an EXAMINE or SELECT answer; @p highestModSeq 0 leaves out
    /// HIGHESTMODSEQ (a server without CONDSTORE).
    [[nodiscard]] static QByteArray mailbox(quint32 exists, quint32 uidValidity, quint32 uidNext,
                                            quint64 highestModSeq);
    /// "* @p sequence FETCH (@p attributes)\r\n".
    [[nodiscard]] static QByteArray fetch(quint32 sequence, const QByteArray &attributes);
    /// "* SEARCH" followed by @p uids.
    [[nodiscard]] static QByteArray search(const QList<quint32> &uids);

private:
    QList<Step> m_steps;
    QByteArray m_capabilities = "IMAP4rev1 AUTH=PLAIN LITERAL+ CONDSTORE UIDPLUS MOVE SPECIAL-USE";
    QList<QByteArray> m_folders;
};

} // namespace Amiens::Test
