// Outlook's winmail.dat (application/ms-tnef): text and files out of hand-built TNEF streams
// (tests/data/tnef/make-fixtures.py), and corrupt streams that must give ok = false, never a crash
// and never a line on stdout (amiens-mail-cli prints JSON there).
#include "mime/TnefDecoder.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryFile>
#include <QTest>
#include <cstdio>
#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;
using namespace Amiens;

namespace {

QByteArray fixture(const char *name)
{
    QFile file(QStringLiteral(AMIENS_SOURCE_DIR "/tests/data/tnef/") + QString::fromLatin1(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", name);
    return file.readAll();
}

const char *const kFixtures[] = {"body-and-files.tnef", "rtf-only.tnef", "html-body.tnef"};

void appendLe32(QByteArray &out, quint32 value)
{
    for (int i = 0; i < 4; ++i)
        out += char((value >> (8 * i)) & 0xff);
}

quint32 le32(const QByteArray &bytes, qsizetype at)
{
    quint32 value = 0;
    for (int i = 3; i >= 0; --i)
        value = value << 8 | uchar(bytes[at + i]);
    return value;
}

/// A small TNEF writer for the streams the fixtures do not cover.
QByteArray record(char level, quint32 attribute, const QByteArray &data)
{
    QByteArray out(1, level);
    appendLe32(out, attribute);
    appendLe32(out, quint32(data.size()));
    out += data;
    quint32 sum = 0;
    for (const char c : data)
        sum += uchar(c);
    out += char(sum & 0xff);
    out += char((sum >> 8) & 0xff);
    return out;
}

QByteArray header()
{
    QByteArray out;
    appendLe32(out, 0x223E9F78);
    out += '\x01';
    out += '\0';
    return out;
}

QByteArray string8Property(quint16 id, const QByteArray &value)
{
    QByteArray out;
    appendLe32(out, quint32(id) << 16 | 0x001E);
    appendLe32(out, 1);
    appendLe32(out, quint32(value.size() + 1));
    out += value;
    out += '\0';
    while (out.size() % 4)
        out += '\0';
    return out;
}

QByteArray mapiBlock(const QList<QByteArray> &properties)
{
    QByteArray out;
    appendLe32(out, quint32(properties.size()));
    for (const QByteArray &property : properties)
        out += property;
    return out;
}

constexpr quint32 kAttMapiProps = 0x00069003;
constexpr quint32 kAttRenddata = 0x00069002;
constexpr quint32 kAttData = 0x0006800F;
constexpr quint32 kAttTitle = 0x00018010;

/// Rewrites every record's checksum, so that a corruption reaches the record's content.
void repairChecksums(QByteArray &stream)
{
    qsizetype position = 6;
    while (stream.size() - position >= 9) {
        const quint32 size = le32(stream, position + 5);
        position += 9;
        if (quint64(size) + 2 > quint64(stream.size() - position))
            return;
        quint32 sum = 0;
        for (qsizetype i = position; i < position + qsizetype(size); ++i)
            sum += uchar(stream[i]);
        stream[position + size] = char(sum & 0xff);
        stream[position + size + 1] = char((sum >> 8) & 0xff);
        position += size + 2;
    }
}

/// Runs @p work with stdout sent to a file, and returns what was printed.
template <typename Work>
QByteArray capturedStdout(Work work)
{
#ifdef Q_OS_UNIX
    QTemporaryFile capture;
    if (!capture.open())
        qFatal("no temporary file");
    std::fflush(stdout);
    const int saved = ::dup(STDOUT_FILENO);
    ::dup2(capture.handle(), STDOUT_FILENO);
    work();
    std::fflush(stdout);
    ::dup2(saved, STDOUT_FILENO);
    ::close(saved);
    capture.seek(0);
    return capture.readAll();
#else
    work();
    return {};
#endif
}

} // namespace

class TestTnef : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void bodyAndFiles();
    void rtfOnlyBody();
    void htmlBodyAndSkippedParts();
    void notTnef();
    void longValuesLibytnefRefuses();
    void filesAreCapped();
    void truncatedStreams();
    void bitFlips();
    void corruptContentWithValidChecksums();
};

void TestTnef::bodyAndFiles()
{
    const TnefContent content = TnefDecoder::decode(fixture("body-and-files.tnef"));
    QVERIFY(content.ok);
    QCOMPARE(content.text,
             u"Bonjour,\n\nVeuillez trouver ci-joint la convocation au conseil pédagogique et la "
             u"liste des élèves concernés.\n\nCordialement,\nMarie Dupont\n"
             u"CPE – Collège Jules Verne"_s);
    QVERIFY(content.html.isEmpty());
    QVERIFY(content.rtf.isEmpty());
    QCOMPARE(content.files.size(), 2);
    QCOMPARE(content.files[0].name, u"convocation.pdf"_s);
    QCOMPARE(content.files[0].mimeType, u"application/pdf"_s);
    QVERIFY(content.files[0].data.startsWith("%PDF-1.4\n"));
    QVERIFY(content.files[0].data.endsWith("%%EOF\n"));
    QCOMPARE(content.files[1].name, u"liste élèves.xlsx"_s);
    QCOMPARE(content.files[1].mimeType,
             u"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"_s);
    QCOMPARE(content.files[1].data.size(), 286);
    QVERIFY(content.files[1].data.startsWith("PK\x03\x04"));
}

void TestTnef::rtfOnlyBody()
{
    const TnefContent content = TnefDecoder::decode(fixture("rtf-only.tnef"));
    QVERIFY(content.ok);
    QVERIFY(content.rtf.startsWith("{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl"));
    QVERIFY(content.rtf.endsWith("\\tab Marie\\par\r\n}\r\n"));
    QCOMPARE(content.text,
             u"Bonjour à tous,\n\nLa réunion du conseil pédagogique est reportée au lundi.\n\tMarie"_s);
    // Known only by its title: the last path component, in the stream's code page.
    QCOMPARE(content.files.size(), 1);
    QCOMPARE(content.files[0].name, u"NOTE_É.TXT"_s);
    QCOMPARE(content.files[0].mimeType, QString());
    QCOMPARE(content.files[0].data, QByteArray("Note \xe0 lire.\r\n"));
}

void TestTnef::htmlBodyAndSkippedParts()
{
    const TnefContent content = TnefDecoder::decode(fixture("html-body.tnef"));
    QVERIFY(content.ok);
    QVERIFY(content.text.isEmpty());
    QVERIFY(content.html.contains(u"<p>Réunion de rentrée&nbsp;: lundi 30 août à 9h.</p>"_s));
    // The attached message has no file data; the picture keeps only its file name and no MIME
    // type, as its tag is not one.
    QCOMPARE(content.files.size(), 1);
    QCOMPARE(content.files[0].name, u"collège.png"_s);
    QCOMPARE(content.files[0].mimeType, QString());
    QVERIFY(content.files[0].data.startsWith("\x89PNG"));
}

void TestTnef::notTnef()
{
    QVERIFY(!TnefDecoder::decode({}).ok);
    QVERIFY(!TnefDecoder::decode("x").ok);
    QVERIFY(!TnefDecoder::decode(QByteArray("%PDF-1.4\n").repeated(100)).ok);
    QVERIFY(!TnefDecoder::decode(header()).ok); // a signature and nothing else
    QByteArray tooBig = fixture("body-and-files.tnef");
    tooBig += record(2, kAttData, QByteArray(TnefDecoder::kMaxInput, 'x'));
    QVERIFY(!TnefDecoder::decode(tooBig).ok);
}

void TestTnef::longValuesLibytnefRefuses()
{
    // A 600 KB body (libytnef takes at most 512 KB per value), a 150-byte title and a long
    // subject: all of it is read, and libytnef never sees what it would refuse.
    const QByteArray body = QByteArray("Compte rendu du conseil d'administration. ").repeated(15000);
    const QByteArray title = QByteArray("a").repeated(146) + ".txt";
    QByteArray stream = header();
    stream += record(1, kAttMapiProps,
                     mapiBlock({string8Property(0x0037, QByteArray("Objet ").repeated(40)),
                                string8Property(0x1000, body)}));
    stream += record(2, kAttRenddata, QByteArray(14, '\0'));
    stream += record(2, kAttTitle, title + '\0');
    stream += record(2, kAttData, "contenu");
    TnefContent content;
    const QByteArray printed = capturedStdout([&] { content = TnefDecoder::decode(stream); });
    QCOMPARE(printed, QByteArray());
    QVERIFY(content.ok);
    QCOMPARE(content.text.toLatin1(), body);
    QCOMPARE(content.files.size(), 1);
    QCOMPARE(content.files[0].name, QString::fromLatin1(title));
}

void TestTnef::filesAreCapped()
{
    QByteArray stream = header();
    for (int i = 0; i < TnefDecoder::kMaxFiles + 50; ++i) {
        stream += record(2, kAttRenddata, QByteArray(14, '\0'));
        stream += record(2, kAttTitle, "f" + QByteArray::number(i) + ".txt" + '\0');
        stream += record(2, kAttData, QByteArray::number(i));
    }
    const TnefContent content = TnefDecoder::decode(stream);
    QVERIFY(content.ok);
    QCOMPARE(content.files.size(), TnefDecoder::kMaxFiles);
    QCOMPARE(content.files.last().name, u"f255.txt"_s);
    QCOMPARE(content.files.last().data, QByteArray("255"));
}

void TestTnef::truncatedStreams()
{
    for (const char *name : kFixtures) {
        const QByteArray whole = fixture(name);
        const qsizetype files = TnefDecoder::decode(whole).files.size();
        QList<qsizetype> failures;
        const QByteArray printed = capturedStdout([&] {
            for (qsizetype length = 0; length < whole.size(); ++length) {
                const TnefContent content = TnefDecoder::decode(whole.left(length));
                if (content.files.size() > files || (length < 15 && content.ok))
                    failures.append(length);
            }
        });
        QVERIFY2(failures.isEmpty(), name);
        QCOMPARE(printed, QByteArray());
    }
}

void TestTnef::bitFlips()
{
    for (const char *name : kFixtures) {
        const QByteArray whole = fixture(name);
        int accepted = 0;
        const QByteArray printed = capturedStdout([&] {
            for (qsizetype bit = 0; bit < whole.size() * 8; ++bit) {
                QByteArray flipped = whole;
                flipped[bit / 8] = char(flipped[bit / 8] ^ (1 << (bit % 8)));
                accepted += TnefDecoder::decode(flipped).ok;
            }
        });
        QCOMPARE(printed, QByteArray());
        // Only the key, the record levels and the checksum high bytes that a flip can leave
        // consistent: most flips are caught.
        QVERIFY2(accepted < whole.size(),
                 qPrintable(u"%1: %2 accepted"_s.arg(QString::fromLatin1(name)).arg(accepted)));
    }
}

void TestTnef::corruptContentWithValidChecksums()
{
    // Flips and random bytes inside records whose checksums are then made right again: this is
    // what reaches the MAPI walk, libytnef and the RTF decompressor.
    QRandomGenerator random(15);
    for (const char *name : kFixtures) {
        const QByteArray whole = fixture(name);
        const QByteArray printed = capturedStdout([&] {
            for (qsizetype bit = 6 * 8; bit < whole.size() * 8; ++bit) {
                QByteArray flipped = whole;
                flipped[bit / 8] = char(flipped[bit / 8] ^ (1 << (bit % 8)));
                repairChecksums(flipped);
                (void)TnefDecoder::decode(flipped);
            }
            for (int round = 0; round < 3000; ++round) {
                QByteArray mutated = whole;
                const int changes = 1 + int(random.bounded(8));
                for (int c = 0; c < changes; ++c) {
                    const qsizetype at = 6 + random.bounded(int(mutated.size() - 6));
                    mutated[at] = char(random.bounded(4) == 0 ? 0xff : random.bounded(256));
                }
                repairChecksums(mutated);
                (void)TnefDecoder::decode(mutated);
            }
        });
        QCOMPARE(printed, QByteArray());
    }
}

QTEST_GUILESS_MAIN(TestTnef)
#include "tst_tnef.moc"
