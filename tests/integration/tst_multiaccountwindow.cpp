// Several accounts in one window (issue 18): Marie's personal mailbox and the school's functional
// mailbox, both in the keyring, opened by the SessionLauncher side by side against the real
// Dovecot and Postfix. A reply to mail of the functional mailbox leaves from its address, through
// its server, with no trace of Marie's, and its Sent copy is filed in its own Sent folder; removing
// one account from the window leaves the other's cache, keychain entry and root as they were.
#include "AccountRemovalPrompt.h"
#include "ComposerWindow.h"
#include "DesktopIntegration.h"
#include "FolderTreeModel.h"
#include "FreeSpaceDialog.h"
#include "MailServerControl.h"
#include "MainWindow.h"
#include "MessageListModel.h"
#include "NotificationBanner.h"
#include "PasswordPrompt.h"
#include "SessionLauncher.h"
#include "TestEnvironment.h"
#include "TrayIcon.h"
#include "UnifiedListModel.h"
#include "UnifiedListView.h"
#include "account/AccountPaths.h"
#include "account/Profile.h"
#include "autoreply/AbsenceStore.h"
#include "cache/MailCache.h"
#include "compose/MessageBuilder.h"
#include "drafts/DraftStore.h"
#include "drafts/DraftSynchronizer.h"
#include "imap/FolderPermissions.h"
#include "outbox/Outbox.h"
#include "security/CredentialStore.h"
#include "services/AccountServices.h"
#include "settings/SettingsDialog.h"
#include "settings/SitePolicy.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>
#include <QUrl>

using namespace Qt::StringLiterals;
using namespace Amiens;
using namespace Amiens::Test;

class TestMultiAccountWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void twoRootsAndAReplyFromTheFunctionalMailbox();
    void removingOneAccountLeavesTheOther();
    void movingAMessageToTheOtherAccount();
    void renamingAndReorderingFromTheMenu();
    void quittingErasesAnotherSharedAccount();
    void fullMailboxWarnsAndSpaceIsFreed();
    void readOnlySharedFolderDisablesDelete();
    void unifiedInboxActsOnTheMessagesAccount();
    void searchAcrossAllAccountsOrOne();
    void oneAccountHasNoUnifiedRoot();
    void theFirstAccountIsNotSpecial();
    void draftFollowsTheSendingAccount();

private:
    /// A profile holding both accounts (Marie first), their passwords in the keyring.
    void makeProfile(const Profile &profile);
    /// Waits for both roots with these unread counts.
    void awaitRoots(MainWindow &window, int marieUnread, int functionalUnread);
    [[nodiscard]] QByteArray mailToTheSchool(const QString &subject) const;
    /// A message to @p to, dated @p date (the unified lists sort by it).
    [[nodiscard]] static QByteArray datedMail(const QString &subject, const QString &to,
                                              const QDateTime &date);

    TestEnvironment m_env;
    CredentialStore *m_credentials = nullptr;
};

void TestMultiAccountWindow::initTestCase()
{
    m_env = TestEnvironment::fromEnvironment();
    AMIENS_REQUIRE_SERVERS(m_env);
    QApplication::setOrganizationName(u"AmiensMailTests"_s);
    m_credentials = new CredentialStore(CredentialStore::defaultServiceName(), this);
}

void TestMultiAccountWindow::init()
{
    QVERIFY(MailServerControl(m_env.user).reset());
    QVERIFY(MailServerControl(m_env.functionalUser).reset());
    QVERIFY(MailServerControl(m_env.user2).reset());
    AccountRemovalPrompt::resetForTests();
    PasswordPrompt::resetForTests();
}

void TestMultiAccountWindow::cleanup()
{
    m_credentials->deletePasswordAndWait(m_env.account().id);
    m_credentials->deletePasswordAndWait(m_env.functionalAccount().id);
}

void TestMultiAccountWindow::makeProfile(const Profile &profile)
{
    QString error;
    QVERIFY2(profile.saveAccount(m_env.account(), &error), qPrintable(error));
    Account functional = m_env.functionalAccount();
    functional.label = u"Collège (ce.0801234x)"_s;
    QVERIFY2(profile.saveAccount(functional, &error), qPrintable(error));
    QVERIFY(m_credentials->writePasswordAndWait(m_env.account().id, m_env.password).ok());
    QVERIFY(m_credentials->writePasswordAndWait(functional.id, m_env.functionalPassword).ok());
}

void TestMultiAccountWindow::awaitRoots(MainWindow &window, int marieUnread, int functionalUnread)
{
    FolderTreeModel *model = window.folderModel();
    // « Tous les comptes » first, then one root per account.
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 3, 20000);
    QVERIFY(model->index(0, 0).data(FolderTreeModel::UnifiedRootRole).toBool());
    // Profile order: Marie first, then the school, each with its own unread count (none: no count).
    const auto shown = [](const QString &name, int unread) {
        return unread > 0 ? u"%1 (%2)"_s.arg(name).arg(unread) : name;
    };
    QTRY_COMPARE_WITH_TIMEOUT(model->index(1, 0).data().toString(), shown(m_env.address, marieUnread), 30000);
    QTRY_COMPARE_WITH_TIMEOUT(model->index(2, 0).data().toString(),
                              shown(u"Collège (ce.0801234x)"_s, functionalUnread), 30000);
    QVERIFY(model->index(1, 0).data(FolderTreeModel::AccountRootRole).toBool());
    QCOMPARE(model->index(2, 0).data(FolderTreeModel::AccountIdRole).toString(),
             m_env.functionalAccount().id);
    // Each root holds its account's folders.
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount(model->index(1, 0)) >= 5, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount(model->index(2, 0)) >= 5, 20000);
}

QByteArray TestMultiAccountWindow::mailToTheSchool(const QString &subject) const
{
    // A colleague writes to the school's address, not to Marie.
    QByteArray message;
    message += "From: Jean Martin <" + m_env.address2.toUtf8() + ">\r\n";
    message += "To: " + m_env.functionalAddress.toUtf8() + "\r\n";
    message += "Subject: " + subject.toUtf8() + "\r\n";
    message += "Date: " + QDateTime::currentDateTimeUtc().toString(Qt::RFC2822Date).toLatin1() + "\r\n";
    message += "Message-ID: <multi-" + QByteArray::number(QDateTime::currentMSecsSinceEpoch()) +
               "@ac-amiens.fr>\r\n";
    message += "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n";
    message += "Bonjour,\r\nla sortie du 12 est-elle confirmée ?\r\n";
    return message;
}

