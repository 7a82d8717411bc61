#!/usr/bin/env bash
# up.sh STATE_DIR -- start the AmiensMail loopback test servers.
#
# Everything listens on 127.0.0.1, on 8 consecutive free ports chosen now:
#   BASE    Dovecot IMAPS (implicit TLS, SNI: "localhost" cert, default cert
#           is for no-sni.invalid)
#   BASE+1  Dovecot IMAP + STARTTLS
#   BASE+2  Dovecot ManageSieve (STARTTLS)
#   BASE+3  Dovecot LMTP (Sieve runs here)
#   BASE+4  Postfix implicit TLS submission (465-style), AUTH required
#   BASE+5  Postfix submission (587-style), STARTTLS + AUTH required
#   BASE+6  Postfix plain SMTP, no AUTH: Dovecot's own outgoing mail
#   BASE+7  spare
# plus a private session D-Bus with gnome-keyring (Secret Service).
# All state lives under STATE_DIR; STATE_DIR/servers.env describes the stack.
# Certificates are made once per STATE_DIR; mail and keyring are fresh each up.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
PASS1='Secret-Pass-2026!'
PASS2='Autre-Pass-2026!'
# The school's functional mailbox: its own login (the school's UAI) and a shared password.
FUNCTIONAL=ce.0801234x
PASS3='Fonction-Pass-2026!'
DOMAIN=ac-amiens.fr
KEYRING_PW=amiens-test-keyring
MAILUSER=${AMIENS_TEST_MAIL_USER:-amienstest}   # unprivileged owner of the mail
# The personal boxes' quota; the benchmark raises it above its mailboxes (6 GB at 100,000).
PERSONAL_QUOTA=${AMIENS_TEST_PERSONAL_QUOTA:-500M}
case $PERSONAL_QUOTA in *[!0-9A-Za-z]*|"") echo "up.sh: bad AMIENS_TEST_PERSONAL_QUOTA" >&2; exit 2 ;; esac
PY=/usr/bin/python3; [ -x "$PY" ] || PY=python3   # skip pyenv-style shims (slow)

die() { echo "up.sh: $*" >&2; exit 1; }
[ $# -eq 1 ] || { echo "usage: $0 STATE_DIR" >&2; exit 2; }
# Postfix's master and Dovecot's uid switching need root (CI runs as root).
[ "$(id -u)" -eq 0 ] || die "must run as root"

mkdir -p "$1"
STATE=$(cd "$1" && pwd -P)
# Dovecot and Postfix config files cannot quote paths: keep them plain.
case $STATE in *[!A-Za-z0-9._/+-]*) die "STATE_DIR path must match [A-Za-z0-9._/+-]: $STATE" ;; esac

T0=$(date +%s%N)
# A previous instance on this dir (even a half-started one) goes first.
"$HERE/down.sh" "$STATE" >/dev/null

