#pragma once

#include "net/ServiceError.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <optional>

namespace Amiens {

class AccountSession;

/// "Chercher aussi sur le serveur", without widgets: the server's own full-text search
/// (ServerSearchJob) through the account's session, for bodies the offline cache does not hold.
/// The result comes back on the caller's thread with finished().
class ServerSearch : public QObject
{
    Q_OBJECT
public:
    struct Result
    {
        QString text;                      ///< what was searched
        std::optional<ServiceError> error; ///< the server could not be asked
        /// The server cannot search this text (accents without LITERAL+): nothing was searched.
        bool unsupported = false;
        QList<qint64> rowIds; ///< the cached messages that match
        int missing = 0;      ///< matches not in the cache yet (arrived since the last sync)
    };

    explicit ServerSearch(QObject *parent = nullptr);

    /// Without a session (no account open) nothing is searched.
    void setSession(AccountSession *session);
    /// Starts the search of @p text; false when there is no session or no text.
    bool start(const QString &text);

    /// The offline hits first, then what only the server found, each message once.
    [[nodiscard]] static QList<qint64> merged(const QList<qint64> &offline, const QList<qint64> &server);

Q_SIGNALS:
    void finished(const Amiens::ServerSearch::Result &result);

private:
    QPointer<AccountSession> m_session;
};

} // namespace Amiens
