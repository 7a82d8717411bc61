// Site deployment (policy file, help data), the password-age rule, the account's new options
// and the wiping of an account's files: everything of issue 5 that needs no server.
#include "account/PasswordAge.h"
#include "account/Profile.h"
#include "services/AccountStorage.h"
#include "settings/HelpCatalog.h"
#include "settings/SitePolicy.h"

#include <QDir>
#include <QFile>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Amiens;

namespace {

void writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(content);
}

QString sourceFile(const char *relative)
{
    return QStringLiteral(AMIENS_SOURCE_DIR) + u'/' + QString::fromLatin1(relative);
}

} // namespace

class TestSitePolicy : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void defaultsWithoutFile();
    void readsEveryKey();
    void foundThroughXdgConfigDirs();
    void userConfigCannotLiftLocks();
    void caBundleIsAddedToTrust();
    void brokenCaBundleIsIgnored();
    void builtInHelpData();
    void helpOverrideAndBadFiles();
    void passwordAge();
    void accountOptionsRoundTrip();
    void wipeRemovesCacheAndTemporaryFiles();
    void eraseAllRemovesTheAccount();
    void functionalMailboxesArePreconfigured();

private:
    QTemporaryDir m_dir;
    QByteArray m_savedXdgConfigDirs;
    QByteArray m_savedXdgConfigHome;
};

void TestSitePolicy::init()
{
    m_savedXdgConfigDirs = qgetenv("XDG_CONFIG_DIRS");
    m_savedXdgConfigHome = qgetenv("XDG_CONFIG_HOME");
    qunsetenv("AMIENS_MAIL_SITE_CONFIG");
}

void TestSitePolicy::cleanup()
{
    qputenv("XDG_CONFIG_DIRS", m_savedXdgConfigDirs);
    qputenv("XDG_CONFIG_HOME", m_savedXdgConfigHome);
    qunsetenv("AMIENS_MAIL_SITE_CONFIG");
}

void TestSitePolicy::defaultsWithoutFile()
{
    qputenv("XDG_CONFIG_DIRS", m_dir.filePath(u"empty-etc"_s).toUtf8());
    qputenv("XDG_CONFIG_HOME", m_dir.filePath(u"empty-home"_s).toUtf8());
    QVERIFY(SitePolicy::locateFile().isEmpty());
    const SitePolicy policy = SitePolicy::load();
    QVERIFY(!policy.sharedWorkstationForced);
    QVERIFY(!policy.forwardingDisabled);
    QVERIFY(policy.customServersAllowed);
    QVERIFY(policy.caBundle.isEmpty());
    QCOMPARE(policy.defaultPreset, u"ac-amiens.fr"_s);
    QCOMPARE(policy.passwordMaxAgeDays, 183);
    QVERIFY(policy.sourcePath.isEmpty());

    Account account;
    policy.applyTo(account);
    QVERIFY(!account.sharedWorkstation);
}

void TestSitePolicy::readsEveryKey()
{
    const QString path = m_dir.filePath(u"site/amiens-mail.conf"_s);
    // As documented in the README, comments on their own lines.
    writeFile(path,
              "[policy]\n; shared computers of the CDI\nsharedWorkstation=true\ndisableForwarding=true\n"
              "allowCustomServers=false\n; the site CA\ncaBundle=/etc/ssl/academie.pem\n"
              "passwordMaxAgeDays=90\n\n[defaults]\n; national service\npreset=education.gouv.fr\n");
    qputenv("AMIENS_MAIL_SITE_CONFIG", path.toUtf8());
    QCOMPARE(SitePolicy::locateFile(), path);
    const SitePolicy policy = SitePolicy::load();
    QVERIFY(policy.sharedWorkstationForced);
    QVERIFY(policy.forwardingDisabled);
    QVERIFY(!policy.customServersAllowed);
    QCOMPARE(policy.caBundle, u"/etc/ssl/academie.pem"_s);
    QCOMPARE(policy.passwordMaxAgeDays, 90);
    QCOMPARE(policy.defaultPreset, u"education.gouv.fr"_s);
    QCOMPARE(policy.sourcePath, path);

    Account account;
    policy.applyTo(account);
    QVERIFY(account.sharedWorkstation);
}

