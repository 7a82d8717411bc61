// HTML to plain text for the view, the search index, the reply quote and the list preview: exact
// output on the markup real mailers send, and linear time on markup built to hang a DOM.
#include "mime/HtmlTextConverter.h"

#include <QElapsedTimer>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Amiens;

class TestHtmlText : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rectoratNotice();
    void conversions_data();
    void conversions();
    void entities_data();
    void entities();
    void outlookMarkup();
    void preview();
    void sizeLimit();
    void hostile_data();
    void hostile();
};

namespace {

QString repeated(const QString &piece, qsizetype count)
{
    QString out;
    out.reserve(piece.size() * count);
    for (qsizetype i = 0; i < count; ++i)
        out += piece;
    return out;
}

} // namespace

void TestHtmlText::rectoratNotice()
{
    // An HTML-only notice as the rectorat's mailing tool sends it (checklist items 8 and 9).
    const QString html =
        uR"html(<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>Calendrier des &eacute;preuves</title>
<style type="text/css">
body { font-family: Arial, sans-serif; font-size: 11pt; }
td { border: 1px solid #ccc; }
</style></head>
<body>
<p>Mesdames et Messieurs les principaux,</p>
<p>Veuillez trouver ci-dessous le calendrier des &laquo;&nbsp;&eacute;preuves&nbsp;&raquo; du
dipl&ocirc;me national du brevet. L&rsquo;inscription se fait en ligne&nbsp;:
<a href="https://www.ac-amiens.fr/dnb">portail acad&eacute;mique</a>.</p>
<table border="1" cellpadding="4">
  <tr><th>&Eacute;preuve</th><th>Date</th><th>Dur&eacute;e</th></tr>
  <tr>
    <td>Fran&ccedil;ais</td>
    <td>jeudi 26 juin</td>
    <td>3&nbsp;h</td>
  </tr>
  <tr><td>Math&eacute;matiques</td><td>vendredi 27 juin</td><td>2&nbsp;h</td></tr>
</table>
<p>Cordialement,<br>
La division des examens et concours<br>
Rectorat de l&#39;acad&eacute;mie d&#x27;Amiens</p>
</body></html>
)html"_s;
    const QString expected =
        u"Mesdames et Messieurs les principaux,\n"
        u"\n"
        u"Veuillez trouver ci-dessous le calendrier des « épreuves » du diplôme national du brevet. "
        u"L’inscription se fait en ligne : portail académique <https://www.ac-amiens.fr/dnb>.\n"
        u"\n"
        u"Épreuve | Date | Durée\n"
        u"Français | jeudi 26 juin | 3 h\n"
        u"Mathématiques | vendredi 27 juin | 2 h\n"
        u"\n"
        u"Cordialement,\n"
        u"La division des examens et concours\n"
        u"Rectorat de l'académie d'Amiens"_s;
    const QString text = HtmlTextConverter::toText(html);
    QCOMPARE(text, expected);
    QVERIFY(!text.contains(u"font-family"_s));
    QVERIFY(!text.contains(u'&'));
    QVERIFY(text.contains(u"« épreuves »"_s));
    QVERIFY(HtmlTextConverter::toPreviewText(html).contains(u"« épreuves »"_s));
}

