// SASL SCRAM (RFC 5802, RFC 7677) on the RFCs' own test vectors, and the server answers a
// client must refuse: a nonce that is not ours, too few iterations, a wrong server signature.
#include "sasl/ScramAuthenticator.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Amiens;

namespace {

using Hash = ScramAuthenticator::Hash;
using Error = ScramAuthenticator::Error;

// RFC 7677 §3.
const QByteArray kNonce256 = "rOprNGfwEbeRWgbNEkqO";
const QByteArray kServerFirst256 =
    "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096";
const QByteArray kClientFinal256 = "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
                                   "p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=";
const QByteArray kServerFinal256 = "v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=";

// RFC 5802 §5.
const QByteArray kNonce1 = "fyko+d2lbbFgONRv9qkxdawL";
const QByteArray kServerFirst1 = "r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096";
const QByteArray kClientFinal1 =
    "c=biws,r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,p=v0X8v3Bz2T0CJGbJQyF0X+HI4Ts=";
const QByteArray kServerFinal1 = "v=rmF9pqV8S7suAoZWja4dJRkFsKQ=";

} // namespace

class TestScram : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rfcTestVectors_data();
    void rfcTestVectors();
    void freshNoncesDiffer();
    void usernameIsEscaped();
    void mechanismNames();
    void refusedServerFirst_data();
    void refusedServerFirst();
    void refusedServerFinal_data();
    void refusedServerFinal();
    void stepsOutOfOrderFail();
};

void TestScram::rfcTestVectors_data()
{
    QTest::addColumn<Hash>("hash");
    QTest::addColumn<QByteArray>("nonce");
    QTest::addColumn<QByteArray>("serverFirst");
    QTest::addColumn<QByteArray>("clientFinal");
    QTest::addColumn<QByteArray>("serverFinal");
    QTest::newRow("RFC 7677 SCRAM-SHA-256")
        << Hash::Sha256 << kNonce256 << kServerFirst256 << kClientFinal256 << kServerFinal256;
    QTest::newRow("RFC 5802 SCRAM-SHA-1")
        << Hash::Sha1 << kNonce1 << kServerFirst1 << kClientFinal1 << kServerFinal1;
}

void TestScram::rfcTestVectors()
{
    QFETCH(Hash, hash);
    QFETCH(QByteArray, nonce);
    QFETCH(QByteArray, serverFirst);
    QFETCH(QByteArray, clientFinal);
    QFETCH(QByteArray, serverFinal);
    ScramAuthenticator scram(hash, u"user"_s, u"pencil"_s, nonce);
    QCOMPARE(scram.clientFirst(), "n,,n=user,r=" + nonce);
    const auto final = scram.clientFinal(serverFirst);
    QVERIFY2(final, qPrintable(scram.technical()));
    QCOMPARE(*final, clientFinal);
    QVERIFY(!scram.isComplete());
    QVERIFY2(scram.verifyServerFinal(serverFinal), qPrintable(scram.technical()));
    QVERIFY(scram.isComplete());
    QCOMPARE(scram.error(), Error::None);
}

void TestScram::freshNoncesDiffer()
{
    ScramAuthenticator a(Hash::Sha256, u"user"_s, u"pencil"_s);
    ScramAuthenticator b(Hash::Sha256, u"user"_s, u"pencil"_s);
    const QByteArray first = a.clientFirst();
    QVERIFY(first.startsWith("n,,n=user,r="));
    const QByteArray nonce = first.mid(12);
    QVERIFY(nonce.size() >= 24);
    QVERIFY(!nonce.contains(','));
    QVERIFY(first != b.clientFirst());
}

void TestScram::usernameIsEscaped()
{
    QCOMPARE(ScramAuthenticator::escapeUsername(u"a,b=c"_s), QByteArray("a=2Cb=3Dc"));
    ScramAuthenticator scram(Hash::Sha256, u"dupont,m=x"_s, u"pencil"_s, "abc");
    QCOMPARE(scram.clientFirst(), QByteArray("n,,n=dupont=2Cm=3Dx,r=abc"));
    QCOMPARE(ScramAuthenticator::escapeUsername(u"hélène"_s), u"hélène"_s.toUtf8());
}

void TestScram::mechanismNames()
{
    QCOMPARE(ScramAuthenticator::hashForMechanism(u"scram-sha-256"_s), std::optional(Hash::Sha256));
    QCOMPARE(ScramAuthenticator::hashForMechanism(u"SCRAM-SHA-1"_s), std::optional(Hash::Sha1));
    QVERIFY(!ScramAuthenticator::hashForMechanism(u"SCRAM-SHA-256-PLUS"_s));
    QVERIFY(!ScramAuthenticator::hashForMechanism(u"PLAIN"_s));
    QCOMPARE(ScramAuthenticator::mechanismName(Hash::Sha256), u"SCRAM-SHA-256"_s);
}

