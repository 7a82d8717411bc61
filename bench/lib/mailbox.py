"""The benchmark mailbox on the loopback Dovecot of tests/servers (up.sh).

- generate(): scripts/mailgen/mailgen.py --count N --seed S (the "small" mailbox, ~3.4 KB messages)
  or scripts/mailgen/realistic.py (the "realistic" one: ~54 KB on average, 12-13 % with files of
  20 KB-20 MB, a few 5-20 MB messages), cached under WORK/mail/.
- load(): the generated mail written straight into mdupont's Maildir (scripts/mailgen/load_maildir.py,
  then moved from its Maildir++ names to the LAYOUT=fs tree that up.sh configures), indexed with
  doveadm force-resync, and kept as a snapshot (WORK/mail/loaded-N-S) so later loads are a
  hard-link copy: Dovecot never rewrites a message file (flag changes rename it, expunges unlink it),
  and the index files, which it does rewrite, are real copies.
- apply_changes(): the "after changes" state, made with four doveadm commands: flags on 1 % of
  the messages, 0.5 % new messages (doveadm import from a Maildir of other generated mail), 0.2 %
  expunged. All in INBOX, chosen evenly over its UIDs, every flag change a real change.
- fingerprint(): MESSAGES UIDNEXT UIDVALIDITY HIGHESTMODSEQ of every folder, to prove that each
  tool saw the same server state and that no sync changed it.
"""
import os
import shlex
import shutil
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MAILGEN = os.path.join(ROOT, "scripts", "mailgen")
USER = "mdupont"
NEW_MAIL_SEED_OFFSET = 1      # new messages: same generator, seed + 1
SNAPSHOT_VERSION = "1"
GENERATORS = {"small": "mailgen.py", "realistic": "realistic.py"}


def cache_name(what, kind, count, seed):
    """WORK/mail/ names: the small mailbox keeps the names it always had."""
    return "%s-%s%d-%d" % (what, "" if kind == "small" else kind + "-", count, seed)


def log(msg):
    print("bench: " + msg, file=sys.stderr, flush=True)


def run(cmd, **kw):
    kw.setdefault("check", True)
    return subprocess.run(cmd, **kw)


def changes_for(count):
    """(flag changes, new messages, expunges) for a mailbox of count messages: 1 %, 0.5 %, 0.2 %."""
    return max(1, round(count * 0.01)), max(1, round(count * 0.005)), max(1, round(count * 0.002))


def spread(items, n):
    """n items taken evenly over the list (deterministic)."""
    if n >= len(items):
        return list(items)
    step = len(items) / n
    return [items[int(i * step + step / 2)] for i in range(n)]


def uid_set(uids):
    uids = sorted(uids)
    out, i = [], 0
    while i < len(uids):
        j = i
        while j + 1 < len(uids) and uids[j + 1] == uids[j] + 1:
            j += 1
        out.append(str(uids[i]) if i == j else "%d:%d" % (uids[i], uids[j]))
        i = j + 1
    return ",".join(out)


