#!/usr/bin/env python3
"""rawimap.py -- the physical limit of an IMAP sync: a minimal client (ssl + socket).

One verified TLS connection (SNI and host name checked against --cafile), LOGIN, LIST, then for
every selectable folder: EXAMINE (CONDSTORE), one raw
    UID FETCH 1:* (UID FLAGS INTERNALDATE RFC822.SIZE BODY.PEEK[HEADER])
and one raw
    UID FETCH 1:* BODY.PEEK[]
Each step is timed on its own; the replies are read and thrown away (literals are skipped by
byte count, not parsed line by line, so the client costs next to nothing).

    rawimap.py --host localhost --port 993 --cafile ca.pem --user U --password-stdin [--json] [--noop N]

As a module: measure(host, port, cafile, user, password) -> dict of timings.
"""
import argparse
import json
import re
import socket
import ssl
import sys
import time

HEADER_ATTRS = b"(UID FLAGS INTERNALDATE RFC822.SIZE BODY.PEEK[HEADER])"
BODY_ATTRS = b"BODY.PEEK[]"
LITERAL = re.compile(rb"\{(\d+)\+?\}$")
LIST_LINE = re.compile(rb'^\* LIST \(([^)]*)\) (?:"(?:[^"\\]|\\.)*"|NIL) (.*)$')


class ImapError(Exception):
    pass


class RawImap:
    """Just enough IMAP to time the server: tagged commands, replies skimmed."""

    def __init__(self, host, port, cafile, timeout=600):
        context = ssl.create_default_context(cafile=cafile)
        context.minimum_version = ssl.TLSVersion.TLSv1_2
        raw = socket.create_connection((host, port), timeout=timeout)
        raw.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.sock = context.wrap_socket(raw, server_hostname=host)
        self.buf = bytearray()
        self.pos = 0
        # Reused for every read: recv(1 MB) would allocate (and the kernel map) a fresh megabyte per
        # TLS record, which at 6 GB cost more system time than the transfer itself.
        self.scratch = bytearray(1 << 20)
        self.view = memoryview(self.scratch)
        self.tag = 0
        self.bytes_read = 0
        greeting = self._line()
        if not greeting.startswith(b"* OK"):
            raise ImapError("bad greeting: %r" % greeting[:200])

    # -- reading -----------------------------------------------------------------------------
    def _fill(self):
        got = self.sock.recv_into(self.view)
        if not got:
            raise ImapError("connection closed by the server")
        self.bytes_read += got
        if self.pos:
            del self.buf[:self.pos]
            self.pos = 0
        self.buf += self.view[:got]

    def _line(self):
        """The next CRLF-terminated line, without the CRLF."""
        while True:
            end = self.buf.find(b"\r\n", self.pos)
            if end >= 0:
                line = bytes(self.buf[self.pos:end])
                self.pos = end + 2
                return line
            self._fill()

    def _skip(self, n):
        """Drops the next n bytes (a literal), reading them from the socket as needed."""
        avail = len(self.buf) - self.pos
        if avail >= n:
            self.pos += n
            return
        n -= avail
        self.buf.clear()
        self.pos = 0
        while n > 0:
            got = self.sock.recv_into(self.view)
            if not got:
                raise ImapError("connection closed inside a literal")
            self.bytes_read += got
            if got <= n:
                n -= got
            else:
                self.buf += self.view[n:got]
                n = 0

    def _read_literal(self, n):
        while len(self.buf) - self.pos < n:
            self._fill()
        data = bytes(self.buf[self.pos:self.pos + n])
        self.pos += n
        return data

    # -- commands ----------------------------------------------------------------------------
    def command(self, text, keep=False):
        """Sends a command; returns (number of FETCH replies, untagged replies if keep)."""
        self.tag += 1
        tag = b"b%d" % self.tag
        self.sock.sendall(tag + b" " + text + b"\r\n")
        fetches = 0
        kept = []
        prefix = tag + b" "
        while True:
            line = first = self._line()
            # A line may carry several literals: "... {12}\r\n<12 bytes> ... {40}\r\n<40 bytes>)".
            full = [line] if keep else None
            while line.endswith(b"}"):
                m = LITERAL.search(line)
                if not m:
                    break
                n = int(m.group(1))
                if keep:
                    full.append(self._read_literal(n))
                else:
                    self._skip(n)
                line = self._line()
                if keep:
                    full.append(line)
            if first.startswith(prefix):
                if not first[len(prefix):].startswith(b"OK"):
                    raise ImapError("%s failed: %r" % (text.split(b" ")[0].decode(), first[:300]))
                return fetches, kept
            if first.startswith(b"* ") and b" FETCH (" in first[:40]:
                fetches += 1
            if keep:
                kept.append(full)

    def login(self, user, password):
        def quote(s):
            return b'"' + s.encode("utf-8").replace(b"\\", b"\\\\").replace(b'"', b'\\"') + b'"'
        self.command(b"LOGIN " + quote(user) + b" " + quote(password))

    def folders(self):
        _, lines = self.command(b'LIST "" "*"', keep=True)
        result = []
        for parts in lines:
            m = LIST_LINE.match(parts[0])
            if not m:
                continue
            attrs = m.group(1).lower()
            if b"\\noselect" in attrs or b"\\nonexistent" in attrs:
                continue
            name = m.group(2)
            if len(parts) > 1:                   # name sent as a literal
                name = parts[1]
            elif name.startswith(b'"'):
                name = re.sub(rb"\\(.)", rb"\1", name[1:-1])
            result.append(name)
        return result

    def close(self):
        try:
            self.command(b"LOGOUT")
        except (ImapError, OSError):
            pass
        self.sock.close()