void TestMultiAccountWindow::twoRootsAndAReplyFromTheFunctionalMailbox()
{
    QTemporaryDir dir;
    const Profile profile(dir.path());
    makeProfile(profile);
    QVERIFY(
        MailServerControl(m_env.user).save(u"INBOX"_s, MailServerControl::message(u"Conseil de classe"_s)));
    QVERIFY(MailServerControl(m_env.user).save(u"INBOX"_s, MailServerControl::message(u"Réunion"_s)));
    const QString subject = u"Sortie scolaire %1"_s.arg(QDateTime::currentMSecsSinceEpoch());
    const quint32 uid = MailServerControl(m_env.functionalUser).save(u"INBOX"_s, mailToTheSchool(subject));
    QVERIFY(uid > 0);

    MainWindow window;
    window.show();
    SessionLauncher launcher(profile, &window);
    launcher.setSitePolicy(SitePolicy());
    launcher.start();
    awaitRoots(window, 2, 1);

    // The school's inbox: its own messages, read from its own cache.
    const QString functionalId = m_env.functionalAccount().id;
    QVERIFY(window.selectFolder(u"INBOX"_s, functionalId));
    QCOMPARE(window.currentAccountId(), functionalId);
    QTRY_COMPARE_WITH_TIMEOUT(window.messageModel()->rowCount(), 1, 20000);
    QCOMPARE(window.messageModel()->index(0, 0).data(MessageListModel::UidRole).toUInt(), uid);
    // Marie's inbox is still hers.
    QVERIFY(window.selectFolder(u"INBOX"_s, m_env.account().id));
    QTRY_COMPARE_WITH_TIMEOUT(window.messageModel()->rowCount(), 2, 20000);
    QVERIFY(window.selectFolder(u"INBOX"_s, functionalId));
    QTRY_COMPARE_WITH_TIMEOUT(window.messageModel()->rowCount(), 1, 20000);

    // The reply goes out as the school.
    ComposerWindow *composer = window.openComposer(u"INBOX"_s, uid);
    QVERIFY(composer);
    QCOMPARE(composer->sendingAccount().id, functionalId);
    QCOMPARE(composer->fromAddress().address, m_env.functionalAddress);
    auto *from = composer->findChild<QComboBox *>(u"fromField"_s);
    QVERIFY(from);
    QCOMPARE(from->count(), 2); // every identity: Marie's and the school's
    QVERIFY(from->currentText().contains(m_env.functionalAddress));
    QVERIFY(composer->findChild<QLineEdit *>(u"toField"_s)->text().contains(m_env.address2));
    QVERIFY(composer->send());

    MailServerControl colleague(m_env.user2);
    const QStringList query{u"header"_s, u"Subject"_s, subject};
    QCOMPARE(colleague.awaitCount(u"INBOX"_s, query, 1), 1);
    const QByteArray header = colleague.fetch(u"hdr"_s, u"INBOX"_s, query);
    QVERIFY2(header.contains(m_env.functionalAddress.toUtf8()), header.constData());
    const QByteArray text = colleague.fetch(u"text"_s, u"INBOX"_s, query);
    QVERIFY2(!text.contains(m_env.user.toUtf8()), text.constData());
    QVERIFY2(!text.contains(m_env.address.toUtf8()), text.constData());
    // The Sent copy is the school's, not Marie's.
    QCOMPARE(MailServerControl(m_env.functionalUser).awaitCount(u"Sent"_s, query, 1), 1);
    QCOMPARE(MailServerControl(m_env.user).count(u"Sent"_s, query), 0);
    launcher.finish();
}

void TestMultiAccountWindow::removingOneAccountLeavesTheOther()
{
    QTemporaryDir dir;
    const Profile profile(dir.path());
    makeProfile(profile);
    QVERIFY(
        MailServerControl(m_env.user).save(u"INBOX"_s, MailServerControl::message(u"Conseil de classe"_s)));
    QVERIFY(MailServerControl(m_env.functionalUser).save(u"INBOX"_s, mailToTheSchool(u"Cantine"_s)));

    MainWindow window;
    window.show();
    SessionLauncher launcher(profile, &window);
    launcher.setSitePolicy(SitePolicy());
    launcher.start();
    awaitRoots(window, 1, 1);
    const QString marieId = m_env.account().id;
    const QString functionalId = m_env.functionalAccount().id;
    const QString marieCache = AccountPaths(profile.directory(), marieId).cacheFile();
    const QString functionalCache = AccountPaths(profile.directory(), functionalId).cacheFile();
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(marieCache) && QFileInfo::exists(functionalCache), 20000);

    // A message waits in the school's outbox (written after its last sending).
    OutgoingMessage waiting;
    waiting.from = {u"Collège Jules Verne"_s, m_env.functionalAddress};
    waiting.to = {{u"Jean Martin"_s, m_env.address2}};
    waiting.subject = u"Pas encore parti"_s;
    waiting.plainText = u"Bonjour"_s;
    QString error;
    const auto built = MessageBuilder::build(waiting, &error);
    QVERIFY2(built, qPrintable(error));
    QVERIFY2(
        Outbox(AccountPaths(profile.directory(), functionalId).outboxDirectory()).enqueue(*built, &error),
        qPrintable(error));

    // From the menu, on the school's folder: the user is told about it, says no, nothing changes.
    QVERIFY(window.selectFolder(u"INBOX"_s, functionalId));
    QAction *remove = window.action(u"removeAccountAction"_s);
    QVERIFY(remove);
    AccountRemovalPrompt::setNextAnswer(false);
    remove->trigger();
    QCOMPARE(AccountRemovalPrompt::askCount(), 1);
    QCOMPARE(AccountRemovalPrompt::lastUnsentCount(), 1);
    QCOMPARE(profile.accounts().size(), 2);
    QCOMPARE(window.folderModel()->rowCount(), 3);
    QVERIFY(QFileInfo::exists(functionalCache));

    QSignalSpy removed(&launcher, &SessionLauncher::accountRemoved);
    AccountRemovalPrompt::setNextAnswer(true);
    remove->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(removed.size(), 1, 20000);
    QCOMPARE(removed.first().at(0).toString(), functionalId);
    QVERIFY(removed.first().at(1).toBool());

    // The school's account is gone: profile entry, files, keychain entry.
    QCOMPARE(profile.accounts().size(), 1);
    QCOMPARE(profile.accounts().first().id, marieId);
    QVERIFY(!QFileInfo::exists(functionalCache));
    QCOMPARE(m_credentials->readPasswordAndWait(functionalId).status, CredentialStore::Status::NotFound);
    // Marie's is untouched and still shown: her folders at the top again, her messages listed.
    QVERIFY(QFileInfo::exists(marieCache));
    const CredentialStore::Result marie = m_credentials->readPasswordAndWait(marieId);
    QVERIFY(marie.ok());
    QCOMPARE(marie.secret, m_env.password);
    QCOMPARE(window.accountIds(), QStringList{marieId});
    QCOMPARE(window.currentAccountId(), marieId);
    QTRY_VERIFY_WITH_TIMEOUT(window.folderModel()->rowCount() >= 5, 20000);
    QVERIFY(window.selectFolder(u"INBOX"_s));
    QTRY_COMPARE_WITH_TIMEOUT(window.messageModel()->rowCount(), 1, 20000);
    QVERIFY(launcher.session());
    launcher.finish();
}

