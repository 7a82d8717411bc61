// The academy's identifier rule on real-looking French names.
#include "account/AcademicIdentifier.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Amiens;

class TestAcademicIdentifier : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void propose_data();
    void propose();
    void address();
    void dotted_data();
    void dotted();
    void wellFormed_data();
    void wellFormed();
};

void TestAcademicIdentifier::propose_data()
{
    QTest::addColumn<QString>("firstName");
    QTest::addColumn<QString>("lastName");
    QTest::addColumn<QString>("expected");

    // The academy's own examples.
    QTest::newRow("plain") << u"Marie"_s << u"Dupont"_s << u"mdupont"_s;
    QTest::newRow("hyphenated first name") << u"Jean-Claude"_s << u"Martin"_s << u"jmartin"_s;
    QTest::newRow("cedilla and grave") << u"Françoise"_s << u"Lefèvre"_s << u"flefevre"_s;
    // Accents and ligatures.
    QTest::newRow("accented first letter") << u"Élodie"_s << u"Bérégovoy"_s << u"eberegovoy"_s;
    QTest::newRow("diaeresis") << u"Anaïs"_s << u"Loïc"_s << u"aloic"_s;
    QTest::newRow("circumflex") << u"Jérôme"_s << u"Benoît"_s << u"jbenoit"_s;
    QTest::newRow("oe ligature") << u"Chloé"_s << u"Lœuillet"_s << u"cloeuillet"_s;
    QTest::newRow("OE ligature upper case") << u"ŒDIPE"_s << u"CŒURDEROY"_s << u"ocoeurderoy"_s;
    QTest::newRow("ae ligature") << u"Lætitia"_s << u"Cæsar"_s << u"lcaesar"_s;
    QTest::newRow("cedilla upper case") << u"FRANÇOIS"_s << u"GARÇON"_s << u"fgarcon"_s;
    QTest::newRow("decomposed input (NFD)") << u"Rene\u0301"_s << u"Le\u0301ger"_s << u"rleger"_s;
    // Compound first names.
    QTest::newRow("first name with space") << u"Marie Hélène"_s << u"Durand"_s << u"mdurand"_s;
    QTest::newRow("first name with en dash") << u"Anne\u2013Sophie"_s << u"Moreau"_s << u"amoreau"_s;
    QTest::newRow("accented compound first name") << u"Ève-Marie"_s << u"Petit"_s << u"epetit"_s;
    // Double surnames.
    QTest::newRow("hyphenated surname") << u"Claire"_s << u"Martin-Dupont"_s << u"cmartindupont"_s;
    QTest::newRow("two surnames with a space") << u"Paul"_s << u"Garcia Lopez"_s << u"pgarcialopez"_s;
    QTest::newRow("surname with a saint") << u"Hélène"_s << u"Saint-Exupéry"_s << u"hsaintexupery"_s;
    // Particles.
    QTest::newRow("de + La") << u"Jean"_s << u"de La Fontaine"_s << u"jfontaine"_s;
    QTest::newRow("De capitalised") << u"Charles"_s << u"De Gaulle"_s << u"cgaulle"_s;
    QTest::newRow("du") << u"Joachim"_s << u"du Bellay"_s << u"jbellay"_s;
    QTest::newRow("des") << u"Odile"_s << u"des Rosiers"_s << u"orosiers"_s;
    QTest::newRow("d' apostrophe") << u"Paul"_s << u"D'Almeida"_s << u"palmeida"_s;
    QTest::newRow("d’ typographic apostrophe") << u"Inès"_s << u"d\u2019Ornano"_s << u"iornano"_s;
    QTest::newRow("particle inside") << u"Valéry"_s << u"Giscard d'Estaing"_s << u"vgiscardestaing"_s;
    QTest::newRow("de + l'") << u"Agnès"_s << u"de l'Isle"_s << u"aisle"_s;
    QTest::newRow("hyphenated particle stays")
        << u"Éric"_s << u"Dupont-de-Nemours"_s << u"edupontdenemours"_s;
    QTest::newRow("article opening a surname") << u"Yann"_s << u"Le Gall"_s << u"ylegall"_s;
    QTest::newRow("article La opening a surname") << u"Sophie"_s << u"La Rocca"_s << u"slarocca"_s;
    QTest::newRow("l' opening a surname") << u"Anne"_s << u"L'Hermite"_s << u"alhermite"_s;
    QTest::newRow("lone particle is the name") << u"Nadia"_s << u"Des"_s << u"ndes"_s;
    QTest::newRow("foreign particle stays") << u"Luc"_s << u"Van Damme"_s << u"lvandamme"_s;
    QTest::newRow("Portuguese dos stays") << u"Ana"_s << u"dos Santos"_s << u"adossantos"_s;
    // Other apostrophes.
    QTest::newRow("N' prefix") << u"Awa"_s << u"N'Diaye"_s << u"andiaye"_s;
    QTest::newRow("O' prefix") << u"Seán"_s << u"O’Connor"_s << u"soconnor"_s;
    // Typing accidents.
    QTest::newRow("extra spaces") << u"  Marie  "_s << u"  Le   Goff  "_s << u"mlegoff"_s;
    QTest::newRow("all upper case") << u"MARIE-PIERRE"_s << u"LEFÈVRE"_s << u"mlefevre"_s;
    QTest::newRow("all lower case") << u"thibault"_s << u"polge"_s << u"tpolge"_s;
    QTest::newRow("non-breaking space") << u"Zoé"_s << u"Da\u00a0Costa"_s << u"zdacosta"_s;
    QTest::newRow("tab") << u"Bruno"_s << u"Le\tBihan"_s << u"blebihan"_s;
    // Nothing to propose.
    QTest::newRow("no first name") << QString() << u"Dupont"_s << QString();
    QTest::newRow("no surname") << u"Marie"_s << u"   "_s << QString();
    QTest::newRow("only punctuation") << u"-"_s << u"Dupont"_s << QString();
}

