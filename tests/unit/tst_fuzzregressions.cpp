// Every input that crashed, hung or blocked the message pipeline (tests/data/crashes/, found by
// scripts/fuzz or by review), and every message fixture of the tree, through what the reading
// window does with a message: MIME parse, headers, sanitised body, attachments, phishing checks.
#include "mime/HtmlSanitizer.h"
#include "mime/MessageContent.h"
#include "mime/MimeTree.h"
#include "security/SafeMessage.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Amiens;

class TestFuzzRegressions : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyFixtureIsShownSafely_data();
    void everyFixtureIsShownSafely();
    void deeplyNestedMultipartsAreRefusedQuickly();
    void multipartDepthOfRealMail();
    void deeplyNestedHtmlIsFlattened();
};

void TestFuzzRegressions::everyFixtureIsShownSafely_data()
{
    QTest::addColumn<QString>("path");
    for (const char *folder : {"crashes", "messages", "phishing"}) {
        const QDir dir(QStringLiteral(AMIENS_SOURCE_DIR "/tests/data/") + QLatin1String(folder));
        for (const QString &file :
             dir.entryList({u"*.eml"_s, u"crash-*"_s, u"timeout-*"_s, u"oom-*"_s}, QDir::Files))
            QTest::newRow(qPrintable(QLatin1String(folder) + u'/' + file)) << dir.filePath(file);
    }
}

void TestFuzzRegressions::everyFixtureIsShownSafely()
{
    QFETCH(QString, path);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray raw = file.readAll();
    const PhishingAnalyzer analyzer(PhishingAnalyzer::defaultTrustedDomains(), {u"Élodie Lefèvre"_s});
    for (const bool allowRemote : {false, true}) {
        const SafeMessage shown = SafeMessage::fromRaw(raw, analyzer, {allowRemote, false});
        QVERIFY(!shown.bodyHtml.contains(u"<script"_s, Qt::CaseInsensitive));
        for (int i = 0; i < shown.content.attachments.size(); ++i)
            QCOMPARE(MessageContent::attachmentData(raw, i).size(), shown.content.attachments.at(i).size);
        (void)shown.content.preview();
    }
}

void TestFuzzRegressions::deeplyNestedMultipartsAreRefusedQuickly()
{
    QFile file(QStringLiteral(AMIENS_SOURCE_DIR "/tests/data/crashes/nested-multipart-1000.eml"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray raw = file.readAll();
    QVERIFY(MimeTree::parse(raw).limitReached());
    const MessageContent content = MessageContent::parse(raw);
    // The headers are there, the structure is read down to the cap, with the reason shown.
    QCOMPARE(content.headers.subject, u"Imbrication"_s);
    QVERIFY(content.incomplete);
    QCOMPARE(content.notices.size(), 1);
    QVERIFY(MessageContent::attachmentData(raw, content.attachments.size()).isEmpty());
}

void TestFuzzRegressions::multipartDepthOfRealMail()
{
    // A signed reply with an attachment and an HTML alternative nests three levels: far below the cap.
    const QByteArray raw =
        "Content-Type: multipart/signed; boundary=\"s\"\r\n\r\n--s\r\n"
        "Content-Type: multipart/mixed;\r\n boundary=\"m\"\r\n\r\n--m\r\n"
        "Content-Type: multipart/alternative; BOUNDARY=a\r\n\r\n--a\r\nText\r\n--a\r\nHTML\r\n"
        "--a--\r\n--m\r\nPDF\r\n--m--\r\n--s\r\nsignature\r\n--s--\r\n"
        "Content-Type: multipart/mixed; boundary=\"after\"\r\n";
    const MimeTree tree = MimeTree::parse(raw);
    QVERIFY(!tree.limitReached());
    int deepest = 0;
    for (const MimePart &part : tree.parts())
        deepest = std::max(deepest, part.depth);
    QCOMPARE(deepest, 3);
    QCOMPARE(tree.parts().size(), 7); // signed, mixed, alternative, 2 texts, the PDF, the signature
    QCOMPARE(MimeTree::parse("From: a@b.fr\r\n\r\nboundary is a word\r\n").parts().size(), 1);
}

void TestFuzzRegressions::deeplyNestedHtmlIsFlattened()
{
    QString html;
    for (int i = 0; i < 20000; ++i)
        html += u"<div><b>"_s;
    html += u"fond"_s;
    for (int i = 0; i < 20000; ++i)
        html += u"</b></div>"_s;
    const HtmlSanitizer::Result result = HtmlSanitizer::sanitize(html);
    QVERIFY(result.html.contains(u"fond"_s));
    QVERIFY2(result.html.count(u"<div>"_s) <= HtmlSanitizer::kMaxOpenElements, "nesting kept");
    // Closing tags beyond what was kept are dropped too, so the page stays balanced.
    QCOMPARE(result.html.count(u"<div>"_s), result.html.count(u"</div>"_s));
}

QTEST_GUILESS_MAIN(TestFuzzRegressions)
#include "tst_fuzzregressions.moc"
