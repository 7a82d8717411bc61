// ManageSieve (RFC 5804) and the out-of-office block against the real Dovecot/Pigeonhole, with
// scripted servers for what a real server will not do (an untrusted certificate, no STARTTLS),
// Debian's sieve-test for what the script answers, and a real delivery end to end.
#include "MailServerControl.h"
#include "ScriptedServer.h"
#include "TestEnvironment.h"
#include "sieve/ManageSieveClient.h"
#include "sieve/SieveRulesStore.h"
#include "sieve/SieveScriptBuilder.h"
#include "sieve/SieveScriptEditor.h"

#include <QDir>
#include <QFile>
#include <QMessageAuthenticationCode>
#include <QPasswordDigestor>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Amiens;
using namespace Amiens::Test;

namespace {

const QTimeZone kParis("Europe/Paris");

QByteArray fixture(const QString &name)
{
    QFile file(QStringLiteral(AMIENS_SOURCE_DIR "/tests/data/sieve/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return file.readAll();
}

/// An absence that is running now (or not, with @p offsetDays), answering Marie's two addresses.
VacationSettings absence(int offsetDays = 0)
{
    VacationSettings vacation;
    vacation.enabled = true;
    vacation.timeZone = kParis;
    const QDateTime now = QDateTime::currentDateTime().toTimeZone(kParis);
    vacation.start = QDateTime(now.date().addDays(offsetDays - 1), QTime(8, 0), kParis);
    vacation.end = QDateTime(now.date().addDays(offsetDays + 1), QTime(18, 30), kParis);
    vacation.subject = u"Absente : réponse automatique « congés »"_s;
    vacation.message = u"Bonjour,\n\nJe suis absente.\n.\nMarie \"Dupont\" \\ DSDEN"_s;
    vacation.days = 1;
    vacation.addresses = {u"marie.dupont@ac-amiens.fr"_s, u"mdupont@ac-amiens.fr"_s};
    return vacation;
}

/// The login lines of Dovecot's ManageSieve for @p user with SASL @p method, from its own log.
int dovecotLogins(const QString &user, const QString &method)
{
    QFile log(qEnvironmentVariable("AMIENS_TEST_STATE_DIR") + u"/log/dovecot-info.log"_s);
    if (!log.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray needle =
        "managesieve-login: Info: Login: user=<" + user.toUtf8() + ">, method=" + method.toUtf8() + ',';
    return static_cast<int>(log.readAll().count(needle));
}

/// How the scripted server ends a SCRAM exchange.
enum class ScramEnding
{
    SignatureInOk,        ///< OK (SASL "v=…")
    SignatureInChallenge, ///< "v=…" as a last challenge, then OK
    WrongSignatureInOk,
    WrongSignatureInChallenge,
    NoSignature, ///< plain OK: the server skips its proof
};

/// A ManageSieve server on STARTTLS with the real test certificate that runs SCRAM for any user
/// with @p password, computing the server side of RFC 5802 itself, then answers OK to anything.
ScriptedServer::Script scramServer(const TestEnvironment &env, const QByteArray &mechanisms,
                                   ScramEnding ending, const QString &password)
{
    const QString chain = env.sslFile(u"fullchain.pem"_s);
    const QString key = env.sslFile(u"key.pem"_s);
    return [=](ScriptedConnection &c) {
        c.send("\"IMPLEMENTATION\" \"fake\"\r\n\"STARTTLS\"\r\n\"VERSION\" \"1.0\"\r\nOK \"ready\"\r\n");
        if (!c.readLine().startsWith("STARTTLS"))
            return;
        c.send("OK \"Begin TLS negotiation now.\"\r\n");
        if (!c.startTls(chain, key))
            return;
        c.send("\"IMPLEMENTATION\" \"fake\"\r\n\"SASL\" \"" + mechanisms +
               "\"\r\n\"SIEVE\" \"vacation date relational copy\"\r\n\"VERSION\" \"1.0\"\r\nOK\r\n");
        const QByteArray authenticate = c.readLine();
        const QList<QByteArray> words = authenticate.trimmed().split(' ');
        if (words.size() != 3 || words[0] != "AUTHENTICATE")
            return;
        const bool sha256 = words[1] == "\"SCRAM-SHA-256\"";
        const auto algorithm = sha256 ? QCryptographicHash::Sha256 : QCryptographicHash::Sha1;
        const QByteArray clientFirst = QByteArray::fromBase64(words[2].mid(1, words[2].size() - 2));
        const QByteArray clientFirstBare = clientFirst.mid(3); // after "n,,"
        const QByteArray nonce = clientFirstBare.mid(clientFirstBare.indexOf(",r=") + 3) + "Srv0nce";
        const QByteArray salt = "sel-de-Guérande";
        const QByteArray serverFirst = "r=" + nonce + ",s=" + salt.toBase64() + ",i=4096";
        c.send('"' + serverFirst.toBase64() + "\"\r\n");
        const QByteArray clientFinal = QByteArray::fromBase64(c.readLine().trimmed().replace('"', ""));
        const QByteArray withoutProof = clientFinal.left(clientFinal.indexOf(",p="));
        const QByteArray authMessage = clientFirstBare + ',' + serverFirst + ',' + withoutProof;
        const QByteArray salted = QPasswordDigestor::deriveKeyPbkdf2(
            algorithm, password.toUtf8(), salt, 4096, QCryptographicHash::hashLength(algorithm));
        QByteArray signature = QMessageAuthenticationCode::hash(
            authMessage, QMessageAuthenticationCode::hash("Server Key", salted, algorithm), algorithm);
        if (ending == ScramEnding::WrongSignatureInOk || ending == ScramEnding::WrongSignatureInChallenge)
            signature[0] = static_cast<char>(signature[0] ^ 0x40);
        const QByteArray serverFinal = QByteArray("v=" + signature.toBase64()).toBase64();
        switch (ending) {
        case ScramEnding::SignatureInOk:
        case ScramEnding::WrongSignatureInOk:
            c.send("OK (SASL \"" + serverFinal + "\") \"Logged in.\"\r\n");
            break;
        case ScramEnding::SignatureInChallenge:
        case ScramEnding::WrongSignatureInChallenge:
            c.send('"' + serverFinal + "\"\r\n");
            if (c.readLine().startsWith("\"\""))
                c.send("OK \"Logged in.\"\r\n");
            else
                c.send("NO \"Cancelled.\"\r\n");
            break;
        case ScramEnding::NoSignature:
            c.send("OK \"Logged in.\"\r\n");
            break;
        }
        // Accepts whatever comes next, so only the client can stop a PUTSCRIPT.
        while (true) {
            const QByteArray line = c.readLine(3000);
            if (line.isEmpty())
                return;
            if (line.contains("{"))
                (void)c.readLine(3000); // the literal's bytes and the end of the command
            c.send("OK\r\n");
        }
    };
}

} // namespace

Q_DECLARE_METATYPE(ScramEnding)

class TestManageSieve : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void capabilitiesOverStartTls();
    void wrongPasswordIsAnAuthenticationError();
    void signsInWithScramSha256();
    void scramWithScriptedServer_data();
    void scramWithScriptedServer();
    void scramServerThatCannotProveItselfSavesNothing_data();
    void scramServerThatCannotProveItselfSavesNothing();
    void closedPortIsTheOnlyMissingService();
    void scriptCommands();
    void invalidScriptIsRefusedByCheckScript();
    void storeKeepsTheUserScriptAndRoundTrips();
    void storeRefusesToStackOnAForeignVacation();
    void untrustedCertificateIsRefusedBeforeAuthenticate();
    void untrustedCertificateAfterStartTls();
    void serverWithoutStartTlsIsRefused();
    void plaintextInjectedAfterStartTlsIsRefused();
    void sieveTestAnswersOnlyInsideThePeriod();
    void dollarBracesSurviveAUserScriptWithVariables();
    void endToEndOneAutomaticReply();

private:
    ManageSieveClient::Settings settings(quint16 port = 0) const;
    std::unique_ptr<ManageSieveClient> signedIn();
    /// sieve-test's report of what @p script does with @p message.
    QString sieveTest(const QByteArray &script, const QByteArray &message);

    TestEnvironment m_env;
};

void TestManageSieve::initTestCase()
{
    m_env = TestEnvironment::fromEnvironment();
    AMIENS_REQUIRE_SERVERS(m_env);
    QVERIFY(m_env.sievePort != 0);
}

void TestManageSieve::init()
{
    QVERIFY(MailServerControl(m_env.user).reset());
    QVERIFY(MailServerControl(m_env.user2).reset());
}

ManageSieveClient::Settings TestManageSieve::settings(quint16 port) const
{
    ManageSieveClient::Settings settings;
    settings.host = m_env.host; // "localhost": SNI selects the right certificate
    settings.port = port ? port : m_env.sievePort;
    settings.security = ConnectionSecurity::StartTls;
    settings.login = m_env.user;
    settings.trust.extraAuthorities = QSslCertificate::fromPath(m_env.caFile);
    settings.timeout = std::chrono::seconds(10);
    return settings;
}

std::unique_ptr<ManageSieveClient> TestManageSieve::signedIn()
{
    auto client = std::make_unique<ManageSieveClient>(settings());
    if (!client->connectToServer() || !client->authenticate(m_env.password))
        qWarning("ManageSieve sign-in failed: %s", qPrintable(client->lastError().technical));
    return client;
}

void TestManageSieve::capabilitiesOverStartTls()
{
    ManageSieveClient client(settings());
    QVERIFY2(client.connectToServer(), qPrintable(client.lastError().technical));
    QVERIFY(client.report().encrypted);
    const ManageSieveCapabilities &capabilities = client.capabilities();
    QVERIFY2(capabilities.implementation.contains(u"Pigeonhole"_s), qPrintable(capabilities.implementation));
    for (const QString &extension : {u"vacation"_s, u"date"_s, u"relational"_s, u"copy"_s})
        QVERIFY2(capabilities.hasExtension(extension), qPrintable(extension));
    // The capabilities after STARTTLS are the ones kept: they list the SASL mechanisms.
    QVERIFY(capabilities.hasSaslMechanism(u"PLAIN"_s));
    QVERIFY(capabilities.hasCheckScript());
    QVERIFY2(client.authenticate(m_env.password), qPrintable(client.lastError().technical));
    QVERIFY(client.isAuthenticated());
    client.logout();
    QVERIFY(!client.isConnected());
}

void TestManageSieve::wrongPasswordIsAnAuthenticationError()
{
    ManageSieveClient client(settings());
    QVERIFY(client.connectToServer());
    QVERIFY(!client.authenticate(u"Mauvais-Mot-de-passe"_s));
    QCOMPARE(client.lastError().kind, ServiceError::Kind::Authentication);
    QVERIFY2(client.lastError().message.contains(u"refused the identifier or the password"_s),
             qPrintable(client.lastError().message));
    QVERIFY(client.authenticationMechanism().isEmpty());
    QVERIFY(!client.lastError().technical.contains(u"Mauvais"_s));
    // The session is still usable: the right password works on the same connection.
    QVERIFY2(client.authenticate(m_env.password), qPrintable(client.lastError().technical));
}

void TestManageSieve::signsInWithScramSha256()
{
    ManageSieveClient client(settings());
    QVERIFY2(client.connectToServer(), qPrintable(client.lastError().technical));
    QVERIFY(client.capabilities().hasSaslMechanism(u"SCRAM-SHA-256"_s));
    QVERIFY(client.capabilities().hasSaslMechanism(u"SCRAM-SHA-1"_s));
    QVERIFY(client.capabilities().hasSaslMechanism(u"PLAIN"_s));
    const int before = dovecotLogins(m_env.user, u"SCRAM-SHA-256"_s);
    QVERIFY2(before >= 0, "cannot read Dovecot's log");
    QVERIFY2(client.authenticate(m_env.password), qPrintable(client.lastError().technical));
    QCOMPARE(client.authenticationMechanism(), u"SCRAM-SHA-256"_s);
    QVERIFY(client.listScripts());
    client.logout();
    // Dovecot's own log says which mechanism it ran (it writes the line at login).
    QVERIFY(
        QTest::qWaitFor([&] { return dovecotLogins(m_env.user, u"SCRAM-SHA-256"_s) == before + 1; }, 5000));
}

void TestManageSieve::scramWithScriptedServer_data()
{
    QTest::addColumn<QByteArray>("mechanisms");
    QTest::addColumn<ScramEnding>("ending");
    QTest::addColumn<QString>("expected");
    QTest::newRow("SHA-256, signature in OK (SASL)")
        << QByteArray("PLAIN SCRAM-SHA-1 SCRAM-SHA-256") << ScramEnding::SignatureInOk << u"SCRAM-SHA-256"_s;
    QTest::newRow("SHA-256, signature as a last challenge")
        << QByteArray("SCRAM-SHA-256 PLAIN") << ScramEnding::SignatureInChallenge << u"SCRAM-SHA-256"_s;
    QTest::newRow("SHA-1 when it is the best offered")
        << QByteArray("PLAIN SCRAM-SHA-1") << ScramEnding::SignatureInOk << u"SCRAM-SHA-1"_s;
}

void TestManageSieve::scramWithScriptedServer()
{
    QFETCH(QByteArray, mechanisms);
    QFETCH(ScramEnding, ending);
    QFETCH(QString, expected);
    ScriptedServer server(scramServer(m_env, mechanisms, ending, u"Mot de passe, é=1"_s));
    ManageSieveClient client(settings(server.port()));
    QVERIFY2(client.connectToServer(), qPrintable(client.lastError().technical));
    QVERIFY2(client.authenticate(u"Mot de passe, é=1"_s), qPrintable(client.lastError().technical));
    QCOMPARE(client.authenticationMechanism(), expected);
    QVERIFY(client.setActive(QString()));
    client.logout();
    // The password itself never crossed the wire.
    QVERIFY(!server.received().contains("Mot de passe"));
    QVERIFY(!server.received().contains("PLAIN"));
}

void TestManageSieve::scramServerThatCannotProveItselfSavesNothing_data()
{
    QTest::addColumn<ScramEnding>("ending");
    QTest::newRow("wrong signature in OK (SASL)") << ScramEnding::WrongSignatureInOk;
    QTest::newRow("wrong signature as a last challenge") << ScramEnding::WrongSignatureInChallenge;
    QTest::newRow("no signature at all") << ScramEnding::NoSignature;
}

void TestManageSieve::scramServerThatCannotProveItselfSavesNothing()
{
    QFETCH(ScramEnding, ending);
    ScriptedServer server(scramServer(m_env, "SCRAM-SHA-256 PLAIN", ending, m_env.password));
    ManageSieveClient client(settings(server.port()));
    QVERIFY2(client.connectToServer(), qPrintable(client.lastError().technical));
    QVERIFY(!client.authenticate(m_env.password));
    QCOMPARE(client.lastError().kind, ServiceError::Kind::Protocol);
    QVERIFY2(client.lastError().message.contains(u"could not prove its identity"_s),
             qPrintable(client.lastError().message));
    QVERIFY(!client.isAuthenticated());
    QVERIFY(!client.isConnected());
    // The rules are not saved: nothing is sent after the failed proof.
    SieveRulesStore store(client);
    QVERIFY(!store.save(absence(), ForwardSettings()));
    QVERIFY(!client.putScript(u"amiens"_s, "keep;\r\n"));
    QTest::qWait(100);
    QVERIFY(!server.received().contains("PUTSCRIPT"));
    QVERIFY(!server.received().contains("SETACTIVE"));
    // Only the cancellation may follow the challenge, never an answer to it.
    if (ending == ScramEnding::WrongSignatureInChallenge)
        QVERIFY(!server.received().contains("\"\"\r\n"));
}

void TestManageSieve::closedPortIsTheOnlyMissingService()
{
    // Nothing listens: the server has no ManageSieve.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 closedPort = probe.serverPort();
    probe.close();
    ManageSieveClient refused(settings(closedPort));
    QVERIFY(!refused.connectToServer());
    QCOMPARE(refused.lastError().kind, ServiceError::Kind::Network);
    QVERIFY(refused.connectionRefused());
    auto implicitClosed = settings(closedPort);
    implicitClosed.security = ConnectionSecurity::ImplicitTls;
    ManageSieveClient refusedImplicit(implicitClosed);
    QVERIFY(!refusedImplicit.connectToServer());
    QVERIFY(refusedImplicit.connectionRefused());

    // Something listens but closes at once (a dropped line, a firewall): not "no ManageSieve".
    ScriptedServer dropping([](ScriptedConnection &) {});
    ManageSieveClient dropped(settings(dropping.port()));
    QVERIFY(!dropped.connectToServer());
    QCOMPARE(dropped.lastError().kind, ServiceError::Kind::Network);
    QVERIFY(!dropped.connectionRefused());

    // Silence: a timeout, not "no ManageSieve".
    ScriptedServer silent([](ScriptedConnection &c) { c.readLine(3000); });
    auto quick = settings(silent.port());
    quick.timeout = std::chrono::milliseconds(500);
    ManageSieveClient timedOut(quick);
    QVERIFY(!timedOut.connectToServer());
    QCOMPARE(timedOut.lastError().kind, ServiceError::Kind::Timeout);
    QVERIFY(!timedOut.connectionRefused());

    // A TLS failure neither.
    ScriptedServer rogue(
        [](ScriptedConnection &c) { c.readLine(1000); },
        ScriptedServer::TlsIdentity{m_env.sslFile(u"rogue-cert.pem"_s), m_env.sslFile(u"rogue-key.pem"_s)});
    auto implicit = settings(rogue.port());
    implicit.security = ConnectionSecurity::ImplicitTls;
    ManageSieveClient untrusted(implicit);
    QVERIFY(!untrusted.connectToServer());
    QCOMPARE(untrusted.lastError().kind, ServiceError::Kind::Certificate);
    QVERIFY(!untrusted.connectionRefused());
}

void TestManageSieve::scriptCommands()
{
    auto client = signedIn();
    QVERIFY(client->isAuthenticated());
    QCOMPARE(client->listScripts()->size(), 0);

    QString error;
    const auto script =
        SieveScriptEditor::apply(fixture(u"user-rules.sieve"_s), absence(), ForwardSettings(), &error);
    QVERIFY(script);
    QVERIFY2(client->checkScript(*script), qPrintable(client->lastError().technical));
    QVERIFY2(client->putScript(u"mes filtres « été »"_s, *script), qPrintable(client->lastError().technical));
    QVERIFY(client->putScript(u"autre"_s, "keep;\r\n"));
    QCOMPARE(client->getScript(u"mes filtres « été »"_s), *script); // byte for byte

    QVERIFY(client->setActive(u"mes filtres « été »"_s));
    auto scripts = client->listScripts();
    QVERIFY(scripts);
    QVERIFY(scripts->contains(ManageSieveClient::ScriptInfo{u"mes filtres « été »"_s, true}));
    QVERIFY(scripts->contains(ManageSieveClient::ScriptInfo{u"autre"_s, false}));
    QVERIFY(QFile::exists(qEnvironmentVariable("AMIENS_TEST_MAIL_HOME") + u"/mdupont/.dovecot.sieve"_s));

    QVERIFY(!client->deleteScript(u"mes filtres « été »"_s)); // the active script cannot be deleted
    QCOMPARE(client->lastError().kind, ServiceError::Kind::Protocol);
    QVERIFY(client->setActive(QString()));
    QVERIFY(client->deleteScript(u"mes filtres « été »"_s));
    QVERIFY(!client->getScript(u"mes filtres « été »"_s));
    QVERIFY(client->lastError().message.contains(u"no such"_s));
    client->logout();
}

void TestManageSieve::invalidScriptIsRefusedByCheckScript()
{
    auto client = signedIn();
    QVERIFY(!client->checkScript("require \"vacation\";\r\nvacation :days \"x\" 12;\r\n"));
    QCOMPARE(client->lastError().kind, ServiceError::Kind::Protocol);
    QVERIFY2(client->lastError().message.contains(u"refused"_s), qPrintable(client->lastError().message));
    // A missing extension is caught as well.
    QVERIFY(!client->checkScript("vacation \"x\";\r\n"));
    QVERIFY(client->listScripts()->isEmpty());
}

void TestManageSieve::storeKeepsTheUserScriptAndRoundTrips()
{
    auto client = signedIn();
    const QByteArray user = fixture(u"user-rules.sieve"_s);
    QVERIFY(client->putScript(u"mes-filtres"_s, user));
    QVERIFY(client->setActive(u"mes-filtres"_s));

    SieveRulesStore store(*client);
    const VacationSettings vacation = absence();
    const ForwardSettings forward{true, u"jmartin@ac-amiens.fr"_s, true};
    QVERIFY2(store.save(vacation, forward), qPrintable(store.lastError().technical));

    // Still the user's active script; everything outside our block as it was.
    const auto scripts = client->listScripts();
    QCOMPARE(*scripts, (QList<ManageSieveClient::ScriptInfo>{{u"mes-filtres"_s, true}}));
    const QByteArray stored = *client->getScript(u"mes-filtres"_s);
    QString error;
    const auto span = SieveScriptEditor::findBlock(stored, &error);
    QVERIFY(span);
    QCOMPARE(stored.left(span->begin) + stored.mid(span->end), user);

    auto state = store.load(kParis);
    QVERIFY(state);
    QCOMPARE(state->scriptName, u"mes-filtres"_s);
    QCOMPARE(state->rules.vacation, vacation);
    QCOMPARE(state->rules.forward, forward);

    // Off, then on again: the same settings come back.
    VacationSettings off = vacation;
    off.enabled = false;
    QVERIFY(store.save(off, ForwardSettings{false, forward.address, true}));
    state = store.load(kParis);
    QVERIFY(!state->rules.vacation.enabled);
    QCOMPARE(state->rules.vacation.message, vacation.message);
    VacationSettings on = state->rules.vacation;
    on.enabled = true;
    QVERIFY(store.save(on, forward));
    QCOMPARE(store.load(kParis)->rules.vacation, vacation);
    client->logout();
}

void TestManageSieve::storeRefusesToStackOnAForeignVacation()
{
    auto client = signedIn();
    // No active script: ours is created and activated.
    SieveRulesStore store(*client);
    QVERIFY(client->putScript(u"roundcube"_s, fixture(u"roundcube-vacation.sieve"_s)));
    QVERIFY2(store.save(absence(), ForwardSettings()), qPrintable(store.lastError().technical));
    QVERIFY(client->listScripts()->contains(ManageSieveClient::ScriptInfo{u"amiensmail"_s, true}));
    QVERIFY(client->listScripts()->contains(ManageSieveClient::ScriptInfo{u"roundcube"_s, false}));

    // Roundcube's vacation active: a second one is not stacked on it without the user's consent.
    QVERIFY(client->setActive(u"roundcube"_s));
    QVERIFY(!store.save(absence(), ForwardSettings()));
    QCOMPARE(store.lastError().kind, ServiceError::Kind::Configuration);
    const auto state = store.load(kParis);
    QCOMPARE(state->rules.vacationSource, SieveScriptReader::Source::Roundcube);
    QCOMPARE(state->rules.vacation.subject, u"Absente jusqu'au 28 août"_s);
    client->logout();
}

void TestManageSieve::untrustedCertificateIsRefusedBeforeAuthenticate()
{
    ScriptedServer server(
        [](ScriptedConnection &c) {
            c.send("\"IMPLEMENTATION\" \"fake\"\r\n\"SASL\" \"PLAIN\"\r\n\"SIEVE\" \"vacation\"\r\nOK "
                   "\"ready\"\r\n");
            c.readLine(1000);
        },
        ScriptedServer::TlsIdentity{m_env.sslFile(u"rogue-cert.pem"_s), m_env.sslFile(u"rogue-key.pem"_s)});
    auto implicit = settings(server.port());
    implicit.security = ConnectionSecurity::ImplicitTls;
    ManageSieveClient client(implicit);
    QVERIFY(!client.connectToServer());
    QCOMPARE(client.lastError().kind, ServiceError::Kind::Certificate);
    QVERIFY(client.lastError().tlsFailure);
    QVERIFY(!client.authenticate(m_env.password));
    QVERIFY(!server.handshakeCompleted());
    QVERIFY(!server.received().contains("AUTHENTICATE"));
}

void TestManageSieve::untrustedCertificateAfterStartTls()
{
    const QString chain = m_env.sslFile(u"rogue-cert.pem"_s);
    const QString key = m_env.sslFile(u"rogue-key.pem"_s);
    ScriptedServer server([&](ScriptedConnection &c) {
        c.send("\"IMPLEMENTATION\" \"fake\"\r\n\"STARTTLS\"\r\n\"VERSION\" \"1.0\"\r\nOK \"ready\"\r\n");
        if (!c.readLine().startsWith("STARTTLS"))
            return;
        c.send("OK \"Begin TLS negotiation now.\"\r\n");
        if (c.startTls(chain, key))
            c.readLine(1000);
    });
    ManageSieveClient client(settings(server.port()));
    QVERIFY(!client.connectToServer());
    QCOMPARE(client.lastError().kind, ServiceError::Kind::Certificate);
    QVERIFY(client.lastError().message.contains(u"cannot be trusted"_s));
    QVERIFY(!client.authenticate(m_env.password));
    QCOMPARE(server.received(), QByteArray("STARTTLS\r\n"));
}

void TestManageSieve::serverWithoutStartTlsIsRefused()
{
    ScriptedServer server([](ScriptedConnection &c) {
        c.send("\"IMPLEMENTATION\" \"clear\"\r\n\"SASL\" \"PLAIN LOGIN\"\r\n\"VERSION\" \"1.0\"\r\nOK "
               "\"ready\"\r\n");
        c.readLine(1000);
    });
    ManageSieveClient client(settings(server.port()));
    QVERIFY(!client.connectToServer());
    QCOMPARE(client.lastError().kind, ServiceError::Kind::TlsUnavailable);
    QVERIFY(!client.authenticate(m_env.password));
    QCOMPARE(server.received(), QByteArray()); // not a byte in clear
}

void TestManageSieve::plaintextInjectedAfterStartTlsIsRefused()
{
    ScriptedServer server([](ScriptedConnection &c) {
        c.send("\"STARTTLS\"\r\nOK\r\n");
        if (c.readLine().startsWith("STARTTLS"))
            c.send("OK \"go\"\r\n\"SASL\" \"PLAIN\"\r\nOK \"injected\"\r\n");
        c.readLine(1000);
    });
    ManageSieveClient client(settings(server.port()));
    QVERIFY(!client.connectToServer());
    QCOMPARE(client.lastError().kind, ServiceError::Kind::TlsUnavailable);
    QVERIFY2(client.lastError().technical.contains(u"plaintext"_s), qPrintable(client.lastError().technical));
}

QString TestManageSieve::sieveTest(const QByteArray &script, const QByteArray &message)
{
    QTemporaryDir dir;
    // sieve-test run as root drops to mail_uid, which must be able to read the files.
    QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                          QFileDevice::ExeOwner | QFileDevice::ReadOther |
                                          QFileDevice::ExeOther);
    const auto write = [&](const QString &name, const QByteArray &data) {
        QFile file(dir.filePath(name));
        file.open(QIODevice::WriteOnly);
        file.write(data);
        file.close();
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther);
    };
    write(u"script.sieve"_s, script);
    write(u"message.eml"_s, message);
    write(u"sieve-test.conf"_s,
          "mail_uid = nobody\nmail_gid = nogroup\nmail_location = maildir:/nonexistent\n"
          "sendmail_path = /bin/false\n");
    QProcess process;
    process.start(u"/usr/bin/sieve-test"_s,
                  {u"-c"_s, dir.filePath(u"sieve-test.conf"_s), u"-a"_s, u"marie.dupont@ac-amiens.fr"_s,
                   u"-r"_s, u"mdupont@ac-amiens.fr"_s, u"-f"_s, u"jean.martin@ac-amiens.fr"_s,
                   dir.filePath(u"script.sieve"_s), dir.filePath(u"message.eml"_s)});
    if (!process.waitForFinished(20000))
        return u"sieve-test did not finish"_s;
    const QString output =
        QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError());
    if (process.exitCode() != 0)
        qWarning("sieve-test failed: %s", qPrintable(output));
    return output;
}

