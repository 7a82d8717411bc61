// The message model's parts: the MIME tree, Content-* fields (RFC 2231), transfer encodings,
// charsets, and the model built from them (MessageContent::parse), on structures built here that
// the real-world corpus (tst_messagecorpus) does not isolate.
#include "mime/CharsetDecoder.h"
#include "mime/ContentField.h"
#include "mime/MessageContent.h"
#include "mime/MimeLimits.h"
#include "mime/MimeTree.h"
#include "mime/TransferDecoder.h"

#include <QBuffer>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Amiens;

class TestMessageModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void decodesTransferEncodingsAndCharsets();
    void plainTextWinsOverHtml();
    void attachmentsAreDetected_data();
    void attachmentsAreDetected();
    void brokenStructuresDoNotCrash();
    void rfc2231ParametersAreJoinedAndDecoded();
    void boundariesMatchExactlyAndByContinuation();
    void listFooterIsBodyNotAttachment();
    void embeddedMessageIsShownAndListed();
    void charsetLabelsAsMailersWriteThem();
    void base64IsLenientAndStreamed();
    void quotedPrintableIsStreamedExactly();
    void partsAndDepthAreCapped();
    void headersBeyondTheCapAreSkipped();
    void attachmentListsAgreeOnTheCorpus();
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

void TestMessageModel::decodesTransferEncodingsAndCharsets()
{
    const MessageContent html = MessageContent::parse(relatedHtmlWithImage());
    QCOMPARE(html.text.simplified(), u"Bonjour à tous, voici le plan du collège."_s);
    QVERIFY(html.attachments.isEmpty()); // the image is part of the HTML (Content-ID)
    QCOMPARE(html.inlineImages.value(u"plan@x"_s), QByteArray::fromBase64("iVBORw0KGgo="));
    QVERIFY(html.html.contains(u"cid:plan@x"_s));

    const QByteArray latin9 = built("Content-Type: text/plain; charset=ISO-8859-15\r\n"
                                    "Content-Transfer-Encoding: base64\r\n",
                                    QByteArray("Co\xfbt : 12 \xa4").toBase64() + "\r\n");
    QCOMPARE(MessageContent::parse(latin9).text, u"Coût : 12 €"_s);
}

void TestMessageModel::plainTextWinsOverHtml()
{
    const MessageContent result = MessageContent::parse(mixedWithAttachment());
    QCOMPARE(result.text.trimmed(), u"Réunion du conseil pédagogique"_s);
    QVERIFY(result.html.contains(u"<p>R\u00e9union</p>"_s)); // the view shows the HTML alternative
    QCOMPARE(result.attachments.size(), 1);
    QCOMPARE(result.attachments.first().name, u"ordre du jour.pdf"_s);
    QCOMPARE(MessageContent::attachmentData(mixedWithAttachment(), 0), QByteArray("%PDF-1.4\n"));
}

void TestMessageModel::attachmentsAreDetected_data()
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
    // An image shown in place between text pieces (Apple Mail) is body; marked attachment, a file.
    QTest::newRow("named image shown in place")
        << multipart("Content-Type: image/png; name=\"a.png\"\r\nContent-ID: <a@b>\r\n") << false;
    QTest::newRow("image marked attachment")
        << multipart("Content-Type: image/png; name=\"a.png\"\r\nContent-Disposition: attachment\r\n")
        << true;
    QTest::newRow("second text part") << multipart("Content-Type: text/plain\r\n") << false;
    QTest::newRow("forwarded message") << multipart("Content-Type: message/rfc822\r\n") << true;
}

void TestMessageModel::attachmentsAreDetected()
{
    QFETCH(QByteArray, raw);
    QFETCH(bool, attachment);
    QCOMPARE(!MessageContent::parse(raw).attachments.isEmpty(), attachment);
}

