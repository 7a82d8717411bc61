#pragma once

#include <QByteArray>
#include <functional>

namespace Amiens::Test {

class ScriptedConnection;

/// Just enough of an IMAP server for a client to log in and list one folder, after
/// @p greeting: CAPABILITY, AUTHENTICATE PLAIN, LOGIN, LIST, NOOP, LOGOUT. Any other command is
/// answered NO. Returns when the client leaves or stays silent. @p extra sees each command
/// (tag, command, full line) first and returns true when it answered it itself.
using ExtraCommandHandler =
    std::function<bool(const QByteArray &, const QByteArray &, const QByteArray &, ScriptedConnection &)>;
void serveMinimalImap(ScriptedConnection &connection, const QByteArray &greeting,
                      const ExtraCommandHandler &extra = {});

} // namespace Amiens::Test
