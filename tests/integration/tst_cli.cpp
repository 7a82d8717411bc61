// amiens-mail-cli as a user or a script runs it, against the real servers and keyring.
#include "CliRun.h"
#include "MailServerControl.h"
#include "TestEnvironment.h"
#include "account/AccountPaths.h"
#include "cache/MailCache.h"
#include "security/CredentialStore.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Amiens;
using namespace Amiens::Test;

namespace {

using Run = CliRun;

/// The end of a command's error output: Qt Test cuts a long failure message, and the cache's and
/// the sync's log lines come first, the error last.
QByteArray errorTail(const QString &err)
{
    return err.right(900).toUtf8();
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void presetsAreListed();
    void addAccountThenListFolders();
    void foldersAsJson();
    void profileHoldsNoPassword();
    void wrongPasswordInFrench();
    void untrustedServerIsRefused();
    void siteCaBundleIsTrusted();
    void withoutKeychainTheUserIsTold();
    void syncThenReadFromTheCacheWithoutNetwork();
    void flagsAndMovesReachTheServer();
    void changesMadeOfflineAreQueued();
    void usageErrors();
    void twoAccountsSideBySide();
    void moveBetweenAccountsOfflineHappensOnce();

private:
    Run cli(const QStringList &arguments, const QByteArray &input = {}, QProcessEnvironment env = {});
    QStringList addArguments() const;

    TestEnvironment m_env;
    QTemporaryDir m_dir;
    QString m_profile;
};

void TestCli::initTestCase()
{
    m_env = TestEnvironment::fromEnvironment();
    AMIENS_REQUIRE_SERVERS(m_env);
    m_profile = m_dir.filePath(u"profile"_s);
}

Run TestCli::cli(const QStringList &arguments, const QByteArray &input, QProcessEnvironment env)
{
    return runCli(QStringLiteral(AMIENS_CLI_PATH), arguments, input, env);
}

QStringList TestCli::addArguments() const
{
    return {u"--profile"_s,       m_profile,     u"account"_s,     u"add"_s,
            u"--address"_s,       m_env.address, u"--name"_s,      u"Marie Dupont"_s,
            u"--imap-host"_s,     m_env.host,    u"--imap-port"_s, QString::number(m_env.imapsPort),
            u"--smtp-host"_s,     m_env.host,    u"--smtp-port"_s, QString::number(m_env.smtpsPort),
            u"--login"_s,         m_env.user,    u"--ca-file"_s,   m_env.caFile,
            u"--password-stdin"_s};
}

void TestCli::presetsAreListed()
{
    const Run run = cli({u"presets"_s, u"--json"_s});
    QCOMPARE(run.exitCode, 0);
    const QJsonArray presets = QJsonDocument::fromJson(run.out.toUtf8()).array();
    QStringList ids;
    for (const auto &preset : presets)
        ids.append(preset.toObject().value(u"id"_s).toString());
    QVERIFY2(ids.contains(u"ac-amiens.fr"_s) && ids.contains(u"education.gouv.fr"_s), qPrintable(run.out));
}

void TestCli::addAccountThenListFolders()
{
    const Run added = cli(addArguments(), m_env.password.toUtf8() + '\n');
    QVERIFY2(added.exitCode == 0, errorTail(added.err).constData());
    QVERIFY(added.out.contains(m_env.address));

    // The password now comes from the keychain.
    const Run folders = cli({u"--profile"_s, m_profile, u"folders"_s});
    QVERIFY2(folders.exitCode == 0, errorTail(folders.err).constData());
    const QStringList lines = folders.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.first(), u"INBOX\tinbox"_s);
    for (const QString &expected :
         {u"Sent\tsent"_s, u"Drafts\tdrafts"_s, u"Trash\ttrash"_s, u"Junk\tjunk"_s, u"Archives\tarchive"_s})
        QVERIFY2(lines.contains(expected), qPrintable(folders.out));
}

