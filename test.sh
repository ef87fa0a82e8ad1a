#!/usr/bin/env bash
# Runs every test: unit tests of the pure decisions, grain tests on an in-process Orleans cluster,
# and end-to-end tests that start the platform as a real process against the real Docker engine.
# Installs and starts what the tests need first (docker.io, dockerd, the base and sample images).
set -euo pipefail
cd "$(dirname "$0")"

scripts/prereqs.sh
scripts/images.sh
dotnet build Platform.sln -warnaserror -nologo -clp:ErrorsOnly

log="$(mktemp)"
status=0
dotnet test Platform.sln --no-build --nologo 2>&1 | tee "$log" || status=$?
# One closing line over all test projects, in the plain form CI reads.
awk '/(Passed|Failed)! +- Failed:/ { gsub(",", ""); failed += $4; passed += $6; skipped += $8 }
     END { printf "total: %d passed, %d failed, %d skipped\n", passed, failed, skipped }' "$log"
rm -f "$log"
exit "$status"