class ServerMailbox:
    def __init__(self, env, work):
        self.env = env
        self.work = work
        self.mail_cache = os.path.join(work, "mail")
        os.makedirs(self.mail_cache, exist_ok=True)
        self.doveadm = shlex.split(env["AMIENS_TEST_DOVEADM"])
        self.home = os.path.join(env["AMIENS_TEST_MAIL_HOME"], USER)
        self.maildir = os.path.join(self.home, "Maildir")
        st = os.stat(self.home)          # up.sh: install -d -o MAIL_UID -g MAIL_GID mail/mdupont
        self.uid, self.gid = st.st_uid, st.st_gid

    # -- doveadm ---------------------------------------------------------------------------------
    def adm(self, *args, capture=True, stdin=None, check=True):
        r = run(self.doveadm + list(args), capture_output=capture, text=True, input=stdin, check=check)
        return r.stdout if capture else None

    def kick(self):
        """Ends open IMAP sessions (they would keep writing indexes into a replaced tree)."""
        # Exit code 68 = nobody was connected.
        self.adm("kick", USER, check=False)
        for _ in range(300):
            who = self.adm("who", "-1", USER, check=False)
            if len(who.strip().splitlines()) <= 1:
                return
            time.sleep(0.01)

    def fingerprint(self):
        out = self.adm("-f", "tab", "mailbox", "status", "-u", USER,
                       "messages uidnext uidvalidity highestmodseq", "*")
        lines = out.strip().splitlines()
        head = lines[0].split("\t")
        rows = sorted(tuple(l.split("\t")) for l in lines[1:])
        return {"columns": head, "folders": [list(r) for r in rows]}

    def message_count(self):
        fp = self.fingerprint()
        i = fp["columns"].index("messages")
        return sum(int(row[i]) for row in fp["folders"])

    def search(self, mailbox, *query):
        out = self.adm("search", "-u", USER, "mailbox", mailbox, *query)
        return sorted(int(l.split()[1]) for l in out.splitlines() if l.strip())

    # -- generation --------------------------------------------------------------------------------
    def generate(self, count, seed, kind="small"):
        out = os.path.join(self.mail_cache, cache_name("gen", kind, count, seed))
        if os.path.exists(os.path.join(out, ".complete")):
            return out
        log("generating %d %s messages (seed %d) into %s" % (count, kind, seed, out))
        t = time.perf_counter()
        run([sys.executable, os.path.join(MAILGEN, GENERATORS[kind]), "--out", out, "--count", str(count),
             "--seed", str(seed), "--force", "-q"])
        open(os.path.join(out, ".complete"), "w").close()
        log("generated in %.1fs" % (time.perf_counter() - t))
        return out

    # -- loading -------------------------------------------------------------------------------------
    def _snapshot_dir(self, count, seed, kind):
        return os.path.join(self.mail_cache, cache_name("loaded", kind, count, seed))

    def _snapshot_valid(self, snap):
        try:
            with open(os.path.join(snap, ".bench-snapshot")) as f:
                return f.read().split() == [SNAPSHOT_VERSION, str(self.uid), str(self.gid)]
        except OSError:
            return False

    def _clone(self, src, dst, link_messages):
        """Copies a Maildir tree; message files (cur/ new/) as hard links when link_messages."""
        for dirpath, dirnames, filenames in os.walk(src):
            rel = os.path.relpath(dirpath, src)
            target = dst if rel == "." else os.path.join(dst, rel)
            os.mkdir(target, 0o700)
            os.chown(target, self.uid, self.gid)
            leaf = os.path.basename(dirpath)
            for name in filenames:
                s, d = os.path.join(dirpath, name), os.path.join(target, name)
                if name == ".bench-snapshot":
                    continue
                if link_messages and leaf in ("cur", "new"):
                    os.link(s, d)
                else:
                    shutil.copy2(s, d)
                    os.chown(d, self.uid, self.gid)

    def _discard_maildir(self):
        if os.path.lexists(self.maildir):
            trash = os.path.join(self.home, ".bench-old-%d-%d" % (os.getpid(), time.monotonic_ns()))
            os.rename(self.maildir, trash)
            subprocess.Popen(["rm", "-rf", trash], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)

    def _fs_layout(self, staging):
        """load_maildir.py writes Maildir++ (".Projets.Atelier th&AOkA4g-tre"); up.sh's Dovecot
        uses LAYOUT=fs ("Projets/Atelier th&AOkA4g-tre"). Renames the folders in place."""
        for name in sorted(os.listdir(staging)):
            path = os.path.join(staging, name)
            if not name.startswith(".") or not os.path.isdir(path) or name in (".", ".."):
                continue
            parts = name[1:].split(".")
            parent = staging
            for part in parts[:-1]:
                parent = os.path.join(parent, part)
                if not os.path.isdir(parent):
                    os.mkdir(parent, 0o700)
                    os.chown(parent, self.uid, self.gid)
            os.rename(path, os.path.join(parent, parts[-1]))
            try:
                os.unlink(os.path.join(parent, parts[-1], "maildirfolder"))
            except FileNotFoundError:
                pass

    def load(self, count, seed, kind="small"):
        """Replaces mdupont's mail by the generated mailbox; returns the load time."""
        t = time.perf_counter()
        snap = self._snapshot_dir(count, seed, kind)
        self.kick()
        if not self._snapshot_valid(snap):
            gen = self.generate(count, seed, kind)
            shutil.rmtree(snap, ignore_errors=True)
            staging = snap + ".staging"
            shutil.rmtree(staging, ignore_errors=True)
            run([sys.executable, os.path.join(MAILGEN, "load_maildir.py"), "--maildir", staging,
                 "--uid", str(self.uid), "--gid", str(self.gid), gen], stdout=subprocess.DEVNULL)
            self._fs_layout(staging)
            self._discard_maildir()
            os.rename(staging, self.maildir)
            self.adm("force-resync", "-u", USER, "*")
            # Dovecot would index lazily at the first SELECT: do it now, once, for every tool.
            self.adm("index", "-u", USER, "*")
            self.kick()
            self._clone(self.maildir, snap + ".tmp", link_messages=True)
            with open(os.path.join(snap + ".tmp", ".bench-snapshot"), "w") as f:
                f.write("%s %d %d\n" % (SNAPSHOT_VERSION, self.uid, self.gid))
            os.rename(snap + ".tmp", snap)
            log("loaded %d messages and saved the snapshot %s" % (count, snap))
        else:
            self._discard_maildir()
            self._clone(snap, self.maildir, link_messages=True)
        loaded = self.message_count()
        if loaded != count:
            raise SystemExit("bench: the server holds %d messages, %d expected" % (loaded, count))
        return time.perf_counter() - t

    # -- changes ---------------------------------------------------------------------------------------
    def _new_mail(self, count, seed, n, kind):
        """A Maildir (owned by the mail user) with n generated messages, for doveadm import."""
        src = os.path.join(self.mail_cache, cache_name("new", kind, count, seed))
        if os.path.exists(os.path.join(src, ".complete")):
            return src
        gen = self.generate(n, seed + NEW_MAIL_SEED_OFFSET, kind)
        shutil.rmtree(src, ignore_errors=True)
        for sub in ("", "cur", "new", "tmp"):
            os.makedirs(os.path.join(src, sub), exist_ok=True)
        base = int(time.time())
        files = []
        for dirpath, _, filenames in os.walk(gen):
            files += [os.path.join(dirpath, f) for f in filenames if f.endswith(".eml")]
        for i, path in enumerate(sorted(files)):
            shutil.copy(path, os.path.join(src, "cur", "%d.M%dP0Q%d.bench:2," % (base, i, i)))
        for dirpath, dirnames, filenames in os.walk(src):
            for name in dirnames + filenames:
                os.chown(os.path.join(dirpath, name), self.uid, self.gid)
        os.chown(src, self.uid, self.gid)
        open(os.path.join(src, ".complete"), "w").close()
        return src

    def apply_changes(self, count, seed, kind="small"):
        """1 % flag changes, 0.5 % new, 0.2 % expunged, in INBOX; returns what was done."""
        n_flags, n_new, n_gone = changes_for(count)
        t = time.perf_counter()
        all_uids = self.search("INBOX", "all")
        unseen = self.search("INBOX", "unseen")
        unflagged = self.search("INBOX", "unflagged")
        # Half the flag changes mark unread mail as read, half flag mail: each one is a real change.
        seen_targets = spread(unseen, n_flags // 2)
        rest = [u for u in unflagged if u not in set(seen_targets)]
        flag_targets = spread(rest, n_flags - len(seen_targets))
        touched = set(seen_targets) | set(flag_targets)
        gone = spread([u for u in all_uids if u not in touched], n_gone)
        if seen_targets:
            self.adm("flags", "add", "-u", USER, "\\Seen", "mailbox", "INBOX", "uid", uid_set(seen_targets))
        if flag_targets:
            self.adm("flags", "add", "-u", USER, "\\Flagged", "mailbox", "INBOX", "uid", uid_set(flag_targets))
        self.adm("expunge", "-u", USER, "mailbox", "INBOX", "uid", uid_set(gone))
        src = self._new_mail(count, seed, n_new, kind)
        # Without the quota plugin: up.sh gives mdupont 500 MB, which the realistic mailbox passes
        # (it was written straight into the Maildir); the import would be refused as over quota.
        self.adm("-o", "mail_plugins=acl", "import", "-u", USER, "maildir:%s:INDEX=MEMORY" % src, "", "mailbox",
                 "INBOX", "all")
        self.kick()
        return {"flag_changes": len(seen_targets) + len(flag_targets), "new": n_new, "expunged": len(gone),
                "folder": "INBOX", "seconds": round(time.perf_counter() - t, 3)}