void TestMultiAccountWindow::movingAMessageToTheOtherAccount()
{
    QTemporaryDir dir;
    const Profile profile(dir.path());
    makeProfile(profile);
    const QString subject = u"Facture cantine %1"_s.arg(QDateTime::currentMSecsSinceEpoch());
    const quint32 uid = MailServerControl(m_env.user)
                            .save(u"INBOX"_s, MailServerControl::message(subject, u"Montant : 42 €\n"_s));
    QVERIFY(uid > 0);

    MainWindow window;
    window.show();
    SessionLauncher launcher(profile, &window);
    launcher.setSitePolicy(SitePolicy());
    launcher.start();
    awaitRoots(window, 1, 0);
    const QString marieId = m_env.account().id;
    const QString functionalId = m_env.functionalAccount().id;
    QVERIFY(window.selectFolder(u"INBOX"_s, marieId));
    QTRY_COMPARE_WITH_TIMEOUT(window.messageModel()->rowCount(), 1, 20000);
    // Downloaded (shown once), so that its bytes can go to the other account.
    window.messageList()->setCurrentIndex(window.messageModel()->index(0, 0));
    MailCache cache;
    QString error;
    QVERIFY2(cache.open(AccountPaths(profile.directory(), marieId).cacheFile(), marieId,
                        MailCache::Mode::ReadOnly, &error),
             qPrintable(error));
    const auto inbox = cache.folderStore().folder(u"INBOX"_s);
    QVERIFY(inbox);
    QTRY_VERIFY_WITH_TIMEOUT(cache.messageStore().body(inbox->id, uid).has_value(), 20000);

    window.transferSelection(functionalId, u"INBOX"_s);
    const QStringList query{u"header"_s, u"Subject"_s, subject};
    QCOMPARE(MailServerControl(m_env.functionalUser).awaitCount(u"INBOX"_s, query, 1), 1);
    QTRY_COMPARE_WITH_TIMEOUT(window.messageModel()->rowCount(), 0, 20000); // hidden at once
    // Marie's copy goes with her next sync, once the school's server has it.
    QElapsedTimer clock;
    clock.start();
    qint64 lastSync = -10000;
    QVERIFY(QTest::qWaitFor(
        [&] {
            if (clock.elapsed() - lastSync > 2000) {
                lastSync = clock.elapsed();
                window.refresh();
            }
            return MailServerControl(m_env.user).count(u"INBOX"_s, query) == 0;
        },
        40000));
    QCOMPARE(MailServerControl(m_env.functionalUser).count(u"INBOX"_s, query), 1); // exactly once
    launcher.finish();
}

void TestMultiAccountWindow::renamingAndReorderingFromTheMenu()
{
    QTemporaryDir dir;
    const Profile profile(dir.path());
    makeProfile(profile);
    MainWindow window;
    window.show();
    SessionLauncher launcher(profile, &window);
    launcher.setSitePolicy(SitePolicy());
    launcher.start();
    awaitRoots(window, 0, 0);
    const QString marieId = m_env.account().id;
    const QString functionalId = m_env.functionalAccount().id;
    FolderTreeModel *model = window.folderModel();

    // « Monter » on the school's folder: first in the profile and in the tree.
    QVERIFY(window.selectFolder(u"INBOX"_s, functionalId));
    window.action(u"moveAccountUpAction"_s)->trigger();
    QCOMPARE(profile.accounts().first().id, functionalId);
    QCOMPARE(model->index(1, 0).data(FolderTreeModel::AccountIdRole).toString(), functionalId);
    QCOMPARE(model->index(2, 0).data(FolderTreeModel::AccountIdRole).toString(), marieId);
    // The folder being read stays selected.
    QCOMPARE(window.folderView()->currentIndex().data(FolderTreeModel::AccountIdRole).toString(),
             functionalId);
    QCOMPARE(window.currentAccountId(), functionalId);

    // « Renommer »: the profile and the root.
    launcher.renameAccount(marieId, u"Personnel"_s);
    QCOMPARE(profile.account(marieId)->label, u"Personnel"_s);
    QCOMPARE(model->index(2, 0).data().toString(), u"Personnel"_s);

    // « Descendre »: back in the first order.
    window.action(u"moveAccountDownAction"_s)->trigger();
    QCOMPARE(profile.accounts().first().id, marieId);
    QCOMPARE(model->index(1, 0).data().toString(), u"Personnel"_s);
    launcher.finish();
}

