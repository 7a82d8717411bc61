// format=flowed (RFC 3676 §4.1–4.5) as Thunderbird and Apple Mail send it: paragraphs rebuilt for
// display, quote depths kept apart, and the reply quote one level deeper.
#include "mime/FlowedText.h"

#include <QElapsedTimer>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Amiens;

class TestFlowedText : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void decode_data();
    void decode();
    void quotedPrintableIsDecodedFirst();
    void quoteForReply_data();
    void quoteForReply();
    void replyToFlowedQuote();
    void longInputsStayLinear();
};

namespace {

/// Just enough quoted-printable for the test: soft breaks and =XX, as the transfer decoder does.
QString fromQuotedPrintable(const QByteArray &encoded)
{
    QByteArray bytes;
    for (qsizetype i = 0; i < encoded.size(); ++i) {
        if (encoded[i] != '=') {
            bytes += encoded[i];
        } else if (encoded.mid(i + 1, 2) == "\r\n") {
            i += 2;
        } else {
            bytes += char(encoded.mid(i + 1, 2).toInt(nullptr, 16));
            i += 2;
        }
    }
    return QString::fromUtf8(bytes);
}

} // namespace

void TestFlowedText::decode_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("delSp");
    QTest::addColumn<QString>("expected");

    // Checklist item 12.
    QTest::newRow("DelSp=no keeps the space") << u"Bonjour, voici le \ncalendrier des \népreuves.\n"_s
                                              << false << u"Bonjour, voici le calendrier des épreuves."_s;
    QTest::newRow("DelSp=yes removes it")
        << u"Les inscrip \ntions sont ouver \ntes.\n"_s << true << u"Les inscriptions sont ouvertes."_s;
    QTest::newRow("DelSp=no on a cut word") << u"Les inscrip \ntions\n"_s << false << u"Les inscrip tions"_s;
    QTest::newRow("DelSp=yes removes one space only") << u"a  \nb\n"_s << true << u"a b"_s;
    QTest::newRow("DelSp=no keeps both") << u"a  \nb\n"_s << false << u"a  b"_s;
    QTest::newRow("paragraphs") << u"Premier \nparagraphe.\n\nSecond \nparagraphe.\n"_s << false
                                << u"Premier paragraphe.\n\nSecond paragraphe."_s;
    QTest::newRow("fixed lines stay") << u"un\ndeux\ntrois\n"_s << false << u"un\ndeux\ntrois"_s;
    QTest::newRow("no final line end") << u"a \nb"_s << false << u"a b"_s;
    QTest::newRow("flowed last line counts as fixed") << u"a \nb \n"_s << false << u"a b"_s;
    QTest::newRow("empty line ends a paragraph") << u"a \n\nb\n"_s << false << u"a\n\nb"_s;
    QTest::newRow("CRLF") << u"Premier \r\nparagraphe.\r\n\r\nSuite\r\n"_s << false
                          << u"Premier paragraphe.\n\nSuite"_s;

    // Quotes (checklist item 13).
    QTest::newRow("quoted paragraph") << u"> Tu viens \n> demain ?\n"_s << false << u"> Tu viens demain ?"_s;
    QTest::newRow("depths 1, 2, 1 never joined")
        << u"> un \n> deux \n>> trois \n>> quatre \n> cinq \n> six\n"_s << false
        << u"> un deux\n>> trois quatre\n> cinq six"_s;
    QTest::newRow("flowed line before another depth") << u"a \n> b \n>> c\n"_s << false << u"a\n> b\n>> c"_s;
    QTest::newRow("quote marks without space")
        << u">>>profond \n>>>texte\n"_s << false << u">>> profond texte"_s;
    QTest::newRow("quote-only lines are not joined onto")
        << u"> a \n>\n> b \n>  \n> c\n"_s << false << u"> a\n>\n> b\n>\n> c"_s;
    QTest::newRow("DelSp=yes in a quote") << u"> inscrip \n> tions\n"_s << true << u"> inscriptions"_s;

    // Signature separator (checklist item 14).
    QTest::newRow("signature separator")
        << u"Cordialement, \n-- \nJean \nDupont\n"_s << false << u"Cordialement,\n-- \nJean Dupont"_s;
    QTest::newRow("signature separator with DelSp")
        << u"Merci \n-- \nJean\n"_s << true << u"Merci\n-- \nJean"_s;
    QTest::newRow("quoted signature separator")
        << u"> fin \n> -- \n> Marie\n"_s << false << u"> fin\n> -- \n> Marie"_s;
    QTest::newRow("dashes that are no separator") << u"-- a \nb\n--\n"_s << false << u"-- a b\n--"_s;

    // Space-stuffing (checklist item 15).
    QTest::newRow("stuffed From") << u" From the start \nof time.\n"_s << false
                                  << u"From the start of time."_s;
    QTest::newRow("stuffed indentation")
        << u"  indented\n >not a quote\n"_s << false << u" indented\n>not a quote"_s;
    QTest::newRow("stuffing inside a quote")
        << u">  indented\n> From here\n"_s << false << u">  indented\n> From here"_s;

    // A list footer added to a flowed body (checklist item 4).
    QTest::newRow("mailman footer")
        << u"Le conseil aura lieu \nmardi.\n\n_______________________________________________\n"
           u"College mailing list\ncollege@lists.ac-amiens.fr\n"_s
        << false
        << u"Le conseil aura lieu mardi.\n\n_______________________________________________\n"
           u"College mailing list\ncollege@lists.ac-amiens.fr"_s;
    QTest::newRow("empty") << QString() << false << QString();
    QTest::newRow("one empty line") << u"\n"_s << false << QString();
}

