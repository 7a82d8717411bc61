// The IMAP connection against the real Dovecot, and against scripted servers for what a real
// server will not do: forged or untrusted certificates, a refused or injected STARTTLS, silence.
#include "FakeImap.h"
#include "MailServerControl.h"
#include "ScriptedServer.h"
#include "TestEnvironment.h"
#include "imap/FolderList.h"
#include "imap/ImapCommandChannel.h"
#include "imap/ImapConnection.h"
#include "net/ImapStreamGuard.h"

#include <QFile>
#include <QSslCertificateExtension>
#include <QTemporaryDir>
#include <QTest>
#include <thread>
#include <vmime/exception.hpp>

using namespace Qt::StringLiterals;
using namespace Amiens;
using namespace Amiens::Test;

class TestImapConnection : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void loginOverImplicitTlsSendsSni();
    void loginOverStartTls();
    void listsFoldersWithSpecialUse();
    void listingMatchesVmimesFolderList();
    void wrongPasswordIsAnAuthenticationError();
    void hostnameMismatchIsRefused();
    void untrustedCertificateRefusedBeforeAnyByte_data();
    void untrustedCertificateRefusedBeforeAnyByte();
    void pinnedCertificateIsAcceptedOnlyForItsHostAndPort();
    void startTlsMissingIsRefusedNotDowngraded_data();
    void startTlsMissingIsRefusedNotDowngraded();
    void startTlsWithUntrustedCertificateIsRefused();
    void silentServerTimesOut();
    void cancellationStopsABlockedConnection();
    void internalDateBreaksVmimesParser();
    void unreadFetchReplyIsDroppedBeforeTheNextCommand();
    void aFoldersLastCommandsInOneWrite();
    void hugeLiteralIsRefusedAtItsAnnouncement();
    void endlessLineIsRefusedAtTheBound();

private:
    /// Logs in to a fake whose reply to UID FETCH is @p hostile, fetches, and returns the error
    /// with what the socket had handed to VMime by then.
    std::pair<std::optional<ServiceError>, ConnectionReport>
    fetchFromHostileServer(const std::function<void(ScriptedConnection &)> &hostile);
    TlsTrust trust() const;
    QString chainFile(const QString &leaf);

    TestEnvironment m_env;
    QTemporaryDir m_tempDir;
};

void TestImapConnection::initTestCase()
{
    m_env = TestEnvironment::fromEnvironment();
    AMIENS_REQUIRE_SERVERS(m_env);
}

TlsTrust TestImapConnection::trust() const
{
    QString error;
    auto trust = TlsTrust::forAccount(m_env.account(), &error);
    if (!trust)
        qFatal("cannot load the test CA: %s", qPrintable(error));
    return *trust;
}

QString TestImapConnection::chainFile(const QString &leaf)
{
    // A server sends its leaf followed by the intermediate that issued it.
    const QString path = m_tempDir.filePath(leaf + u".chain"_s);
    QFile out(path);
    out.open(QIODevice::WriteOnly);
    for (const QString &part : {leaf, u"intermediate.pem"_s}) {
        QFile in(m_env.sslFile(part));
        in.open(QIODevice::ReadOnly);
        out.write(in.readAll());
    }
    return path;
}

void TestImapConnection::loginOverImplicitTlsSendsSni()
{
    ImapConnection connection(m_env.account(), trust(), nullptr);
    const auto error = connection.open(m_env.password);
    QVERIFY2(!error, error ? qPrintable(error->message + u" / "_s + error->technical) : "");
    QVERIFY(connection.isOpen());
    const ConnectionReport report = connection.lastConnectionReport();
    QVERIFY(report.encrypted);
    QVERIFY(report.tlsDescription.startsWith(u"TLS 1."_s));
    // Dovecot's default certificate names only no-sni.invalid; it serves the localhost one only
    // to clients that sent SNI "localhost". VMime 0.9.2's own TLS sends no SNI
    // (core/net/VmimeTraps.md, « TLS: no SNI »).
    const QStringList names = report.peerCertificate.subjectAlternativeNames().values(QSsl::DnsEntry);
    QVERIFY2(names.contains(u"localhost"_s), qPrintable(names.join(u',')));
    QVERIFY(!names.contains(u"no-sni.invalid"_s));
}