# ------------------------------------------------------------ failure handling
on_exit() {
  local rc=$?
  [ "$rc" -eq 0 ] && return
  echo "up.sh: FAILED (rc=$rc); log tails:" >&2
  local f
  for f in "$STATE"/log/*.log; do
    [ -s "$f" ] || continue
    echo "---- $f" >&2; tail -n 15 "$f" >&2
  done
  # stop whatever was started (and drop RUN) so a failed up leaves nothing
  "$HERE/down.sh" "$STATE" >&2 || true
  exit "$rc"
}
trap on_exit EXIT

# ---------------------------------------------------------------- identities
if ! getent passwd "$MAILUSER" >/dev/null; then
  useradd --system --user-group --no-create-home --home-dir /nonexistent \
    --shell /usr/sbin/nologin "$MAILUSER"
fi
for u in dovecot dovenull postfix; do
  getent passwd "$u" >/dev/null || die "missing system user $u (install dovecot-core/postfix)"
done
MAIL_UID=$(id -u "$MAILUSER"); MAIL_GID=$(id -g "$MAILUSER")

# The mail user and postfix must traverse every parent of STATE_DIR.
d=$STATE
while [ "$d" != / ]; do
  [ "$(( 0$(stat -c %a "$d") & 01 ))" -ne 0 ] ||
    die "$d is not world-traversable (o+x); the mail user cannot reach STATE_DIR"
  d=$(dirname "$d")
done

# ------------------------------------------------------------------ ports
BASE=$("$PY" - <<'PY'
import random, socket, sys
# stay out of the kernel's ephemeral range: outgoing sockets could take a port
lo, hi = map(int, open("/proc/sys/net/ipv4/ip_local_port_range").read().split())
N = 8
cands = [b for b in range(20000, 60000 - N, 10) if b + N - 1 < lo or b > hi]
for b in random.sample(cands, min(300, len(cands))):
    socks = []
    try:
        for p in range(b, b + N):
            s = socket.socket()
            socks.append(s)
            s.bind(("127.0.0.1", p))
    except OSError:
        continue
    finally:
        for s in socks:
            s.close()
    print(b)
    sys.exit(0)
sys.exit("no 8 consecutive free ports found")
PY
)
P_IMAPS=$BASE P_IMAP=$((BASE + 1)) P_SIEVE=$((BASE + 2)) P_LMTP=$((BASE + 3))
P_SMTPS=$((BASE + 4)) P_SUBM=$((BASE + 5)) P_LOCAL=$((BASE + 6))

# --------------------------------------------------------------- directories
# Unix socket paths must stay < 108 bytes: with a deep STATE_DIR, put the
# runtime dir under /tmp and leave a symlink (down.sh removes both).
rm -rf "$STATE/run"
if [ "${#STATE}" -le 60 ]; then
  mkdir "$STATE/run"; RUN=$STATE/run
else
  RUN=$(mktemp -d /tmp/amt-XXXXXX)
  ln -s "$RUN" "$STATE/run"
fi
chmod 755 "$STATE" "$RUN"
mkdir -p "$STATE/pids" "$STATE/log" "$STATE/ssl" "$STATE/dovecot/state" "$STATE/mail" \
  "$STATE/postfix/etc" "$STATE/postfix/spool" "$STATE/postfix/data" "$STATE/keyring"
rm -f "$STATE"/pids/* "$STATE/servers.env" "$STATE"/log/*.log
chmod 755 "$STATE/log" "$STATE/ssl" "$STATE/dovecot" "$STATE/mail" "$STATE/postfix"
chown postfix:postfix "$STATE/postfix/data"   # master.lock, TLS caches
# Postfix uses absolute socket paths under its queue directory (e.g.
# public/postlog): reach the queue through RUN, which is always short.
ln -s "$STATE/postfix/spool" "$RUN/pfq"

# --------------------------------------------------------------- TLS material
SSL=$STATE/ssl
if [ ! -e "$SSL/.complete" ]; then
  "$HERE/make-certs.sh" "$SSL" >"$STATE/log/certs.log" 2>&1 ||
    die "certificate generation failed: $(tail -5 "$STATE/log/certs.log")"
fi
[ -s "$SSL/dh.pem" ] || cp /usr/share/dovecot/dh.pem "$SSL/dh.pem"

# ------------------------------------------------------------------- Dovecot
DC=$STATE/dovecot
CONF=$DC/dovecot.conf
# SCRAM-SHA-1 and SCRAM-SHA-256 need the password itself (or a SCRAM hash of one
# kind only): these throw-away test passwords are stored in clear.
# passwd-file: user:pass:uid:gid:gecos:home:shell:extra. Quotas: personal boxes 500 MB (the
# academy's usual size); the functional mailbox only 2 MB, so tests can fill it past 80 %.
printf '%s\n' \
  "mdupont:{PLAIN}$PASS1:$MAIL_UID:$MAIL_GID:Marie Dupont:$STATE/mail/mdupont::userdb_quota_rule=*:storage=$PERSONAL_QUOTA" \
  "jmartin:{PLAIN}$PASS2:$MAIL_UID:$MAIL_GID:Jean Martin:$STATE/mail/jmartin::userdb_quota_rule=*:storage=$PERSONAL_QUOTA" \
  "$FUNCTIONAL:{PLAIN}$PASS3:$MAIL_UID:$MAIL_GID:College Jules Verne:$STATE/mail/$FUNCTIONAL::userdb_quota_rule=*:storage=2M" \
  >"$DC/users"
chown root:dovecot "$DC/users"; chmod 640 "$DC/users"
# Fresh mailboxes each up (tests assume empty special-use folders). Deleting
# even ~100 files can take 150+ ms (e.g. ext4 mounted with "discard"), so the
# old homes are renamed and deleted in the background.
old_mail=$(mktemp -d "$STATE/mail/.old.XXXXXX")
for u in mdupont jmartin "$FUNCTIONAL"; do
  if [ -e "$STATE/mail/$u" ]; then mv "$STATE/mail/$u" "$old_mail/"; fi
done
(cd / && exec rm -rf "$STATE"/mail/.old.*) </dev/null >/dev/null 2>&1 &
install -d -m 700 -o "$MAIL_UID" -g "$MAIL_GID" "$STATE/mail/mdupont" "$STATE/mail/jmartin" \
  "$STATE/mail/$FUNCTIONAL"
# Who shares what with whom (Dovecot's acl_shared_dict), written by the mail processes.
rm -rf "$STATE/mail/shared-dict"
install -d -m 700 -o "$MAIL_UID" -g "$MAIL_GID" "$STATE/mail/shared-dict"

cat >"$CONF" <<EOF
# Generated by tests/servers/up.sh -- AmiensMail test instance, BASE=$BASE.
instance_name = amienstest-$BASE
base_dir = $RUN/dovecot
state_dir = $DC/state
listen = 127.0.0.1
protocols = imap sieve lmtp
hostname = localhost
postmaster_address = postmaster@$DOMAIN
log_path = $STATE/log/dovecot.log
info_log_path = $STATE/log/dovecot-info.log
auth_verbose = yes

default_internal_user = dovecot
default_internal_group = dovecot
default_login_user = dovenull
first_valid_uid = $MAIL_UID
last_valid_uid = $MAIL_UID
first_valid_gid = $MAIL_GID
last_valid_gid = $MAIL_GID

# Maildir with real directories (LAYOUT=fs), so "." is allowed in names.
mail_location = maildir:~/Maildir:LAYOUT=fs
mail_privileged_group =
mail_fsync = never
mail_max_userip_connections = 50
namespace inbox {
  inbox = yes
  separator = /
  prefix =
  mailbox Drafts {
    special_use = \\Drafts
    auto = subscribe
  }
  mailbox Sent {
    special_use = \\Sent
    auto = subscribe
  }
  mailbox Trash {
    special_use = \\Trash
    auto = subscribe
  }
  mailbox Junk {
    special_use = \\Junk
    auto = subscribe
  }
  mailbox Archives {
    special_use = \\Archive
    auto = subscribe
  }
}
# Folders other users share through ACLs (RFC 4314), under shared/<owner>/, as most servers
# name them. \Seen is private to each reader (INDEXPVT, outside the Maildir so it is no folder).
namespace shared {
  type = shared
  separator = /
  prefix = shared/%%u/
  location = maildir:%%h/Maildir:LAYOUT=fs:INDEXPVT=~/shared-pvt/%%u
  subscriptions = no
  list = children
}
mail_plugins = \$mail_plugins acl quota
protocol imap {
  mail_plugins = \$mail_plugins imap_acl imap_quota
}

# Clients pick the mechanism: AmiensMail's ManageSieve prefers SCRAM-SHA-256; VMime (IMAP, and
# SMTP through Postfix's Dovecot SASL) takes what GSASL suggests.
auth_mechanisms = plain login scram-sha-1 scram-sha-256
disable_plaintext_auth = yes
# Tests try wrong passwords on purpose: answer failures at once. Even with
# auth_failure_delay = 0, Dovecot 2.3 answers failures from a queue that
# is flushed every 500 ms, unless the "nodelay" extra field is set. Fields
# of a failed passdb are rolled back, so they come from a first passdb that
# only adds fields (noauthenticate) and then hands over to the real one.
auth_failure_delay = 0
passdb {
  driver = static
  args = noauthenticate nodelay=yes
}
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u $DC/users
}
userdb {
  driver = passwd-file
  args = username_format=%u $DC/users
}

# TLS. Note: Dovecot treats a connection whose remote IP equals its local IP
# (127.0.0.1 -> 127.0.0.1) as secured, so LOGIN before STARTTLS is allowed
# on BASE+1 here, and no LOGINDISABLED is advertised (even with ssl=required).
ssl = yes
ssl_min_protocol = TLSv1.2
ssl_dh = <$SSL/dh.pem
# Default certificate (no SNI): a name that can never match "localhost".
ssl_cert = <$SSL/nosni-fullchain.pem
ssl_key = <$SSL/nosni-key.pem
# Clients that send SNI "localhost" get the real certificate.
local_name localhost {
  ssl_cert = <$SSL/fullchain.pem
  ssl_key = <$SSL/key.pem
}

service imap-login {
  inet_listener imap {
    port = $P_IMAP
  }
  inet_listener imaps {
    port = $P_IMAPS
    ssl = yes
  }
}
service managesieve-login {
  inet_listener sieve {
    port = $P_SIEVE
  }
}
service lmtp {
  unix_listener lmtp {
    mode = 0600
  }
  inet_listener lmtp {
    address = 127.0.0.1
    port = $P_LMTP
  }
}
# No auth penalty: anvil would otherwise delay every login from 127.0.0.1 by
# 2..15 s after a failed one (tests try wrong passwords on purpose). Without
# access to this socket the auth process disables the penalty.
service anvil {
  unix_listener anvil-auth-penalty {
    mode = 0
  }
}
# mail processes run as the mail user and must reach the stats writer
service stats {
  unix_listener stats-writer {
    mode = 0666
  }
}
service auth {
  unix_listener auth-userdb {
    mode = 0660
    user = $MAILUSER
  }
  # SASL for Postfix smtpd
  unix_listener auth-postfix {
    mode = 0660
    user = postfix
    group = postfix
  }
}

protocol lmtp {
  mail_plugins = \$mail_plugins sieve
  # RCPT TO:<mdupont@$DOMAIN> -> passwd-file user "mdupont"
  auth_username_format = %Ln
}
recipient_delimiter = +
# Sieve vacation/redirect go back through Postfix (plain, no AUTH).
submission_host = 127.0.0.1:$P_LOCAL
protocol sieve {
  managesieve_notify_capability = mailto
}
plugin {
  sieve = file:~/sieve;active=~/.dovecot.sieve
  acl = vfile
  acl_shared_dict = file:$STATE/mail/shared-dict/shared-mailboxes.db
  # RFC 9208 STORAGE and MESSAGE; the limit comes from each user's quota_rule. No grace: a
  # message over the limit is refused, as the academy's servers do.
  quota = count:User quota
  quota_vsizes = yes
  quota_grace = 0
}
EOF
chmod 644 "$CONF"

# ------------------------------------------------------------------- Postfix
PF=$STATE/postfix
cat >"$PF/etc/main.cf.new" <<EOF
# Generated by tests/servers/up.sh -- AmiensMail test instance, BASE=$BASE.
compatibility_level = 3.6
queue_directory = $RUN/pfq
data_directory = $PF/data
maillog_file = $STATE/log/postfix.log
maillog_file_prefixes = /var, /dev/stdout, $STATE/log
mail_owner = postfix
setgid_group = postdrop
myhostname = localhost
mydomain = localhost
myorigin = \$myhostname
mydestination =
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
alias_maps =
alias_database =
local_recipient_maps =
biff = no
smtputf8_enable = yes
recipient_delimiter = +
virtual_mailbox_domains = $DOMAIN
virtual_mailbox_maps = inline:{ mdupont@$DOMAIN=ok, jmartin@$DOMAIN=ok, $FUNCTIONAL@$DOMAIN=ok }
virtual_alias_maps = inline:{ marie.dupont@$DOMAIN=mdupont@$DOMAIN, jean.martin@$DOMAIN=jmartin@$DOMAIN }
virtual_transport = lmtp:inet:127.0.0.1:$P_LMTP
relayhost =
default_transport = error:outbound mail disabled on the test server
relay_transport = error:outbound mail disabled on the test server
smtpd_tls_chain_files = $SSL/key.pem, $SSL/fullchain.pem
smtpd_tls_security_level = may
smtpd_tls_auth_only = yes
smtpd_sasl_type = dovecot
smtpd_sasl_path = $RUN/dovecot/auth-postfix
smtpd_sasl_auth_enable = no
smtpd_relay_restrictions = permit_mynetworks, permit_sasl_authenticated, reject_unauth_destination
# test speed: no DNS for clients, no error tarpits, quick queue retries
smtpd_peername_lookup = no
smtpd_error_sleep_time = 0
in_flow_delay = 0
queue_run_delay = 1s
minimal_backoff_time = 1s
maximal_backoff_time = 5s
EOF
cat >"$PF/etc/master.cf.new" <<EOF
# Generated by tests/servers/up.sh. Chroot column is "n" everywhere.
127.0.0.1:$P_SMTPS inet n - n - - smtpd
  -o syslog_name=postfix/submissions
  -o smtpd_tls_wrappermode=yes
  -o smtpd_sasl_auth_enable=yes
  -o smtpd_client_restrictions=permit_sasl_authenticated,reject
127.0.0.1:$P_SUBM inet n - n - - smtpd
  -o syslog_name=postfix/submission
  -o smtpd_tls_security_level=encrypt
  -o smtpd_sasl_auth_enable=yes
  -o smtpd_client_restrictions=permit_sasl_authenticated,reject
127.0.0.1:$P_LOCAL inet n - n - - smtpd
  -o syslog_name=postfix/local-smtp
pickup    unix  n - n 60    1 pickup
cleanup   unix  n - n -     0 cleanup
qmgr      unix  n - n 300   1 qmgr
tlsmgr    unix  - - n 1000? 1 tlsmgr
rewrite   unix  - - n -     - trivial-rewrite
bounce    unix  - - n -     0 bounce
defer     unix  - - n -     0 bounce
trace     unix  - - n -     0 bounce
verify    unix  - - n -     1 verify
flush     unix  n - n 1000? 0 flush
proxymap  unix  - - n -     - proxymap
proxywrite unix - - n -     1 proxymap
smtp      unix  - - n -     - smtp
relay     unix  - - n -     - smtp
showq     unix  n - n -     - showq
error     unix  - - n -     - error
retry     unix  - - n -     - error
discard   unix  - - n -     0 discard
lmtp      unix  - - n -     - lmtp
anvil     unix  - - n -     1 anvil
scache    unix  - - n -     1 scache
postlog   unix-dgram n - n - 1 postlogd
EOF
# Postfix waits until main.cf is ~2 s old before starting: backdate it.
for f in main.cf master.cf; do
  touch -d '-1 min' "$PF/etc/$f.new"; mv "$PF/etc/$f.new" "$PF/etc/$f"
done
# Old queue files would deliver stale mail into the fresh mailboxes.
for q in incoming active deferred defer bounce hold corrupt maildrop flush trace saved; do
  if [ -d "$PF/spool/$q" ]; then find "$PF/spool/$q" -type f -delete; fi
done
PFCHECKED=$PF/spool/.amiens-checked
if [ ! -e "$PFCHECKED" ]; then
  postfix -c "$PF/etc" check >>"$STATE/log/postfix.log" 2>&1 ||
    die "postfix check failed"
  touch "$PFCHECKED"
fi

# ------------------------------------------------------------------- start
# record_pid NAME PIDFILE: waits for the daemon's pid file (the daemonising
# parent may exit before its child writes it), then writes pids/NAME as
# "PID STARTTIME" (the start time guards down.sh against PID reuse).
record_pid() {
  local pid="" st i
  for ((i = 0; i < 250; i++)); do
    [ -s "$2" ] && pid=$(head -n1 "$2" | tr -d ' ') && [ -n "$pid" ] && break
    sleep 0.02
  done
  case $pid in '' | *[!0-9]*) die "$1: no pid in $2" ;; esac
  st=$(cat "/proc/$pid/stat") || die "$1 (pid $pid) is not running"
  st=${st##*) }
  printf '%s %s\n' "$pid" "$(cut -d' ' -f20 <<<"$st")" >"$STATE/pids/$1"
}

dovecot -c "$CONF" </dev/null >>"$STATE/log/dovecot-start.log" 2>&1 ||
  die "dovecot failed to start: $(cat "$STATE/log/dovecot-start.log")"
record_pid dovecot "$RUN/dovecot/master.pid"

rm -f "$PF/spool/pid/master.pid"   # no instance runs (down.sh above): stale
# quick-start skips postfix-script's ~1 s integrity check (done above once)
touch "$RUN/pfq/quick-start"
postfix -c "$PF/etc" start </dev/null >>"$STATE/log/postfix.log" 2>&1 ||
  die "postfix failed to start"
record_pid postfix "$RUN/pfq/pid/master.pid"

# Session bus: own config (socket in RUN, no service activation, so nothing
# but our keyring daemon can appear on it); works as root.
KHOME=$STATE/keyring/home
rm -rf "$KHOME" "$RUN/xdg"
mkdir -m 700 "$KHOME" "$RUN/xdg"
cat >"$STATE/keyring/session.conf" <<EOF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <keep_umask/>
  <listen>unix:path=$RUN/bus</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
EOF
env HOME="$KHOME" XDG_RUNTIME_DIR="$RUN/xdg" dbus-daemon \
  --config-file="$STATE/keyring/session.conf" --fork --nopidfile \
  --print-address=3 --print-pid=4 3>"$RUN/bus.address" 4>"$RUN/bus.pid" \
  </dev/null >>"$STATE/log/dbus.log" 2>&1
record_pid dbus "$RUN/bus.pid"
BUS=$(head -n1 "$RUN/bus.address")

# A fresh HOME makes --unlock create the default "login" keyring unprompted.
printf '%s' "$KEYRING_PW" |
  env HOME="$KHOME" XDG_RUNTIME_DIR="$RUN/xdg" DBUS_SESSION_BUS_ADDRESS="$BUS" \
    gnome-keyring-daemon --unlock --components=secrets >>"$STATE/log/keyring.log" 2>&1

# --------------------------------------------------------------- readiness
bus_call() {
  DBUS_SESSION_BUS_ADDRESS=$BUS dbus-send --session --print-reply \
    --dest=org.freedesktop.DBus /org/freedesktop/DBus "$@" 2>/dev/null
}
# --unlock returns before the daemon owns the name: wait for it.
for ((i = 0; ; i++)); do
  bus_call org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets |
    grep -q 'boolean true' && break
  [ "$i" -lt 250 ] || die "gnome-keyring-daemon did not claim org.freedesktop.secrets"
  sleep 0.02
done
bus_call org.freedesktop.DBus.GetConnectionUnixProcessID string:org.freedesktop.secrets |
  awk '/uint32/ {print $2}' >"$RUN/keyring.pid"
record_pid keyring "$RUN/keyring.pid"

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for ((i = 0; ; i++)); do
  ok=1
  for p in "$P_IMAPS" "$P_IMAP" "$P_SIEVE" "$P_LMTP" "$P_SMTPS" "$P_SUBM" "$P_LOCAL"; do
    port_open "$p" || { ok=0; break; }
  done
  [ "$ok" -eq 1 ] && break
  [ "$i" -lt 250 ] || die "port $p not listening after 5 s"
  sleep 0.02
done

# ------------------------------------------------------------- servers.env
q() { printf "'%s'" "${1//\'/\'\\\'\'}"; }   # single-quote for sh
{
  echo "# Generated by tests/servers/up.sh; source it (or use with-servers.sh)."
  for kv in \
    "AMIENS_TEST_STATE_DIR=$STATE" \
    "AMIENS_TEST_HOST=localhost" \
    "AMIENS_TEST_IMAPS_PORT=$P_IMAPS" \
    "AMIENS_TEST_IMAP_STARTTLS_PORT=$P_IMAP" \
    "AMIENS_TEST_SIEVE_PORT=$P_SIEVE" \
    "AMIENS_TEST_LMTP_PORT=$P_LMTP" \
    "AMIENS_TEST_SMTPS_PORT=$P_SMTPS" \
    "AMIENS_TEST_SUBMISSION_PORT=$P_SUBM" \
    "AMIENS_TEST_LOCAL_SMTP_PORT=$P_LOCAL" \
    "AMIENS_TEST_CA_FILE=$SSL/ca.pem" \
    "AMIENS_TEST_SSL_DIR=$SSL" \
    "AMIENS_TEST_USER=mdupont" \
    "AMIENS_TEST_PASSWORD=$PASS1" \
    "AMIENS_TEST_ADDRESS=mdupont@$DOMAIN" \
    "AMIENS_TEST_USER2=jmartin" \
    "AMIENS_TEST_PASSWORD2=$PASS2" \
    "AMIENS_TEST_ADDRESS2=jmartin@$DOMAIN" \
    "AMIENS_TEST_FUNCTIONAL_USER=$FUNCTIONAL" \
    "AMIENS_TEST_FUNCTIONAL_PASSWORD=$PASS3" \
    "AMIENS_TEST_FUNCTIONAL_ADDRESS=$FUNCTIONAL@$DOMAIN" \
    "AMIENS_TEST_DOVECOT_CONF=$CONF" \
    "AMIENS_TEST_DOVEADM=doveadm -c $CONF" \
    "AMIENS_TEST_MAIL_HOME=$STATE/mail" \
    "DBUS_SESSION_BUS_ADDRESS=$BUS" \
    "AMIENS_TEST_KEYRING_HOME=$KHOME"; do
    printf 'export %s=%s\n' "${kv%%=*}" "$(q "${kv#*=}")"
  done
} >"$STATE/servers.env.tmp"
mv "$STATE/servers.env.tmp" "$STATE/servers.env"

# ---------------------------------------------------------------- self-check
# Secret Service round trip through libsecret, then leave the keyring empty.
export DBUS_SESSION_BUS_ADDRESS=$BUS
printf 'check' | secret-tool store --label=amiens-selfcheck amiens-selfcheck 1 ||
  die "secret-tool store failed"
[ "$(secret-tool lookup amiens-selfcheck 1)" = check ] || die "secret-tool lookup failed"
secret-tool clear amiens-selfcheck 1

# shellcheck source=/dev/null
(. "$STATE/servers.env" && "$PY" "$HERE/selfcheck.py")

T1=$(date +%s%N)
echo "up.sh: ready in $(((T1 - T0) / 1000000)) ms: IMAPS $P_IMAPS, IMAP+STARTTLS $P_IMAP," \
  "ManageSieve $P_SIEVE, LMTP $P_LMTP, SMTPS $P_SMTPS, submission $P_SUBM," \
  "local SMTP $P_LOCAL; env: $STATE/servers.env"
