// Sending as the right person (issue 18): a reply goes out from the address the message reached,
// and a functional mailbox's answer never shows the personal address of whoever writes it.
#include "identity/SenderIdentity.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Amiens;

namespace {

Account personal()
{
    Account account;
    account.id = u"mdupont@ac-amiens.fr"_s;
    account.address = u"mdupont@ac-amiens.fr"_s;
    account.realName = u"Marie Dupont"_s;
    account.aliases = {u"marie.dupont@ac-amiens.fr"_s};
    return account;
}

Account functional()
{
    Account account;
    account.id = u"ce.0801234x@ac-amiens.fr"_s;
    account.address = u"ce.0801234x@ac-amiens.fr"_s;
    account.realName = u"Collège Jules Verne"_s;
    account.kind = MailboxKind::Functional;
    account.aliases = {u"secretariat.jules-verne@ac-amiens.fr"_s};
    return account;
}

MessageHeaders sentTo(const QStringList &to, const QStringList &cc = {})
{
    MessageHeaders headers;
    headers.from = {u"Élodie Lefèvre"_s, u"elodie.lefevre@ac-amiens.fr"_s};
    for (const QString &address : to)
        headers.to.append({QString(), address});
    for (const QString &address : cc)
        headers.cc.append({QString(), address});
    return headers;
}

} // namespace

class TestSenderIdentity : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyAddressOfEveryAccountIsOffered();
    void replyComesFromTheAddressTheMessageReached_data();
    void replyComesFromTheAddressTheMessageReached();
    void functionalMailboxNeverAnswersAsAPerson();
    void deliveryHeadersAreReadFromTheHeaderOnly();
    void hugeHeadersAreNotScannedWhole();
};

void TestSenderIdentity::everyAddressOfEveryAccountIsOffered()
{
    const QList<SenderIdentity> identities = SenderIdentity::all({personal(), functional()});
    QCOMPARE(identities.size(), 4);
    QCOMPARE(identities.at(0).from(), (MailAddress{u"Marie Dupont"_s, u"mdupont@ac-amiens.fr"_s}));
    QCOMPARE(identities.at(1).from().address, u"marie.dupont@ac-amiens.fr"_s);
    QCOMPARE(identities.at(2), SenderIdentity(u"ce.0801234x@ac-amiens.fr"_s,
                                              {u"Collège Jules Verne"_s, u"ce.0801234x@ac-amiens.fr"_s}));
    QCOMPARE(identities.at(3).accountId(), u"ce.0801234x@ac-amiens.fr"_s);
}

void TestSenderIdentity::replyComesFromTheAddressTheMessageReached_data()
{
    QTest::addColumn<QStringList>("to");
    QTest::addColumn<QStringList>("cc");
    QTest::addColumn<QStringList>("deliveredTo");
    QTest::addColumn<QString>("expected");

    QTest::newRow("to the address") << QStringList{u"mdupont@ac-amiens.fr"_s} << QStringList{}
                                    << QStringList{} << u"mdupont@ac-amiens.fr"_s;
    QTest::newRow("to the alias") << QStringList{u"marie.dupont@ac-amiens.fr"_s} << QStringList{}
                                  << QStringList{} << u"marie.dupont@ac-amiens.fr"_s;
    QTest::newRow("alias in other case, account's spelling")
        << QStringList{u"Marie.Dupont@AC-AMIENS.FR"_s} << QStringList{} << QStringList{}
        << u"marie.dupont@ac-amiens.fr"_s;
    QTest::newRow("in Cc") << QStringList{u"conseil@ac-amiens.fr"_s}
                           << QStringList{u"marie.dupont@ac-amiens.fr"_s} << QStringList{}
                           << u"marie.dupont@ac-amiens.fr"_s;
    QTest::newRow("To before Cc") << QStringList{u"mdupont@ac-amiens.fr"_s}
                                  << QStringList{u"marie.dupont@ac-amiens.fr"_s} << QStringList{}
                                  << u"mdupont@ac-amiens.fr"_s;
    QTest::newRow("Bcc, alias from delivery headers")
        << QStringList{u"liste-profs@ac-amiens.fr"_s} << QStringList{}
        << QStringList{u"marie.dupont@ac-amiens.fr"_s, u"mdupont@ac-amiens.fr"_s}
        << u"marie.dupont@ac-amiens.fr"_s;
    QTest::newRow("nothing matches: the account's address")
        << QStringList{u"undisclosed-recipients:;"_s} << QStringList{} << QStringList{}
        << u"mdupont@ac-amiens.fr"_s;
    QTest::newRow("look-alike is not an alias")
        << QStringList{u"marie.dupont@ac-amiens.fr.evil.example"_s} << QStringList{} << QStringList{}
        << u"mdupont@ac-amiens.fr"_s;
}

