#include "ImapScenarioPlayer.h"

#include <QElapsedTimer>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Amiens::Test {

namespace {

/// How long a connection may stay idle: a test checks its cache between two syncs while the
/// client keeps its connection; the player must not close it under the client's feet.
constexpr qint64 kIdleLimitMs = 120 * 1000;
/// The client is on the same machine: a literal it announced arrives at once.
constexpr int kLiteralTimeoutMs = 10 * 1000;

QString describe(const ImapScenario::Step &step)
{
    switch (step.kind) {
    case ImapScenario::Step::Kind::Expect:
        return u"expect /"_s + step.pattern + u'/';
    case ImapScenario::Step::Kind::Send:
        return u"send « "_s + QString::fromUtf8(step.data.left(80)).trimmed() + u" »"_s;
    case ImapScenario::Step::Kind::AcceptLiteral:
        return u"accept the literal"_s;
    case ImapScenario::Step::Kind::Drop:
        return u"drop the connection"_s;
    case ImapScenario::Step::Kind::Silence:
        return u"stop answering"_s;
    }
    return {};
}

QByteArray withoutLineEnd(QByteArray line)
{
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    return line;
}

/// The size of the literal that ends @p text ("{12}" or, LITERAL+, "{12+}"), or -1.
qint64 announcedLiteral(const QByteArray &text, bool *nonSynchronizing)
{
    static const QRegularExpression literal(uR"(\{(\d+)(\+?)\}$)"_s);
    const QRegularExpressionMatch match = literal.match(QString::fromLatin1(text));
    if (!match.hasMatch())
        return -1;
    *nonSynchronizing = !match.captured(2).isEmpty();
    return match.captured(1).toLongLong();
}

} // namespace

ImapScenarioPlayer::ImapScenarioPlayer(const ImapScenario &scenario,
                                       const ScriptedServer::TlsIdentity &identity)
    : m_scenario(scenario)
    , m_server(std::make_unique<ScriptedServer>([this](ScriptedConnection &c) { serve(c); }, identity))
{
}

ImapScenarioPlayer::~ImapScenarioPlayer()
{
    m_stopping = true;
    m_server.reset();
}

void ImapScenarioPlayer::extend(const ImapScenario &more)
{
    std::lock_guard lock(m_mutex);
    m_scenario.then(more);
}

bool ImapScenarioPlayer::isComplete() const
{
    std::lock_guard lock(m_mutex);
    return m_failures.isEmpty() && m_next == m_scenario.steps().size();
}

QStringList ImapScenarioPlayer::failures() const
{
    std::lock_guard lock(m_mutex);
    return m_failures;
}

ImapTranscript ImapScenarioPlayer::transcript() const
{
    std::lock_guard lock(m_mutex);
    return m_transcript;
}

QString ImapScenarioPlayer::report() const
{
    std::lock_guard lock(m_mutex);
    QString report;
    for (const QString &failure : m_failures)
        report += u"FAILED: "_s + failure + u'\n';
    if (m_next < m_scenario.steps().size())
        report +=
            u"next step not played: %1 (%2)\n"_s.arg(m_next + 1).arg(describe(m_scenario.steps().at(m_next)));
    return report + u"transcript:\n"_s + m_transcript.text();
}

void ImapScenarioPlayer::fail(const QString &failure)
{
    std::lock_guard lock(m_mutex);
    m_failures.append(failure);
}

void ImapScenarioPlayer::sendToClient(ScriptedConnection &connection, int number, const QByteArray &data)
{
    // Looked at before sending: what the client wrote before this answer could reach it.
    const bool clientAhead = connection.waitForLine(0);
    {
        std::lock_guard lock(m_mutex);
        m_transcript.addServer(number, data);
        if (!clientAhead)
            m_clientWaited = true;
    }
    connection.send(data);
}

int ImapScenarioPlayer::roundTripOfNextClientData()
{
    std::lock_guard lock(m_mutex);
    if (m_clientWaited) {
        ++m_roundTrips;
        m_clientWaited = false;
    }
    return m_roundTrips;
}

