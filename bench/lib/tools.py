"""The synchronisers under test: amiens-mail-cli, mbsync (isync), and the timing helper they share."""
import os
import re
import shutil
import subprocess
import tempfile
import threading
import time

TIME = "/usr/bin/time"
ADDRESS = "mdupont@ac-amiens.fr"
SUMMARY = re.compile(r"(\d+) folders: (\d+) new, (\d+) flag changes, (\d+) removed, (\d+) bodies downloaded")
# Printed by amiens-mail-cli sync once the search index of what it stored is complete.
INDEXED = re.compile(r"Search index: (\d+) messages? indexed")
RSS = re.compile(r"Maximum resident set size \(kbytes\): (\d+)")
CPU = re.compile(r"(User|System) time \(seconds\): ([\d.]+)")


def flush_disk(limit=5.0):
    """sync(1), but waits at most limit seconds: on a machine shared with other jobs, sync also
    waits for their writes, which can take minutes. Returns the seconds waited."""
    t = time.perf_counter()
    p = subprocess.Popen(["sync"])
    try:
        p.wait(timeout=limit)
    except subprocess.TimeoutExpired:
        pass                       # it finishes on its own; the run goes on
    return time.perf_counter() - t


def timed(cmd, stdin_text=None, env=None, timeout=3600):
    """Runs cmd under /usr/bin/time -v: wall seconds (measured here), CPU seconds (user + system) and
    peak RSS of the client, the 1-minute load average at the end, exit code, output, and when each
    line of stdout arrived ("lines": [(seconds since start, line)]).

    The page cache's dirty data of the previous step (profile copies, earlier syncs) is written
    out first, so that it is not flushed inside the timed run."""
    flush_disk()
    with tempfile.NamedTemporaryFile(prefix="bench-time-", suffix=".txt") as rss_file:
        t = time.perf_counter()
        p = subprocess.Popen([TIME, "-v", "-o", rss_file.name] + cmd, stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True)
        lines, err = [], []

        def read_stdout():
            for line in p.stdout:
                lines.append((time.perf_counter() - t, line.rstrip("\n")))

        def read_stderr():
            err.append(p.stderr.read())
        readers = [threading.Thread(target=read_stdout), threading.Thread(target=read_stderr)]
        for reader in readers:
            reader.start()
        if stdin_text is not None:
            p.stdin.write(stdin_text)
        p.stdin.close()
        # A blocking wait, the time-out kept by a timer: Popen.wait(timeout) polls with sleeps
        # that grow to 50 ms, which rounded every run longer than ~64 ms up to the next poll, by
        # as much as 50 ms (a 0.114 s resync read as 0.115 or 0.165 s).
        expired = threading.Event()

        def expire():
            expired.set()
            p.kill()
        timer = threading.Timer(timeout, expire)
        timer.start()
        try:
            p.wait()
            seconds = time.perf_counter() - t
        finally:
            timer.cancel()
            for reader in readers:
                reader.join()
        if expired.is_set():
            raise subprocess.TimeoutExpired(cmd, timeout)
        usage = open(rss_file.name).read()
    m = RSS.search(usage)
    cpu = sum(float(v) for _, v in CPU.findall(usage))
    return {"seconds": seconds, "cpu": cpu, "rss_mb": int(m.group(1)) / 1024 if m else None, "rc": p.returncode,
            "load": os.getloadavg()[0], "stdout": "\n".join(line for _, line in lines), "lines": lines,
            "stderr": "".join(err)}


# Files no tool ever rewrites in place once written: a copy may share them (hard links) instead of
# duplicating gigabytes. Message files of a Maildir (flags live in the name) and AmiensMail's body
# files (a body is written under a new name, never over an old one).
def _immutable(path):
    parts = path.split(os.sep)
    if "bodies" in parts:
        return True
    return len(parts) >= 2 and parts[-2] in ("cur", "new") and not parts[-1].startswith(".")