void TestMessageModel::brokenStructuresDoNotCrash()
{
    // Unterminated multipart: the part that came is kept.
    const QByteArray cut = built("Content-Type: multipart/mixed; boundary=b\r\n", "--b\r\n\r\ndébut coupé");
    // A sub-part without a header is text/plain (RFC 2045 §5.2).
    QCOMPARE(MessageContent::parse(cut).text, u"début coupé"_s);
    // A boundary-less multipart keeps its content as text; an empty message, a header without body.
    QCOMPARE(MessageContent::parse(built("Content-Type: multipart/mixed\r\n", "x")).text, u"x"_s);
    QVERIFY(MessageContent::parse({}).text.isEmpty());
    QCOMPARE(MessageContent::parse("Subject: x").text, QString());
    // Thousands of nested multiparts stop at a fixed depth instead of exhausting the stack.
    QByteArray nested;
    for (int i = 0; i < 5000; ++i)
        nested += "Content-Type: multipart/mixed; boundary=b" + QByteArray::number(i) + "\r\n\r\n--b" +
                  QByteArray::number(i) + "\r\n";
    nested += "Content-Type: text/plain\r\n\r\nfond\r\n";
    const MessageContent deep = MessageContent::parse(nested);
    QVERIFY(deep.text.isEmpty());
    QVERIFY(deep.incomplete);
    QCOMPARE(deep.notices.size(), 1);
    // Truncated quoted-printable and base64 decode what they can.
    const QByteArray qp =
        built("Content-Type: text/plain\r\nContent-Transfer-Encoding: quoted-printable\r\n", "a=4");
    QCOMPARE(MessageContent::parse(qp).text, u"a=4"_s);
}

void TestMessageModel::rfc2231ParametersAreJoinedAndDecoded()
{
    // "é" (C3 A9) split across two sections: converted once, after joining (RFC 2231 §4.1).
    const ContentField split = ContentField::parse(
        "attachment; filename*0*=UTF-8''Proc%C3; filename*1*=%A8s-verbal%20du%20CA.pdf; size=12");
    QCOMPARE(split.token(), QByteArray("attachment"));
    QCOMPARE(split.parameter("filename"), u"Procès-verbal du CA.pdf"_s);
    // Sections out of order, one of them plain.
    QCOMPARE(ContentField::parse("x/y; name*1=\"suite\"; name*0=\"d\u00e9but-\"").parameter("name"),
             u"début-suite"_s);
    // filename* wins over an RFC 2047 filename; an RFC 2047 name alone is decoded.
    QCOMPARE(ContentField::parse("attachment; filename=\"=?UTF-8?B?YXV0cmUucGRm?=\"; "
                                 "filename*=iso-8859-1''r%E9sum%E9.pdf")
                 .parameter("filename"),
             u"résumé.pdf"_s);
    QCOMPARE(
        ContentField::parse("application/pdf; name=\"=?UTF-8?Q?=C3=A9l=C3=A8ves.pdf?=\"").parameter("name"),
        u"élèves.pdf"_s);
    // Comments, quoting, case and white space.
    const ContentField type =
        ContentField::parse(" Text/HTML (corps) ; CHARSET = \"ISO-8859-1\" ; format=flowed");
    QCOMPARE(type.token(), QByteArray("text/html"));
    QCOMPARE(type.parameter("charset"), u"ISO-8859-1"_s);
    QCOMPARE(type.parameter("format"), u"flowed"_s);
    // Past the limits: the first parameters are kept, and the field says so.
    QByteArray many = "text/plain";
    for (int i = 0; i < 5000; ++i)
        many += "; p" + QByteArray::number(i) + "=v";
    const ContentField capped = ContentField::parse(many);
    QVERIFY(capped.limitReached());
    QCOMPARE(capped.parameter("p0"), u"v"_s);
    QVERIFY(!capped.hasParameter("p4999"));
}

void TestMessageModel::boundariesMatchExactlyAndByContinuation()
{
    // A boundary given as RFC 2231 sections, and an inner boundary that starts with the outer one.
    const QByteArray raw =
        built("Content-Type: multipart/mixed; boundary*0=\"out\"; boundary*1=\"er\"\r\n",
              "--outer\r\nContent-Type: multipart/alternative; boundary=\"outer-2\"\r\n\r\n"
              "--outer-2\r\nContent-Type: text/plain\r\n\r\nun\r\n"
              "--outer-2--\r\n"
              "--outer\r\nContent-Type: text/plain\r\n\r\ndeux\r\n--outer--\r\n");
    const MimeTree tree = MimeTree::parse(raw);
    QCOMPARE(tree.parts().size(), 4);
    QCOMPARE(tree.parts().at(0).children.size(), 2);
    QCOMPARE(tree.parts().at(1).children.size(), 1);
    QCOMPARE(MimeTree::bodyOf(raw, tree.parts().at(2)), QByteArrayView("un"));
    QCOMPARE(MessageContent::parse(raw).text, u"un\n\ndeux"_s);
}

