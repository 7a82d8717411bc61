// The SMTP login check on VMime's transport over our Qt TLS socket, against the real Postfix.
#include "TestEnvironment.h"
#include "net/TlsTrust.h"
#include "smtp/SmtpConnection.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Amiens;
using namespace Amiens::Test;

class TestSmtpConnection : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void loginOverImplicitTls();
    void loginOverStartTls();
    void wrongPasswordIsAnAuthenticationError();
    void untrustedCertificateStopsBeforeLogin();

private:
    [[nodiscard]] TlsTrust trust(const Account &account) const;
    TestEnvironment m_env;
};

void TestSmtpConnection::initTestCase()
{
    m_env = TestEnvironment::fromEnvironment();
    AMIENS_REQUIRE_SERVERS(m_env);
}

TlsTrust TestSmtpConnection::trust(const Account &account) const
{
    QString error;
    const auto trust = TlsTrust::forAccount(account, &error);
    if (!trust)
        qFatal("%s", qPrintable(error));
    return *trust;
}

void TestSmtpConnection::loginOverImplicitTls()
{
    const Account account = m_env.account();
    SmtpConnection smtp(account, trust(account));
    const auto error = smtp.open(m_env.password);
    QVERIFY2(!error, error ? qPrintable(error->message + u" / "_s + error->technical) : "");
    QVERIFY(smtp.isOpen());
    const ConnectionReport report = smtp.lastConnectionReport();
    QVERIFY(report.encrypted);
    QVERIFY(report.tlsDescription.startsWith(u"TLS 1."_s));
    smtp.close();
    QVERIFY(!smtp.isOpen());
}

void TestSmtpConnection::loginOverStartTls()
{
    Account account = m_env.account();
    account.smtp.port = m_env.submissionPort;
    account.smtp.security = ConnectionSecurity::StartTls;
    SmtpConnection smtp(account, trust(account));
    const auto error = smtp.checkLogin(m_env.password);
    QVERIFY2(!error, error ? qPrintable(error->message + u" / "_s + error->technical) : "");
    QVERIFY(smtp.lastConnectionReport().encrypted);
}

void TestSmtpConnection::wrongPasswordIsAnAuthenticationError()
{
    const Account account = m_env.account();
    SmtpConnection smtp(account, trust(account));
    const auto error = smtp.checkLogin(u"faux"_s);
    QVERIFY(error);
    QCOMPARE(error->kind, ServiceError::Kind::Authentication);
    QVERIFY(!error->message.contains(u"faux"_s));
    QVERIFY(!error->technical.contains(u"faux"_s));
}

void TestSmtpConnection::untrustedCertificateStopsBeforeLogin()
{
    Account account = m_env.account();
    account.caFile.clear(); // the test CA is not trusted
    SmtpConnection smtp(account, trust(account));
    const auto error = smtp.checkLogin(m_env.password);
    QVERIFY(error);
    QCOMPARE(error->kind, ServiceError::Kind::Certificate);
    QVERIFY(error->tlsFailure);
    QCOMPARE(error->tlsFailure->port, m_env.smtpsPort);
    QVERIFY(!error->tlsFailure->leafSha256Fingerprint().isEmpty());
}

QTEST_GUILESS_MAIN(TestSmtpConnection)
#include "tst_smtpconnection.moc"
