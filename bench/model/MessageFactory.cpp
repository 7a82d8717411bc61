#include "MessageFactory.h"

#include <QBuffer>
#include <QColor>
#include <QImage>
#include <QList>
#include <QRandomGenerator>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Amiens::Bench::MessageFactory {

namespace {

const QList<QByteArray> kWords = {
    "académie",      "élèves",        "réunion",      "conseil",     "classe",      "établissement",
    "enseignants",   "épreuves",      "baccalauréat", "inscription", "calendrier",  "projet",
    "pédagogique",   "formation",     "collège",      "lycée",       "parents",     "années",
    "rentrée",       "numérique",     "ressources",   "évaluation",  "compétences", "sortie",
    "scolaire",      "voyage",        "dossier",      "procédure",   "rectorat",    "circulaire",
    "modalités",     "session",       "examen",       "résultats",   "le",          "la",
    "les",           "des",           "du",           "de",          "et",          "à",
    "pour",          "dans",          "avec",         "une",         "un",          "sur",
    "par",           "qui",           "est",          "sont",        "nous",        "vous",
    "leur",          "cette",         "être",         "été",         "prévu",       "proposé",
    "après",         "déjà",          "très",         "où",          "ça",          "l’équipe",
    "d’orientation", "« Parcoursup »"};

class Words
{
public:
    explicit Words(quint32 seed)
        : m_random(seed)
    {
    }
    QByteArray sentence(int minimum, int maximum)
    {
        const int count = int(m_random.bounded(minimum, maximum + 1));
        QByteArray out;
        for (int i = 0; i < count; ++i) {
            if (i > 0)
                out += ' ';
            QByteArray word = kWords.at(m_random.bounded(int(kWords.size())));
            if (i == 0)
                word[0] = char(QChar::toUpper(uchar(word[0])));
            out += word;
        }
        return out + '.';
    }
    QByteArray paragraph(int sentences)
    {
        QByteArray out;
        for (int i = 0; i < sentences; ++i)
            out += (i ? " " : "") + sentence(6, 18);
        return out;
    }
    quint32 bounded(quint32 limit) { return m_random.bounded(limit); }

private:
    QRandomGenerator m_random;
};

/// Quoted-printable (RFC 2045 6.7) of @p text, whose lines end with '\n'; soft breaks at 76.
QByteArray quotedPrintable(const QByteArray &text)
{
    QByteArray out;
    out.reserve(text.size() * 11 / 10);
    int column = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const uchar c = uchar(text.at(i));
        if (c == '\n') {
            out += "\r\n";
            column = 0;
            continue;
        }
        const bool lineEnd = i + 1 == text.size() || text.at(i + 1) == '\n';
        QByteArray piece;
        if ((c >= 33 && c <= 126 && c != '=') || (c == ' ' && !lineEnd))
            piece = QByteArray(1, char(c));
        else
            piece = '=' + QByteArray::number(c, 16).toUpper().rightJustified(2, '0');
        if (column + piece.size() > 75) {
            out += "=\r\n";
            column = 0;
        }
        out += piece;
        column += int(piece.size());
    }
    return out;
}

QByteArray base64Lines(const QByteArray &data)
{
    const QByteArray encoded = data.toBase64();
    QByteArray out;
    out.reserve(encoded.size() + encoded.size() / 76 * 2 + 2);
    for (qsizetype i = 0; i < encoded.size(); i += 76)
        out += encoded.mid(i, 76) + "\r\n";
    return out;
}

QByteArray crlf(QByteArray text)
{
    return text.replace("\n", "\r\n");
}

QByteArray header(const QByteArray &from, const QByteArray &subject, const QByteArray &id)
{
    return "Return-Path: <bounce@lettres.example.fr>\n"
           "Received: from mx1.ac-amiens.fr (mx1.ac-amiens.fr [194.167.20.1])\n"
           "\tby imap.ac-amiens.fr with LMTP id 4mVqAxq3; Thu, 27 Nov 2026 09:14:03 +0100\n"
           "From: " +
           from +
           "\n"
           "To: Marie Dupont <mdupont@ac-amiens.fr>\n"
           "Subject: " +
           subject +
           "\n"
           "Date: Thu, 27 Nov 2026 09:13:58 +0100\n"
           "Message-ID: <" +
           id +
           "@bench.example.fr>\n"
           "MIME-Version: 1.0\n";
}

QByteArray pngImage(quint32 seed, int width, int height)
{
    QRandomGenerator random(seed);
    QImage image(width, height, QImage::Format_RGB32);
    for (int y = 0; y < height; ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < width; ++x) {
            const int noise = int(random.bounded(24));
            line[x] =
                qRgb((x * 255 / width + noise) % 256, (y * 255 / height + noise) % 256, (160 + noise) % 256);
        }
    }
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return png;
}

} // namespace

