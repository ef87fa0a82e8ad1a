#!/usr/bin/env bash
# Makes a Debian base image (default debian:trixie-slim) in the local Docker engine when it is
# missing. No registry is reachable here, so the image is built with debootstrap and imported under
# the standard name; Dockerfiles stay ordinary `FROM debian:trixie-slim`.
set -euo pipefail
suite="${1:-trixie}"
image="debian:${suite}-slim"
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"

if docker image inspect "$image" >/dev/null 2>&1; then
  echo "base image $image is present"
  exit 0
fi
command -v debootstrap >/dev/null || { echo "debootstrap is missing: apt-get install -y debootstrap" >&2; exit 1; }

root="$(mktemp -d /tmp/rootfs-${suite}.XXXXXX)"
trap 'rm -rf "$root"' EXIT
echo "building $image with debootstrap (about 30 s)"
debootstrap --variant=minbase "$suite" "$root" "$mirror" >/tmp/debootstrap-${suite}.log 2>&1 \
  || { tail -20 /tmp/debootstrap-${suite}.log >&2; exit 1; }
# Keep the image slim, as the official -slim images do.
rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*
echo "deb $mirror $suite main" > "$root/etc/apt/sources.list"
tar -C "$root" -c . | docker import - "$image" >/dev/null
echo "imported $image"