def copy_tree(src, dst):
    if os.path.lexists(dst):
        shutil.rmtree(dst)

    def copy(source, target):
        if _immutable(os.path.relpath(source, src)):
            try:
                os.link(source, target)
                return target
            except OSError:
                pass
        return shutil.copy2(source, target)
    shutil.copytree(src, dst, symlinks=True, copy_function=copy)


class AmiensMail:
    """amiens-mail-cli with its own profile directories (one fresh profile per first sync)."""

    def __init__(self, cli, env, work, prefix=()):
        self.cli = cli
        self.prefix = list(prefix)       # e.g. ip netns exec NS: the far side of a shaped link
        self.password = env["AMIENS_TEST_PASSWORD"]
        self.dir = os.path.join(work, "amiens")
        shutil.rmtree(self.dir, ignore_errors=True)
        os.makedirs(self.dir)
        # English messages (the summary line is parsed), no protocol tracing.
        self.env = dict(os.environ, LC_ALL="C.UTF-8", LANG="C.UTF-8", AMIENS_MAIL_LANGUAGE="en")
        self.env.pop("QT_LOGGING_RULES", None)
        self.template = os.path.join(self.dir, "template")
        # No --password-stdin here: the password is given to each sync, the keychain is not used.
        subprocess.run([cli, "--profile", self.template, "account", "add", "--address", ADDRESS,
                        "--name", "Marie Dupont", "--login", env["AMIENS_TEST_USER"],
                        "--imap-host", "localhost", "--imap-port", env["AMIENS_TEST_IMAPS_PORT"],
                        "--imap-security", "ssl", "--smtp-host", "localhost",
                        "--smtp-port", env["AMIENS_TEST_SMTPS_PORT"], "--smtp-security", "ssl",
                        "--ca-file", env["AMIENS_TEST_CA_FILE"]],
                       env=self.env, check=True, capture_output=True, text=True)

    def profile(self, name):
        return os.path.join(self.dir, name)

    def fresh(self, name):
        path = self.profile(name)
        copy_tree(self.template, path)
        return path

    def sync(self, profile, bodies):
        r = timed(self.prefix + [self.cli, "--profile", profile, "sync", "--bodies", bodies, "--password-stdin"],
                  stdin_text=self.password + "\n", env=self.env)
        m = SUMMARY.search(r["stdout"])
        r["summary"] = dict(zip(("folders", "new", "flags", "removed", "bodies"), map(int, m.groups()))) if m else None
        # The messages are readable once the summary line is out; the search index may still be
        # built after it (then its own line says when it is done, and the process ends).
        for at, line in r.get("lines", []):
            if SUMMARY.search(line):
                r["readable_seconds"] = at
            m = INDEXED.search(line)
            if m:
                r["indexed_seconds"] = at
                r["indexed"] = int(m.group(1))
        return r


MBSYNC_CONFIG = """# Written by bench/lib/tools.py for one benchmark run.
# FSync yes is mbsync's default: every message file and state file is flushed to disk.
FSync {fsync}

IMAPAccount bench
Host localhost
Port {port}
User {user}
Pass "{password}"
SSLType IMAPS
CertificateFile {ca}

IMAPStore far
Account bench

MaildirStore near
Path {near}/
Inbox {near}/INBOX
SubFolders Verbatim

Channel bench
Far :far:
Near :near:
Patterns *
Create Near
# One way, like AmiensMail's sync: new messages, flags and expunges from the server to here.
Sync Pull
Expunge Near
SyncState *
"""


class MaildirTool:
    """A tool that syncs into a Maildir at self.near; self.saved is the tree a snapshot keeps
    (the Maildir, plus the tool's own state when it keeps it beside)."""

    dir = near = saved = None
    prefix = ()

    def fresh(self):
        shutil.rmtree(self.saved, ignore_errors=True)
        os.makedirs(self.near)

    def save(self, name):
        copy_tree(self.saved, os.path.join(self.dir, name))

    def restore(self, name):
        copy_tree(os.path.join(self.dir, name), self.saved)

    def count(self):
        n = 0
        for dirpath, _, filenames in os.walk(self.near):
            if os.path.basename(dirpath) in ("cur", "new"):
                n += len(filenames)
        return n

    def timed_sync(self, cmd, timeout=3600):
        try:
            r = timed(list(self.prefix) + cmd, timeout=timeout)
        except subprocess.TimeoutExpired:
            r = {"seconds": float(timeout), "rc": "timeout", "load": os.getloadavg()[0],
                 "stderr": "gave up after %d s" % timeout}
        r["summary"] = {"messages": self.count()}
        return r