void TestCli::foldersAsJson()
{
    const Run run = cli({u"--profile"_s, m_profile, u"folders"_s, u"--json"_s});
    QVERIFY2(run.exitCode == 0, errorTail(run.err).constData());
    const QJsonArray folders = QJsonDocument::fromJson(run.out.toUtf8()).array();
    QVERIFY(folders.size() >= 6);
    const QJsonObject inbox = folders.first().toObject();
    QCOMPARE(inbox.value(u"path"_s).toString(), u"INBOX"_s);
    QCOMPARE(inbox.value(u"role"_s).toString(), u"inbox"_s);
    QCOMPARE(inbox.value(u"selectable"_s).toBool(), true);
}

void TestCli::profileHoldsNoPassword()
{
    QDirIterator files(m_profile, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    int checked = 0;
    while (files.hasNext()) {
        QFile file(files.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY2(!file.readAll().contains(m_env.password.toUtf8()), qPrintable(file.fileName()));
        ++checked;
    }
    QVERIFY(checked > 0);
}

void TestCli::wrongPasswordInFrench()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"AMIENS_MAIL_LANGUAGE"_s, u"fr"_s);
    const Run run =
        cli({u"--profile"_s, m_profile, u"folders"_s, u"--password-stdin"_s}, "pas-le-bon\n", env);
    QCOMPARE(run.exitCode, 3);
    QVERIFY2(run.err.contains(u"a refusé l'identifiant ou le mot de passe"_s),
             errorTail(run.err).constData());
    QVERIFY(!run.err.contains(u"pas-le-bon"_s));
}

void TestCli::untrustedServerIsRefused()
{
    // Same server, but the profile does not trust the test CA: the system store alone is used.
    const QString profile = m_dir.filePath(u"no-ca"_s);
    QStringList arguments = addArguments();
    arguments[1] = profile;
    const qsizetype ca = arguments.indexOf(u"--ca-file"_s);
    arguments.remove(ca, 2);
    QCOMPARE(cli(arguments, m_env.password.toUtf8() + '\n').exitCode, 0);
    const Run run = cli({u"--profile"_s, profile, u"folders"_s});
    QCOMPARE(run.exitCode, 5);
    QVERIFY2(run.err.contains(u"SHA-256"_s), errorTail(run.err).constData());
}

void TestCli::siteCaBundleIsTrusted()
{
    // The academy's CA comes from the site configuration (/etc/xdg), not from the account: the
    // CLI must trust it as the window does (issue 17: folders, sync and send built their trust
    // from the account alone and refused the server).
    const QString profile = m_dir.filePath(u"site-ca"_s);
    QStringList arguments = addArguments();
    arguments[1] = profile;
    arguments.remove(arguments.indexOf(u"--ca-file"_s), 2);
    QCOMPARE(cli(arguments, m_env.password.toUtf8() + '\n').exitCode, 0);
    const QString site = m_dir.filePath(u"site-ca.conf"_s);
    QFile file(site);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("[policy]\ncaBundle=" + m_env.caFile.toUtf8() + "\n");
    file.close();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"AMIENS_MAIL_SITE_CONFIG"_s, site);
    const Run folders = cli({u"--profile"_s, profile, u"folders"_s}, {}, env);
    QVERIFY2(folders.exitCode == 0, errorTail(folders.err).constData());
    const Run synced = cli({u"--profile"_s, profile, u"sync"_s, u"--bodies"_s, u"none"_s}, {}, env);
    QVERIFY2(synced.exitCode == 0, errorTail(synced.err).constData());
}

void TestCli::withoutKeychainTheUserIsTold()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, u"unix:path=/nonexistent/bus"_s);
    env.insert(u"AMIENS_MAIL_LANGUAGE"_s, u"fr"_s);
    QStringList arguments = addArguments();
    arguments[1] = m_dir.filePath(u"no-keychain"_s);
    const Run run = cli(arguments, "secret\n", env);
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(u"trousseau"_s), errorTail(run.err).constData());
    // Nothing was saved half-way, and certainly not the password.
    QVERIFY(!QFile::exists(m_dir.filePath(u"no-keychain/profile.ini"_s)));
}

void TestCli::usageErrors()
{
    QCOMPARE(cli({u"frobnicate"_s}).exitCode, 2);
    QCOMPARE(cli({u"--profile"_s, m_profile, u"account"_s, u"add"_s}).exitCode, 2);
    const Run noAccount = cli({u"--profile"_s, m_dir.filePath(u"empty"_s), u"folders"_s});
    QCOMPARE(noAccount.exitCode, 1);
    QVERIFY(noAccount.err.contains(u"account add"_s));
}

