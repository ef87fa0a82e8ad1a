#!/usr/bin/env bash
# Makes this machine ready to build images, run tasks and run the browser tests: installs what is
# missing (docker.io, debootstrap, chromium, which Playwright drives, and redis-server and
# postgresql, which scripts/cluster.sh runs with data directories of its own) and starts the Docker
# engine the way the platform needs it (no bridge, no iptables: every container uses host
# networking). Redis's and PostgreSQL's system services are not started. Idempotent; run as root on
# Debian 12.
set -euo pipefail
packages=(docker.io debootstrap chromium redis-server postgresql)
log=/var/log/dockerd.log
wait_seconds=60

[ "$(id -u)" = 0 ] || { echo "prereqs.sh must run as root" >&2; exit 1; }

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q '^install ok installed$'; }

missing=()
for package in "${packages[@]}"; do installed "$package" || missing+=("$package"); done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive NEEDRESTART_MODE=a
  apt-get update -q
  # A policy-rc.d that denies every start keeps the packages' system services (redis-server on
  # 127.0.0.1:6379, PostgreSQL's "main" cluster on 5432) from starting; scripts/cluster.sh runs its own.
  policy=/usr/sbin/policy-rc.d
  made_policy=""
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy"
    chmod 755 "$policy"
    made_policy=1
    trap 'rm -f "$policy"' EXIT
  fi
  apt-get install -y -q "${missing[@]}"
  if [ -n "$made_policy" ]; then rm -f "$policy"; trap - EXIT; fi
else
  echo "packages present: ${packages[*]}"
fi

if docker info >/dev/null 2>&1; then
  echo "docker engine is running"
  exit 0
fi

pidfile=/var/run/docker.pid
started=""
if [ -s "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
  echo "dockerd is starting; waiting for it"
else
  echo "starting dockerd --bridge=none --iptables=false (log: $log)"
  # setsid: the engine must outlive this script and the shell that ran it.
  setsid dockerd --bridge=none --iptables=false >>"$log" 2>&1 </dev/null &
  started=$!
fi

for _ in $(seq "$wait_seconds"); do
  if docker info >/dev/null 2>&1; then
    echo "docker engine is running"
    exit 0
  fi
  if [ -n "$started" ] && ! kill -0 "$started" 2>/dev/null; then
    echo "dockerd exited at start; the end of $log:" >&2
    tail -n 20 "$log" >&2
    exit 1
  fi
  sleep 1
done
echo "the docker engine did not answer within $wait_seconds s; the end of $log:" >&2
tail -n 20 "$log" >&2 2>/dev/null || true
exit 1