void TestMessageModel::listFooterIsBodyNotAttachment()
{
    // Sympa: mixed > (alternative > plain + html) + text/plain footer; four levels with related.
    const QByteArray raw = built(
        "Content-Type: multipart/mixed; boundary=L\r\n",
        "--L\r\nContent-Type: multipart/related; boundary=R\r\n\r\n"
        "--R\r\nContent-Type: multipart/alternative; boundary=A\r\n\r\n"
        "--A\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nInscriptions ouvertes.\r\n"
        "--A\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Inscriptions <b>ouvertes</b>.</p>"
        "<img src=\"cid:logo\">\r\n--A--\r\n"
        "--R\r\nContent-Type: image/png\r\nContent-ID: <logo>\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        "iVBORw0KGgo=\r\n--R--\r\n"
        "--L\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Disposition: inline\r\n\r\n"
        "Liste profs-80 : se désabonner\r\n--L--\r\n");
    const MessageContent content = MessageContent::parse(raw);
    QCOMPARE(content.text, u"Inscriptions ouvertes.\n\nListe profs-80 : se désabonner"_s);
    QVERIFY(content.attachments.isEmpty());
    QVERIFY(content.html.contains(u"<b>ouvertes</b>"_s));
    QVERIFY(content.html.contains(u"se désabonner"_s));
    QVERIFY(content.inlineImages.contains(u"logo"_s));
}

void TestMessageModel::embeddedMessageIsShownAndListed()
{
    const QByteArray inner = "From: =?UTF-8?Q?C=C3=A9cile?= <cecile@ac-amiens.fr>\r\nSubject: Sortie au "
                             "mus\xc3\xa9"
                             "e\r\nDate: Mon, 7 Dec 2026 10:00:00 +0100\r\n\r\nLe bus part \xc3\xa0 8 h.\r\n";
    const QByteArray raw =
        built("Content-Type: multipart/mixed; boundary=F\r\n",
              "--F\r\nContent-Type: text/plain\r\n\r\nPour information.\r\n"
              "--F\r\nContent-Type: message/rfc822\r\nContent-Disposition: inline\r\n\r\n" +
                  inner + "--F--\r\n");
    const MessageContent content = MessageContent::parse(raw);
    QVERIFY(content.text.startsWith(u"Pour information."_s));
    QVERIFY(content.text.contains(u"Sortie au musée"_s));
    QVERIFY(content.text.contains(u"Cécile <cecile@ac-amiens.fr>"_s));
    QVERIFY(content.text.endsWith(u"Le bus part à 8 h."_s));
    QCOMPARE(content.attachments.size(), 1);
    QCOMPARE(content.attachments.first().name, u"Sortie au musée.eml"_s);
    QCOMPARE(content.attachments.first().mimeType, u"message/rfc822"_s);
    // The line break before the delimiter belongs to the delimiter (RFC 2046 §5.1.1).
    QCOMPARE(MessageContent::attachmentData(raw, 0), inner.chopped(2));
}

void TestMessageModel::charsetLabelsAsMailersWriteThem()
{
    QCOMPARE(CharsetDecoder::toUnicode("l\x92\xe9t\xe9 \x80", "iso-8859-1"), u"l’été €"_s);
    QCOMPARE(CharsetDecoder::toUnicode("\xe9t\xe9", "latin1"), u"été"_s);
    QCOMPARE(CharsetDecoder::toUnicode("\xc3\xa9t\xc3\xa9", "utf8"), u"été"_s);
    QCOMPARE(CharsetDecoder::toUnicode("\xc3\xa9t\xc3\xa9", "unknown-8bit"), u"été"_s);
    QCOMPARE(CharsetDecoder::toUnicode("\xe9t\xe9", "utf-8"), u"été"_s); // a mailer that lies
    QCOMPARE(CharsetDecoder::toUnicode("\xe9t\xe9", "x-no-such-charset"), u"été"_s);
    QCOMPARE(CharsetDecoder::toUnicode("caf\xe9", QByteArray(10000, 'x')), u"café"_s);
}

