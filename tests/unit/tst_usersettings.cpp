// The settings kept in the profile (issue 7): signatures, read receipts, offline policy, and the
// account's ManageSieve server. No server needed.
#include "account/Account.h"
#include "account/Profile.h"
#include "autoreply/AbsenceStore.h"
#include "identity/SignatureStore.h"
#include "settings/OfflinePolicy.h"
#include "settings/ReadReceiptPolicy.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Amiens;

namespace {

Account marie()
{
    Account account;
    account.id = u"marie.dupont@ac-amiens.fr"_s;
    account.address = account.id;
    account.realName = u"Marie Dupont"_s;
    account.imap = {u"imap.ac-amiens.fr"_s, 993, ConnectionSecurity::ImplicitTls, u"mdupont"_s};
    account.smtp = {u"smtp.ac-amiens.fr"_s, 465, ConnectionSecurity::ImplicitTls, u"mdupont"_s};
    return account;
}

/// The school's functional mailbox, beside Marie's own.
Account school()
{
    Account account = marie();
    account.id = u"ce.0801234x@ac-amiens.fr"_s;
    account.address = account.id;
    account.realName = u"Collège Jules Verne"_s;
    account.kind = MailboxKind::Functional;
    account.imap.login = u"ce.0801234x"_s;
    account.smtp.login = u"ce.0801234x"_s;
    return account;
}

AbsenceStore::ClientSide absence(const QString &message)
{
    AbsenceStore::ClientSide clientSide;
    clientSide.active = true;
    clientSide.vacation.enabled = true;
    clientSide.vacation.message = message;
    return clientSide;
}

const SignatureStore::Details kDetails{u"Professeure de mathématiques"_s, u"Collège Jules Verne, Amiens"_s,
                                       u"12 rue des Écoles\n80000 Amiens"_s, u"03 22 00 00 00"_s};

} // namespace

class TestUserSettings : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sieveEndpointDefaultsToImapHost();
    void sieveEndpointIsSavedOnlyWhenSet();
    void academyTemplateIsFilledFromTheAccount();
    void plainTextSignatureHasTheSeparator();
    void htmlSignatureIsSanitisedAndReducedToText();
    void signaturesRoundTripThroughTheProfile();
    void missingFileIsEmptyAndDamagedFileIsAnError();
    void validationFindsEveryProblem();
    void readReceiptPolicyRoundTrip();
    void offlinePolicyRoundTripAndBounds();
    void cacheSizeCountsFiles();
    void eachAccountHasItsOwnPreferences();
    void settingsOfBeforeBelongToTheFirstAccountOnly();
    void removingAnAccountErasesItsPreferences();
};

void TestUserSettings::sieveEndpointDefaultsToImapHost()
{
    const Account account = marie();
    QVERIFY(!account.sieve.isComplete());
    const ServerEndpoint sieve = account.sieveEndpoint();
    QCOMPARE(sieve.host, u"imap.ac-amiens.fr"_s);
    QCOMPARE(sieve.port, quint16(4190));
    QCOMPARE(sieve.security, ConnectionSecurity::StartTls);
    QCOMPARE(sieve.login, u"mdupont"_s);
}

void TestUserSettings::sieveEndpointIsSavedOnlyWhenSet()
{
    QTemporaryDir dir;
    const Profile profile(dir.path());
    Account account = marie();
    QVERIFY(profile.saveAccount(account, nullptr));
    QCOMPARE(profile.account(account.id)->sieve, ServerEndpoint());
    {
        QSettings ini(profile.settingsPath(), QSettings::IniFormat);
        QVERIFY(!ini.allKeys().join(u' ').contains(u"sieve"_s));
    }
    // Moving the IMAP server moves the default along.
    account.imap.host = u"imap2.ac-amiens.fr"_s;
    QCOMPARE(account.sieveEndpoint().host, u"imap2.ac-amiens.fr"_s);

    account.sieve = {u"sieve.ac-amiens.fr"_s, 5190, ConnectionSecurity::ImplicitTls, u"marie"_s};
    QVERIFY(profile.saveAccount(account, nullptr));
    const auto loaded = profile.account(account.id);
    QVERIFY(loaded);
    QCOMPARE(loaded->sieve, account.sieve);
    QCOMPARE(loaded->sieveEndpoint(), account.sieve);
    QCOMPARE(*loaded, account);
}

