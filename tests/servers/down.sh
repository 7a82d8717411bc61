#!/usr/bin/env bash
# down.sh STATE_DIR -- stop the test servers started by up.sh STATE_DIR
# (Postfix, Dovecot with all its children, gnome-keyring-daemon, dbus-daemon),
# then check that none of their processes is left and the ports are closed.
# Idempotent; exits 0 when nothing runs. Certificates are kept.
#
# Liveness is read from /proc/PID/stat, never from "kill -0": the daemons are
# reparented to PID 1, which in some sandboxes reaps them seconds late, and a
# zombie still passes "kill -0".
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 STATE_DIR" >&2; exit 2; }
[ -d "$1" ] || { echo "down.sh: $1 does not exist, nothing to stop"; exit 0; }
STATE=$(cd "$1" && pwd -P)
RUN=$STATE/run
PY=/usr/bin/python3; [ -x "$PY" ] || PY=python3   # skip pyenv-style shims (slow)
[ -L "$RUN" ] && RUN=$(readlink "$RUN")   # /tmp/amt-XXXXXX for deep STATE_DIRs

# stat_field PID N: field N of /proc/PID/stat (N >= 3; comm may hold spaces)
stat_field() {
  local s f
  case $1 in '' | *[!0-9]*) return 1 ;; esac   # "/proc//stat" is /proc/stat
  s=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
  read -ra f <<<"${s##*) }"
  [ "${#f[@]}" -gt "$(($2 - 3))" ] || return 1
  echo "${f[$2 - 3]}"
}
alive() { local st; st=$(stat_field "$1" 3) && [ "$st" != Z ] && [ "$st" != X ]; }

