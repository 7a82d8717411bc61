#include "account/Profile.h"
#include "account/ProviderPresetReader.h"
#include "account/ProviderRegistry.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Amiens;

class TestProviderPresets : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void builtInAmiensPreset();
    void nationalPresetUsesFullAddress();
    void placeholders_data();
    void placeholders();
    void plainServersAreNeverChosen();
    void firstUsableServerWins();
    void malformedFilesAreReported();
    void siteFileOverridesBuiltIn();
    void domainLookup();
    void profileRoundTrip();
};

void TestProviderPresets::builtInAmiensPreset()
{
    const ProviderRegistry registry({u":/providers"_s});
    const auto preset = registry.presetById(u"ac-amiens.fr"_s);
    QVERIFY(preset);
    const Account account = preset->accountFor(u"mdupont@ac-amiens.fr"_s, u"Marie Dupont"_s);
    QCOMPARE(account.imap.host, u"imap.ac-amiens.fr"_s);
    QCOMPARE(account.imap.port, quint16(993));
    QCOMPARE(account.imap.security, ConnectionSecurity::ImplicitTls);
    QCOMPARE(account.imap.login, u"mdupont"_s);
    QCOMPARE(account.smtp.host, u"smtp.ac-amiens.fr"_s);
    QCOMPARE(account.smtp.port, quint16(465));
    QCOMPARE(account.smtp.security, ConnectionSecurity::ImplicitTls);
    QCOMPARE(account.smtp.login, u"mdupont"_s);
    QCOMPARE(account.presetId, u"ac-amiens.fr"_s);
    QVERIFY(account.isComplete());
}

void TestProviderPresets::nationalPresetUsesFullAddress()
{
    const ProviderRegistry registry({u":/providers"_s});
    const auto preset = registry.presetById(u"education.gouv.fr"_s);
    QVERIFY(preset);
    const Account account = preset->accountFor(u"marie.dupont@ac-amiens.fr"_s, {});
    QCOMPARE(account.imap.host, u"imap.education.gouv.fr"_s);
    QCOMPARE(account.imap.port, quint16(993));
    QCOMPARE(account.imap.login, u"marie.dupont@ac-amiens.fr"_s);
}

void TestProviderPresets::placeholders_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("expected");
    QTest::newRow("local part") << u"%EMAILLOCALPART%"_s << u"jmartin@ac-amiens.fr"_s << u"jmartin"_s;
    QTest::newRow("address") << u"%EMAILADDRESS%"_s << u" flefevre@ac-amiens.fr "_s
                             << u"flefevre@ac-amiens.fr"_s;
    QTest::newRow("domain lower-cased")
        << u"imap.%EMAILDOMAIN%"_s << u"x@AC-Amiens.FR"_s << u"imap.ac-amiens.fr"_s;
    QTest::newRow("real name") << u"%REALNAME% <%EMAILADDRESS%>"_s << u"a@b.fr"_s
                               << u"Élodie Hénault <a@b.fr>"_s;
    QTest::newRow("homonym digit kept")
        << u"%EMAILLOCALPART%"_s << u"mdupont2@ac-amiens.fr"_s << u"mdupont2"_s;
    QTest::newRow("no placeholder") << u"fixed"_s << u"a@b.fr"_s << u"fixed"_s;
}

void TestProviderPresets::placeholders()
{
    QFETCH(QString, text);
    QFETCH(QString, address);
    QFETCH(QString, expected);
    QCOMPARE(ProviderPreset::expandPlaceholders(text, address, u" Élodie Hénault "_s), expected);
}

void TestProviderPresets::plainServersAreNeverChosen()
{
    const QByteArray xml = R"(<clientConfig version="1.1"><emailProvider id="x.fr">
        <incomingServer type="imap"><hostname>imap.x.fr</hostname><port>143</port><socketType>plain</socketType></incomingServer>
        <outgoingServer type="smtp"><hostname>smtp.x.fr</hostname><port>25</port><socketType>plain</socketType></outgoingServer>
        </emailProvider></clientConfig>)";
    QString error;
    QVERIFY(!ProviderPresetReader::read(xml, &error));
    QVERIFY2(error.contains(u"encrypted"_s), qPrintable(error));
}

