#!/usr/bin/env bash
# PyTorch 1.13 against 2.6 on the same DDP trainer (samples/training/pytorch-ddp/train.py):
#   bench/frameworks.sh [EPOCHS] [WORLD_SIZE]
# Runs WORLD_SIZE ranks of each image as containers on this machine (host networking, one CPU and
# one torch thread per rank, the env:// variables the platform would inject), one version after
# the other, and prints each version's training samples/s (all ranks together) and the ratio
# 1.13 / 2.6. The images come from scripts/images.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
epochs="${1:-1}"
world="${2:-2}"
scripts/prereqs.sh >/dev/null
scripts/images.sh >/dev/null

run() {  # IMAGE PORT: prints the summed samples/s of the ranks
  local image="$1" port="$2" dir rank total=0
  dir="$(mktemp -d)"
  for rank in $(seq 0 $((world - 1))); do
    docker run --rm --network host --cpus 1 --label platform.bench=frameworks \
      -e MASTER_ADDR=127.0.0.1 -e MASTER_PORT="$port" -e WORLD_SIZE="$world" -e RANK="$rank" \
      "$image" python3 -u /app/train.py --epochs "$epochs" >"$dir/rank-$rank.log" 2>&1 &
  done
  wait
  for rank in $(seq 0 $((world - 1))); do
    grep -q '^parameters identical across ranks: True$' "$dir/rank-$rank.log" \
      || { echo "$image rank $rank failed:" >&2; cat "$dir/rank-$rank.log" >&2; exit 1; }
    total="$(awk -v t="$total" '/^trained .* samples\/s$/ { t += $(NF-1) } END { print t }' "$dir/rank-$rank.log")"
  done
  echo "$image: $(grep -h '^torch ' "$dir/rank-0.log"), $(grep -h '^test accuracy' "$dir/rank-0.log"), $total samples/s" >&2
  rm -rf "$dir"
  echo "$total"
}

current="$(run platform/pytorch:2.6-cpu 29811)"
legacy="$(run platform/pytorch:1.13-cpu 29812)"
awk -v c="$current" -v l="$legacy" -v e="$epochs" -v w="$world" \
  'BEGIN { printf "%d epoch(s), %d ranks: 2.6 %.0f samples/s, 1.13 %.0f samples/s, ratio 1.13/2.6 = %.2f\n", e, w, c, l, l / c }'