namespace {

QByteArray messageWithAttachment()
{
    return "From: =?UTF-8?Q?Fran=C3=A7ois_H=C3=A9nault?= <francois.henault@ac-amiens.fr>\r\n"
           "To: Marie Dupont <mdupont@ac-amiens.fr>\r\n"
           "Cc: =?ISO-8859-1?Q?C=E9cile_N'Diaye?= <cecile.ndiaye@ac-amiens.fr>\r\n"
           "Subject: =?UTF-8?B?UsOpdW5pb24gcGFyZW50cy1wcm9mZXNzZXVycyA6IHNhbGxlIDIwNA==?=\r\n"
           "Date: Tue, 24 Nov 2026 08:15:00 +0100\r\n"
           "Message-ID: <reunion-204@ac-amiens.fr>\r\n"
           "MIME-Version: 1.0\r\n"
           "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
           "--b1\r\nContent-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: "
           "quoted-printable\r\n\r\n"
           "Bonjour, la r=E9union aura lieu en salle 204.\r\n"
           "--b1\r\nContent-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n"
           "Content-Disposition: attachment; filename*=UTF-8''Ordre%20du%20jour%20r%C3%A9union.pdf\r\n\r\n"
           "JVBERi0xLjQKJcOkw7zDtsOfCg==\r\n--b1--\r\n";
}

} // namespace

void TestCli::syncThenReadFromTheCacheWithoutNetwork()
{
    const MailServerControl server(m_env.user);
    QVERIFY(server.reset());
    const quint32 uid = server.save(u"INBOX"_s, messageWithAttachment());
    QVERIFY(server.save(u"INBOX"_s, MailServerControl::message(u"Autre message"_s)));
    const Run synced = cli({u"--profile"_s, m_profile, u"sync"_s, u"--bodies"_s, u"all"_s});
    QVERIFY2(synced.exitCode == 0, errorTail(synced.err).constData());
    QVERIFY2(synced.out.contains(u"2 new"_s), qPrintable(synced.out));
    // Issue 19: the bodies were indexed as they were stored, so the summary is the last line:
    // no index pass had anything left to read back (the search below finds a body's word).
    QVERIFY2(synced.out.contains(u"bodies downloaded."_s), qPrintable(synced.out));
    QVERIFY2(!synced.out.contains(u"Search index:"_s), qPrintable(synced.out));

    // The server becomes unreachable: reading still works, from the cache.
    {
        QSettings settings(m_profile + u"/profile.ini"_s, QSettings::IniFormat);
        settings.beginGroup(u"accounts"_s);
        settings.setValue(settings.childGroups().value(0) + u"/imap/port"_s, 1);
    }
    const Run list = cli({u"--profile"_s, m_profile, u"list"_s, u"INBOX"_s, u"--json"_s});
    QVERIFY2(list.exitCode == 0, errorTail(list.err).constData());
    QVERIFY(list.err.contains(u"local copy"_s));
    const QJsonArray messages = QJsonDocument::fromJson(list.out.toUtf8()).array();
    QCOMPARE(messages.size(), 2);
    QJsonObject reunion;
    for (const auto &value : messages) {
        if (value.toObject().value(u"uid"_s).toInteger() == uid)
            reunion = value.toObject();
    }
    QCOMPARE(reunion.value(u"subject"_s).toString(), u"Réunion parents-professeurs : salle 204"_s);
    QCOMPARE(reunion.value(u"from"_s).toObject().value(u"name"_s).toString(), u"François Hénault"_s);
    QCOMPARE(reunion.value(u"from"_s).toObject().value(u"address"_s).toString(),
             u"francois.henault@ac-amiens.fr"_s);
    QCOMPARE(reunion.value(u"date"_s).toString(), u"2026-11-24T07:15:00Z"_s);
    QCOMPARE(reunion.value(u"hasAttachments"_s).toBool(), true);
    QVERIFY(reunion.value(u"flags"_s).isArray());
    QVERIFY(reunion.value(u"size"_s).toInt() > 500);

    const Run show =
        cli({u"--profile"_s, m_profile, u"show"_s, u"INBOX"_s, QString::number(uid), u"--json"_s});
    QVERIFY2(show.exitCode == 0, errorTail(show.err).constData());
    const QJsonObject message = QJsonDocument::fromJson(show.out.toUtf8()).object();
    QCOMPARE(message.value(u"messageId"_s).toString(), u"reunion-204@ac-amiens.fr"_s);
    QCOMPARE(message.value(u"cc"_s).toArray().first().toObject().value(u"name"_s).toString(),
             u"Cécile N'Diaye"_s);
    QCOMPARE(message.value(u"to"_s).toArray().first().toObject().value(u"address"_s).toString(),
             u"mdupont@ac-amiens.fr"_s);
    QVERIFY2(message.value(u"text"_s).toString().contains(u"la réunion aura lieu en salle 204"_s),
             qPrintable(show.out));
    const QJsonObject attachment = message.value(u"attachments"_s).toArray().first().toObject();
    QCOMPARE(attachment.value(u"name"_s).toString(), u"Ordre du jour réunion.pdf"_s);
    QCOMPARE(attachment.value(u"mimeType"_s).toString(), u"application/pdf"_s);
    QCOMPARE(attachment.value(u"size"_s).toInt(), 19);
    QVERIFY(message.value(u"warnings"_s).isArray());
    QCOMPARE(message.value(u"warnings"_s).toArray().size(),
             0); // a colleague, no link: nothing to flag // "%PDF-1.4\n%äüöß\n" decoded

    const Run search = cli({u"--profile"_s, m_profile, u"search"_s, u"reunion"_s, u"--json"_s});
    QVERIFY2(search.exitCode == 0, errorTail(search.err).constData());
    const QJsonArray hits = QJsonDocument::fromJson(search.out.toUtf8()).array();
    QCOMPARE(hits.size(), 1);
    QCOMPARE(hits.first().toObject().value(u"folder"_s).toString(), u"INBOX"_s);
    // A word only in a body: the CLI left the cache fully searchable.
    const Run bodyWord = cli({u"--profile"_s, m_profile, u"search"_s, u"lieu"_s, u"--json"_s});
    QVERIFY2(bodyWord.exitCode == 0, errorTail(bodyWord.err).constData());
    QCOMPARE(QJsonDocument::fromJson(bodyWord.out.toUtf8()).array().size(), 1);

    // Syncing now fails clearly, and the cache is untouched.
    const Run offline = cli({u"--profile"_s, m_profile, u"sync"_s});
    QCOMPARE(offline.exitCode, 4);
}