void TestMultiAccountWindow::quittingErasesAnotherSharedAccount()
{
    QTemporaryDir dir;
    const Profile profile(dir.path());
    QString error;
    QVERIFY(profile.saveAccount(m_env.account(), &error));
    QVERIFY(m_credentials->writePasswordAndWait(m_env.account().id, m_env.password).ok());
    MainWindow window;
    window.show();
    SessionLauncher launcher(profile, &window);
    launcher.setSitePolicy(SitePolicy());
    launcher.start();
    // The school's mailbox added during the session, on a shared workstation.
    Account functional = m_env.functionalAccount();
    functional.label = u"Collège (ce.0801234x)"_s;
    functional.sharedWorkstation = true;
    QVERIFY(profile.saveAccount(functional, &error));
    launcher.startSession(functional, m_env.functionalPassword);
    awaitRoots(window, 0, 0);
    const QString marieCache = AccountPaths(profile.directory(), m_env.account().id).cacheFile();
    const QString functionalCache = AccountPaths(profile.directory(), functional.id).cacheFile();
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(marieCache) && QFileInfo::exists(functionalCache), 20000);

    // Quitting erases it, and only it.
    launcher.finish();
    QVERIFY(!QFileInfo::exists(functionalCache));
    QCOMPARE(profile.accounts().size(), 1);
    QCOMPARE(profile.accounts().first().id, m_env.account().id);
    QVERIFY(QFileInfo::exists(marieCache));
    QVERIFY(m_credentials->readPasswordAndWait(m_env.account().id).ok());
}

// Issue 18: the school's small box is 83 % full: the window says so, in French terms, and « Libérer
// de l'espace » empties it through the queue until the server's quota is back to nothing.
void TestMultiAccountWindow::fullMailboxWarnsAndSpaceIsFreed()
{
    QTemporaryDir dir;
    const Profile profile(dir.path());
    makeProfile(profile);
    const MailServerControl school(m_env.functionalUser);
    QByteArray scan = mailToTheSchool(u"Dossiers d'inscription (scan)"_s);
    const QByteArray line = QByteArray(74, 'x') + "\r\n";
    scan += line.repeated(1700 * 1024 / line.size());
    QVERIFY(school.save(u"INBOX"_s, scan));
    QVERIFY(school.save(u"Junk"_s, MailServerControl::message(u"Gagnez un iPhone"_s)));

    MainWindow window;
    window.show();
    SessionLauncher launcher(profile, &window);
    launcher.setSitePolicy(SitePolicy());
    launcher.start();
    awaitRoots(window, 0, 2); // the scan and the spam
    auto *banner = window.findChild<NotificationBanner *>(u"quotaBanner"_s);
    QVERIFY(banner);
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 30000);
    QCOMPARE(banner->level(), NotificationBanner::Level::Warning);

    // « Libérer de l'espace… » for the school's box: the scan comes first.
    const QString functionalId = m_env.functionalAccount().id;
    QVERIFY(window.selectFolder(u"INBOX"_s, functionalId));
    window.findChild<QAction *>(u"freeSpaceAction"_s)->trigger();
    FreeSpaceDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = window.findChild<FreeSpaceDialog *>()) != nullptr);
    auto *largest = dialog->findChild<QTreeWidget *>(u"largestMessages"_s);
    QVERIFY(largest->topLevelItemCount() >= 1);
    QCOMPARE(largest->topLevelItem(0)->text(2), u"Dossiers d'inscription (scan)"_s);
    largest->topLevelItem(0)->setSelected(true);
    dialog->findChild<QPushButton *>(u"largestMessagesDeleteButton"_s)->click();
    // To the school's Trash on the server, never to Marie's.
    QTRY_COMPARE_WITH_TIMEOUT(school.uids(u"Trash"_s).size(), 1, 30000);
    QVERIFY(school.uids(u"INBOX"_s).isEmpty());
    QVERIFY(MailServerControl(m_env.user).uids(u"Trash"_s).isEmpty());
    dialog->close();

    // Emptying the Trash frees the room: the banner goes once the next sync reads the quota.
    window.findChild<QAction *>(u"freeSpaceAction"_s)->trigger();
    FreeSpaceDialog *again = nullptr;
    QTRY_VERIFY((again = window.findChild<FreeSpaceDialog *>()) != nullptr && again != dialog);
    auto *emptyTrash = again->findChild<QPushButton *>(u"emptyTrashButton"_s);
    QTRY_VERIFY(emptyTrash->isEnabled());
    emptyTrash->click();
    QTRY_VERIFY_WITH_TIMEOUT(school.uids(u"Trash"_s).isEmpty(), 30000);
    // Emptying the Junk folder deletes for good: nothing lands in the Trash, which counts too.
    auto *emptyJunk = again->findChild<QPushButton *>(u"emptyJunkButton"_s);
    QVERIFY(emptyJunk->isEnabled());
    emptyJunk->click();
    QTRY_VERIFY_WITH_TIMEOUT(school.uids(u"Junk"_s).isEmpty(), 30000);
    QVERIFY(school.uids(u"Trash"_s).isEmpty());
    Q_EMIT window.syncRequested();
    QTRY_VERIFY_WITH_TIMEOUT(!banner->isVisible(), 30000);
    launcher.finish();
}