void TestUserSettings::academyTemplateIsFilledFromTheAccount()
{
    const Signature plain = SignatureStore::academyTemplate(marie(), kDetails, Signature::Format::PlainText);
    QCOMPARE(plain.format, Signature::Format::PlainText);
    QVERIFY(!plain.id.isEmpty());
    QCOMPARE(plain.text, u"Marie Dupont\nProfesseure de mathématiques\nCollège Jules Verne, Amiens\n"
                         "Académie d'Amiens\n12 rue des Écoles 80000 Amiens\nPhone: 03 22 00 00 00\n"
                         "marie.dupont@ac-amiens.fr"_s);

    // Nothing known beyond the account: no blank lines.
    const Signature bare = SignatureStore::academyTemplate(marie(), {}, Signature::Format::PlainText);
    QCOMPARE(bare.text, u"Marie Dupont\nAcadémie d'Amiens\nmarie.dupont@ac-amiens.fr"_s);

    Account other = marie();
    other.address = u"marie@example.org"_s;
    QVERIFY(!SignatureStore::academyTemplate(other, {}, Signature::Format::PlainText)
                 .text.contains(u"Académie"_s));

    const Signature html =
        SignatureStore::academyTemplate(marie(), {u"CPE <adjointe>"_s, {}, {}, {}}, Signature::Format::Html);
    QVERIFY2(html.text.startsWith(u"<p><b>Marie Dupont</b><br>CPE &lt;adjointe&gt;<br>"_s),
             qPrintable(html.text));
}

void TestUserSettings::plainTextSignatureHasTheSeparator()
{
    const Signature signature{u"a"_s, u"Courte"_s, Signature::Format::PlainText, u"Marie\nCPE"_s};
    QCOMPARE(SignatureStore::plainTextBlock(signature), u"-- \nMarie\nCPE"_s);
    QCOMPARE(SignatureStore::htmlBlock(signature), u"<pre>-- \nMarie\nCPE</pre>"_s);
}

void TestUserSettings::htmlSignatureIsSanitisedAndReducedToText()
{
    const Signature signature{u"b"_s, u"Riche"_s, Signature::Format::Html,
                              u"<p><b>Marie</b> &amp; co<br>CPE</p><script>alert(1)</script>"_s};
    QCOMPARE(SignatureStore::plainTextBlock(signature), u"-- \nMarie & co\nCPE"_s);
    const QString html = SignatureStore::htmlBlock(signature);
    QVERIFY2(!html.contains(u"script"_s), qPrintable(html));
    QVERIFY2(html.contains(u"<b>Marie</b>"_s), qPrintable(html));
}