void TestSenderIdentity::replyComesFromTheAddressTheMessageReached()
{
    QFETCH(QStringList, to);
    QFETCH(QStringList, cc);
    QFETCH(QStringList, deliveredTo);
    QFETCH(QString, expected);
    const SenderIdentity identity = SenderIdentity::forReply(personal(), sentTo(to, cc), deliveredTo);
    QCOMPARE(identity.accountId(), u"mdupont@ac-amiens.fr"_s);
    QCOMPARE(identity.from().address, expected);
    QCOMPARE(identity.from().name, u"Marie Dupont"_s);
}

void TestSenderIdentity::functionalMailboxNeverAnswersAsAPerson()
{
    // A parent writes to the head of school and the school's box together: answered from the
    // school's box, the reply comes from it, never from the head's own address.
    const SenderIdentity identity = SenderIdentity::forReply(
        functional(), sentTo({u"mdupont@ac-amiens.fr"_s}, {u"ce.0801234x@ac-amiens.fr"_s}));
    QCOMPARE(identity.from(), (MailAddress{u"Collège Jules Verne"_s, u"ce.0801234x@ac-amiens.fr"_s}));
    // Even when only the personal address is named (a forward by a rule), the box answers as itself.
    const SenderIdentity forwarded =
        SenderIdentity::forReply(functional(), sentTo({u"marie.dupont@ac-amiens.fr"_s}));
    QCOMPARE(forwarded.from().address, u"ce.0801234x@ac-amiens.fr"_s);
    QVERIFY(forwarded.isValid());
}

void TestSenderIdentity::deliveryHeadersAreReadFromTheHeaderOnly()
{
    // As Postfix (X-Original-To) and Dovecot's LMTP (Delivered-To) write them; the body quotes
    // another message's headers, which must not count.
    const QByteArray raw = "Return-Path: <elodie.lefevre@ac-amiens.fr>\r\n"
                           "Delivered-To: mdupont@ac-amiens.fr\r\n"
                           "X-Original-To:\r\n"
                           "\t<Marie.Dupont@ac-amiens.fr>\r\n"
                           "Subject: Conseil de classe\r\n"
                           "\r\n"
                           "> Delivered-To: ce.0801234x@ac-amiens.fr\r\n";
    QCOMPARE(SenderIdentity::deliveredTo(raw),
             (QStringList{u"Marie.Dupont@ac-amiens.fr"_s, u"mdupont@ac-amiens.fr"_s}));
    QCOMPARE(SenderIdentity::deliveredTo("Subject: x\n\nDelivered-To: a@b.fr\n"), QStringList{});
    QCOMPARE(SenderIdentity::deliveredTo("Delivered-To: not an address\n\n"), QStringList{});
    QCOMPARE(SenderIdentity::deliveredTo(QByteArray()), QStringList{});
}

void TestSenderIdentity::hugeHeadersAreNotScannedWhole()
{
    QByteArray raw =
        "X-Junk: " + QByteArray(8 * 1024 * 1024, 'a') + "\r\nDelivered-To: late@ac-amiens.fr\r\n\r\n";
    QCOMPARE(SenderIdentity::deliveredTo(raw), QStringList{});
    raw = "Delivered-To: early@ac-amiens.fr\r\n" + QByteArray(200000, '\n');
    QCOMPARE(SenderIdentity::deliveredTo(raw), QStringList{u"early@ac-amiens.fr"_s});
}

QTEST_GUILESS_MAIN(TestSenderIdentity)
#include "tst_senderidentity.moc"
