#!/usr/bin/env python3
"""Self-check of the AmiensMail test servers (python3 stdlib only).

Reads the AMIENS_TEST_* variables of servers.env (run it through
with-servers.sh, or after sourcing the file). Checks:
  - SNI: "localhost" gets cert.pem, no SNI gets nosni-cert.pem;
  - IMAPS login (chain verified against ca.pem, hostname "localhost"),
    CONDSTORE/QRESYNC, special-use folders;
  - IMAP: STARTTLS offered, login after STARTTLS;
  - ManageSieve STARTTLS + AUTHENTICATE PLAIN; LMTP LHLO;
  - submission port: STARTTLS + AUTH; local SMTP port: EHLO;
  - SMTPS submission as mdupont to jean.martin@ (alias) reaches jmartin's
    INBOX over LMTP within 5 s, then is deleted;
  - NAMESPACE, ACL and QUOTA are offered, with the shared/ namespace;
  - the functional mailbox logs in, is empty and has its 2 MB quota;
  - all mailboxes of both users are empty (mdupont first, jmartin at the end).
Prints one summary line; exits non-zero on failure.
"""
import base64
import imaplib
import os
import smtplib
import socket
import ssl
import sys
import time
import uuid
from email.message import EmailMessage

E = os.environ
HOST = E["AMIENS_TEST_HOST"]
SSL_DIR = E["AMIENS_TEST_SSL_DIR"]
TIMEOUT = 10


def ctx():
    return ssl.create_default_context(cafile=E["AMIENS_TEST_CA_FILE"])


def der(name):
    with open(os.path.join(SSL_DIR, name)) as f:
        return ssl.PEM_cert_to_DER_cert(f.read())


def check(cond, msg):
    if not cond:
        raise RuntimeError(msg)


def peer_cert(server_hostname):
    """DER of the leaf the IMAPS port serves, with or without SNI."""
    c = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    c.check_hostname = False
    c.verify_mode = ssl.CERT_NONE
    with socket.create_connection(("127.0.0.1", int(E["AMIENS_TEST_IMAPS_PORT"])), TIMEOUT) as s:
        with c.wrap_socket(s, server_hostname=server_hostname) as t:
            return t.getpeercert(binary_form=True)


def imap_login(user, password):
    m = imaplib.IMAP4_SSL(HOST, int(E["AMIENS_TEST_IMAPS_PORT"]), ssl_context=ctx(), timeout=TIMEOUT)
    m.login(user, password)
    return m


def all_empty(m):
    typ, data = m.list()
    names = [d.decode().rsplit(' "/" ', 1)[-1] for d in data]
    for n in names:
        typ, st = m.status(n, "(MESSAGES)")
        check(typ == "OK" and b"MESSAGES 0)" in st[0], "mailbox %s not empty: %r" % (n, st))
    return data


def sieve_check():
    s = socket.create_connection((HOST, int(E["AMIENS_TEST_SIEVE_PORT"])), TIMEOUT)

    def resp(f):
        lines = []
        while True:
            line = f.readline()
            check(line, "managesieve: connection closed")
            lines.append(line.rstrip(b"\r\n"))
            if line.startswith((b"OK", b"NO", b"BYE")):
                return lines

    greet = resp(s.makefile("rb"))
    check(b'"STARTTLS"' in greet, "managesieve: no STARTTLS: %r" % greet)
    s.sendall(b"STARTTLS\r\n")
    check(resp(s.makefile("rb"))[-1].startswith(b"OK"), "managesieve STARTTLS refused")
    t = ctx().wrap_socket(s, server_hostname=HOST)
    f = t.makefile("rb")
    resp(f)  # capabilities again after TLS
    tok = base64.b64encode(("\0%s\0%s" % (E["AMIENS_TEST_USER"], E["AMIENS_TEST_PASSWORD"])).encode())
    t.sendall(b'AUTHENTICATE "PLAIN" "' + tok + b'"\r\n')
    r = resp(f)
    check(r[-1].startswith(b"OK"), "managesieve auth failed: %r" % r)
    t.sendall(b"LISTSCRIPTS\r\n")
    r = resp(f)
    check(len(r) == 1 and r[0].startswith(b"OK"), "sieve scripts present: %r" % r)
    t.sendall(b"LOGOUT\r\n")
    t.close()


