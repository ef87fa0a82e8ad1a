#!/usr/bin/env bash
# Replays a trace through FIFO, the platform's policy and oracle SJF on a simulated clock:
#   bench/simulate.sh TRACE.csv[.gz] [--nodes 64] [--gpus-per-node 8] [--quota TEAM=GPUS ...] [--limit N] [--out DIR] ...
# Writes DIR/report.md (also printed), DIR/jct-cdf.png and DIR/utilisation.png (DIR: bench/results/simulation).
# No containers, no platform: the same planner code in one process. `bench/simulate.sh x --help` lists every option.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 1 ] || { echo "usage: bench/simulate.sh TRACE.csv[.gz] [options]" >&2; exit 2; }
dotnet build bench/Simulator -nologo -clp:ErrorsOnly -v:q >/dev/null
dotnet bench/Simulator/bin/Debug/net10.0/Simulator.dll "$@"