void TestCli::flagsAndMovesReachTheServer()
{
    {
        QSettings settings(m_profile + u"/profile.ini"_s, QSettings::IniFormat);
        settings.beginGroup(u"accounts"_s);
        settings.setValue(settings.childGroups().value(0) + u"/imap/port"_s, m_env.imapsPort);
    }
    const MailServerControl server(m_env.user);
    QVERIFY(server.reset());
    const quint32 uid = server.save(u"INBOX"_s, MailServerControl::message(u"À marquer"_s));
    QCOMPARE(cli({u"--profile"_s, m_profile, u"sync"_s}).exitCode, 0);

    const Run seen =
        cli({u"--profile"_s, m_profile, u"flag"_s, u"INBOX"_s, QString::number(uid), u"+seen"_s});
    QVERIFY2(seen.exitCode == 0, errorTail(seen.err).constData());
    QVERIFY(server.flags(u"INBOX"_s, uid).contains(u"\\Seen"_s));
    const Run unseen =
        cli({u"--profile"_s, m_profile, u"flag"_s, u"INBOX"_s, QString::number(uid), u"-seen"_s});
    QVERIFY2(unseen.exitCode == 0, errorTail(unseen.err).constData());
    QVERIFY(!server.flags(u"INBOX"_s, uid).contains(u"\\Seen"_s));

    const Run moved =
        cli({u"--profile"_s, m_profile, u"move"_s, u"INBOX"_s, QString::number(uid), u"Archives"_s});
    QVERIFY2(moved.exitCode == 0, errorTail(moved.err).constData());
    QVERIFY(server.uids(u"INBOX"_s).isEmpty());
    QCOMPARE(server.uids(u"Archives"_s).size(), 1);
    QCOMPARE(cli({u"--profile"_s, m_profile, u"flag"_s, u"INBOX"_s, u"1"_s, u"seen"_s}).exitCode, 2);
}

