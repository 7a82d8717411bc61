#include "HostileMail.h"

#include <QRandomGenerator>
#include <QtEndian>
#include <algorithm>
#include <array>
#include <cstring>
#include <functional>
#include <utility>

using namespace Qt::StringLiterals;

// The hostile corpus of issue 15 (shared/research/real-mail.md §4 "Parser bombs";
// core/net/VmimeTraps.md, « Nested address groups » and « Recursive multiparts and boundaries »):
// each message attacks one place where a recursive or quadratic reader breaks, behind a first
// readable part (the canary) that a bounded reader must still show.
namespace Amiens {

namespace {

constexpr char kCanary[] = "Bonjour, ceci est la partie lisible.";
constexpr qsizetype kMiB = 1024 * 1024;
constexpr char kTopBoundary[] = "=_amiens_top";

using Field = std::pair<QByteArray, QByteArray>;

/// A plausible top header (relay, date, sender, recipient, subject, id). Each of @p fields replaces
/// the standard field of the same name, or is added after them, in order.
QByteArray topHeader(const QByteArray &caseName, const QList<Field> &fields = {})
{
    QList<Field> header = {
        {"Return-Path", "<secretariat.0800001x@ac-amiens.fr>"},
        {"Received", "from smtp.ac-amiens.fr (smtp.ac-amiens.fr [192.0.2.25])\r\n\tby mx1.ac-amiens.fr "
                     "with ESMTPS id 4TvQ2x1Zb7z9; Tue, 12 Mar 2024 09:15:02 +0100"},
        {"Date", "Tue, 12 Mar 2024 09:15:00 +0100"},
        {"From", "=?UTF-8?Q?Secr=C3=A9tariat_du_coll=C3=A8ge?= <secretariat.0800001x@ac-amiens.fr>"},
        {"To", "Marie Dupont <marie.dupont@ac-amiens.fr>"},
        {"Subject", "Cas hostile : " + caseName},
        {"Message-ID", "<hostile-" + caseName + "@ac-amiens.fr>"},
        {"MIME-Version", "1.0"},
    };
    for (const Field &field : fields) {
        const auto same = std::find_if(header.begin(), header.end(), [&field](const Field &existing) {
            return existing.first.compare(field.first, Qt::CaseInsensitive) == 0;
        });
        if (same != header.end())
            same->second = field.second;
        else
            header.append(field);
    }
    qsizetype size = 0;
    for (const Field &field : header)
        size += field.first.size() + field.second.size() + 4;
    QByteArray result;
    result.reserve(size);
    for (const Field &field : header)
        result += field.first + ": " + field.second + "\r\n";
    return result;
}

/// The first part of most cases: the sentence a bounded reader must still show.
QByteArray canaryPart()
{
    return QByteArray("Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n") +
           kCanary + "\r\n";
}

/// A multipart body: a preamble, then each of @p parts (its header lines, an empty line, its body
/// ending with CRLF) after a delimiter line, then the close delimiter.
QByteArray multipartBody(const QByteArray &boundary, const QList<QByteArray> &parts)
{
    QByteArray body = "This is a multi-part message in MIME format.\r\n";
    for (const QByteArray &part : parts)
        body += "--" + boundary + "\r\n" + part;
    body += "--" + boundary + "--\r\n";
    return body;
}

/// A multipart/mixed message made of @p parts, with @p fields in its top header.
QByteArray mixedMessage(const QByteArray &caseName, const QList<QByteArray> &parts,
                        const QList<Field> &fields = {})
{
    QList<Field> all = {{"Content-Type", QByteArray("multipart/mixed; boundary=\"") + kTopBoundary + "\""}};
    all += fields;
    return topHeader(caseName, all) + "\r\n" + multipartBody(kTopBoundary, parts);
}

/// A text/plain message whose body is @p body (the canary by default), with @p fields.
QByteArray textMessage(const QByteArray &caseName, const QList<Field> &fields,
                       const QByteArray &body = QByteArray(kCanary) + "\r\n")
{
    QList<Field> all = {{"Content-Type", "text/plain; charset=utf-8"}, {"Content-Transfer-Encoding", "8bit"}};
    all += fields;
    return topHeader(caseName, all) + "\r\n" + body;
}

/// Base64 in lines of @p width characters, as mailers write it.
QByteArray base64Lines(const QByteArray &data, qsizetype width = 76)
{
    const QByteArray encoded = data.toBase64();
    QByteArray out;
    out.reserve(encoded.size() + (encoded.size() / width + 1) * 2);
    const QByteArrayView view(encoded);
    for (qsizetype i = 0; i < view.size(); i += width) {
        out += view.sliced(i, std::min(width, view.size() - i));
        out += "\r\n";
    }
    return out;
}

/// @p size bytes that look random, the same for every run (fixed @p seed).
QByteArray randomBytes(qsizetype size, quint32 seed)
{
    QRandomGenerator generator(seed);
    QByteArray bytes(size, Qt::Uninitialized);
    char *out = bytes.data();
    for (qsizetype i = 0; i < size; i += 4) {
        const quint32 value = generator.generate();
        std::memcpy(out + i, &value, static_cast<size_t>(std::min<qsizetype>(4, size - i)));
    }
    return bytes;
}

/// 20,000 nested address groups, about 40 KB: VMime 0.9.2 overflows an 8 MB stack on it.
QByteArray nestedGroups()
{
    return QByteArray("g:").repeated(20000) + " victime@ac-amiens.fr;";
}

QByteArray attachmentPart(const QByteArray &mimeType, const QByteArray &fileName, const QByteArray &data)
{
    return "Content-Type: " + mimeType + "; name=\"" + fileName +
           "\"\r\nContent-Disposition: attachment; filename=\"" + fileName +
           "\"\r\nContent-Transfer-Encoding: base64\r\n\r\n" + base64Lines(data);
}

quint32 crc32Of(QByteArrayView data)
{
    static const auto table = [] {
        std::array<quint32, 256> entries{};
        for (quint32 n = 0; n < 256; ++n) {
            quint32 c = n;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xEDB88320U ^ (c >> 1) : c >> 1;
            entries[n] = c;
        }
        return entries;
    }();
    quint32 crc = 0xFFFFFFFFU;
    for (const char byte : data)
        crc = table[(crc ^ static_cast<quint8>(byte)) & 0xFF] ^ (crc >> 8);
    return crc ^ 0xFFFFFFFFU;
}

void appendLittleEndian(QByteArray &out, quint64 value, int bytes)
{
    for (int i = 0; i < bytes; ++i)
        out.append(static_cast<char>((value >> (8 * i)) & 0xFF));
}

/// A zip whose members are stored as they are; @p claimedSize, when not negative, is the size the
/// headers announce for every member instead of the real one (a lie).
QByteArray storedZip(const QList<std::pair<QByteArray, QByteArray>> &members, qint64 claimedSize = -1)
{
    QByteArray zip;
    QByteArray directory;
    for (const auto &[name, data] : members) {
        const quint32 crc = crc32Of(data);
        const quint64 size = claimedSize >= 0 ? quint64(claimedSize) : quint64(data.size());
        const auto offset = static_cast<quint32>(zip.size());
        zip += QByteArray("PK\x03\x04\x0A\0\0\0\0\0\0\0\0\0", 14);
        appendLittleEndian(zip, crc, 4);
        appendLittleEndian(zip, size, 4);
        appendLittleEndian(zip, size, 4);
        appendLittleEndian(zip, quint64(name.size()), 2);
        appendLittleEndian(zip, 0, 2);
        zip += name + data;
        directory += QByteArray("PK\x01\x02\x14\0\x0A\0\0\0\0\0\0\0\0\0", 16);
        appendLittleEndian(directory, crc, 4);
        appendLittleEndian(directory, size, 4);
        appendLittleEndian(directory, size, 4);
        appendLittleEndian(directory, quint64(name.size()), 2);
        directory += QByteArray(12, '\0');
        appendLittleEndian(directory, offset, 4);
        directory += name;
    }
    const auto directoryOffset = static_cast<quint32>(zip.size());
    zip += directory;
    zip += QByteArray("PK\x05\x06\0\0\0\0", 8);
    const quint64 count = std::min<qsizetype>(members.size(), 0xFFFF);
    appendLittleEndian(zip, count, 2);
    appendLittleEndian(zip, count, 2);
    appendLittleEndian(zip, quint64(directory.size()), 4);
    appendLittleEndian(zip, directoryOffset, 4);
    appendLittleEndian(zip, 0, 2);
    return zip;
}

/// 60,000 members named like programs: the listing stops at its cap.
QByteArray archiveManyMembers(const QByteArray &caseName)
{
    QList<std::pair<QByteArray, QByteArray>> members;
    members.reserve(60000);
    for (int i = 0; i < 60000; ++i)
        members.append({"Facture_" + QByteArray::number(i) + ".pdf.exe", QByteArray()});
    return mixedMessage(
        caseName, {canaryPart(), attachmentPart("application/zip", "Factures.zip", storedZip(members))});
}

/// A zip inside a zip, 2,000 times: only the first level is opened.
QByteArray archiveNestedZips(const QByteArray &caseName)
{
    QByteArray zip = storedZip({{"setup.exe", "MZ"}});
    for (int level = 0; level < 2000; ++level)
        zip = storedZip({{"niveau" + QByteArray::number(level) + ".zip", zip}});
    return mixedMessage(caseName, {canaryPart(), attachmentPart("application/zip", "Dossier.zip", zip)});
}

/// Archives that lie: members announced at 4 GB and at 15 MB that hold a few bytes, a 7z, a RAR
/// and an ISO 9660 image whose bodies are random bytes.
QByteArray archiveLies(const QByteArray &caseName)
{
    QByteArray iso(0x8000, '\0');
    iso += QByteArray("\x01"
                      "CD001\x01",
                      7) +
           randomBytes(64 * 1024, 9);
    return mixedMessage(
        caseName, {canaryPart(),
                   attachmentPart("application/zip", "gros.zip",
                                  storedZip({{"interieur.zip", "PK\x03\x04"}}, 0xFFFFFFFFLL)),
                   attachmentPart("application/zip", "moyen.zip",
                                  storedZip({{"interieur.zip", "PK\x03\x04"}}, 15 * kMiB)),
                   attachmentPart("application/x-7z-compressed", "a.7z",
                                  QByteArray("7z\xBC\xAF\x27\x1C\0\x04", 8) + randomBytes(64 * 1024, 7)),
                   attachmentPart("application/vnd.rar", "a.rar",
                                  QByteArray("Rar!\x1A\x07\x01\0", 8) + randomBytes(64 * 1024, 8)),
                   attachmentPart("application/x-iso9660-image", "a.iso", iso)});
}

/// An attached page of 8 MB of unclosed tags and "on" attribute beginnings.
QByteArray webPageOfTagBeginnings(const QByteArray &caseName)
{
    return mixedMessage(
        caseName, {canaryPart(),
                   attachmentPart("text/html", "page.html", QByteArray("<a o").repeated(2 * 1024 * 1024))});
}

QByteArray htmlMessage(const QByteArray &caseName, const QByteArray &html)
{
    return mixedMessage(caseName,
                        {canaryPart(), "Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: "
                                       "8bit\r\n\r\n" +
                                           html + "\r\n"});
}

// --- Address groups --------------------------------------------------------------------------

QByteArray groupsInTopField(const QByteArray &caseName, const QByteArray &field)
{
    return textMessage(caseName, {{field, nestedGroups()}});
}

QByteArray groupsInPartField(const QByteArray &caseName, const QByteArray &field)
{
    return mixedMessage(caseName, {canaryPart(), "Content-Type: text/plain; charset=utf-8\r\n" + field +
                                                     ": " + nestedGroups() + "\r\n\r\nSeconde partie.\r\n"});
}

QByteArray groupsInEmbeddedMessage(const QByteArray &caseName)
{
    const QByteArray groups = nestedGroups();
    const QByteArray inner = "Date: Mon, 11 Mar 2024 17:02:00 +0100\r\nFrom: " + groups +
                             "\r\nTo: " + groups + "\r\nCc: " + groups + "\r\nReply-To: " + groups +
                             "\r\nDisposition-Notification-To: " + groups +
                             "\r\nSubject: Message transmis\r\nMIME-Version: 1.0\r\n"
                             "Content-Type: text/plain; charset=utf-8\r\n\r\nMessage transmis.\r\n";
    return mixedMessage(caseName, {canaryPart(), "Content-Type: message/rfc822\r\nContent-Disposition: "
                                                 "inline\r\n\r\n" +
                                                     inner});
}

QByteArray emptyGroups(const QByteArray &caseName)
{
    // Mutt CVE-2021-3181: runs of group terminators. 200 KB, below the header cap.
    return textMessage(
        caseName, {{"To", "Marie Dupont <marie.dupont@ac-amiens.fr>, " + QByteArray(";").repeated(100000)},
                   {"Cc", QByteArray("g:;,").repeated(25000) + " jean.martin@ac-amiens.fr"}});
}

QByteArray nestedComments(const QByteArray &caseName)
{
    const QByteArray balanced =
        QByteArray("(").repeated(10000) + "commentaire" + QByteArray(")").repeated(10000);
    const QByteArray unclosed = QByteArray("(").repeated(10000);
    return textMessage(caseName, {{"From", "Jean Martin " + balanced + " <jean.martin@ac-amiens.fr>"},
                                  {"To", "marie.dupont@ac-amiens.fr " + unclosed},
                                  {"Cc", balanced + " <direction@ac-amiens.fr> " + unclosed},
                                  {"Date", "Tue, 12 Mar 2024 09:15:00 +0100 " + balanced},
                                  {"Content-Type", "text/plain " + balanced + "; charset=utf-8"}});
}

// --- MIME structure --------------------------------------------------------------------------

/// The canary, then @p depth multiparts each inside the previous one, declared by
/// @p parameter(level) and delimited by "--" + @p boundary(level), every one closed.
QByteArray nestedMultiparts(const QByteArray &caseName, int depth,
                            const std::function<QByteArray(int)> &parameter,
                            const std::function<QByteArray(int)> &boundary)
{
    QByteArray raw = topHeader(
        caseName, {{"Content-Type", QByteArray("multipart/mixed; boundary=\"") + kTopBoundary + "\""}});
    raw.reserve(raw.size() + depth * 80 + 1024);
    raw += QByteArray("\r\nThis is a multi-part message in MIME format.\r\n--") + kTopBoundary + "\r\n" +
           canaryPart() + "--" + kTopBoundary + "\r\n";
    for (int level = 1; level <= depth; ++level)
        raw += "Content-Type: multipart/mixed; " + parameter(level) + "\r\n\r\n--" + boundary(level) + "\r\n";
    raw += "Content-Type: text/plain; charset=utf-8\r\n\r\nAu fond du puits.\r\n";
    for (int level = depth; level >= 1; --level)
        raw += "--" + boundary(level) + "--\r\n";
    raw += QByteArray("--") + kTopBoundary + "--\r\n";
    return raw;
}

QByteArray numbered(const char *prefix, int level)
{
    return QByteArray(prefix) + QByteArray::number(level);
}

/// @p depth messages each the body of the previous one (message/rfc822, 7 bit).
QByteArray messageChain(int depth)
{
    QByteArray chain;
    chain.reserve(depth * 110 + 256);
    for (int level = 1; level <= depth; ++level) {
        const QByteArray n = QByteArray::number(level);
        chain += "From: niveau" + n + "@exemple.fr\r\nSubject: Niveau " + n +
                 "\r\nMIME-Version: 1.0\r\nContent-Type: message/rfc822\r\n\r\n";
    }
    chain += "From: fond@exemple.fr\r\nSubject: Fond\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
             "Au fond du puits.\r\n";
    return chain;
}

QByteArray nestedMessages(const QByteArray &caseName)
{
    return mixedMessage(caseName, {canaryPart(), "Content-Type: message/rfc822\r\nContent-Disposition: "
                                                 "inline\r\n\r\n" +
                                                     messageChain(10000)});
}

QByteArray siblingParts(const QByteArray &caseName, bool attachments)
{
    QByteArray raw = topHeader(
        caseName, {{"Content-Type", QByteArray("multipart/mixed; boundary=\"") + kTopBoundary + "\""}});
    raw.reserve(attachments ? 16 * kMiB : 6 * kMiB);
    raw += QByteArray("\r\nThis is a multi-part message in MIME format.\r\n--") + kTopBoundary + "\r\n" +
           canaryPart();
    for (int i = 1; i <= 100000; ++i) {
        const QByteArray n = QByteArray::number(i);
        raw += QByteArray("--") + kTopBoundary + "\r\n";
        if (attachments) {
            raw += "Content-Type: application/octet-stream\r\nContent-Disposition: attachment; "
                   "filename=\"piece-" +
                   n + ".bin\"\r\nContent-Transfer-Encoding: base64\r\n\r\nQU1JRU5T\r\n";
        } else {
            raw += "Content-Type: text/plain; charset=utf-8\r\n\r\nPartie " + n + "\r\n";
        }
    }
    raw += QByteArray("--") + kTopBoundary + "--\r\n";
    return raw;
}

QByteArray manyParameters(const QByteArray &caseName)
{
    // Dovecot CVE-2026-27859, Cyrus #6377: thousands of parameters. 150 KB, below the header cap.
    QByteArray contentType = "text/plain; charset=utf-8";
    contentType.reserve(5000 * 32);
    for (int i = 0; i < 5000; ++i)
        contentType += ";\r\n p" + QByteArray::number(i) + "*=utf-8''%C3%A9t%C3%A9";
    return textMessage(caseName, {{"Content-Type", contentType}});
}

QByteArray manyFilenameSections(const QByteArray &caseName)
{
    // SwiftMail #233: 8,192 sections took 25 s. Written last section first, so that a reader
    // that sorts by insertion pays its worst case.
    QByteArray part = "Content-Type: application/pdf\r\nContent-Disposition: attachment";
    part.reserve(10000 * 24);
    for (int i = 9999; i >= 1; --i)
        part += ";\r\n filename*" + QByteArray::number(i) + "*=%C3%A9";
    part += ";\r\n filename*0*=utf-8''compte-rendu-\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
            base64Lines("%PDF-1.4\n% compte rendu\n%%EOF\n");
    return mixedMessage(caseName, {canaryPart(), part});
}

// --- Size ------------------------------------------------------------------------------------

QByteArray hugeFoldedField(const QByteArray &caseName)
{
    // One field folded 1,000,000 times: 50 MB of header (Dovecot's own cap for all headers).
    QByteArray raw = topHeader(caseName, {{"Content-Type", "text/plain; charset=utf-8"}});
    raw.reserve(51 * 1000 * 1000 + raw.size() + 256);
    raw += "X-Hostile-Folded: debut";
    const QByteArray fold = "\r\n\tsuite-du-champ-plie-suite-du-champ-plie-0123456"; // 50 bytes
    for (int i = 0; i < 1000000; ++i)
        raw += fold;
    raw += QByteArray("\r\nX-Mailer: Hostile 1.0\r\n\r\n") + kCanary + "\r\n";
    return raw;
}

QByteArray manySmallFields(const QByteArray &caseName)
{
    // Dovecot CVE-2024-23184: 500,000 header lines, address lines among them. About 50 MB.
    QByteArray raw = topHeader(caseName, {{"Content-Type", "text/plain; charset=utf-8"}});
    raw.reserve(51 * 1000 * 1000 + raw.size());
    const QByteArray padding = QByteArray("v").repeated(200);
    for (int i = 0; i < 500000; ++i) {
        const QByteArray n = QByteArray::number(i);
        switch (i % 4) {
        case 0:
            raw +=
                "Received: from relai" + n + ".exemple.fr (relai" + n +
                ".exemple.fr [198.51.100.7])\r\n\tby mx1.ac-amiens.fr; Tue, 12 Mar 2024 09:15:00 +0100\r\n";
            break;
        case 1:
            raw += "To: destinataire" + n + "@ac-amiens.fr\r\n";
            break;
        case 2:
            raw += "X-Champ-" + n + ": " + padding + "\r\n";
            break;
        default:
            raw += "Comments: commentaire numero " + n + "\r\n";
            break;
        }
    }
    raw += QByteArray("\r\n") + kCanary + "\r\n";
    return raw;
}

QByteArray longHeaderLine(const QByteArray &caseName)
{
    return textMessage(caseName, {{"Subject", QByteArray("Sujet tres long ").repeated(65536)}});
}

QByteArray longBodyLine(const QByteArray &caseName)
{
    return mixedMessage(caseName,
                        {canaryPart(), "Content-Type: text/plain; charset=utf-8\r\n\r\n" +
                                           QByteArray("0123456789").repeated(kMiB / 10 + 1) + "\r\n"});
}

// --- HTML ------------------------------------------------------------------------------------

QByteArray nestedDivs(const QByteArray &caseName)
{
    return htmlMessage(caseName, "<html><body>" + QByteArray("<div>").repeated(100000) + "Au fond." +
                                     QByteArray("</div>").repeated(100000) + "</body></html>");
}

QByteArray nestedTables(const QByteArray &caseName)
{
    return htmlMessage(caseName, "<html><body>" + QByteArray("<table><tr><td>").repeated(100000) +
                                     "Au fond." + QByteArray("</td></tr></table>").repeated(100000) +
                                     "</body></html>");
}

QByteArray lessThanSigns(const QByteArray &caseName)
{
    return htmlMessage(caseName, "<html><body><p>Avant</p>" + QByteArray(2 * kMiB, '<') + "</body></html>");
}

QByteArray unclosedAnchors(const QByteArray &caseName)
{
    // A page of anchors never closed: a link search that retries "<a…</a>" at each one is
    // quadratic, and PCRE then gives up and finds no link at all.
    return htmlMessage(caseName,
                       "<html><body><p>Avant</p>" +
                           QByteArray("<a href=\"https://lettres.example.fr/r\">lire ").repeated(20000) +
                           "</body></html>");
}

QByteArray hugeHtml(const QByteArray &caseName)
{
    const QByteArray paragraph =
        "<p class=\"MsoNormal\">Ligne de la lettre d'information, avec <b>du gras</b>, <a "
        "href=\"https://www.ac-amiens.fr/\">un lien</a> et des accents : \xC3\xA9t\xC3\xA9, "
        "fa\xC3\xA7"
        "ade.</p>\r\n";
    QByteArray raw = topHeader(
        caseName, {{"Content-Type", QByteArray("multipart/mixed; boundary=\"") + kTopBoundary + "\""}});
    raw.reserve(31 * kMiB);
    raw += QByteArray("\r\n--") + kTopBoundary + "\r\n" + canaryPart() + "--" + kTopBoundary +
           "\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
           "<html><head><style>p { margin: 0 }</style></head><body>\r\n";
    while (raw.size() < 30 * kMiB)
        raw += paragraph;
    raw += QByteArray("</body></html>\r\n--") + kTopBoundary + "--\r\n";
    return raw;
}

// --- Broken encodings ------------------------------------------------------------------------

QByteArray base64NoPadding(const QByteArray &caseName)
{
    QByteArray text = QByteArray("Texte en base64 sans remplissage : \xC3\xA9t\xC3\xA9, fa\xC3\xA7"
                                 "ade.")
                          .toBase64();
    text.replace('=', QByteArray());
    QByteArray data = randomBytes(3001, 1).toBase64();
    data.replace('=', QByteArray());
    return mixedMessage(
        caseName,
        {canaryPart(),
         "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n" + text +
             "\r\nQ\r\n",
         "Content-Type: application/octet-stream; name=\"sans-remplissage.bin\"\r\nContent-Disposition: "
         "attachment; filename=\"sans-remplissage.bin\"\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
             data + "Q\r\n"});
}

QByteArray base64Garbage(const QByteArray &caseName)
{
    const QByteArray valid = QByteArray("Texte partiellement lisible.").toBase64();
    static const char garbage[] = {'!', '\x01', '\xff', '*', ' ', '\t', '-', '_', '\x7f', '~', '.', '\x80'};
    QByteArray text;
    for (qsizetype i = 0; i < valid.size(); ++i) {
        text += valid.at(i);
        if (i % 3 == 2)
            text += garbage[i % sizeof(garbage)];
    }
    return mixedMessage(
        caseName,
        {canaryPart(),
         "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n" + text +
             "\r\n~~~~ !!!! \xC3\xA9\xC3\xA9\r\n",
         "Content-Type: application/octet-stream; name=\"dechets.bin\"\r\nContent-Disposition: attachment; "
         "filename=\"dechets.bin\"\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
             randomBytes(256 * 1024, 2) + "\r\n"});
}

QByteArray base64PaddingInMiddle(const QByteArray &caseName)
{
    QByteArray data = "QUJD====REVG";
    data += QByteArray("====\r\n").repeated(10000);
    data += "R0hJ\r\n";
    return mixedMessage(
        caseName, {canaryPart(),
                   "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                   "Qm9uam91ciA====LCBjZWNp====IGVzdA==\r\n" +
                       QByteArray(100000, '=') + "\r\nIGxpc2libGUu\r\n",
                   "Content-Type: application/octet-stream; name=\"remplissage.bin\"\r\nContent-Disposition: "
                   "attachment; filename=\"remplissage.bin\"\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
                       data});
}

QByteArray brokenQuotedPrintable(const QByteArray &caseName)
{
    // No close delimiter: the last part, and the message, end with a lone "=".
    QByteArray raw = topHeader(
        caseName, {{"Content-Type", QByteArray("multipart/mixed; boundary=\"") + kTopBoundary + "\""}});
    raw +=
        QByteArray("\r\n--") + kTopBoundary + "\r\n" + canaryPart() + "--" + kTopBoundary +
        "\r\nContent-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: quoted-printable\r\n"
        "\r\nCaf=E9 =X =4 =G1 =zz =\r\n=\r\n=\r\n" +
        QByteArray("=\r\n").repeated(100000) + QByteArray(100000, '=') + "\r\nligne=20finale=\r\n--" +
        kTopBoundary +
        "\r\nContent-Type: application/octet-stream; name=\"qp.bin\"\r\nContent-Disposition: attachment; "
        "filename=\"qp.bin\"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n=FF=00=X=4==\r\n=";
    return raw;
}

QByteArray nulBytes(const QByteArray &caseName)
{
    const QByteArray nul(1, '\0');
    QByteArray text = "Texte" + nul + "cach\xC3\xA9" + nul + QByteArray(1000, '\0') + "fin.\r\n";
    QByteArray pdf = "%PDF-1.4" + QByteArray(64, '\0') + "%%EOF";
    return mixedMessage(
        caseName,
        {canaryPart(),
         "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + text,
         "Content-Type: text/" + nul + "html; charset=utf-8\r\n\r\n<p>NUL" + nul + "</p>\r\n",
         "Content-Type: application/pdf\r\nContent-Disposition: attachment; filename=\"facture.pdf" + nul +
             ".exe\"\r\nContent-Transfer-Encoding: base64\r\n\r\n" + base64Lines(pdf)},
        {{"Subject", "Avec" + nul + "un NUL"},
         {"From", "Jean" + nul + "Martin <jean.martin@ac-amiens.fr>"},
         {"X-Nul", nul + nul + nul}});
}

QByteArray onlyCarriageReturns(const QByteArray &caseName)
{
    return textMessage(caseName, {}, QByteArray(kMiB, '\r'));
}

QByteArray loneCarriageReturnLines(const QByteArray &caseName)
{
    QByteArray raw = mixedMessage(caseName, {canaryPart(), "Content-Type: text/plain; charset=utf-8\r\n\r\n" +
                                                               QByteArray("ligne\r\n").repeated(100000)});
    raw.replace("\r\n", "\r");
    return raw;
}

QByteArray prefixBoundaries(const QByteArray &caseName)
{
    // Each boundary starts with another one: "=_AB" < "=_ABC" < "=_ABCD" (VMime matches prefixes).
    const QByteArray related = multipartBody(
        "=_ABC",
        {"Content-Type: text/html; charset=utf-8\r\n\r\n<p>Texte HTML <img src=\"cid:logo\"></p>\r\n",
         "Content-Type: image/png\r\nContent-ID: <logo>\r\nContent-Transfer-Encoding: base64\r\n\r\n"
         "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
         "\r\n"});
    const QByteArray alternative =
        multipartBody("=_ABCD", {"Content-Type: text/plain; charset=utf-8\r\n\r\nTexte de l'alternative.\r\n",
                                 "Content-Type: multipart/related; boundary=\"=_ABC\"\r\n\r\n" + related});
    QByteArray raw = topHeader(caseName, {{"Content-Type", "multipart/mixed; boundary=\"=_AB\""}});
    raw += "\r\n" +
           multipartBody("=_AB",
                         {canaryPart(),
                          "Content-Type: multipart/alternative; boundary=\"=_ABCD\"\r\n\r\n" + alternative,
                          attachmentPart("text/plain", "notes.txt", "Notes.\n")});
    return raw;
}

QByteArray emptyLines(const QByteArray &caseName)
{
    return mixedMessage(caseName, {canaryPart(), "Content-Type: text/plain; charset=utf-8\r\n\r\n" +
                                                     QByteArray("\r\n").repeated(1000000) + "Fin.\r\n"});
}

QByteArray base64OneLine(const QByteArray &caseName)
{
    // 15 MB of data, 20 MB of base64 on one line.
    QByteArray raw = topHeader(
        caseName, {{"Content-Type", QByteArray("multipart/mixed; boundary=\"") + kTopBoundary + "\""}});
    raw.reserve(21 * kMiB);
    raw += QByteArray("\r\n--") + kTopBoundary + "\r\n" + canaryPart() + "--" + kTopBoundary +
           "\r\nContent-Type: application/pdf; name=\"scan0001.pdf\"\r\nContent-Disposition: attachment; "
           "filename=\"scan0001.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\n";
    raw += randomBytes(15 * kMiB, 3).toBase64();
    raw += QByteArray("\r\n--") + kTopBoundary + "--\r\n";
    return raw;
}

QByteArray decodeBomb(const QByteArray &caseName)
{
    // 1,000 nested messages, then 12 more layers each base64-encoding the previous one: the depth
    // only shows once decoded. Each layer adds a third, so 1,000 base64 layers cannot exist.
    QByteArray message = messageChain(1000);
    for (int layer = 12; layer >= 1; --layer) {
        const QByteArray n = QByteArray::number(layer);
        message = "From: couche" + n + "@exemple.fr\r\nSubject: Tr: couche " + n +
                  "\r\nMIME-Version: 1.0\r\nContent-Type: message/rfc822\r\nContent-Transfer-Encoding: "
                  "base64\r\n\r\n" +
                  base64Lines(message);
    }
    return mixedMessage(caseName,
                        {canaryPart(), "Content-Type: message/rfc822; name=\"transfert.eml\"\r\n"
                                       "Content-Disposition: attachment; filename=\"transfert.eml\"\r\n"
                                       "Content-Transfer-Encoding: base64\r\n\r\n" +
                                           base64Lines(message)});
}

// --- Calendar, TNEF, charsets ----------------------------------------------------------------

QByteArray manyAlarms(const QByteArray &caseName)
{
    QByteArray ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Microsoft Corporation//Outlook 16.0 "
                     "MIMEDIR//EN\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nUID:hostile-alarms@ac-amiens.fr\r\n"
                     "SUMMARY:Conseil p\xC3\xA9"
                     "dagogique\r\nDTSTART:20240314T140000Z\r\nDTEND:20240314T160000Z\r\n"
                     "LOCATION:Salle 12\r\nORGANIZER;CN=Principal:mailto:principal@ac-amiens.fr\r\n";
    ics +=
        QByteArray("BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:Rappel\r\nTRIGGER:-PT15M\r\nEND:VALARM\r\n")
            .repeated(100000);
    ics += "END:VEVENT\r\nEND:VCALENDAR\r\n";
    return mixedMessage(caseName,
                        {canaryPart(), "Content-Type: text/calendar; method=REQUEST; charset=utf-8\r\n"
                                       "Content-Transfer-Encoding: 8bit\r\n\r\n" +
                                           ics});
}

QByteArray tnefPart(const QByteArray &data)
{
    return "Content-Type: application/ms-tnef; name=\"winmail.dat\"\r\nContent-Disposition: attachment; "
           "filename=\"winmail.dat\"\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
           base64Lines(data);
}

void appendLe16(QByteArray &out, quint16 value)
{
    char bytes[2];
    qToLittleEndian(value, bytes);
    out.append(bytes, 2);
}

void appendLe32(QByteArray &out, quint32 value)
{
    char bytes[4];
    qToLittleEndian(value, bytes);
    out.append(bytes, 4);
}

/// One TNEF attribute: level, id, length (@p declaredLength when it lies), data, checksum.
void appendTnefAttribute(QByteArray &out, char level, quint32 id, const QByteArray &data,
                         qint64 declaredLength = -1)
{
    out += level;
    appendLe32(out, id);
    appendLe32(out, static_cast<quint32>(declaredLength < 0 ? data.size() : declaredLength));
    out += data;
    quint16 checksum = 0;
    for (const char c : data)
        checksum = static_cast<quint16>(checksum + static_cast<uchar>(c));
    appendLe16(out, checksum);
}

QByteArray craftedTnef()
{
    constexpr char kMessage = 0x01;
    constexpr char kAttachment = 0x02;
    constexpr quint32 attTnefVersion = 0x00089006;
    constexpr quint32 attOemCodepage = 0x00069007;
    constexpr quint32 attMessageClass = 0x00078008;
    constexpr quint32 attBody = 0x0002800C;
    constexpr quint32 attMapiProps = 0x00069003;
    constexpr quint32 attAttachRendData = 0x00069002;
    constexpr quint32 attAttachTitle = 0x00018010;
    constexpr quint32 attAttachData = 0x0006800F;
    constexpr quint32 attAttachment = 0x00069005;

    QByteArray out;
    out.reserve(900 * 1024);
    appendLe32(out, 0x223E9F78); // signature
    appendLe16(out, 0x0001);     // key
    QByteArray version;
    appendLe32(version, 0x00010000);
    appendTnefAttribute(out, kMessage, attTnefVersion, version);
    QByteArray codepage;
    appendLe32(codepage, 1252);
    appendLe32(codepage, 0);
    appendTnefAttribute(out, kMessage, attOemCodepage, codepage);
    appendTnefAttribute(out, kMessage, attMessageClass, QByteArray("IPM.Microsoft Mail.Note") + '\0');
    appendTnefAttribute(out, kMessage, attBody, QByteArray("Texte du corps TNEF.") + '\0');

    // 10,000 small files: the attachment list must stay bounded.
    QByteArray rendData;
    appendLe16(rendData, 1);          // attachment type: file
    appendLe32(rendData, 0xFFFFFFFF); // position
    appendLe16(rendData, 0);
    appendLe16(rendData, 0);
    appendLe32(rendData, 0);
    for (int i = 0; i < 10000; ++i) {
        const QByteArray n = QByteArray::number(i);
        appendTnefAttribute(out, kAttachment, attAttachRendData, rendData);
        appendTnefAttribute(out, kAttachment, attAttachTitle, "piece-" + n + ".txt" + '\0');
        appendTnefAttribute(out, kAttachment, attAttachData, "contenu " + n);
    }

    // MAPI properties whose counts and sizes lie: 2^31 - 1 properties, and compressed RTF that
    // claims to expand to 2 GB (libytnef's known weak spots).
    QByteArray props;
    appendLe32(props, 1);          // one property
    appendLe16(props, 0x0102);     // PT_BINARY
    appendLe16(props, 0x1009);     // PR_RTF_COMPRESSED
    appendLe32(props, 1);          // one value
    appendLe32(props, 32);         // its size
    appendLe32(props, 28);         // compressed size
    appendLe32(props, 0x7FFFFFFF); // raw size
    props += "LZFu";
    appendLe32(props, 0); // crc
    props += QByteArray(16, '\xff');
    appendTnefAttribute(out, kMessage, attMapiProps, props);

    QByteArray attachmentProps;
    appendLe32(attachmentProps, 0x7FFFFFFF); // property count
    appendLe16(attachmentProps, 0x101F);     // PT_MV_UNICODE
    appendLe16(attachmentProps, 0x3707);     // PR_ATTACH_LONG_FILENAME
    appendLe32(attachmentProps, 0xFFFFFFFF); // value count
    appendLe32(attachmentProps, 0xFFFFFFF0); // first value's size
    attachmentProps += "piece";
    appendTnefAttribute(out, kAttachment, attAttachRendData, rendData);
    appendTnefAttribute(out, kAttachment, attAttachment, attachmentProps);
    // Lengths past the end of the data.
    appendTnefAttribute(out, kAttachment, attAttachTitle, "long", 0xFFFFFFFF);
    appendTnefAttribute(out, kAttachment, attAttachData, "data", 0x80000000);
    out += "\x02\x0f\x80"; // and a truncated attribute
    return out;
}

QByteArray longCharsetName(const QByteArray &caseName)
{
    const QByteArray charset = "windows-1252" + QByteArray("-x").repeated(5120);
    return textMessage(caseName, {{"Content-Type", "text/plain; charset=\"" + charset + "\""},
                                  {"Subject", "=?" + charset + "?Q?caf=E9?= et la suite"}});
}

QByteArray utf7(const QByteArray &caseName)
{
    const QByteArray body = QByteArray(kCanary) + "\r\nEt voil+AOA- l'+AOk-t+AOk-.\r\n+" +
                            QByteArray(100000, 'A') + "\r\n+2D3cAA-\r\n+-+-+-\r\n+ZeVnLIqe-\r\n+\r\n";
    return textMessage(caseName,
                       {{"Content-Type", "text/plain; charset=\"utf-7\""},
                        {"Subject", "=?utf-7?Q?+AOk-t+AOk-?= =?utf-7?B?K0FPay0=?="}},
                       body);
}

QByteArray manyEncodedWords(const QByteArray &caseName)
{
    // 20,000 words, 260,000 bytes: just below the 256 KiB header cap, so the decoding itself is
    // what is measured.
    QByteArray subject;
    subject.reserve(20000 * 13);
    for (int i = 0; i < 20000; ++i) {
        if (i > 0)
            subject += ' ';
        subject += (i % 2 == 0) ? "=?utf8?q?e?=" : "=?l1?q?=E9?=";
    }
    return textMessage(caseName, {{"Subject", subject}});
}

// --- The corpus ------------------------------------------------------------------------------

struct Recipe
{
    QString name;
    QString description;
    bool expectIncomplete = false;
    bool canaryReachable = true;
    std::function<QByteArray(const QByteArray &)> build;
};

QList<Recipe> makeRecipes()
{
    QList<Recipe> list;
    const auto add = [&list](const char *name, const char *description, bool expectIncomplete,
                             bool canaryReachable, std::function<QByteArray(const QByteArray &)> build) {
        list.append({QString::fromUtf8(name), QString::fromUtf8(description), expectIncomplete,
                     canaryReachable, std::move(build)});
    };
    constexpr bool kCap = true;
    constexpr bool kNoCap = false;
    constexpr bool kReadable = true;

    const QList<std::pair<const char *, QByteArray>> topFields = {
        {"groups-in-to", "To"},
        {"groups-in-cc", "Cc"},
        {"groups-in-from", "From"},
        {"groups-in-reply-to", "Reply-To"},
        {"groups-in-disposition-notification-to", "Disposition-Notification-To"},
        {"groups-in-bcc", "Bcc"},
        {"groups-in-sender", "Sender"},
        {"groups-in-return-path", "Return-Path"},
    };
    for (const auto &[name, field] : topFields) {
        const QByteArray description =
            "20,000 nested address groups (g:g:…, 40 KB) in the top " + field + ":";
        add(name, description.constData(), kNoCap, kReadable,
            [headerField = field](const QByteArray &caseName) {
                return groupsInTopField(caseName, headerField);
            });
    }
    add("groups-in-part-to", "20,000 nested address groups in the To: of an inner MIME part", kNoCap,
        kReadable, [](const QByteArray &caseName) { return groupsInPartField(caseName, "To"); });
    add("groups-in-part-disposition-notification-to",
        "20,000 nested address groups in the Disposition-Notification-To: of an inner MIME part", kNoCap,
        kReadable, [](const QByteArray &caseName) {
            return groupsInPartField(caseName, "Disposition-Notification-To");
        });
    add("groups-in-embedded-message",
        "20,000 nested address groups in From, To, Cc, Reply-To and Disposition-Notification-To of a "
        "forwarded message/rfc822",
        kNoCap, kReadable, groupsInEmbeddedMessage);
    add("empty-groups-run", "100,000 group terminators (;;;) in To and 25,000 empty groups (g:;,) in Cc",
        kNoCap, kReadable, emptyGroups);
    add("nested-comments",
        "10,000 nested comments, balanced and unclosed, in From, To, Cc, Date and Content-Type", kNoCap,
        kReadable, nestedComments);

    add("multipart-nested-quoted", "10,000 nested multiparts, boundary=\"bN\"", kCap, kReadable,
        [](const QByteArray &caseName) {
            return nestedMultiparts(
                caseName, 10000,
                [](int level) -> QByteArray { return "boundary=\"" + numbered("b", level) + "\""; },
                [](int level) -> QByteArray { return numbered("b", level); });
        });
    add("multipart-nested-same-boundary", "10,000 nested multiparts that all declare boundary=\"b1\"", kCap,
        kReadable, [](const QByteArray &caseName) {
            return nestedMultiparts(
                caseName, 10000, [](int) -> QByteArray { return QByteArray("boundary=\"b1\""); },
                [](int) -> QByteArray { return QByteArray("b1"); });
        });
    add("multipart-nested-rfc2231-continuation",
        "10,000 nested multiparts, boundary*0=\"b\"; boundary*1=\"N\" (RFC 2231 continuations)", kCap,
        kReadable, [](const QByteArray &caseName) {
            return nestedMultiparts(
                caseName, 10000,
                [](int level) -> QByteArray {
                    return "boundary*0=\"b\"; boundary*1=\"" + QByteArray::number(level) + "\"";
                },
                [](int level) -> QByteArray { return numbered("b", level); });
        });
    add("multipart-nested-rfc2231-extended",
        "10,000 nested multiparts, boundary*=''bN (RFC 2231 extended value)", kCap, kReadable,
        [](const QByteArray &caseName) {
            return nestedMultiparts(
                caseName, 10000,
                [](int level) -> QByteArray { return "boundary*=''" + numbered("b", level); },
                [](int level) -> QByteArray { return numbered("b", level); });
        });
    add("multipart-nested-encoded-word-boundary",
        "10,000 nested multiparts whose boundaries look like RFC 2047 words (boundary=\"=?utf-8?q?bN?=\", "
        "taken literally as RFC 2047 §5 says)",
        kCap, kReadable, [](const QByteArray &caseName) {
            return nestedMultiparts(
                caseName, 10000,
                [](int level) -> QByteArray {
                    return "boundary=\"=?utf-8?q?" + numbered("b", level) + "?=\"";
                },
                [](int level) -> QByteArray { return "=?utf-8?q?" + numbered("b", level) + "?="; });
        });
    add("multipart-nested-unquoted", "10,000 nested multiparts, boundary=bN (unquoted)", kCap, kReadable,
        [](const QByteArray &caseName) {
            return nestedMultiparts(
                caseName, 10000, [](int level) -> QByteArray { return "boundary=" + numbered("b", level); },
                [](int level) -> QByteArray { return numbered("b", level); });
        });
    add("rfc822-nested", "10,000 message/rfc822 parts, each inside the previous one", kCap, kReadable,
        nestedMessages);
    add("parts-100k-siblings", "100,000 sibling text/plain parts", kCap, kReadable,
        [](const QByteArray &caseName) { return siblingParts(caseName, false); });
    add("attachments-100k-siblings", "100,000 sibling attachments (15 MB)", kCap, kReadable,
        [](const QByteArray &caseName) { return siblingParts(caseName, true); });
    add("rfc2231-5000-parameters", "5,000 RFC 2231 parameters on Content-Type", kNoCap, kReadable,
        manyParameters);
    add("rfc2231-10000-filename-sections", "one filename* in 10,000 RFC 2231 sections, last one first",
        kNoCap, kReadable, manyFilenameSections);

    add("header-50mb-folded-field", "a 50 MB header: one field folded 1,000,000 times", kCap, kReadable,
        hugeFoldedField);
    add("header-50mb-small-fields", "a 50 MB header: 500,000 small fields, To: lines among them", kCap,
        kReadable, manySmallFields);
    add("header-1mb-line", "a Subject: of 1 MB on one line", kCap, kReadable, longHeaderLine);
    add("body-1mb-line", "a text part made of one 1 MB line", kNoCap, kReadable, longBodyLine);

    add("html-nested-div", "100,000 nested <div> in an HTML part", kNoCap, kReadable, nestedDivs);
    add("html-nested-table", "100,000 nested <table><tr><td> in an HTML part", kNoCap, kReadable,
        nestedTables);
    add("html-2mb-less-than", "2 MB of '<' in an HTML part", kNoCap, kReadable, lessThanSigns);
    add("html-unclosed-anchors", "20,000 <a href> never closed in an HTML part", kNoCap, kReadable,
        unclosedAnchors);
    add("html-30mb", "an HTML part of 30 MB (newsletter paragraphs)", kCap, kReadable, hugeHtml);

    add("base64-no-padding",
        "base64 text and attachment without '=' padding, one with a lone final character", kNoCap, kReadable,
        base64NoPadding);
    add("base64-garbage", "base64 with characters outside the alphabet, and 256 KB of random bytes as base64",
        kNoCap, kReadable, base64Garbage);
    add("base64-padding-in-middle",
        "base64 with ==== in the middle, 100,000 '=' on a line, 10,000 '====' lines", kNoCap, kReadable,
        base64PaddingInMiddle);
    add("qp-broken",
        "quoted-printable with =X, =4, 100,000 soft breaks, 100,000 '=' and a final lone '=' "
        "at the end of the message (no close delimiter)",
        kNoCap, kReadable, brokenQuotedPrintable);
    add("nul-bytes", "NUL bytes in Subject, From, a field, a Content-Type, a file name and a body", kNoCap,
        kReadable, nulBytes);
    add("body-only-cr", "a body of 1 MB of carriage returns and nothing else", kNoCap, false,
        onlyCarriageReturns);
    add("lone-cr-line-ends", "a whole multipart message with lone CR as line ends (100,000 lines)", kNoCap,
        false, loneCarriageReturnLines);
    add("boundary-prefix", "three nested multiparts whose boundaries are prefixes of each other", kNoCap,
        kReadable, prefixBoundaries);
    add("empty-lines-1m", "a text part of 1,000,000 empty lines", kNoCap, kReadable, emptyLines);
    add("base64-20mb-one-line", "a 15 MB attachment as 20 MB of base64 on one line", kNoCap, kReadable,
        base64OneLine);
    add("rfc822-base64-decode-bomb",
        "1,000 nested message/rfc822 under 12 more layers each base64-encoding the previous one", kNoCap,
        kReadable, decodeBomb);
    add("calendar-100k-valarms", "a text/calendar invitation with 100,000 VALARM components", kNoCap,
        kReadable, manyAlarms);
    add("tnef-random", "a winmail.dat of 64 KB of random bytes", kNoCap, kReadable,
        [](const QByteArray &caseName) {
            return mixedMessage(caseName, {canaryPart(), tnefPart(randomBytes(64 * 1024, 4))});
        });
    add("tnef-crafted",
        "a winmail.dat with 10,000 files, 2^31 MAPI properties, compressed RTF claiming 2 GB and lengths "
        "past the end",
        kNoCap, kReadable, [](const QByteArray &caseName) {
            return mixedMessage(caseName, {canaryPart(), tnefPart(craftedTnef())});
        });
    add("archive-60000-members", "a zip of 60,000 members named like programs", kNoCap, kReadable,
        archiveManyMembers);
    add("archive-2000-nested-zips", "a zip inside a zip, 2,000 levels deep", kNoCap, kReadable,
        archiveNestedZips);
    add("archive-lies", "zips announcing 4 GB and 15 MB members of 4 bytes, random 7z, RAR and ISO bodies",
        kNoCap, kReadable, archiveLies);
    add("html-attachment-8mb-tag-beginnings", "an attached page of 2 million '<a o' (unclosed tags)", kNoCap,
        kReadable, webPageOfTagBeginnings);
    add("charset-10kb-name", "a charset name of 10 KB, in Content-Type and in an encoded word", kNoCap,
        kReadable, longCharsetName);
    add("charset-utf7", "charset=\"utf-7\" with an unterminated 100,000-character shift and a lone surrogate",
        kNoCap, kReadable, utf7);
    add("subject-20000-encoded-words", "20,000 encoded words in the Subject (utf8 and l1 aliases)", kNoCap,
        kReadable, manyEncodedWords);
    return list;
}

const QList<Recipe> &recipes()
{
    static const QList<Recipe> list = makeRecipes();
    return list;
}

HostileCase build(const Recipe &recipe)
{
    return {recipe.name, recipe.description, recipe.build(recipe.name.toUtf8()), recipe.expectIncomplete,
            recipe.canaryReachable};
}

} // namespace

QString HostileMail::canary()
{
    return QString::fromUtf8(kCanary);
}

QStringList HostileMail::names()
{
    QStringList result;
    for (const Recipe &recipe : recipes())
        result.append(recipe.name);
    return result;
}

QList<HostileCase> HostileMail::all()
{
    QList<HostileCase> result;
    for (const Recipe &recipe : recipes())
        result.append(build(recipe));
    return result;
}

HostileCase HostileMail::byName(const QString &name)
{
    for (const Recipe &recipe : recipes()) {
        if (recipe.name == name)
            return build(recipe);
    }
    return {};
}

} // namespace Amiens
