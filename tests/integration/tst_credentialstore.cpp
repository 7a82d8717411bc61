// Passwords through QtKeychain into the real gnome-keyring (Secret Service) of the test session.
#include "TestEnvironment.h"
#include "security/CredentialStore.h"

#include <QProcess>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Amiens;

class TestCredentialStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void writeReadDeleteInTheRealKeyring();
    void missingEntryIsNotFound();
    void servicesAreSeparate();

private:
    static QString lookupWithSecretTool(const QString &service, const QString &key);
};

void TestCredentialStore::initTestCase()
{
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        QFAIL("No session bus: run through ctest (fixture 'servers') or tests/servers/with-servers.sh.");
}

QString TestCredentialStore::lookupWithSecretTool(const QString &service, const QString &key)
{
    QProcess process;
    process.start(u"secret-tool"_s, {u"lookup"_s, u"server"_s, service, u"user"_s, key});
    process.waitForFinished(10000);
    return QString::fromUtf8(process.readAllStandardOutput());
}

void TestCredentialStore::writeReadDeleteInTheRealKeyring()
{
    const QString service = u"amiens-mail-test"_s;
    const QString key = u"mdupont@ac-amiens.fr"_s;
    const QString password = u"Pâques-2026!€ \"quoted\""_s;
    CredentialStore store(service);

    const auto written = store.writePasswordAndWait(key, password);
    QVERIFY2(written.ok(), qPrintable(written.message));
    // Another Secret Service client sees the same item: it really is in the keyring.
    QCOMPARE(lookupWithSecretTool(service, key), password);

    const auto read = store.readPasswordAndWait(key);
    QVERIFY2(read.ok(), qPrintable(read.message));
    QCOMPARE(read.secret, password);

    const auto deleted = store.deletePasswordAndWait(key);
    QVERIFY2(deleted.ok(), qPrintable(deleted.message));
    QCOMPARE(store.readPasswordAndWait(key).status, CredentialStore::Status::NotFound);
    QCOMPARE(lookupWithSecretTool(service, key), QString());
}

void TestCredentialStore::missingEntryIsNotFound()
{
    CredentialStore store(u"amiens-mail-test"_s);
    const auto result = store.readPasswordAndWait(u"nobody@ac-amiens.fr"_s);
    QCOMPARE(result.status, CredentialStore::Status::NotFound);
    QVERIFY(result.secret.isEmpty());
    QVERIFY(!result.message.isEmpty());
}

void TestCredentialStore::servicesAreSeparate()
{
    CredentialStore first(u"amiens-mail-test-a"_s);
    CredentialStore second(u"amiens-mail-test-b"_s);
    QVERIFY(first.writePasswordAndWait(u"k"_s, u"one"_s).ok());
    QCOMPARE(second.readPasswordAndWait(u"k"_s).status, CredentialStore::Status::NotFound);
    QVERIFY(first.deletePasswordAndWait(u"k"_s).ok());
}

QTEST_GUILESS_MAIN(TestCredentialStore)
#include "tst_credentialstore.moc"
