#!/usr/bin/env bash
# Builds every image of the project: samples/*/Dockerfile, samples/training/*/Dockerfile and
# jupyter/Dockerfile (and Dockerfile.* beside them), each tagged by its first line,
# `# image: platform/NAME:TAG`. Optional header lines right after it:
#   # context: PATH          build context, relative to the repository (default: the Dockerfile's folder)
#   # sources: PATH [PATH]   more folders whose files make the image (hashed with its own folder)
# A folder's prebuild.sh, when there is one, runs before its build (e.g. a self-contained
# `dotnet publish` into the folder's .publish/, which the hash ignores). A build is skipped when the
# image exists and its label platform.source.hash matches the hash of those files, so a second run
# is quick. Needs a running engine (scripts/prereqs.sh); bases come from scripts/base-image.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

docker info >/dev/null 2>&1 || { echo "the docker engine does not answer: run scripts/prereqs.sh" >&2; exit 1; }

shopt -s nullglob
dockerfiles=(samples/*/Dockerfile samples/*/Dockerfile.* samples/training/*/Dockerfile \
  samples/training/*/Dockerfile.* jupyter/Dockerfil[e] jupyter/Dockerfile.*)

# trixie always; any other debian:SUITE-slim a Dockerfile starts from as well.
suites="$( { echo trixie; sed -nE 's/^FROM[[:space:]]+debian:([a-z]+)-slim([[:space:]].*)?$/\1/Ip' \
  "${dockerfiles[@]}" /dev/null; } | sort -u)"
for suite in $suites; do scripts/base-image.sh "$suite"; done

header() {  # the value of a '# KEY: value' line among a Dockerfile's first lines
  sed -nE "1,5s/^#[[:space:]]*$2:[[:space:]]*(.*[^[:space:]])[[:space:]]*\$/\\1/p" "$1"
}

source_hash() {  # the hash of every file under the given folders: names and contents
  find "$@" -type f -not -path '*/bin/*' -not -path '*/obj/*' -not -path '*/.publish/*' \
    -not -path '*/node_modules/*' -print0 | LC_ALL=C sort -z | xargs -0 -r sha256sum \
    | sha256sum | cut -d' ' -f1
}

for dockerfile in "${dockerfiles[@]}"; do
  dir="$(dirname "$dockerfile")"
  tag="$(sed -nE '1s/^#[[:space:]]*image:[[:space:]]*([^[:space:]]+)[[:space:]]*$/\1/p' "$dockerfile")"
  [ -n "$tag" ] || { echo "$dockerfile: the first line must be '# image: platform/NAME:TAG'" >&2; exit 1; }
  context="$(header "$dockerfile" context)"
  context="${context:-$dir}"
  # shellcheck disable=SC2046 # the sources line is a list of paths
  hash="$(source_hash "$dir" $(header "$dockerfile" sources))"
  built="$(docker image inspect --format '{{ index .Config.Labels "platform.source.hash" }}' \
    "$tag" 2>/dev/null || true)"
  if [ "$built" = "$hash" ]; then
    echo "$tag is up to date ($dockerfile)"
    continue
  fi
  echo "building $tag from $dockerfile"
  start=$SECONDS
  if [ -x "$dir/prebuild.sh" ]; then "$dir/prebuild.sh"; fi
  docker build --network host -f "$dockerfile" --label "platform.source.hash=$hash" -t "$tag" "$context"
  echo "built $tag in $((SECONDS - start)) s"
done