void TestHtmlText::conversions_data()
{
    QTest::addColumn<QString>("html");
    QTest::addColumn<QString>("expected");

    // Blocks, paragraphs and line breaks.
    QTest::newRow("paragraphs") << u"<p>un</p><p>deux</p>"_s << u"un\n\ndeux"_s;
    QTest::newRow("divs and br") << u"<div>un</div><div>deux<br>trois</div>"_s << u"un\ndeux\ntrois"_s;
    QTest::newRow("br ending a block adds no line") << u"<div>un<br></div><div>deux</div>"_s << u"un\ndeux"_s;
    QTest::newRow("gmail empty line") << u"<div>un</div><div><br></div><div>deux</div>"_s << u"un\n\ndeux"_s;
    QTest::newRow("blank lines collapse") << u"un<br><br><br><br><p></p><p>deux</p>"_s << u"un\n\ndeux"_s;
    QTest::newRow("no leading or trailing blank lines")
        << u"<br><p></p>\n<p>&nbsp;</p><h1>Titre</h1><p></p><br><br>"_s << u"Titre"_s;
    QTest::newRow("whitespace collapses")
        << u"  un \n\t deux   <b> trois </b> quatre"_s << u"un deux trois quatre"_s;
    QTest::newRow("inline elements join")
        << u"<b>gras</b><i>italique</i> <span>fin</span>"_s << u"grasitalique fin"_s;
    QTest::newRow("headings") << u"<h1>Titre</h1>texte<h2>Partie</h2>suite"_s
                              << u"Titre\n\ntexte\n\nPartie\n\nsuite"_s;
    QTest::newRow("hr and center") << u"avant<hr>après<center>centré</center>"_s << u"avant\naprès\ncentré"_s;
    QTest::newRow("html5 sections")
        << u"<header>haut</header><main><section><article>corps</article></section></main><footer>bas</footer>"_s
        << u"haut\ncorps\nbas"_s;
    QTest::newRow("head and title dropped")
        << u"<html><head><title>Titre</title><meta charset=utf-8></head><body>corps</body></html>"_s
        << u"corps"_s;

    // Lists.
    QTest::newRow("unordered list") << u"<p>Liste :</p><ul><li>un</li><li>deux</li></ul><p>fin</p>"_s
                                    << u"Liste :\n\n• un\n• deux\n\nfin"_s;
    QTest::newRow("ordered list, items unclosed")
        << u"<ol><li>un<li>deux<li>trois</ol>fin"_s << u"1. un\n2. deux\n3. trois\n\nfin"_s;
    QTest::newRow("ordered list start") << u"<ol start=\"4\"><li>a</li><li>b</li></ol>"_s << u"4. a\n5. b"_s;
    QTest::newRow("nested lists") << u"<ul><li>a<ol><li>x</li><li>y</li></ol></li><li>b</li></ul>"_s
                                  << u"• a\n  1. x\n  2. y\n• b"_s;
    QTest::newRow("empty item left out") << u"<ul><li></li><li>a</li></ul>"_s << u"• a"_s;
    QTest::newRow("item holding a div")
        << u"<ul><li><div>a</div></li><li><div>b</div></li></ul>"_s << u"• a\n• b"_s;
    QTest::newRow("item outside a list") << u"<li>seul</li>"_s << u"• seul"_s;

    // Tables.
    QTest::newRow("table rows and cells")
        << u"<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table>"_s
        << u"A | B\n1 | 2"_s;
    QTest::newRow("table between paragraphs")
        << u"avant<table><tr><td>a</td><td>b</td></tr></table>après"_s << u"avant\n\na | b\n\naprès"_s;
    QTest::newRow("empty cells add no separator")
        << u"<table><tr><td></td><td>b</td><td> </td><td>d</td></tr></table>"_s << u"b | d"_s;
    QTest::newRow("layout tables")
        << u"<table><tr><td><table><tr><td>Bonjour</td></tr></table></td></tr></table>"_s << u"Bonjour"_s;
    QTest::newRow("caption")
        << u"<table><caption>Horaires</caption><tr><td>8 h</td><td>12 h</td></tr></table>"_s
        << u"Horaires\n8 h | 12 h"_s;
    QTest::newRow("rows without tr end")
        << u"<table><tr><td>a<td>b<tr><td>c<td>d</table>"_s << u"a | b\nc | d"_s;

    // Links and images (checklist item 10).
    QTest::newRow("link text differs from href")
        << u"<a href=\"https://evil.example/login\">https://www.banque.fr</a>"_s
        << u"https://www.banque.fr <https://evil.example/login>"_s;
    QTest::newRow("link text is the href")
        << u"Voir <a href=\"https://www.ac-amiens.fr/\">https://www.ac-amiens.fr</a>."_s
        << u"Voir https://www.ac-amiens.fr."_s;
    QTest::newRow("link text is the host")
        << u"<a href=\"http://www.ac-amiens.fr\">www.ac-amiens.fr</a>"_s << u"www.ac-amiens.fr"_s;
    QTest::newRow("link words") << u"Lire <a href='https://x.fr/a'>la note</a> ici"_s
                                << u"Lire la note <https://x.fr/a> ici"_s;
    QTest::newRow("mailto equal to text")
        << u"<a href=\"mailto:ce.dec@ac-amiens.fr\">ce.dec@ac-amiens.fr</a>"_s << u"ce.dec@ac-amiens.fr"_s;
    QTest::newRow("mailto with a subject")
        << u"<a href=\"mailto:ce.dec@ac-amiens.fr?subject=DNB\">ce.dec@ac-amiens.fr</a>"_s
        << u"ce.dec@ac-amiens.fr"_s;
    QTest::newRow("mailto behind words")
        << u"Écrire à <a href=\"MAILTO:ce.dec@ac-amiens.fr\">la division</a>"_s
        << u"Écrire à la division <ce.dec@ac-amiens.fr>"_s;
    QTest::newRow("javascript link") << u"<a href=\" javascript:alert(1)\">clic</a>"_s << u"clic"_s;
    QTest::newRow("anchor link") << u"<a href=\"#haut\">haut de page</a>"_s << u"haut de page"_s;
    const QString longAddress = u"https://x.fr/"_s + QString(3000, u'a');
    QTest::newRow("link text past the cap") // only its first 2,048 characters are compared
        << u"<a href=\""_s + longAddress + u"\">"_s + longAddress + u"</a>"_s
        << longAddress + u" <"_s + longAddress + u">"_s;
    QTest::newRow("pre, first word after its newline")
        << u"<pre>\nmot\n\nfin</pre><pre>\n\nx</pre>"_s << u"mot\n\nfin\n\nx"_s;
    QTest::newRow("link without href") << u"<a name=\"x\">ancre</a>"_s << u"ancre"_s;
    QTest::newRow("href entities") << u"<a href=\"https://x.fr/?a=1&amp;b=2&copy=3\">lien</a>"_s
                                   << u"lien <https://x.fr/?a=1&b=2&copy=3>"_s;
    QTest::newRow("unquoted href, > in a quoted title")
        << u"<a href=https://x.fr/a title=\"a > b\" class='c>d'>lien</a>"_s << u"lien <https://x.fr/a>"_s;
    QTest::newRow("unclosed link") << u"<a href=\"https://x.fr\">lien"_s << u"lien <https://x.fr>"_s;
    QTest::newRow("image in a link") << u"<a href=\"https://x.fr\"><img src=\"cid:logo\" alt=\"Logo\"></a>"_s
                                     << u"[Logo] <https://x.fr>"_s;
    QTest::newRow("image alt kept, no alt dropped")
        << u"a<img src=\"x.png\">b<img alt=\" Signature&nbsp;scann&eacute;e \">c<img alt=\"\">"_s
        << u"ab[Signature scannée]c"_s;
    QTest::newRow("image-only link") << u"<a href=\"https://x.fr/track\"><img src=\"x.gif\"></a>fin"_s
                                     << u"fin"_s;

    // Content that is no text (checklist item 11).
    QTest::newRow("script template comment noscript")
        << u"a<script>document.write('<p>x</p>')</script>b<template><p>t</p></template>c"
           u"<!-- commentaire <p>caché</p> -->d<noscript>n</noscript>e<iframe>f</iframe>"_s
        << u"abcde"_s;
    QTest::newRow("script end tag case and space") << u"a<SCRIPT type=x>if (a</b) {}</SCRIPT >b"_s << u"ab"_s;
    QTest::newRow("script end lookalike") << u"a<script>x</scripts>y</script>b"_s << u"ab"_s;
    QTest::newRow("style uppercase") << u"<STYLE>p { color: red }</Style>ok"_s << u"ok"_s;
    QTest::newRow("conditional comments") << u"<!--[if mso]><table><tr><td>mso</td></tr></table><![endif]-->"
                                             u"<!--[if !mso]><!-->visible<!--<![endif]-->"_s
                                          << u"visible"_s;
    QTest::newRow("short comments") << u"a<!-->b<!--->c<!-- x --!>d"_s << u"abcd"_s;
    QTest::newRow("doctype, CDATA, processing instruction")
        << u"<!DOCTYPE html><?xml version=\"1.0\"?>a<![CDATA[ x > y ]]>b"_s << u"ab"_s;

    // Preformatted text and quotes.
    QTest::newRow("pre keeps white space")
        << u"<p>Code :</p><pre>\n  a  b\n\tc\n</pre><p>fin</p>"_s << u"Code :\n\n  a  b\n\tc\n\nfin"_s;
    QTest::newRow("pre CRLF and trailing spaces") << u"<pre>a   \r\nb\rc</pre>"_s << u"a\nb\nc"_s;
    QTest::newRow("CRLF outside pre") << u"un\r\ndeux"_s << u"un deux"_s;
    QTest::newRow("nested blockquote")
        << u"<p>Réponse</p><blockquote><p>Question ?</p><blockquote>Première</blockquote>Suite</blockquote><p>Fin</p>"_s
        << u"Réponse\n\n> Question ?\n>\n>> Première\n>\n> Suite\n\nFin"_s;
    QTest::newRow("gmail quote")
        << u"<div dir=\"ltr\">Oui.</div><br><div class=\"gmail_quote\"><div dir=\"ltr\" class=\"gmail_attr\">"
           u"Le lun. 2 juin 2025 à 10:00, Marie &lt;marie@ac-amiens.fr&gt; a écrit&nbsp;:<br></div>"
           u"<blockquote class=\"gmail_quote\" style=\"margin:0px 0px 0px 0.8ex\"><div dir=\"ltr\">Tu viens ?"
           u"</div></blockquote></div>"_s
        << u"Oui.\n\nLe lun. 2 juin 2025 à 10:00, Marie <marie@ac-amiens.fr> a écrit :\n\n> Tu viens ?"_s;
    QTest::newRow("pre in a quote") << u"<blockquote><pre>a\n\nb</pre></blockquote>"_s << u"> a\n>\n> b"_s;

    // Broken markup.
    QTest::newRow("stray end tags") << u"</p>a<p>b<p>c</div></span></blockquote></ul>d"_s
                                    << u"a\n\nb\n\nc\nd"_s;
    QTest::newRow("uppercase and self-closing")
        << u"<P>A<BR/>B</P><DIV>C<br />D</DIV>"_s << u"A\nB\n\nC\nD"_s;
    QTest::newRow("end br") << u"a</br>b"_s << u"a\nb"_s;
    QTest::newRow("less-than as text") << u"a < b, 3<4, <<x>> <3 </ >"_s << u"a < b, 3<4, <> <3"_s;
    QTest::newRow("tag cut by the end") << u"a<div class=\"x"_s << u"a"_s;
    QTest::newRow("empty end tag") << u"a</>b"_s << u"ab"_s;
    QTest::newRow("NUL dropped") << u"a\u0000b"_s << u"ab"_s;
    QTest::newRow("empty") << QString() << QString();
}

