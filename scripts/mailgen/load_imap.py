#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""load_imap.py -- APPEND a mailgen.py output directory into an IMAP account over IMAPS.

    echo "$PASSWORD" | load_imap.py --host localhost --port 993 --cafile ca.pem \\
                                    --user mdupont --password-stdin DIR

Creates and subscribes the manifest's folders (modified UTF-7, "/" hierarchy
separator expected on the server), then appends every message with its flags
and internal date, keeping the manifest (= internaldate) order within each
folder, so UIDs are chronological.  With MULTIAPPEND (RFC 3502) messages are
sent per folder in batches of up to 500 messages / 8 MB, one server
transaction each (much faster on servers that fsync per transaction);
otherwise single APPENDs are pipelined with LITERAL+, or sent one by one with
synchronizing literals.  Afterwards STATUS MESSAGES is compared with
the number of messages appended per folder (delta before/after).
The server certificate is verified against --cafile for --host.
"""
import argparse
import base64
import os
import re
import socket
import ssl
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import mgcommon  # noqa: E402


class ImapError(Exception):
    pass


def quote(s):
    if any(c in s for c in "\r\n\0") or not s.isascii():
        raise ImapError("cannot quote %r" % s)
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


class Imap:
    """Just enough IMAP4rev1 for bulk APPEND, with pipelining."""

    def __init__(self, host, port, cafile, timeout=120):
        ctx = ssl.create_default_context(cafile=cafile)       # CERT_REQUIRED + hostname check
        sock = socket.create_connection((host, port), timeout=timeout)
        self.sock = ctx.wrap_socket(sock, server_hostname=host)
        self.rf = self.sock.makefile("rb", buffering=65536)
        self.n = 0
        greet = self._line()
        if not greet.startswith(b"* OK") and not greet.startswith(b"* PREAUTH"):
            raise ImapError("bad greeting: %r" % greet)
        self.caps = self._caps_from(greet) or self.capability()

    # ------------------------------------------------------------ plumbing
    def _line(self):
        """One response line, literals inlined (returns bytes without CRLF)."""
        out = b""
        while True:
            line = self.rf.readline()
            if not line:
                raise ImapError("connection closed by server")
            if not line.endswith(b"\r\n"):
                raise ImapError("line too long or truncated")
            line = line[:-2]
            m = re.search(rb"\{(\d+)\}$", line)
            if not m:
                return out + line
            out += line + b"\r\n" + self.rf.read(int(m.group(1)))

    def _tag(self):
        self.n += 1
        return "A%04d" % self.n

    @staticmethod
    def _caps_from(line):
        m = re.search(rb"\[CAPABILITY ([^\]]*)\]", line)
        return set(m.group(1).decode().upper().split()) if m else None

    def _wait(self, tag, untagged=None):
        t = tag.encode()
        while True:
            line = self._line()
            if line.startswith(t + b" "):
                status = line[len(t) + 1:].split(b" ", 1)[0].decode()
                caps = self._caps_from(line)
                if caps:
                    self.caps = caps
                return status, line.decode("utf-8", "replace")
            if untagged is not None:
                untagged.append(line)

    def cmd(self, text, ok=("OK",)):
        tag = self._tag()
        self.sock.sendall(("%s %s\r\n" % (tag, text)).encode("ascii"))
        unt = []
        status, line = self._wait(tag, unt)
        if status not in ok:
            raise ImapError("%s -> %s" % (text.split(" ")[0], line))
        return status, line, unt

    def capability(self):
        _, _, unt = self.cmd("CAPABILITY")
        for u in unt:
            if u.startswith(b"* CAPABILITY "):
                return set(u[13:].decode().upper().split())
        return set()

    # ------------------------------------------------------------ commands
    def login(self, user, password):
        if "AUTH=PLAIN" in self.caps:
            tok = base64.b64encode(("\0%s\0%s" % (user, password)).encode("utf-8")).decode("ascii")
            tag = self._tag()
            if "SASL-IR" in self.caps:
                self.sock.sendall(("%s AUTHENTICATE PLAIN %s\r\n" % (tag, tok)).encode())
            else:
                self.sock.sendall(("%s AUTHENTICATE PLAIN\r\n" % tag).encode())
                if not self._line().startswith(b"+"):
                    raise ImapError("no continuation for AUTHENTICATE")
                self.sock.sendall(tok.encode() + b"\r\n")
            status, line = self._wait(tag)
            if status != "OK":
                raise ImapError("authentication failed: %s" % line)
        else:
            self.cmd("LOGIN %s %s" % (quote(user), quote(password)))
        self.caps = self.capability()          # capabilities may change after authentication

    def list_all(self):
        _, _, unt = self.cmd('LIST "" "*"')
        names = []
        for u in unt:
            m = re.match(rb'\* LIST \(([^)]*)\) (NIL|"(?:[^"\\]|\\.)*") (.*)$', u, re.S)
            if not m:
                continue
            raw = m.group(3)
            if raw.startswith(b'"'):
                raw = re.sub(rb'\\(.)', rb'\1', raw[1:-1])
            elif b"\r\n" in raw:                      # literal
                raw = raw.split(b"\r\n", 1)[1]
            names.append(raw.decode("ascii", "replace"))
        return names

    def status_messages(self, mbox):
        st, line, unt = self.cmd("STATUS %s (MESSAGES)" % quote(mbox), ok=("OK", "NO"))
        if st != "OK":
            return None
        for u in unt:
            m = re.search(rb"MESSAGES (\d+)", u)
            if m:
                return int(m.group(1))
        return None

    def _append_cmd(self, mbox, msgs):
        """One APPEND (MULTIAPPEND if len(msgs) > 1); synchronizing literals where
        LITERAL+/LITERAL- do not allow a non-synchronizing one.  -> (status, line)"""
        lplus, lminus = "LITERAL+" in self.caps, "LITERAL-" in self.caps
        tag = self._tag()
        buf = [("%s APPEND %s" % (tag, mbox)).encode("ascii")]
        for flags, date, data in msgs:
            nonsync = lplus or (lminus and len(data) <= 4096)
            buf.append((" (%s) %s {%d%s}\r\n" % (flags, quote(date), len(data), "+" if nonsync else "")).encode("ascii"))
            if not nonsync:
                self.sock.sendall(b"".join(buf))
                buf = []
                while True:
                    line = self._line()
                    if line.startswith(b"+"):
                        break
                    if line.startswith(tag.encode() + b" "):
                        return "NO", line.decode("utf-8", "replace")
            buf.append(data)
        buf.append(b"\r\n")
        self.sock.sendall(b"".join(buf))
        return self._wait(tag)

    def append_many(self, items, multiappend=True, batch_bytes=8 << 20, batch_count=500):
        """items: list of (mbox_quoted, flags_str, date_str, data_fn).  -> (ok, errors, mode)

        MULTIAPPEND (advertised): one command per folder batch -- a single server
        transaction, hence one fsync/index commit per batch instead of per message.
        Messages keep their relative order inside each folder (UIDs follow it).
        Else LITERAL+: single APPENDs pipelined.  Else: one synchronizing APPEND at a time.
        """
        ok, errors = 0, []
        if multiappend and "MULTIAPPEND" in self.caps:
            groups = {}
            for mbox, flags, date, data_fn in items:
                groups.setdefault(mbox, []).append((flags, date, data_fn))
            for mbox, lst in groups.items():
                i = 0
                while i < len(lst):
                    chunk, size = [], 0
                    while i < len(lst) and len(chunk) < batch_count and size < batch_bytes:
                        flags, date, data_fn = lst[i]
                        data = data_fn()
                        chunk.append((flags, date, data))
                        size += len(data)
                        i += 1
                    status, line = self._append_cmd(mbox, chunk)
                    if status == "OK":
                        ok += len(chunk)
                    else:
                        errors.append("%s (%d messages)" % (line, len(chunk)))
            return ok, errors, "MULTIAPPEND"
        if "LITERAL+" in self.caps:
            batch, size = [], 0

            def flush():
                nonlocal ok, batch, size
                self.sock.sendall(b"".join(p for _, p in batch))
                for tag, _ in batch:
                    status, line = self._wait(tag)
                    if status == "OK":
                        ok += 1
                    else:
                        errors.append(line)
                batch, size = [], 0
            for mbox, flags, date, data_fn in items:
                data = data_fn()
                tag = self._tag()
                batch.append((tag, ("%s APPEND %s (%s) %s {%d+}\r\n" % (tag, mbox, flags, quote(date), len(data)))
                              .encode("ascii") + data + b"\r\n"))
                size += len(data)
                if size >= batch_bytes or len(batch) >= 200:
                    flush()
            if batch:
                flush()
            return ok, errors, "LITERAL+ pipelined"
        for mbox, flags, date, data_fn in items:
            status, line = self._append_cmd(mbox, [(flags, date, data_fn())])
            if status == "OK":
                ok += 1
            else:
                errors.append(line)
        return ok, errors, "one APPEND at a time" + (" (LITERAL-)" if "LITERAL-" in self.caps else "")

    def logout(self):
        try:
            self.cmd("LOGOUT", ok=("OK", "BYE"))
        except (ImapError, OSError):
            pass
        self.sock.close()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--host", default="localhost")
    ap.add_argument("--port", type=int, default=993)
    ap.add_argument("--cafile", required=True, help="CA certificate(s) to verify the server with")
    ap.add_argument("--user", required=True)
    ap.add_argument("--password-stdin", action="store_true", required=True,
                    help="read the password from the first line of stdin")
    ap.add_argument("--no-subscribe", action="store_true")
    ap.add_argument("--no-multiappend", action="store_true",
                    help="one APPEND per message even if the server supports MULTIAPPEND")
    ap.add_argument("dir", help="mailgen.py output directory (with manifest.tsv)")
    args = ap.parse_args()
    password = sys.stdin.readline().rstrip("\r\n")
    rows = mgcommon.read_manifest(args.dir)
    folders = []
    for r in rows:
        if r.folder not in folders:
            folders.append(r.folder)
    enc = {f: ("INBOX" if f.upper() == "INBOX" else mgcommon.imap_utf7_encode(f)) for f in folders}

    t0 = time.perf_counter()
    try:
        im = Imap(args.host, args.port, args.cafile)
        im.login(args.user, password)
        existing = set(im.list_all())
        created = 0
        for f in folders:
            if enc[f] == "INBOX" or enc[f] in existing:
                continue
            st, line, _ = im.cmd("CREATE %s" % quote(enc[f]), ok=("OK", "NO"))
            if st == "NO" and "ALREADYEXISTS" not in line.upper():
                raise ImapError("CREATE %s: %s" % (f, line))
            created += st == "OK"
        if not args.no_subscribe:
            for f in folders:
                if enc[f] != "INBOX":
                    im.cmd("SUBSCRIBE %s" % quote(enc[f]))
        before = {f: im.status_messages(enc[f]) or 0 for f in folders}
        t1 = time.perf_counter()
        total = 0

        def reader(path):
            def read():
                nonlocal total
                with open(path, "rb") as fh:
                    data = fh.read()
                total += len(data)
                return data
            return read
        items = [(quote(enc[r.folder]), " ".join(r.flags), r.internaldate, reader(r.path(args.dir))) for r in rows]
        ok, errors, mode = im.append_many(items, multiappend=not args.no_multiappend)
        t2 = time.perf_counter()
        expected = {}
        for r in rows:
            expected[r.folder] = expected.get(r.folder, 0) + 1
        mismatches = []
        for f in folders:
            after = im.status_messages(enc[f]) or 0
            if after - before[f] != expected[f]:
                mismatches.append("%s: +%d, expected +%d" % (f, after - before[f], expected[f]))
        im.logout()
    except (ImapError, OSError, ssl.SSLError) as e:
        print("load_imap: error: %s" % e, file=sys.stderr)
        sys.exit(1)
    dt = t2 - t1
    print("load_imap: appended %d/%d messages (%.1f MB) to %d folders (%d created) on %s:%d as %s in %.2fs "
          "(%.0f msg/s, %s, total %.2fs); STATUS check %s"
          % (ok, len(rows), total / 1e6, len(folders), created, args.host, args.port, args.user, dt,
             ok / dt if dt else 0, mode, time.perf_counter() - t0,
             "OK" if not mismatches else "FAILED: " + "; ".join(mismatches)))
    for e in errors[:10]:
        print("  append error: %s" % e, file=sys.stderr)
    sys.exit(0 if ok == len(rows) and not mismatches else 1)


if __name__ == "__main__":
    main()
