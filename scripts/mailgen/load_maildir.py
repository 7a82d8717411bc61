#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""load_maildir.py -- write a mailgen.py output directory straight into a Dovecot Maildir++ tree.

    load_maildir.py --maildir ~USER/Maildir --uid UID --gid GID DIR_OF_EML
    doveadm force-resync -u USER '*'

For big benchmark mailboxes, much faster than IMAP APPEND.  Layout is the one
Dovecot uses for "mail_location = maildir:~/Maildir" (LAYOUT=maildir++, the
default) with "separator = /" on the namespace: INBOX is the root, folder
"Projets/Atelier théâtre" is the directory ".Projets.Atelier th&AOkA4g-tre"
(modified UTF-7, "." on disk), each sub-folder holds cur/ new/ tmp/ and an
empty "maildirfolder" file.  Messages go to cur/ with the info suffix
":2,<flags>" (D=\\Draft F=\\Flagged R=\\Answered S=\\Seen) plus keyword
letters a..z from the folder's dovecot-keywords file (created / extended),
",S=<size>,W=<rfc822 size>" in the name, and mtime = manifest internaldate
(Dovecot's INTERNALDATE for maildir).  Non-INBOX folders are added to the
"subscriptions" file.  Files/dirs are chowned to UID:GID (when run as root).
Run "doveadm force-resync" afterwards so Dovecot indexes the new files
(running or stopped server both work).
"""
import argparse
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import mgcommon  # noqa: E402

FLAG_LETTERS = {"\\Draft": "D", "\\Flagged": "F", "\\Answered": "R", "\\Seen": "S", "\\Deleted": "T"}
HOST = "mailgen"


class MaildirTree:
    def __init__(self, root, uid, gid):
        self.root, self.uid, self.gid = root, uid, gid
        self.chown = os.geteuid() == 0
        if not self.chown and (uid != os.geteuid() or gid not in os.getgroups() + [os.getegid()]):
            raise SystemExit("load_maildir: not root: --uid/--gid must be our own ids")
        self._dirs = {}
        self._kw = {}

    def _own(self, path):
        if self.chown:
            os.chown(path, self.uid, self.gid)

    def _mkdir(self, path):
        if not os.path.isdir(path):
            os.makedirs(path, mode=0o700, exist_ok=True)
            self._own(path)

    def folder_dir(self, folder):
        d = self._dirs.get(folder)
        if d is None:
            if folder.upper() == "INBOX":
                d = self.root
            else:
                if "." in folder:
                    raise SystemExit("load_maildir: '.' is not allowed in a Maildir++ folder name: %r" % folder)
                d = os.path.join(self.root, "." + mgcommon.imap_utf7_encode(folder).replace("/", "."))
            self._mkdir(self.root)
            self._mkdir(d)
            for sub in ("cur", "new", "tmp"):
                self._mkdir(os.path.join(d, sub))
            if d != self.root and not os.path.exists(os.path.join(d, "maildirfolder")):
                open(os.path.join(d, "maildirfolder"), "wb").close()
                self._own(os.path.join(d, "maildirfolder"))
            self._dirs[folder] = d
        return d

    def keywords(self, folder):
        """dovecot-keywords of a folder: {keyword: index}; written back by save_keywords()."""
        kw = self._kw.get(folder)
        if kw is None:
            kw = {}
            path = os.path.join(self.folder_dir(folder), "dovecot-keywords")
            if os.path.exists(path):
                with open(path, encoding="utf-8") as f:
                    for line in f:
                        idx, _, name = line.rstrip("\n").partition(" ")
                        if idx.isdigit() and name:
                            kw[name] = int(idx)
            self._kw[folder] = kw
        return kw

    def keyword_letter(self, folder, name):
        kw = self.keywords(folder)
        if name not in kw:
            used = set(kw.values())
            free = [i for i in range(26) if i not in used]
            if not free:
                return None                      # Maildir can only index 26 keywords: drop it
            kw[name] = free[0]
        i = kw[name]
        return chr(ord("a") + i) if i < 26 else None

    def save_keywords(self):
        for folder, kw in self._kw.items():
            if not kw:
                continue
            path = os.path.join(self.folder_dir(folder), "dovecot-keywords")
            tmp = path + ".mailgen-tmp"
            with open(tmp, "w", encoding="utf-8") as f:
                for name, idx in sorted(kw.items(), key=lambda kv: kv[1]):
                    f.write("%d %s\n" % (idx, name))
            os.chmod(tmp, 0o600)
            self._own(tmp)
            os.replace(tmp, path)

    def subscribe(self, folders):
        path = os.path.join(self.root, "subscriptions")
        names = []
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                lines = f.read().split("\n")
            if lines and lines[0].startswith("V\t"):
                lines = lines[2:] if len(lines) > 1 and lines[1] == "" else lines[1:]
            names = [l for l in lines if l]
        for fo in folders:
            if fo.upper() == "INBOX":
                continue
            n = mgcommon.imap_utf7_encode(fo).replace("/", "\t")
            if n not in names:
                names.append(n)
        tmp = path + ".mailgen-tmp"
        with open(tmp, "w", encoding="utf-8") as f:
            f.write("V\t2\n\n" + "".join(n + "\n" for n in names))
        os.chmod(tmp, 0o600)
        self._own(tmp)
        os.replace(tmp, path)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--maildir", required=True, help="Maildir root of the user (INBOX), e.g. ~user/Maildir")
    ap.add_argument("--uid", type=int, required=True)
    ap.add_argument("--gid", type=int, required=True)
    ap.add_argument("--no-subscribe", action="store_true")
    ap.add_argument("dir", help="mailgen.py output directory (with manifest.tsv)")
    args = ap.parse_args()
    t0 = time.perf_counter()
    rows = mgcommon.read_manifest(args.dir)
    tree = MaildirTree(os.path.abspath(os.path.expanduser(args.maildir)), args.uid, args.gid)
    pid, start = os.getpid(), int(time.time())
    total, dropped_kw, per = 0, 0, {}
    for seq, r in enumerate(rows):
        d = tree.folder_dir(r.folder)
        with open(r.path(args.dir), "rb") as f:
            data = f.read()
        size = len(data)
        vsize = size + data.count(b"\n") - data.count(b"\r\n")          # RFC 822 size (CRLF)
        letters = []
        for fl in r.flags:
            if fl.startswith("\\"):
                if fl in FLAG_LETTERS:
                    letters.append(FLAG_LETTERS[fl])
            else:
                c = tree.keyword_letter(r.folder, fl)
                if c:
                    letters.append(c)
                else:
                    dropped_kw += 1
        mtime = r.epoch
        # <secs>.M<usecs>P<pid>Q<n>.<host>: Dovecot orders new files by these fields when
        # assigning UIDs, so UIDs follow the manifest (internaldate) order.
        base = "%d.M%dP%dQ%dR%x.%s,S=%d,W=%d" % (mtime, seq % 1000000, pid, seq, start, HOST, size, vsize)
        tmp = os.path.join(d, "tmp", base)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            os.write(fd, data)
            if tree.chown:
                os.fchown(fd, args.uid, args.gid)
        finally:
            os.close(fd)
        os.utime(tmp, (mtime, mtime))
        os.rename(tmp, os.path.join(d, "cur", base + ":2," + "".join(sorted(letters))))
        total += size
        per[r.folder] = per.get(r.folder, 0) + 1
    tree.save_keywords()
    if not args.no_subscribe:
        tree.subscribe(list(per))
    dt = time.perf_counter() - t0
    print("load_maildir: wrote %d messages (%.1f MB) into %d folders under %s in %.2fs (%.0f msg/s)%s; "
          "now run: doveadm force-resync -u USER '*'"
          % (len(rows), total / 1e6, len(per), tree.root, dt, len(rows) / dt if dt else 0,
             ", %d keyword flags dropped (>26 keywords)" % dropped_kw if dropped_kw else ""))


if __name__ == "__main__":
    main()
