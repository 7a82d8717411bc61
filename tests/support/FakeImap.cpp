#include "FakeImap.h"

#include "ScriptedServer.h"

#include <QList>

namespace Amiens::Test {

void serveMinimalImap(ScriptedConnection &connection, const QByteArray &greeting,
                      const ExtraCommandHandler &extra)
{
    connection.send(greeting);
    while (connection.isOpen()) {
        const QByteArray line = connection.readLine();
        if (line.isEmpty())
            return;
        const QList<QByteArray> words = line.trimmed().split(' ');
        const QByteArray tag = words.value(0);
        const QByteArray command = words.value(1).toUpper();
        if (extra && extra(tag, command, line, connection))
            continue;
        if (command == "CAPABILITY") {
            connection.send("* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\n" + tag + " OK done\r\n");
        } else if (command == "AUTHENTICATE") {
            if (words.size() < 4) {
                connection.send("+ \r\n");
                connection.readLine();
            }
            connection.send(tag + " OK logged in\r\n");
        } else if (command == "LOGIN") {
            connection.send(tag + " OK logged in\r\n");
        } else if (command == "LIST") {
            connection.send("* LIST (\\HasNoChildren) \"/\" INBOX\r\n" + tag + " OK done\r\n");
        } else if (command == "EXAMINE" || command == "SELECT") {
            connection.send("* 1 EXISTS\r\n* OK [UIDVALIDITY 1] ok\r\n* OK [UIDNEXT 8] ok\r\n" + tag +
                            " OK done\r\n");
        } else if (command == "NOOP") {
            connection.send(tag + " OK done\r\n");
        } else if (command == "LOGOUT") {
            connection.send("* BYE bye\r\n" + tag + " OK done\r\n");
            return;
        } else {
            connection.send(tag + " NO not in this fake\r\n");
        }
    }
}

} // namespace Amiens::Test