void TestImapConnection::loginOverStartTls()
{
    Account account = m_env.account();
    account.imap.port = m_env.imapStartTlsPort;
    account.imap.security = ConnectionSecurity::StartTls;
    ImapConnection connection(account, trust(), nullptr);
    const auto error = connection.open(m_env.password);
    QVERIFY2(!error, error ? qPrintable(error->message + u" / "_s + error->technical) : "");
    QVERIFY(connection.lastConnectionReport().encrypted);
    QVERIFY(!FolderList::read(connection).isEmpty());
}

void TestImapConnection::listsFoldersWithSpecialUse()
{
    ImapConnection connection(m_env.account(), trust(), nullptr);
    QVERIFY(!connection.open(m_env.password));
    const QList<FolderInfo> folders = FolderList::read(connection);
    QHash<QString, FolderInfo::Role> roles;
    for (const FolderInfo &folder : folders)
        roles.insert(folder.path(), folder.role);
    QCOMPARE(roles.value(u"INBOX"_s), FolderInfo::Role::Inbox);
    QCOMPARE(roles.value(u"Sent"_s), FolderInfo::Role::Sent);
    QCOMPARE(roles.value(u"Drafts"_s), FolderInfo::Role::Drafts);
    QCOMPARE(roles.value(u"Trash"_s), FolderInfo::Role::Trash);
    QCOMPARE(roles.value(u"Junk"_s), FolderInfo::Role::Junk);
    QCOMPARE(roles.value(u"Archives"_s), FolderInfo::Role::Archive);
    QCOMPARE(folders.first().role, FolderInfo::Role::Inbox);
    QCOMPARE(folders.first().separator, u'/');
}

void TestImapConnection::listingMatchesVmimesFolderList()
{
    // The sync's one LIST-EXTENDED gives the folders VMime's getFolders() gives (the fallback of
    // servers without LIST-STATUS): roles, children, \Noselect parents, other users' folders,
    // non-ASCII names.
    const QString owner = m_env.account().imap.login;
    MailServerControl mine(owner);
    MailServerControl colleague(u"jmartin"_s);
    QVERIFY(mine.reset());
    QVERIFY(colleague.reset());
    QVERIFY(mine.createFolder(u"Conseils de classe/Élèves"_s));
    QVERIFY(colleague.createFolder(u"Projets/Voyage scolaire"_s));
    QVERIFY(colleague.shareFolder(u"Projets/Voyage scolaire"_s, owner, {u"lookup"_s, u"read"_s}));
    QList<FolderInfo> viaVmime;
    std::optional<ImapCommandChannel::MailboxListing> listing;
    {
        ImapConnection connection(m_env.account(), trust(), nullptr);
        QVERIFY(!connection.open(m_env.password));
        viaVmime = FolderList::read(connection);
        ImapCommandChannel channel(connection);
        listing = channel.listMailboxes(true);
    }
    QVERIFY(mine.reset());
    QVERIFY(colleague.reset());
    QVERIFY(listing);
    const auto describe = [](const QList<FolderInfo> &folders) {
        QStringList lines;
        for (const FolderInfo &f : folders)
            lines.append(u"%1 role=%2 selectable=%3 children=%4"_s.arg(f.path(), FolderInfo::roleName(f.role))
                             .arg(f.selectable)
                             .arg(f.hasChildren));
        return lines.join(u'\n');
    };
    QVERIFY2(listing->folders == viaVmime, qPrintable(u"LIST-EXTENDED:\n"_s + describe(listing->folders) +
                                                      u"\nVMime:\n"_s + describe(viaVmime)));
    QHash<QString, FolderInfo> byPath;
    for (const FolderInfo &folder : std::as_const(listing->folders))
        byPath.insert(folder.path(), folder);
    QVERIFY(byPath.contains(u"Conseils de classe/Élèves"_s));
    QCOMPARE(byPath.value(u"Conseils de classe/Élèves"_s).pathParts.size(), 2);
    QVERIFY(byPath.value(u"Conseils de classe"_s).hasChildren);
    QVERIFY(byPath.contains(u"shared/jmartin/Projets/Voyage scolaire"_s));
    QVERIFY(!byPath.value(u"shared/jmartin"_s, FolderInfo{}).selectable); // a \Noselect parent
    QCOMPARE(byPath.value(u"Sent"_s).role, FolderInfo::Role::Sent);
    // Every selectable folder has its state, keyed as the folder list names it.
    for (const FolderInfo &folder : std::as_const(listing->folders)) {
        if (folder.selectable)
            QVERIFY2(listing->states.value(folder.path()).uidValidity != 0, qPrintable(folder.path()));
    }
    QVERIFY(listing->namespaces);
    QCOMPARE(listing->namespaces->otherUsers.size(), 1);
}