void TestUserSettings::signaturesRoundTripThroughTheProfile()
{
    QTemporaryDir dir;
    const Profile profile(dir.path());
    SignatureStore store(profile);
    QVERIFY(store.load(nullptr));
    QVERIFY(store.identities().isEmpty());

    SignatureStore::IdentitySignatures identity;
    identity.signatures = {SignatureStore::academyTemplate(marie(), kDetails, Signature::Format::PlainText),
                           {u"short"_s, u"Courte"_s, Signature::Format::Html, u"<i>Marie</i>"_s}};
    identity.defaultForNew = identity.signatures.first().id;
    identity.defaultForReply = u"short"_s;
    identity.placement = SignatureStore::Placement::AboveQuote;
    identity.details = kDetails;
    store.setForIdentity(u"Marie.Dupont@AC-amiens.fr"_s, identity);
    QString error;
    QVERIFY2(store.save(&error), qPrintable(error));
    QCOMPARE(QFileInfo(store.path()).fileName(), u"signatures.json"_s);
    QCOMPARE(QFileInfo(store.path()).permissions() & (QFile::ReadGroup | QFile::ReadOther),
             QFile::Permissions());

    SignatureStore reloaded(profile);
    QVERIFY(reloaded.load(&error));
    QCOMPARE(reloaded.identities(), QStringList{u"marie.dupont@ac-amiens.fr"_s});
    QCOMPARE(reloaded.forIdentity(u"marie.dupont@ac-amiens.fr"_s), identity);
    QCOMPARE(reloaded.defaultSignature(u"marie.dupont@ac-amiens.fr"_s, false)->name, u"Academic signature"_s);
    QCOMPARE(reloaded.defaultSignature(u"marie.dupont@ac-amiens.fr"_s, true)->id, u"short"_s);
    QVERIFY(!reloaded.defaultSignature(u"autre@ac-amiens.fr"_s, false));
}

