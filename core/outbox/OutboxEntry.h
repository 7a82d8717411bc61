#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <optional>

namespace Amiens {

/// One message of the outbox and what is known of its delivery. The state is written to disk
/// before and after each network step, so that after a crash the client knows whether the
/// message may have left (Sending) and must be checked against Sent before any new attempt.
struct OutboxEntry
{
    enum class State
    {
        Queued,           ///< en attente: not sent yet (or a transient failure, retried later)
        Sending,          ///< envoi: SMTP started; if found in this state at start, outcome unknown
        SentAwaitingCopy, ///< envoyé: the server accepted it; the copy in Sent is still to be made
        Failed,           ///< échec: refused for good; stays for the user to fix
    };

    QString id;
    State state = State::Queued;
    QString messageId;
    QString envelopeFrom;
    QStringList recipients;
    QString subject;
    qint64 size = 0;
    QDateTime created;
    QDateTime updated;
    QDateTime nextAttempt; ///< for Queued after a transient failure; invalid = at once
    int attempts = 0;
    QString error;          ///< French, the server's reason when it gave one
    QString errorTechnical; ///< the server's own words, for "Détails"

    [[nodiscard]] static QString stateName(State state);
    [[nodiscard]] static std::optional<State> parseState(const QString &name);
};

} // namespace Amiens

#include <QMetaType>
Q_DECLARE_METATYPE(Amiens::OutboxEntry)