void TestMessageModel::base64IsLenientAndStreamed()
{
    QCOMPARE(TransferDecoder::decode("SGVsbG8", TransferDecoder::Encoding::Base64), QByteArray("Hello"));
    QCOMPARE(TransferDecoder::decode("SGVs\r\n!!bG8g==d29y", TransferDecoder::Encoding::Base64),
             QByteArray("Hello wor"));
    QCOMPARE(TransferDecoder::decodedSize("SGVsbG8gd29ybGQ=\r\n", TransferDecoder::Encoding::Base64), 11);
    QCOMPARE(TransferDecoder::decode("a=3Db=\r\nc=ZZ=", TransferDecoder::Encoding::QuotedPrintable),
             QByteArray("a=bc=ZZ="));

    // A 3 MB attachment decoded in pieces gives exactly the bytes decoded at once.
    QByteArray data(3 * 1024 * 1024 + 7, Qt::Uninitialized);
    for (qsizetype i = 0; i < data.size(); ++i)
        data[i] = static_cast<char>((i * 7919) % 251);
    QByteArray encoded;
    const QByteArray flat = data.toBase64();
    for (qsizetype i = 0; i < flat.size(); i += 76)
        encoded += flat.mid(i, 76) + "\r\n";
    const QByteArray raw = built("Content-Type: multipart/mixed; boundary=b\r\n",
                                 "--b\r\nContent-Type: text/plain\r\n\r\nCi-joint.\r\n--b\r\n"
                                 "Content-Type: application/octet-stream; name=\"scan0001.PDF\"\r\n"
                                 "Content-Transfer-Encoding: base64\r\n\r\n" +
                                     encoded + "--b--\r\n");
    const MessageContent content = MessageContent::parse(raw);
    QCOMPARE(content.attachments.size(), 1);
    QCOMPARE(content.attachments.first().size, data.size());
    QCOMPARE(content.attachments.first().mimeType, u"application/pdf"_s); // from the name
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QVERIFY(MessageContent::writeAttachment(raw, 0, buffer));
    QCOMPARE(buffer.data(), data);
    QCOMPARE(MessageContent::attachmentData(raw, 0), data);
}

void TestMessageModel::quotedPrintableIsStreamedExactly()
{
    // A 300 KB attachment as some mailers write it: every byte outside printable ASCII escaped,
    // soft line breaks every 76 characters (CRLF and bare LF), an escape cut by no chunk. Decoded
    // at once, in 64 KB pieces and measured, it gives the same bytes.
    QByteArray data(300 * 1024 + 3, Qt::Uninitialized);
    for (qsizetype i = 0; i < data.size(); ++i)
        data[i] = static_cast<char>((i * 7919) % 256);
    QByteArray encoded;
    qsizetype lineLength = 0;
    for (qsizetype i = 0; i < data.size(); ++i) {
        const auto byte = static_cast<unsigned char>(data.at(i));
        const QByteArray piece = byte >= 33 && byte <= 126 && byte != '='
                                     ? QByteArray(1, char(byte))
                                     : "=" + QByteArray::number(byte, 16).toUpper().rightJustified(2, '0');
        if (lineLength + piece.size() > 75) {
            encoded += (i % 2) ? "=\r\n" : "=\n";
            lineLength = 0;
        }
        encoded += piece;
        lineLength += piece.size();
    }
    QCOMPARE(TransferDecoder::decode(encoded, TransferDecoder::Encoding::QuotedPrintable), data);
    QCOMPARE(TransferDecoder::decodedSize(encoded, TransferDecoder::Encoding::QuotedPrintable), data.size());
    // The attachment as MessageContent::writeAttachment() streams it, in 64 KB pieces.
    const auto streamed = [](const QByteArray &typeAndName, const QByteArray &body) {
        const QByteArray raw = built(
            "Content-Type: multipart/mixed; boundary=b\r\n",
            "--b\r\nContent-Type: text/plain\r\n\r\nCi-joint.\r\n--b\r\n"
            "Content-Type: " +
                typeAndName + "\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n" + body + "--b--\r\n");
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        return MessageContent::writeAttachment(raw, 0, buffer) ? buffer.data() : QByteArray("failed");
    };
    // The line break before the boundary belongs to the boundary (RFC 2046 §5.1.1).
    QCOMPARE(streamed("application/octet-stream; name=\"releve.bin\"", encoded + "\r\n"), data);

    // Lines far longer than the standard's 76 characters (a mailer that never folds): a chunk
    // ends only at a line end, past its size.
    QByteArray longLines;
    for (int line = 0; line < 60; ++line)
        longLines += QByteArray(3000 + line, char('a' + line % 26)) + "=C3=A9\r\n";
    QByteArray expected = TransferDecoder::decode(longLines, TransferDecoder::Encoding::QuotedPrintable);
    expected.chop(2); // the last line break belongs to the boundary
    QCOMPARE(streamed("text/csv; name=\"notes.csv\"", longLines), expected);
    QCOMPARE(expected.count("\xc3\xa9"), 60);

    // Hard line breaks are kept, a broken escape stays as it came, a decoding cut short returns
    // the bytes asked for.
    QCOMPARE(TransferDecoder::decode("caf=C3=A9\r\nth=\r\n=C3=A9\n=G1",
                                     TransferDecoder::Encoding::QuotedPrintable),
             QByteArray("caf\xc3\xa9\r\nth\xc3\xa9\n=G1"));
    QCOMPARE(TransferDecoder::decode("ab=\r\ncd\r\nef", TransferDecoder::Encoding::QuotedPrintable, 3),
             QByteArray("abc"));
}

