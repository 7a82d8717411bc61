#pragma once

#include "drafts/Draft.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

class QWidget;

namespace Amiens {

class AccountSession;
class ComposerWindow;
class DraftSynchronizer;
class MailCache;
class WindowAccounts;

/// The composers the main window opens: a new message, an answer (reply, reply to all, forward)
/// from the identity of the account the original was sent to, a draft again; and the shown
/// account's drafts kept in its Drafts folder. The « De » of each lists every open account's
/// identities.
class WindowComposers : public QObject
{
    Q_OBJECT
public:
    enum class Answer
    {
        Reply,
        ReplyAll,
        Forward,
    };

    /// Composers are children of @p window; @p accounts gives the identities.
    WindowComposers(QWidget *window, WindowAccounts *accounts);

    /// The shown account: its session, its cache (a reader owned by the window, open when the
    /// file exists) and that file's path. Composers open from then on are that account's.
    void setShownAccount(AccountSession *session, MailCache *cache, const QString &cachePath);

    /// A new message; nullptr without an account.
    ComposerWindow *openNew();
    /// An answer to @p uid of @p folderPath; the original gets its flag once the answer is queued.
    ComposerWindow *openAnswer(const QString &folderPath, quint32 uid, Answer answer);
    /// @p draftId of the shown account's local drafts; nullptr without an account, or with
    /// @p error when the draft cannot be read.
    ComposerWindow *openDraft(const QString &draftId, QString *error);
    /// The shown account's local drafts (Message > Brouillons).
    [[nodiscard]] QList<Draft> drafts() const;
    /// Keeps the shown account's drafts in its Drafts folder; nullptr without an account.
    [[nodiscard]] DraftSynchronizer *draftSynchronizer();

Q_SIGNALS:
    /// A composer wrote a message to the outbox.
    void outboxQueued(const QString &outboxId);
    /// A flag set on an original (Answered, $Forwarded) was saved, or failed with @p error.
    void localChangeFinished(const QString &error);

private:
    /// A configured composer (profile, addresses, identities, drafts), not shown yet.
    ComposerWindow *create();
    /// Once @p composer's message is in the outbox, sets @p flag on the original.
    void markOriginalWhenQueued(ComposerWindow *composer, const QString &folderPath, quint32 uid,
                                const QString &flag);
    [[nodiscard]] QString profileDirectory() const;
    [[nodiscard]] QString draftsDirectory() const;
    /// @p accountId's drafts synchroniser (its services own it); nullptr when it is not open.
    [[nodiscard]] DraftSynchronizer *draftSynchronizerOf(const QString &accountId) const;

    QWidget *m_window = nullptr;
    WindowAccounts *m_accounts = nullptr;
    QPointer<AccountSession> m_session;
    MailCache *m_cache = nullptr;
    QString m_cachePath;
};

} // namespace Amiens