void TestCli::changesMadeOfflineAreQueued()
{
    const MailServerControl server(m_env.user);
    QVERIFY(server.reset());
    const quint32 uid = server.save(u"INBOX"_s, MailServerControl::message(u"À jeter hors connexion"_s));
    QCOMPARE(cli({u"--profile"_s, m_profile, u"sync"_s}).exitCode, 0);
    const auto setPort = [&](int port) {
        QSettings settings(m_profile + u"/profile.ini"_s, QSettings::IniFormat);
        settings.beginGroup(u"accounts"_s);
        settings.setValue(settings.childGroups().value(0) + u"/imap/port"_s, port);
    };
    setPort(1);
    const Run removed = cli({u"--profile"_s, m_profile, u"delete"_s, u"INBOX"_s, QString::number(uid)});
    QVERIFY2(removed.exitCode == 0, errorTail(removed.err).constData());
    QVERIFY2(removed.out.contains(u"next synchronisation"_s), qPrintable(removed.out));
    QCOMPARE(server.uids(u"INBOX"_s), QList<quint32>{uid}); // not sent yet
    const Run list = cli({u"--profile"_s, m_profile, u"list"_s, u"INBOX"_s});
    QVERIFY(!list.out.contains(u"À jeter"_s)); // but gone from the local view at once

    setPort(m_env.imapsPort);
    QCOMPARE(cli({u"--profile"_s, m_profile, u"sync"_s}).exitCode, 0);
    QVERIFY(server.uids(u"INBOX"_s).isEmpty());
    QCOMPARE(server.uids(u"Trash"_s).size(), 1);
}

