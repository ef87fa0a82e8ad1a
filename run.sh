#!/usr/bin/env bash
# Starts the embedded platform (control plane, REST gateway and this machine's node agent in one
# process) and runs a job end to end, following its logs, then prints its tasks. The default job is
# the TorchSharp sample: one parameter server and two workers train a CNN on Fashion-MNIST; the
# chief's final line is `test accuracy: 0.9...`. Another job file may be given:
#   ./run.sh [JOB.yaml]       e.g. ./run.sh samples/hello-ps/job.yaml
# The platform keeps running afterwards at $PLATFORM_URL. Every request needs a token: the platform
# writes its admin token to $PLATFORM_DATA/admin-token at its first start; this script uses it, puts
# it in the CLI's token file (~/.config/platform/token) when that has none that works, and prints a
# sign-in link for the web UI.
set -euo pipefail
cd "$(dirname "$0")"
job_file="${1:-samples/training/torchsharp-ps/job.yaml}"
[ -f "$job_file" ] || { echo "no job file $job_file" >&2; exit 2; }
export PLATFORM_URL="${PLATFORM_URL:-http://127.0.0.1:5080}"
data="${PLATFORM_DATA:-$PWD/.data}"

scripts/prereqs.sh
scripts/images.sh
dotnet build src/Platform.Gateway -nologo -clp:ErrorsOnly -v:q

token_file="$data/admin-token"
api() { curl -fsS -H "Authorization: Bearer ${PLATFORM_TOKEN:-$(cat "$token_file" 2>/dev/null)}" "$@"; }
up() { [ -n "${PLATFORM_TOKEN:-}" ] || [ -s "$token_file" ] && api "$PLATFORM_URL/api/nodes" 2>/dev/null | grep -q '"id"'; }

if ! curl -fs "$PLATFORM_URL/openapi/v1.json" >/dev/null; then
  mkdir -p -m 700 "$data"   # the admin token and the CA's keys live here
  # Machines without GPUs (like CI) advertise four fake ones so the sample's workers can be placed.
  command -v nvidia-smi >/dev/null || export Platform__Worker__FakeGpuCount="${Platform__Worker__FakeGpuCount:-4}"
  Urls="$PLATFORM_URL" Platform__DataDir="$data" setsid dotnet src/Platform.Gateway/bin/Debug/net10.0/Platform.Gateway.dll \
    >"$data/platform.log" 2>&1 </dev/null &
  echo $! >"$data/platform.pid"
  echo "platform starting (pid $!, log $data/platform.log)"
fi
for _ in $(seq 60); do up && break; sleep 1; done
up || { echo "the platform at $PLATFORM_URL did not start or does not take the token (PLATFORM_TOKEN or $token_file); see $data/platform.log" >&2; exit 1; }
token="${PLATFORM_TOKEN:-$(cat "$token_file")}"

# The CLI reads ~/.config/platform/token unless PLATFORM_TOKEN or --token says otherwise.
cli_token="${XDG_CONFIG_HOME:-$HOME/.config}/platform/token"
if ! { [ -s "$cli_token" ] && curl -fs -H "Authorization: Bearer $(head -n 1 "$cli_token")" "$PLATFORM_URL/api/me" >/dev/null; }; then
  mkdir -p "$(dirname "$cli_token")"
  (umask 077; printf '%s\n' "$token" >"$cli_token")
  echo "the CLI signs in with the admin token now ($cli_token)"
fi

job="$(curl -sS -H "Authorization: Bearer $token" -H 'Content-Type: application/yaml' --data-binary @"$job_file" "$PLATFORM_URL/api/jobs")"
id="$(python3 -c 'import json,sys; print(json.load(sys.stdin).get("id", ""))' <<<"$job")"
[ -n "$id" ] || { echo "the platform refused $job_file: $job" >&2; exit 1; }
echo "submitted $job_file as job $id; its logs follow"; echo

logs_after() {  # prints the job's log lines after seq $1, then the next seq on its own last line
  api "$PLATFORM_URL/api/jobs/$id/logs?after=$1&limit=10000" | python3 -c '
import json, sys
page = json.load(sys.stdin)
for line in page["lines"]:
    print("%-9s | %s" % (line["task"], line["text"]))
print(page["next"])'
}
after=0
state=""
while :; do
  state="$(api "$PLATFORM_URL/api/jobs/$id" | python3 -c 'import json,sys; j=json.load(sys.stdin); print(j["state"], "-", j["reason"] or "")')"
  page="$(logs_after "$after")"
  sed '$d' <<<"$page"
  after="$(tail -n 1 <<<"$page")"
  case "$state" in Succeeded*|Failed*|Cancelled*) break ;; esac
  sleep 2
done
sleep 2  # the parameter servers' last lines arrive as they are stopped
page="$(logs_after "$after")"
sed '$d' <<<"$page"

echo; echo "== tasks"
api "$PLATFORM_URL/api/jobs/$id" | python3 -c '
import json, sys
for t in json.load(sys.stdin)["tasks"]:
    gpus = ",".join(t["gpus"]) or "-"
    print("%-10s %-10s node=%s port=%s gpus=%s exit=%s" % (t["name"], t["state"], t["node"], t["port"], gpus, t["exitCode"]))'
accuracy="$(api "$PLATFORM_URL/api/jobs/$id/logs?limit=10000" | python3 -c '
import json, sys
print("\n".join(l["text"] for l in json.load(sys.stdin)["lines"] if l["text"].startswith("test accuracy: ")))')"
echo; echo "job $id: $state"
[ -z "$accuracy" ] || echo "$accuracy"
echo "platform: $PLATFORM_URL/ (web UI), REST under /api, API reference at /scalar/v1"
echo "sign in to the web UI (admin): $PLATFORM_URL/#/signin/$token"
[ -s "$data/platform.pid" ] && echo "stop it with: kill $(cat "$data/platform.pid")"
[[ "$state" == Succeeded* ]]
