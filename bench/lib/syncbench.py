#!/usr/bin/env python3
"""syncbench.py -- the sync benchmark behind bench/run (issue 3, growing into issue 10).

Needs the loopback servers already up (tests/servers/up.sh STATE) and a built amiens-mail-cli;
bench/run does both and calls this. For each size N:

  1. load the generated mailbox (mailbox.py), warm the server once with the raw client;
  2. state S0, run after run, the tools taking turns: the limit (raw client); AmiensMail first
     header sync (fresh profile), first full sync (fresh profile) and a no-change resync on it;
     mbsync full sync (empty Maildir) and a no-change resync; the last run's AmiensMail profile and
     mbsync Maildir+state are kept as the "before changes" copies;
  3. apply the changes once with doveadm (state S1); each tool resyncs from its pre-change copy,
     restored before every run;
  4. check with doveadm that no sync changed the server (HIGHESTMODSEQ, UIDNEXT, ... per folder);
  5. write results/sync-N.md and sync-N.json.
"""
import argparse
import datetime
import glob
import json
import os
import platform
import shlex
import shutil
import signal
import subprocess
import sys
import time

sys.dont_write_bytecode = True          # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import mailbox as mbx  # noqa: E402
import rawimap  # noqa: E402
import report  # noqa: E402
import shapedlink  # noqa: E402
import tools  # noqa: E402

log = mbx.log
# A resync comes a while after the previous sync. mbsync, run within the same second as its last
# write to the Maildir, sometimes spends an extra second idle (0.04 s CPU, 1.1 s wall): a pause
# before every resync keeps that artefact out of the figures (for both tools alike).
RESYNC_PAUSE = 1.1
UI_MESSAGES = 100000
# Searches in the realistic mailbox: a frequent word, a colleague, a phrase, a rare word, nothing.
REALISTIC_SEARCHES = ["réunion", "Hénault", "conseil de classe", "PPMS", "zorglub"]


def read_env(path):
    env = {}
    with open(path) as f:
        for line in f:
            line = line.strip()
            if line.startswith("export "):
                key, _, value = line[len("export "):].partition("=")
                env[key] = shlex.split(value)[0] if value else ""
    return env


def sh(cmd):
    try:
        return subprocess.run(cmd, shell=True, capture_output=True, text=True).stdout.strip()
    except OSError:
        return ""


def meta(cli, build_dir):
    root = mbx.ROOT
    commit = sh("git -C %s rev-parse --short HEAD" % shlex.quote(root))
    if sh("git -C %s status --porcelain --untracked-files=no" % shlex.quote(root)):
        commit += "+uncommitted changes"
    cpu = sh("grep -m1 'model name' /proc/cpuinfo | cut -d: -f2").strip()
    build_type = sh("grep -m1 '^CMAKE_BUILD_TYPE' %s/CMakeCache.txt | cut -d= -f2" % shlex.quote(build_dir))
    try:
        built = datetime.datetime.fromtimestamp(os.path.getmtime(cli)).astimezone().strftime("%Y-%m-%d %H:%M")
    except OSError:
        built = "?"
    return {
        "date": datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
        "machine": "%s, %d cores, %s %s" % (cpu or platform.machine(), os.cpu_count(), platform.system(),
                                            platform.release()),
        "commit": commit or "?",
        "build_type": build_type or "?",
        "built": built,
        "mbsync": sh("mbsync --version") or "mbsync ?",
        "dovecot": sh("dovecot --version").split(" ")[0],
        "python": "Python %s" % platform.python_version(),
        "cli": cli,
    }


