// Hostile HTML (issue 8): every forbidden construct leaves the sanitiser, and showing a message
// full of remote images, fonts and style sheets in the message view makes no network request,
// before or after "Afficher le contenu distant" (counted on a local TCP server the message
// points at).
#include "MessageBrowser.h"
#include "MessageView.h"
#include "NotificationBanner.h"
#include "mime/HtmlSanitizer.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Amiens;

class TestHostileContent : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void forbiddenConstructsAreRemoved_data();
    void forbiddenConstructsAreRemoved();
    void harmlessContentStays();
    void displayMakesNoNetworkRequest();
};

void TestHostileContent::forbiddenConstructsAreRemoved_data()
{
    QTest::addColumn<QString>("html");
    QTest::addColumn<QString>("forbidden");
    const auto row = [](const char *name, const QString &html, const QString &forbidden) {
        QTest::newRow(name) << html << forbidden;
    };
    row("script", u"<p>a<script>steal(document.cookie)</script>b</p>"_s, u"steal"_s);
    row("script, upper case, attributes",
        u"<SCRIPT type=\"text/javascript\" SRC=\"https://evil.example/x.js\"></SCRIPT>"_s, u"evil"_s);
    row("split script", u"<scr<script>x</script>ipt>alert(1)</script>"_s, u"<script"_s);
    row("iframe", u"<iframe src=\"https://evil.example/\">x</iframe>"_s, u"evil"_s);
    row("iframe srcdoc", u"<iframe srcdoc=\"&lt;script&gt;steal()&lt;/script&gt;\"></iframe>"_s, u"steal"_s);
    row("frameset", u"<frameset><frame src=\"https://evil.example/\"></frameset>"_s, u"evil"_s);
    row("object", u"<object data=\"https://evil.example/x.swf\">x</object>"_s, u"evil"_s);
    row("embed", u"<embed src=\"https://evil.example/x.swf\" type=\"application/x-shockwave-flash\">"_s,
        u"evil"_s);
    row("applet", u"<applet code=\"Evil.class\">x</applet>"_s, u"evil"_s);
    row("form action", u"<form action=\"https://evil.example/collect\" method=post><input name=p></form>"_s,
        u"evil"_s);
    row("button formaction", u"<button formaction=\"https://evil.example/\">ok</button>"_s, u"evil"_s);
    row("input outside a form", u"<input type=\"password\" name=\"pass\">"_s, u"password"_s);
    row("onclick", u"<p onclick=\"steal()\">a</p>"_s, u"steal"_s);
    row("onload on body", u"<body onload=\"steal()\">a</body>"_s, u"steal"_s);
    row("onerror on img", u"<img src=\"cid:x\" onerror=\"steal()\">"_s, u"steal"_s);
    row("onmouseover, upper case", u"<a href=\"https://a.example\" ONMOUSEOVER=\"steal()\">a</a>"_s,
        u"steal"_s);
    row("handler without quotes", u"<b onfocus=steal() tabindex=1>a</b>"_s, u"steal"_s);
    row("javascript: link", u"<a href=\"javascript:steal()\">x</a>"_s, u"steal"_s);
    row("javascript: with spaces and case", u"<a href=\" JaVaScRiPt :steal()\">x</a>"_s, u"steal"_s);
    row("javascript: with a tab", u"<a href=\"java\tscript:steal()\">x</a>"_s, u"steal"_s);
    row("javascript: entity-encoded", u"<a href=\"&#106;avascript:steal()\">x</a>"_s, u"steal"_s);
    row("javascript: hex entities", u"<a href=\"&#x6A;&#x61;vascript&colon;steal()\">x</a>"_s, u"steal"_s);
    row("vbscript: link", u"<a href=\"vbscript:MsgBox(1)\">x</a>"_s, u"msgbox"_s);
    row("data: link", u"<a href=\"data:text/html;base64,PHNjcmlwdD5zdGVhbCgpPC9zY3JpcHQ+\">x</a>"_s,
        u"PHNjcmlwdD5"_s);
    row("data: html as an image", u"<img src=\"data:text/html,&lt;script&gt;steal()&lt;/script&gt;\">"_s,
        u"steal"_s);
    row("javascript: image", u"<img src=\"javascript:steal()\">"_s, u"steal"_s);
    row("CSS url() in style", u"<p style=\"background-image:url(https://track.example/p.gif)\">a</p>"_s,
        u"track"_s);
    row("CSS url() in an allowed property",
        u"<p style=\"color: red; font-family: url(https://track.example/f)\">a</p>"_s, u"track"_s);
    row("CSS url() escaped", u"<p style=\"color: u\\72l(https://track.example/e)\">a</p>"_s, u"track"_s);
    row("CSS @import", u"<p style=\"color: red; @import 'https://track.example/i.css'\">a</p>"_s, u"track"_s);
    row("CSS expression", u"<p style=\"color: expression(steal())\">a</p>"_s, u"steal"_s);
    row("CSS behavior", u"<p style=\"behavior: url(evil.htc)\">a</p>"_s, u"evil"_s);
    row("CSS -moz-binding", u"<p style=\"-moz-binding: url(https://evil.example/x.xml#x)\">a</p>"_s,
        u"evil"_s);
    row("style element with @import", u"<style>@import url(https://track.example/s.css);</style>a"_s,
        u"track"_s);
    row("style element with @font-face",
        u"<style>@font-face{src:url(https://track.example/f.woff)}</style>a"_s, u"track"_s);
    row("link stylesheet", u"<link rel=\"stylesheet\" href=\"https://track.example/s.css\">a"_s, u"track"_s);
    row("meta refresh", u"<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/\">a"_s,
        u"evil"_s);
    row("base href", u"<base href=\"https://evil.example/\"><a href=\"/login\">x</a>"_s, u"evil"_s);
    row("svg script", u"<svg><script>steal()</script><circle r=\"4\"/></svg>"_s, u"steal"_s);
    row("svg onload", u"<svg onload=\"steal()\"></svg>"_s, u"steal"_s);
    row("math with a link",
        u"<math><maction actiontype=\"statusline\" xlink:href=\"javascript:steal()\">x</maction></math>"_s,
        u"steal"_s);
    row("table background",
        u"<table background=\"https://track.example/t.png\"><tr><td>a</td></tr></table>"_s, u"track"_s);
    row("srcset", u"<img src=\"cid:a\" srcset=\"https://track.example/2x.png 2x\">"_s, u"track"_s);
    row("video poster", u"<video poster=\"https://track.example/p.png\"></video>"_s, u"track"_s);
    row("audio", u"<audio src=\"https://track.example/a.mp3\" autoplay></audio>"_s, u"track"_s);
    row("remote image", u"<img src=\"https://track.example/pixel.gif\" width=1 height=1>"_s, u"track"_s);
    row("protocol-relative image", u"<img src=\"//track.example/pixel.gif\">"_s, u"track"_s);
    row("object in a comment trick",
        u"<!--<object data=\"x\">--><object data=\"https://evil.example\"></object>"_s, u"evil"_s);
    row("template", u"<template><script>steal()</script></template>"_s, u"steal"_s);
    row("noscript", u"<noscript><img src=\"https://track.example/ns.gif\"></noscript>"_s, u"track"_s);
}