// Issue 18: a head of school's personal box and the school's functional mailbox in one profile.
void TestCli::twoAccountsSideBySide()
{
    const QString profile = m_dir.filePath(u"two-accounts"_s);
    const MailServerControl personal(m_env.user);
    const MailServerControl functional(m_env.functionalUser);
    QVERIFY(personal.reset());
    QVERIFY(functional.reset());
    QVERIFY(personal.save(u"INBOX"_s, MailServerControl::message(u"Conseil pédagogique"_s)));
    QVERIFY(
        functional.save(u"INBOX"_s, MailServerControl::message(u"Inscription en 6e : dossier Lefèvre"_s)));
    QVERIFY(functional.save(u"INBOX"_s, MailServerControl::message(u"Commande de manuels"_s)));

    QStringList first = addArguments();
    first[1] = profile;
    QCOMPARE(cli(first, m_env.password.toUtf8() + '\n').exitCode, 0);
    // The functional mailbox: its own login, and an SMTP server that cannot be reached, so that what
    // it sends stays in its outbox.
    const Run added = cli({u"--profile"_s,
                           profile,
                           u"account"_s,
                           u"add"_s,
                           u"--address"_s,
                           m_env.functionalAddress,
                           u"--name"_s,
                           u"Collège Jules Verne"_s,
                           u"--functional"_s,
                           u"--label"_s,
                           u"Collège (boîte fonctionnelle)"_s,
                           u"--imap-host"_s,
                           m_env.host,
                           u"--imap-port"_s,
                           QString::number(m_env.imapsPort),
                           u"--smtp-host"_s,
                           m_env.host,
                           u"--smtp-port"_s,
                           u"1"_s,
                           u"--login"_s,
                           m_env.functionalUser,
                           u"--ca-file"_s,
                           m_env.caFile,
                           u"--password-stdin"_s},
                          m_env.functionalPassword.toUtf8() + '\n');
    QVERIFY2(added.exitCode == 0, errorTail(added.err).constData());
    QCOMPARE(cli(first, m_env.password.toUtf8() + '\n').exitCode, 2); // the same account twice

    const Run listed = cli({u"--profile"_s, profile, u"account"_s, u"list"_s, u"--json"_s});
    const QJsonArray accounts = QJsonDocument::fromJson(listed.out.toUtf8()).array();
    QCOMPARE(accounts.size(), 2);
    QCOMPARE(accounts.at(0).toObject().value(u"id"_s).toString(), m_env.address);
    QCOMPARE(accounts.at(1).toObject().value(u"kind"_s).toString(), u"functional"_s);
    QCOMPARE(accounts.at(1).toObject().value(u"label"_s).toString(), u"Collège (boîte fonctionnelle)"_s);

    // One sync does both, each with its own password, into its own cache.
    const Run synced = cli({u"--profile"_s, profile, u"sync"_s, u"--bodies"_s, u"none"_s});
    QVERIFY2(synced.exitCode == 0, errorTail(synced.err).constData());
    QVERIFY2(synced.out.contains(u"1 new"_s) && synced.out.contains(u"2 new"_s), qPrintable(synced.out));
    const Run personalList = cli({u"--profile"_s, profile, u"list"_s, u"INBOX"_s, u"--json"_s});
    const Run functionalList = cli({u"--profile"_s, profile, u"--account"_s, m_env.functionalAddress,
                                    u"list"_s, u"INBOX"_s, u"--json"_s});
    QCOMPARE(QJsonDocument::fromJson(personalList.out.toUtf8()).array().size(), 1);
    QCOMPARE(QJsonDocument::fromJson(functionalList.out.toUtf8()).array().size(), 2);
    QVERIFY(!personalList.out.contains(u"Inscription"_s));

    // The order is the user's: the functional mailbox first.
    QCOMPARE(
        cli({u"--profile"_s, profile, u"account"_s, u"move"_s, m_env.functionalAddress, u"1"_s}).exitCode, 0);
    const Run reordered = cli({u"--profile"_s, profile, u"account"_s, u"list"_s, u"--json"_s});
    QCOMPARE(
        QJsonDocument::fromJson(reordered.out.toUtf8()).array().at(0).toObject().value(u"id"_s).toString(),
        m_env.functionalAddress);

    // A message the functional mailbox could not send stays queued: removing the account is refused…
    const QString eml = m_dir.filePath(u"reponse.eml"_s);
    QFile file(eml);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(MailServerControl::message(u"Re: Inscription en 6e"_s, u"Dossier complet."_s,
                                          m_env.functionalAddress));
    file.close();
    const Run queued =
        cli({u"--profile"_s, profile, u"--account"_s, m_env.functionalAddress, u"send"_s, eml});
    QVERIFY2(queued.exitCode != 0, qPrintable(queued.out));
    const QString outbox = AccountPaths(profile, m_env.functionalAddress).outboxDirectory();
    QVERIFY(!QDir(outbox).entryList(QDir::Files).isEmpty());
    const Run refused = cli({u"--profile"_s, profile, u"account"_s, u"remove"_s, m_env.functionalAddress});
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.err.contains(u"--discard-outbox"_s), errorTail(refused.err).constData());
    QVERIFY(QDir(outbox).exists());

    // …until the user says so; then nothing of it is left, and nothing of the other is touched.
    const Run removed = cli(
        {u"--profile"_s, profile, u"account"_s, u"remove"_s, m_env.functionalAddress, u"--discard-outbox"_s});
    QVERIFY2(removed.exitCode == 0, errorTail(removed.err).constData());
    const AccountPaths gone(profile, m_env.functionalAddress);
    for (const QString &path : gone.all())
        QVERIFY2(!QFileInfo::exists(path), qPrintable(path));
    CredentialStore keychain;
    QCOMPARE(keychain.readPasswordAndWait(m_env.functionalAddress).status, CredentialStore::Status::NotFound);
    QCOMPARE(keychain.readPasswordAndWait(m_env.address).secret, m_env.password);
    QVERIFY(QFileInfo::exists(AccountPaths(profile, m_env.address).cacheFile()));
    const Run left = cli({u"--profile"_s, profile, u"list"_s, u"INBOX"_s, u"--json"_s});
    QCOMPARE(QJsonDocument::fromJson(left.out.toUtf8()).array().size(), 1);
    const Run remaining = cli({u"--profile"_s, profile, u"account"_s, u"list"_s, u"--json"_s});
    QCOMPARE(QJsonDocument::fromJson(remaining.out.toUtf8()).array().size(), 1);
}