QByteArray htmlNewsletter(qsizetype bytes)
{
    Words words(2026);
    constexpr int kImages = 6;
    QList<QByteArray> images;
    qsizetype imageBytes = 0;
    for (int i = 0; i < kImages; ++i) {
        images.append(base64Lines(pngImage(100 + i, i == 0 ? 600 : 280, i == 0 ? 160 : 140)));
        imageBytes += images.last().size() + 200;
    }

    // The articles until the plain and HTML parts fill what the images leave.
    QByteArray html = "<!DOCTYPE html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\">\n"
                      "<title>Lettre d'information</title>\n<style type=\"text/css\">\n"
                      "body { margin:0; padding:0; background:#f2f2f2; font-family: Arial, sans-serif; }\n"
                      "table.main { width:640px; background:#ffffff; }\n"
                      "h2 { color:#1a4d8f; font-size:20px; } p { line-height:1.5; }\n"
                      "@media only screen and (max-width:640px) { table.main { width:100% !important; } }\n"
                      "</style></head>\n<body>\n"
                      "<table class=\"main\" align=\"center\" cellpadding=\"0\" cellspacing=\"0\">\n"
                      "<tr><td><img src=\"cid:banniere@bench\" width=\"600\" height=\"160\" "
                      "alt=\"Lettre d'information\"></td></tr>\n";
    QByteArray plain = "Lettre d'information de novembre\n\n";
    const qsizetype textTarget = bytes - imageBytes - 2000;
    for (int article = 0; quotedPrintable(html).size() + plain.size() < textTarget;) {
        // Measuring the encoded size each time would be quadratic: add articles in tens.
        for (int n = 0; n < 10; ++n, ++article) {
            const QByteArray title = words.sentence(4, 9);
            const QByteArray url = "https://lettres.example.fr/r/" + QByteArray::number(article * 7919) +
                                   "?utm_source=newsletter&amp;utm_medium=email&amp;utm_campaign=nov2026";
            html += "<tr><td style=\"padding:16px 24px;border-bottom:1px solid #e0e0e0\">\n<h2>" + title +
                    "</h2>\n";
            if (article % 3 == 0)
                html += "<img src=\"cid:illustration" + QByteArray::number(1 + article % (kImages - 1)) +
                        "@bench\" width=\"280\" height=\"140\" align=\"right\" alt=\"\">\n";
            for (int p = 0; p < 2; ++p) {
                const QByteArray text = words.paragraph(3);
                html += "<p style=\"font-size:14px;color:#333333\">" + text + "</p>\n";
                plain += text + "\n\n";
            }
            html += "<p><a href=\"" + url +
                    "\" style=\"color:#ffffff;background:#1a4d8f;padding:8px 14px;text-decoration:none\">"
                    "Lire la suite&nbsp;&rarr;</a></p>\n</td></tr>\n";
            plain += title + "\nLire la suite : " + url + "\n\n";
        }
    }
    html +=
        "<tr><td style=\"font-size:11px;color:#888888;padding:24px\">Vous recevez cette lettre car vous "
        "êtes abonné(e). <a href=\"https://lettres.example.fr/desabonnement?u=12345\">Se désabonner</a>"
        "<img src=\"https://lettres.example.fr/o/12345.gif\" width=\"1\" height=\"1\" alt=\"\"></td></tr>\n"
        "</table>\n</body></html>\n";

    QByteArray message =
        header("=?utf-8?q?R=C3=A9seau_Canop=C3=A9?= <lettre@lettres.example.fr>",
               "=?utf-8?q?Lettre_d=E2=80=99information_=E2=80=93_novembre_2026?=", "newsletter") +
        "List-Unsubscribe: <https://lettres.example.fr/desabonnement?u=12345>\n"
        "Content-Type: multipart/related; type=\"multipart/alternative\";\n"
        "\tboundary=\"----=_Related_0012_01DB4A\"\n\n"
        "This is a multi-part message in MIME format.\n\n"
        "------=_Related_0012_01DB4A\n"
        "Content-Type: multipart/alternative; boundary=\"----=_Alt_0013_01DB4A\"\n\n"
        "------=_Alt_0013_01DB4A\n"
        "Content-Type: text/plain; charset=\"utf-8\"\n"
        "Content-Transfer-Encoding: quoted-printable\n\n";
    message = crlf(message) + quotedPrintable(plain) +
              crlf("\n------=_Alt_0013_01DB4A\n"
                   "Content-Type: text/html; charset=\"utf-8\"\n"
                   "Content-Transfer-Encoding: quoted-printable\n\n") +
              quotedPrintable(html) + crlf("\n------=_Alt_0013_01DB4A--\n\n");
    for (int i = 0; i < kImages; ++i) {
        const QByteArray id =
            i == 0 ? QByteArray("banniere") : QByteArray("illustration") + QByteArray::number(i);
        message += crlf("------=_Related_0012_01DB4A\n"
                        "Content-Type: image/png; name=\"" +
                        id +
                        ".png\"\n"
                        "Content-Transfer-Encoding: base64\n"
                        "Content-ID: <" +
                        id +
                        "@bench>\n"
                        "Content-Disposition: inline; filename=\"" +
                        id + ".png\"\n\n") +
                   images.at(i) + "\r\n";
    }
    return message + "------=_Related_0012_01DB4A--\r\n";
}