void TestHtmlText::conversions()
{
    QFETCH(QString, html);
    QFETCH(QString, expected);
    QCOMPARE(HtmlTextConverter::toText(html), expected);
}

void TestHtmlText::entities_data()
{
    QTest::addColumn<QString>("html");
    QTest::addColumn<QString>("expected");

    QTest::newRow("french accents")
        << u"&eacute;&egrave;&ecirc;&agrave;&ccedil;&ocirc;&ugrave;&icirc;&euml;&oelig;&OElig;&Eacute;&Agrave;"_s
        << u"éèêàçôùîëœŒÉÀ"_s;
    QTest::newRow("punctuation")
        << u"&apos;&hellip;&rsquo;&lsquo;&ldquo;&rdquo;&laquo;&raquo;&euro;&ndash;&mdash;&bull;&trade;"_s
        << u"'…’‘“”«»€–—•™"_s;
    QTest::newRow("invisible spaces kept")
        << u"a&thinsp;b&zwnj;c&zwj;d&ZeroWidthSpace;e"_s << u"a\u2009b\u200Cc\u200Dd\u200Be"_s;
    QTest::newRow("nbsp is a space that does not collapse")
        << u"a&nbsp;&nbsp;b\u00A0c &nbsp; d"_s << u"a  b c   d"_s;
    QTest::newRow("greek and maths") << u"&alpha;&Omega;&le;&ne;&infin;&rarr;"_s << u"αΩ≤≠∞→"_s;
    QTest::newRow("rare HTML 4 names")
        << u"&thetasym;&upsih;&piv;&loz;&lArr;&weierp;&sigmaf;&image;"_s << u"ϑϒϖ◊⇐℘ςℑ"_s;
    QTest::newRow("legacy names without semicolon")
        << u"caf&eacute cr&egrave;me &amp co&copy2024 &lt&gt &quotx &nbspy &eacutex"_s
        << u"café crème & co©2024 <> \"x  y éx"_s;
    QTest::newRow("newer names need the semicolon") << u"&hellip &rsquo &apos"_s << u"&hellip &rsquo &apos"_s;
    QTest::newRow("longest legacy prefix") << u"&notit; &notin; &amplifier"_s << u"¬it; ∉ &lifier"_s;
    QTest::newRow("unknown names stay") << u"&inconnu; &; & x &&"_s << u"&inconnu; &; & x &&"_s;
    QTest::newRow("names are case-sensitive") << u"&EACUTE; &Eacute; &AMP;"_s << u"&EACUTE; É &"_s;
    QTest::newRow("decimal and hex") << u"&#233;&#xE9;&#XE9;&#0233&#x20AC;"_s << u"éééé€"_s;
    QTest::newRow("windows-1252 range")
        << u"&#150;&#x96;&#151;&#128;&#146;&#156;&#129;"_s << u"––—€’œ\u0081"_s;
    QTest::newRow("invalid code points")
        << u"&#0;&#xD800;&#xDFFF;&#1114112;&#99999999999999999999;"_s << u"\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD"_s;
    QTest::newRow("astral") << u"&#x1F600;&#128512;"_s << u"\U0001F600\U0001F600"_s;
    QTest::newRow("no digits") << u"&#; &#x; &#xg;"_s << u"&#; &#x; &#xg;"_s;
    QTest::newRow("entity whitespace is not collapsible markup") << u"a&#32;&#32;b"_s << u"a b"_s;
    QTest::newRow("escaped markup is text") << u"&lt;b&gt;pas gras&lt;/b&gt;"_s << u"<b>pas gras</b>"_s;
}