void TestProviderPresets::firstUsableServerWins()
{
    const QByteArray xml = R"(<clientConfig version="1.1"><emailProvider id="x.fr"><domain>x.fr</domain>
        <incomingServer type="pop3"><hostname>pop.x.fr</hostname><port>995</port><socketType>SSL</socketType></incomingServer>
        <incomingServer type="imap"><hostname>plain.x.fr</hostname><port>143</port><socketType>plain</socketType></incomingServer>
        <incomingServer type="imap"><hostname>imap.x.fr</hostname><port>143</port><socketType>STARTTLS</socketType><username>%EMAILADDRESS%</username></incomingServer>
        <incomingServer type="imap"><hostname>imap2.x.fr</hostname><port>993</port><socketType>SSL</socketType></incomingServer>
        <outgoingServer type="smtp"><hostname>smtp.x.fr</hostname><port>587</port><socketType>STARTTLS</socketType></outgoingServer>
        </emailProvider></clientConfig>)";
    QString error;
    const auto preset = ProviderPresetReader::read(xml, &error);
    QVERIFY2(preset, qPrintable(error));
    QCOMPARE(preset->incoming.host, u"imap.x.fr"_s);
    QCOMPARE(preset->incoming.security, ConnectionSecurity::StartTls);
    QCOMPARE(preset->outgoing.port, quint16(587));
    QCOMPARE(preset->domains, QStringList{u"x.fr"_s});
}

void TestProviderPresets::malformedFilesAreReported()
{
    const ProviderRegistry registry({QStringLiteral(AMIENS_SOURCE_DIR "/tests/unit/data/providers")});
    const QStringList problems = registry.problems();
    QCOMPARE(problems.size(), 1);
    QVERIFY2(problems.first().contains(u"broken.xml"_s), qPrintable(problems.first()));
    QVERIFY(!registry.presetById(u"broken.example"_s));
}

void TestProviderPresets::siteFileOverridesBuiltIn()
{
    const ProviderRegistry registry(
        {QStringLiteral(AMIENS_SOURCE_DIR "/tests/unit/data/providers"), u":/providers"_s});
    const auto preset = registry.presetById(u"ac-amiens.fr"_s);
    QVERIFY(preset);
    QCOMPARE(preset->incoming.host, u"imap2.ac-amiens.fr"_s);
    QCOMPARE(preset->incoming.security, ConnectionSecurity::StartTls);
    // The other built-in preset is still found behind the override folder.
    QVERIFY(registry.presetById(u"education.gouv.fr"_s));
    QCOMPARE(registry.presets().size(), 2);
}

void TestProviderPresets::domainLookup()
{
    const ProviderRegistry registry({u":/providers"_s});
    QCOMPARE(registry.presetForDomain(u"AC-AMIENS.FR"_s)->id, u"ac-amiens.fr"_s);
    QVERIFY(!registry.presetForDomain(u"gmail.com"_s));
}

void TestProviderPresets::profileRoundTrip()
{
    QTemporaryDir dir;
    const Profile profile(dir.path() + u"/profile"_s);
    const ProviderRegistry registry({u":/providers"_s});
    Account account = registry.presetById(u"ac-amiens.fr"_s)
                          ->accountFor(u"jmartin@ac-amiens.fr"_s, u"Jean-Claude Martin"_s);
    account.caFile = u"/etc/ssl/site-ca.pem"_s;
    account.pinnedCertificates = {u"imap.ac-amiens.fr:993 sha256/00ff"_s};
    QString error;
    QVERIFY2(profile.saveAccount(account, &error), qPrintable(error));
    QCOMPARE(profile.accounts().size(), 1);
    QCOMPARE(profile.account(account.id).value(), account);
    QCOMPARE(QFile::permissions(profile.directory()) & (QFile::ReadOther | QFile::ReadGroup),
             QFile::Permissions());

    account.imap.port = 143;
    account.imap.security = ConnectionSecurity::StartTls;
    QVERIFY(profile.saveAccount(account, &error));
    QCOMPARE(profile.accounts().size(), 1);
    QCOMPARE(profile.account(account.id)->imap.security, ConnectionSecurity::StartTls);
    QVERIFY(profile.removeAccount(account.id, &error));
    QVERIFY(profile.accounts().isEmpty());
}

QTEST_GUILESS_MAIN(TestProviderPresets)
#include "tst_providerpresets.moc"