class Mbsync(MaildirTool):
    """mbsync into a Maildir, over IMAPS verified with the test CA (SNI localhost)."""

    def __init__(self, env, work, fsync=True, prefix=()):
        self.prefix = list(prefix)
        self.dir = os.path.join(work, "mbsync-fsync" if fsync else "mbsync-nofsync")
        shutil.rmtree(self.dir, ignore_errors=True)
        os.makedirs(self.dir, mode=0o700)
        self.config = os.path.join(self.dir, "mbsyncrc")
        self.near = self.saved = os.path.join(self.dir, "near")
        password = env["AMIENS_TEST_PASSWORD"].replace("\\", "\\\\").replace('"', '\\"')
        with open(os.open(self.config, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w") as f:
            f.write(MBSYNC_CONFIG.format(port=env["AMIENS_TEST_IMAPS_PORT"], user=env["AMIENS_TEST_USER"],
                                         password=password, ca=env["AMIENS_TEST_CA_FILE"], near=self.near,
                                         fsync="yes" if fsync else "no"))

    def sync(self):
        return self.timed_sync(["mbsync", "-c", self.config, "-a", "-q"])


def du_mb(path):
    total = 0
    for dirpath, _, filenames in os.walk(path):
        for name in filenames:
            try:
                total += os.lstat(os.path.join(dirpath, name)).st_blocks * 512
            except OSError:
                pass
    return round(total / 1e6, 1)


OFFLINEIMAP_CONFIG = """# Written by bench/lib/tools.py for one benchmark run (offlineimap3, Debian).
[general]
accounts = bench
metadata = {state}/metadata
maxsyncaccounts = 1
# Its default, like mbsync's FSync yes: every message and state file flushed to disk.
fsync = true

[Account bench]
localrepository = near
remoterepository = far

[Repository near]
type = Maildir
localfolders = {state}/near

[Repository far]
type = IMAP
remotehost = localhost
remoteport = {port}
ssl = yes
sslcacertfile = {ca}
remoteuser = {user}
remotepass = {password}
# One way, like the others: nothing is ever written to the server.
readonly = True
createfolders = False
maxconnections = 1
"""


class OfflineImap(MaildirTool):
    """offlineimap3 into a Maildir, one connection, read-only on the server, TLS verified."""

    def __init__(self, env, work):
        self.dir = os.path.join(work, "offlineimap")
        shutil.rmtree(self.dir, ignore_errors=True)
        os.makedirs(self.dir, mode=0o700)
        self.state = self.saved = os.path.join(self.dir, "state")
        self.near = os.path.join(self.state, "near")
        self.config = os.path.join(self.dir, "offlineimaprc")
        password = env["AMIENS_TEST_PASSWORD"].replace("%", "%%")
        with open(os.open(self.config, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w") as f:
            f.write(OFFLINEIMAP_CONFIG.format(port=env["AMIENS_TEST_IMAPS_PORT"], user=env["AMIENS_TEST_USER"],
                                              password=password, ca=env["AMIENS_TEST_CA_FILE"], state=self.state))

    @staticmethod
    def available():
        return shutil.which("offlineimap") is not None

    def sync(self, timeout=300):
        return self.timed_sync(["offlineimap", "-c", self.config, "-o", "-u", "quiet"], timeout=timeout)


def ui_run(script, args, env=None, timeout=600):
    """bench/ui-run (the reading-window benchmark, when it exists): its Markdown on stdout."""
    try:
        r = subprocess.run([script] + args, capture_output=True, text=True, env=env, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, "bench/ui-run gave up after %d s" % timeout
    if r.returncode != 0:
        return r.stdout or None, "bench/ui-run exited with %d: %s" % (r.returncode, r.stderr[-500:])
    return r.stdout, None
