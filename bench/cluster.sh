#!/usr/bin/env bash
# Cluster mode against the embedded mode, in one run:
#   bench/cluster.sh [ROUNDS (5)] [JOBS (1000)] [SUBMITTERS (200)]
# 1. submit → every task Running of a 1 ps + 4 worker job, median of ROUNDS, on a local cluster
#    (scripts/cluster.sh: 2 silos, 2 gateways, 3 agents) and on an embedded platform: ratio.
# 2. JOBS tiny jobs from SUBMITTERS concurrent clients over the cluster's two gateways: errors
#    (must be 0), p50/p99 submit latency.
# Both platforms are its own (temporary directories, addresses 127.0.0.70 and up, port 5182) and stopped at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-5}" jobs="${2:-1000}" submitters="${3:-200}"
scripts/prereqs.sh >/dev/null
scripts/images.sh >/dev/null
dotnet build Platform.sln -nologo -clp:ErrorsOnly -v:q >/dev/null

cluster="$(mktemp -d)" data="$(mktemp -d)" port=5182
cleanup() {
  [ -n "${embedded:-}" ] && kill "$embedded" 2>/dev/null
  scripts/cluster.sh down --purge --dir "$cluster" >/dev/null 2>&1 || true
  docker ps -aq --filter label=platform.node=bench-embedded | xargs -r docker rm -f >/dev/null
  rm -rf "$data"
}
trap cleanup EXIT

Urls="http://127.0.0.1:$port" Platform__DataDir="$data" Platform__SiloPort=11312 Platform__GatewayPort=30312 \
  Platform__Worker__NodeId=bench-embedded Platform__Worker__FakeGpuCount=4 Platform__Worker__PortStart=44100 Platform__Worker__PortEnd=44199 \
  dotnet src/Platform.Gateway/bin/Debug/net10.0/Platform.Gateway.dll >"$data/platform.log" 2>&1 &
embedded=$!
scripts/cluster.sh up --nodes 3 --dir "$cluster" --base-address 127.0.0.70 --no-build >/dev/null
up() { [ -s "$data/admin-token" ] && curl -fs -H "Authorization: Bearer $(cat "$data/admin-token")" "http://127.0.0.1:$port/api/nodes" | grep -q bench-embedded; }
for _ in $(seq 90); do up && break; sleep 1; done
# shellcheck source=/dev/null
source "$cluster/cluster.env"

bench=bench/ClusterBench/bin/Debug/net10.0/ClusterBench.dll
dotnet "$bench" start "http://127.0.0.1:$port" "$(cat "$data/admin-token")" "$PLATFORM_URL" "$PLATFORM_TOKEN" "$rounds"
dotnet "$bench" submit "$PLATFORM_URL" "$PLATFORM_URL_2" "$PLATFORM_TOKEN" "$jobs" "$submitters"
