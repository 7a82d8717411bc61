// Several accounts in one profile (issue 18): their order, names, aliases and kind survive a
// restart, and one account's changes never touch another's.
#include "account/Profile.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Amiens;

namespace {

Account accountFor(const QString &address)
{
    Account account;
    account.id = address;
    account.address = address;
    account.imap = {u"imap.ac-amiens.fr"_s, 993, ConnectionSecurity::ImplicitTls,
                    address.section(u'@', 0, 0)};
    account.smtp = {u"smtp.ac-amiens.fr"_s, 465, ConnectionSecurity::ImplicitTls,
                    address.section(u'@', 0, 0)};
    return account;
}

QStringList ids(const QList<Account> &accounts)
{
    QStringList result;
    for (const Account &account : accounts)
        result.append(account.id);
    return result;
}

} // namespace

class TestProfile : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void accountsKeepTheOrderTheyWereAddedIn();
    void movingAnAccountChangesOnlyTheOrder();
    void removingAnAccountLeavesTheOthers();
    void profilesWithoutAnOrderStillListEveryAccount();
    void nameAliasesAndKindAreKept();
    void addressesAreMatchedWithoutCase();
};

void TestProfile::accountsKeepTheOrderTheyWereAddedIn()
{
    QTemporaryDir dir;
    const Profile profile(dir.path());
    // Hex keys would sort ce.… before mdupont: the order must be the user's, not the file's.
    for (const QString &address :
         {u"mdupont@ac-amiens.fr"_s, u"ce.0801234x@ac-amiens.fr"_s, u"gestion.0801234x@ac-amiens.fr"_s})
        QVERIFY(profile.saveAccount(accountFor(address), nullptr));
    const QStringList expected{u"mdupont@ac-amiens.fr"_s, u"ce.0801234x@ac-amiens.fr"_s,
                               u"gestion.0801234x@ac-amiens.fr"_s};
    QCOMPARE(ids(profile.accounts()), expected);
    // Saving an existing account again (a new password date, a pinned certificate) keeps its place.
    Account changed = accountFor(u"mdupont@ac-amiens.fr"_s);
    changed.realName = u"Marie Dupont"_s;
    QVERIFY(profile.saveAccount(changed, nullptr));
    QCOMPARE(ids(Profile(dir.path()).accounts()), expected);
    QCOMPARE(profile.accounts().first().realName, u"Marie Dupont"_s);
}

void TestProfile::movingAnAccountChangesOnlyTheOrder()
{
    QTemporaryDir dir;
    const Profile profile(dir.path());
    for (const QString &address : {u"a@ac-amiens.fr"_s, u"b@ac-amiens.fr"_s, u"c@ac-amiens.fr"_s})
        QVERIFY(profile.saveAccount(accountFor(address), nullptr));
    QVERIFY(profile.moveAccount(u"c@ac-amiens.fr"_s, 0, nullptr));
    QCOMPARE(ids(profile.accounts()),
             (QStringList{u"c@ac-amiens.fr"_s, u"a@ac-amiens.fr"_s, u"b@ac-amiens.fr"_s}));
    QVERIFY(profile.moveAccount(u"c@ac-amiens.fr"_s, 99, nullptr)); // clamped: last
    QCOMPARE(ids(profile.accounts()),
             (QStringList{u"a@ac-amiens.fr"_s, u"b@ac-amiens.fr"_s, u"c@ac-amiens.fr"_s}));
    QString error;
    QVERIFY(!profile.moveAccount(u"nobody@ac-amiens.fr"_s, 0, &error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(profile.account(u"c@ac-amiens.fr"_s), accountFor(u"c@ac-amiens.fr"_s));
}

void TestProfile::removingAnAccountLeavesTheOthers()
{
    QTemporaryDir dir;
    const Profile profile(dir.path());
    Account functional = accountFor(u"ce.0801234x@ac-amiens.fr"_s);
    functional.kind = MailboxKind::Functional;
    QVERIFY(profile.saveAccount(accountFor(u"mdupont@ac-amiens.fr"_s), nullptr));
    QVERIFY(profile.saveAccount(functional, nullptr));
    QVERIFY(profile.removeAccount(u"mdupont@ac-amiens.fr"_s, nullptr));
    QCOMPARE(profile.accounts(), QList<Account>{functional});
    // Added again, it comes last: a removed account leaves no hole in the order.
    QVERIFY(profile.saveAccount(accountFor(u"mdupont@ac-amiens.fr"_s), nullptr));
    QCOMPARE(ids(profile.accounts()),
             (QStringList{u"ce.0801234x@ac-amiens.fr"_s, u"mdupont@ac-amiens.fr"_s}));
}

void TestProfile::profilesWithoutAnOrderStillListEveryAccount()
{
    QTemporaryDir dir;
    const Profile profile(dir.path());
    QVERIFY(profile.saveAccount(accountFor(u"mdupont@ac-amiens.fr"_s), nullptr));
    QVERIFY(profile.saveAccount(accountFor(u"jmartin@ac-amiens.fr"_s), nullptr));
    {
        // A profile written by an earlier version: no order key.
        QSettings settings(profile.settingsPath(), QSettings::IniFormat);
        settings.remove(u"accounts/order"_s);
    }
    QCOMPARE(profile.accounts().size(), 2);
    QVERIFY(profile.moveAccount(u"mdupont@ac-amiens.fr"_s, 0, nullptr));
    QCOMPARE(profile.accounts().first().id, u"mdupont@ac-amiens.fr"_s);
}

void TestProfile::nameAliasesAndKindAreKept()
{
    QTemporaryDir dir;
    const Profile profile(dir.path());
    Account account = accountFor(u"ce.0801234x@ac-amiens.fr"_s);
    account.kind = MailboxKind::Functional;
    account.label = u"Collège Jules Verne"_s;
    account.aliases = {u"secretariat.jules-verne@ac-amiens.fr"_s};
    QVERIFY(profile.saveAccount(account, nullptr));
    const std::optional<Account> read = Profile(dir.path()).account(account.id);
    QVERIFY(read);
    QCOMPARE(*read, account);
    QCOMPARE(read->displayName(), u"Collège Jules Verne"_s);
    QCOMPARE(accountFor(u"mdupont@ac-amiens.fr"_s).displayName(), u"mdupont@ac-amiens.fr"_s);
}

void TestProfile::addressesAreMatchedWithoutCase()
{
    Account account = accountFor(u"mdupont@ac-amiens.fr"_s);
    account.aliases = {u"marie.dupont@ac-amiens.fr"_s};
    QVERIFY(account.owns(u"MDupont@AC-Amiens.fr"_s));
    QVERIFY(account.owns(u" marie.dupont@ac-amiens.fr "_s));
    QVERIFY(!account.owns(u"dupont@ac-amiens.fr"_s));
    QVERIFY(!account.owns(QString()));
    QCOMPARE(account.addresses(), (QStringList{u"mdupont@ac-amiens.fr"_s, u"marie.dupont@ac-amiens.fr"_s}));
}

QTEST_GUILESS_MAIN(TestProfile)
#include "tst_profile.moc"