void TestManageSieve::sieveTestAnswersOnlyInsideThePeriod()
{
    QVERIFY2(QFile::exists(u"/usr/bin/sieve-test"_s), "sieve-test (Debian's dovecot-sieve) is required");
    const auto message = [](const QByteArray &from, const QByteArray &extra = {}) -> QByteArray {
        return "From: " + from +
               "\r\nTo: Marie Dupont <marie.dupont@ac-amiens.fr>\r\nSubject: Conseil de classe\r\n"
               "Message-ID: <1@ac-amiens.fr>\r\nDate: Mon, 6 Jul 2026 10:00:00 +0200\r\n" +
               extra + "\r\nBonjour\r\n";
    };
    const QByteArray jean = "Jean Martin <jean.martin@ac-amiens.fr>";
    const auto script = [](const VacationSettings &vacation) {
        return SieveScriptBuilder::buildScript(vacation, ForwardSettings());
    };
    const QString vacationAction = u"send vacation message"_s;

    QString output = sieveTest(script(absence()), message(jean));
    QVERIFY2(output.contains(vacationAction), qPrintable(output));
    QVERIFY2(output.contains(u"Absente : r"_s), qPrintable(output));

    output = sieveTest(script(absence(+10)), message(jean)); // the period has not started
    QVERIFY2(!output.contains(vacationAction), qPrintable(output));
    output = sieveTest(script(absence(-10)), message(jean)); // it is over
    QVERIFY2(!output.contains(vacationAction), qPrintable(output));

    VacationSettings off = absence();
    off.enabled = false;
    output = sieveTest(script(off), message(jean));
    QVERIFY2(!output.contains(vacationAction), qPrintable(output));

    for (const QByteArray &skipped :
         {QByteArray("List-Id: Enseignants <enseignants.ac-amiens.fr>\r\n"),
          QByteArray("Precedence: bulk\r\n"), QByteArray("Auto-Submitted: auto-replied\r\n")}) {
        output = sieveTest(script(absence()), message(jean, skipped));
        QVERIFY2(!output.contains(vacationAction), qPrintable(QString::fromUtf8(skipped) + output));
    }
    output = sieveTest(script(absence()), message(QByteArray("Ne pas répondre <noreply@ac-amiens.fr>")));
    QVERIFY2(!output.contains(vacationAction), qPrintable(output));
    // Explicitly "no" is a human.
    output = sieveTest(script(absence()), message(jean, "Auto-Submitted: no\r\n"));
    QVERIFY2(output.contains(vacationAction), qPrintable(output));

    VacationSettings academy = absence();
    academy.academyOnly = true;
    output = sieveTest(script(academy), message("Paul <paul@exemple.fr>"));
    QVERIFY2(!output.contains(vacationAction), qPrintable(output));
    output = sieveTest(script(academy), message("Inspection <ien@ia80.ac-amiens.fr>"));
    QVERIFY2(output.contains(vacationAction), qPrintable(output));

    // The user's own rules still run beside ours.
    QString error;
    const auto merged =
        SieveScriptEditor::apply(fixture(u"user-rules.sieve"_s), absence(), ForwardSettings(), &error);
    output = sieveTest(*merged, message(jean, "List-Id: <enseignants.ac-amiens.fr>\r\n"));
    QVERIFY2(output.contains(u"Listes/Enseignants"_s) && !output.contains(vacationAction),
             qPrintable(output));
}

