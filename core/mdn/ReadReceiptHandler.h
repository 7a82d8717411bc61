#pragma once

#include "cache/CachedMessage.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <optional>
#include <utility>

namespace Amiens {

class AccountSession;
class MailCache;

/// Read receipts for the message on screen, without widgets: the line that says who read what
/// (a receipt received, or the receipts answering our own sent mail), and the sender's request
/// decided by the profile's policy and the RFC 8098 rules (ReadReceiptQueue). A receipt goes to the
/// outbox; $MDNSent is set through the offline changes, also when the user declines (RFC 3503).
class ReadReceiptHandler : public QObject
{
    Q_OBJECT
public:
    /// @p cache: the reader's copy of the cache, which outlives this object.
    explicit ReadReceiptHandler(MailCache &cache, QObject *parent = nullptr);

    /// Without a session (no account open) requests are not answered.
    void setSession(AccountSession *session);
    /// The profile of the open account (its policy and outbox); empty: none.
    void setProfileDirectory(const QString &directory);

    /// "Read receipt: … was read by …" or "Read by …", empty when there is nothing to say.
    [[nodiscard]] QString status(const CachedMessage &message, const QByteArray &raw, bool ownFolder) const;
    /// @p message is shown: forgets any earlier request, then, when the sender asks for a receipt,
    /// emits answerNeeded() or sends it at once, as the policy says.
    void consider(const CachedMessage &message, const QByteArray &raw, bool ownFolder);
    /// The user's answer to answerNeeded(); nothing when no request waits.
    void answer(bool send);
    [[nodiscard]] bool isWaitingForAnswer() const { return m_request.has_value(); }

Q_SIGNALS:
    /// The policy says ask: the view should offer "send" and "ignore".
    void answerNeeded();
    /// The policy sent a receipt without asking.
    void sentAutomatically();
    /// A receipt is in the outbox under @p outboxId.
    void queued(const QString &outboxId);
    /// The receipt could not be queued (@p error in the interface language).
    void failed(const QString &error);
    /// Setting $MDNSent reached the cache (empty @p error) or did not.
    void localChangeFinished(const QString &error);

private:
    void respond(bool send, bool automatic);

    MailCache &m_cache;
    QPointer<AccountSession> m_session;
    QString m_profileDirectory;
    /// The message whose receipt is asked about, and those answered since (the cache shows
    /// $MDNSent only once the worker has written it).
    std::optional<std::pair<CachedMessage, QByteArray>> m_request;
    QSet<qint64> m_answered;
};

} // namespace Amiens
