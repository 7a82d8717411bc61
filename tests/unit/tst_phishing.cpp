// Phishing checks on decoded messages (issue 8's warnings), one case per row.
#include "security/PhishingAnalyzer.h"

#include <QTest>
#include <QUrl>

Q_DECLARE_METATYPE(Amiens::PhishingAnalyzer::Input)

using namespace Qt::StringLiterals;
using namespace Amiens;

namespace {

PhishingAnalyzer::Input message(const QString &fromName, const QString &fromAddress, const QString &subject,
                                const QString &text, const QString &html = {})
{
    PhishingAnalyzer::Input input;
    input.headers.from = {fromName, fromAddress};
    input.headers.subject = subject;
    input.text = text;
    input.html = html;
    return input;
}

QStringList codes(const QList<MessageWarning> &warnings)
{
    QStringList result;
    for (const MessageWarning &warning : warnings)
        result.append(warning.code);
    return result;
}

} // namespace

class TestPhishing : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void lookalikeDomains_data();
    void lookalikeDomains();
    void warnings_data();
    void warnings();
    void ownFoldersAreNeverFlagged();
    void replyToElsewhere();
};

void TestPhishing::lookalikeDomains_data()
{
    QTest::addColumn<QString>("domain");
    QTest::addColumn<bool>("lookalike");
    QTest::newRow("the academy") << u"ac-amiens.fr"_s << false;
    QTest::newRow("a school sub-domain") << u"clg-hortillonnages.ac-amiens.fr"_s << false;
    QTest::newRow("rn for m") << u"ac-arniens.fr"_s << true;
    QTest::newRow("l for i") << u"ac-amlens.fr"_s << true;
    QTest::newRow("trusted name as prefix") << u"ac-amiens.fr.example.com"_s << true;
    QTest::newRow("other tld") << u"ac-amiens.com"_s << true;
    QTest::newRow("cyrillic a, punycode") << u"xn--c-amiens-06g.fr"_s << true; // "аc-amiens.fr", Cyrillic а
    QTest::newRow("unrelated") << u"orange.fr"_s << false;
    QTest::newRow("another academy") << u"ac-lille.fr"_s << false;
}

void TestPhishing::lookalikeDomains()
{
    QFETCH(QString, domain);
    QFETCH(bool, lookalike);
    QCOMPARE(PhishingAnalyzer().isLookalikeDomain(domain), lookalike);
}

void TestPhishing::warnings_data()
{
    QTest::addColumn<PhishingAnalyzer::Input>("input");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<QStringList>("absent");
    QTest::newRow("colleague") << message(u"Élodie Lefèvre"_s, u"elodie.lefevre@ac-amiens.fr"_s, u"Conseil"_s,
                                          u"À lundi"_s)
                               << QStringList() << QStringList{u"external-sender"_s};
    QTest::newRow("parent") << message(u"Mme Dubois"_s, u"dubois.famille@orange.fr"_s, u"Absence"_s,
                                       u"Mon fils est malade"_s)
                            << QStringList{u"external-sender"_s}
                            << QStringList{u"display-name-impersonation"_s, u"credential-request"_s};
    QTest::newRow("fake support") << message(u"Support Messagerie Académie"_s,
                                             u"support@mail-service.example"_s, u"Votre boîte est pleine"_s,
                                             u"Cliquez pour vérifier votre compte"_s,
                                             u"<a href=\"http://bit.ly/x\">ici</a>"_s)
                                  << QStringList{u"external-sender"_s, u"display-name-impersonation"_s,
                                                 u"shortened-link"_s, u"credential-request"_s}
                                  << QStringList();
    QTest::newRow("lookalike sender")
        << message(u"Rectorat d'Amiens"_s, u"rectorat@ac-arniens.fr"_s, u"Note de service"_s,
                   u"Veuillez confirmer votre identité et votre NUMEN"_s)
        << QStringList{u"lookalike-domain"_s, u"credential-request"_s, u"display-name-impersonation"_s}
        << QStringList();
    QTest::newRow("deceptive link")
        << message(u"DSDEN 80"_s, u"dsden80@ac-amiens.fr"_s, u"Enquête"_s, u"Répondez"_s,
                   u"<p><a href=\"https://evil.example/login\">https://portail.ac-amiens.fr</a></p>"
                   "<form action=\"https://evil.example\"><input></form>"_s)
        << QStringList{u"deceptive-link"_s, u"form"_s} << QStringList{u"external-sender"_s};
    QTest::newRow("ip link") << message(u"x"_s, u"x@example.org"_s, u"Colis"_s, u"suivi"_s,
                                        u"<a href=\"http://203.0.113.7/suivi\">suivi</a>"_s)
                             << QStringList{u"ip-link"_s} << QStringList();
    QTest::newRow("honest link") << message(
                                        u"ENT"_s, u"ent@ac-amiens.fr"_s, u"Nouveautés"_s, u"Voir le site"_s,
                                        u"<a href=\"https://www.ac-amiens.fr/ent\">www.ac-amiens.fr</a>"_s)
                                 << QStringList() << QStringList{u"deceptive-link"_s, u"external-sender"_s};
    QTest::newRow("english phishing")
        << message(u"IT Service"_s, u"it@helpdesk.example"_s, u"Verify your account"_s,
                   u"Your password expires"_s)
        << QStringList{u"credential-request"_s, u"display-name-impersonation"_s} << QStringList();
}

void TestPhishing::warnings()
{
    QFETCH(PhishingAnalyzer::Input, input);
    QFETCH(QStringList, expected);
    QFETCH(QStringList, absent);
    const QList<MessageWarning> warnings = PhishingAnalyzer().analyse(input);
    const QStringList found = codes(warnings);
    for (const QString &code : expected)
        QVERIFY2(found.contains(code), qPrintable(code + u" missing from "_s + found.join(u',')));
    for (const QString &code : absent)
        QVERIFY2(!found.contains(code), qPrintable(code + u" unexpected in "_s + found.join(u',')));
    for (const MessageWarning &warning : warnings)
        QVERIFY(!warning.text.isEmpty());
}

void TestPhishing::ownFoldersAreNeverFlagged()
{
    PhishingAnalyzer::Input input =
        message(u"Support"_s, u"x@ac-arniens.fr"_s, u"mot de passe"_s, u"password"_s);
    input.ownFolder = true;
    QVERIFY(PhishingAnalyzer().analyse(input).isEmpty());
}

void TestPhishing::replyToElsewhere()
{
    PhishingAnalyzer::Input input =
        message(u"Rectorat"_s, u"rectorat@ac-amiens.fr"_s, u"Mise à jour"_s, u"Répondez"_s);
    input.headers.replyTo = {{QString(), u"rectorat.amiens@gmail.com"_s}};
    QVERIFY(codes(PhishingAnalyzer().analyse(input)).contains(u"reply-to-mismatch"_s));
    input.headers.replyTo = {{QString(), u"dsden80@ac-amiens.fr"_s}};
    QVERIFY(!codes(PhishingAnalyzer().analyse(input)).contains(u"reply-to-mismatch"_s));
}

QTEST_GUILESS_MAIN(TestPhishing)
#include "tst_phishing.moc"
