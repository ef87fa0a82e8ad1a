#!/usr/bin/env bash
# Log throughput, end to end against `docker logs` of the same container in the same run:
#   bench/log-throughput.sh [LINES]
# Starts a platform of its own (temporary data, its own ports), runs the benchmark, stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
lines="${1:-200000}"
scripts/prereqs.sh >/dev/null
scripts/images.sh >/dev/null
dotnet build src/Platform.Gateway -c Release -nologo -clp:ErrorsOnly -v:q >/dev/null
dotnet build bench/LogThroughput -c Release -nologo -clp:ErrorsOnly -v:q >/dev/null

data="$(mktemp -d)"
port=5181
Urls="http://127.0.0.1:$port" Platform__DataDir="$data" Platform__SiloPort=11311 Platform__GatewayPort=30311 \
  Platform__Worker__NodeId=bench Platform__Worker__FakeGpuCount=0 Platform__Worker__PortStart=44000 Platform__Worker__PortEnd=44099 \
  dotnet src/Platform.Gateway/bin/Release/net10.0/Platform.Gateway.dll >"$data/platform.log" 2>&1 &
platform=$!
trap 'kill $platform 2>/dev/null; docker ps -aq --filter label=platform.node=bench | xargs -r docker rm -f >/dev/null; rm -rf "$data"' EXIT
up() { [ -s "$data/admin-token" ] && curl -fs -H "Authorization: Bearer $(cat "$data/admin-token")" "http://127.0.0.1:$port/api/nodes" | grep -q '"id"'; }
for _ in $(seq 60); do up && break; sleep 1; done

PLATFORM_TOKEN="$(cat "$data/admin-token")" dotnet bench/LogThroughput/bin/Release/net10.0/LogThroughput.dll "http://127.0.0.1:$port" "$lines"
