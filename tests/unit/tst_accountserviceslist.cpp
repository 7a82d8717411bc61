// The services of the accounts open side by side: found by id and by address, kept in the
// profile's order, one taken out without touching the others. No server: nothing connects.
#include "account/Profile.h"
#include "services/AccountServices.h"
#include "services/AccountServicesList.h"
#include "settings/SitePolicy.h"

#include <QPointer>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Amiens;

namespace {
Account account(const QString &address, const QStringList &aliases = {})
{
    Account result;
    result.id = result.address = address;
    result.aliases = aliases;
    result.imap = {u"127.0.0.1"_s, 993, ConnectionSecurity::ImplicitTls, address.section(u'@', 0, 0)};
    result.smtp = {u"127.0.0.1"_s, 465, ConnectionSecurity::ImplicitTls, address.section(u'@', 0, 0)};
    return result;
}
} // namespace

class TestAccountServicesList : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void findsByIdAndAddressInTheProfilesOrder();
};

void TestAccountServicesList::findsByIdAndAddressInTheProfilesOrder()
{
    QTemporaryDir dir;
    const Profile profile(dir.path());
    const Account marie = account(u"mdupont@ac-amiens.fr"_s);
    const Account school = account(u"ce.0801234x@ac-amiens.fr"_s, {u"secretariat.0801234x@ac-amiens.fr"_s});
    QString error;
    AccountServicesList list;
    QVERIFY(list.isEmpty());
    AccountServices *marieServices = list.add(AccountServices::create(profile, SitePolicy(), marie, &error));
    QVERIFY2(marieServices, qPrintable(error));
    AccountServices *schoolServices =
        list.add(AccountServices::create(profile, SitePolicy(), school, &error));
    QVERIFY(schoolServices);
    // The same account twice: refused, the first kept.
    QVERIFY(!list.add(AccountServices::create(profile, SitePolicy(), marie, &error)));
    QCOMPARE(list.size(), 2);

    QCOMPARE(list.find(school.id), schoolServices);
    QCOMPARE(list.find(u"nobody"_s), nullptr);
    QCOMPARE(list.owning(u"MDupont@AC-Amiens.fr"_s), marieServices);
    QCOMPARE(list.owning(u"secretariat.0801234x@ac-amiens.fr"_s), schoolServices);
    QCOMPARE(list.owning(u"jean.martin@ac-amiens.fr"_s), nullptr);
    QCOMPARE(list.ids(), (QStringList{marie.id, school.id}));

    // The profile's order after « Monter »; an account it does not list stays last.
    list.sortLike({school, marie});
    QCOMPARE(list.ids(), (QStringList{school.id, marie.id}));
    list.sortLike({marie});
    QCOMPARE(list.ids(), (QStringList{marie.id, school.id}));
    QCOMPARE(list.all(), (QList<AccountServices *>{marieServices, schoolServices}));

    // One taken out: the other is still there, alive.
    QPointer<AccountServices> watched(schoolServices);
    std::unique_ptr<AccountServices> taken = list.take(school.id);
    QCOMPARE(taken.get(), schoolServices);
    QVERIFY(!list.take(school.id));
    taken.reset();
    QVERIFY(watched.isNull());
    QCOMPARE(list.ids(), QStringList{marie.id});
    QCOMPARE(list.find(marie.id), marieServices);
    QCOMPARE(list.find(marie.id)->account().address, marie.address);

    list.clear();
    QVERIFY(list.isEmpty());
}

QTEST_GUILESS_MAIN(TestAccountServicesList)
#include "tst_accountserviceslist.moc"