void TestManageSieve::dollarBracesSurviveAUserScriptWithVariables()
{
    // The user's own rules use RFC 5229 variables: Pigeonhole then expands "${…}" in every string
    // of the script, ours included. The absence text must still go out as typed.
    QVERIFY2(QFile::exists(u"/usr/bin/sieve-test"_s), "sieve-test (Debian's dovecot-sieve) is required");
    auto client = signedIn();
    const QByteArray user = "require [\"variables\", \"fileinto\"];\r\nset \"prenom\" \"Jean\";\r\n"
                            "set \"montant\" \"12\";\r\n";
    QVERIFY(client->putScript(u"variables"_s, user));
    QVERIFY(client->setActive(u"variables"_s));
    SieveRulesStore store(*client);
    VacationSettings vacation = absence();
    vacation.subject = u"Absente ${prenom}"_s;
    vacation.message = u"Merci ${prenom}, co\u00fbt : ${montant} \u20ac ; ${a.b} ; $${x}"_s;
    // The server compiles it (PUTSCRIPT, CHECKSCRIPT) and we read back what the user typed.
    QVERIFY2(store.save(vacation, ForwardSettings()), qPrintable(store.lastError().technical));
    const auto state = store.load(kParis);
    QVERIFY(state);
    QCOMPARE(state->rules.vacation, vacation);
    const QByteArray stored = *client->getScript(u"variables"_s);
    client->logout();

    const QString output =
        sieveTest(stored, "From: Jean Martin <jean.martin@ac-amiens.fr>\r\nTo: Marie Dupont "
                          "<marie.dupont@ac-amiens.fr>\r\nSubject: Conseil de classe\r\n"
                          "Message-ID: <2@ac-amiens.fr>\r\n\r\nBonjour\r\n");
    QVERIFY2(output.contains(u"send vacation message"_s), qPrintable(output));
    QVERIFY2(output.contains(u"subject : Absente ${prenom}"_s), qPrintable(output));
    QVERIFY2(output.contains(u"Merci ${prenom}, co\u00fbt : ${montant} \u20ac ; ${a.b} ; $${x}"_s),
             qPrintable(output));
    // Unprotected, "${a.b}" is "referring to variable in unknown namespace 'a'".
    QVERIFY2(!output.contains(u"namespace"_s), qPrintable(output));
}

