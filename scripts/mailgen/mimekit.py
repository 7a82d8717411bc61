# -*- coding: utf-8 -*-
"""Small, fast MIME building blocks producing bytes directly (CRLF).

A *part* is a tuple (header_lines: list[str], body: bytes).  The top-level
message puts its part headers into the message header block.  All header
text produced here is 7-bit ASCII (RFC 2047 / RFC 2231 encoded).
"""
import base64
import binascii
import codecs
import io
import re
import struct
import zipfile
import zlib

CRLF = b"\r\n"

# ----------------------------------------------------------------- RFC 2047
# RFC 2047 5(3): chars allowed unencoded in a Q-encoded word in a phrase.
_Q_SAFE = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!*+-/")
_QTAB = tuple(chr(b) if b in _Q_SAFE else ("_" if b == 0x20 else "=%02X" % b) for b in range(256))
_CHARSET_LABEL = {"utf-8": "UTF-8", "iso-8859-1": "ISO-8859-1", "iso-8859-15": "ISO-8859-15"}
_qcache = {}


def _q_char(ch, charset):
    key = (ch, charset)
    r = _qcache.get(key)
    if r is None:
        r = "".join(_QTAB[b] for b in ch.encode(charset))
        _qcache[key] = r
    return r


def encodable(text, charset):
    try:
        text.encode(charset)
        return True
    except UnicodeEncodeError:
        return False


def encode_words(text, charset="utf-8", enc="Q", first_room=75, room=75, word_split=False):
    """Encode *text* as RFC 2047 encoded-words, folded with CRLF SP.

    first_room / room: max length of the first / following encoded words so
    that no physical line exceeds 76 characters.  word_split=True breaks
    between words when possible (used for display names: some decoders,
    CPython's address parser included, keep the folding space between
    adjacent encoded-words of a phrase); otherwise breaks anywhere, which
    RFC 2047 allows and clients must handle.
    """
    label = _CHARSET_LABEL[charset]
    pre = "=?%s?%s?" % (label, enc)
    over = len(pre) + 2
    first_room = max(first_room, over + 12)
    if word_split and " " in text:
        units = re.findall(r"\S+ *| +", text)
    else:
        units = text
    words = []
    if enc == "Q":
        cur, curlen, lim = [], 0, first_room - over
        for u in units:
            e = "".join([_q_char(ch, charset) for ch in u]) if len(u) > 1 else _q_char(u, charset)
            if curlen + len(e) > lim and cur:
                words.append(pre + "".join(cur) + "?=")
                cur, curlen, lim = [], 0, room - over
            if len(e) > lim:                     # unit too long: fall back to characters
                for ch in u:
                    ce = _q_char(ch, charset)
                    if curlen + len(ce) > lim and cur:
                        words.append(pre + "".join(cur) + "?=")
                        cur, curlen, lim = [], 0, room - over
                    cur.append(ce)
                    curlen += len(ce)
                continue
            cur.append(e)
            curlen += len(e)
        if cur or not words:
            words.append(pre + "".join(cur) + "?=")
    else:
        lim = (first_room - over) // 4 * 3
        cur, curlen = [], 0
        for u in units:
            b = u.encode(charset)
            if curlen + len(b) > lim and cur:
                words.append(pre + base64.b64encode(b"".join(cur)).decode("ascii") + "?=")
                cur, curlen, lim = [], 0, (room - over) // 4 * 3
            if len(b) > lim:
                for ch in u:
                    cb = ch.encode(charset)
                    if curlen + len(cb) > lim and cur:
                        words.append(pre + base64.b64encode(b"".join(cur)).decode("ascii") + "?=")
                        cur, curlen = [], 0
                    cur.append(cb)
                    curlen += len(cb)
                continue
            cur.append(b)
            curlen += len(b)
        if cur or not words:
            words.append(pre + base64.b64encode(b"".join(cur)).decode("ascii") + "?=")
    return "\r\n ".join(words)


_ATOM_PHRASE = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~ -]*\Z")


def phrase(name, charset="utf-8", enc="Q", first_room=60):
    """Display-name phrase: atoms, quoted-string or encoded-words."""
    if name.isascii():
        if _ATOM_PHRASE.match(name):
            return name
        return '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if charset != "utf-8" and not encodable(name, charset):
        charset = "utf-8"
    return encode_words(name, charset, enc, first_room, word_split=True)


def mailbox(name, addr, charset="utf-8", enc="Q"):
    if not name:
        return addr
    return "%s <%s>" % (phrase(name, charset, enc), addr)