void TestImapConnection::wrongPasswordIsAnAuthenticationError()
{
    const QString wrong = u"Mauvais-Mot-de-Passe-ÉÈ"_s;
    ImapConnection connection(m_env.account(), trust(), nullptr);
    const auto error = connection.open(wrong);
    QVERIFY(error);
    QCOMPARE(error->kind, ServiceError::Kind::Authentication);
    QVERIFY(!error->message.isEmpty());
    QVERIFY(!error->message.contains(wrong));
    QVERIFY(!error->technical.contains(wrong));
    QVERIFY(!connection.isOpen());
}

void TestImapConnection::hostnameMismatchIsRefused()
{
    // By IP address no SNI is sent, so Dovecot presents its no-sni.invalid certificate: signed by
    // the trusted CA, but for another name. It must be refused all the same.
    Account account = m_env.account();
    account.imap.host = u"127.0.0.1"_s;
    ImapConnection connection(account, trust(), nullptr);
    const auto error = connection.open(m_env.password);
    QVERIFY(error);
    QCOMPARE(error->kind, ServiceError::Kind::Certificate);
    QVERIFY(error->tlsFailure);
    const auto &errors = error->tlsFailure->errors;
    QVERIFY(std::any_of(errors.cbegin(), errors.cend(),
                        [](const QSslError &e) { return e.error() == QSslError::HostNameMismatch; }));
}

void TestImapConnection::untrustedCertificateRefusedBeforeAnyByte_data()
{
    QTest::addColumn<QString>("chain");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QSslError::SslError>("expectedError");
    QTest::newRow("self-made CA") << u"rogue-cert.pem"_s << u"rogue-key.pem"_s
                                  << QSslError::UnableToGetLocalIssuerCertificate;
    // VMime's defaultCertificateVerifier accepts this chain: it checks issuer names, not
    // signatures (core/net/VmimeTraps.md, « TLS: forged chains accepted »). The leaf is signed
    // by an attacker's copy of the intermediate.
    QTest::newRow("forged intermediate")
        << u"forged-fullchain.pem"_s << u"forged-key.pem"_s << QSslError::CertificateSignatureFailed;
    QTest::newRow("expired") << u"expired-cert.pem"_s << u"expired-key.pem"_s
                             << QSslError::CertificateExpired;
}

void TestImapConnection::untrustedCertificateRefusedBeforeAnyByte()
{
    QFETCH(QString, chain);
    QFETCH(QString, key);
    QFETCH(QSslError::SslError, expectedError);
    const QString chainPath = chain == "expired-cert.pem"_L1 ? chainFile(chain) : m_env.sslFile(chain);
    ScriptedServer server([](ScriptedConnection &c) { serveMinimalImap(c, "* OK ready\r\n"); },
                          ScriptedServer::TlsIdentity{chainPath, m_env.sslFile(key)});
    Account account = m_env.account();
    account.imap.host = u"localhost"_s;
    account.imap.port = server.port();
    ImapConnection connection(account, trust(), nullptr);
    const auto error = connection.open(m_env.password);

    QVERIFY(error);
    QCOMPARE(error->kind, ServiceError::Kind::Certificate);
    QVERIFY(error->tlsFailure);
    const auto &errors = error->tlsFailure->errors;
    QVERIFY2(std::any_of(errors.cbegin(), errors.cend(),
                         [&](const QSslError &e) { return e.error() == expectedError; }),
             qPrintable(error->technical));
    QCOMPARE(error->tlsFailure->leafSha256Fingerprint().size(), 32 * 3 - 1);
    QVERIFY(error->message.contains(u"before any password"_s));
    QVERIFY(!server.handshakeCompleted());
    QCOMPARE(server.received(), QByteArray()); // not a byte of IMAP, let alone LOGIN
}