void TestFlowedText::decode()
{
    QFETCH(QString, text);
    QFETCH(bool, delSp);
    QFETCH(QString, expected);
    QCOMPARE(FlowedText::decode(text, delSp), expected);
}

void TestFlowedText::quotedPrintableIsDecodedFirst()
{
    // Checklist item 16: the soft break "=\r\n" and the flowed space "=20" are QP; unflowing the
    // encoded text would see no flowed line at all.
    const QByteArray encoded = "Le calendrier des =C3=A9preuves est=\r\n disponible=20\r\nen ligne.\r\n";
    QCOMPARE(FlowedText::decode(fromQuotedPrintable(encoded), false),
             u"Le calendrier des épreuves est disponible en ligne."_s);
}

void TestFlowedText::quoteForReply_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");

    QTest::newRow("plain lines") << u"Bonjour,\nMerci."_s << u"> Bonjour,\n> Merci."_s;
    QTest::newRow("empty lines") << u"a\n\nb"_s << u"> a\n>\n> b"_s;
    QTest::newRow("nested quotes") << u"Oui.\n> Tu viens ?\n>> Quand ?\n>\n> Dis-moi."_s
                                   << u"> Oui.\n>> Tu viens ?\n>>> Quand ?\n>>\n>> Dis-moi."_s;
    QTest::newRow("final line end kept") << u"a\n"_s << u"> a\n"_s;
    QTest::newRow("CRLF") << u"a\r\nb"_s << u"> a\n> b"_s;
    QTest::newRow("long line not wrapped") << QString(500, u'x') << u"> "_s + QString(500, u'x');
    QTest::newRow("empty") << QString() << QString();
}

void TestFlowedText::quoteForReply()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(FlowedText::quoteForReply(text), expected);
}

void TestFlowedText::replyToFlowedQuote()
{
    // The quote is rebuilt at the new depth from the decoded paragraphs, never by adding ">" to
    // the sender's soft-wrapped lines.
    const QString received = u"Je serai l\u00E0 \nmardi.\n> Tu viens au \n> conseil ?\n"_s;
    QCOMPARE(FlowedText::quoteForReply(FlowedText::decode(received, false)),
             u"> Je serai là mardi.\n>> Tu viens au conseil ?"_s);
}

void TestFlowedText::longInputsStayLinear()
{
    QString oneParagraph;
    for (int i = 0; i < 200'000; ++i)
        oneParagraph += u"mot \n"_s;
    QString deepQuotes;
    for (int i = 1; i <= 2'000; ++i)
        deepQuotes += QString(i, u'>') + u" x \n"_s;

    QElapsedTimer timer;
    timer.start();
    const QString joined = FlowedText::decode(oneParagraph, false);
    const QString quoted = FlowedText::quoteForReply(joined);
    const QString depths = FlowedText::decode(deepQuotes, true);
    const qint64 elapsed = timer.elapsed();

    QCOMPARE(joined.size(), 200'000 * 4 - 1);
    QCOMPARE(quoted.size(), joined.size() + 2);
    QCOMPARE(depths.count(u'\n'), 1'999);
    QVERIFY2(elapsed < 1000, qPrintable(u"%1 ms"_s.arg(elapsed))); // a guard against hangs only
}

QTEST_APPLESS_MAIN(TestFlowedText)
#include "tst_flowedtext.moc"
