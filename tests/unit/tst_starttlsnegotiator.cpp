#include "net/StartTlsNegotiator.h"

#include <QList>
#include <QTest>
#include <stdexcept>

using namespace Qt::StringLiterals;
using namespace Amiens;
using Failure = ConnectionReport::Failure;

namespace {

/// Plays a server's lines and records what the client wrote.
struct ScriptedPeer
{
    ScriptedPeer(std::initializer_list<QByteArray> lines)
        : serverLines(lines)
    {
    }

    QList<QByteArray> serverLines;
    QByteArray written;

    StartTlsNegotiator::ReadLine reader()
    {
        return [this] {
            if (serverLines.isEmpty())
                throw std::runtime_error("connection closed");
            return serverLines.takeFirst();
        };
    }
    StartTlsNegotiator::WriteLine writer()
    {
        return [this](const QByteArray &line) {
            written += line;
        };
    }
};

} // namespace

class TestStartTlsNegotiator : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void imapWithCapabilitiesInGreeting();
    void imapAsksForCapabilities();
    void imapWithoutStartTlsIsRefused();
    void imapStartTlsRejected();
    void imapPreauthIsRefused();
    void imapByeGreeting();
    void smtpHappyPath();
    void smtpWithoutStartTlsIsRefused();
    void smtpStartTlsRejected();
};

void TestStartTlsNegotiator::imapWithCapabilitiesInGreeting()
{
    ScriptedPeer peer{{"* OK [CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED] Dovecot ready.\r\n",
                       "S2 OK Begin TLS negotiation now.\r\n"}};
    const auto outcome = StartTlsNegotiator::negotiateImap(peer.reader(), peer.writer());
    QVERIFY2(outcome.ok(), qPrintable(outcome.detail));
    QCOMPARE(peer.written, QByteArray("S2 STARTTLS\r\n"));
    // VMime must ask for capabilities again over TLS, so the replayed greeting carries none.
    QVERIFY(outcome.replayGreeting.startsWith("* OK "));
    QVERIFY(!outcome.replayGreeting.contains("CAPABILITY"));
}

void TestStartTlsNegotiator::imapAsksForCapabilities()
{
    ScriptedPeer peer{{"* OK ready\r\n", "* CAPABILITY IMAP4rev1 starttls AUTH=PLAIN\r\n", "S1 OK done\r\n",
                       "S2 OK go\r\n"}};
    const auto outcome = StartTlsNegotiator::negotiateImap(peer.reader(), peer.writer());
    QVERIFY2(outcome.ok(), qPrintable(outcome.detail));
    QCOMPARE(peer.written, QByteArray("S1 CAPABILITY\r\nS2 STARTTLS\r\n"));
}

void TestStartTlsNegotiator::imapWithoutStartTlsIsRefused()
{
    ScriptedPeer peer{{"* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] ready\r\n"}};
    const auto outcome = StartTlsNegotiator::negotiateImap(peer.reader(), peer.writer());
    QCOMPARE(outcome.failure, Failure::StartTlsRefused);
    QVERIFY(peer.written.isEmpty()); // nothing, let alone a LOGIN, was sent
}

void TestStartTlsNegotiator::imapStartTlsRejected()
{
    ScriptedPeer peer{{"* OK [CAPABILITY IMAP4rev1 STARTTLS] ready\r\n", "S2 BAD not now\r\n"}};
    const auto outcome = StartTlsNegotiator::negotiateImap(peer.reader(), peer.writer());
    QCOMPARE(outcome.failure, Failure::StartTlsRefused);
    QVERIFY(!peer.written.contains("LOGIN"));
}

void TestStartTlsNegotiator::imapPreauthIsRefused()
{
    ScriptedPeer peer{{"* PREAUTH [CAPABILITY IMAP4rev1 STARTTLS] welcome\r\n"}};
    QCOMPARE(StartTlsNegotiator::negotiateImap(peer.reader(), peer.writer()).failure,
             Failure::StartTlsRefused);
}

void TestStartTlsNegotiator::imapByeGreeting()
{
    ScriptedPeer peer{{"* BYE maintenance\r\n"}};
    QCOMPARE(StartTlsNegotiator::negotiateImap(peer.reader(), peer.writer()).failure, Failure::Greeting);
}

void TestStartTlsNegotiator::smtpHappyPath()
{
    ScriptedPeer peer{{"220-smtp.ac-amiens.fr ESMTP\r\n", "220 ready\r\n", "250-smtp.ac-amiens.fr\r\n",
                       "250-PIPELINING\r\n", "250-STARTTLS\r\n", "250 8BITMIME\r\n",
                       "220 2.0.0 Ready to start TLS\r\n"}};
    const auto outcome = StartTlsNegotiator::negotiateSmtp(peer.reader(), peer.writer(), "[127.0.0.1]");
    QVERIFY2(outcome.ok(), qPrintable(outcome.detail));
    QCOMPARE(peer.written, QByteArray("EHLO [127.0.0.1]\r\nSTARTTLS\r\n"));
    QVERIFY(outcome.replayGreeting.startsWith("220 "));
}

void TestStartTlsNegotiator::smtpWithoutStartTlsIsRefused()
{
    ScriptedPeer peer{{"220 ready\r\n", "250-host\r\n", "250-AUTH PLAIN LOGIN\r\n", "250 SIZE 1000\r\n"}};
    const auto outcome = StartTlsNegotiator::negotiateSmtp(peer.reader(), peer.writer(), "[127.0.0.1]");
    QCOMPARE(outcome.failure, Failure::StartTlsRefused);
    QVERIFY(!peer.written.contains("AUTH"));
}

void TestStartTlsNegotiator::smtpStartTlsRejected()
{
    ScriptedPeer peer{
        {"220 ready\r\n", "250-host\r\n", "250 STARTTLS\r\n", "454 4.7.0 TLS not available\r\n"}};
    QCOMPARE(StartTlsNegotiator::negotiateSmtp(peer.reader(), peer.writer(), "[127.0.0.1]").failure,
             Failure::StartTlsRefused);
}

QTEST_GUILESS_MAIN(TestStartTlsNegotiator)
#include "tst_starttlsnegotiator.moc"
