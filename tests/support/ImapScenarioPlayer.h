#pragma once

#include "ImapScenario.h"
#include "ImapTranscript.h"
#include "ScriptedServer.h"

#include <QStringList>
#include <atomic>
#include <memory>
#include <mutex>

namespace Amiens::Test {

/// Plays an ImapScenario on a ScriptedServer (implicit TLS on 127.0.0.1), one connection at a
/// time, the steps running on across connections: a client that reconnects after drop() meets
/// the steps that follow it. Every connection gets the greeting, then the client's commands are
/// matched against the next Expect step; a command that does not match it is answered by the
/// defaults (CAPABILITY, AUTHENTICATE, LOGIN, LIST, NOOP, LOGOUT) or is a failure: it is recorded
/// with what was expected and what came, answered BAD, the connection is closed and every later
/// connection is refused, so the client stops instead of going on with a broken script.
///
/// The greeting and the login's tagged OK carry [CAPABILITY …] as Dovecot's do. The transcript
/// counts round trips (ImapTranscript::roundTrips()): commands the client pipelined share one.
///
/// Destroy the client (the AccountSession) before the player: the player waits on its connection
/// until the client leaves.
class ImapScenarioPlayer
{
public:
    ImapScenarioPlayer(const ImapScenario &scenario, const ScriptedServer::TlsIdentity &identity);
    ~ImapScenarioPlayer();
    ImapScenarioPlayer(const ImapScenarioPlayer &) = delete;
    ImapScenarioPlayer &operator=(const ImapScenarioPlayer &) = delete;

    [[nodiscard]] quint16 port() const { return m_server->port(); }
    /// Adds steps after the current ones, e.g. the second sync once the first has finished.
    void extend(const ImapScenario &more);

    /// Every step was played and nothing unexpected came.
    [[nodiscard]] bool isComplete() const;
    /// « step 4: expected /EXAMINE "INBOX".*/, got « a7 UID FETCH … » », one per failure.
    [[nodiscard]] QStringList failures() const;
    [[nodiscard]] ImapTranscript transcript() const;
    [[nodiscard]] int connectionCount() const { return m_connections; }
    /// Failures, the first step not played and the transcript: for QVERIFY2.
    [[nodiscard]] QString report() const;

private:
    enum class Outcome
    {
        Continue,
        Close,
        NotHandled, ///< not a command the defaults answer
    };
    void serve(ScriptedConnection &connection);
    /// Plays the steps from the next one up to the next Expect (or the end).
    Outcome playServerSteps(ScriptedConnection &connection, int number);
    /// Reads a whole command, LITERAL+ literals included; empty when the client left.
    QByteArray readCommand(ScriptedConnection &connection);
    Outcome answerByDefault(ScriptedConnection &connection, int number, const QByteArray &tag,
                            const QByteArray &text);
    void sendToClient(ScriptedConnection &connection, int number, const QByteArray &data);
    /// The round trip of what the client sends next: a new one when it had to wait for the
    /// server's last answer (nothing of its was there yet when the answer went out).
    int roundTripOfNextClientData();
    void fail(const QString &failure);

    ImapScenario m_scenario;
    mutable std::mutex m_mutex; // guards what follows: the test thread reads, the server thread writes
    qsizetype m_next = 0;
    QByteArray m_tag;
    QByteArray m_lastCommand;
    ImapTranscript m_transcript;
    QStringList m_failures;
    int m_roundTrips = 0;
    bool m_clientWaited = true; ///< the server spoke and nothing from the client was pending

    std::atomic<bool> m_stopping{false};
    std::atomic<int> m_connections{0};
    std::unique_ptr<ScriptedServer> m_server; // last: its thread uses everything above
};

} // namespace Amiens::Test
