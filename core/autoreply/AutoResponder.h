#pragma once

#include "AbsenceStore.h"
#include "AutoReplyRules.h"
#include "account/Account.h"
#include "compose/BuiltMessage.h"
#include "mime/MessageHeaders.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <optional>

namespace Amiens {

class MailCache;
class Profile;

/// The client-side out-of-office responder, for servers without ManageSieve: after each sync it
/// looks at the inbox messages it has not seen yet and answers those the RFC 3834 rules allow,
/// once per sender every N days, through the durable outbox.
///
/// What it has seen and whom it answered when is kept in AccountPaths::autoReplyStateFile,
/// written after the replies are queued. A reply's Message-ID is derived from the message it
/// answers, so a crash between the two finds the reply already in the outbox rather than
/// queueing it twice.
class AutoResponder
{
    Q_DECLARE_TR_FUNCTIONS(Amiens::AutoResponder)

public:
    struct Result
    {
        int queued = 0;
        int skipped = 0;
        QString error; ///< French; empty when everything went well
    };

    AutoResponder(Account account, QString profileDirectory);

    /// Answers the new inbox messages of @p cache under @p clientSide (does nothing when it is off,
    /// but still moves past what arrived meanwhile).
    Result run(MailCache &cache, const AbsenceStore::ClientSide &clientSide);

    /// After a sync: loads the profile's client-side absence, opens the cache read-only and runs.
    static Result runAfterSync(const Profile &profile, const Account &account);

    /// The reply to @p original (Auto-Submitted: auto-replied, In-Reply-To, References).
    [[nodiscard]] static std::optional<BuiltMessage> buildReply(const VacationSettings &settings,
                                                                const MailAddress &us,
                                                                const MessageHeaders &original,
                                                                const QString &replyTo, QString *error);

private:
    struct State
    {
        quint32 uidValidity = 0;
        quint32 lastUid = 0;
        QHash<QString, QDateTime> replied; ///< sender → last reply
    };
    [[nodiscard]] State loadState() const;
    bool saveState(const State &state, QString *error) const;

    Account m_account;
    QString m_profileDirectory;
};

} // namespace Amiens
