#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""realistic.py -- mailgen's mailbox with the sizes of a real academy mailbox (issue 19).

    realistic.py --out DIR [--count N] [--seed S] [--now ISO8601] [--force] [-q]

Same output as mailgen.py (DIR/<folder>/<NNNNNN>.eml, CRLF, and DIR/manifest.tsv), plus
DIR/stats.json (the size distribution actually produced). Deterministic: same arguments, same bytes.

How it is made:
- 86 % of the messages are mailgen's (threads, replies, forwards, lists, Sympa footers, Outlook,
  Thunderbird, Gmail, Zimbra, Apple and webmail shapes, every folder of Marie Dupont's mailbox).
  About one in six of those that carry files (PDF, ODT, PNG photos) get real-sized files instead of
  mailgen's 2 KB ones: the base64 body of the part is replaced in place, the MIME tree the mailer
  built is kept (a "photo" PNG becomes a JPEG: type and file extension).
- 14 % are the classes mailgen lacks, each built like its real sender builds it:
  HTML newsletters and notices (text/html quoted-printable with <style> and tables, 1 in 5 inside
  multipart/related with a logo and a banner photo; List-Id, List-Unsubscribe); scanner mail
  (Toshiba/Ricoh copiers: mixed > text/plain + a multi-page scanned PDF of DCT images); photos from
  Apple Mail (mixed > plain + image/jpeg inline + plain) and Gmail (mixed > alternative + JPEGs);
  office documents from Outlook (mixed > alternative > plain + html, + DOCX/XLSX/PDF) and from the
  academy webmail (Zimbra, ODT/PDF).
- "Giants": 1 in 2,000 messages (at least one from 1,000 messages up) carries one more file of
  5-20 MB (a scanned PDF, a video clip, a zip of photos).

