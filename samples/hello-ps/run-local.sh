#!/usr/bin/env bash
# Runs the hello-ps job as host processes: 2 ps, 3 workers, 1 chief on 127.0.0.1, with the
# TF_CONFIG and PLATFORM_* variables the platform would inject. Exits 0 when every worker and the
# chief exit 0. BASE_PORT (default 47001) picks the ports; PYTHON (default python3) the interpreter.
set -euo pipefail
cd "$(dirname "$0")"
python="${PYTHON:-python3}"
base="${BASE_PORT:-47001}"
logs="$(mktemp -d /tmp/hello-ps.XXXXXX)"
ps_pids=()
trap 'kill "${ps_pids[@]}" 2>/dev/null || true' EXIT

declare -A ports=(
  [ps-0]=$base [ps-1]=$((base + 1))
  [worker-0]=$((base + 2)) [worker-1]=$((base + 3)) [worker-2]=$((base + 4))
  [chief-0]=$((base + 5)))
addr() { echo "\"127.0.0.1:${ports[$1]}\""; }
cluster="{\"chief\":[$(addr chief-0)],\"ps\":[$(addr ps-0),$(addr ps-1)],\
\"worker\":[$(addr worker-0),$(addr worker-1),$(addr worker-2)]}"

start() {  # start TYPE INDEX: runs one task in the background, its output in $logs/TYPE-INDEX.log
  local type=$1 index=$2 name="$1-$2"
  env TF_CONFIG="{\"cluster\":$cluster,\"task\":{\"type\":\"$type\",\"index\":$index},\"environment\":\"cloud\"}" \
    PLATFORM_JOB_ID=local PLATFORM_JOB_NAME=hello-ps PLATFORM_TASK_TYPE="$type" \
    PLATFORM_TASK_INDEX="$index" PLATFORM_TASK_NAME="$name" PLATFORM_TASK_PORT="${ports[$name]}" \
    NVIDIA_VISIBLE_DEVICES=void PYTHONUNBUFFERED=1 \
    "$python" -u hello_ps.py >"$logs/$name.log" 2>&1 &
}

# Workers and the chief start first: they must wait for the ps to come up.
pids=()
for i in 0 1 2; do start worker "$i"; pids+=($!); done
start chief 0; pids+=($!)
sleep 1
for i in 0 1; do start ps "$i"; ps_pids+=($!); done

failed=0
for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
for pid in "${ps_pids[@]}"; do kill -TERM "$pid"; wait "$pid" || failed=1; done
for f in "$logs"/*.log; do sed "s/^/[$(basename "$f" .log)] /" "$f"; done
if [ "$failed" = 0 ]; then echo "hello-ps: every task exited 0 (logs in $logs)"; else
  echo "hello-ps: a task failed (logs in $logs)" >&2; exit 1; fi
