#!/usr/bin/env bash
# reset-mail.sh STATE_DIR [USER...] -- give test users (default: mdupont
# jmartin ce.0801234x) an empty mail home between tests: all mail, user-created folders,
# subscriptions, Sieve scripts, vacation memory and shared-folder rights are removed. The
# special-use folders (Drafts Sent Trash Junk Archives) come back empty and
# subscribed on next access (auto = subscribe), and INBOX is recreated.
# UIDVALIDITY keeps increasing across resets (dovecot-uidvalidity* is kept),
# so clients with a cache see the mailboxes as new ones.
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: $0 STATE_DIR [USER...]" >&2; exit 2; }
STATE=$(cd "$1" && pwd -P)
shift
[ $# -gt 0 ] || set -- mdupont jmartin ce.0801234x
MAIL_HOME=$STATE/mail

DOVEADM=()
if [ -s "$STATE/servers.env" ]; then
  DOVEADM=(doveadm -c "$STATE/dovecot/dovecot.conf")
fi
for u in "$@"; do
  case $u in '' | *[!a-z0-9._-]*) echo "reset-mail.sh: bad user name: $u" >&2; exit 2 ;; esac
  [ -d "$MAIL_HOME/$u" ] || { echo "reset-mail.sh: no mail home for $u" >&2; exit 1; }
done

# Open sessions would keep writing index files into the wiped tree:
# kick them and wait until their processes are gone.
if [ "${#DOVEADM[@]}" -gt 0 ]; then
  pids=()
  for u in "$@"; do
    # "doveadm who -1" prints: username proto pid ip (one user per call)
    while read -r _ _ pid _; do
      case $pid in '' | *[!0-9]*) ;; *) pids+=("$pid") ;; esac
    done < <("${DOVEADM[@]}" who -1 "$u" 2>/dev/null | tail -n +2)
  done
  if [ "${#pids[@]}" -gt 0 ]; then
    for u in "$@"; do "${DOVEADM[@]}" kick "$u" >/dev/null 2>&1 || true; done
    for ((i = 0; i < 200; i++)); do
      left=0
      for p in "${pids[@]}"; do
        st=$(cat "/proc/$p/stat" 2>/dev/null) || continue
        st=${st##*) }
        case $st in Z* | X*) ;; *) left=1 ;; esac
      done
      [ "$left" -eq 0 ] && break
      sleep 0.01
    done
  fi
fi

for u in "$@"; do
  h=$MAIL_HOME/$u
  find "$h" -mindepth 1 -maxdepth 1 ! -name Maildir -exec rm -rf {} +
  [ -d "$h/Maildir" ] &&
    find "$h/Maildir" -mindepth 1 -maxdepth 1 ! -name 'dovecot-uidvalidity*' -exec rm -rf {} +
done
# Folders the users shared are gone: drop them from Dovecot's shared-mailbox dictionary too, or
# the others would still see an empty shared/<user>/ root.
if [ "${#DOVEADM[@]}" -gt 0 ]; then
  for u in "$@"; do "${DOVEADM[@]}" acl recalc -u "$u" >/dev/null 2>&1 || true; done
fi