File sizes are log-normal (median 80 KB, sigma 1.2, 20 KB - 20 MB, 70 % one file, 20 % two,
10 % three); payloads are pseudo-random bytes (they do not compress, like JPEG and PDF images)
behind the real magic numbers and structure of each format, valid base64 in 76-column lines.
Target: mean 30-60 KB, 10-15 % of messages with files of 20 KB or more (stats.json says).
"""
import argparse
import base64
import io
import json
import math
import os
import random
import re
import sys
import time
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.dont_write_bytecode = True
import corpus_fr as C  # noqa: E402
import mailgen as G    # noqa: E402
import mimekit as K    # noqa: E402

CRLF = b"\r\n"
KB = 1024
MB = 1024 * 1024
BASE_SHARE = 0.86            # mailgen's messages; the rest are the classes below
EXTRA_CLASSES = (("newsletter", 0.45), ("scanner", 0.15), ("photos", 0.18), ("office", 0.22))
INFLATE_SHARE = 0.05         # of all messages: mailgen messages whose files get a real size
GIANT_EVERY = 2000


# ------------------------------------------------------------------ payloads
class Payloads:
    """Pseudo-random file contents of a given size with each format's real framing."""

    def __init__(self, seed):
        self.rng = random.Random(seed)

    def noise(self, n):
        return self.rng.randbytes(max(0, n))

    def jpeg(self, size):
        head = (b"\xff\xd8\xff\xe1\x00\x3eExif\x00\x00MM\x00\x2a\x00\x00\x00\x08\x00\x02"
                b"\x01\x0f\x00\x02\x00\x00\x00\x06\x00\x00\x00\x26\x01\x10\x00\x02\x00\x00\x00\x09"
                b"\x00\x00\x00\x2c\x00\x00\x00\x00Apple\x00iPhone 13\x00"
                b"\xff\xdb\x00\x43\x00" + bytes(range(1, 65)) +
                b"\xff\xc0\x00\x11\x08\x0b\xd0\x0f\xc0\x03\x01\x22\x00\x02\x11\x01\x03\x11\x01"
                b"\xff\xda\x00\x0c\x03\x01\x00\x02\x11\x03\x11\x00\x3f\x00")
        body = self.noise(size - len(head) - 2).replace(b"\xff", b"\xfe")   # no stray markers
        return head + body + b"\xff\xd9"

    def scanned_pdf(self, size, pages, title="Numérisation"):
        """A PDF whose pages are full-page JPEG (DCTDecode) images, as copiers produce."""
        per = max(2 * KB, size // max(1, pages) - 400)
        objs = [b"<< /Type /Catalog /Pages 2 0 R >>", None]
        kids = []
        for p in range(pages):
            page_no = len(objs) + 1
            img = self.jpeg(per)
            content = b"q 595 0 0 842 0 0 cm /Im0 Do Q"
            objs.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject "
                        b"<< /Im0 %d 0 R >> >> /Contents %d 0 R >>" % (page_no + 1, page_no + 2))
            objs.append(b"<< /Type /XObject /Subtype /Image /Width 2480 /Height 3508 /ColorSpace /DeviceGray "
                        b"/BitsPerComponent 8 /Filter /DCTDecode /Length %d >>\nstream\n" % len(img)
                        + img + b"\nendstream")
            objs.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
            kids.append(b"%d 0 R" % page_no)
        objs[1] = b"<< /Type /Pages /Kids [" + b" ".join(kids) + b"] /Count %d >>" % pages
        objs.append(("<< /Title <FEFF%s> /Producer (TOSHIBA e-STUDIO2515AC) /Creator (Scan) >>"
                     % title.encode("utf-16-be").hex().upper()).encode("ascii"))
        out = [b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"]
        pos, offs = len(out[0]), []
        for i, o in enumerate(objs, 1):
            offs.append(pos)
            chunk = b"%d 0 obj\n" % i + o + b"\nendobj\n"
            out.append(chunk)
            pos += len(chunk)
        out.append(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offs))
        out.append(b"trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n"
                   % (len(objs) + 1, len(objs), pos))
        return b"".join(out)

    def pdf(self, size, title):
        """A text PDF with embedded images (a circular with a logo and photos)."""
        return self.scanned_pdf(size, max(1, min(8, size // (150 * KB))), title)

    def office_zip(self, size, kind):
        """DOCX/XLSX/ODT: a zip with the format's parts and a stored (incompressible) picture."""
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as z:
            def add(name, data, method=zipfile.ZIP_DEFLATED):
                info = zipfile.ZipInfo(name, (2026, 1, 5, 9, 30, 0))
                info.compress_type = method
                z.writestr(info, data)
            if kind == "odt":
                add("mimetype", b"application/vnd.oasis.opendocument.text", zipfile.ZIP_STORED)
                add("META-INF/manifest.xml", b'<?xml version="1.0" encoding="UTF-8"?><manifest:manifest/>')
                add("content.xml", b'<?xml version="1.0" encoding="UTF-8"?><office:document-content/>' * 40)
                pic = "Pictures/1000000000000780000004380A1B2C3D.jpg"
            else:
                add("[Content_Types].xml", b'<?xml version="1.0" encoding="UTF-8"?><Types/>')
                add("_rels/.rels", b'<?xml version="1.0" encoding="UTF-8"?><Relationships/>')
                main = "word/document.xml" if kind == "docx" else "xl/worksheets/sheet1.xml"
                add(main, b'<?xml version="1.0" encoding="UTF-8"?><w:document/>' * 60)
                pic = ("word" if kind == "docx" else "xl") + "/media/image1.jpeg"
            add(pic, self.jpeg(max(KB, size - 1500)), zipfile.ZIP_STORED)
        return buf.getvalue()

    def giant(self, size, rng):
        kind = rng.choice(("pdf", "video", "zip"))
        if kind == "pdf":
            return self.scanned_pdf(size, rng.randint(20, 60), "Dossier complet"), "application/pdf", \
                "Dossier_complet_numerise.pdf"
        if kind == "video":
            head = b"\x00\x00\x00\x20ftypisom\x00\x00\x02\x00isomiso2avc1mp41"
            return head + self.noise(size - len(head)), "video/mp4", "IMG_%04d.MOV.mp4" % rng.randrange(10000)
        return self._zip_of_photos(size, rng), "application/zip", \
            "Photos_sortie.zip"

    def _zip_of_photos(self, size, rng):
        buf = io.BytesIO()
        n = max(2, size // (2500 * KB))
        with zipfile.ZipFile(buf, "w") as z:
            for i in range(n):
                info = zipfile.ZipInfo("IMG_%04d.JPG" % (2000 + i), (2026, 5, 12, 14, 0, 0))
                z.writestr(info, self.jpeg(size // n - 200))
        return buf.getvalue()


def lognormal_size(rng, median=80 * KB, sigma=1.2, lo=20 * KB, hi=20 * MB):
    return int(min(hi, max(lo, rng.lognormvariate(math.log(median), sigma))))


def file_count(rng):
    x = rng.random()
    return 1 if x < 0.7 else 2 if x < 0.9 else 3


# ------------------------------------------------------- inflating mailgen's files
PART_START = re.compile(rb"\r\n--([^\r\n]+)\r\n")


def inflate(raw, pay, rng, giant=None):
    """Gives the attachment parts of a mailgen message real sizes, in place in the MIME tree.
    giant: (bytes, ctype, name) added to the last such part instead (size of a giant)."""
    out, pos, changed = [], 0, 0
    for m in PART_START.finditer(raw):
        hstart = m.end()
        hend = raw.find(b"\r\n\r\n", hstart)
        if hend < 0 or hend < pos:
            continue
        hdr = raw[hstart:hend]
        low = hdr.lower()
        if b"base64" not in low or b"attachment" not in low:
            continue
        bstart = hend + 4
        bend = raw.find(b"\r\n--", bstart)
        if bend < 0:
            continue
        size = lognormal_size(rng)
        if b"application/pdf" in low:
            data = pay.pdf(size, "Document")
        elif b"opendocument" in low:
            data = pay.office_zip(size, "odt")
        elif b"image/png" in low and b"photo" in low:
            data = pay.jpeg(size)
            hdr = hdr.replace(b"image/png", b"image/jpeg").replace(b".png", b".jpg")
        else:
            continue
        out += [raw[pos:hstart], hdr, b"\r\n\r\n", K.b64(data).rstrip(CRLF)]
        pos = bend
        changed += 1
        if changed >= 3:
            break
    if not changed:
        return raw, 0
    out.append(raw[pos:])
    return b"".join(out), changed


# ----------------------------------------------------------------- extra classes
NEWSLETTERS = (
    ("La Lettre de l'Académie d'Amiens", "lettre-info@ac-amiens.fr", "lettre-info.ac-amiens.fr",
     "Lettre d'information n° %d – %s"),
    ("Réseau Canopé", "newsletter@reseau-canope.fr", "canope.newsletter.reseau-canope.fr",
     "Canopé Hauts-de-France : ateliers et ressources de %s"),
    ("ONISEP Hauts-de-France", "info@onisep.fr", "infos.onisep.fr", "L'actualité de l'orientation – %s"),
    ("MAIF – Espace Enseignants", "enseignants@newsletter.maif.fr", "enseignants.maif.fr",
     "Vos rendez-vous pédagogiques de %s"),
    ("Éduscol", "eduscol-info@education.gouv.fr", "eduscol.education.gouv.fr", "Éduscol info n° %d – %s"),
    ("CASDEN Banque Populaire", "casden@info.casden.fr", "info.casden.fr", "Votre lettre CASDEN de %s"),
)
MONTHS_FR = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
             "octobre", "novembre", "décembre")
SCANNERS = (("Copieur salle des professeurs", "scan-sdp@clg-hortillonnages.ac-amiens.fr",
             "Scanned from TOSHIBA e-STUDIO2515AC\nDate: %s\nPages: %d\nResolution: 300x300 DPI\n"),
            ("RICOH MP C3004 CDI", "ricoh-cdi@clg-hortillonnages.ac-amiens.fr",
             "This E-mail was sent from \"RICOH MP C3004\" (MP C3004).\n\nScan Date: %s\nQueries to: "
             "cdi@clg-hortillonnages.ac-amiens.fr\nPages: %d\n"))


def lorem(rng, n):
    """n sentences of French text from mailgen's corpus."""
    if not hasattr(lorem, "pool"):
        words = " ".join(str(t.get("body", "")) for t in C.TOPICS.values())
        words = re.sub(r"\{[^}]*\}|[\[\]()'\"\\]|\\n", " ", words)
        lorem.pool = [w for w in re.split(r"\s+", words) if w.isalpha() or w[:-1].isalpha()] or ["document"]
    ws = lorem.pool
    out = []
    for _ in range(n):
        k = rng.randint(8, 22)
        s = " ".join(rng.choice(ws) for _ in range(k)).strip(" ,;:")
        out.append(s[:1].upper() + s[1:] + ".")
    return out


def newsletter_html(rng, title, target):
    css = ("body{margin:0;padding:0;background:#f2f2f2;font-family:Arial,Helvetica,sans-serif}"
           "table.main{width:600px;background:#ffffff}td.hd{background:#00305e;color:#fff;padding:18px}"
           "h1{font-size:22px;margin:0}h2{font-size:17px;color:#00305e}p{font-size:14px;line-height:20px}"
           "a.btn{background:#e1000f;color:#fff;padding:8px 14px;text-decoration:none;border-radius:3px}"
           "@media only screen and (max-width:620px){table.main{width:100%!important}}")
    parts = ["<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\">\n<html><head><meta http-equiv="
             "\"Content-Type\" content=\"text/html; charset=UTF-8\"><title>%s</title><style type=\"text/css\">%s"
             "</style></head><body><center><table class=\"main\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\">"
             "\n<tr><td class=\"hd\"><img src=\"cid:logo\" alt=\"Logo\" width=\"120\"><h1>%s</h1></td></tr>\n"
             % (title, css, title)]
    n = 0
    while sum(len(p) for p in parts) < target:
        n += 1
        sents = lorem(rng, rng.randint(3, 7))
        parts.append("<tr><td style=\"padding:14px 24px\"><h2>%d.&nbsp;%s</h2><p>%s</p><table width=\"100%%\">"
                     "<tr><td width=\"50%%\" style=\"font-size:13px\">%s</td><td width=\"50%%\" "
                     "style=\"font-size:13px\">%s</td></tr></table><p><a class=\"btn\" href=\"https://"
                     "click.example-routeur.fr/c/%08x?u=%d\">En savoir plus&nbsp;&rsaquo;</a></p></td></tr>\n"
                     % (n, sents[0][:60], " ".join(sents[1:]), sents[1], sents[-1], rng.getrandbits(32), n))
    parts.append("<tr><td style=\"font-size:11px;color:#777;padding:18px\">Vous recevez ce message car vous êtes "
                 "abonné(e). <a href=\"https://click.example-routeur.fr/unsub/%08x\">Se désinscrire</a></td></tr>"
                 "</table><img src=\"https://click.example-routeur.fr/o/%08x.gif\" width=\"1\" height=\"1\">"
                 "</center></body></html>\n" % (rng.getrandbits(32), rng.getrandbits(32)))
    return "".join(parts)


class Extras:
    """The messages mailgen does not make (see the module docstring)."""

    def __init__(self, pl, pay, rng):
        self.pl, self.pay, self.rng = pl, pay, rng
        self.n = 0

    def _date(self, kind="office"):
        return self.pl.days.pick(kind)

    def _msgid(self, t, domain):
        self.n += 1
        return "<%d.%08x.%d@%s>" % (t, self.rng.getrandbits(32), self.n, domain)

    def _headers(self, t, frm, to, subject, msgid, extra=()):
        ck = self.pl.clock
        return (["Return-Path: <%s>" % frm[1],
                 "Date: " + ck.rfc5322(t),
                 "From: " + K.mailbox(frm[0], frm[1]),
                 "To: " + to,
                 K.subject_header(subject),
                 "Message-ID: " + msgid] + list(extra) + ["MIME-Version: 1.0"])

    def _folder(self, inbox=0.65, sent=0.0):
        x = self.rng.random()
        if x < sent:
            return "Sent", ["\\Seen"]
        x = self.rng.random()
        if x < inbox:
            return "INBOX", (["\\Seen"] if self.rng.random() < 0.8 else [])
        if x < inbox + 0.2:
            return "Archives", ["\\Seen"]
        if x < inbox + 0.3:
            return "Trash", ["\\Seen"]
        return self.rng.choice(G.USER_FOLDERS), ["\\Seen"]

    def _marie(self):
        return "Marie Dupont <%s>" % G.MARIE_ADDR

    def newsletter(self):
        rng = self.rng
        name, addr, dom, subj = rng.choice(NEWSLETTERS)
        t = self._date()
        lt, _ = self.pl.clock.local(t)
        month = "%s %d" % (MONTHS_FR[lt.tm_mon - 1], lt.tm_year)
        subject = subj % ((rng.randint(40, 260), month) if subj.count("%") == 2 else (month,))
        size = int(min(110 * KB, max(12 * KB, rng.lognormvariate(math.log(30 * KB), 0.6))))
        html = newsletter_html(rng, subject, size)
        body = K.text_part(html, "html", "utf-8", "quoted-printable")
        if rng.random() < 0.2:
            logo = ((["Content-Type: image/png; name=\"logo.png\"", "Content-Transfer-Encoding: base64",
                      "Content-ID: <logo>", "Content-Disposition: inline; filename=\"logo.png\""],
                     K.b64(self.pl.att.logo)))
            banner = self.pay.jpeg(lognormal_size(rng, 40 * KB, 0.5, 10 * KB, 200 * KB))
            ban = (["Content-Type: image/jpeg; name=\"banniere.jpg\"", "Content-Transfer-Encoding: base64",
                    "Content-ID: <banniere>", "Content-Disposition: inline; filename=\"banniere.jpg\""],
                   K.b64(banner))
            body = K.multipart("related", [body, logo, ban], "----=_NextPart_%012x" % rng.getrandbits(48),
                               '; type="text/html"', preamble=False)
        extra = ["List-Id: <%s>" % dom, "List-Unsubscribe: <https://%s/unsub?u=%08x>, <mailto:unsub@%s>"
                 % (dom, rng.getrandbits(32), dom), "List-Unsubscribe-Post: List-Unsubscribe=One-Click",
                 "Precedence: bulk", "X-Mailer: Sarbacane Mailer"]
        hdrs = self._headers(t, (name, addr), self._marie(), subject, self._msgid(t, dom), extra)
        folder, flags = self._folder(inbox=0.7)
        if folder in G.USER_FOLDERS:
            folder = "Archives"
        return t, folder, flags, K.serialize(hdrs, body)

    def scanner(self, extra_size=None):
        rng = self.rng
        name, addr, text = rng.choice(SCANNERS)
        t = self._date()
        pages = rng.choice((1, 1, 2, 2, 3, 4, 6, 12))
        size = extra_size or lognormal_size(rng, 120 * KB * pages, 0.7, 40 * KB, 20 * MB)
        ck = self.pl.clock
        stamp = ck.rfc5322(t)
        pdf = self.pay.scanned_pdf(size, pages)
        lt, _ = ck.local(t)
        fname = "scan_%04d%02d%02d_%02d%02d%02d.pdf" % lt[:6]
        body = K.multipart("mixed", [K.text_part(text % (stamp, pages), "plain", "utf-8", "8bit"),
                                     K.attachment(pdf, "application/pdf", fname, "outlook")],
                           "=_scan_%016x" % rng.getrandbits(64))
        hdrs = self._headers(t, (name, addr), self._marie(), "Numérisation de document (%d page%s)"
                             % (pages, "s" if pages > 1 else ""), self._msgid(t, "clg-hortillonnages.ac-amiens.fr"))
        folder, flags = self._folder(inbox=0.5)
        return t, folder, flags, K.serialize(hdrs, body)

    def _person(self):
        d = self.pl.dir
        return self.rng.choice(d.colleagues + d.parents)

    def photos(self):
        rng = self.rng
        sender = self._person()
        t = self._date("people")
        n = file_count(rng) + (1 if rng.random() < 0.3 else 0)
        files = [("IMG_%04d.jpeg" % rng.randrange(1000, 9999), self.pay.jpeg(lognormal_size(rng, 90 * KB, 1.0)))
                 for _ in range(n)]
        texts = lorem(rng, rng.randint(2, 5))
        subject = rng.choice(("Photos de la sortie", "Photos du voyage scolaire", "Quelques photos",
                              "Photos de la remise des prix", "Tableau de la salle 12", "Photos atelier théâtre"))
        b = "Apple-Mail=_%08X-%04X-%04X" % (rng.getrandbits(32), rng.getrandbits(16), rng.getrandbits(16))
        if rng.random() < 0.5:          # Apple Mail: text, inline images, text
            parts = [K.text_part("\n".join(texts[:1]) + "\n", "plain", "utf-8", "quoted-printable")]
            for fn, data in files:
                parts.append(K.attachment(data, "image/jpeg", fn, "apple", disposition="inline"))
            parts.append(K.text_part("\n".join(texts[1:]) + "\n\nEnvoyé de mon iPhone\n", "plain", "utf-8",
                                     "quoted-printable"))
            mailer = "X-Mailer: iPhone Mail (21F90)"
        else:                            # Gmail: mixed > alternative + files
            alt = K.multipart("alternative", [
                K.text_part("\n\n".join(texts) + "\n", "plain", "utf-8", "base64"),
                K.text_part("<div dir=\"ltr\">" + "<br><br>".join(texts) + "</div>\n", "html", "utf-8", "base64")],
                "000000000000%012x" % rng.getrandbits(48), preamble=False)
            parts = [alt] + [K.attachment(data, "image/jpeg", fn, "gmail") for fn, data in files]
            b = "000000000000%012x" % rng.getrandbits(48)
            mailer = None
        body = K.multipart("mixed", parts, b, preamble=False)
        if rng.random() < 0.2:           # Marie sends them
            frm, to, folder, flags = ("Marie Dupont", G.MARIE_ADDR), K.mailbox(sender.name, sender.addr), "Sent", ["\\Seen"]
        else:
            frm, to = (sender.name, sender.addr), self._marie()
            folder, flags = self._folder(inbox=0.6)
        hdrs = self._headers(t, frm, to, subject, self._msgid(t, frm[1].split("@")[1]), [mailer] if mailer else [])
        return t, folder, flags, K.serialize(hdrs, body)

    def office(self, giant=None):
        rng = self.rng
        d = self.pl.dir
        t = self._date()
        sender = rng.choice(d.direction + d.colleagues)
        texts = lorem(rng, rng.randint(3, 8))
        files = []
        for i in range(0 if giant else file_count(rng)):
            size = lognormal_size(rng)
            kind = rng.choices(("pdf", "docx", "xlsx", "odt"), (55, 20, 8, 17))[0]
            if kind == "pdf":
                files.append((self.pay.pdf(size, "Circulaire"), "application/pdf", "Circulaire_%d.pdf" % (i + 1)))
            elif kind == "odt":
                files.append((self.pay.office_zip(size, "odt"), "application/vnd.oasis.opendocument.text",
                              "Compte rendu réunion %d.odt" % (i + 1)))
            elif kind == "docx":
                files.append((self.pay.office_zip(size, "docx"),
                              "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                              "Convocation_%d.docx" % (i + 1)))
            else:
                files.append((self.pay.office_zip(size, "xlsx"),
                              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                              "Tableau des services %d.xlsx" % (i + 1)))
        if giant:
            files.append(giant)
        subject = rng.choice(("Convocation", "Circulaire de rentrée", "Documents pour le conseil pédagogique",
                              "Compte rendu", "Projet d'établissement", "Pièces pour l'inspection",
                              "Dossier voyage scolaire", "Emplois du temps"))
        if rng.random() < 0.6:           # Outlook: mixed > alternative > plain + html
            cs = "iso-8859-1"
            alt = K.multipart("alternative", [
                K.text_part("\n".join(texts) + "\n", "plain", cs, "quoted-printable"),
                K.text_part("<html><body lang=FR><div class=WordSection1>" + "".join(
                    "<p class=MsoNormal>%s<o:p></o:p></p>" % s for s in texts) + "</div></body></html>\n",
                    "html", cs, "quoted-printable")],
                "----=_NextPart_001_%04X_%08X.%08X" % (rng.getrandbits(16), rng.getrandbits(32), rng.getrandbits(32)))
            parts = [alt] + [K.attachment(data, ct, fn, "outlook") for data, ct, fn in files]
            b = "----=_NextPart_000_%04X_%08X.%08X" % (rng.getrandbits(16), rng.getrandbits(32), rng.getrandbits(32))
            extra = ["X-Mailer: Microsoft Outlook 16.0", "Thread-Index: AQH%s" % base64.b64encode(
                rng.randbytes(18)).decode()]
        else:                            # academy webmail (Zimbra)
            parts = [K.text_part("\n\n".join(texts) + "\n", "plain", "utf-8", "quoted-printable")]
            parts += [K.attachment(data, ct, fn, "tb") for data, ct, fn in files]
            b = "=_%08x-%04x-%04x" % (rng.getrandbits(32), rng.getrandbits(16), rng.getrandbits(16))
            extra = ["X-Mailer: Zimbra 9.0.0_GA_4583 (ZimbraWebClient - FF128 (Linux)/9.0.0_GA_4583)"]
        body = K.multipart("mixed", parts, b)
        hdrs = self._headers(t, (sender.name, sender.addr), self._marie(), subject,
                             self._msgid(t, sender.addr.split("@")[1]), extra)
        folder, flags = self._folder(inbox=0.55)
        return t, folder, flags, K.serialize(hdrs, body)


# ------------------------------------------------------------------------ main
class _M:
    __slots__ = ("recv", "folder", "flags")

    def __init__(self, recv, folder, flags):
        self.recv, self.folder, self.flags = recv, folder, flags


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", required=True)
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--now", default="2026-11-20T10:00:00+01:00")
    ap.add_argument("--force", action="store_true")
    ap.add_argument("-q", "--quiet", action="store_true")
    args = ap.parse_args(argv)
    if args.count < 1:
        ap.error("--count must be >= 1")
    t0 = time.perf_counter()
    total = args.count
    base_n = max(1, int(round(total * BASE_SHARE)))
    base_args = argparse.Namespace(**dict(vars(args), count=base_n))
    pl = G.Planner(base_args)
    out = G.Output(os.path.abspath(args.out), pl.clock, args.force)
    rng = random.Random("realistic-%d" % args.seed)
    pay = Payloads("payload-%d" % args.seed)
    sizes, with_files = [], [0]
    inflate_p = INFLATE_SHARE * total / max(1, base_n) / 0.30     # ~30 % of mailgen's messages carry files
    giants = max(1 if total >= 1000 else 0, total // GIANT_EVERY)
    giant_at = set(rng.sample(range(total - base_n), min(giants, total - base_n))) if total > base_n else set()

    def emit(m, raw, big=False):
        sizes.append(len(raw))
        if big:
            with_files[0] += 1
        out.emit(m, raw)

    def base_emit(m, raw):
        big = False
        if b"Content-Disposition: attachment" in raw and rng.random() < inflate_p:
            raw, n = inflate(raw, pay, rng)
            big = n > 0
        emit(m, raw, big)

    pl.run(base_emit)
    produced = len(sizes)
    ex = Extras(pl, pay, rng)
    names = [k for k, _ in EXTRA_CLASSES]
    weights = [w for _, w in EXTRA_CLASSES]
    for i in range(total - produced):
        if i in giant_at:
            size = rng.randint(5 * MB, 20 * MB)
            if rng.random() < 0.5:
                t, folder, flags, raw = ex.scanner(extra_size=int(size / 1.37))
            else:
                t, folder, flags, raw = ex.office(giant=pay.giant(int(size / 1.37), rng))
            emit(_M(t, folder, flags), raw, True)
            continue
        kind = rng.choices(names, weights)[0]
        t, folder, flags, raw = getattr(ex, kind)()
        emit(_M(t, folder, flags), raw, kind != "newsletter" or b"image/jpeg" in raw)
    out.close()
    s = sorted(sizes)
    n = len(s)
    stats = {"messages": n, "bytes": sum(s), "mean_kb": round(sum(s) / n / 1000, 1),
             "median_kb": round(s[n // 2] / 1000, 1), "p90_kb": round(s[int(n * 0.9)] / 1000, 1),
             "p99_kb": round(s[min(n - 1, int(n * 0.99))] / 1000, 1), "max_mb": round(s[-1] / 1e6, 1),
             "with_files_20kb_plus": with_files[0], "with_files_share": round(with_files[0] / n, 3),
             "over_1mb": sum(1 for x in s if x > 1e6), "over_5mb": sum(1 for x in s if x > 5e6),
             "seed": args.seed, "generator": "scripts/mailgen/realistic.py"}
    with open(os.path.join(out.dir, "stats.json"), "w") as f:
        json.dump(stats, f, indent=1)
    if not args.quiet:
        print("realistic: %d messages, %.1f MB in %.1fs: mean %.1f KB, median %.1f KB, p90 %.1f KB, "
              "%d (%.1f %%) with files, %d over 1 MB, %d over 5 MB, largest %.1f MB -> %s" % (
                  n, stats["bytes"] / 1e6, time.perf_counter() - t0, stats["mean_kb"], stats["median_kb"],
                  stats["p90_kb"], with_files[0], 100 * stats["with_files_share"], stats["over_1mb"],
                  stats["over_5mb"], stats["max_mb"], args.out))


if __name__ == "__main__":
    main()