void TestScram::refusedServerFirst_data()
{
    QTest::addColumn<QByteArray>("serverFirst");
    QTest::addColumn<Error>("error");
    const QByteArray salt = ",s=W22ZaJ0SNY7soEsUEjb6gQ==";
    QTest::newRow("nonce of another exchange")
        << QByteArray("r=XXXXNGfwEbeRWgbNEkqOabc" + salt + ",i=4096") << Error::NonceMismatch;
    QTest::newRow("nonce not extended")
        << QByteArray("r=" + kNonce256 + salt + ",i=4096") << Error::NonceMismatch;
    QTest::newRow("nonce truncated") << QByteArray("r=rOprNGfw" + salt + ",i=4096") << Error::NonceMismatch;
    QTest::newRow("iterations 4095") << QByteArray("r=" + kNonce256 + "srv" + salt + ",i=4095")
                                     << Error::WeakIterationCount;
    QTest::newRow("iterations 1") << QByteArray("r=" + kNonce256 + "srv" + salt + ",i=1")
                                  << Error::WeakIterationCount;
    QTest::newRow("iterations absurd")
        << QByteArray("r=" + kNonce256 + "srv" + salt + ",i=2000000000") << Error::ExcessiveIterationCount;
    QTest::newRow("iterations 0") << QByteArray("r=" + kNonce256 + "srv" + salt + ",i=0")
                                  << Error::MalformedServerFirst;
    QTest::newRow("iterations negative")
        << QByteArray("r=" + kNonce256 + "srv" + salt + ",i=-4096") << Error::MalformedServerFirst;
    QTest::newRow("iterations not a number")
        << QByteArray("r=" + kNonce256 + "srv" + salt + ",i=4096x") << Error::MalformedServerFirst;
    QTest::newRow("no iterations") << QByteArray("r=" + kNonce256 + "srv" + salt)
                                   << Error::MalformedServerFirst;
    QTest::newRow("salt not base64") << QByteArray("r=" + kNonce256 + "srv,s=%%%,i=4096")
                                     << Error::MalformedServerFirst;
    QTest::newRow("empty salt") << QByteArray("r=" + kNonce256 + "srv,s=,i=4096")
                                << Error::MalformedServerFirst;
    QTest::newRow("wrong order") << QByteArray("s=W22ZaJ0SNY7soEsUEjb6gQ==,r=" + kNonce256 + "srv,i=4096")
                                 << Error::MalformedServerFirst;
    QTest::newRow("mandatory extension")
        << QByteArray("m=ext,r=" + kNonce256 + "srv" + salt + ",i=4096") << Error::MalformedServerFirst;
    QTest::newRow("empty") << QByteArray() << Error::MalformedServerFirst;
    QTest::newRow("garbage") << QByteArray("hello") << Error::MalformedServerFirst;
}

void TestScram::refusedServerFirst()
{
    QFETCH(QByteArray, serverFirst);
    QFETCH(Error, error);
    ScramAuthenticator scram(Hash::Sha256, u"user"_s, u"pencil"_s, kNonce256);
    (void)scram.clientFirst();
    QVERIFY(!scram.clientFinal(serverFirst));
    QCOMPARE(scram.error(), error);
    QVERIFY(!scram.technical().isEmpty());
    QVERIFY(!scram.technical().contains(u"pencil"_s));
    // Nothing can rescue the exchange afterwards.
    QVERIFY(!scram.verifyServerFinal(kServerFinal256));
    QVERIFY(!scram.isComplete());
}

void TestScram::refusedServerFinal_data()
{
    QTest::addColumn<QByteArray>("serverFinal");
    QTest::addColumn<Error>("error");
    // The RFC 5802 (SHA-1) signature, valid base64 but not this exchange's.
    QTest::newRow("signature of another exchange") << kServerFinal1 << Error::ServerSignatureMismatch;
    QByteArray flipped = QByteArray::fromBase64(kServerFinal256.mid(2));
    flipped[5] = static_cast<char>(flipped[5] ^ 1);
    QTest::newRow("one bit flipped") << QByteArray("v=" + flipped.toBase64())
                                     << Error::ServerSignatureMismatch;
    // Still base64 (unpadded), but too short to be the signature.
    QTest::newRow("truncated") << kServerFinal256.left(20) << Error::ServerSignatureMismatch;
    QTest::newRow("not base64") << QByteArray("v=%%%%") << Error::MalformedServerFinal;
    QTest::newRow("missing") << QByteArray() << Error::MalformedServerFinal;
    QTest::newRow("no verifier") << QByteArray("x=abc") << Error::MalformedServerFinal;
    QTest::newRow("server error") << QByteArray("e=invalid-proof") << Error::ServerError;
}

void TestScram::refusedServerFinal()
{
    QFETCH(QByteArray, serverFinal);
    QFETCH(Error, error);
    ScramAuthenticator scram(Hash::Sha256, u"user"_s, u"pencil"_s, kNonce256);
    (void)scram.clientFirst();
    QVERIFY(scram.clientFinal(kServerFirst256));
    QVERIFY(!scram.verifyServerFinal(serverFinal));
    QCOMPARE(scram.error(), error);
    QVERIFY(!scram.isComplete());
    // The right signature, too late: the exchange stays failed.
    QVERIFY(!scram.verifyServerFinal(kServerFinal256));
    QVERIFY(!scram.isComplete());
}

void TestScram::stepsOutOfOrderFail()
{
    ScramAuthenticator early(Hash::Sha256, u"user"_s, u"pencil"_s, kNonce256);
    QVERIFY(!early.verifyServerFinal(kServerFinal256));
    QCOMPARE(early.error(), Error::OutOfOrder);

    ScramAuthenticator noFirst(Hash::Sha256, u"user"_s, u"pencil"_s, kNonce256);
    QVERIFY(!noFirst.clientFinal(kServerFirst256));
    QCOMPARE(noFirst.error(), Error::OutOfOrder);
}

QTEST_MAIN(TestScram)
#include "tst_scram.moc"
