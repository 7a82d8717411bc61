#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""check.py -- validate a mailgen.py output directory.

    check.py DIR [-j JOBS] [--max-errors N]

Parses every message with email (policy=default) and checks: raw CRLF and
line lengths, 7-bit headers, parser/header defects, header decoding, unique
Message-IDs, In-Reply-To/References pointing to existing messages, Date and
internaldate parsing, every leaf part decodes (text with its charset,
attachments with plausible magic: PDF, PNG, ODT zip, iCalendar, message/rfc822)
and attachment file names decode.  Prints per-folder counts and stats.
Exit status 1 if anything is wrong.
"""
import argparse
import collections
import email
import email.header
import email.parser
import email.policy
import email.utils
import io
import os
import re
import sys
import time
import zipfile
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import mgcommon  # noqa: E402

FOLDERS_OK = re.compile(r"^(INBOX|Sent|Drafts|Trash|Junk|Archives|[^/\t]+(/[^/\t]+)*)$")
FLAGS_OK = {"\\Seen", "\\Answered", "\\Flagged", "\\Draft", "$Forwarded", "$MDNSent"}
MSGID = re.compile(r"<[^<>\s@]+@[^<>\s@]+>")
ENCODED_WORD = re.compile(r"=\?[^?]+\?[bBqQ]\?")
PARSER = email.parser.BytesParser(policy=email.policy.default)


def check_png(data):
    if not data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "bad PNG signature"
    pos, idat = 8, []
    while pos < len(data):
        n = int.from_bytes(data[pos:pos + 4], "big")
        tag = data[pos + 4:pos + 8]
        chunk = data[pos + 8:pos + 8 + n]
        crc = int.from_bytes(data[pos + 8 + n:pos + 12 + n], "big")
        if zlib.crc32(tag + chunk) & 0xFFFFFFFF != crc:
            return "PNG CRC mismatch in %r" % tag
        if tag == b"IDAT":
            idat.append(chunk)
        pos += 12 + n
    zlib.decompress(b"".join(idat))
    return None


def check_part_payload(ctype, data):
    if ctype == "application/pdf":
        if not data.startswith(b"%PDF-1.") or b"%%EOF" not in data[-32:]:
            return "bad PDF"
        sx = int(data[data.rindex(b"startxref") + 10:].split()[0])
        if not data[sx:].startswith(b"xref"):
            return "PDF startxref does not point at xref"
    elif ctype == "image/png":
        return check_png(data)
    elif ctype == "application/vnd.oasis.opendocument.text":
        z = zipfile.ZipFile(io.BytesIO(data))
        if z.namelist()[0] != "mimetype" or z.read("mimetype") != b"application/vnd.oasis.opendocument.text":
            return "bad ODT mimetype entry"
        if z.testzip() is not None:
            return "bad ODT zip CRC"
    elif ctype in ("application/ics", "text/calendar"):
        if not data.lstrip().startswith(b"BEGIN:VCALENDAR") or b"END:VCALENDAR" not in data:
            return "bad iCalendar"
    return None


def check_file(job):
    """Runs in a worker: returns a dict of facts and a list of errors for one file."""
    root, row = job
    path = row.path(root)
    errs = []
    facts = {"folder": row.folder, "flags": row.flags, "file": row.file}
    try:
        with open(path, "rb") as f:
            raw = f.read()
    except OSError as e:
        return facts, ["cannot read: %s" % e]
    facts["size"] = len(raw)
    # ---- raw checks
    if b"\n" in raw.replace(b"\r\n", b"") or b"\r" in raw.replace(b"\r\n", b""):
        errs.append("bare CR or LF")
    if max(map(len, raw.split(b"\r\n"))) > 998:
        errs.append("line longer than 998 octets")
    hdr_end = raw.find(b"\r\n\r\n")
    if hdr_end < 0:
        errs.append("no header/body separator")
    elif not raw[:hdr_end].isascii():
        errs.append("8-bit characters in the header section")
    # ---- parse
    msg = PARSER.parsebytes(raw)
    for d in msg.defects:
        errs.append("message defect: %s" % type(d).__name__)
    for name, value in msg.items():
        try:
            s = str(value)
        except Exception as e:                    # pragma: no cover
            errs.append("header %s does not decode: %s" % (name, e))
            continue
        if getattr(value, "defects", None):
            errs.append("header %s defects: %s" % (name, [type(d).__name__ for d in value.defects]))
        if ENCODED_WORD.search(s):
            errs.append("header %s still contains an encoded-word after decoding: %r" % (name, s[:80]))
    mid = msg.get("Message-ID")
    if not mid or not MSGID.fullmatch(str(mid).strip()):
        errs.append("missing/invalid Message-ID: %r" % mid)
    facts["msgid"] = str(mid).strip() if mid else None
    facts["refs"] = MSGID.findall(str(msg.get("References", "")))
    facts["irt"] = MSGID.findall(str(msg.get("In-Reply-To", "")))
    facts["subject"] = str(msg.get("Subject", ""))
    facts["from"] = str(msg.get("From", ""))
    facts["mdn"] = "Disposition-Notification-To" in msg
    try:
        d = msg["Date"].datetime
        facts["date"] = d.timestamp()
        if d.tzinfo is None:
            errs.append("Date without zone")
    except Exception as e:
        errs.append("Date does not parse: %s (%r)" % (e, msg.get("Date")))
    try:
        facts["idate"] = mgcommon.parse_internaldate(row.internaldate)
    except ValueError as e:
        errs.append(str(e))
    for a in ("From", "To", "Cc"):
        h = msg.get(a)
        if h is not None:
            for ad in h.addresses:
                if not ad.addr_spec or "@" not in ad.addr_spec:
                    errs.append("%s address without addr-spec: %r" % (a, str(ad)))
    # ---- parts
    atts, charsets, ctes, kinds = [], set(), set(), []
    for part in msg.walk():
        ct = part.get_content_type()
        kinds.append(ct)
        for dd in part.defects:
            errs.append("part %s defect: %s" % (ct, type(dd).__name__))
        if ct.startswith("multipart/"):
            continue
        cte = part.get("Content-Transfer-Encoding", "7bit").lower()
        ctes.add(cte)
        fn = part.get_filename()
        try:
            content = part.get_content()
        except Exception as e:
            errs.append("part %s does not decode: %s" % (ct, e))
            continue
        if ct.startswith("text/"):
            charsets.add(part.get_param("charset", "us-ascii").lower())
            data = content.encode("utf-8")
            if "\ufffd" in content:
                errs.append("text part %s has undecodable bytes" % ct)
        elif ct == "message/rfc822":
            if content.get("Message-ID") is None:
                errs.append("attached message without Message-ID")
            data = None
        else:
            data = content
        if part.get_content_disposition() in ("attachment", "inline") and (fn or ct != "text/plain"):
            if fn and ENCODED_WORD.search(fn):              # RFC 2047 inside a quoted parameter (Gmail/Outlook)
                fn = str(email.header.make_header(email.header.decode_header(fn)))
            if not fn:
                errs.append("attachment %s without filename" % ct)
            atts.append((ct, fn))
        if data is not None:
            bad = check_part_payload(ct, data)
            if bad:
                errs.append("%s (%s): %s" % (ct, fn, bad))
    facts.update(atts=atts, charsets=sorted(c for c in charsets if c), ctes=sorted(ctes), kinds=kinds)
    # ---- manifest consistency
    if not FOLDERS_OK.match(row.folder):
        errs.append("bad folder name %r" % row.folder)
    bad = [f for f in row.flags if f not in FLAGS_OK]
    if bad:
        errs.append("unexpected flags %s" % bad)
    if row.folder == "Drafts" and "\\Draft" not in row.flags:
        errs.append("draft without \\Draft")
    return facts, errs


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dir")
    ap.add_argument("-j", "--jobs", type=int, default=1, help="worker processes (default 1)")
    ap.add_argument("--max-errors", type=int, default=30)
    args = ap.parse_args()
    t0 = time.perf_counter()
    rows = mgcommon.read_manifest(args.dir)
    jobs = [(args.dir, r) for r in rows]
    if args.jobs > 1:
        import multiprocessing
        with multiprocessing.Pool(args.jobs) as pool:
            results = pool.map(check_file, jobs, chunksize=200)
    else:
        results = [check_file(j) for j in jobs]
    errors = []
    for facts, errs in results:
        errors += ["%s: %s" % (facts["file"], e) for e in errs]
    # files not in the manifest
    listed = {r.file for r in rows}
    if len(listed) != len(rows):
        errors.append("manifest lists some file twice")
    for dp, _, fns in os.walk(args.dir):
        for fn in fns:
            if fn.endswith(".eml"):
                rel = os.path.relpath(os.path.join(dp, fn), args.dir).replace(os.sep, "/")
                if rel not in listed:
                    errors.append("%s: not in manifest" % rel)
    # ids and threads
    ids = collections.Counter(f.get("msgid") for f, _ in results)
    for i, n in ids.items():
        if n > 1:
            errors.append("duplicate Message-ID %s (%d times)" % (i, n))
    dangling = 0
    for f, _ in results:
        for r in f.get("refs", []) + f.get("irt", []):
            if r not in ids:
                dangling += 1
                if dangling <= 5:
                    errors.append("%s: reference %s not found" % (f["file"], r))
    if dangling > 5:
        errors.append("... %d dangling references in total" % dangling)
    idates = [f["idate"] for f, _ in results if "idate" in f]
    if idates != sorted(idates):
        errors.append("manifest is not sorted by internaldate")
    # stats
    per = collections.Counter(f["folder"] for f, _ in results)
    seen = collections.Counter(f["folder"] for f, _ in results if "\\Seen" in f["flags"])
    flags = collections.Counter(fl for f, _ in results for fl in f["flags"])
    cs = collections.Counter(c for f, _ in results for c in f.get("charsets", []))
    cte = collections.Counter(c for f, _ in results for c in f.get("ctes", []))
    att = collections.Counter(a[0] for f, _ in results for a in f.get("atts", []))
    top = collections.Counter(f["kinds"][0] for f, _ in results if f.get("kinds"))
    replies = sum(1 for f, _ in results if f.get("irt"))
    n = len(results)
    dates = [f["date"] for f, _ in results if "date" in f]
    size = sum(f.get("size", 0) for f, _ in results)
    dt = time.perf_counter() - t0
    print("check: %d messages, %.1f MB, checked in %.2fs (%.0f msg/s)" % (n, size / 1e6, dt, n / dt if dt else 0))
    print("  %-26s %7s %6s %7s" % ("folder", "count", "%", "\\Seen"))
    for fo, c in sorted(per.items(), key=lambda kv: -kv[1]):
        print("  %-26s %7d %5.1f%% %6.1f%%" % (fo, c, 100.0 * c / n, 100.0 * seen[fo] / c))
    if dates:
        print("  dates: %s .. %s" % (time.strftime("%Y-%m-%d", time.gmtime(min(dates))),
                                     time.strftime("%Y-%m-%d", time.gmtime(max(dates)))))
    print("  flags: " + ", ".join("%s=%d" % kv for kv in sorted(flags.items())))
    print("  top-level types: " + ", ".join("%s=%d" % kv for kv in top.most_common()))
    print("  charsets: " + ", ".join("%s=%d" % kv for kv in cs.most_common()))
    print("  transfer encodings: " + ", ".join("%s=%d" % kv for kv in cte.most_common()))
    print("  attachments: " + ", ".join("%s=%d" % kv for kv in att.most_common()))
    print("  replies (In-Reply-To): %d, read-receipt requests: %d"
          % (replies, sum(1 for f, _ in results if f.get("mdn"))))
    if errors:
        print("ERRORS: %d" % len(errors))
        for e in errors[:args.max_errors]:
            print("  " + e)
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