void TestImapConnection::pinnedCertificateIsAcceptedOnlyForItsHostAndPort()
{
    ScriptedServer server(
        [](ScriptedConnection &c) { serveMinimalImap(c, "* OK ready\r\n"); },
        ScriptedServer::TlsIdentity{m_env.sslFile(u"rogue-cert.pem"_s), m_env.sslFile(u"rogue-key.pem"_s)});
    const QList<QSslCertificate> rogue = QSslCertificate::fromPath(m_env.sslFile(u"rogue-cert.pem"_s));
    QVERIFY(!rogue.isEmpty());
    Account account = m_env.account();
    account.imap.host = u"localhost"_s;
    account.imap.port = server.port();

    TlsTrust wrongPort = trust();
    wrongPort.pinnedCertificates = {TlsTrust::pinFor(u"localhost"_s, server.port() + 1, rogue.first())};
    ImapConnection refused(account, wrongPort, nullptr);
    const auto error = refused.open(m_env.password);
    QVERIFY(error);
    QCOMPARE(error->kind, ServiceError::Kind::Certificate);

    TlsTrust pinned = trust();
    pinned.pinnedCertificates = {TlsTrust::pinFor(u"LOCALHOST"_s, server.port(), rogue.first())};
    ImapConnection accepted(account, pinned, nullptr);
    const auto noError = accepted.open(m_env.password);
    QVERIFY2(!noError, noError ? qPrintable(noError->technical) : "");
    QVERIFY(accepted.isOpen());
}

void TestImapConnection::startTlsMissingIsRefusedNotDowngraded_data()
{
    QTest::addColumn<QByteArray>("greeting");
    QTest::addColumn<QByteArray>("startTlsReply");
    QTest::newRow("not offered") << QByteArray("* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] ready\r\n")
                                 << QByteArray();
    QTest::newRow("offered then refused") << QByteArray("* OK [CAPABILITY IMAP4rev1 STARTTLS] ready\r\n")
                                          << QByteArray("S2 BAD TLS unavailable\r\n");
    // Bytes after the OK arrive in clear and could be an attacker's (CVE-2011-0411 class).
    QTest::newRow("injected after OK") << QByteArray("* OK [CAPABILITY IMAP4rev1 STARTTLS] ready\r\n")
                                       << QByteArray("S2 OK go\r\n* OK [CAPABILITY IMAP4rev1] injected\r\n");
}

void TestImapConnection::startTlsMissingIsRefusedNotDowngraded()
{
    QFETCH(QByteArray, greeting);
    QFETCH(QByteArray, startTlsReply);
    ScriptedServer server([&](ScriptedConnection &c) {
        c.send(greeting);
        const QByteArray command = c.readLine();
        if (command.contains("STARTTLS") && !startTlsReply.isEmpty())
            c.send(startTlsReply);
        else if (!command.isEmpty())
            serveMinimalImap(c, {});
        c.readLine(500);
    });
    Account account = m_env.account();
    account.imap.host = u"localhost"_s;
    account.imap.port = server.port();
    account.imap.security = ConnectionSecurity::StartTls;
    ImapConnection connection(account, trust(), nullptr);
    const auto error = connection.open(m_env.password);
    QVERIFY(error);
    QCOMPARE(error->kind, ServiceError::Kind::TlsUnavailable);
    const QByteArray received = server.received().toUpper();
    QVERIFY2(!received.contains("LOGIN") && !received.contains("AUTHENTICATE"), received.constData());
    QVERIFY(!received.contains(m_env.password.toUtf8().toUpper()));
}

void TestImapConnection::startTlsWithUntrustedCertificateIsRefused()
{
    const QString chain = m_env.sslFile(u"rogue-cert.pem"_s);
    const QString key = m_env.sslFile(u"rogue-key.pem"_s);
    ScriptedServer server([&](ScriptedConnection &c) {
        c.send("* OK [CAPABILITY IMAP4rev1 STARTTLS] ready\r\n");
        if (c.readLine().contains("STARTTLS")) {
            c.send("S2 OK go\r\n");
            if (c.startTls(chain, key))
                serveMinimalImap(c, "* OK after tls\r\n");
        }
    });
    Account account = m_env.account();
    account.imap.host = u"localhost"_s;
    account.imap.port = server.port();
    account.imap.security = ConnectionSecurity::StartTls;
    ImapConnection connection(account, trust(), nullptr);
    const auto error = connection.open(m_env.password);
    QVERIFY(error);
    QCOMPARE(error->kind, ServiceError::Kind::Certificate);
    QCOMPARE(server.received(), QByteArray("S2 STARTTLS\r\n"));
}

