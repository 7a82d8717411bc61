// amiens-mail-cli as a user or a script runs it, against the real servers and keyring.
#include "TestEnvironment.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Amiens::Test;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

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
    void withoutKeychainTheUserIsTold();
    void usageErrors();

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
    QProcess process;
    if (env.isEmpty())
        env = QProcessEnvironment::systemEnvironment();
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(AMIENS_CLI_PATH), arguments);
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(60000))
        qWarning("amiens-mail-cli did not finish");
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

QStringList TestCli::addArguments() const
{
    return {u"--profile"_s, m_profile, u"account"_s, u"add"_s, u"--address"_s, m_env.address, u"--name"_s,
            u"Marie Dupont"_s, u"--imap-host"_s, m_env.host, u"--imap-port"_s, QString::number(m_env.imapsPort),
            u"--smtp-host"_s, m_env.host, u"--smtp-port"_s, QString::number(m_env.smtpsPort), u"--login"_s,
            m_env.user, u"--ca-file"_s, m_env.caFile, u"--password-stdin"_s};
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
    QVERIFY2(added.exitCode == 0, qPrintable(added.err));
    QVERIFY(added.out.contains(m_env.address));

    // The password now comes from the keychain.
    const Run folders = cli({u"--profile"_s, m_profile, u"folders"_s});
    QVERIFY2(folders.exitCode == 0, qPrintable(folders.err));
    const QStringList lines = folders.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.first(), u"INBOX\tinbox"_s);
    for (const QString &expected : {u"Sent\tsent"_s, u"Drafts\tdrafts"_s, u"Trash\ttrash"_s, u"Junk\tjunk"_s,
                                    u"Archives\tarchive"_s})
        QVERIFY2(lines.contains(expected), qPrintable(folders.out));
}

void TestCli::foldersAsJson()
{
    const Run run = cli({u"--profile"_s, m_profile, u"folders"_s, u"--json"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
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
    const Run run = cli({u"--profile"_s, m_profile, u"folders"_s, u"--password-stdin"_s}, "pas-le-bon\n", env);
    QCOMPARE(run.exitCode, 3);
    QVERIFY2(run.err.contains(u"a refusé l'identifiant ou le mot de passe"_s), qPrintable(run.err));
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
    QVERIFY2(run.err.contains(u"SHA-256"_s), qPrintable(run.err));
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
    QVERIFY2(run.err.contains(u"trousseau"_s), qPrintable(run.err));
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

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
