#pragma once

#include <QByteArray>

namespace Amiens::Test {

class ScriptedConnection;

/// Just enough of an IMAP server for a client to log in and list one folder, after
/// @p greeting: CAPABILITY, AUTHENTICATE PLAIN, LOGIN, LIST, NOOP, LOGOUT. Any other command is
/// answered NO. Returns when the client leaves or stays silent.
void serveMinimalImap(ScriptedConnection &connection, const QByteArray &greeting);

} // namespace Amiens::Test