void TestImapConnection::silentServerTimesOut()
{
    ScriptedServer server([](ScriptedConnection &c) { c.readLine(3000); },
                          ScriptedServer::TlsIdentity{chainFile(u"cert.pem"_s), m_env.sslFile(u"key.pem"_s)});
    Account account = m_env.account();
    account.imap.host = u"localhost"_s;
    account.imap.port = server.port();
    ImapConnection connection(account, trust(), nullptr, std::chrono::milliseconds(300));
    const auto error = connection.open(m_env.password);
    QVERIFY(error);
    QCOMPARE(error->kind, ServiceError::Kind::Timeout);
    QVERIFY(error->isTransient());
}

void TestImapConnection::cancellationStopsABlockedConnection()
{
    ScriptedServer server([](ScriptedConnection &c) { c.readLine(8000); },
                          ScriptedServer::TlsIdentity{chainFile(u"cert.pem"_s), m_env.sslFile(u"key.pem"_s)});
    Account account = m_env.account();
    account.imap.host = u"localhost"_s;
    account.imap.port = server.port();
    auto cancelled = std::make_shared<std::atomic<bool>>(false);
    std::optional<ServiceError> error;
    // The inactivity limit is far away: only cancellation can end this call early.
    std::thread worker([&] {
        ImapConnection connection(account, trust(), cancelled, std::chrono::minutes(5));
        error = connection.open(m_env.password);
    });
    QTest::qWait(300);
    cancelled->store(true);
    worker.join();
    QVERIFY(error);
    QCOMPARE(error->kind, ServiceError::Kind::Cancelled);
}

void TestImapConnection::internalDateBreaksVmimesParser()
{
    // VMime 0.9.2 reads "May-2025" as one atom and rejects the FETCH reply. The sync's FETCH
    // replies are read by ImapFetchParser, which reads the date; VMime's parser, still used for
    // other commands, is shown to fail on the same reply (if that changes, VMime was fixed).
    QFile fixture(QStringLiteral(AMIENS_SOURCE_DIR "/tests/data/imap/internaldate-month-atom.txt"));
    QVERIFY(fixture.open(QIODevice::ReadOnly));
    const QByteArray reply = fixture.readAll();
    ScriptedServer server(
        [&](ScriptedConnection &c) {
            serveMinimalImap(c, "* OK ready\r\n",
                             [&](const QByteArray &tag, const QByteArray &command, const QByteArray &line,
                                 ScriptedConnection &connection) {
                                 if (command != "UID" || !line.contains("FETCH"))
                                     return false;
                                 connection.send(reply + tag + " OK done\r\n");
                                 return true;
                             });
        },
        ScriptedServer::TlsIdentity{chainFile(u"cert.pem"_s), m_env.sslFile(u"key.pem"_s)});
    Account account = m_env.account();
    account.imap.port = server.port();
    ImapConnection connection(account, trust(), nullptr);
    QVERIFY(!connection.open(m_env.password));
    ImapCommandChannel channel(connection);
    channel.examine(u"INBOX"_s);
    QList<FetchedMessage> fetched;
    channel.fetch("7", "(UID INTERNALDATE FLAGS)",
                  [&](FetchedMessage &&message, QByteArray &&) { fetched.append(message); });
    QCOMPARE(fetched.size(), 1);
    QCOMPARE(fetched.first().uid, 7u);
    QCOMPARE(fetched.first().flags, QStringList{u"\\Seen"_s});
    QCOMPARE(fetched.first().internalDate, QDateTime(QDate(2025, 5, 22), QTime(4, 47, 3), Qt::UTC));
    QVERIFY_THROWS_EXCEPTION(vmime::exceptions::invalid_response,
                             channel.execute("UID FETCH 7 (UID INTERNALDATE FLAGS)"));
}

