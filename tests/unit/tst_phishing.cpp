// Phishing checks on decoded messages (issue 8's warnings), one case per row, and the corpus of
// crafted messages in tests/data/phishing/ with the exact warnings each one must give.
#include "account/Profile.h"
#include "security/PhishingAnalyzer.h"
#include "security/SafeMessage.h"
#include "settings/PhishingSettings.h"
#include "settings/SitePolicy.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <algorithm>

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

const QString kCorpus = QStringLiteral(AMIENS_SOURCE_DIR "/tests/data/phishing/");

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return file.readAll();
}

/// The display names the cache knew with academy addresses when the corpus was written.
QStringList corpusColleagues()
{
    return QString::fromUtf8(readFile(kCorpus + u"colleagues.txt"_s)).split(u'\n', Qt::SkipEmptyParts);
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
    void corpus_data();
    void corpus();
    void corpusIsComplete();
    void attachmentCorpusPrecisionAndRecall();
    void knownColleaguesNeedAFullName();
    void trustedDomainsAreConfigurable();
    void linksAfterUnclosedAnchorsAreStillChecked();
    void sitePolicyAndUserSetting();
    void colleaguesFromTheCache();
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
    QTest::newRow("trusted name deep inside") << u"mail.ac-amiens.fr.secure-login.example"_s << true;
    QTest::newRow("cyrillic a, unicode") << u"webmail.аc-amiens.fr"_s << true;
    QTest::newRow("ministry homograph") << u"educatіon.gouv.fr"_s << true; // Ukrainian і
    QTest::newRow("a parent's provider") << u"laposte.net"_s << false;
    QTest::newRow("the city") << u"amiens.fr"_s << false;
    // Providers and local authorities the staff hear from every day: never look-alikes.
    for (const char *domain :
         {"free.fr", "sfr.fr", "wanadoo.fr", "orange.fr", "gmail.com", "outlook.fr", "yahoo.fr",
          "u-picardie.fr", "somme.fr", "oise.fr", "aisne.fr", "enthdf.fr", "education.fr",
          "index-education.com", "reseau-canope.fr", "cnrs.fr", "ac-lyon.fr", "ac-nice.fr"})
        QTest::newRow(domain) << QString::fromLatin1(domain) << false;
    QTest::newRow("trailing dot") << u"ac-amiens.fr."_s << false;
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

void TestPhishing::corpus_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<bool>("ownFolder");
    QTest::addColumn<QStringList>("expected");
    const QStringList lines = QString::fromUtf8(readFile(kCorpus + u"expected.tsv"_s)).split(u'\n');
    for (const QString &line : lines) {
        if (line.trimmed().isEmpty() || line.startsWith(u'#'))
            continue;
        const QStringList fields = line.split(u'\t');
        QVERIFY2(fields.size() == 3, qPrintable(line));
        QStringList expected = fields.at(2) == "-"_L1 ? QStringList() : fields.at(2).split(u',');
        expected.sort();
        const bool own = fields.at(1) == "sent"_L1 || fields.at(1) == "drafts"_L1;
        QTest::newRow(qPrintable(fields.at(0))) << fields.at(0) << own << expected;
    }
}

// The exact set: a missing warning is a miss, an extra one a false alarm.
void TestPhishing::corpus()
{
    QFETCH(QString, file);
    QFETCH(bool, ownFolder);
    QFETCH(QStringList, expected);
    const PhishingAnalyzer analyzer(PhishingAnalyzer::defaultTrustedDomains(), corpusColleagues());
    const SafeMessage shown = SafeMessage::fromRaw(readFile(kCorpus + file), analyzer, {false, ownFolder});
    QVERIFY2(!shown.content.headers.from.address.isEmpty(), "the fixture's From was not decoded");
    QStringList found = codes(shown.warnings);
    found.sort();
    QCOMPARE(found, expected);
    for (const MessageWarning &warning : shown.warnings)
        QVERIFY(!warning.text.isEmpty());
}

void TestPhishing::corpusIsComplete()
{
    // Every fixture is checked, and the corpus keeps the size the issue asks for.
    const QString manifest = QString::fromUtf8(readFile(kCorpus + u"expected.tsv"_s));
    const QStringList files = QDir(kCorpus).entryList({u"*.eml"_s}, QDir::Files);
    QVERIFY2(files.size() >= 40, qPrintable(QString::number(files.size())));
    int legitimate = 0;
    for (const QString &file : files) {
        QVERIFY2(manifest.contains(u'\n' + file + u'\t'), qPrintable(file + u" is not in expected.tsv"_s));
        legitimate += manifest.contains(file + u"\tinbox\t-\n"_s) ||
                      manifest.contains(file + u"\tinbox\texternal-sender\n"_s);
    }
    QVERIFY2(legitimate >= 15, "the corpus needs legitimate look-alikes too");
}

