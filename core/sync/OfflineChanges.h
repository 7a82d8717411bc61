#pragma once

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
    bool move(const QString &folderPath, const QList<quint32> &uids, const QString &destinationPath,
              QString *error);
    /// To the Trash; for good when the messages already are in the Trash.
    bool remove(const QString &folderPath, const QList<quint32> &uids, QString *error);

private:
    MailCache &m_cache;
};

} // namespace Amiens
