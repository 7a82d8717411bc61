#pragma once

#include "cache/CacheSpaceReport.h"
#include "cache/QuotaStatus.h"

#include <QDialog>
#include <QList>

class QLabel;
class QProgressBar;
class QTreeWidget;

namespace Amiens {

/// « Libérer de l'espace » (issue 18): how full the mailbox is, then what takes the room — the
/// largest messages, the oldest ones with attachments, the Trash and the Junk folder — from the
/// cache, offline too. It changes nothing itself: the window receives deleteRequested() and
/// emptyFolderRequested() and goes through the account's queue, as for any deletion.
class FreeSpaceDialog : public QDialog
{
    Q_OBJECT

public:
    FreeSpaceDialog(const QString &accountName, const QuotaStatus &status, const CacheSpaceReport &report,
                    QWidget *parent = nullptr);

Q_SIGNALS:
    /// The user deletes these messages of @p folderPath (one signal per folder).
    void deleteRequested(const QString &folderPath, const QList<quint32> &uids);
    /// The user empties the Trash or the Junk folder.
    void emptyFolderRequested(const QString &folderPath);

private:
    QTreeWidget *messageList(const QList<CacheSpaceReport::Entry> &entries, const QString &objectName,
                             const QString &accessibleName);
    void deleteSelected(QTreeWidget *list);
    [[nodiscard]] static QString sizeText(qint64 bytes);

    QLabel *m_status = nullptr;
    QProgressBar *m_usage = nullptr;
    QList<QTreeWidget *> m_lists;
};

} // namespace Amiens