// The attachment cases (issue 16): phish-att-* are attacks through their attachment (or the text
// that comes with it), legit-att-* what the academy exchanges every day. A message counts as
// flagged when it gets an attachment warning; printed as precision and recall, and both must be 1.
void TestPhishing::attachmentCorpusPrecisionAndRecall()
{
    const PhishingAnalyzer analyzer(PhishingAnalyzer::defaultTrustedDomains(), corpusColleagues());
    const QStringList files = QDir(kCorpus).entryList({u"*-att-*.eml"_s}, QDir::Files);
    int attacks = 0, legitimate = 0, truePositives = 0, falsePositives = 0;
    QStringList missed, falseAlarms;
    for (const QString &file : files) {
        const bool attack = file.startsWith(u"phish-att-"_s);
        QVERIFY2(attack || file.startsWith(u"legit-att-"_s), qPrintable(file));
        const SafeMessage shown = SafeMessage::fromRaw(readFile(kCorpus + file), analyzer, {false, false});
        QVERIFY2(!shown.content.attachments.isEmpty(), qPrintable(file + u" has no attachment"_s));
        const QStringList found = codes(shown.warnings);
        const bool flagged = std::any_of(found.cbegin(), found.cend(), [](const QString &code) {
            return code.startsWith(u"attachment-"_s) || code == u"enable-content-request"_s;
        });
        attacks += attack;
        legitimate += !attack;
        truePositives += attack && flagged;
        falsePositives += !attack && flagged;
        if (attack && !flagged)
            missed.append(file);
        if (!attack && flagged)
            falseAlarms.append(file + u" (" + found.join(u',') + u')');
    }
    const double precision =
        truePositives + falsePositives == 0 ? 1.0 : double(truePositives) / (truePositives + falsePositives);
    const double recall = attacks == 0 ? 0.0 : double(truePositives) / attacks;
    qInfo("attachment corpus: %d attacks, %d legitimate; precision %.2f, recall %.2f", attacks, legitimate,
          precision, recall);
    QVERIFY2(attacks >= 10 && legitimate >= 10,
             "the issue asks for at least 20 cases, half of them legitimate");
    QVERIFY2(missed.isEmpty(), qPrintable(u"missed: "_s + missed.join(u", "_s)));
    QVERIFY2(falseAlarms.isEmpty(), qPrintable(u"false alarms: "_s + falseAlarms.join(u", "_s)));
}

void TestPhishing::knownColleaguesNeedAFullName()
{
    // A first name alone would flag every parent called Marie.
    const PhishingAnalyzer analyzer(PhishingAnalyzer::defaultTrustedDomains(),
                                    {u"Marie"_s, u"Élodie Lefèvre"_s});
    const auto flagged = [&](const QString &name) {
        return codes(analyzer.analyse(message(name, u"someone@gmail.com"_s, u"Bonjour"_s, u"Bonjour"_s)))
            .contains(u"display-name-impersonation"_s);
    };
    QVERIFY(!flagged(u"Marie Leroy"_s));
    QVERIFY(flagged(u"ELODIE LEFEVRE"_s));
    QVERIFY(flagged(u"Élodie Lefèvre (perso)"_s));
}

void TestPhishing::linksAfterUnclosedAnchorsAreStillChecked()
{
    // Anchors never closed, then the deceptive link. The old regular expression took the first
    // "<a" up to the only "</a>" as one link, so the deceptive one was never looked at (and with
    // thousands of them it ran for seconds, then gave up at PCRE's match limit).
    const QString html = u"<a href=\"https://www.ac-amiens.fr/\">Rectorat "_s.repeated(300) +
                         u"<a href=\"https://ac-amlens.fr/connexion\">https://www.ac-amiens.fr/ent</a>"_s;
    const auto warnings =
        PhishingAnalyzer().analyse(message(u"ENT"_s, u"ent@ac-amiens.fr"_s, u"Connexion"_s, u"x"_s, html));
    QVERIFY2(codes(warnings).contains(u"deceptive-link"_s), qPrintable(codes(warnings).join(u' ')));

    QElapsedTimer timer;
    timer.start();
    (void)PhishingAnalyzer().analyse(
        message(u"ENT"_s, u"ent@ac-amiens.fr"_s, u"Connexion"_s, u"x"_s,
                u"<a href=\"https://www.ac-amiens.fr/x\">ENT "_s.repeated(20000)));
    QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
}