void TestMultiAccountWindow::readOnlySharedFolderDisablesDelete()
{
    // jmartin shares « Projets » with Marie, lookup and read only.
    const MailServerControl colleague(m_env.user2);
    QVERIFY(colleague.createFolder(u"Projets"_s));
    QVERIFY(colleague.save(u"Projets"_s, MailServerControl::message(u"Plan du projet"_s)));
    QVERIFY(colleague.shareFolder(u"Projets"_s, m_env.user, {u"lookup"_s, u"read"_s}));

    QTemporaryDir dir;
    const Profile profile(dir.path());
    makeProfile(profile);
    MainWindow window;
    window.setUndoSeconds(0); // a delete that got through would reach the server at once
    window.show();
    SessionLauncher launcher(profile, &window);
    launcher.setSitePolicy(SitePolicy());
    launcher.start();

    // After the sync: Marie's root › « Dossiers partagés » › « Partagés par jmartin » › « Projets ».
    FolderTreeModel *model = window.folderModel();
    const QString marieId = m_env.account().id;
    const QString path = u"shared/%1/Projets"_s.arg(m_env.user2);
    QTRY_VERIFY_WITH_TIMEOUT(model->indexForPath(path, marieId).isValid() &&
                                 model->indexForPath(path, marieId).parent().data().toString() ==
                                     FolderTreeModel::tr("Shared by %1").arg(m_env.user2),
                             30000);
    const QModelIndex projets = model->indexForPath(path, marieId);
    QCOMPARE(projets.data(FolderTreeModel::PathRole).toString(), path);
    QCOMPARE(projets.parent().parent().data().toString(), FolderTreeModel::tr("Shared folders"));
    QCOMPARE(projets.parent().parent().parent(), model->indexForAccount(marieId));
    QVERIFY(projets.data(Qt::ToolTipRole).toString().contains(FolderTreeModel::tr("Read-only")));
    // "shared" and "shared/jmartin" are no folders of their own.
    QVERIFY(!model->indexForPath(u"shared"_s, marieId).isValid());
    QVERIFY(!model->indexForPath(u"shared/%1"_s.arg(m_env.user2), marieId).isValid());

    QVERIFY(window.selectFolder(path, marieId));
    QTRY_COMPARE_WITH_TIMEOUT(window.messageModel()->rowCount(), 1, 20000);
    window.messageList()->setCurrentIndex(window.messageModel()->index(0, 0));

    FolderInfo shared;
    shared.pathParts = path.split(u'/');
    shared.namespaceKind = FolderInfo::Namespace::OtherUser;
    shared.owner = m_env.user2;
    shared.rights = u"lr"_s;
    shared.rightsKnown = true;
    const FolderPermissions permissions(shared);
    QAction *remove = window.action(u"deleteAction"_s);
    QVERIFY(remove);
    QTRY_VERIFY_WITH_TIMEOUT(!remove->isEnabled(), 10000);
    QCOMPARE(remove->toolTip(), permissions.reason(FolderPermissions::Action::DeleteMessages));
    QVERIFY(remove->toolTip().contains(m_env.user2));
    QCOMPARE(remove->statusTip(), remove->toolTip());
    QVERIFY(!window.action(u"markReadAction"_s)->isEnabled());
    QVERIFY(!window.action(u"flagAction"_s)->isEnabled());
    QVERIFY(!window.action(u"archiveAction"_s)->isEnabled());
    QVERIFY(window.action(u"replyAction"_s)->isEnabled()); // reading and answering stay
    QVERIFY(!window.messageList()->dragEnabled());

    // Suppr does nothing: the message stays, in the list and on the server.
    window.messageList()->setFocus();
    QTest::keyClick(window.messageList(), Qt::Key_Delete);
    QCOMPARE(window.messageModel()->rowCount(), 1);
    QCOMPARE(colleague.count(u"Projets"_s, {u"all"_s}), 1);

    // Back in Marie's own inbox, everything is allowed again, the action's own tooltip back.
    QVERIFY(window.selectFolder(u"INBOX"_s, marieId));
    QTRY_VERIFY_WITH_TIMEOUT(remove->isEnabled(), 10000);
    QVERIFY(remove->toolTip() != permissions.reason(FolderPermissions::Action::DeleteMessages));
    QVERIFY(window.messageList()->dragEnabled());
}

QByteArray TestMultiAccountWindow::datedMail(const QString &subject, const QString &to, const QDateTime &date)
{
    QByteArray message;
    message += "From: Jean Martin <jmartin@ac-amiens.fr>\r\n";
    message += "To: " + to.toUtf8() + "\r\n";
    message += "Subject: =?UTF-8?B?" + subject.toUtf8().toBase64() + "?=\r\n";
    message += "Date: " + date.toString(Qt::RFC2822Date).toLatin1() + "\r\n";
    message += "Message-ID: <unified-" + QByteArray::number(date.toSecsSinceEpoch()) + "-" +
               subject.toUtf8().toHex().left(16) + "@ac-amiens.fr>\r\n";
    message += "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n";
    message += "Bonjour,\r\nvoir le dossier joint.\r\n";
    return message;
}