QByteArray plainText(qsizetype bytes)
{
    Words words(1789);
    QByteArray body;
    int level = 0;
    while (body.size() < bytes) {
        // A reply chain: each message quotes the previous ones one level deeper.
        if (words.bounded(5) == 0) {
            level = qMin(level + 1, 4);
            body += QByteArray(level, '>') + (level ? " " : "") + "Le 12/11/2026 à 18:04, " +
                    "Jean Hénault a écrit :\n";
        }
        const QByteArray prefix = level ? QByteArray(level, '>') + ' ' : QByteArray();
        const QList<QByteArray> paragraphWords = words.paragraph(int(2 + words.bounded(4))).split(' ');
        QByteArray line = prefix;
        for (const QByteArray &word : paragraphWords) {
            if (line.size() + word.size() > 72 && line.size() > prefix.size()) {
                body += line + " \n"; // the trailing space: a soft break (RFC 3676)
                line = prefix;
            }
            line += (line.size() > prefix.size() ? " " : "") + word;
        }
        body += line + "\n" + prefix.trimmed() + "\n";
    }
    return crlf(header("=?utf-8?q?Jean_H=C3=A9nault?= <jean.henault@ac-amiens.fr>",
                       "Re: Re: =?utf-8?q?Sortie_scolaire_=C3=A0_Amiens?=", "plaintext") +
                "User-Agent: Mozilla Thunderbird\n"
                "Content-Type: text/plain; charset=UTF-8; format=flowed\n"
                "Content-Language: fr\n"
                "Content-Transfer-Encoding: 8bit\n\n" +
                body);
}

QByteArray withAttachment(qsizetype attachmentBytes, const QString &fileName, const QByteArray &mimeType)
{
    Words words{quint32(attachmentBytes)};
    QByteArray file(attachmentBytes, Qt::Uninitialized);
    // Incompressible, like a PDF's images or a zip's contents.
    QRandomGenerator random(quint32(attachmentBytes) ^ 0x5eed);
    random.fillRange(reinterpret_cast<quint32 *>(file.data()), file.size() / 4);
    if (mimeType == "application/pdf") {
        file.replace(0, 9, "%PDF-1.7\n");
        file.replace(file.size() - 6, 6, "%%EOF\n");
    }
    const QByteArray text = words.paragraph(4);
    const QByteArray encodedName = QUrl::toPercentEncoding(fileName);
    QByteArray head =
        header("Claire Lefebvre <claire.lefebvre@ac-amiens.fr>",
               "=?utf-8?q?Document_=C3=A0_relire?=", "attachment" + QByteArray::number(attachmentBytes)) +
        "Content-Type: multipart/mixed; boundary=\"------------mixed0A1B2C\"\n\n"
        "This is a multi-part message in MIME format.\n"
        "--------------mixed0A1B2C\n"
        "Content-Type: multipart/alternative; boundary=\"------------alt0A1B2C\"\n\n"
        "--------------alt0A1B2C\n"
        "Content-Type: text/plain; charset=UTF-8; format=flowed\n"
        "Content-Transfer-Encoding: 8bit\n\n"
        "Bonjour,\n\n" +
        text +
        "\n\nClaire\n\n"
        "--------------alt0A1B2C\n"
        "Content-Type: text/html; charset=UTF-8\n"
        "Content-Transfer-Encoding: 8bit\n\n"
        "<html><head><meta http-equiv=\"content-type\" content=\"text/html; charset=UTF-8\">"
        "</head><body><p>Bonjour,</p><p>" +
        text +
        "</p><p>Claire</p></body></html>\n\n"
        "--------------alt0A1B2C--\n\n"
        "--------------mixed0A1B2C\n"
        "Content-Type: " +
        mimeType + "; name*=UTF-8''" + encodedName +
        "\n"
        "Content-Disposition: attachment; filename*=UTF-8''" +
        encodedName +
        "\n"
        "Content-Transfer-Encoding: base64\n\n";
    return crlf(head) + base64Lines(file) + "\r\n--------------mixed0A1B2C--\r\n";
}

} // namespace Amiens::Bench::MessageFactory
