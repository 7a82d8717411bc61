#include "WindowComposers.h"

#include "ComposerWindow.h"
#include "WindowAccounts.h"
#include "account/AccountPaths.h"
#include "cache/MailCache.h"
#include "drafts/DraftStore.h"
#include "drafts/DraftSynchronizer.h"
#include "identity/SenderIdentity.h"
#include "services/AccountServices.h"
#include "session/AccountSession.h"

using namespace Qt::StringLiterals;

namespace Amiens {

WindowComposers::WindowComposers(QWidget *window, WindowAccounts *accounts)
    : QObject(window)
    , m_window(window)
    , m_accounts(accounts)
{
}

void WindowComposers::setShownAccount(AccountSession *session, MailCache *cache, const QString &cachePath)
{
    m_session = session;
    m_cache = cache;
    m_cachePath = cachePath;
}

QString WindowComposers::profileDirectory() const
{
    return AccountPaths::profileDirectoryOfCacheFile(m_cachePath);
}

QString WindowComposers::draftsDirectory() const
{
    return m_session ? AccountPaths(profileDirectory(), m_session->account().id).draftsDirectory()
                     : QString();
}

QList<Draft> WindowComposers::drafts() const
{
    return m_session ? DraftStore(draftsDirectory()).drafts() : QList<Draft>();
}

ComposerWindow *WindowComposers::create()
{
    if (!m_session)
        return nullptr;
    const QString profile = profileDirectory();
    auto *composer = new ComposerWindow(
        m_session->account(), AccountPaths(profile, m_session->account().id).outboxDirectory(), m_window);
    composer->setAttribute(Qt::WA_DeleteOnClose);
    composer->useProfile(profile);
    if (m_cache && m_cache->isOpen())
        composer->setKnownAddresses(m_cache->addressBook().knownAddresses());
    // « De » offers every identity of every account open in the window.
    QList<Account> accounts;
    for (const WindowAccounts::OpenAccount &open : m_accounts->accounts()) {
        if (open.services)
            accounts.append(open.services->account());
    }
    if (!accounts.isEmpty())
        composer->setIdentities(accounts, profile);
    connect(composer, &ComposerWindow::queued, this, &WindowComposers::outboxQueued);
    // Each draft goes to the Drafts folder of the account that will send it (« De » may change it).
    connect(composer, &ComposerWindow::draftSaved, this,
            [this, composer](const QString &draftId, bool closing) {
                if (DraftSynchronizer *drafts = draftSynchronizerOf(composer->sendingAccount().id)) {
                    drafts->scheduleUpload(draftId);
                    if (closing)
                        drafts->syncAll(false);
                }
            });
    connect(composer, &ComposerWindow::draftRemoved, this, [this](const QString &, const QString &accountId) {
        if (DraftSynchronizer *drafts = draftSynchronizerOf(accountId))
            drafts->syncAll(false);
    });
    return composer;
}

void WindowComposers::markOriginalWhenQueued(ComposerWindow *composer, const QString &folderPath, quint32 uid,
                                             const QString &flag)
{
    // The session of the account shown when the answer was written, even if another is shown now.
    const QPointer<AccountSession> session = m_session;
    connect(composer, &ComposerWindow::queued, this, [this, session, folderPath, uid, flag] {
        // The change may end after the window is gone (it belongs to the session).
        if (session)
            session->changeFlags(folderPath, {uid}, {flag}, {},
                                 [self = QPointer(this)](const QString &error) {
                                     if (self)
                                         Q_EMIT self->localChangeFinished(error);
                                 });
    });
}

DraftSynchronizer *WindowComposers::draftSynchronizer()
{
    if (!m_session || m_cachePath.isEmpty())
        return nullptr;
    return draftSynchronizerOf(m_session->account().id);
}

DraftSynchronizer *WindowComposers::draftSynchronizerOf(const QString &accountId) const
{
    const WindowAccounts::OpenAccount *open = m_accounts->find(accountId);
    return open && open->services ? open->services->draftSynchronizer() : nullptr;
}

ComposerWindow *WindowComposers::openNew()
{
    ComposerWindow *composer = create();
    if (composer)
        composer->show();
    return composer;
}

ComposerWindow *WindowComposers::openAnswer(const QString &folderPath, quint32 uid, Answer answer)
{
    ComposerWindow *composer = create();
    if (!composer)
        return nullptr;
    if (m_cache && m_cache->isOpen()) {
        if (const auto folder = m_cache->folderStore().folder(folderPath)) {
            if (const auto original = m_cache->messageStore().message(folder->id, uid)) {
                const std::optional<QByteArray> raw = m_cache->messageStore().body(folder->id, uid);
                // From the address the message was sent to, of the account that received it.
                composer->selectIdentity(
                    SenderIdentity::forReply(m_session->account(), original->headers,
                                             raw ? SenderIdentity::deliveredTo(*raw) : QStringList()));
                switch (answer) {
                case Answer::Reply:
                    composer->setReplyTo(*original, raw);
                    break;
                case Answer::ReplyAll:
                    composer->setReplyAllTo(*original, raw);
                    break;
                case Answer::Forward:
                    composer->setForwardOf(*original, raw);
                    break;
                }
                markOriginalWhenQueued(composer, folderPath, uid,
                                       answer == Answer::Forward ? u"$Forwarded"_s : u"\\Answered"_s);
            }
        }
    }
    composer->show();
    return composer;
}

ComposerWindow *WindowComposers::openDraft(const QString &draftId, QString *error)
{
    ComposerWindow *composer = create();
    if (!composer)
        return nullptr;
    const auto draft = DraftStore(draftsDirectory()).load(draftId, error);
    if (!draft) {
        delete composer;
        return nullptr;
    }
    composer->openDraft(*draft);
    composer->show();
    return composer;
}

} // namespace Amiens