def fold_unstructured(name, value):
    """Fold an ASCII unstructured header value at spaces (<= 78 cols)."""
    line = "%s: %s" % (name, value)
    if len(line) <= 78:
        return line
    out, minpos = [], len(name) + 2
    while len(line) > 78:
        cut = line.rfind(" ", minpos, 77)
        if cut < 0:
            cut = line.find(" ", 77)
            if cut < 0:
                break
        out.append(line[:cut])
        line = line[cut:]        # keeps the leading space as folding white space
        minpos = 1
    out.append(line)
    return "\r\n".join(out)


_subj_cache = {}


def subject_header(text, charset="utf-8", enc="Q", mode="whole", name="Subject"):
    """Subject header line.  mode: 'whole' (encode everything) or 'prefix'
    (keep a leading ASCII 'Re: '/'TR: ' prefix unencoded, Outlook style).  Cached."""
    key = (text, charset, enc, mode, name)
    r = _subj_cache.get(key)
    if r is None:
        if len(_subj_cache) > 50000:
            _subj_cache.clear()
        r = _subj_cache[key] = _subject_header(text, charset, enc, mode, name)
    return r


def _subject_header(text, charset, enc, mode, name):
    if text.isascii():
        return fold_unstructured(name, text)
    if charset != "utf-8" and not encodable(text, charset):
        charset = "utf-8"
    head = name + ": "
    if mode == "prefix":
        i = 0
        m = re.match(r"((?:(?:Re|RE|Tr|TR|Fwd)\s?:\s*)+)", text)
        if m:
            i = m.end()
        # also keep leading pure-ASCII words unencoded
        while True:
            j = text.find(" ", i)
            if j < 0 or j > 30 or not text[i:j].isascii():
                break
            i = j + 1
        head += text[:i]
        text = text[i:]
    return head + encode_words(text, charset, enc, first_room=76 - len(head))


def address_list(name, mailboxes):
    """Header with comma separated mailboxes, one per folded line if long."""
    if not mailboxes:
        return None
    one = "%s: %s" % (name, ", ".join(mailboxes))
    if len(one) <= 78 and "\r\n" not in one:
        return one
    return "%s: %s" % (name, ",\r\n ".join(mailboxes))


