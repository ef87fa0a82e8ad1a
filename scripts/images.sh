#!/usr/bin/env bash
# Builds every sample image: samples/*/Dockerfile (and samples/*/Dockerfile.*), each tagged by its
# first line, `# image: platform/NAME:TAG`. A build is skipped when the image exists and its label
# platform.source.hash matches the hash of the sample folder's files, so a second run is quick.
# Needs a running engine (scripts/prereqs.sh); bases come from scripts/base-image.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

docker info >/dev/null 2>&1 || { echo "the docker engine does not answer: run scripts/prereqs.sh" >&2; exit 1; }

shopt -s nullglob
dockerfiles=(samples/*/Dockerfile samples/*/Dockerfile.*)

# trixie always; any other debian:SUITE-slim a Dockerfile starts from as well.
suites="$( { echo trixie; sed -nE 's/^FROM[[:space:]]+debian:([a-z]+)-slim([[:space:]].*)?$/\1/Ip' \
  "${dockerfiles[@]}" /dev/null; } | sort -u)"
for suite in $suites; do scripts/base-image.sh "$suite"; done

source_hash() {  # the hash of every file under a folder: names and contents
  (cd "$1" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 -r sha256sum) \
    | sha256sum | cut -d' ' -f1
}

for dockerfile in "${dockerfiles[@]}"; do
  dir="$(dirname "$dockerfile")"
  tag="$(sed -nE '1s/^#[[:space:]]*image:[[:space:]]*([^[:space:]]+)[[:space:]]*$/\1/p' "$dockerfile")"
  [ -n "$tag" ] || { echo "$dockerfile: the first line must be '# image: platform/NAME:TAG'" >&2; exit 1; }
  hash="$(source_hash "$dir")"
  built="$(docker image inspect --format '{{ index .Config.Labels "platform.source.hash" }}' \
    "$tag" 2>/dev/null || true)"
  if [ "$built" = "$hash" ]; then
    echo "$tag is up to date ($dockerfile)"
    continue
  fi
  echo "building $tag from $dockerfile"
  start=$SECONDS
  docker build --network host -f "$dockerfile" --label "platform.source.hash=$hash" -t "$tag" "$dir"
  echo "built $tag in $((SECONDS - start)) s"
done
