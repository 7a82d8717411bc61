// Which authorities a connection trusts, and when a failed verification may still pass: only the
// system store may rescue a chain the account's own authorities could not place, never any
// other error, and pins stay exact.
#include "net/TlsTrust.h"

#include <QDir>
#include <QSslCertificate>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Amiens;

class TestTlsTrust : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void systemStoreIsLeftToOnDemandLoading();
    void extraAuthoritiesReplaceTheListNotTheChecks();
    void onlyUnknownIssuersAreRetriedAgainstTheSystem();
    void pinsAreExact();

private:
    QSslCertificate m_root; ///< any system root: a chain that names no server
};

void TestTlsTrust::initTestCase()
{
    const QStringList files = QDir(u"/etc/ssl/certs"_s).entryList({u"*.pem"_s}, QDir::Files);
    if (files.isEmpty())
        QSKIP("no system certificate in /etc/ssl/certs (package ca-certificates)");
    const auto certificates = QSslCertificate::fromPath(u"/etc/ssl/certs/"_s + files.first());
    QVERIFY(!certificates.isEmpty());
    m_root = certificates.first();
}

void TestTlsTrust::systemStoreIsLeftToOnDemandLoading()
{
    // Setting any list would make Qt read all ~140 system roots at every connection (~0.2 s).
    const QSslConfiguration configuration = TlsTrust().sslConfiguration();
    QVERIFY(configuration.caCertificates().isEmpty());
    QCOMPARE(configuration.peerVerifyMode(), QSslSocket::VerifyPeer);
    QCOMPARE(configuration.protocol(), QSsl::TlsV1_2OrLater);
}

void TestTlsTrust::extraAuthoritiesReplaceTheListNotTheChecks()
{
    TlsTrust trust;
    trust.extraAuthorities = {m_root};
    const QSslConfiguration configuration = trust.sslConfiguration();
    QCOMPARE(configuration.caCertificates(), QList<QSslCertificate>{m_root});
    QCOMPARE(configuration.peerVerifyMode(), QSslSocket::VerifyPeer);

    TlsTrust none;
    none.useSystemAuthorities = false;
    QVERIFY(none.sslConfiguration().caCertificates().isEmpty());
    QVERIFY(!none.acceptsDespite(u"imap.ac-amiens.fr"_s, 993, {m_root},
                                 {QSslError(QSslError::UnableToGetLocalIssuerCertificate, m_root)}));
}

void TestTlsTrust::onlyUnknownIssuersAreRetriedAgainstTheSystem()
{
    TlsTrust withExtra;
    withExtra.extraAuthorities = {m_root};
    const QString host = u"imap.ac-amiens.fr"_s;
    // Other errors are final, whatever the system store says.
    for (const auto error : {QSslError::HostNameMismatch, QSslError::CertificateExpired,
                             QSslError::CertificateRevoked, QSslError::SelfSignedCertificate}) {
        QVERIFY(!withExtra.acceptsDespite(host, 993, {m_root}, {QSslError(error, m_root)}));
    }
    // An unknown issuer is checked against the system store, host name included: a system root
    // does not name the server, so it is still refused.
    QVERIFY(!withExtra.acceptsDespite(host, 993, {m_root},
                                      {QSslError(QSslError::UnableToGetLocalIssuerCertificate, m_root)}));
    // Without extra authorities the system store was already used: nothing to retry.
    QVERIFY(!TlsTrust().acceptsDespite(host, 993, {m_root},
                                       {QSslError(QSslError::UnableToGetLocalIssuerCertificate, m_root)}));
    QVERIFY(!withExtra.acceptsDespite(host, 993, {m_root}, {}));
    QVERIFY(!withExtra.acceptsDespite(host, 993, {}, {QSslError(QSslError::HostNameMismatch)}));
}

void TestTlsTrust::pinsAreExact()
{
    TlsTrust trust;
    trust.pinnedCertificates = {TlsTrust::pinFor(u"imap.example.org"_s, 993, m_root)};
    const QList<QSslError> errors{QSslError(QSslError::SelfSignedCertificate, m_root)};
    QVERIFY(trust.acceptsDespite(u"imap.example.org"_s, 993, {m_root}, errors));
    QVERIFY(trust.acceptsDespite(u"IMAP.example.org"_s, 993, {m_root}, errors));
    QVERIFY(!trust.acceptsDespite(u"imap.example.org"_s, 143, {m_root}, errors));
    QVERIFY(!trust.acceptsDespite(u"smtp.example.org"_s, 993, {m_root}, errors));
}

QTEST_GUILESS_MAIN(TestTlsTrust)
#include "tst_tlstrust.moc"