// « Tous les comptes » › « Boîtes de réception »: both inboxes, newest first, each message naming
// its account; what is done to a message there goes to that message's account; the tray lists each
// account's count and a new-mail notification names the account.
void TestMultiAccountWindow::unifiedInboxActsOnTheMessagesAccount()
{
    QTemporaryDir dir;
    const Profile profile(dir.path());
    makeProfile(profile);
    const MailServerControl marie(m_env.user);
    const MailServerControl school(m_env.functionalUser);
    const QDateTime base = QDateTime::currentDateTimeUtc().addDays(-2);
    QVERIFY(marie.save(u"INBOX"_s, datedMail(u"Conseil de classe"_s, m_env.address, base)));
    const quint32 schoolUid =
        school.save(u"INBOX"_s, datedMail(u"Sortie au musée"_s, m_env.functionalAddress, base.addSecs(3600)));
    QVERIFY(schoolUid > 0);
    const quint32 newestUid =
        marie.save(u"INBOX"_s, datedMail(u"Réunion parents"_s, m_env.address, base.addSecs(7200)));
    QVERIFY(newestUid > 0);

    MainWindow window;
    window.setUndoSeconds(0);
    window.show();
    SessionLauncher launcher(profile, &window);
    launcher.setSitePolicy(SitePolicy());
    DesktopIntegration desktop(profile, &window, &launcher);
    launcher.start();
    awaitRoots(window, 2, 1);
    const QString marieId = m_env.account().id;
    const QString functionalId = m_env.functionalAccount().id;
    const QString schoolName = u"Collège (ce.0801234x)"_s;

    // The tray: the sum, then each account's count.
    QTRY_VERIFY2_WITH_TIMEOUT(desktop.trayIcon()->toolTip().contains(u"%1: 2"_s.arg(m_env.address)),
                              qPrintable(desktop.trayIcon()->toolTip()), 20000);
    QVERIFY2(desktop.trayIcon()->toolTip().contains(u"%1: 1"_s.arg(schoolName)),
             qPrintable(desktop.trayIcon()->toolTip()));
    QCOMPARE(desktop.trayIcon()->unreadCount(), 3);

    // « Tous les comptes » with its three views and the inboxes' unread count.
    FolderTreeModel *model = window.folderModel();
    const QModelIndex all = model->index(0, 0);
    QTRY_COMPARE_WITH_TIMEOUT(all.data().toString(), u"%1 (3)"_s.arg(FolderTreeModel::tr("All accounts")),
                              20000);
    QCOMPARE(model->rowCount(all), 3);
    QCOMPARE(model->index(0, 0, all).data(FolderTreeModel::UnifiedViewRole).toInt(),
             int(UnifiedMailbox::View::Inboxes));
    QCOMPARE(model->index(1, 0, all).data().toString(), u"%1 (3)"_s.arg(FolderTreeModel::tr("Unread")));
    QCOMPARE(model->index(2, 0, all).data().toString(), FolderTreeModel::tr("Flagged"));

    QVERIFY(window.selectUnifiedView(UnifiedMailbox::View::Inboxes));
    QVERIFY(window.isShowingUnifiedList());
    QVERIFY(window.unifiedList()->isVisible());
    UnifiedListModel *list = window.unifiedModel();
    QTRY_COMPARE_WITH_TIMEOUT(list->rowCount(), 3, 20000);
    const auto cell = [list](int row, int column) {
        return list->index(row, column).data().toString();
    };
    QCOMPARE(cell(0, UnifiedListModel::SubjectColumn), u"Réunion parents"_s);
    QCOMPARE(cell(0, UnifiedListModel::AccountColumn), m_env.address);
    QCOMPARE(cell(1, UnifiedListModel::SubjectColumn), u"Sortie au musée"_s);
    QCOMPARE(cell(1, UnifiedListModel::AccountColumn), schoolName);
    QCOMPARE(cell(2, UnifiedListModel::SubjectColumn), u"Conseil de classe"_s);
    QCOMPARE(list->headerData(UnifiedListModel::AccountColumn, Qt::Horizontal).toString(),
             UnifiedListModel::tr("Account"));

    // Opening the school's message reads it on the school's server, not on Marie's.
    window.unifiedList()->setCurrentIndex(list->index(1, 0));
    window.unifiedList()->selectionModel()->select(list->index(1, 0), QItemSelectionModel::ClearAndSelect |
                                                                          QItemSelectionModel::Rows);
    QCOMPARE(window.currentAccountId(), functionalId);
    QTRY_VERIFY_WITH_TIMEOUT(school.flags(u"INBOX"_s, schoolUid).contains(u"\\Seen"_s), 30000);
    // « Suivre » from there: the school's message again.
    window.action(u"flagAction"_s)->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(school.flags(u"INBOX"_s, schoolUid).contains(u"\\Flagged"_s), 30000);
    QVERIFY(!marie.flags(u"INBOX"_s, newestUid).contains(u"\\Seen"_s));
    QVERIFY(!marie.flags(u"INBOX"_s, newestUid).contains(u"\\Flagged"_s));
    QTRY_COMPARE_WITH_TIMEOUT(all.data().toString(), u"%1 (2)"_s.arg(FolderTreeModel::tr("All accounts")),
                              20000);
    // The tree still shows « Boîtes de réception », the list every account's inbox.
    QCOMPARE(window.folderView()->currentIndex().data(FolderTreeModel::UnifiedViewRole).toInt(),
             int(UnifiedMailbox::View::Inboxes));
    QCOMPARE(list->rowCount(), 3);

    // A reply from there leaves as the school.
    QCOMPARE(window.unifiedList()->currentIndex().row(), 1);
    window.action(u"replyAction"_s)->trigger();
    ComposerWindow *composer = nullptr;
    QTRY_VERIFY((composer = window.findChild<ComposerWindow *>()) != nullptr);
    QCOMPARE(composer->sendingAccount().id, functionalId);
    QCOMPARE(composer->fromAddress().address, m_env.functionalAddress);
    delete composer;

    // « Suivis »: only the school's flagged message.
    QVERIFY(window.selectUnifiedView(UnifiedMailbox::View::Flagged));
    QTRY_COMPARE_WITH_TIMEOUT(list->rowCount(), 1, 20000);
    QCOMPARE(cell(0, UnifiedListModel::SubjectColumn), u"Sortie au musée"_s);

    // Mail reaching Marie (not the account shown now) shows in the unified inbox after her sync,
    // and the notification names her mailbox.
    QSignalSpy notified(&desktop, &DesktopIntegration::newMailNotified);
    QVERIFY(window.selectUnifiedView(UnifiedMailbox::View::Inboxes));
    QTRY_COMPARE_WITH_TIMEOUT(list->rowCount(), 3, 20000);
    QVERIFY(marie.save(u"INBOX"_s, datedMail(u"Conseil pédagogique"_s, m_env.address, base.addSecs(9000))));
    Q_EMIT window.syncRequested();
    QTRY_COMPARE_WITH_TIMEOUT(list->rowCount(), 4, 30000);
    QCOMPARE(cell(0, UnifiedListModel::SubjectColumn), u"Conseil pédagogique"_s);
    QTRY_VERIFY_WITH_TIMEOUT(!notified.isEmpty(), 20000);
    QVERIFY2(notified.last().at(1).toString().contains(m_env.address),
             qPrintable(notified.last().at(1).toString()));
    QTRY_VERIFY2_WITH_TIMEOUT(desktop.trayIcon()->toolTip().contains(u"%1: 3"_s.arg(m_env.address)),
                              qPrintable(desktop.trayIcon()->toolTip()), 20000);
    launcher.finish();
}