void TestImapConnection::unreadFetchReplyIsDroppedBeforeTheNextCommand()
{
    // The sync asks for the next batches before storing the current one (sendFetch, readFetch).
    // A caller that stops between the two steps must not leave that reply to the next command.
    MailServerControl server(m_env.user);
    QVERIFY(server.reset());
    QList<quint32> saved;
    for (int i = 0; i < 3; ++i)
        saved.append(server.save(u"INBOX"_s, MailServerControl::message(u"Lot %1"_s.arg(i))));
    ImapConnection connection(m_env.account(), trust(), nullptr);
    QVERIFY(!connection.open(m_env.password));
    ImapCommandChannel channel(connection);
    channel.examine(u"INBOX"_s);

    channel.sendFetch("1:*", "(UID FLAGS)");
    QCOMPARE(channel.searchUids("1:*"), saved);

    // A refused command left unread does not fail the next one either.
    channel.sendFetch("1:*", "(NOSUCHITEM)");
    QCOMPARE(channel.searchUids("1:*"), saved);

    // Several in flight are read in the order they went, a refusal reaching its own reader.
    channel.sendFetch("1:*", "(NOSUCHITEM)");
    channel.sendFetch("1:*", "(UID RFC822.SIZE)");
    QVERIFY_THROWS_EXCEPTION(vmime::exceptions::command_error,
                             channel.readFetch([](FetchedMessage &&, QByteArray &&) {}));
    QList<quint32> fetched;
    channel.readFetch([&](FetchedMessage &&message, QByteArray &&) {
        QVERIFY(message.size > 0);
        fetched.append(message.uid);
    });
    QCOMPARE(fetched, saved);
}

void TestImapConnection::aFoldersLastCommandsInOneWrite()
{
    // What a changed folder asks with its last batch, as the sync sends it: the bodies, the flag
    // changes, the expunge check (ESEARCH) and GETQUOTAROOT in one write. Dovecot answers the
    // quota, and may answer the others, before the bodies' tagged OK (scripted byte for byte in
    // tst_imapextensions); every reply reaches its own reader.
    MailServerControl server(m_env.user);
    QVERIFY(server.reset());
    QList<quint32> saved;
    const QString bulk = QString(u"Ligne du bulletin trimestriel, classe de 4e B.\n"_s).repeated(40000);
    for (int i = 0; i < 3; ++i)
        saved.append(server.save(u"INBOX"_s, MailServerControl::message(u"Bulletin %1"_s.arg(i), bulk)));
    ImapConnection connection(m_env.account(), trust(), nullptr);
    QVERIFY(!connection.open(m_env.password));
    ImapCommandChannel channel(connection);
    QVERIFY(channel.hasCapability("ESEARCH"));
    QVERIFY(channel.hasCapability("QUOTA"));
    const ImapCommandChannel::MailboxState state = channel.examine(u"INBOX"_s);
    QVERIFY(state.highestModSeq > 0);
    {
        const ImapCommandChannel::SendTogether together(channel);
        channel.sendFetch("1:*", "(UID BODY.PEEK[])");
        channel.sendFetch("1:*", "(UID FLAGS) (CHANGEDSINCE 1)");
        channel.sendUidSearch("1:*");
        QVERIFY(channel.sendQuotaRoot(u"INBOX"_s));
    }
    QList<qsizetype> sizes;
    channel.readFetch([&](FetchedMessage &&, QByteArray &&body) { sizes.append(body.size()); });
    QList<quint32> changed;
    channel.readFetch([&](FetchedMessage &&message, QByteArray &&) { changed.append(message.uid); });
    const QList<quint32> left = channel.readUidSearch();
    const auto roots = channel.readQuotaRoot();
    QCOMPARE(sizes.size(), 3);
    for (const qsizetype size : std::as_const(sizes))
        QVERIFY2(size > 1900000, qPrintable(QString::number(size)));
    std::sort(changed.begin(), changed.end());
    QCOMPARE(changed, saved);
    QCOMPARE(left, saved);
    QVERIFY(roots);
    QVERIFY(!roots->quotas.isEmpty());
    QVERIFY(roots->quotas.first().storage()->usage >= 3 * 1800); // KiB
    // The connection is in step for what follows.
    QCOMPARE(channel.searchUids("2:*"), saved.mid(1));
}

