// The sync's light MIME pass (BodyTextScanner) against the full one (MessageContent::parse): the
// list's preview, paper clip and search index must say what the reading window shows.
#include "mime/BodyTextScanner.h"
#include "mime/MessageContent.h"

#include <QDirIterator>
#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Amiens;

class TestBodyTextScanner : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void agreesWithFullParse_data();
    void agreesWithFullParse();
    void decodesTransferEncodingsAndCharsets();
    void plainTextWinsOverHtml();
    void attachmentsAreDetected_data();
    void attachmentsAreDetected();
    void brokenStructuresDoNotCrash();
};

namespace {

// Built here rather than kept as files: each one shows a structure the fixtures lack.
QByteArray built(const QByteArray &header, const QByteArray &body)
{
    return "From: a@b.fr\r\nTo: c@d.fr\r\nSubject: s\r\nMIME-Version: 1.0\r\n" + header + "\r\n" + body;
}

QByteArray mixedWithAttachment()
{
    return built(
        "Content-Type: multipart/mixed; boundary=\"XYZ\"\r\n",
        "preamble\r\n--XYZ\r\nContent-Type: multipart/alternative; boundary=inner\r\n\r\n"
        "--inner\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
        "R\xc3\xa9union du conseil p\xc3\xa9"
        "dagogique\r\n--inner\r\n"
        "Content-Type: text/html; charset=utf-8\r\n\r\n<p>R\xc3\xa9union</p>\r\n--inner--\r\n"
        "--XYZ\r\nContent-Type: application/pdf; name=\"ordre du jour.pdf\"\r\n"
        "Content-Transfer-Encoding: base64\r\nContent-Disposition: attachment; filename=\"ordre du "
        "jour.pdf\"\r\n"
        "\r\nJVBERi0xLjQK\r\n--XYZ--\r\nepilogue\r\n");
}

QByteArray relatedHtmlWithImage()
{
    return built("Content-Type: multipart/related; boundary=rel\r\n",
                 "--rel\r\nContent-Type: text/html; charset=iso-8859-1\r\nContent-Transfer-Encoding: "
                 "quoted-printable\r\n\r\n"
                 "<html><body><b>Bonjour</b> =E0 tous, voici le plan=\r\n du coll=E8ge.<img "
                 "src=3D\"cid:plan@x\"></body></html>\r\n"
                 "--rel\r\nContent-Type: image/png\r\nContent-ID: <plan@x>\r\nContent-Transfer-Encoding: "
                 "base64\r\n\r\n"
                 "iVBORw0KGgo=\r\n--rel--\r\n");
}

} // namespace