// The search field looks in the selected account, or in every account with « Tous les comptes ».
void TestMultiAccountWindow::searchAcrossAllAccountsOrOne()
{
    QTemporaryDir dir;
    const Profile profile(dir.path());
    makeProfile(profile);
    const QDateTime base = QDateTime::currentDateTimeUtc().addDays(-1);
    QVERIFY(MailServerControl(m_env.user)
                .save(u"INBOX"_s, datedMail(u"Conseil de classe"_s, m_env.address, base)));
    QVERIFY(MailServerControl(m_env.functionalUser)
                .save(u"INBOX"_s, datedMail(u"Commande de manuels"_s, m_env.functionalAddress, base)));

    MainWindow window;
    window.show();
    SessionLauncher launcher(profile, &window);
    launcher.setSitePolicy(SitePolicy());
    launcher.start();
    awaitRoots(window, 1, 1);
    QComboBox *scope = window.searchScope();
    QVERIFY(scope->isVisible()); // several accounts: the choice is offered

    // In Marie's inbox the search looks in her account only: the school's order is not found.
    QVERIFY(window.selectFolder(u"INBOX"_s, m_env.account().id));
    QTRY_COMPARE_WITH_TIMEOUT(window.messageModel()->rowCount(), 1, 20000);
    QCOMPARE(scope->currentIndex(), int(MainWindow::SearchScope::ThisAccount));
    window.searchField()->setText(u"manuels"_s);
    QTRY_VERIFY(window.messageModel()->isShowingSearch());
    QVERIFY(!window.isShowingUnifiedList());
    QCOMPARE(window.messageModel()->rowCount(), 0);

    // « Tous les comptes »: found in the school's account, named as such.
    scope->setCurrentIndex(int(MainWindow::SearchScope::AllAccounts));
    QTRY_VERIFY(window.isShowingUnifiedList());
    QTRY_COMPARE(window.unifiedModel()->rowCount(), 1);
    QCOMPARE(window.unifiedModel()->index(0, UnifiedListModel::SubjectColumn).data().toString(),
             u"Commande de manuels"_s);
    QCOMPARE(window.unifiedModel()->index(0, UnifiedListModel::AccountColumn).data().toString(),
             u"Collège (ce.0801234x)"_s);
    // Someone who wrote to both accounts: both found.
    window.searchField()->setText(u"Martin"_s);
    QTRY_COMPARE(window.unifiedModel()->rowCount(), 2);

    // Selecting « Tous les comptes » in the tree searches every account too.
    window.searchField()->clear();
    QTRY_VERIFY(!window.isShowingUnifiedList());
    QVERIFY(window.selectUnifiedView(UnifiedMailbox::View::Inboxes));
    QCOMPARE(scope->currentIndex(), int(MainWindow::SearchScope::AllAccounts));
    window.searchField()->setText(u"conseil"_s);
    QTRY_VERIFY(window.unifiedModel()->isShowingSearch());
    QTRY_COMPARE(window.unifiedModel()->rowCount(), 1);
    QCOMPARE(window.unifiedModel()->index(0, UnifiedListModel::AccountColumn).data().toString(),
             m_env.address);
    // Emptied, the search gives the unified inbox back.
    window.searchField()->clear();
    QTRY_VERIFY(!window.unifiedModel()->isShowingSearch());
    QTRY_COMPARE(window.unifiedModel()->rowCount(), 2);
    launcher.finish();
}

// With one account there is no « Tous les comptes » and no choice of where to search.
void TestMultiAccountWindow::oneAccountHasNoUnifiedRoot()
{
    QTemporaryDir dir;
    const Profile profile(dir.path());
    QString error;
    QVERIFY(profile.saveAccount(m_env.account(), &error));
    QVERIFY(m_credentials->writePasswordAndWait(m_env.account().id, m_env.password).ok());
    MainWindow window;
    window.show();
    SessionLauncher launcher(profile, &window);
    launcher.setSitePolicy(SitePolicy());
    launcher.start();
    QTRY_VERIFY_WITH_TIMEOUT(window.folderModel()->indexForPath(u"INBOX"_s).isValid(), 20000);
    FolderTreeModel *model = window.folderModel();
    for (int row = 0; row < model->rowCount(); ++row)
        QVERIFY(!model->index(row, 0).data(FolderTreeModel::UnifiedRootRole).toBool());
    QVERIFY(!model->indexForUnifiedView(int(UnifiedMailbox::View::Inboxes)).isValid());
    QVERIFY(!window.selectUnifiedView(UnifiedMailbox::View::Inboxes));
    QVERIFY(!window.searchScope()->isVisible());
    launcher.finish();
}

