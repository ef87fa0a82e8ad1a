#!/usr/bin/env bash
# TorchSharp training with parameter servers against one process, in the same run:
#   bench/training.sh [EPOCHS]
# Runs the torchsharp-ps sample job (1 ps + 2 workers, synchronous) on a platform of its own
# (temporary data, its own ports), then the same net, data order, epochs and effective batch with
# --single-process in one container, and prints test accuracy, wall time and training samples/s of
# both, and the ratios PS/baseline.
set -euo pipefail
cd "$(dirname "$0")/.."
epochs="${1:-3}"
image=platform/torchsharp:0.107-cpu
scripts/prereqs.sh >/dev/null
scripts/images.sh >/dev/null 2>&1 || scripts/images.sh
dotnet build src/Platform.Gateway -c Release -nologo -clp:ErrorsOnly -v:q >/dev/null

data="$(mktemp -d)"
port=5182
url="http://127.0.0.1:$port"
Urls="$url" Platform__DataDir="$data" Platform__SiloPort=11312 Platform__GatewayPort=30312 \
  Platform__Worker__NodeId=bench-training Platform__Worker__FakeGpuCount=0 \
  Platform__Worker__PortStart=44100 Platform__Worker__PortEnd=44199 \
  dotnet src/Platform.Gateway/bin/Release/net10.0/Platform.Gateway.dll >"$data/platform.log" 2>&1 &
platform=$!
trap 'kill $platform 2>/dev/null; docker ps -aq --filter label=platform.node=bench-training | xargs -r docker rm -f >/dev/null; rm -rf "$data"' EXIT
up() { [ -s "$data/admin-token" ] && curl -fs -H "Authorization: Bearer $(cat "$data/admin-token")" "$url/api/nodes" | grep -q '"id"'; }
for _ in $(seq 60); do up && break; sleep 1; done
auth="Authorization: Bearer $(cat "$data/admin-token")"

# Each run's figures as JSON: {"accuracy", "wall_s", "samples_per_sec"} (the mean of the
# @metric rates, which leave evaluation out), from its log on stdin.
summarize() {
  python3 -c '
import json, sys
wall = float(sys.argv[1]); accuracy = None; rates = []
for line in sys.stdin:
    line = line.strip()
    if line.startswith("test accuracy: "): accuracy = float(line.split(": ")[1])
    if line.startswith("@metric ") and "samples_per_sec" in line: rates.append(json.loads(line[8:])["samples_per_sec"])
print(json.dumps({"accuracy": accuracy, "wall_s": wall, "samples_per_sec": sum(rates) / len(rates) if rates else None}))' "$1"
}

job="$(sed -E "s/^(command: \[.*)\]$/\1, \"--epochs\", \"$epochs\"]/" samples/training/torchsharp-ps/job.yaml)"
start=$(date +%s.%N)
id="$(curl -fsS -H "$auth" -X POST -H 'Content-Type: application/yaml' --data-binary "$job" "$url/api/jobs" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')"
state=""
until [[ "$state" =~ ^(Succeeded|Failed|Cancelled)$ ]]; do
  sleep 2
  # A busy machine may answer slowly: a failed poll is simply retried.
  state="$(curl -fs -H "$auth" --max-time 30 "$url/api/jobs/$id" | python3 -c 'import json,sys; print(json.load(sys.stdin)["state"])' 2>/dev/null || true)"
done
ps_wall="$(python3 -c "import time; print(round(time.time() - $start, 1))")"
[ "$state" = Succeeded ] || { echo "the parameter-server job ended $state; see $url/api/jobs/$id" >&2; exit 1; }
ps="$(curl -fs -H "$auth" "$url/api/jobs/$id/logs?task=worker-0&limit=10000" \
  | python3 -c 'import json,sys; [print(l["text"]) for l in json.load(sys.stdin)["lines"]]' | summarize "$ps_wall")"
echo "parameter servers: $ps"

start=$(date +%s.%N)
log="$(docker run --rm --network host --cpus 2 "$image" /app/Platform.Samples.TorchSharpPs --single-process --epochs "$epochs")"
single_wall="$(python3 -c "import time; print(round(time.time() - $start, 1))")"
single="$(summarize "$single_wall" <<<"$log")"
echo "single process: $single"

python3 - "$ps" "$single" "$epochs" <<'EOF'
import json, sys
ps, single, epochs = json.loads(sys.argv[1]), json.loads(sys.argv[2]), sys.argv[3]
print("Fashion-MNIST, %s epochs, batch 2 x 64 per step; test accuracy on the 10,000 test images" % epochs)
print("%-38s%10s%10s%12s" % ("", "accuracy", "wall s", "samples/s"))
for name, run in (("parameter servers (1 ps + 2 workers)", ps), ("single process (baseline)", single)):
    print("%-38s%10.4f%10.1f%12.0f" % (name, run["accuracy"], run["wall_s"], run["samples_per_sec"]))
print("%-38s%10.3f%10.2f%12.2f" % ("ratio PS/baseline", ps["accuracy"] / single["accuracy"],
                                  ps["wall_s"] / single["wall_s"], ps["samples_per_sec"] / single["samples_per_sec"]))
print("accuracy difference PS - baseline: %+.2f points" % (100 * (ps["accuracy"] - single["accuracy"])))
EOF