void TestManageSieve::endToEndOneAutomaticReply()
{
    auto client = signedIn();
    SieveRulesStore store(*client);
    QVERIFY2(store.save(absence(), ForwardSettings()), qPrintable(store.lastError().technical));
    client->logout();

    // Jean sends two messages to Marie's alias through the real Postfix (implicit TLS, AUTH).
    const QString python = uR"(
import smtplib, ssl, sys, time
port, ca, password = int(sys.argv[1]), sys.argv[2], sys.argv[3]
context = ssl.create_default_context(cafile=ca)
for n in (1, 2):
    with smtplib.SMTP_SSL("localhost", port, context=context) as smtp:
        smtp.login("jmartin", password)
        smtp.sendmail("jean.martin@ac-amiens.fr", ["marie.dupont@ac-amiens.fr"],
            ("From: Jean Martin <jean.martin@ac-amiens.fr>\r\nTo: marie.dupont@ac-amiens.fr\r\n"
             "Subject: Conseil de classe %d\r\nMessage-ID: <e2e-%d-%f@ac-amiens.fr>\r\n\r\nBonjour Marie\r\n"
             % (n, n, time.time())).encode())
    time.sleep(1)
)"_s;
    QProcess process;
    process.start(u"python3"_s,
                  {u"-c"_s, python, QString::number(m_env.smtpsPort), m_env.caFile, m_env.password2});
    QVERIFY(process.waitForFinished(30000));
    QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());

    const MailServerControl marie(m_env.user);
    const MailServerControl jean(m_env.user2);
    QVERIFY(QTest::qWaitFor([&] { return marie.uids(u"INBOX"_s).size() == 2; }, 30000));
    QVERIFY(QTest::qWaitFor([&] { return !jean.uids(u"INBOX"_s).isEmpty(); }, 30000));
    // A second reply would be in the SMTP server's queue or delivered: wait until it is empty.
    QVERIFY(MailServerControl::awaitIdleMailServer());
    QCOMPARE(jean.uids(u"INBOX"_s).size(), 1);

    QProcess fetch;
    QStringList doveadm = m_env.doveadm.split(u' ', Qt::SkipEmptyParts);
    const QString program = doveadm.takeFirst();
    fetch.start(program, doveadm + QStringList{u"fetch"_s, u"-u"_s, m_env.user2, u"hdr"_s, u"mailbox"_s,
                                               u"INBOX"_s, u"all"_s});
    QVERIFY(fetch.waitForFinished(20000));
    const QByteArray headers = fetch.readAllStandardOutput();
    QVERIFY2(headers.contains("Auto-Submitted: auto-replied"), headers.constData());
    QVERIFY2(headers.contains("From: marie.dupont@ac-amiens.fr") ||
                 headers.contains("From: <marie.dupont@ac-amiens.fr>"),
             headers.constData());
    // The accented subject, encoded by Pigeonhole (RFC 2047), and the reply threads under the message.
    QVERIFY2(headers.contains("r=C3=A9ponse_automatique_=C2=AB_cong=C3=A9s_=C2=BB"), headers.constData());
    QVERIFY2(headers.contains("In-Reply-To: <e2e-1-"), headers.constData());
}

QTEST_GUILESS_MAIN(TestManageSieve)
#include "tst_managesieve.moc"