namespace {
/// The href of the first link of @p html whose command is @p command ("amiens:password…").
QString linkOf(const QString &html, const QString &command)
{
    static const QRegularExpression href(uR"re(href="(amiens:[^"]*)")re"_s);
    for (auto it = href.globalMatch(html); it.hasNext();) {
        const QString link = it.next().captured(1).replace(u"&amp;"_s, u"&"_s);
        if (link.startsWith(u"amiens:"_s + command))
            return link;
    }
    return {};
}

SettingsDialog *openedSettings(MainWindow &window)
{
    SettingsDialog *dialog = nullptr;
    return QTest::qWaitFor([&] { return (dialog = window.findChild<SettingsDialog *>()) != nullptr; }, 5000)
               ? dialog
               : nullptr;
}
} // namespace

// Issue 18: the second account gets everything the first one has. The school's box, whose stored
// password is wrong, shows its own refusal with a link that asks for ITS password and, once
// accepted, keeps it in ITS keychain entry; its absence shows in the banner under its name and
// « Y mettre fin » opens its settings; File › Paramètres opens the settings of the account being
// read.
void TestMultiAccountWindow::theFirstAccountIsNotSpecial()
{
    QTemporaryDir dir;
    const Profile profile(dir.path());
    makeProfile(profile);
    const QString marieId = m_env.account().id;
    const QString schoolId = m_env.functionalAccount().id;
    QVERIFY(m_credentials->writePasswordAndWait(schoolId, u"ancien-mot-de-passe"_s).ok());
    AbsenceStore::ClientSide closed;
    closed.active = true;
    closed.vacation.enabled = true;
    closed.vacation.end = QDateTime::currentDateTime().addDays(3);
    closed.vacation.message = u"Le secrétariat est fermé pendant les vacances.\n"_s;
    QString error;
    QVERIFY2(AbsenceStore::saveClientSide(profile, closed, &error, schoolId), qPrintable(error));

    MainWindow window;
    window.show();
    SessionLauncher launcher(profile, &window);
    launcher.setSitePolicy(SitePolicy());
    launcher.start();
    QCOMPARE(launcher.openAccountIds(), (QStringList{marieId, schoolId}));

    // The absence is the school's, said so; Marie has none.
    NotificationBanner *absence = window.absenceBanner();
    QVERIFY(absence->isVisible());
    QVERIFY2(absence->text().contains(u"Collège (ce.0801234x)"_s), qPrintable(absence->text()));
    const QString endLink = linkOf(absence->text(), u"endabsence"_s);
    QVERIFY2(endLink.contains(QString::fromLatin1(QUrl::toPercentEncoding(schoolId))), qPrintable(endLink));

    // The refusal names the school and its link asks for the school's password.
    QTRY_VERIFY_WITH_TIMEOUT(window.banner()->isVisible() &&
                                 window.banner()->text().contains(u"Collège (ce.0801234x)"_s) &&
                                 !linkOf(window.banner()->text(), u"password"_s).isEmpty(),
                             30000);
    const QString passwordLink = linkOf(window.banner()->text(), u"password"_s);
    QCOMPARE(PasswordPrompt::askCount(), 0); // never asked at start: the keychain had one
    PasswordPrompt::setNextAnswer(m_env.functionalPassword);
    Q_EMIT window.banner()->linkActivated(passwordLink);
    QCOMPARE(PasswordPrompt::askCount(), 1);
    QVERIFY2(PasswordPrompt::lastText().contains(m_env.functionalAddress),
             qPrintable(PasswordPrompt::lastText()));
    FolderTreeModel *model = window.folderModel();
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount(model->indexForAccount(schoolId)) >= 5, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(m_credentials->readPasswordAndWait(schoolId).secret, m_env.functionalPassword,
                              20000);
    QCOMPARE(m_credentials->readPasswordAndWait(marieId).secret, m_env.password);

    // Settings follow the account being read.
    QVERIFY(window.selectFolder(u"INBOX"_s, schoolId));
    Q_EMIT window.settingsRequested();
    SettingsDialog *settings = openedSettings(window);
    QVERIFY(settings);
    QCOMPARE(settings->account().id, schoolId);
    QVERIFY(settings->windowTitle().contains(u"Collège (ce.0801234x)"_s));
    delete settings;
    QVERIFY(window.selectFolder(u"INBOX"_s, marieId));
    Q_EMIT window.settingsRequested();
    settings = openedSettings(window);
    QVERIFY(settings);
    QCOMPARE(settings->account().id, marieId);
    delete settings;

    // « Y mettre fin » opens the school's settings, whichever account is being read.
    Q_EMIT absence->linkActivated(endLink);
    settings = openedSettings(window);
    QVERIFY(settings);
    QCOMPARE(settings->account().id, schoolId);
    delete settings;
    launcher.finish();
}

// Issue 18: a draft belongs to the account that will send it. Begun from Marie's box, then
// switched to the school's address in « De », it leaves Marie's drafts (here and on her server)
// and is kept among the school's, where its server copy goes.
void TestMultiAccountWindow::draftFollowsTheSendingAccount()
{
    QTemporaryDir dir;
    const Profile profile(dir.path());
    makeProfile(profile);
    MainWindow window;
    window.show();
    SessionLauncher launcher(profile, &window);
    launcher.setSitePolicy(SitePolicy());
    launcher.start();
    awaitRoots(window, 0, 0);
    const QString marieId = m_env.account().id;
    const QString schoolId = m_env.functionalAccount().id;
    QVERIFY(window.selectFolder(u"INBOX"_s, marieId));

    ComposerWindow *composer = window.openComposer();
    QVERIFY(composer);
    QCOMPARE(composer->sendingAccount().id, marieId);
    const QString subject =
        u"Compte rendu du conseil d'administration %1"_s.arg(QDateTime::currentMSecsSinceEpoch());
    composer->subjectField()->setText(subject);
    QVERIFY(composer->saveDraft());
    const DraftStore marieDrafts(AccountPaths(profile.directory(), marieId).draftsDirectory());
    const DraftStore schoolDrafts(AccountPaths(profile.directory(), schoolId).draftsDirectory());
    QCOMPARE(marieDrafts.drafts().size(), 1);
    launcher.servicesOf(marieId)->draftSynchronizer()->syncAll();
    const QStringList query{u"header"_s, u"Subject"_s, subject};
    QCOMPARE(MailServerControl(m_env.user).awaitCount(u"Drafts"_s, query, 1), 1);

    // « De »: the school. The draft moves, and Marie's server copy goes.
    auto *from = composer->findChild<QComboBox *>(u"fromField"_s);
    const int school = from->findText(m_env.functionalAddress, Qt::MatchContains);
    QVERIFY(school >= 0);
    from->setCurrentIndex(school);
    QCOMPARE(composer->sendingAccount().id, schoolId);
    QCOMPARE(marieDrafts.drafts().size(), 0);
    QCOMPARE(schoolDrafts.drafts().size(), 1);
    QCOMPARE(schoolDrafts.drafts().first().message.subject, subject);
    QTRY_COMPARE_WITH_TIMEOUT(MailServerControl(m_env.user).count(u"Drafts"_s, query), 0, 30000);
    launcher.servicesOf(schoolId)->draftSynchronizer()->syncAll();
    QCOMPARE(MailServerControl(m_env.functionalUser).awaitCount(u"Drafts"_s, query, 1), 1);
    const QByteArray header = MailServerControl(m_env.functionalUser).fetch(u"hdr"_s, u"Drafts"_s, query);
    QVERIFY2(header.contains(m_env.functionalAddress.toUtf8()), header.constData());
    QVERIFY2(!header.contains(m_env.address.toUtf8()), header.constData());
    // Thrown away: the school's copy goes too.
    composer->discardDraft();
    QTRY_COMPARE_WITH_TIMEOUT(MailServerControl(m_env.functionalUser).count(u"Drafts"_s, query), 0, 30000);
    launcher.finish();
}

QTEST_MAIN(TestMultiAccountWindow)
#include "tst_multiaccountwindow.moc"