void TestHtmlText::entities()
{
    QFETCH(QString, html);
    QFETCH(QString, expected);
    QCOMPARE(HtmlTextConverter::toText(html), expected);
}

void TestHtmlText::outlookMarkup()
{
    // Word's HTML: every line a margin-less <p class=MsoNormal>, blank lines as <o:p>&nbsp;</o:p>.
    const QString html =
        uR"html(<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
<head><meta name=Generator content="Microsoft Word 15 (filtered medium)">
<!--[if !mso]><style>v\:* {behavior:url(#default#VML);}</style><![endif]-->
<style><!--
/* Style Definitions */
p.MsoNormal, li.MsoNormal, div.MsoNormal
	{margin:0cm;
	font-size:11.0pt;
	font-family:"Calibri",sans-serif;}
--></style><!--[if gte mso 9]><xml>
<o:shapedefaults v:ext="edit" spidmax="1026" />
</xml><![endif]-->
</head>
<body lang=FR link="#0563C1" vlink="#954F72" style='word-wrap:break-word'>
<div class=WordSection1>
<p class=MsoNormal>Bonjour,<o:p></o:p></p>
<p class=MsoNormal><o:p>&nbsp;</o:p></p>
<p class=MsoNormal>Vous trouverez ci-joint le compte rendu du conseil p&eacute;dagogique.<o:p></o:p></p>
<p class=MsoListParagraph style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'><span style='mso-list:Ignore'>&middot;<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]>Point&nbsp;1<o:p></o:p></p>
<p class=MsoNormal><o:p>&nbsp;</o:p></p>
<p class=MsoNormal><b><span style='color:#1F497D'>Jean Dupont</span></b><o:p></o:p></p>
<p class=MsoNormal><span style='color:#1F497D'>Principal adjoint<o:p></o:p></span></p>
<p class=MsoNormal><a href="http://www.college-exemple.fr/"><span style='color:#0563C1'>www.college-exemple.fr</span></a><o:p></o:p></p>
</div>
</body>
</html>
)html"_s;
    QCOMPARE(HtmlTextConverter::toText(html),
             u"Bonjour,\n"
             u"\n"
             u"Vous trouverez ci-joint le compte rendu du conseil pédagogique.\n"
             u"·        Point 1\n"
             u"\n"
             u"Jean Dupont\n"
             u"Principal adjoint\n"
             u"www.college-exemple.fr"_s);
}

void TestHtmlText::preview()
{
    const QString html =
        u"<div>Oui, <a href=\"https://x.fr/agenda\">voir l'agenda</a>.</div><div class=\"gmail_quote\">"
        u"Le lun. 2 juin, Marie a écrit :<blockquote>Tu viens ?<img alt=\"photo\"><blockquote>Vraiment "
        u"?</blockquote>"
        u"Alors ?</blockquote></div><p>Signature</p>"_s;
    QCOMPARE(HtmlTextConverter::toPreviewText(html),
             u"Oui, voir l'agenda.\nLe lun. 2 juin, Marie a écrit :\n\nSignature"_s);
    QCOMPARE(HtmlTextConverter::toText(html), u"Oui, voir l'agenda <https://x.fr/agenda>.\nLe lun. 2 juin, "
                                              u"Marie a écrit :\n\n> Tu viens ?[photo]\n>\n"
                                              u">> Vraiment ?\n>\n> Alors ?\n\nSignature"_s);
}

void TestHtmlText::sizeLimit()
{
    const QString big(HtmlTextConverter::kMaxHtmlChars + 10, u'a');
    QVERIFY(HtmlTextConverter::exceedsLimit(big));
    QVERIFY(!HtmlTextConverter::exceedsLimit(QStringView(big).first(HtmlTextConverter::kMaxHtmlChars)));
    QCOMPARE(HtmlTextConverter::toText(big).size(), HtmlTextConverter::kMaxHtmlChars);

    // A cut inside a surrogate pair leaves no lone half behind.
    QString astral(HtmlTextConverter::kMaxHtmlChars - 1, u'a');
    astral += u"\U0001F600"_s;
    QCOMPARE(HtmlTextConverter::toText(astral).size(), HtmlTextConverter::kMaxHtmlChars - 1);
}

void TestHtmlText::hostile_data()
{
    QTest::addColumn<QString>("html");
    QTest::addColumn<QString>("expected");

    constexpr int kDeep = 100'000;
    const qsizetype kTwoMegabytes = HtmlTextConverter::kMaxHtmlChars;
    QTest::newRow("100,000 nested div")
        << repeated(u"<div>"_s, kDeep) + u"x"_s + repeated(u"</div>"_s, kDeep) << u"x"_s;
    QTest::newRow("100,000 nested b, unclosed") << repeated(u"<b>"_s, kDeep) + u"x"_s << u"x"_s;
    QTest::newRow("100,000 nested tables, unclosed")
        << repeated(u"<table><tr><td>"_s, kDeep) + u"x"_s << u"x"_s;
    QTest::newRow("50,000 nested tables") << repeated(u"<table><tr><td>"_s, kDeep / 2) + u"x"_s +
                                                 repeated(u"</td></tr></table>"_s, kDeep / 2) + u"y"_s
                                          << u"x\n\ny"_s;
    QTest::newRow("100,000 nested blockquotes") << repeated(u"<blockquote>"_s, kDeep) + u"x"_s
                                                << QString(HtmlTextConverter::kMaxQuoteDepth, u'>') + u" x"_s;
    QTest::newRow("50,000 nested blockquotes")
        << repeated(u"<blockquote>"_s, kDeep / 2) + u"x"_s + repeated(u"</blockquote>"_s, kDeep / 2) + u"y"_s
        << QString(HtmlTextConverter::kMaxQuoteDepth, u'>') + u" x\n\ny"_s;
    QTest::newRow("100,000 nested lists")
        << repeated(u"<ol><li>"_s, kDeep) + u"x"_s + repeated(u"</li></ol>"_s, kDeep) + u"<ol><li>y"_s
        << QString(2 * (HtmlTextConverter::kMaxListDepth - 1), u' ') + u"• x\n\n1. y"_s;
    QTest::newRow("100,000 nested links") << repeated(u"<a href=x.fr>"_s, kDeep) + u"x"_s << u"x <x.fr>"_s;
    QTest::newRow("100,000 nested pre") << repeated(u"<pre>"_s, kDeep) + u"x  y"_s << u"x  y"_s;
    QTest::newRow("2 MB of <") << QString(kTwoMegabytes, u'<') << QString(kTwoMegabytes, u'<');
    QTest::newRow("unterminated comment") << u"avant<!--"_s + QString(kTwoMegabytes, u'-') << u"avant"_s;
    QTest::newRow("200,000 comments") << repeated(u"<!-- c -->"_s, 200'000) + u"fin"_s << u"fin"_s;
    QTest::newRow("unterminated attribute quote")
        << u"avant<a href=\""_s + repeated(u"x>"_s, kTwoMegabytes / 2) << u"avant"_s;
    QTest::newRow("attributes without end") << repeated(u"<a b=c d='e' "_s, 150'000) << QString();
    QTest::newRow("unterminated script")
        << u"avant<script>"_s + repeated(u"</scrip"_s, 250'000) << u"avant"_s;
    QTest::newRow("150,000 unterminated CDATA") << repeated(u"<![CDATA[a>"_s, 150'000) + u"fin"_s << u"fin"_s;
    QTest::newRow("2 MB of &") << repeated(u"&a"_s, kTwoMegabytes / 2)
                               << repeated(u"&a"_s, kTwoMegabytes / 2);
    QTest::newRow("2 MB of digits") << u"&#"_s + QString(kTwoMegabytes, u'9') << u"\uFFFD"_s;
    QTest::newRow("2 MB of tags") << repeated(u"<p>"_s, kTwoMegabytes / 3) + u"x"_s << u"x"_s;
    QTest::newRow("2 MB of br") << repeated(u"a<br>"_s, kTwoMegabytes / 5)
                                << repeated(u"a\n"_s, kTwoMegabytes / 5).chopped(1);
}

void TestHtmlText::hostile()
{
    QFETCH(QString, html);
    QFETCH(QString, expected);
    QElapsedTimer timer;
    timer.start();
    const QString text = HtmlTextConverter::toText(html);
    const qint64 textElapsed = timer.restart();
    const QString preview = HtmlTextConverter::toPreviewText(html);
    const qint64 previewElapsed = timer.elapsed();
    if (qEnvironmentVariableIntValue("AMIENS_BENCH") == 1)
        qInfo("%lld ms (preview %lld ms) for %lld characters", textElapsed, previewElapsed,
              qlonglong(html.size()));
    QCOMPARE(text, expected);
    QVERIFY(preview.size() <= text.size()); // the preview only leaves things out
    // Guards against hangs only: the exact output above is the real proof.
    QVERIFY2(textElapsed < 1000, qPrintable(u"%1 ms"_s.arg(textElapsed)));
    QVERIFY2(previewElapsed < 1000, qPrintable(u"%1 ms"_s.arg(previewElapsed)));
}

QTEST_APPLESS_MAIN(TestHtmlText)
#include "tst_htmltext.moc"