void ImapScenarioPlayer::serve(ScriptedConnection &connection)
{
    const int number = ++m_connections;
    if (!failures().isEmpty()) {
        // The script is already broken: a reconnecting client must not wander on in it.
        sendToClient(connection, number, "* BYE the scenario has already failed\r\n");
        return;
    }
    QByteArray capabilities;
    {
        std::lock_guard lock(m_mutex);
        capabilities = m_scenario.capabilityList();
    }
    sendToClient(connection, number,
                 "* OK [CAPABILITY " + capabilities + "] AmiensMail scenario server ready\r\n");
    for (;;) {
        if (playServerSteps(connection, number) == Outcome::Close)
            return;
        const QByteArray command = readCommand(connection);
        if (command.isEmpty())
            return;
        const int roundTrip = roundTripOfNextClientData();
        // IDLE's "DONE" is a continuation, not a command: it has no tag, and the tagged answer
        // that follows carries the IDLE's tag ($tag stays).
        const bool done = command.compare("DONE", Qt::CaseInsensitive) == 0;
        const qsizetype space = done ? -1 : command.indexOf(' ');
        const QByteArray tag = done ? QByteArray() : space < 0 ? command : command.left(space);
        const QByteArray text = done ? command : space < 0 ? QByteArray() : command.mid(space + 1);

        QString expected;
        {
            std::lock_guard lock(m_mutex);
            m_transcript.addCommand(number, tag, text, roundTrip);
            if (m_next < m_scenario.steps().size()) {
                const ImapScenario::Step &step = m_scenario.steps().at(m_next);
                if (step.kind == ImapScenario::Step::Kind::Expect) {
                    const QRegularExpression pattern(QRegularExpression::anchoredPattern(step.pattern));
                    if (pattern.match(QString::fromUtf8(text)).hasMatch()) {
                        if (!done)
                            m_tag = tag;
                        m_lastCommand = text;
                        ++m_next;
                        continue;
                    }
                }
                expected = u"step %1: %2"_s.arg(m_next + 1).arg(describe(step));
            } else {
                expected = u"after the last step (%1): nothing more than the defaults"_s.arg(m_next);
            }
        }
        const Outcome outcome = answerByDefault(connection, number, tag, text);
        if (outcome == Outcome::Close)
            return;
        if (outcome == Outcome::Continue)
            continue;
        fail(expected + u", got « "_s + QString::fromUtf8(command) + u" »"_s);
        sendToClient(connection, number, tag + " BAD not in this scenario\r\n");
        return;
    }
}

ImapScenarioPlayer::Outcome ImapScenarioPlayer::playServerSteps(ScriptedConnection &connection, int number)
{
    for (;;) {
        ImapScenario::Step step;
        QByteArray tag;
        QByteArray lastCommand;
        qsizetype index = 0;
        {
            std::lock_guard lock(m_mutex);
            if (m_next >= m_scenario.steps().size() ||
                m_scenario.steps().at(m_next).kind == ImapScenario::Step::Kind::Expect)
                return Outcome::Continue;
            index = m_next++;
            step = m_scenario.steps().at(index);
            tag = m_tag;
            lastCommand = m_lastCommand;
        }
        switch (step.kind) {
        case ImapScenario::Step::Kind::Expect:
            break;
        case ImapScenario::Step::Kind::Send:
            sendToClient(connection, number, QByteArray(step.data).replace("$tag", tag));
            break;
        case ImapScenario::Step::Kind::AcceptLiteral: {
            bool nonSynchronizing = false;
            const qint64 size = announcedLiteral(lastCommand, &nonSynchronizing);
            if (size < 0) {
                fail(u"step %1: accept a literal, but « %2 » announced none"_s.arg(index + 1).arg(
                    QString::fromUtf8(lastCommand)));
                return Outcome::Close;
            }
            if (!nonSynchronizing)
                sendToClient(connection, number, "+ Ready for literal data\r\n");
            const QByteArray literal = connection.readBytes(size, kLiteralTimeoutMs);
            // The line the literal ends (CRLF, or more arguments).
            const QByteArray rest =
                literal.size() == size ? connection.readLine(kLiteralTimeoutMs) : QByteArray();
            {
                std::lock_guard lock(m_mutex);
                m_transcript.addLiteral(literal);
            }
            if (literal.size() < size || rest.isEmpty()) {
                fail(u"step %1: the client announced a literal of %2 bytes and sent %3"_s.arg(index + 1)
                         .arg(size)
                         .arg(literal.size()));
                return Outcome::Close;
            }
            break;
        }
        case ImapScenario::Step::Kind::Drop:
            return Outcome::Close;
        case ImapScenario::Step::Kind::Silence:
            // Whatever the client still sends is recorded, nothing is answered, until it leaves.
            for (QByteArray command = readCommand(connection); !command.isEmpty();
                 command = readCommand(connection)) {
                std::lock_guard lock(m_mutex);
                m_transcript.addCommand(number, command.left(command.indexOf(' ')),
                                        command.mid(command.indexOf(' ') + 1));
            }
            return Outcome::Close;
        }
    }
}