void TestHostileContent::forbiddenConstructsAreRemoved()
{
    QFETCH(QString, html);
    QFETCH(QString, forbidden);
    const HtmlSanitizer::Result result = HtmlSanitizer::sanitize(html);
    QVERIFY2(!result.html.contains(forbidden, Qt::CaseInsensitive), qPrintable(result.html));
    // And nothing of the active kind, whatever the row is about.
    static const QRegularExpression active(
        uR"(<\s*(script|iframe|frame|object|embed|applet|form|input|button|style|link|meta|base|svg|math)\b|)"
        uR"(\son\w+\s*=|javascript:|vbscript:|url\s*\(|expression\s*\()"_s,
        QRegularExpression::CaseInsensitiveOption);
    QVERIFY2(!active.match(result.html).hasMatch(), qPrintable(result.html));
}

void TestHostileContent::harmlessContentStays()
{
    const HtmlSanitizer::Result result = HtmlSanitizer::sanitize(
        u"<p style=\"color: #333\">Bonjour <b>Marie</b>, voir <a href=\"https://www.ac-amiens.fr/\">le "
        u"site</a> "
        "et <a href=\"mailto:rssi@ac-amiens.fr\">le RSSI</a>.</p><img src=\"cid:logo\" alt=\"Logo\">"_s);
    QVERIFY(result.html.contains(u"<b>Marie</b>"_s));
    QVERIFY(result.html.contains(u"href=\"https://www.ac-amiens.fr/\""_s));
    QVERIFY(result.html.contains(u"href=\"mailto:rssi@ac-amiens.fr\""_s));
    QVERIFY(result.html.contains(u"src=\"cid:logo\""_s));
    QCOMPARE(result.blockedRemoteImages, 0);
}