void TestAcademicIdentifier::propose()
{
    QFETCH(QString, firstName);
    QFETCH(QString, lastName);
    QFETCH(QString, expected);
    QCOMPARE(AcademicIdentifier::propose(firstName, lastName), expected);
    if (!expected.isEmpty())
        QVERIFY(AcademicIdentifier::isWellFormed(expected));
}

void TestAcademicIdentifier::address()
{
    QCOMPARE(AcademicIdentifier::proposeAddress(u"Marie"_s, u"Dupont"_s, u"ac-amiens.fr"_s),
             u"mdupont@ac-amiens.fr"_s);
    QCOMPARE(AcademicIdentifier::proposeAddress(u"Jean-Claude"_s, u"Martin"_s, u" AC-Amiens.FR "_s),
             u"jmartin@ac-amiens.fr"_s);
    QCOMPARE(AcademicIdentifier::proposeAddress(u"Marie"_s, QString(), u"ac-amiens.fr"_s), QString());
    QCOMPARE(AcademicIdentifier::proposeAddress(u"Marie"_s, u"Dupont"_s, QString()), QString());
}

void TestAcademicIdentifier::dotted_data()
{
    QTest::addColumn<QString>("firstName");
    QTest::addColumn<QString>("lastName");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << u"Marie"_s << u"Dupont"_s << u"marie.dupont"_s;
    QTest::newRow("hyphens kept") << u"Jean-Claude"_s << u"Martin"_s << u"jean-claude.martin"_s;
    QTest::newRow("spaces become hyphens") << u"Jean"_s << u"de La Fontaine"_s << u"jean.de-la-fontaine"_s;
    QTest::newRow("accents and apostrophes") << u"Françoise"_s << u"N'Diaye"_s << u"francoise.ndiaye"_s;
    QTest::newRow("missing part") << u"Marie"_s << QString() << QString();
}

void TestAcademicIdentifier::dotted()
{
    QFETCH(QString, firstName);
    QFETCH(QString, lastName);
    QFETCH(QString, expected);
    QCOMPARE(AcademicIdentifier::proposeDotted(firstName, lastName), expected);
}

void TestAcademicIdentifier::wellFormed_data()
{
    QTest::addColumn<QString>("identifier");
    QTest::addColumn<bool>("expected");
    QTest::newRow("plain") << u"mdupont"_s << true;
    QTest::newRow("homonym") << u"mdupont2"_s << true;
    QTest::newRow("dotted") << u"marie.dupont"_s << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("upper case") << u"MDupont"_s << false;
    QTest::newRow("accent") << u"mlefèvre"_s << false;
    QTest::newRow("space") << u"m dupont"_s << false;
    QTest::newRow("address") << u"mdupont@ac-amiens.fr"_s << false;
    QTest::newRow("leading digit") << u"2mdupont"_s << false;
}

void TestAcademicIdentifier::wellFormed()
{
    QFETCH(QString, identifier);
    QFETCH(bool, expected);
    QCOMPARE(AcademicIdentifier::isWellFormed(identifier), expected);
}

QTEST_GUILESS_MAIN(TestAcademicIdentifier)
#include "tst_academicidentifier.moc"