QByteArray ImapScenarioPlayer::readCommand(ScriptedConnection &connection)
{
    QElapsedTimer idle;
    idle.start();
    while (!connection.waitForLine(100)) {
        if (m_stopping || !connection.isOpen() || idle.elapsed() > kIdleLimitMs)
            return {};
    }
    QByteArray command = withoutLineEnd(connection.readLine());
    // LITERAL+ ("{N+}"): the literal follows at once, without a continuation.
    bool nonSynchronizing = false;
    for (qint64 size = announcedLiteral(command, &nonSynchronizing); size >= 0 && nonSynchronizing;
         size = announcedLiteral(command, &nonSynchronizing)) {
        command += "\r\n" + connection.readBytes(size, kLiteralTimeoutMs);
        command += withoutLineEnd(connection.readLine(kLiteralTimeoutMs));
    }
    return command;
}

ImapScenarioPlayer::Outcome ImapScenarioPlayer::answerByDefault(ScriptedConnection &connection, int number,
                                                                const QByteArray &tag, const QByteArray &text)
{
    const QList<QByteArray> words = text.split(' ');
    const QByteArray verb = words.value(0).toUpper();
    QByteArray capabilities;
    QByteArray folders;
    {
        std::lock_guard lock(m_mutex);
        capabilities = m_scenario.capabilityList();
        folders = m_scenario.listLines();
    }
    if (verb == "CAPABILITY") {
        sendToClient(connection, number, "* CAPABILITY " + capabilities + "\r\n" + tag + " OK done\r\n");
    } else if (verb == "AUTHENTICATE") {
        if (words.size() < 3) {
            // No initial response: ask for it, any credentials will do.
            sendToClient(connection, number, "+ \r\n");
            const QByteArray response = connection.readLine(kLiteralTimeoutMs);
            roundTripOfNextClientData(); // the client waited for the continuation
            std::lock_guard lock(m_mutex);
            m_transcript.addLiteral(response);
        }
        sendToClient(connection, number, tag + " OK [CAPABILITY " + capabilities + "] logged in\r\n");
    } else if (verb == "LOGIN") {
        sendToClient(connection, number, tag + " OK [CAPABILITY " + capabilities + "] logged in\r\n");
    } else if (verb == "LIST") {
        // LIST "" "" asks only for the hierarchy separator.
        const QByteArray lines =
            text.endsWith("\"\" \"\"") ? QByteArray("* LIST (\\Noselect) \"/\" \"\"\r\n") : folders;
        sendToClient(connection, number, lines + tag + " OK done\r\n");
    } else if (verb == "NOOP") {
        sendToClient(connection, number, tag + " OK done\r\n");
    } else if (verb == "LOGOUT") {
        sendToClient(connection, number, "* BYE logging out\r\n" + tag + " OK done\r\n");
        return Outcome::Close;
    } else {
        return Outcome::NotHandled;
    }
    return Outcome::Continue;
}

} // namespace Amiens::Test