class Recorder:
    """Collects the runs of each (scenario, tool) and checks what each run reports."""

    def __init__(self, result):
        self.result = result

    def add(self, scenario, tool, run, problem=None):
        entry = self.result["scenarios"].setdefault(scenario, {}).setdefault(tool, {"runs": []})
        brief = {k: v for k, v in run.items() if k not in ("stdout", "stderr", "lines")}
        if run.get("rc", 0) != 0:
            problem = "exit code %s" % run["rc"]
            brief["stderr_tail"] = run.get("stderr", "")[-2000:]
        if problem:
            entry["problem"] = problem
            self.result["warnings"].append("%s / %s: %s" % (scenario, tool, problem))
            log("WARNING %s / %s: %s" % (scenario, tool, problem))
            if run.get("stderr"):
                log("  stderr: " + run["stderr"][-800:].replace("\n", "\n  "))
        entry["runs"].append(brief)
        entry["time"] = report.stats([r["seconds"] for r in entry["runs"]])
        entry["rss_mb"] = report.stats([r.get("rss_mb") for r in entry["runs"]])
        entry["cpu"] = report.stats([r.get("cpu") for r in entry["runs"]])
        load = run.get("load", os.getloadavg()[0])
        self.result["max_load"] = max(self.result.get("max_load", 0), load)
        log("%-16s %-15s run %d: %.3fs%s%s (load %.1f)" % (
            scenario, tool, len(entry["runs"]), run["seconds"],
            " cpu %.2fs" % run["cpu"] if run.get("cpu") is not None else "",
            " %.0f MB" % run["rss_mb"] if run.get("rss_mb") else "", load))


def expect(summary, **want):
    """A problem description when the sync's summary differs from what the server state implies."""
    if summary is None:
        return "no summary line on stdout"
    wrong = ["%s=%s (expected %s)" % (k, summary.get(k), v) for k, v in want.items() if summary.get(k) != v]
    return ", ".join(wrong) or None


def raw_measure(imap, link):
    """The limit, in this process on loopback, or in the link's namespace (a child process)."""
    if link is None:
        return rawimap.measure(**imap)
    _, raw = shapedlink.check(link, rawimap.__file__, imap)
    return raw