std::pair<std::optional<ServiceError>, ConnectionReport>
TestImapConnection::fetchFromHostileServer(const std::function<void(ScriptedConnection &)> &hostile)
{
    ScriptedServer server(
        [&](ScriptedConnection &c) {
            serveMinimalImap(c, "* OK ready\r\n",
                             [&](const QByteArray &, const QByteArray &command, const QByteArray &line,
                                 ScriptedConnection &connection) {
                                 if (command != "UID" || !line.contains("FETCH"))
                                     return false;
                                 hostile(connection);
                                 return true;
                             });
        },
        ScriptedServer::TlsIdentity{chainFile(u"cert.pem"_s), m_env.sslFile(u"key.pem"_s)});
    Account account = m_env.account();
    account.imap.port = server.port();
    ImapConnection connection(account, trust(), nullptr);
    if (const auto error = connection.open(m_env.password))
        return {error, connection.lastConnectionReport()};
    ImapCommandChannel channel(connection);
    channel.examine(u"INBOX"_s);
    std::optional<ServiceError> error;
    try {
        channel.fetch("7", "(UID BODY.PEEK[])", [](FetchedMessage &&, QByteArray &&) {});
    } catch (...) {
        error = connection.translate(std::current_exception());
    }
    // The client gave up: the connection is closed, not left for the next command.
    if (error && connection.isOpen())
        error->technical += u" [connection still open]"_s;
    return {error, connection.lastConnectionReport()};
}

void TestImapConnection::hugeLiteralIsRefusedAtItsAnnouncement()
{
    // A FETCH announcing a 4 GB literal, whose bytes then trickle in: VMime 0.9.2 would buffer
    // them for as long as the server keeps sending. The announcement alone is refused.
    const auto [error, report] = fetchFromHostileServer([](ScriptedConnection &c) {
        c.send("* 1 FETCH (UID 7 BODY[] {4000000000}\r\n");
        const QByteArray chunk(16 * 1024, 'x');
        // At most 6.4 MB, then the server gives up; send() waits until each chunk is taken, so
        // the loop stops as soon as the client has closed.
        for (int i = 0; i < 400 && c.isOpen(); ++i)
            c.send(chunk);
    });
    QVERIFY(error);
    QVERIFY2(error->message.contains(u"sent an oversized reply (a block of"_s), qPrintable(error->message));
    QVERIFY2(error->message.contains(u"the connection was closed"_s), qPrintable(error->message));
    QVERIFY2(error->technical.contains(u"literal of 4000000000 bytes"_s), qPrintable(error->technical));
    QCOMPARE(error->kind, ServiceError::Kind::Protocol);
    QCOMPARE(report.oversizedLiteral, Q_INT64_C(4000000000));
    // Nothing of the literal reached VMime beyond the read (64 KiB) that carried its announcement.
    QVERIFY2(report.bytesReceived < 128 * 1024, qPrintable(QString::number(report.bytesReceived)));
}

void TestImapConnection::endlessLineIsRefusedAtTheBound()
{
    // A line that never ends (24 MB without a line feed, then the server gives up).
    const auto [error, report] = fetchFromHostileServer([](ScriptedConnection &c) {
        c.send("* 1 FETCH (UID 7 ENVELOPE (\"");
        const QByteArray chunk(64 * 1024, 'x');
        for (int i = 0; i < 384 && c.isOpen(); ++i)
            c.send(chunk);
    });
    QVERIFY(error);
    QVERIFY2(error->message.contains(u"sent an oversized reply (a line longer than"_s),
             qPrintable(error->message));
    QVERIFY2(error->technical.contains(u"line of more than"_s), qPrintable(error->technical));
    QCOMPARE(error->kind, ServiceError::Kind::Protocol);
    QCOMPARE(report.oversizedLiteral, Q_INT64_C(0));
    // VMime got the bound's worth of the line plus at most one read (64 KiB) and the login.
    QVERIFY2(report.bytesReceived > ImapStreamGuard::kMaxLineBytes,
             qPrintable(QString::number(report.bytesReceived)));
    QVERIFY2(report.bytesReceived < ImapStreamGuard::kMaxLineBytes + 128 * 1024,
             qPrintable(QString::number(report.bytesReceived)));
}

QTEST_GUILESS_MAIN(TestImapConnection)
#include "tst_imapconnection.moc"