void TestSitePolicy::foundThroughXdgConfigDirs()
{
    const QString first = m_dir.filePath(u"etc1"_s);
    const QString second = m_dir.filePath(u"etc2"_s);
    writeFile(second + u"/AmiensMail/amiens-mail.conf"_s, "[policy]\nsharedWorkstation=true\n");
    qputenv("XDG_CONFIG_DIRS", (first + u':' + second).toUtf8());
    qputenv("XDG_CONFIG_HOME", m_dir.filePath(u"home-config"_s).toUtf8());
    QCOMPARE(SitePolicy::locateFile(), second + u"/AmiensMail/amiens-mail.conf"_s);
    QVERIFY(SitePolicy::load().sharedWorkstationForced);

    // The first folder wins when both have a file.
    writeFile(first + u"/AmiensMail/amiens-mail.conf"_s, "[policy]\nsharedWorkstation=false\n");
    QCOMPARE(SitePolicy::locateFile(), first + u"/AmiensMail/amiens-mail.conf"_s);
    QVERIFY(!SitePolicy::load().sharedWorkstationForced);
}

void TestSitePolicy::userConfigCannotLiftLocks()
{
    const QString home = m_dir.filePath(u"user-config"_s);
    writeFile(home + u"/AmiensMail/amiens-mail.conf"_s, "[policy]\nsharedWorkstation=true\n");
    qputenv("XDG_CONFIG_HOME", home.toUtf8());
    qputenv("XDG_CONFIG_DIRS", m_dir.filePath(u"no-etc"_s).toUtf8());
    QVERIFY(SitePolicy::locateFile().isEmpty());
}

void TestSitePolicy::caBundleIsAddedToTrust()
{
    // Any PEM certificate will do as a "site CA": take one from the system store.
    const QList<QSslCertificate> system = QSslConfiguration::systemCaCertificates();
    QVERIFY(!system.isEmpty());
    const QString bundle = m_dir.filePath(u"site-ca.pem"_s);
    writeFile(bundle, system.first().toPem());

    SitePolicy policy;
    policy.caBundle = bundle;
    Account account;
    account.pinnedCertificates = {u"localhost:993 sha256/00"_s};
    QString error;
    const auto trust = policy.trustFor(account, &error);
    QVERIFY2(trust, qPrintable(error));
    QCOMPARE(trust->extraAuthorities.size(), 1);
    QCOMPARE(trust->extraAuthorities.first(), system.first());
    QCOMPARE(trust->pinnedCertificates, account.pinnedCertificates);
    QVERIFY(trust->useSystemAuthorities);
}

void TestSitePolicy::brokenCaBundleIsIgnored()
{
    SitePolicy policy;
    policy.caBundle = m_dir.filePath(u"missing.pem"_s);
    QString error;
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"site CA bundle ignored"_s));
    const auto trust = policy.trustFor(Account(), &error);
    QVERIFY(trust);
    QVERIFY(trust->extraAuthorities.isEmpty());
}

void TestSitePolicy::builtInHelpData()
{
    // The file shipped in resources/ (the same content is built into the UI).
    const HelpCatalog help = HelpCatalog::load({sourceFile("resources/help/help.json")});
    QCOMPARE(help.passwordResetUrl(), QUrl(u"https://bv.ac-amiens.fr/"_s));
    QCOMPARE(help.passwordChangeUrl(), QUrl(u"https://bv.ac-amiens.fr/"_s));
    const QList<HelpCatalog::Contact> contacts = help.contacts();
    QCOMPARE(contacts.size(), 4);
    QCOMPARE(contacts.at(0).name, u"Rectorat de l'académie d'Amiens"_s);
    QCOMPARE(contacts.at(0).address, u"20 boulevard d'Alsace-Lorraine, 80000 Amiens"_s);
    QCOMPARE(contacts.at(0).phone, u"03 22 82 38 23"_s);
    QCOMPARE(contacts.at(0).email, u"rectorat@ac-amiens.fr"_s);
    QCOMPARE(contacts.at(1).phone, u"03 22 71 25 00"_s);
    QCOMPARE(contacts.at(2).address, u"22 avenue Victor Hugo, 60025 Beauvais Cedex"_s);
    QCOMPARE(contacts.at(2).phone, u"03 44 06 45 00"_s);
    QCOMPARE(contacts.at(3).address, u"Cité administrative, 02018 Laon Cedex"_s);
    QCOMPARE(contacts.at(3).phone, u"03 23 26 22 00"_s);
}

