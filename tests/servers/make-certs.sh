#!/usr/bin/env bash
# make-certs.sh SSL_DIR -- throw-away TLS material for the test servers and
# for the in-process fake servers of the tests (called by up.sh once per
# STATE_DIR). EC P-256 keys: fast to generate. Files written to SSL_DIR:
#   ca.pem / ca.key                 test root CA (the only trust anchor)
#   intermediate.pem / .key         intermediate CA signed by the root
#   cert.pem key.pem fullchain.pem  leaf for DNS:localhost,IP:127.0.0.1 (+ intermediate)
#   nosni-cert.pem nosni-key.pem nosni-fullchain.pem
#                                   leaf for DNS:no-sni.invalid only: Dovecot's
#                                   default cert, served when no SNI is sent
#   rogue-ca.pem rogue-cert.pem rogue-key.pem
#                                   localhost leaf from an untrusted CA
#   forged-fullchain.pem forged-key.pem (+ forged-leaf.pem, forged-intermediate.pem)
#                                   localhost leaf signed by an attacker "intermediate"
#                                   with the real intermediate's subject DN and
#                                   subjectKeyIdentifier; the chain file carries the
#                                   REAL intermediate. Name/AKI matching accepts it,
#                                   signature checking must not.
#   expired-cert.pem expired-key.pem expired-fullchain.pem
#                                   localhost leaf from the real intermediate, valid
#                                   2020-01-01 .. 2021-01-01 only
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 SSL_DIR" >&2; exit 2; }
mkdir -p "$1"
OUT=$(cd "$1" && pwd)
W=$(mktemp -d "$OUT/.work.XXXXXX")
trap 'rm -rf "$W"' EXIT
cd "$W"

ORG="/O=AmiensMail Tests"
INTER_DN="$ORG/CN=AmiensMail Test Intermediate CA"

cat >ext.cnf <<'EOF'
[req]
distinguished_name = dn
[dn]
[root_ext]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
[inter_ext]
basicConstraints = critical,CA:TRUE,pathlen:0
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
[forged_inter_ext]
basicConstraints = critical,CA:TRUE,pathlen:0
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = $ENV::REAL_SKI
[localhost_ext]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = DNS:localhost,IP:127.0.0.1
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
[nosni_ext]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = DNS:no-sni.invalid
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
EOF
export REAL_SKI=none   # placeholder until the real intermediate exists

newkey() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1"; }
serial() { echo "0x$(openssl rand -hex 8)"; }
# selfsigned KEY OUT SUBJ EXT
selfsigned() {
  openssl req -x509 -new -key "$1" -out "$2" -subj "$3" -days 3650 -sha256 \
    -config ext.cnf -extensions "$4" -set_serial "$(serial)"
}
# issue CAKEY CACERT KEY OUT SUBJ EXT
issue() {
  openssl req -new -key "$3" -subj "$5" -config ext.cnf -out "$4.csr"
  openssl x509 -req -in "$4.csr" -CA "$2" -CAkey "$1" -set_serial "$(serial)" \
    -days 3650 -sha256 -extfile ext.cnf -extensions "$6" -out "$4"
}

# Real chain: root -> intermediate -> leaves
newkey ca.key
selfsigned ca.key ca.pem "$ORG/CN=AmiensMail Test Root CA" root_ext
newkey intermediate.key
issue ca.key ca.pem intermediate.key intermediate.pem "$INTER_DN" inter_ext
newkey key.pem
issue intermediate.key intermediate.pem key.pem cert.pem "$ORG/CN=localhost" localhost_ext
cat cert.pem intermediate.pem >fullchain.pem
newkey nosni-key.pem
issue intermediate.key intermediate.pem nosni-key.pem nosni-cert.pem "$ORG/CN=no-sni.invalid" nosni_ext
cat nosni-cert.pem intermediate.pem >nosni-fullchain.pem

# Untrusted CA
newkey rogue-ca.key
selfsigned rogue-ca.key rogue-ca.pem "/O=Rogue/CN=Rogue Test CA" root_ext
newkey rogue-key.pem
issue rogue-ca.key rogue-ca.pem rogue-key.pem rogue-cert.pem "/O=Rogue/CN=localhost" localhost_ext

# Forged intermediate: same subject DN, same explicit SKI, attacker key.
REAL_SKI=$(openssl x509 -in intermediate.pem -noout -ext subjectKeyIdentifier | tail -n1 | tr -d ' ')
export REAL_SKI
newkey forged-intermediate.key
selfsigned forged-intermediate.key forged-intermediate.pem "$INTER_DN" forged_inter_ext
newkey forged-key.pem
# authorityKeyIdentifier=keyid copies the (forged = real) SKI into the leaf
issue forged-intermediate.key forged-intermediate.pem forged-key.pem forged-leaf.pem \
  "$ORG/CN=localhost" localhost_ext
cat forged-leaf.pem intermediate.pem >forged-fullchain.pem

# Expired leaf: "openssl x509 -req" cannot backdate, "openssl ca" can.
mkdir newcerts
: >index.txt
openssl rand -hex 8 >serial
cat >ca.cnf <<'EOF'
[ca]
default_ca = test_ca
[test_ca]
dir = .
database = index.txt
new_certs_dir = newcerts
serial = serial
certificate = intermediate.pem
private_key = intermediate.key
default_md = sha256
policy = policy_any
unique_subject = no
email_in_dn = no
[policy_any]
organizationName = optional
commonName = supplied
EOF
newkey expired-key.pem
openssl req -new -key expired-key.pem -subj "$ORG/CN=localhost" -config ext.cnf -out expired.csr
openssl ca -batch -notext -config ca.cnf -in expired.csr -out expired-cert.pem \
  -startdate 20200101000000Z -enddate 20210101000000Z -extfile ext.cnf -extensions localhost_ext
cat expired-cert.pem intermediate.pem >expired-fullchain.pem

# Sanity: the good chain verifies, the bad ones fail for the right reason.
verify() { openssl verify -CAfile ca.pem -untrusted intermediate.pem "$@" 2>&1; }
# expect_fail PATTERN ARGS...
expect_fail() {
  local out p=$1; shift
  if out=$(verify "$@"); then echo "unexpectedly verified: $*" >&2; exit 1; fi
  grep -q "$p" <<<"$out" || { echo "wrong failure for $*: $out" >&2; exit 1; }
}
verify -verify_hostname localhost cert.pem
verify -verify_hostname no-sni.invalid nosni-cert.pem
expect_fail 'hostname mismatch' -verify_hostname localhost nosni-cert.pem
expect_fail 'certificate signature failure' forged-leaf.pem
expect_fail 'certificate has expired' expired-cert.pem
expect_fail 'unable to get local issuer certificate' rogue-cert.pem
[ "$(openssl x509 -in forged-leaf.pem -noout -issuer)" = "$(openssl x509 -in cert.pem -noout -issuer)" ]

# Throw-away test material: world-readable keys are fine (and let non-root
# test processes run fake TLS servers with them).
chmod 644 ./*.pem ./*.key
mv ./*.pem ./*.key "$OUT/"
touch "$OUT/.complete"