def bench_size(args, env, count, kind="small", link=None):
    result = {"messages": count, "seed": args.seed, "runs": args.runs, "scenarios": {}, "warnings": [],
              "meta": meta(args.cli, args.build_dir), "mailbox": kind,
              "network": link.describe() if link else {"name": "loopback", "label": "loopback"},
              "client_disk": args.client_disk}
    rec = Recorder(result)
    server = mbx.ServerMailbox(env, args.work)
    result["load_seconds"] = round(server.load(count, args.seed, kind), 2)
    fp0 = server.fingerprint()
    gen = server.generate(count, args.seed, kind)
    result["mailbox_mb"] = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(gen)
                               for f in fs if f.endswith(".eml")) / 1e6
    try:
        with open(os.path.join(gen, "stats.json")) as f:
            result["mailbox_stats"] = json.load(f)
    except (OSError, ValueError):
        pass
    imap = dict(host="localhost", port=int(env["AMIENS_TEST_IMAPS_PORT"]), cafile=env["AMIENS_TEST_CA_FILE"],
                user=env["AMIENS_TEST_USER"], password=env["AMIENS_TEST_PASSWORD"])

    # ---- warm-up: every tool then meets a server whose files and indexes are in memory.
    warm = rawimap.measure(**imap)
    result["folders"] = len(warm["folders"])
    if warm["messages"] != count:
        result["warnings"].append("raw client saw %d messages, %d expected" % (warm["messages"], count))
    prefix = link.prefix() if link else []
    if link:
        # What the clients see of the link: NOOP round trip, and the raw fetch's rate.
        check, raw = shapedlink.check(link, rawimap.__file__, imap)
        result["link_check"] = check
        log("link %s: NOOP round trip %s ms, bulk %s Mbit/s" % (link.label, check["noop_rtt_ms"], check["bulk_mbit"]))

    amiens = tools.AmiensMail(args.cli, env, args.client_dir, prefix)
    variants = []
    # mbsync flushes every message file: ten minutes for 100,000 realistic messages, and issue
    # 19 compares with FSync no. Above --mbsync-fsync-max, only that variant runs.
    if not args.mbsync_fsync_max or count <= args.mbsync_fsync_max or not args.mbsync_nofsync:
        variants.append(("mbsync", tools.Mbsync(env, args.client_dir, fsync=True, prefix=prefix)))
    if args.mbsync_nofsync:
        variants.append(("mbsync_nofsync", tools.Mbsync(env, args.client_dir, fsync=False, prefix=prefix)))
    # Where it skips its first sync, mbsync's default still runs its resyncs, from a copy of the
    # FSync no variant's Maildir and state (the same files; only their flushing differs): its resync
    # after changes flushes every new message and state file (0.35 s against 0.26 s with FSync no
    # at 10,000 realistic messages), so FSync no is no stand-in for it there.
    resync_only = None
    if args.mbsync_nofsync and not any(name == "mbsync" for name, _ in variants):
        resync_only = tools.Mbsync(env, args.client_dir, fsync=True, prefix=prefix)
        result["mbsync_resyncs_only"] = True
    # OfflineIMAP is 10-20 times slower than the others: one run per scenario, small sizes only.
    offlineimap = None
    if count <= args.offlineimap_max and link is None:
        if tools.OfflineImap.available():
            offlineimap = tools.OfflineImap(env, args.client_dir)
        else:
            result["warnings"].append("offlineimap is not installed (Debian package offlineimap3): not measured")
    runs = args.runs if count <= args.large_from else args.large_runs
    if link:
        runs = args.net_runs
    result["runs"] = runs

    # ---- state S0. The tools take turns, run after run, so that a slow patch of the machine
    # (other processes, disk) hits all of them alike rather than one tool's whole series.
    for run in range(runs):
        tools.flush_disk()
        r = raw_measure(imap, link)
        base = r["login"] + r["list"] + r["examine"]
        problem = None if r["messages"] == count else "%d messages fetched" % r["messages"]
        rec.add("header_first", "limit", {"seconds": base + r["headers"], "raw": r}, problem)
        rec.add("full_first", "limit", {"seconds": base + r["bodies"], "bytes": r["body_bytes"]})
        rec.add("full_readable", "limit", {"seconds": base + r["bodies"]})
        rec.add("resync_nochange", "limit", {"seconds": base})

        r = amiens.sync(amiens.fresh("first-headers"), "none")
        rec.add("header_first", "amiens", r, expect(r["summary"], new=count, bodies=0))
        full = amiens.fresh("full")
        r = amiens.sync(full, "all")
        rec.add("full_first", "amiens", r, expect(r["summary"], new=count, bodies=count))
        # Every message readable offline (the summary line); the search index may follow.
        rec.add("full_readable", "amiens", dict(r, seconds=r.get("readable_seconds", r["seconds"])))
        time.sleep(RESYNC_PAUSE)
        r = amiens.sync(full, "all")
        rec.add("resync_nochange", "amiens", r, expect(r["summary"], new=0, flags=0, removed=0, bodies=0))

        for name, mbsync in variants:
            mbsync.fresh()
            r = mbsync.sync()
            got = r["summary"]["messages"]
            rec.add("full_first", name, r, None if got == count else "%d messages in the Maildir" % got)
            rec.add("full_readable", name, r)
            time.sleep(RESYNC_PAUSE)
            r = mbsync.sync()
            rec.add("resync_nochange", name, r)
            if resync_only and name == "mbsync_nofsync":
                tools.copy_tree(mbsync.saved, resync_only.saved)
                time.sleep(RESYNC_PAUSE)
                rec.add("resync_nochange", "mbsync", resync_only.sync())
        if offlineimap and run == 0:
            offlineimap.fresh()
            r = offlineimap.sync()
            got = r["summary"]["messages"]
            rec.add("full_first", "offlineimap", r, None if got == count else "%d messages in the Maildir" % got)
            time.sleep(RESYNC_PAUSE)
            if r["rc"] == "timeout":
                offlineimap = None      # a partial Maildir would make the resyncs meaningless
            else:
                rec.add("resync_nochange", "offlineimap", offlineimap.sync())
                offlineimap.save("before-changes")
    result["disk_mb"] = {"amiens_profile": tools.du_mb(full), "mbsync_maildir": tools.du_mb(variants[0][1].near)}
    tools.copy_tree(full, amiens.profile("before-changes"))
    if resync_only:
        variants.append(("mbsync", resync_only))
    for name, mbsync in variants:
        mbsync.save("before-changes")

    if server.fingerprint() != fp0:
        result["warnings"].append("the server state changed during the S0 scenarios (a sync wrote to it)")

    # ---- changes, applied once; every tool resyncs from its own pre-change copy, restored each run
    changes = server.apply_changes(count, args.seed, kind)
    result["changes"] = changes
    log("changes: %s" % report.changes_text(changes))
    fp1 = server.fingerprint()
    expected_total = count + changes["new"] - changes["expunged"]
    for run in range(runs):
        work = amiens.profile("after-changes")
        tools.copy_tree(amiens.profile("before-changes"), work)
        time.sleep(RESYNC_PAUSE)
        r = amiens.sync(work, "all")
        rec.add("resync_changes", "amiens", r,
                expect(r["summary"], new=changes["new"], flags=changes["flag_changes"],
                       removed=changes["expunged"], bodies=changes["new"]))
        for name, mbsync in variants:
            mbsync.restore("before-changes")
            time.sleep(RESYNC_PAUSE)
            r = mbsync.sync()
            got = r["summary"]["messages"]
            rec.add("resync_changes", name, r, None if got == expected_total else "%d messages in the Maildir" % got)
        if offlineimap and run == 0:
            offlineimap.restore("before-changes")
            time.sleep(RESYNC_PAUSE)
            r = offlineimap.sync()
            got = r["summary"]["messages"]
            rec.add("resync_changes", "offlineimap", r,
                    None if got == expected_total else "%d messages in the Maildir" % got)
    if server.fingerprint() != fp1:
        result["warnings"].append("the server state changed during the after-changes scenarios")
    result["fingerprint_before"] = fp0
    result["fingerprint_after_changes"] = fp1
    return result


