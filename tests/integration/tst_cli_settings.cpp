// amiens-mail-cli's settings commands (issue 7): vacation get/set/off against the real
// Pigeonhole ManageSieve, signature list/set in the profile, and their exit codes.
#include "CliRun.h"
#include "MailServerControl.h"
#include "TestEnvironment.h"
#include "account/Profile.h"
#include "identity/SignatureStore.h"
#include "sieve/ManageSieveClient.h"
#include "sieve/SieveRulesStore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Amiens;
using namespace Amiens::Test;

namespace {

using Run = CliRun;

} // namespace

class TestCliSettings : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void vacationSetGetOff();
    void vacationUsageErrorsTouchNothing();
    void wrongPasswordIsExitCode3();
    void closedPortIsExitCode4();
    void signatureSetAndList();

private:
    Run cli(const QStringList &arguments, const QByteArray &input = {});
    QString writeFile(const QString &name, const QByteArray &content);

    TestEnvironment m_env;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_profile;
};

void TestCliSettings::initTestCase()
{
    m_env = TestEnvironment::fromEnvironment();
    AMIENS_REQUIRE_SERVERS(m_env);
    QVERIFY(m_env.sievePort != 0);
}

void TestCliSettings::init()
{
    QVERIFY(MailServerControl(m_env.user).reset());
    m_dir = std::make_unique<QTemporaryDir>();
    m_profile = m_dir->filePath(u"profile"_s);
    // The profile is written directly: the test server's ManageSieve is not on port 4190.
    Account account = m_env.account();
    account.sieve = {m_env.host, m_env.sievePort, ConnectionSecurity::StartTls, m_env.user};
    QVERIFY(Profile(m_profile).saveAccount(account, nullptr));
}

Run TestCliSettings::cli(const QStringList &arguments, const QByteArray &input)
{
    return runCli(QStringLiteral(AMIENS_CLI_PATH), QStringList{u"--profile"_s, m_profile} + arguments, input);
}

QString TestCliSettings::writeFile(const QString &name, const QByteArray &content)
{
    const QString path = m_dir->filePath(name);
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(content);
    return path;
}

void TestCliSettings::vacationSetGetOff()
{
    const QByteArray password = m_env.password.toUtf8() + '\n';
    const QString message =
        writeFile(u"message.txt"_s, "Bonjour,\nJe suis en congés jusqu'au 20 août.\nMarie Dupont\n");
    const Run set =
        cli({u"vacation"_s, u"set"_s, u"--from"_s, u"2026-07-06T08:00"_s, u"--until"_s,
             u"2026-08-20T18:00:00+02:00"_s, u"--subject"_s, u"Absence estivale"_s, u"--message-file"_s,
             message, u"--days"_s, u"4"_s, u"--academy-only"_s, u"--password-stdin"_s},
            password);
    QVERIFY2(set.exitCode == 0, qPrintable(set.err));

    const auto state = m_env.sieveRules();
    QVERIFY(state);
    QVERIFY(state->scriptActive);
    QVERIFY(state->rules.vacation.enabled);
    QCOMPARE(state->rules.vacation.subject, u"Absence estivale"_s);
    QCOMPARE(state->rules.vacation.days, 4);
    QVERIFY(state->rules.vacation.academyOnly);
    QCOMPARE(state->rules.vacation.addresses, QStringList{m_env.address});
    QCOMPARE(state->rules.vacation.end.toUTC(),
             QDateTime(QDate(2026, 8, 20), QTime(16, 0), QTimeZone::utc()));

    const Run get = cli({u"vacation"_s, u"get"_s, u"--json"_s, u"--password-stdin"_s}, password);
    QVERIFY2(get.exitCode == 0, qPrintable(get.err));
    const QJsonObject json = QJsonDocument::fromJson(get.out.toUtf8()).object();
    QCOMPARE(json.value(u"enabled"_s).toBool(), true);
    QCOMPARE(json.value(u"subject"_s).toString(), u"Absence estivale"_s);
    QCOMPARE(json.value(u"message"_s).toString().trimmed(),
             u"Bonjour,\nJe suis en congés jusqu'au 20 août.\nMarie Dupont"_s);
    QCOMPARE(json.value(u"days"_s).toInt(), 4);
    QCOMPARE(json.value(u"academyOnly"_s).toBool(), true);
    QCOMPARE(QDateTime::fromString(json.value(u"from"_s).toString(), Qt::ISODate),
             QDateTime(QDate(2026, 7, 6), QTime(8, 0), QTimeZone::systemTimeZone()));

    const Run text = cli({u"vacation"_s, u"get"_s, u"--password-stdin"_s}, password);
    QCOMPARE(text.exitCode, 0);
    QVERIFY2(text.out.contains(u"Absence estivale"_s), qPrintable(text.out));

    const Run off = cli({u"vacation"_s, u"off"_s, u"--password-stdin"_s}, password);
    QVERIFY2(off.exitCode == 0, qPrintable(off.err));
    const auto after = m_env.sieveRules();
    QVERIFY(after);
    QVERIFY(!after->rules.vacation.enabled);
    // Off keeps the text for next time.
    QCOMPARE(after->rules.vacation.subject, u"Absence estivale"_s);
    const Run getOff = cli({u"vacation"_s, u"get"_s, u"--json"_s, u"--password-stdin"_s}, password);
    QCOMPARE(QJsonDocument::fromJson(getOff.out.toUtf8()).object().value(u"enabled"_s).toBool(), false);
}

