#pragma once

#include "cache/CachedMessage.h"
#include "net/ServiceError.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <optional>

namespace Amiens {

class AccountSession;
class MailCache;

/// Opening a message for display, without widgets: its body from the offline cache or, when it
/// is not downloaded yet, fetched through the account's session (bodyReady() or bodyFailed()
/// later, on the caller's thread). A message whose body is there is marked read through the
/// offline changes, as every other change.
class MessageOpener : public QObject
{
    Q_OBJECT
public:
    struct Opened
    {
        std::optional<QByteArray> raw; ///< nothing: not downloaded yet
        bool ownFolder = false;        ///< Sent or Drafts: the user's own mail
        bool fetching = false;         ///< the body was asked of the server
    };

    /// @p cache: the reader's copy of the cache, which outlives this object.
    explicit MessageOpener(MailCache &cache, QObject *parent = nullptr);

    /// Without a session (no account open) nothing is fetched or marked.
    void setSession(AccountSession *session);
    /// The body of @p message as cached; when missing, a fetch is started.
    Opened open(const CachedMessage &message);

    [[nodiscard]] QString folderPath(qint64 folderId) const;
    /// Sent and Drafts hold the user's own mail: no phishing check, receipts that answer it.
    [[nodiscard]] bool isOwnFolder(qint64 folderId) const;
    /// Whether the folder's rights let opening a message mark it read.
    [[nodiscard]] bool maySetSeen(qint64 folderId) const;

Q_SIGNALS:
    /// The body of the message with cache row @p rowId arrived.
    void bodyReady(qint64 rowId, const QByteArray &raw);
    /// The fetch ended without a body: @p error, or the server no longer has the message.
    void bodyFailed(qint64 rowId, const std::optional<Amiens::ServiceError> &error);
    /// Marking a message read reached the cache (empty @p error) or did not.
    void localChangeFinished(const QString &error);

private:
    MailCache &m_cache;
    QPointer<AccountSession> m_session;
};

} // namespace Amiens
