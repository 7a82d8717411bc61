#pragma once

#include "cache/QuotaStatus.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>

namespace Amiens {

class AccountSession;
class NotificationBanner;

/// The window's side of quotas (issue 18): after each account's sync it reads the quota the sync
/// stored in that account's cache, shows a banner from 80 % (the fullest account first, with
/// « Libérer de l'espace… »), and opens FreeSpaceDialog for an account, sending what the user
/// deletes there through that account's session like any deletion.
class FreeSpaceController : public QObject
{
    Q_OBJECT

public:
    struct Account
    {
        QString id;
        QString name;
        QString cachePath;
        QPointer<AccountSession> session;
    };

    /// Shows its warnings in @p banner (owned by the window) and its dialogs over @p window.
    FreeSpaceController(QWidget *window, NotificationBanner *banner);

    /// Reads @p account's quota from its cache again (after a sync) and updates the banner.
    void update(const Account &account);
    void forget(const QString &accountId);
    /// « Libérer de l'espace » for @p accountId: the dialog, modeless.
    void open(const QString &accountId);
    [[nodiscard]] QuotaStatus status(const QString &accountId) const { return m_statuses.value(accountId); }

Q_SIGNALS:
    /// A deletion was saved locally: the window asks for a sync so that the server frees the room.
    void changesQueued();

private:
    void refreshBanner();
    void deleteMessages(const QString &accountId, const QString &folderPath, const QList<quint32> &uids);
    void emptyFolder(const QString &accountId, const QString &folderPath);

    QWidget *m_window = nullptr;
    NotificationBanner *m_banner = nullptr;
    QHash<QString, Account> m_accounts;
    QHash<QString, QuotaStatus> m_statuses;
};

} // namespace Amiens