# ----------------------------------------------------------------- RFC 2231
_ATTR_CHARS = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$&+-.^_`|~")
_PTAB = tuple(chr(b) if b in _ATTR_CHARS else "%%%02X" % b for b in range(256))


def param_2231(pname, value, charset="utf-8", maxchunk=60):
    """'; name*=UTF-8''…' or continuations '; name*0*=…; name*1*=…' (folded)."""
    label = _CHARSET_LABEL.get(charset, "UTF-8")
    if charset != "utf-8" and not encodable(value, charset):
        charset, label = "utf-8", "UTF-8"
    toks = [_PTAB[b] for b in value.encode(charset)]
    enc = "".join(toks)
    if len(enc) + len(label) + len(pname) < 64:
        return ";\r\n %s*=%s''%s" % (pname, label, enc)
    parts, cur, n = [], [], 0
    for t in toks:                   # never split a %XX triplet
        if n + len(t) > maxchunk and cur:
            parts.append("".join(cur))
            cur, n = [], 0
        cur.append(t)
        n += len(t)
    if cur:
        parts.append("".join(cur))
    out = []
    for i, p in enumerate(parts):
        if i == 0:
            out.append(";\r\n %s*0*=%s''%s" % (pname, label, p))
        else:
            out.append(";\r\n %s*%d*=%s" % (pname, i, p))
    return "".join(out)


def param_quoted(pname, value):
    return '; %s="%s"' % (pname, value.replace("\\", "\\\\").replace('"', '\\"'))


def filename_params(filename, style):
    """-> (content_type_params, content_disposition_params)

    styles: 'tb'  Thunderbird  name*= / filename*= (RFC 2231)
            'gm'  Gmail        name="=?UTF-8?B?…?=" filename="=?UTF-8?B?…?=" (RFC 2047 in quotes)
            'ol'  Outlook      name="=?iso-8859-1?Q?…?=" + filename*= RFC 2231
            'l1'  RFC 2231 in ISO-8859-1
    """
    if filename.isascii() and '"' not in filename:
        p = '"%s"' % filename
        return "; name=%s" % p, ";\r\n filename=%s" % p
    if style == "gm":
        w = encode_words(filename, "utf-8", "B", 200, 200).replace("\r\n ", " ")
        return ';\r\n name="%s"' % w, ';\r\n filename="%s"' % w
    if style == "ol":
        cs = "iso-8859-1" if encodable(filename, "iso-8859-1") else "utf-8"
        w = encode_words(filename, cs, "Q", 200, 200).replace("\r\n ", " ")
        return ';\r\n name="%s"' % w, param_2231("filename", filename, cs)
    if style == "l1" and encodable(filename, "iso-8859-1"):
        return param_2231("name", filename, "iso-8859-1"), param_2231("filename", filename, "iso-8859-1")
    return param_2231("name", filename), param_2231("filename", filename)


# ----------------------------------------------------------- transfer codings
def qp(data):
    """Quoted-printable with CRLF line ends; *data* uses LF line ends."""
    return binascii.b2a_qp(data, False, True, False).replace(b"\n", CRLF)


def b64(data):
    """Base64 in 76-column CRLF lines."""
    return base64.encodebytes(data).replace(b"\n", CRLF)


def crlf(data):
    return data.replace(b"\n", CRLF)


# --------------------------------------------------------------------- parts
# Typographic characters outside Latin-1/Latin-9, as a French mailer would downgrade them.
_LATIN_FALLBACK = {"’": "'", "‘": "'", "–": "-", "—": "-", "…": "...", "“": '"', "”": '"', "\u202f": " ",
                   "œ": "oe", "Œ": "OE", "€": "EUR", "😉": ";-)", "🎉": "!", "😊": ":-)", "🙏": "", "→": "->"}


def _latin_fallback(exc):
    bad = exc.object[exc.start:exc.end]
    return "".join(_LATIN_FALLBACK.get(ch, "?") for ch in bad), exc.end


codecs.register_error("mailgen-latin", _latin_fallback)


def text_part(text, subtype="plain", charset="utf-8", cte="quoted-printable", extra=""):
    data = text.encode(charset, "mailgen-latin")
    if cte == "quoted-printable":
        body = qp(data)
    elif cte == "base64":
        body = b64(crlf(data))
    else:
        if cte == "8bit" and data.isascii():
            cte = "7bit"
        body = crlf(data)
    if not body.endswith(CRLF):
        body += CRLF
    return (["Content-Type: text/%s; charset=%s%s" % (subtype, _ctype_cs(charset, subtype), extra),
             "Content-Transfer-Encoding: " + cte], body)


def _ctype_cs(cs, subtype):
    lab = _CHARSET_LABEL[cs]
    return '"%s"' % lab if subtype == "html" and lab == "UTF-8" else lab


def multipart(subtype, parts, boundary, params="", preamble=True):
    b = boundary.encode("ascii")
    out = [b"This is a multi-part message in MIME format.\r\n" if preamble else b""]
    for hdrs, body in parts:
        out.append(b"--" + b + CRLF)
        out.append("\r\n".join(hdrs).encode("ascii"))
        out.append(CRLF + CRLF)
        out.append(body)
        if not body.endswith(CRLF):
            out.append(CRLF)
        out.append(CRLF)
    # the CRLF before each delimiter belongs to the delimiter
    out.append(b"--" + b + b"--" + CRLF)
    body = b"".join(out)
    return (['Content-Type: multipart/%s;\r\n boundary="%s"%s' % (subtype, boundary, params)], body)


def attachment(data, ctype, filename, style="tb", disposition="attachment", cid=None, extra_ct=""):
    ctp, cdp = filename_params(filename, style)
    hdrs = ["Content-Type: %s%s%s" % (ctype, extra_ct, ctp)]
    if cid:
        hdrs.append("Content-ID: <%s>" % cid)
    hdrs.append("Content-Disposition: %s%s" % (disposition, cdp))
    hdrs.append("Content-Transfer-Encoding: base64")
    return (hdrs, b64(data))


def message_part(raw, filename, style="tb"):
    """Forward-as-attachment (message/rfc822; 7bit/8bit only)."""
    _, cdp = filename_params(filename, style)
    cte = "7bit" if raw.isascii() else "8bit"
    return (["Content-Type: message/rfc822", "Content-Disposition: attachment" + cdp,
             "Content-Transfer-Encoding: " + cte], raw)


def serialize(headers, part):
    hdrs, body = part
    return ("\r\n".join(headers + hdrs) + "\r\n\r\n").encode("ascii") + body


# ------------------------------------------------------------- attachments
def _pdf_str(s):
    b = s.encode("cp1252", "replace")
    return b"(" + b.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def make_pdf(title, lines, stamp="20260101120000"):
    """A minimal but valid one-page PDF 1.4 (Helvetica, WinAnsiEncoding)."""
    content = [b"BT /F1 15 Tf 56 780 Td ", _pdf_str(title), b" Tj ET\nBT /F1 10 Tf 56 750 Td 14 TL\n"]
    for ln in lines:
        content.append(_pdf_str(ln) + b" Tj T*\n")
    content.append(b"ET\n0.6 0.1 0.2 RG 56 770 m 539 770 l S\n")
    stream = b"".join(content)
    ti = "<FEFF" + title.encode("utf-16-be").hex().upper() + ">"
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
        b"/Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        ("<< /Title %s /Producer (LibreOffice 7.4) /Creator (Writer) /CreationDate (D:%s+01'00') >>"
         % (ti, stamp)).encode("ascii"),
    ]
    out = [b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"]
    pos = len(out[0])
    offs = []
    for i, o in enumerate(objs, 1):
        offs.append(pos)
        chunk = b"%d 0 obj\n" % i + o + b"\nendobj\n"
        out.append(chunk)
        pos += len(chunk)
    xref = [b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)]
    xref += [b"%010d 00000 n \n" % o for o in offs]
    out.append(b"".join(xref))
    out.append(b"trailer\n<< /Size %d /Root 1 0 R /Info 6 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, pos))
    return b"".join(out)


def _xml(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def make_odt(title, paragraphs, date_time=(2026, 1, 5, 9, 30, 0)):
    """A small OpenDocument text (valid zip, 'mimetype' stored first)."""
    bio = io.BytesIO()
    with zipfile.ZipFile(bio, "w") as z:
        def add(name, data, compress=zipfile.ZIP_DEFLATED):
            zi = zipfile.ZipInfo(name, date_time)
            zi.compress_type = compress
            z.writestr(zi, data)
        add("mimetype", b"application/vnd.oasis.opendocument.text", zipfile.ZIP_STORED)
        add("META-INF/manifest.xml",
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
            'manifest:version="1.2">\n'
            ' <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>\n'
            ' <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>\n'
            ' <manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>\n'
            '</manifest:manifest>\n')
        body = "".join('<text:p text:style-name="Standard">%s</text:p>' % _xml(p) for p in paragraphs)
        add("content.xml",
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
            '<office:body><office:text><text:h text:outline-level="1">%s</text:h>%s</office:text></office:body>'
            '</office:document-content>' % (_xml(title), body))
        add("meta.xml",
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.2"><office:meta>'
            '<dc:title>%s</dc:title><dc:language>fr-FR</dc:language></office:meta></office:document-meta>'
            % _xml(title))
    return bio.getvalue()


def _png_chunk(tag, data):
    return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)


def make_png(width, height, rows_fn, level=9):
    """RGB 8-bit PNG; rows_fn(y) -> bytes of length 3*width."""
    raw = b"".join(b"\x00" + rows_fn(y) for y in range(height))
    return (b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + _png_chunk(b"IDAT", zlib.compress(raw, level)) + _png_chunk(b"IEND", b""))


def ics_escape(s):
    return s.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def ics_fold(line):
    """Fold at 75 octets without splitting UTF-8 sequences."""
    b = line.encode("utf-8")
    if len(b) <= 75:
        return line
    out, cur, n, lim = [], [], 0, 75
    for ch in line:
        L = len(ch.encode("utf-8"))
        if n + L > lim:
            out.append("".join(cur))
            cur, n, lim = [], 0, 74
        cur.append(ch)
        n += L
    out.append("".join(cur))
    return "\r\n ".join(out)


VTIMEZONE_PARIS = (
    "BEGIN:VTIMEZONE", "TZID:Europe/Paris",
    "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "TZNAME:CEST",
    "DTSTART:19700329T020000", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
    "BEGIN:STANDARD", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "TZNAME:CET",
    "DTSTART:19701025T030000", "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD",
    "END:VTIMEZONE",
)


def make_ics(uid, summary, location, start, end, stamp_utc, organizer, attendees, description=""):
    """iCalendar REQUEST; start/end 'YYYYMMDDTHHMMSS' local Paris time."""
    L = ["BEGIN:VCALENDAR", "PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN", "VERSION:2.0",
         "METHOD:REQUEST"]
    L += VTIMEZONE_PARIS
    L += ["BEGIN:VEVENT", "UID:" + uid, "DTSTAMP:" + stamp_utc,
          "DTSTART;TZID=Europe/Paris:" + start, "DTEND;TZID=Europe/Paris:" + end,
          "SUMMARY;LANGUAGE=fr-FR:" + ics_escape(summary), "LOCATION:" + ics_escape(location),
          'ORGANIZER;CN="%s":mailto:%s' % (organizer[0], organizer[1])]
    for name, addr in attendees:
        L.append('ATTENDEE;CN="%s";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:%s' % (name, addr))
    if description:
        L.append("DESCRIPTION;LANGUAGE=fr-FR:" + ics_escape(description))
    L += ["SEQUENCE:0", "STATUS:CONFIRMED", "TRANSP:OPAQUE",
          "BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:Rappel", "TRIGGER:-PT15M", "END:VALARM",
          "END:VEVENT", "END:VCALENDAR"]
    return ("\r\n".join(ics_fold(x) for x in L) + "\r\n").encode("utf-8")