def run_ui(script, ui_args, build_dir):
    """bench/ui-run with ui_args: its Markdown, with the problem (if any) under it."""
    # bench/run has just built the tool with the CLI (or was told not to build at all); ui-run
    # builds it itself only when it is missing.
    if os.access(os.path.join(build_dir, "bench", "ui", "amiens-bench-ui"), os.X_OK):
        ui_args = ui_args + ["--no-build"]
    markdown, problem = tools.ui_run(script, ui_args, env=dict(os.environ, AMIENS_BUILD_DIR=build_dir))
    if problem:
        log("WARNING " + problem)
        markdown = (markdown or "") + "\n⚠ " + problem + "\n"
    return markdown or ""


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--state", required=True, help="tests/servers state dir (servers up)")
    ap.add_argument("--cli", required=True, help="amiens-mail-cli")
    ap.add_argument("--build-dir", default="")
    ap.add_argument("--sizes", default="10000")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--out", required=True)
    ap.add_argument("--work", required=True, help="cache and scratch directory")
    ap.add_argument("--client-dir", default=None, help="where the clients write (default --work)")
    ap.add_argument("--client-disk", default="plain", help="what --client-dir is, for the report")
    ap.add_argument("--mbsync-nofsync", action="store_true", help="also run mbsync with FSync no")
    ap.add_argument("--mbsync-fsync-max", type=int, default=0,
                    help="with --mbsync-nofsync: largest size mbsync with FSync yes runs on (0: all)")
    ap.add_argument("--chart", action="store_true", help="also write sync-N.png (needs python3-matplotlib)")
    ap.add_argument("--large-from", type=int, default=20000, help="sizes above this are 'large'")
    ap.add_argument("--large-runs", type=int, default=1, help="runs per figure for large sizes")
    ap.add_argument("--offlineimap-max", type=int, default=10000,
                    help="largest size OfflineIMAP is run on (0: never)")
    ap.add_argument("--mailboxes", default="small,realistic", help="small, realistic or both (comma)")
    ap.add_argument("--realistic-sizes", default=None, help="sizes for the realistic mailbox (default --sizes)")
    ap.add_argument("--networks", default="loopback", help="loopback, lan, rural (comma)")
    ap.add_argument("--net-sizes", default="1000", help="sizes measured over the shaped links")
    ap.add_argument("--net-runs", type=int, default=1, help="runs per figure over the shaped links")
    ap.add_argument("--no-ui", action="store_true", help="do not run bench/ui-run")
    args = ap.parse_args()
    args.client_dir = args.client_dir or args.work
    # SIGTERM unwinds like Ctrl-C: a shaped link's namespace, veth and relay are removed on the way.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    env = read_env(os.path.join(args.state, "servers.env"))
    results = []
    port = int(env["AMIENS_TEST_IMAPS_PORT"])
    plan = []
    for kind in [k for k in args.mailboxes.split(",") if k]:
        sizes = args.sizes if kind == "small" or not args.realistic_sizes else args.realistic_sizes
        for network in [n for n in args.networks.split(",") if n]:
            for size in [int(s) for s in (sizes if network == "loopback" else args.net_sizes).split(",") if s]:
                plan.append((kind, network, size))
    realistic_ui = [0, None]     # [messages, profile directory]
    for kind, network, size in plan:
        t = time.perf_counter()
        log("=== %s mailbox, %d messages, %s ===" % (kind, size, network))
        if network == "loopback":
            result = bench_size(args, env, size, kind)
            if kind == "realistic" and size >= realistic_ui[0]:
                # The reading window is measured on what the largest realistic full sync left.
                keep = os.path.join(args.client_dir, "ui-realistic-profile")
                shutil.rmtree(keep, ignore_errors=True)
                os.rename(os.path.join(args.client_dir, "amiens", "full"), keep)
                realistic_ui[:] = [size, keep]
        else:
            with shapedlink.ShapedLink(network, port) as link:
                result = bench_size(args, env, size, kind, link)
            result["network"]["relay_cpu"] = link.relay_cpu
        result["bench_seconds"] = round(time.perf_counter() - t, 1)
        if result.get("max_load", 0) > (os.cpu_count() or 1):
            result["warnings"].append(
                "the machine was busy: 1-minute load average up to %.1f on %d cores during the runs; wall "
                "times are inflated by other processes (compare the CPU column, which is the client's own)"
                % (result["max_load"], os.cpu_count()))
        path = report.write(result, args.out, chart=args.chart)
        print(open(path).read())
        log("%d messages done in %.0fs: %s" % (size, result["bench_seconds"], path))
        results.append(result)

    # The reading window on the largest cache, when the lead's UI benchmark is there.
    ui_markdown = None
    ui_script = os.path.join(mbx.ROOT, "bench", "ui-run")
    if os.access(ui_script, os.X_OK) and not args.no_ui:
        log("bench/ui-run ...")
        # Issue 10 asks for the reading window on 100,000 cached messages, whatever sizes ran.
        ui_args = ["--messages", str(UI_MESSAGES), "--runs", "3", "--work", args.work,
                   "--out", os.path.join(args.out, "ui-%d.md" % UI_MESSAGES)]
        ui_markdown = run_ui(ui_script, ui_args, args.build_dir)
    if os.access(ui_script, os.X_OK) and not args.no_ui and realistic_ui[1]:
        caches = glob.glob(os.path.join(realistic_ui[1], "cache", "*", "mail.sqlite"))
        if caches:
            log("bench/ui-run on the realistic profile ...")
            ui_args = ["--cache", caches[0], "--runs", "3", "--work", args.work,
                       "--title", "realistic messages (the cache the realistic full sync filled)",
                       "--out", os.path.join(args.out, "ui-realistic-%d.md" % realistic_ui[0])]
            for words in REALISTIC_SEARCHES:
                ui_args += ["--search", words]
            ui_markdown = (ui_markdown or "") + "\n\n" + run_ui(ui_script, ui_args, args.build_dir)
    # Sizes measured by an earlier bench/run into the same directory stay in the summary (each
    # row says when it was measured), so a long size can be run once and a short one again.
    measured = {report.label(r) for r in results}
    for name in sorted(os.listdir(args.out)):
        if name.startswith("sync-") and name.endswith(".json") and name[5:-5] not in measured:
            try:
                with open(os.path.join(args.out, name)) as f:
                    old = json.load(f)
                if report.label(old) == name[5:-5]:
                    results.append(old)
            except (OSError, ValueError, KeyError):
                pass
    results.sort(key=report.order)
    path = report.write_summary(results, args.out, chart=args.chart, ui_markdown=ui_markdown)
    print(open(path).read())


if __name__ == "__main__":
    main()
