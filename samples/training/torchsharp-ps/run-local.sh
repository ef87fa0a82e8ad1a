#!/usr/bin/env bash
# Runs the torchsharp-ps job without the platform: ps-0, worker-0 (the chief) and worker-1 as
# containers of the sample image on host networking, each with the environment the platform would
# inject and the CPU limits of job.yaml, sharing a fresh checkpoints directory. Arguments go to
# every task (e.g. --max-steps 200). Prints each task's log; exits 0 when every task exits 0.
#   IMAGE (default platform/torchsharp:0.107-cpu), BASE_PORT (default 47101),
#   CHECKPOINTS (default: a new temporary directory; reuse one to resume).
set -euo pipefail
image="${IMAGE:-platform/torchsharp:0.107-cpu}"
base="${BASE_PORT:-47101}"
checkpoints="${CHECKPOINTS:-$(mktemp -d /tmp/torchsharp-ps.XXXXXX)}"
run="torchsharp-ps-local-$$"
# The job's secret, as the platform makes one per job: the ps serves only calls that carry it.
secret="$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')"
trap 'docker ps -aq --filter "label=$run" | xargs -r docker rm -f >/dev/null' EXIT

cluster="{\"ps\":[\"127.0.0.1:$base\"],\"worker\":[\"127.0.0.1:$((base + 1))\",\"127.0.0.1:$((base + 2))\"]}"
start() {  # start TYPE INDEX PORT CPUS [RANK]: one task as a detached container
  local type=$1 index=$2 port=$3 cpus=$4 rank=${5:-}
  docker run -d --network host --label "$run" --name "$run-$type-$index" --cpus "$cpus" \
    -v "$checkpoints:/checkpoints" \
    -e TF_CONFIG="{\"cluster\":$cluster,\"task\":{\"type\":\"$type\",\"index\":$index},\"environment\":\"cloud\"}" \
    -e PLATFORM_JOB_ID="$run" -e PLATFORM_JOB_SECRET="$secret" -e PLATFORM_JOB_NAME=torchsharp-ps -e PLATFORM_TASK_TYPE="$type" \
    -e PLATFORM_TASK_INDEX="$index" -e PLATFORM_TASK_NAME="$type-$index" -e PLATFORM_TASK_PORT="$port" \
    -e MASTER_ADDR=127.0.0.1 -e MASTER_PORT=$((base + 1)) ${rank:+-e RANK=$rank -e WORLD_SIZE=2} \
    -e NVIDIA_VISIBLE_DEVICES=void -e PYTHONUNBUFFERED=1 \
    "$image" /app/Platform.Samples.TorchSharpPs "${@:6}" >/dev/null
}

start ps 0 "$base" 0.2 "" "$@"
start worker 0 $((base + 1)) 0.9 0 "$@"
start worker 1 $((base + 2)) 0.9 1 "$@"
status=0
for task in worker-0 worker-1 ps-0; do
  # The chief stops the ps when training ends; one left over after a failure is stopped.
  [ "$task" != ps-0 ] || timeout 60 docker wait "$run-$task" >/dev/null || docker stop "$run-$task" >/dev/null
  code="$(docker wait "$run-$task")"
  [ "$code" = 0 ] || status=1
  docker logs "$run-$task" 2>&1 | sed "s/^/[$task] /"
  echo "[$task] exited $code"
done
echo "checkpoints in $checkpoints"
exit "$status"