void TestMessageModel::partsAndDepthAreCapped()
{
    QByteArray siblings;
    for (int i = 0; i < 10000; ++i)
        siblings += "--s\r\nContent-Type: text/plain\r\n\r\nx\r\n";
    const MimeTree wide = MimeTree::parse(built("Content-Type: multipart/mixed; boundary=s\r\n", siblings));
    QCOMPARE(wide.parts().size(), MimeLimits::kMaxParts);
    QVERIFY(wide.limitReached());

    QByteArray nested = "Content-Type: text/plain\r\n\r\nlisible\r\n";
    for (int i = 0; i < 200; ++i)
        nested = "Content-Type: multipart/mixed; boundary*0=\"n" + QByteArray::number(i) + "\"\r\n\r\n--n" +
                 QByteArray::number(i) + "\r\n" + nested + "--n" + QByteArray::number(i) + "--\r\n";
    const MimeTree deep = MimeTree::parse(nested);
    QVERIFY(deep.limitReached());
    int deepest = 0;
    for (const MimePart &part : deep.parts())
        deepest = std::max(deepest, part.depth);
    QCOMPARE(deepest, MimeLimits::kMaxDepth);
    const MessageContent content = MessageContent::parse(nested);
    QVERIFY(content.incomplete);
    QCOMPARE(content.notices, QStringList{MessageContent::parse(nested).notices.first()});
}

void TestMessageModel::headersBeyondTheCapAreSkipped()
{
    // The Content-Type after 300 KB of other fields is not read: the part stays text/plain.
    QByteArray header;
    for (int i = 0; i < 6000; ++i)
        header += "X-Filler-" + QByteArray::number(i) + ": " + QByteArray(40, 'a') + "\r\n";
    const QByteArray raw = header + "Content-Type: text/html\r\n\r\n<b>gras</b>\r\n";
    const MimeTree tree = MimeTree::parse(raw);
    QVERIFY(tree.limitReached());
    QCOMPARE(tree.parts().first().contentType.token(), QByteArray("text/plain"));
}

void TestMessageModel::attachmentListsAgreeOnTheCorpus()
{
    // The view lists parse()'s attachments and saves them through attachmentData(), which reads
    // the message again without its text: both must see the same files, in the same order.
    const QDir corpus(QStringLiteral(AMIENS_SOURCE_DIR "/tests/data/realworld"));
    int files = 0;
    for (const QString &name : corpus.entryList({u"*.eml"_s}, QDir::Files)) {
        QFile file(corpus.filePath(name));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray raw = file.readAll();
        const MessageContent content = MessageContent::parse(raw);
        for (int i = 0; i < content.attachments.size(); ++i) {
            ++files;
            QVERIFY2(MessageContent::attachmentData(raw, i).size() == content.attachments.at(i).size,
                     qPrintable(name + u" #"_s + QString::number(i)));
        }
        QVERIFY2(MessageContent::attachmentData(raw, static_cast<int>(content.attachments.size())).isEmpty(),
                 qPrintable(name));
    }
    QVERIFY(files > 40);
}

QTEST_GUILESS_MAIN(TestMessageModel)
#include "tst_messagemodel.moc"
