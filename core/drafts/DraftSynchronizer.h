#pragma once

#include "DraftStore.h"

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QTimer>

namespace Amiens {

class AccountSession;

/// Mirrors an account's local drafts in the server's Drafts folder through its session: at most
/// one copy per draft (ReplaceDraftJob), uploaded some time after the last change rather than at
/// every autosave, and the copies of sent or deleted drafts removed. Offline, nothing is lost:
/// a draft whose copy is behind, and every pending deletion, is retried by syncAll().
class DraftSynchronizer : public QObject
{
    Q_OBJECT
public:
    DraftSynchronizer(QString draftsDirectory, AccountSession *session, QObject *parent = nullptr);

    [[nodiscard]] DraftStore &store() { return m_store; }
    /// How long after a change the copy is uploaded (default 60 s, so typing does not APPEND).
    void setUploadDelay(int milliseconds) { m_delay.setInterval(milliseconds); }

    /// Uploads the draft after the delay (restarted by each call).
    void scheduleUpload(const QString &draftId);
    /// Uploads now what is waiting: scheduled drafts, or with @p everything every draft whose copy
    /// is behind; then deletes the copies of removed drafts.
    void syncAll(bool everything = true);
    [[nodiscard]] bool isBusy() const { return m_running || !m_queue.isEmpty(); }

Q_SIGNALS:
    void uploaded(const QString &draftId, quint32 uid);
    void serverCopyDeleted(const QString &messageId);
    /// A step failed (no network, server refused); it is tried again at the next sync.
    void failed(const QString &error);
    /// Nothing is left to do for now.
    void idle();

private:
    struct Task
    {
        QString draftId;   ///< upload
        QString messageId; ///< delete
    };
    void enqueue(const Task &task);
    void next();

    DraftStore m_store;
    QPointer<AccountSession> m_session;
    QTimer m_delay;
    QSet<QString> m_scheduled;
    QList<Task> m_queue;
    bool m_running = false;
};

} // namespace Amiens
