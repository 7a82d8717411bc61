#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace Amiens::Test {

/// What was said on the connections of a scripted IMAP server, in order: the client's commands
/// (tag apart, with the literals they carried) and what the server sent. Tests count commands in
/// it (« one EXAMINE, no FETCH ») instead of trusting a flag the code under test sets itself.
class ImapTranscript
{
public:
    struct Entry
    {
        int connection = 0; ///< 1 for the first connection
        bool fromClient = false;
        QByteArray tag;     ///< client commands only
        QByteArray text;    ///< a command without tag and CRLF, or the server's bytes
        QByteArray literal; ///< what a command's synchronizing literal carried
        /// Client commands: the round trip it went in, counted from 1 over all connections; a
        /// command the client wrote before the previous reply came shares that reply's number.
        int roundTrip = 0;
    };

    void addCommand(int connection, const QByteArray &tag, const QByteArray &text, int roundTrip = 0);
    /// Attaches @p literal to the last command.
    void addLiteral(const QByteArray &literal);
    void addServer(int connection, const QByteArray &data);

    [[nodiscard]] const QList<Entry> &entries() const { return m_entries; }
    /// The client's commands, without tags, in order.
    [[nodiscard]] QList<QByteArray> commands() const;
    /// How many commands match @p pattern (QRegularExpression, anywhere in the text: anchor it
    /// with ^ to name the command, e.g. "^EXAMINE ").
    [[nodiscard]] int count(const QString &pattern) const;
    /// The commands that match @p pattern.
    [[nodiscard]] QList<QByteArray> matching(const QString &pattern) const;
    /// The commands grouped by the round trip they went in (see Entry::roundTrip), in order: a
    /// pipelined NAMESPACE and LIST make one group of two.
    [[nodiscard]] QList<QList<QByteArray>> roundTrips() const;
    /// The round trip (Entry::roundTrip) of the first command matching @p pattern; 0 when none
    /// does. Two commands the client pipelined share one.
    [[nodiscard]] int roundTripOf(const QString &pattern) const;
    /// "C1> a3 EXAMINE …" / "S1< * 3 EXISTS" lines, for failure messages.
    [[nodiscard]] QString text() const;

private:
    QList<Entry> m_entries;
};

} // namespace Amiens::Test