void TestSitePolicy::helpOverrideAndBadFiles()
{
    const QString site = m_dir.filePath(u"etc/amiens-mail/help.json"_s);
    writeFile(site, R"({"links": {"passwordReset": "https://motdepasse.example.fr/"}, "contacts": []})");
    const QString broken = m_dir.filePath(u"broken.json"_s);
    writeFile(broken, "{ not json");
    const QString unsafe = m_dir.filePath(u"unsafe.json"_s);
    writeFile(unsafe, R"({"links": {"passwordReset": "file:///etc/passwd"}})");

    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"help data .*broken.json.* ignored"_s));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"help data .*unsafe.json.* ignored"_s));
    const HelpCatalog help =
        HelpCatalog::load({broken, unsafe, site, sourceFile("resources/help/help.json")});
    QCOMPARE(help.sourcePath(), site);
    QCOMPARE(help.passwordResetUrl(), QUrl(u"https://motdepasse.example.fr/"_s));
    // Without its own change page, the reset page is used.
    QCOMPARE(help.passwordChangeUrl(), help.passwordResetUrl());
    QVERIFY(help.contacts().isEmpty());
}

void TestSitePolicy::passwordAge()
{
    const QDateTime now(QDate(2026, 9, 1), QTime(10, 0), Qt::UTC);
    Account account;
    QCOMPARE(PasswordAge::ageInDays(account, now), -1);
    QVERIFY(!PasswordAge::isReminderDue(account, now, 183)); // unknown date: no nagging

    account.passwordChangedAt = now.addDays(-182);
    QVERIFY(!PasswordAge::isReminderDue(account, now, 183));
    account.passwordChangedAt = now.addDays(-183);
    QCOMPARE(PasswordAge::ageInDays(account, now), 183);
    QVERIFY(PasswordAge::isReminderDue(account, now, 183));
    QVERIFY(!PasswordAge::isReminderDue(account, now, 365));

    account.credentialMode = CredentialMode::Passcode;
    QVERIFY(!PasswordAge::isReminderDue(account, now, 183));
}

void TestSitePolicy::accountOptionsRoundTrip()
{
    const Profile profile(m_dir.filePath(u"profile-options"_s));
    Account account;
    account.id = account.address = u"mdupont@ac-amiens.fr"_s;
    account.imap = {u"imap.ac-amiens.fr"_s, 993, ConnectionSecurity::ImplicitTls, u"mdupont"_s};
    account.smtp = {u"smtp.ac-amiens.fr"_s, 465, ConnectionSecurity::ImplicitTls, u"mdupont"_s};
    account.credentialMode = CredentialMode::Passcode;
    account.sharedWorkstation = true;
    account.passwordChangedAt = QDateTime(QDate(2026, 3, 1), QTime(8, 30), Qt::UTC);
    QString error;
    QVERIFY2(profile.saveAccount(account, &error), qPrintable(error));
    const auto loaded = profile.account(account.id);
    QVERIFY(loaded);
    QCOMPARE(loaded->credentialMode, CredentialMode::Passcode);
    QVERIFY(loaded->sharedWorkstation);
    QCOMPARE(loaded->passwordChangedAt, account.passwordChangedAt);
    QCOMPARE(*loaded, account);

    for (CredentialMode mode :
         {CredentialMode::Keychain, CredentialMode::AskAtStart, CredentialMode::Passcode})
        QCOMPARE(Account::parseCredentialMode(Account::credentialModeName(mode)), mode);
    // An unknown value keeps the safe default: a keychain, never a file.
    QCOMPARE(Account::parseCredentialMode(u"plaintext"_s), CredentialMode::Keychain);
}

