# -*- coding: utf-8 -*-
"""Helpers shared by check.py, load_imap.py and load_maildir.py."""
import base64
import calendar
import os
import re

FOLDER_SEP = "/"
SYSTEM_FLAGS = ("\\Seen", "\\Answered", "\\Flagged", "\\Deleted", "\\Draft")
MONTHS = {m: i for i, m in enumerate(("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
                                      "Nov", "Dec"), 1)}
_IDATE = re.compile(r"^([ \d]\d)-([A-Z][a-z]{2})-(\d{4}) (\d\d):(\d\d):(\d\d) ([+-])(\d\d)(\d\d)$")


class ManifestRow:
    __slots__ = ("file", "folder", "flags", "internaldate")

    def __init__(self, file, folder, flags, internaldate):
        self.file, self.folder, self.flags, self.internaldate = file, folder, flags, internaldate

    def path(self, root):
        return os.path.join(root, self.file)

    @property
    def epoch(self):
        return parse_internaldate(self.internaldate)


def read_manifest(root):
    rows = []
    with open(os.path.join(root, "manifest.tsv"), encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or (n == 1 and line.startswith("file\t")):
                continue
            parts = line.split("\t")
            if len(parts) != 4:
                raise ValueError("manifest.tsv:%d: expected 4 columns, got %d" % (n, len(parts)))
            rows.append(ManifestRow(parts[0], parts[1], parts[2].split(), parts[3]))
    return rows


def parse_internaldate(s):
    """'20-Nov-2026 10:00:00 +0100' -> POSIX timestamp."""
    m = _IDATE.match(s)
    if not m:
        raise ValueError("bad internaldate %r" % s)
    d, mon, y, H, M, S, sign, zh, zm = m.groups()
    ts = calendar.timegm((int(y), MONTHS[mon], int(d), int(H), int(M), int(S)))
    off = (int(zh) * 60 + int(zm)) * 60
    return ts - off if sign == "+" else ts + off


def imap_utf7_encode(name):
    """RFC 3501 5.1.3 modified UTF-7."""
    out, buf = [], []

    def flush():
        if buf:
            b = "".join(buf).encode("utf-16-be")
            out.append("&" + base64.b64encode(b).decode("ascii").rstrip("=").replace("/", ",") + "-")
            buf.clear()
    for ch in name:
        if 0x20 <= ord(ch) <= 0x7E:
            flush()
            out.append("&-" if ch == "&" else ch)
        else:
            buf.append(ch)
    flush()
    return "".join(out)


def imap_utf7_decode(s):
    out, i = [], 0
    while i < len(s):
        if s[i] == "&":
            j = s.index("-", i)
            if j == i + 1:
                out.append("&")
            else:
                b = s[i + 1:j].replace(",", "/")
                b += "=" * (-len(b) % 4)
                out.append(base64.b64decode(b).decode("utf-16-be"))
            i = j + 1
        else:
            out.append(s[i])
            i += 1
    return "".join(out)


def parents(folder):
    """'a/b/c' -> ['a', 'a/b']."""
    p = folder.split(FOLDER_SEP)
    return [FOLDER_SEP.join(p[:i]) for i in range(1, len(p))]