void TestUserSettings::missingFileIsEmptyAndDamagedFileIsAnError()
{
    QTemporaryDir dir;
    const Profile profile(dir.path());
    QFile file(dir.filePath(u"signatures.json"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{ not json");
    file.close();
    SignatureStore store(profile);
    QString error;
    QVERIFY(!store.load(&error));
    QVERIFY(error.contains(u"signatures.json"_s));
}

void TestUserSettings::validationFindsEveryProblem()
{
    SignatureStore::IdentitySignatures identity;
    identity.signatures = {{u"1"_s, u"Courte"_s, Signature::Format::PlainText, u"M."_s},
                           {u"2"_s, u"courte"_s, Signature::Format::PlainText, u"  "_s},
                           {u"3"_s, u" "_s, Signature::Format::PlainText, u"x"_s}};
    identity.defaultForNew = u"gone"_s;
    const QStringList problems = SignatureStore::validate(identity);
    QCOMPARE(problems.size(), 4);
    QVERIFY(problems.join(u'|').contains(u"Two signatures are named \"courte\"."_s));
    identity.signatures.removeLast();
    identity.signatures[1] = {u"2"_s, u"Longue"_s, Signature::Format::PlainText, u"Marie"_s};
    identity.defaultForNew = u"2"_s;
    QCOMPARE(SignatureStore::validate(identity), QStringList());
}

void TestUserSettings::readReceiptPolicyRoundTrip()
{
    QTemporaryDir dir;
    const Profile profile(dir.path());
    QCOMPARE(ReadReceiptPolicy::load(profile), ReadReceiptPolicy());
    QCOMPARE(ReadReceiptPolicy().answer, ReadReceiptPolicy::Answer::Ask);
    ReadReceiptPolicy policy;
    policy.answer = ReadReceiptPolicy::Answer::Never;
    policy.alwaysRequest = true;
    QVERIFY(policy.save(profile, nullptr));
    QCOMPARE(ReadReceiptPolicy::load(profile), policy);
    QCOMPARE(profile.preferencesPath(), dir.filePath(u"settings.ini"_s));
    QSettings ini(profile.preferencesPath(), QSettings::IniFormat);
    QCOMPARE(ini.value(u"readReceipts/answer"_s).toString(), u"never"_s);
    // A value from elsewhere asks rather than sends.
    ini.setValue(u"readReceipts/answer"_s, u"bientôt"_s);
    ini.sync();
    QCOMPARE(ReadReceiptPolicy::load(profile).answer, ReadReceiptPolicy::Answer::Ask);
}

void TestUserSettings::offlinePolicyRoundTripAndBounds()
{
    QTemporaryDir dir;
    const Profile profile(dir.path());
    QCOMPARE(OfflinePolicy::load(profile), OfflinePolicy());
    OfflinePolicy policy;
    policy.bodies = SyncOptions::Bodies::None;
    policy.recentDays = 90;
    policy.syncIntervalMinutes = 15;
    QVERIFY(policy.validate().isEmpty());
    QVERIFY(policy.save(profile, nullptr));
    QCOMPARE(OfflinePolicy::load(profile), policy);
    QCOMPARE(OfflinePolicy::load(profile).syncOptions().bodies, SyncOptions::Bodies::None);

    // Both policies share settings.ini without overwriting each other.
    ReadReceiptPolicy receipts;
    receipts.answer = ReadReceiptPolicy::Answer::Always;
    QVERIFY(receipts.save(profile, nullptr));
    QCOMPARE(OfflinePolicy::load(profile), policy);

    policy.bodies = SyncOptions::Bodies::Recent;
    policy.recentDays = 0;
    policy.syncIntervalMinutes = 0;
    QCOMPARE(policy.validate().size(), 2);
    QSettings ini(profile.preferencesPath(), QSettings::IniFormat);
    ini.setValue(u"offline/syncIntervalMinutes"_s, 0);
    ini.sync();
    QCOMPARE(OfflinePolicy::load(profile).syncIntervalMinutes, 5);
}

void TestUserSettings::cacheSizeCountsFiles()
{
    QTemporaryDir dir;
    QCOMPARE(OfflinePolicy::directorySize(dir.filePath(u"missing"_s)), 0);
    QVERIFY(QDir(dir.path()).mkpath(u"a/b"_s));
    QFile one(dir.filePath(u"a/one"_s));
    QVERIFY(one.open(QIODevice::WriteOnly));
    one.write(QByteArray(1000, 'x'));
    one.close();
    QFile two(dir.filePath(u"a/b/two"_s));
    QVERIFY(two.open(QIODevice::WriteOnly));
    two.write(QByteArray(234, 'y'));
    two.close();
    QCOMPARE(OfflinePolicy::directorySize(dir.filePath(u"a"_s)), 1234);
}

void TestUserSettings::eachAccountHasItsOwnPreferences()
{
    QTemporaryDir dir;
    const Profile profile(dir.path());
    QVERIFY(profile.saveAccount(marie(), nullptr));
    QVERIFY(profile.saveAccount(school(), nullptr));

    // Marie answers read receipts herself; the school's box never does.
    ReadReceiptPolicy marieReceipts;
    marieReceipts.answer = ReadReceiptPolicy::Answer::Always;
    QVERIFY(marieReceipts.save(profile, nullptr, marie().id));
    ReadReceiptPolicy schoolReceipts;
    schoolReceipts.answer = ReadReceiptPolicy::Answer::Never;
    schoolReceipts.alwaysRequest = true;
    QVERIFY(schoolReceipts.save(profile, nullptr, school().id));
    QCOMPARE(ReadReceiptPolicy::load(profile, marie().id), marieReceipts);
    QCOMPARE(ReadReceiptPolicy::load(profile, school().id), schoolReceipts);
    QCOMPARE(ReadReceiptPolicy::load(profile), marieReceipts); // no id: the first account's

    OfflinePolicy schoolOffline;
    schoolOffline.bodies = SyncOptions::Bodies::None;
    schoolOffline.syncIntervalMinutes = 30;
    QVERIFY(schoolOffline.save(profile, nullptr, school().id));
    QCOMPARE(OfflinePolicy::load(profile, school().id), schoolOffline);
    QCOMPARE(OfflinePolicy::load(profile, marie().id), OfflinePolicy());

    // Marie is away; the school's box is not, and does not answer with her message.
    QString error;
    QVERIFY2(AbsenceStore::saveClientSide(profile, absence(u"Je suis absente.\n"_s), &error, marie().id),
             qPrintable(error));
    QVERIFY(AbsenceStore::loadClientSide(profile, marie().id).active);
    QVERIFY(!AbsenceStore::loadClientSide(profile, school().id).active);
    QVERIFY(AbsenceStore::activeAt(profile, QDateTime::currentDateTimeUtc(), marie().id));
    QVERIFY(!AbsenceStore::activeAt(profile, QDateTime::currentDateTimeUtc(), school().id));
    VacationSettings server;
    server.enabled = true;
    server.message = u"Le secrétariat est fermé.\n"_s;
    AbsenceStore::rememberServerVacation(profile, server, school().id);
    QCOMPARE(AbsenceStore::lastServerVacation(profile, school().id)->message, server.message);
    QVERIFY(!AbsenceStore::lastServerVacation(profile, marie().id));
}

void TestUserSettings::settingsOfBeforeBelongToTheFirstAccountOnly()
{
    QTemporaryDir dir;
    const Profile profile(dir.path());
    QVERIFY(profile.saveAccount(marie(), nullptr));
    // settings.ini as a version with one account wrote it: plain [readReceipts], [clientAbsence].
    {
        QSettings ini(profile.preferencesPath(), QSettings::IniFormat);
        ini.setValue(u"readReceipts/answer"_s, u"never"_s);
        ini.setValue(u"clientAbsence/active"_s, true);
        ini.setValue(u"clientAbsence/enabled"_s, true);
        ini.setValue(u"clientAbsence/message"_s, u"Absente jusqu'au 5.\n"_s);
    }
    QVERIFY(profile.saveAccount(school(), nullptr));

    // The school's box, read first, sees none of it…
    QCOMPARE(ReadReceiptPolicy::load(profile, school().id).answer, ReadReceiptPolicy::Answer::Ask);
    QVERIFY(!AbsenceStore::loadClientSide(profile, school().id).active);
    // …Marie's (the first) keeps it, now under her own name, and the old groups are gone.
    QCOMPARE(ReadReceiptPolicy::load(profile, marie().id).answer, ReadReceiptPolicy::Answer::Never);
    QCOMPARE(AbsenceStore::loadClientSide(profile, marie().id).vacation.message, u"Absente jusqu'au 5.\n"_s);
    QSettings ini(profile.preferencesPath(), QSettings::IniFormat);
    QVERIFY(!ini.childGroups().contains(u"readReceipts"_s));
    QVERIFY(!ini.childGroups().contains(u"clientAbsence"_s));
    // Reordering later does not hand Marie's settings to the school.
    QVERIFY(profile.moveAccount(school().id, 0, nullptr));
    QCOMPARE(ReadReceiptPolicy::load(profile, school().id).answer, ReadReceiptPolicy::Answer::Ask);
    QCOMPARE(ReadReceiptPolicy::load(profile, marie().id).answer, ReadReceiptPolicy::Answer::Never);
}

void TestUserSettings::removingAnAccountErasesItsPreferences()
{
    QTemporaryDir dir;
    const Profile profile(dir.path());
    QVERIFY(profile.saveAccount(marie(), nullptr));
    QVERIFY(profile.saveAccount(school(), nullptr));
    QString error;
    QVERIFY(AbsenceStore::saveClientSide(profile, absence(u"Fermé pendant les vacances.\n"_s), &error,
                                         school().id));
    QVERIFY(AbsenceStore::saveClientSide(profile, absence(u"Je suis absente.\n"_s), &error, marie().id));
    QVERIFY(profile.removeAccount(school().id, &error));

    // Nothing of the school's absence text is left in the file; Marie's stays.
    QFile file(profile.preferencesPath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray ini = file.readAll();
    QVERIFY(!ini.contains("vacances"));
    QVERIFY(ini.contains("absente"));
    QCOMPARE(AbsenceStore::loadClientSide(profile, marie().id).vacation.message, u"Je suis absente.\n"_s);
}

QTEST_GUILESS_MAIN(TestUserSettings)
#include "tst_usersettings.moc"