void TestPhishing::trustedDomainsAreConfigurable()
{
    const PhishingAnalyzer::Input parent =
        message(u"Mme Roy"_s, u"roy@lycee-prive.fr"_s, u"Stage"_s, u"Bonjour"_s);
    QVERIFY(codes(PhishingAnalyzer().analyse(parent)).contains(u"external-sender"_s));
    const PhishingAnalyzer withPartner({u"ac-amiens.fr"_s, u"Lycee-Prive.fr "_s});
    QVERIFY(codes(withPartner.analyse(parent)).isEmpty());
    // Another academy is trusted by default, but by its exact name only.
    QVERIFY(PhishingAnalyzer().isTrustedDomain(u"ac-lille.fr"_s));
    QVERIFY(!PhishingAnalyzer().isTrustedDomain(u"ac-lile.fr"_s));
    QVERIFY(PhishingAnalyzer().isLookalikeDomain(u"ac-lile.fr"_s));
    // Without education.gouv.fr in the list, its look-alikes are not recognised either.
    QVERIFY(!withPartner.isTrustedDomain(u"education.gouv.fr"_s));
}

void TestPhishing::sitePolicyAndUserSetting()
{
    QTemporaryDir dir;
    const Profile profile(dir.filePath(u"profile"_s));
    PhishingSettings user;
    user.userTrustedDomains = {u"@Lycee-Partenaire.fr"_s};
    QString error;
    QVERIFY2(user.save(profile, &error), qPrintable(error));
    QCOMPARE(PhishingSettings::load(profile).userTrustedDomains, QStringList{u"lycee-partenaire.fr"_s});
    user.userTrustedDomains = {u"pas un domaine"_s};
    QVERIFY(!user.save(profile, &error));
    QVERIFY(error.contains(u"pas un domaine"_s));

    // No site file: the built-in list and the user's additions.
    QStringList domains = PhishingSettings::trustedDomains(SitePolicy(), profile);
    QVERIFY(domains.contains(u"ac-amiens.fr"_s) && domains.contains(u"ac-lille.fr"_s));
    QVERIFY(domains.contains(u"lycee-partenaire.fr"_s));

    // The site's list replaces the built-in one; a lock keeps the user's additions out.
    const QString sitePath = dir.filePath(u"amiens-mail.conf"_s);
    QFile site(sitePath);
    QVERIFY(site.open(QIODevice::WriteOnly));
    site.write("[phishing]\ntrustedDomains=ac-amiens.fr, education.gouv.fr, Region-HautsDeFrance.fr\n"
               "reportAddress=securite@ac-amiens.fr\n");
    site.close();
    SitePolicy policy = SitePolicy::fromFile(sitePath);
    QCOMPARE(policy.phishingReportAddress, u"securite@ac-amiens.fr"_s);
    domains = PhishingSettings::trustedDomains(policy, profile);
    QCOMPARE(domains, (QStringList{u"ac-amiens.fr"_s, u"education.gouv.fr"_s, u"region-hautsdefrance.fr"_s,
                                   u"lycee-partenaire.fr"_s}));
    policy.trustedDomainsLocked = true;
    QVERIFY(!PhishingSettings::trustedDomains(policy, profile).contains(u"lycee-partenaire.fr"_s));
}

void TestPhishing::colleaguesFromTheCache()
{
    // CacheAddressBook::knownAddresses() strings: names seen with academy addresses only.
    const QStringList known = {u"Élodie Lefèvre <elodie.lefevre@ac-amiens.fr>"_s,
                               u"Sophie Martin <sophie.martin80@gmail.com>"_s, u"direction@ac-amiens.fr"_s,
                               u"jean.petit@ac-amiens.fr <jean.petit@ac-amiens.fr>"_s,
                               u"Paul Roy <paul.roy@ac-lille.fr>"_s};
    const QStringList names =
        PhishingSettings::colleagueNames(known, PhishingAnalyzer::defaultTrustedDomains());
    QCOMPARE(names, (QStringList{u"Élodie Lefèvre"_s, u"Paul Roy"_s}));
    // And the analyser warns when one of them writes from outside, not when a parent does.
    const PhishingAnalyzer analyzer(PhishingAnalyzer::defaultTrustedDomains(), names);
    QVERIFY(codes(analyzer.analyse(message(u"Paul Roy"_s, u"paul.roy.59@outlook.fr"_s, u"Urgent"_s, u"?"_s)))
                .contains(u"display-name-impersonation"_s));
    QVERIFY(!codes(analyzer.analyse(message(u"Sophie Martin"_s, u"sophie.martin80@gmail.com"_s, u"Absence"_s,
                                            u"Lucas est malade"_s)))
                 .contains(u"display-name-impersonation"_s));
}

QTEST_GUILESS_MAIN(TestPhishing)
#include "tst_phishing.moc"