# PIDs from up.sh ("PID STARTTIME"; a different start time means PID reuse),
# then the daemons' own pid files in case up.sh died before recording them.
PIDS=()
for f in "$STATE"/pids/*; do
  [ -s "$f" ] || continue
  read -r pid start <"$f" || true
  [ "$(stat_field "$pid" 22 || true)" = "$start" ] && alive "$pid" && PIDS+=("$pid")
done
for f in "$RUN/dovecot/master.pid" "$STATE/postfix/spool/pid/master.pid" "$RUN/bus.pid"; do
  [ -s "$f" ] || continue
  pid=$(head -n1 "$f" | tr -d ' ')
  case $pid in '' | *[!0-9]*) continue ;; esac
  # only if it really belongs to this STATE_DIR (cmdline or cwd)
  if alive "$pid" && { tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$STATE/" ||
    [ "$(readlink "/proc/$pid/cwd")/" = "$STATE/postfix/spool/" ]; }; then
    PIDS+=("$pid")
  fi
done

# a pid can come from both pids/ and the daemon's own pid file
mapfile -t PIDS < <(printf '%s\n' "${PIDS[@]}" | awk 'NF && !seen[$0]++')

# wait_gone TIMEOUT_CENTISECONDS PID...: poll every 10 ms; 1 if some survive
wait_gone() {
  local n=$1 p left; shift
  for ((i = 0; i < n; i++)); do
    left=0
    for p in "$@"; do alive "$p" && { left=1; break; }; done
    [ "$left" -eq 0 ] && return 0
    sleep 0.01
  done
  return 1
}

# Every process of our daemons (by executable) that refers to STATE_DIR or
# RUN in its cmdline, cwd, root or environment; plus, reported separately,
# any other process (not us or our ancestors) with STATE_DIR in cmdline/cwd.
scan() {
  "$PY" - "$STATE" "$RUN" <<'PY'
import os, sys
roots = [r.rstrip("/") + "/" for r in sys.argv[1:]]
ours = ("/usr/sbin/dovecot", "/usr/lib/dovecot/", "/usr/lib/postfix/",
        "/usr/bin/dbus-daemon", "/usr/bin/gnome-keyring-daemon")
skip, p = set(), os.getpid()
while p > 1:                      # never report ourselves or our callers
    skip.add(p)
    try:
        p = int(open("/proc/%d/stat" % p).read().rsplit(")", 1)[1].split()[1])
    except OSError:
        break
def refers(s):
    return any(r in s for r in roots)
for d in os.listdir("/proc"):
    if not d.isdigit() or int(d) in skip:
        continue
    try:
        if open("/proc/%s/stat" % d).read().rsplit(")", 1)[1].split()[0] in "ZX":
            continue
        cmd = open("/proc/%s/cmdline" % d, "rb").read().replace(b"\0", b" ").decode(errors="replace")
        exe = os.readlink("/proc/%s/exe" % d) if os.path.exists("/proc/%s/exe" % d) else ""
        paths = [os.readlink("/proc/%s/%s" % (d, k)) + "/" for k in ("cwd", "root")]
    except OSError:
        continue
    hit = refers(cmd) or refers(" ".join(paths))
    own = exe.startswith(ours)
    if own and not hit:
        try:
            hit = refers(open("/proc/%s/environ" % d, "rb").read().decode(errors="replace"))
        except OSError:
            pass
    if hit:
        print(d, "own" if own else "other", cmd[:150])
PY
}

# Dovecot 2.3's master always ends its shutdown with a fixed 1 s sleep
# (SIGQUIT to the service processes still alive, which includes its log
# process, then i_sleep_msecs(1000)). Once no mail or login worker is left
# under it, only infrastructure services remain, and those linger for up to
# 30 s if the master dies first: kill the master and them together.
DOVECOT_INFRA=" log anvil stats auth config dict ipc indexer dns-client old-stats "
# dovecot_workers PID: its children that serve clients (imap, *-login, lmtp...)
dovecot_workers() {
  local c comm
  for c in $(pgrep -P "$1" || true); do
    comm=$(cat "/proc/$c/comm" 2>/dev/null) || continue
    case $DOVECOT_INFRA in *" $comm "*) ;; *) echo "$c" ;; esac
  done
}
dovecot_idle_kill() {
  local c kids=() comm
  for c in $(pgrep -P "$1" || true); do
    alive "$c" || continue
    comm=$(cat "/proc/$c/comm" 2>/dev/null) || continue
    case $DOVECOT_INFRA in *" $comm "*) kids+=("$c") ;; *) return 0 ;; esac
  done
  kill -KILL "$1" "${kids[@]}" 2>/dev/null || true
}
DPID=
for p in "${PIDS[@]}"; do
  [ "$(cat "/proc/$p/comm" 2>/dev/null)" = dovecot ] && DPID=$p
done

# SIGTERM all at once (Postfix's master also signals its process group;
# Dovecot's master stops its clients), then wait for them together.
if [ "${#PIDS[@]}" -gt 0 ]; then
  # Dovecot's clients (IDLE sessions...) are told directly too: the master
  # would otherwise leave them running through its 1 s sleep.
  WORKERS=()
  [ -n "$DPID" ] && mapfile -t WORKERS < <(dovecot_workers "$DPID")
  kill -TERM "${PIDS[@]}" "${WORKERS[@]}" 2>/dev/null || true
  for ((i = 0; i < 500; i++)); do
    [ -n "$DPID" ] && alive "$DPID" && dovecot_idle_kill "$DPID"
    wait_gone 1 "${PIDS[@]}" && break
  done
  if ! wait_gone 1 "${PIDS[@]}"; then
    echo "down.sh: daemons still alive after 5 s, sending KILL" >&2
    kill -KILL "${PIDS[@]}" 2>/dev/null || true
    wait_gone 100 "${PIDS[@]}" || true
  fi
fi

# Stragglers (children of a master that died, or of an up.sh that failed
# half-way): TERM, then KILL. Then report anything left.
SCAN=$(scan)
mapfile -t LEFT < <(awk '$2 == "own" {print $1}' <<<"$SCAN")
if [ "${#LEFT[@]}" -gt 0 ]; then
  kill -TERM "${LEFT[@]}" 2>/dev/null || true
  wait_gone 200 "${LEFT[@]}" || { kill -KILL "${LEFT[@]}" 2>/dev/null || true; wait_gone 100 "${LEFT[@]}" || true; }
  SCAN=$(scan)
fi

rc=0
while read -r pid kind cmd; do
  [ -n "$pid" ] || continue
  if [ "$kind" = own ]; then
    echo "down.sh: ERROR: process $pid still running: $cmd" >&2; rc=1
  else
    echo "down.sh: warning: process $pid uses $STATE: $cmd" >&2
  fi
done <<<"$SCAN"

# Ports of the last up (from servers.env) must be closed.
if [ -s "$STATE/servers.env" ]; then
  while read -r p; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
      echo "down.sh: ERROR: port $p still open" >&2; rc=1
    fi
  done < <(sed -n "s/^export AMIENS_TEST_[A-Z_]*_PORT='\([0-9]*\)'$/\1/p" "$STATE/servers.env")
fi
[ "$rc" -eq 0 ] || exit "$rc"

# Runtime files only; certificates, config and logs stay for inspection.
rm -f "$STATE/servers.env" "$STATE"/pids/*
if [ -L "$STATE/run" ]; then
  case $RUN in /tmp/amt-*) rm -rf "$RUN" ;; esac
  rm -f "$STATE/run"
else
  rm -rf "$STATE/run"
fi
if [ "${#PIDS[@]}" -gt 0 ] || [ "${#LEFT[@]}" -gt 0 ]; then
  echo "down.sh: stopped (${PIDS[*]} ${LEFT[*]})"
else
  echo "down.sh: nothing was running"
fi
