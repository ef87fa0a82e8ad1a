#!/usr/bin/env bash
# Issues every certificate a cluster needs, on one trusted machine (an operator's, offline if you
# can), into OUT_DIR, ready to copy to the machines (docs/cluster.md, "Certificates"):
#   - the platform CA (`platform cert init`) and one pfx per process (`platform cert issue`): silos
#     get a silo-role certificate, gateways and agents an agent-role one (the Orleans client port only);
#   - a second, separate CA for the TLS of Redis and PostgreSQL (openssl), so that a Redis or
#     PostgreSQL server certificate can never pass for a silo on the Orleans ports.
#
#   deploy/certificates.sh OUT_DIR ROLE:MACHINE... [--redis NAME,IP] [--postgres NAME,IP]
#   e.g. deploy/certificates.sh /root/platform-certs silo:a gateway:a silo:b gateway:b agent:b agent:c \
#          --redis redis.platform.internal,10.0.0.11 --postgres postgres.platform.internal,10.0.0.11
#
# ROLE is silo, gateway or agent; MACHINE a short name (letters, digits, '-'). The certificate of
# ROLE on MACHINE is named ROLE-MACHINE and written to OUT_DIR/MACHINE/ROLE.pfx (mode 0600) beside
# the CAs' certificates. The CA keys stay in OUT_DIR/pki and OUT_DIR/services-ca: keep them off the
# cluster. Set PLATFORM to the CLI command if `platform` is not on PATH (for example
# PLATFORM="dotnet src/Platform.Cli/bin/Debug/net10.0/Platform.Cli.dll"). Never overwrites a file.
set -euo pipefail

days=1826   # the services' certificates: 5 years, as the platform's own node certificates

die() { echo "certificates.sh: $*" >&2; exit 1; }
[ $# -ge 2 ] || { sed -n '9,11p' "$0" >&2; exit 2; }
out=$1; shift
platform=${PLATFORM:-platform}
redis="" postgres=""
processes=()
while [ $# -gt 0 ]; do
  case "$1" in
    --redis) redis=${2:?--redis needs NAME,IP}; shift 2 ;;
    --postgres) postgres=${2:?--postgres needs NAME,IP}; shift 2 ;;
    silo:*|gateway:*|agent:*) processes+=("$1"); shift ;;
    *) die "unknown argument '$1': ROLE:MACHINE (silo, gateway, agent), --redis NAME,IP or --postgres NAME,IP" ;;
  esac
done

command -v openssl >/dev/null || die "openssl is missing (apt-get install openssl)"
umask 077
mkdir -p "$out"

# The platform CA: made once; a second run issues new processes' certificates from it.
[ -f "$out/pki/ca.crt" ] || $platform cert init --pki "$out/pki"

for process in "${processes[@]}"; do
  role=${process%%:*} machine=${process#*:}
  mkdir -p "$out/$machine"
  cp "$out/pki/ca.crt" "$out/$machine/ca.crt"
  pfx="$out/$machine/$role.pfx"
  if [ -e "$pfx" ]; then echo "$pfx exists; kept"; continue; fi
  kind=agent
  [ "$role" = silo ] && kind=silo
  $platform cert issue --pki "$out/pki" --name "$role-$machine" --role "$kind" --out "$pfx"
done

services_ca() {
  local ca="$out/services-ca"
  [ -f "$ca/ca.crt" ] && return 0
  mkdir -p "$ca"
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 3650 \
    -subj "/CN=platform services CA" -keyout "$ca/ca.key" -out "$ca/ca.crt" \
    -addext "basicConstraints=critical,CA:TRUE,pathlen:0" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
}

# server NAME,IP DIR FILE: a TLS server certificate for NAME and IP from the services CA.
server() {
  local name=${1%%,*} ip=${1#*,} dir=$2 file=$3
  [ -f "$dir/$file.crt" ] && { echo "$dir/$file.crt exists; kept"; return 0; }
  services_ca
  mkdir -p "$dir"
  openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj "/CN=$name" \
    -keyout "$dir/$file.key" -out "$dir/$file.csr" 2>/dev/null
  openssl x509 -req -in "$dir/$file.csr" -CA "$out/services-ca/ca.crt" -CAkey "$out/services-ca/ca.key" \
    -CAcreateserial -days "$days" -out "$dir/$file.crt" \
    -extfile <(printf 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\nsubjectAltName=DNS:%s,IP:%s\n' "$name" "$ip") 2>/dev/null
  rm -f "$dir/$file.csr"
  cp "$out/services-ca/ca.crt" "$dir/ca.crt"
  echo "issued $dir/$file.crt for $name ($ip)"
}

[ -z "$redis" ] || server "$redis" "$out/redis" redis
[ -z "$postgres" ] || server "$postgres" "$out/postgres" server
if [ -n "$redis$postgres" ]; then
  for process in "${processes[@]}"; do
    role=${process%%:*} machine=${process#*:}
    [ -z "$redis" ] || cp "$out/services-ca/ca.crt" "$out/$machine/redis-ca.crt"
    # Only silos open PostgreSQL.
    [ -z "$postgres" ] || [ "$role" != silo ] || cp "$out/services-ca/ca.crt" "$out/$machine/pg-ca.crt"
  done
fi
echo "done: copy $out/MACHINE/* to /etc/platform/pki/ (and redis-ca.crt, pg-ca.crt to /etc/platform/) on each machine;"
echo "      $out/redis/* to /etc/redis/tls/ and $out/postgres/* to /etc/postgresql/tls/ on the database machine."
echo "Keep $out/pki/ca.key and $out/services-ca/ca.key off the cluster."