def main():
    user, pw = E["AMIENS_TEST_USER"], E["AMIENS_TEST_PASSWORD"]
    user2, pw2 = E["AMIENS_TEST_USER2"], E["AMIENS_TEST_PASSWORD2"]

    # SNI: without it the server presents the no-sni.invalid certificate...
    check(peer_cert(None) == der("nosni-cert.pem"), "no SNI: expected the no-sni.invalid certificate")

    m = imap_login(user, pw)
    # ...and with "localhost" (sent by imaplib, verified against ca.pem) cert.pem
    check(m.sock.getpeercert(binary_form=True) == der("cert.pem"), "SNI localhost: wrong certificate")
    typ, dat = m.capability()
    caps = set(dat[-1].decode().upper().split())
    check({"CONDSTORE", "QRESYNC", "SPECIAL-USE", "NAMESPACE", "ACL", "QUOTA"} <= caps,
          "IMAP caps: %s" % sorted(caps))
    typ, ns = m.namespace()
    check(typ == "OK" and b'(("shared/" "/"))' in ns[0], "no shared namespace: %r" % ns)
    data = all_empty(m)
    listing = b"\n".join(data)
    for flag, name in ((b"\\Drafts", b"Drafts"), (b"\\Sent", b"Sent"), (b"\\Trash", b"Trash"),
                       (b"\\Junk", b"Junk"), (b"\\Archive", b"Archives")):
        check(any(flag in d and d.endswith(name) for d in data), "missing %r: %r" % (name, listing))
    typ, sub = m.lsub()
    check(len(sub) >= 5, "special-use folders not subscribed: %r" % sub)
    m.logout()

    m = imaplib.IMAP4(HOST, int(E["AMIENS_TEST_IMAP_STARTTLS_PORT"]), timeout=TIMEOUT)
    # (no LOGINDISABLED: Dovecot counts 127.0.0.1 -> 127.0.0.1 as secured)
    check("STARTTLS" in m.capabilities, "IMAP pre-TLS caps: %s" % (m.capabilities,))
    m.starttls(ssl_context=ctx())
    m.login(user, pw)
    m.logout()

    sieve_check()

    # The functional mailbox: its own login, empty, with its small quota.
    f = imap_login(E["AMIENS_TEST_FUNCTIONAL_USER"], E["AMIENS_TEST_FUNCTIONAL_PASSWORD"])
    all_empty(f)
    typ, quota = f.getquotaroot("INBOX")
    check(typ == "OK" and any(b"(STORAGE 0 2048)" in q for q in quota[1]), "functional quota: %r" % quota)
    f.logout()

    with smtplib.LMTP(HOST, int(E["AMIENS_TEST_LMTP_PORT"]), timeout=TIMEOUT) as l:
        code, _ = l.ehlo()
        check(code == 250, "LMTP LHLO: %d" % code)

    with smtplib.SMTP(HOST, int(E["AMIENS_TEST_SUBMISSION_PORT"]), timeout=TIMEOUT) as s:
        s.ehlo()
        check(s.has_extn("starttls") and not s.has_extn("auth"), "submission: STARTTLS/AUTH order")
        s.starttls(context=ctx())
        s.ehlo()
        check(s.has_extn("smtputf8"), "submission: no SMTPUTF8")
        s.login(user, pw)

    with smtplib.SMTP(HOST, int(E["AMIENS_TEST_LOCAL_SMTP_PORT"]), timeout=TIMEOUT) as s:
        check(s.ehlo()[0] == 250, "local SMTP EHLO failed")

    # End to end: SMTPS -> Postfix -> alias -> LMTP -> jmartin's INBOX
    mid = "<selfcheck-%s@localhost>" % uuid.uuid4().hex
    msg = EmailMessage()
    msg["From"] = "Marie Dupont <marie.dupont@ac-amiens.fr>"
    msg["To"] = "Jean Martin <jean.martin@ac-amiens.fr>"
    msg["Subject"] = "selfcheck"
    msg["Message-ID"] = mid
    msg.set_content("selfcheck\n")
    with smtplib.SMTP_SSL(HOST, int(E["AMIENS_TEST_SMTPS_PORT"]), context=ctx(), timeout=TIMEOUT) as s:
        s.login(user, pw)
        s.send_message(msg)
    m = imap_login(user2, pw2)
    deadline = time.monotonic() + 5
    while True:
        m.select("INBOX")
        typ, found = m.uid("SEARCH", "HEADER", "Message-ID", mid)
        if found[0].split():
            break
        check(time.monotonic() < deadline, "message not delivered to %s within 5 s" % user2)
        time.sleep(0.05)
    m.uid("STORE", found[0].split()[0], "+FLAGS.SILENT", r"(\Deleted)")
    m.expunge()
    m.close()
    all_empty(m)
    m.logout()


if __name__ == "__main__":
    try:
        main()
    except (OSError, imaplib.IMAP4.error, smtplib.SMTPException, RuntimeError, KeyError) as e:
        sys.exit("selfcheck: FAILED: %s: %s" % (type(e).__name__, e))
    print("selfcheck: ok (SNI, IMAPS %s, IMAP+STARTTLS %s, ManageSieve %s, LMTP %s, SMTPS %s,"
          " submission %s, local SMTP %s, delivery)" % tuple(E[k] for k in (
              "AMIENS_TEST_IMAPS_PORT", "AMIENS_TEST_IMAP_STARTTLS_PORT", "AMIENS_TEST_SIEVE_PORT",
              "AMIENS_TEST_LMTP_PORT", "AMIENS_TEST_SMTPS_PORT", "AMIENS_TEST_SUBMISSION_PORT",
              "AMIENS_TEST_LOCAL_SMTP_PORT")))
