#include "FreeSpaceController.h"

#include "FreeSpaceDialog.h"
#include "NotificationBanner.h"
#include "cache/CacheSpaceReport.h"
#include "cache/MailCache.h"
#include "session/AccountSession.h"

#include <QFileInfo>
#include <QUrl>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

const auto kFreeSpaceLink = "amiens:freespace"_L1;

} // namespace

FreeSpaceController::FreeSpaceController(QWidget *window, NotificationBanner *banner)
    : QObject(window)
    , m_window(window)
    , m_banner(banner)
{
    m_banner->hide();
    connect(m_banner, &NotificationBanner::linkActivated, this, [this](const QString &link) {
        const QUrl url(link);
        if (url.toString(QUrl::RemoveQuery) == kFreeSpaceLink)
            open(QUrlQuery(url).queryItemValue(u"account"_s, QUrl::FullyDecoded));
    });
}

void FreeSpaceController::update(const Account &account)
{
    m_accounts.insert(account.id, account);
    std::optional<AccountQuota> quota;
    MailCache cache;
    QString error;
    if (QFileInfo::exists(account.cachePath) &&
        cache.open(account.cachePath, account.id, MailCache::Mode::ReadOnly, &error))
        quota = cache.quotaStore().quota();
    m_statuses.insert(account.id, QuotaStatus::of(quota));
    refreshBanner();
}

void FreeSpaceController::forget(const QString &accountId)
{
    m_accounts.remove(accountId);
    m_statuses.remove(accountId);
    refreshBanner();
}

void FreeSpaceController::refreshBanner()
{
    // One banner: the fullest account, since that is where mail is about to be refused.
    QString fullest;
    for (auto it = m_statuses.cbegin(); it != m_statuses.cend(); ++it) {
        if (it.value().needsAttention() &&
            (fullest.isEmpty() || it.value().percent() > m_statuses.value(fullest).percent()))
            fullest = it.key();
    }
    if (fullest.isEmpty()) {
        m_banner->hide();
        return;
    }
    const QuotaStatus status = m_statuses.value(fullest);
    const bool several = m_accounts.size() > 1;
    const QString text =
        several ? tr("%1: %2").arg(m_accounts.value(fullest).name, status.message()) : status.message();
    QUrl link(kFreeSpaceLink);
    link.setQuery(QUrlQuery{{u"account"_s, fullest}});
    m_banner->showMessage(status.level() == QuotaStatus::Level::Warning ? NotificationBanner::Level::Warning
                                                                        : NotificationBanner::Level::Error,
                          text.toHtmlEscaped() + u" <a href=\""_s +
                              link.toString(QUrl::FullyEncoded).toHtmlEscaped() + u"\">"_s +
                              tr("Free up space…").toHtmlEscaped() + u"</a>"_s);
}

void FreeSpaceController::open(const QString &accountId)
{
    const auto found = m_accounts.constFind(accountId);
    if (found == m_accounts.cend())
        return;
    MailCache cache;
    QString error;
    CacheSpaceReport report;
    if (cache.open(found->cachePath, accountId, MailCache::Mode::ReadOnly, &error))
        report = CacheSpaceReport::compute(cache);
    auto *dialog = new FreeSpaceDialog(found->name, m_statuses.value(accountId), report, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &FreeSpaceDialog::deleteRequested, this,
            [this, accountId](const QString &folderPath, const QList<quint32> &uids) {
                deleteMessages(accountId, folderPath, uids);
            });
    connect(dialog, &FreeSpaceDialog::emptyFolderRequested, this,
            [this, accountId](const QString &folderPath) { emptyFolder(accountId, folderPath); });
    dialog->show();
}

void FreeSpaceController::deleteMessages(const QString &accountId, const QString &folderPath,
                                         const QList<quint32> &uids)
{
    AccountSession *session = m_accounts.value(accountId).session;
    if (!session)
        return;
    session->deleteMessages(folderPath, uids, [this](const QString &error) {
        if (!error.isEmpty())
            m_banner->showMessage(NotificationBanner::Level::Error, error.toHtmlEscaped());
        else
            Q_EMIT changesQueued();
    });
}

void FreeSpaceController::emptyFolder(const QString &accountId, const QString &folderPath)
{
    const Account account = m_accounts.value(accountId);
    MailCache cache;
    QString error;
    if (!account.session || !cache.open(account.cachePath, accountId, MailCache::Mode::ReadOnly, &error))
        return;
    const std::optional<CachedFolder> folder = cache.folderStore().folder(folderPath);
    if (!folder)
        return;
    QList<quint32> uids;
    for (const CachedMessage &message : cache.messageStore().messages(folder->id, folder->messageCount + 1))
        uids.append(message.uid);
    if (uids.isEmpty())
        return;
    // For good: emptying the Junk folder must not fill the Trash, which takes the same quota.
    account.session->deleteMessagesForGood(folderPath, uids, [this](const QString &failure) {
        if (!failure.isEmpty())
            m_banner->showMessage(NotificationBanner::Level::Error, failure.toHtmlEscaped());
        else
            Q_EMIT changesQueued();
    });
}

} // namespace Amiens
