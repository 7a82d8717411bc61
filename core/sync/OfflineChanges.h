#pragma once

#include "cache/PendingOperation.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace Amiens {

class MailCache;

/// The user's changes to messages: applied to the cache at once (the UI shows them, online or
/// not) and queued for the server in the same transaction, so a change is never shown without
/// being queued, nor queued without being shown.
class OfflineChanges
{
    Q_DECLARE_TR_FUNCTIONS(Amiens::OfflineChanges)

public:
    explicit OfflineChanges(MailCache &cache);

    bool changeFlags(const QString &folderPath, const QList<quint32> &uids, const QStringList &add,
                     const QStringList &remove, QString *error);
    /// The messages leave @p folderPath at once (hidden until the server has moved them; they
    /// appear in the destination with its next sync). The server gets the change only after
    /// @p undoSeconds, during which undo(*operationId) puts everything back.
    bool move(const QString &folderPath, const QList<quint32> &uids, const QString &destinationPath,
              QString *error, int undoSeconds = 0, qint64 *operationId = nullptr);
    /// To the Trash; for good when the messages already are in the Trash.
    /// Deletes for good, without going through the Trash (« Vider les indésirables »).
    bool removeForGood(const QString &folderPath, const QList<quint32> &uids, QString *error);
    bool remove(const QString &folderPath, const QList<quint32> &uids, QString *error, int undoSeconds = 0,
                qint64 *operationId = nullptr);
    /// Moves (or, with @p keepOriginal, copies) messages to @p targetFolder of another account of
    /// the same profile, offline as online: each message goes durably into that account's
    /// transfer queue and leaves @p folderPath at once; the other account's server gets it at its
    /// next replay, and only then is this copy removed from this server: exactly once. The
    /// messages must be downloaded; otherwise nothing is done and @p error says so in French.
    bool transfer(const QString &folderPath, const QList<quint32> &uids, const QString &targetAccountId,
                  const QString &targetFolder, bool keepOriginal, QString *error);
    /// Cancels a move or delete that the server has not received yet; false (and why) when it
    /// already has.
    bool undo(qint64 operationId, QString *error);

private:
    bool takeAway(const QString &folderPath, const QList<quint32> &uids, PendingOperation::Kind kind,
                  const QString &destinationPath, int undoSeconds, qint64 *operationId, QString *error);

    MailCache &m_cache;
};

} // namespace Amiens
