#!/usr/bin/env bash
# The chaos suite's long form: the same test as CI's short form (tests/Platform.E2E.Tests/Cluster/ChaosTests.cs)
# with more jobs on its own local cluster. Prints the API's longest outage and the chaos timeline.
#   bench/chaos.sh [JOBS (200)]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/prereqs.sh >/dev/null
scripts/images.sh >/dev/null
dotnet build Platform.sln -nologo -clp:ErrorsOnly -v:q >/dev/null
CHAOS_JOBS="${1:-200}" dotnet test tests/Platform.E2E.Tests --no-build --nologo \
  --filter "FullyQualifiedName~Cluster.ChaosTests" --logger "console;verbosity=detailed"