void TestSitePolicy::wipeRemovesCacheAndTemporaryFiles()
{
    const Profile profile(m_dir.filePath(u"profile-wipe"_s));
    const AccountStorage storage(profile, u"mdupont@ac-amiens.fr"_s);
    const AccountStorage other(profile, u"jmartin@ac-amiens.fr"_s);
    QCOMPARE(storage.paths().cacheDirectory(),
             profile.directory() + u"/cache/6d6475706f6e744061632d616d69656e732e6672"_s);
    QVERIFY(storage.paths().temporaryDirectory().startsWith(profile.directory() + u"/tmp/"_s));

    writeFile(storage.paths().cacheDirectory() + u"/cache.sqlite"_s, "mail");
    writeFile(storage.paths().cacheDirectory() + u"/INBOX/42.eml"_s, "mail");
    const QString temporary = storage.ensureTemporaryDirectory();
    QCOMPARE(temporary, storage.paths().temporaryDirectory());
    QCOMPARE(QFile::permissions(temporary) & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
    writeFile(temporary + u"/piece-jointe.pdf"_s, "pdf");
    writeFile(other.paths().cacheDirectory() + u"/cache.sqlite"_s, "other");

    QStringList problems;
    QVERIFY(storage.wipeLocalData(&problems));
    QVERIFY(problems.isEmpty());
    QVERIFY(!QFileInfo::exists(storage.paths().cacheDirectory()));
    QVERIFY(!QFileInfo::exists(storage.paths().temporaryDirectory()));
    // Another account's data is untouched.
    QVERIFY(QFileInfo::exists(other.paths().cacheDirectory() + u"/cache.sqlite"_s));
    // Nothing to wipe is not an error.
    QVERIFY(storage.wipeLocalData(&problems));
}

void TestSitePolicy::eraseAllRemovesTheAccount()
{
    const Profile profile(m_dir.filePath(u"profile-erase"_s));
    Account account;
    account.id = account.address = u"mdupont@ac-amiens.fr"_s;
    account.imap = {u"imap.ac-amiens.fr"_s, 993, ConnectionSecurity::ImplicitTls, u"mdupont"_s};
    account.smtp = account.imap;
    QVERIFY(profile.saveAccount(account, nullptr));
    const AccountStorage storage(profile, account.id);
    writeFile(storage.paths().cacheDirectory() + u"/cache.sqlite"_s, "mail");

    const AccountStorage::EraseResult result = storage.eraseAllAndWait(nullptr);
    QVERIFY2(result.ok, qPrintable(result.problems.join(u"; "_s)));
    QVERIFY(profile.accounts().isEmpty());
    QVERIFY(!QFileInfo::exists(storage.paths().cacheDirectory()));
}

// Issue 18: IT sets up the school's functional mailboxes for whoever uses the workstation: added to
// the profile after the user's own account, never with a password, once.
void TestSitePolicy::functionalMailboxesArePreconfigured()
{
    const QString path = m_dir.filePath(u"site/functional.conf"_s);
    writeFile(path, "[policy]\nsharedWorkstation=true\n\n"
                    "[functionalMailboxes]\nsize=3\n"
                    "1\\address=CE.0801234X@ac-amiens.fr\n1\\name=Coll\xc3\xa8ge Jules Verne\n"
                    "2\\address=gestion.0801234x@ac-amiens.fr\n2\\login=gest0801234x\n"
                    "3\\address=pas-une-adresse\n");
    const SitePolicy policy = SitePolicy::fromFile(path);
    QCOMPARE(policy.functionalMailboxes.size(), 2); // the third has no address
    const QList<Account> accounts = policy.functionalAccounts();
    QCOMPARE(accounts.size(), 2);
    const Account &school = accounts.at(0);
    QCOMPARE(school.id, u"ce.0801234x@ac-amiens.fr"_s);
    QCOMPARE(school.kind, MailboxKind::Functional);
    QCOMPARE(school.displayName(), u"Collège Jules Verne"_s);
    QCOMPARE(school.imap.host, u"imap.ac-amiens.fr"_s);
    QCOMPARE(school.imap.login, u"ce.0801234x"_s);
    QVERIFY(school.sharedWorkstation); // the site's locks apply to them too
    QCOMPARE(accounts.at(1).smtp.login, u"gest0801234x"_s);

    const Profile profile(m_dir.filePath(u"profile-functional"_s));
    QString error;
    QCOMPARE(policy.installFunctionalMailboxes(profile, &error), 0); // the user's own account first
    QVERIFY(profile.accounts().isEmpty());
    Account own;
    own.id = own.address = u"mdupont@ac-amiens.fr"_s;
    own.imap = {u"imap.ac-amiens.fr"_s, 993, ConnectionSecurity::ImplicitTls, u"mdupont"_s};
    own.smtp = {u"smtp.ac-amiens.fr"_s, 465, ConnectionSecurity::ImplicitTls, u"mdupont"_s};
    QVERIFY(profile.saveAccount(own, nullptr));
    QCOMPARE(policy.installFunctionalMailboxes(profile, &error), 2);
    QCOMPARE(policy.installFunctionalMailboxes(profile, &error), 0); // already there
    const QList<Account> installed = profile.accounts();
    QCOMPARE(installed.size(), 3);
    QCOMPARE(installed.first().id, own.id);
    QCOMPARE(installed.at(1).id, u"ce.0801234x@ac-amiens.fr"_s);
    QFile file(profile.settingsPath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains("password"));
}

QTEST_GUILESS_MAIN(TestSitePolicy)
#include "tst_sitepolicy.moc"