void TestHostileContent::displayMakesNoNetworkRequest()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    int connections = 0;
    connect(&server, &QTcpServer::newConnection, this, [&] {
        while (QTcpSocket *socket = server.nextPendingConnection()) {
            ++connections;
            socket->close();
        }
    });
    const QString base = u"http://127.0.0.1:%1/"_s.arg(server.serverPort());
    const QString html =
        u"<html><head><link rel=\"stylesheet\" href=\"%1style.css\"><style>@import url(%1import.css); "
        "@font-face { font-family: Tracked; src: url(%1font.woff) } body { background: url(%1body.png) "
        "}</style>"
        "<meta http-equiv=\"refresh\" content=\"0;url=%1refresh\"><base href=\"%1\"></head><body>"
        "<p style=\"font-family: Tracked; background-image: url(%1inline.png)\">Bonjour</p>"
        "<img src=\"%1pixel.gif\" width=\"1\" height=\"1\"><img src=\"relative.gif\">"
        "<table background=\"%1table.png\"><tr><td>cellule</td></tr></table>"
        "<iframe src=\"%1frame\"></iframe><video poster=\"%1poster.png\" src=\"%1v.mp4\"></video>"
        "<img src=\"cid:inline-logo\" alt=\"logo\"></body></html>"_s.arg(base);
    const QByteArray raw =
        "From: Lettre <lettre@newsletter.example>\r\nTo: marie.dupont@ac-amiens.fr\r\n"
        "Subject: Nouveautes\r\nMessage-ID: <remote@newsletter.example>\r\nMIME-Version: 1.0\r\n"
        "Content-Type: text/html; charset=utf-8\r\n\r\n" +
        html.toUtf8() + "\r\n";
    CachedMessage summary;
    summary.headers.from = {u"Lettre"_s, u"lettre@newsletter.example"_s};
    summary.headers.subject = u"Nouveautes"_s;

    MessageView view;
    view.resize(800, 600);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.showMessage(summary, raw);
    view.repaint();
    QTest::qWait(200); // let any fetch that was started reach the server
    QVERIFY(view.remoteContentBlocked());
    QCOMPARE(connections, 0);
    // The sanitiser took the remote references out: the browser was not even asked for them.
    QCOMPARE(view.browser()->refusedResources(), 0);
    QVERIFY(view.bodyText().contains(u"Bonjour"_s));

    // "Afficher le contenu distant": the images are put back in the page, and the browser asks
    // for them, but by design it never fetches anything (they show as placeholders); the bar goes.
    NotificationBanner *remoteBar = nullptr;
    for (NotificationBanner *banner : view.findChildren<NotificationBanner *>()) {
        if (banner->isVisible() && banner->text().contains(u"amiens:show-remote"_s))
            remoteBar = banner;
    }
    QVERIFY(remoteBar);
    Q_EMIT remoteBar->linkActivated(u"amiens:show-remote"_s);
    view.repaint();
    QTest::qWait(200);
    QVERIFY(!view.remoteContentBlocked());
    QVERIFY(!remoteBar->isVisible());
    QVERIFY2(view.browser()->refusedResources() > 0, "the remote images were not put back in the page");
    QCOMPARE(connections, 0);

    // "Toujours pour cet expéditeur" is remembered for the sender, still without a fetch.
    QSignalSpy trusted(&view, &MessageView::senderTrusted);
    view.showMessage(summary, raw);
    for (NotificationBanner *banner : view.findChildren<NotificationBanner *>()) {
        if (banner->isVisible() && banner->text().contains(u"amiens:trust-sender"_s))
            Q_EMIT banner->linkActivated(u"amiens:trust-sender"_s);
    }
    QCOMPARE(trusted.size(), 1);
    QCOMPARE(trusted.first().first().toString(), u"lettre@newsletter.example"_s);
    view.showMessage(summary, raw);
    QVERIFY(!view.remoteContentBlocked());
    QTest::qWait(100);
    QCOMPARE(connections, 0);
}

QTEST_MAIN(TestHostileContent)
#include "tst_hostilecontent.moc"
