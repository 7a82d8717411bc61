#pragma once

#include <QString>

namespace Amiens {

class ImapConnection;
class MailCache;

/// One IMAP command (or a short fixed sequence) run on the account's worker thread against a
/// logged-in connection. Jobs throw on failure; the worker translates the exception, drops the
/// connection (its protocol state is unknown after an error) and reports.
class ImapJob
{
public:
    virtual ~ImapJob() = default;
    [[nodiscard]] virtual QString name() const = 0;
    /// @p cache is the account's offline cache, owned by the worker thread like the connection.
    virtual void run(ImapConnection &connection, MailCache &cache) = 0;
};

} // namespace Amiens