void TestCli::moveBetweenAccountsOfflineHappensOnce()
{
    const QString profile = m_dir.filePath(u"transfer"_s);
    const MailServerControl personal(m_env.user);
    const MailServerControl functional(m_env.functionalUser);
    QVERIFY(personal.reset());
    QVERIFY(functional.reset());
    const QString messageId = u"inscription-lefevre-2026@example.fr"_s;
    QByteArray parent = MailServerControl::message(u"Inscription en 6e : dossier Lefèvre"_s,
                                                   u"Veuillez trouver le dossier de notre fille."_s,
                                                   u"Famille Lefèvre <famille.lefevre@example.fr>"_s);
    parent.replace("Message-ID: <", "X-Old-Message-ID: <");
    parent.prepend("Message-ID: <" + messageId.toUtf8() + ">\r\n");
    const quint32 uid = personal.save(u"INBOX"_s, parent);
    QVERIFY(uid);

    QStringList first = addArguments();
    first[1] = profile;
    QCOMPARE(cli(first, m_env.password.toUtf8() + '\n').exitCode, 0);
    QCOMPARE(cli({u"--profile"_s,
                  profile,
                  u"account"_s,
                  u"add"_s,
                  u"--address"_s,
                  m_env.functionalAddress,
                  u"--functional"_s,
                  u"--imap-host"_s,
                  m_env.host,
                  u"--imap-port"_s,
                  QString::number(m_env.imapsPort),
                  u"--smtp-host"_s,
                  m_env.host,
                  u"--smtp-port"_s,
                  QString::number(m_env.smtpsPort),
                  u"--login"_s,
                  m_env.functionalUser,
                  u"--ca-file"_s,
                  m_env.caFile,
                  u"--password-stdin"_s},
                 m_env.functionalPassword.toUtf8() + '\n')
                 .exitCode,
             0);
    const Run synced = cli({u"--profile"_s, profile, u"sync"_s, u"--bodies"_s, u"all"_s});
    QVERIFY2(synced.exitCode == 0, errorTail(synced.err).constData());

    // Both servers out of reach: the move is saved, the message leaves the personal inbox at once.
    const auto setImapPorts = [&profile](quint16 port) {
        QSettings settings(profile + u"/profile.ini"_s, QSettings::IniFormat);
        settings.beginGroup(u"accounts"_s);
        for (const QString &group : settings.childGroups())
            settings.setValue(group + u"/imap/port"_s, port);
    };
    setImapPorts(1);
    const Run moved = cli({u"--profile"_s, profile, u"move"_s, u"INBOX"_s, QString::number(uid), u"INBOX"_s,
                           u"--to-account"_s, m_env.functionalAddress});
    QVERIFY2(moved.exitCode == 0, qPrintable(moved.err + moved.out));
    QVERIFY2(moved.out.contains(u"next synchronisation"_s), qPrintable(moved.out));
    const Run hidden = cli({u"--profile"_s, profile, u"list"_s, u"INBOX"_s, u"--json"_s});
    QCOMPARE(QJsonDocument::fromJson(hidden.out.toUtf8()).array().size(), 0);
    QCOMPARE(personal.uids(u"INBOX"_s), QList<quint32>{uid}); // nothing sent yet

    // Back online: the school's box gets it once, then the personal copy goes, once.
    setImapPorts(m_env.imapsPort);
    for (int round = 0; round < 3; ++round) {
        const Run again = cli({u"--profile"_s, profile, u"sync"_s, u"--bodies"_s, u"none"_s});
        QVERIFY2(again.exitCode == 0, errorTail(again.err).constData());
        QCOMPARE(functional.count(u"INBOX"_s, MailServerControl::withMessageId(messageId)), 1);
    }
    QVERIFY(personal.uids(u"INBOX"_s).isEmpty());
    QCOMPARE(personal.count(u"Trash"_s, MailServerControl::withMessageId(messageId)), 0);
    const Run arrived = cli({u"--profile"_s, profile, u"--account"_s, m_env.functionalAddress, u"list"_s,
                             u"INBOX"_s, u"--json"_s});
    QVERIFY2(arrived.out.contains(u"Inscription en 6e"_s), qPrintable(arrived.out));
    // Nothing left waiting on either side.
    QVERIFY(QDir(AccountPaths(profile, m_env.functionalAddress).transfersDirectory())
                .entryList(QDir::Files)
                .isEmpty());
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
