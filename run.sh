#!/usr/bin/env bash
# Starts the embedded platform (control plane, REST gateway and this machine's node agent in one
# process) and runs the sample distributed job (a chief, two ps, three one-GPU workers) end to end,
# printing its tasks and logs. The platform keeps running afterwards at $PLATFORM_URL.
set -euo pipefail
cd "$(dirname "$0")"
export PLATFORM_URL="${PLATFORM_URL:-http://127.0.0.1:5080}"
data="${PLATFORM_DATA:-$PWD/.data}"

scripts/prereqs.sh
scripts/images.sh
dotnet build src/Platform.Gateway -nologo -clp:ErrorsOnly -v:q

if ! curl -fs "$PLATFORM_URL/api/nodes" >/dev/null; then
  mkdir -p "$data"
  # Machines without GPUs (like CI) advertise four fake ones so the sample's workers can be placed.
  command -v nvidia-smi >/dev/null || export Platform__Worker__FakeGpuCount="${Platform__Worker__FakeGpuCount:-4}"
  Urls="$PLATFORM_URL" Platform__DataDir="$data" setsid dotnet src/Platform.Gateway/bin/Debug/net10.0/Platform.Gateway.dll \
    >"$data/platform.log" 2>&1 </dev/null &
  echo "platform starting (pid $!, log $data/platform.log)"
  for _ in $(seq 60); do curl -fs "$PLATFORM_URL/api/nodes" | grep -q '"id"' && break; sleep 1; done
fi
curl -fs "$PLATFORM_URL/api/nodes" | grep -q '"id"' || { echo "the platform did not start; see $data/platform.log" >&2; exit 1; }

job="$(curl -sS -X POST -H 'Content-Type: application/yaml' --data-binary @samples/hello-ps/job.yaml "$PLATFORM_URL/api/jobs")"
id="$(python3 -c 'import json,sys; print(json.load(sys.stdin).get("id", ""))' <<<"$job")"
[ -n "$id" ] || { echo "the platform refused the sample job: $job" >&2; exit 1; }
echo "submitted job $id"

state=""
for _ in $(seq 120); do
  state="$(curl -fs "$PLATFORM_URL/api/jobs/$id" | python3 -c 'import json,sys; j=json.load(sys.stdin); print(j["state"], "-", j["reason"] or "")')"
  case "$state" in Succeeded*|Failed*|Cancelled*) break ;; esac
  sleep 1
done
sleep 2  # the parameter servers' last lines arrive as they are stopped

echo; echo "== tasks"
curl -fs "$PLATFORM_URL/api/jobs/$id" | python3 -c '
import json, sys
for t in json.load(sys.stdin)["tasks"]:
    gpus = ",".join(t["gpus"]) or "-"
    print("%-10s %-10s node=%s port=%s gpus=%s exit=%s" % (t["name"], t["state"], t["node"], t["port"], gpus, t["exitCode"]))'
echo; echo "== logs"
curl -fs "$PLATFORM_URL/api/jobs/$id/logs?limit=10000" | python3 -c '
import json, sys
for line in json.load(sys.stdin)["lines"]:
    print("%-9s | %s" % (line["task"], line["text"]))'
echo; echo "job $id: $state"
echo "platform: $PLATFORM_URL/ (web UI), REST under /api, API reference at /scalar/v1; stop it with: pkill -f Platform.Gateway.dll"
[[ "$state" == Succeeded* ]]