void TestCliSettings::vacationUsageErrorsTouchNothing()
{
    const QString message = writeFile(u"message.txt"_s, "Absente.");
    const QByteArray password = m_env.password.toUtf8() + '\n';
    const QStringList base{u"vacation"_s,       u"set"_s, u"--subject"_s,       u"S"_s,
                           u"--message-file"_s, message,  u"--password-stdin"_s};
    Run run = cli(base + QStringList{u"--from"_s, u"2026-07-06T08:00"_s, u"--until"_s, u"2026-07-01T08:00"_s},
                  password);
    QCOMPARE(run.exitCode, 2);
    run = cli(base + QStringList{u"--from"_s, u"demain"_s, u"--until"_s, u"2026-07-01T08:00"_s}, password);
    QCOMPARE(run.exitCode, 2);
    run = cli(base + QStringList{u"--from"_s, u"2026-07-01T08:00"_s, u"--until"_s, u"2026-07-02T08:00"_s,
                                 u"--days"_s, u"0"_s},
              password);
    QCOMPARE(run.exitCode, 2);
    run = cli({u"vacation"_s, u"set"_s, u"--password-stdin"_s}, password);
    QCOMPARE(run.exitCode, 2);
    run = cli({u"vacation"_s, u"maybe"_s}, password);
    QCOMPARE(run.exitCode, 2);
    const auto state = m_env.sieveRules();
    QVERIFY(state);
    QVERIFY(state->script.isEmpty());
}

void TestCliSettings::wrongPasswordIsExitCode3()
{
    const Run run = cli({u"vacation"_s, u"get"_s, u"--password-stdin"_s}, "pas le bon\n");
    QCOMPARE(run.exitCode, 3);
    QVERIFY(!run.err.isEmpty());
}

void TestCliSettings::closedPortIsExitCode4()
{
    Account account = m_env.account();
    account.sieve = {m_env.host, 1, ConnectionSecurity::StartTls, m_env.user};
    QVERIFY(Profile(m_profile).saveAccount(account, nullptr));
    const Run run = cli({u"vacation"_s, u"get"_s, u"--password-stdin"_s}, m_env.password.toUtf8() + '\n');
    QCOMPARE(run.exitCode, 4);
}

void TestCliSettings::signatureSetAndList()
{
    const QString text = writeFile(u"sig.txt"_s, "Marie Dupont\nCPE, lycée Condorcet\n");
    Run run = cli({u"signature"_s, u"set"_s, u"--name"_s, u"Principale"_s, u"--file"_s, text, u"--default"_s,
                   u"both"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QString html = writeFile(u"sig.html"_s, "<b>Marie</b>");
    run = cli({u"signature"_s, u"set"_s, u"--name"_s, u"Courte"_s, u"--file"_s, html, u"--html"_s,
               u"--default"_s, u"reply"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(
        cli({u"signature"_s, u"set"_s, u"--name"_s, u"X"_s, u"--file"_s, text, u"--default"_s, u"souvent"_s})
            .exitCode,
        2);
    QCOMPARE(cli({u"signature"_s, u"set"_s, u"--file"_s, text}).exitCode, 2);

    run = cli({u"signature"_s, u"list"_s, u"--json"_s});
    QCOMPARE(run.exitCode, 0);
    const QJsonArray list = QJsonDocument::fromJson(run.out.toUtf8()).array();
    QCOMPARE(list.size(), 2);
    QCOMPARE(list.at(0).toObject().value(u"text"_s).toString(), u"Marie Dupont\nCPE, lycée Condorcet"_s);
    QCOMPARE(list.at(0).toObject().value(u"defaultForNew"_s).toBool(), true);
    QCOMPARE(list.at(0).toObject().value(u"defaultForReply"_s).toBool(), false);
    QCOMPARE(list.at(1).toObject().value(u"format"_s).toString(), u"html"_s);
    QCOMPARE(list.at(1).toObject().value(u"defaultForReply"_s).toBool(), true);

    SignatureStore store{Profile(m_profile)};
    QVERIFY(store.load(nullptr));
    QCOMPARE(store.defaultSignature(m_env.address, true)->name, u"Courte"_s);
    run = cli({u"signature"_s, u"list"_s});
    QVERIFY2(run.out.contains(u"Principale\ttext\tnew"_s), qPrintable(run.out));
}

QTEST_GUILESS_MAIN(TestCliSettings)
#include "tst_cli_settings.moc"