def quote_mailbox(name):
    return b'"' + name.replace(b"\\", b"\\\\").replace(b'"', b'\\"') + b'"'


def measure(host, port, cafile, user, password, with_bodies=True, noop_count=0):
    """One session; returns the time of each step (seconds) and what was read."""
    t0 = time.perf_counter()
    client = RawImap(host, port, cafile)
    client.login(user, password)
    t_login = time.perf_counter() - t0
    # The round trip of the link: NOOPs cost the server next to nothing (not part of any figure).
    noops = []
    for _ in range(noop_count):
        t = time.perf_counter()
        client.command(b"NOOP")
        noops.append(time.perf_counter() - t)
    t = time.perf_counter()
    names = client.folders()
    t_list = time.perf_counter() - t
    result = {"login": t_login, "list": t_list, "examine": 0.0, "headers": 0.0, "bodies": 0.0,
              "messages": 0, "folders": [], "header_bytes": 0, "body_bytes": 0,
              "noop": sorted(noops)[len(noops) // 2] if noops else None}
    for name in names:
        t = time.perf_counter()
        client.command(b"EXAMINE " + quote_mailbox(name) + b" (CONDSTORE)")
        t_ex = time.perf_counter() - t
        before = client.bytes_read
        t = time.perf_counter()
        count, _ = client.command(b"UID FETCH 1:* " + HEADER_ATTRS)
        t_hdr = time.perf_counter() - t
        hdr_bytes = client.bytes_read - before
        t_body, body_bytes = 0.0, 0
        if with_bodies:
            before = client.bytes_read
            t = time.perf_counter()
            client.command(b"UID FETCH 1:* " + BODY_ATTRS)
            t_body = time.perf_counter() - t
            body_bytes = client.bytes_read - before
        result["examine"] += t_ex
        result["headers"] += t_hdr
        result["bodies"] += t_body
        result["messages"] += count
        result["header_bytes"] += hdr_bytes
        result["body_bytes"] += body_bytes
        result["folders"].append({"name": name.decode("ascii", "replace"), "messages": count,
                                  "examine": t_ex, "headers": t_hdr, "bodies": t_body})
    client.close()
    result["total"] = time.perf_counter() - t0
    return result


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--host", default="localhost")
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--cafile", required=True)
    ap.add_argument("--user", required=True)
    ap.add_argument("--password-stdin", action="store_true", required=True)
    ap.add_argument("--no-bodies", action="store_true")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--noop", type=int, default=0, help="also time N NOOPs after login (median: the round trip)")
    args = ap.parse_args()
    password = sys.stdin.readline().rstrip("\r\n")
    r = measure(args.host, args.port, args.cafile, args.user, password, not args.no_bodies, args.noop)
    if args.json:
        print(json.dumps(r, indent=2))
    else:
        print("login %.3fs, list %.3fs, examine %.3fs (%d folders), headers %.3fs (%.1f MB), "
              "bodies %.3fs (%.1f MB), %d messages"
              % (r["login"], r["list"], r["examine"], len(r["folders"]), r["headers"], r["header_bytes"] / 1e6,
                 r["bodies"], r["body_bytes"] / 1e6, r["messages"]))


if __name__ == "__main__":
    main()