void TestBodyTextScanner::agreesWithFullParse_data()
{
    QTest::addColumn<QByteArray>("raw");
    QDirIterator files(QStringLiteral(AMIENS_SOURCE_DIR "/tests/data"), {u"*.eml"_s}, QDir::Files,
                       QDirIterator::Subdirectories);
    int count = 0;
    while (files.hasNext()) {
        QFile file(files.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QTest::newRow(qPrintable(files.fileInfo().fileName())) << file.readAll();
        ++count;
    }
    QVERIFY(count > 10);
    QTest::newRow("mixed, alternative, attachment") << mixedWithAttachment();
    QTest::newRow("related HTML with an inline image") << relatedHtmlWithImage();
    QTest::newRow("no MIME at all") << QByteArray("Subject: x\r\n\r\nJust text.\r\n");
}

void TestBodyTextScanner::agreesWithFullParse()
{
    QFETCH(QByteArray, raw);
    const MessageContent full = MessageContent::parse(raw);
    const BodyTextScanner::Result light = BodyTextScanner::scan(raw);
    if (!full.problem.isEmpty()) {
        // A message the reading window refuses to decode (nesting deeper than both allow) gives
        // the index no text either.
        QVERIFY(light.text.isEmpty());
        return;
    }
    QCOMPARE(light.text.simplified(), full.text.simplified());
    QCOMPARE(light.hasAttachments, !full.attachments.isEmpty());
}

void TestBodyTextScanner::decodesTransferEncodingsAndCharsets()
{
    const BodyTextScanner::Result html = BodyTextScanner::scan(relatedHtmlWithImage());
    QCOMPARE(html.text.simplified(), u"Bonjour à tous, voici le plan du collège."_s);
    QVERIFY(!html.hasAttachments); // the image is part of the HTML (Content-ID)

    const QByteArray latin9 = built("Content-Type: text/plain; charset=ISO-8859-15\r\n"
                                    "Content-Transfer-Encoding: base64\r\n",
                                    QByteArray("Co\xfbt : 12 \xa4").toBase64() + "\r\n");
    QCOMPARE(BodyTextScanner::scan(latin9).text, u"Coût : 12 €"_s);
}

void TestBodyTextScanner::plainTextWinsOverHtml()
{
    const BodyTextScanner::Result result = BodyTextScanner::scan(mixedWithAttachment());
    QCOMPARE(result.text.trimmed(), u"Réunion du conseil pédagogique"_s);
    QVERIFY(result.hasAttachments);
}

void TestBodyTextScanner::attachmentsAreDetected_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<bool>("attachment");
    const auto multipart = [](const QByteArray &partHeader) {
        return built("Content-Type: multipart/mixed; boundary=b\r\n",
                     "--b\r\nContent-Type: text/plain\r\n\r\ntexte\r\n--b\r\n" + partHeader +
                         "\r\ndata\r\n--b--\r\n");
    };
    QTest::newRow("disposition attachment")
        << multipart("Content-Type: text/csv\r\nContent-Disposition: attachment\r\n") << true;
    QTest::newRow("octet-stream, no disposition")
        << multipart("Content-Type: application/octet-stream\r\n") << true;
    QTest::newRow("image with Content-ID")
        << multipart("Content-Type: image/png\r\nContent-ID: <a@b>\r\n") << false;
    QTest::newRow("named image with Content-ID")
        << multipart("Content-Type: image/png; name=\"a.png\"\r\nContent-ID: <a@b>\r\n") << true;
    QTest::newRow("second text part") << multipart("Content-Type: text/plain\r\n") << false;
    QTest::newRow("forwarded message") << multipart("Content-Type: message/rfc822\r\n") << true;
}

void TestBodyTextScanner::attachmentsAreDetected()
{
    QFETCH(QByteArray, raw);
    QFETCH(bool, attachment);
    QCOMPARE(BodyTextScanner::scan(raw).hasAttachments, attachment);
    QCOMPARE(!MessageContent::parse(raw).attachments.isEmpty(), attachment);
}

void TestBodyTextScanner::brokenStructuresDoNotCrash()
{
    // Unterminated multipart: the part that came is kept.
    const QByteArray cut = built("Content-Type: multipart/mixed; boundary=b\r\n", "--b\r\n\r\ndébut coupé");
    QVERIFY(BodyTextScanner::scan(cut).text.isEmpty()); // no Content-Type in a sub-part: not text
    // A boundary-less multipart, an empty message, a header without body.
    QVERIFY(BodyTextScanner::scan(built("Content-Type: multipart/mixed\r\n", "x")).text.isEmpty());
    QVERIFY(BodyTextScanner::scan({}).text.isEmpty());
    QCOMPARE(BodyTextScanner::scan("Subject: x").text, QString());
    // Thousands of nested multiparts stop at a fixed depth instead of exhausting the stack.
    QByteArray nested;
    for (int i = 0; i < 5000; ++i)
        nested += "Content-Type: multipart/mixed; boundary=b" + QByteArray::number(i) + "\r\n\r\n--b" +
                  QByteArray::number(i) + "\r\n";
    nested += "Content-Type: text/plain\r\n\r\nfond\r\n";
    QVERIFY(BodyTextScanner::scan(nested).text.isEmpty());
    // Truncated quoted-printable and base64 decode what they can.
    const QByteArray qp =
        built("Content-Type: text/plain\r\nContent-Transfer-Encoding: quoted-printable\r\n", "a=4");
    QCOMPARE(BodyTextScanner::scan(qp).text, u"a=4"_s);
}

QTEST_GUILESS_MAIN(TestBodyTextScanner)
#include "tst_bodytextscanner.moc"
