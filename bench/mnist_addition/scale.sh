#!/usr/bin/env bash
# MNIST-addition at N = 100 and N = 500 (issue 23 section 3), same protocol as run.sh: disjoint groups
# of 2N images, sum-only labels, no digit supervision or pre-training; the exact carry circuit (log-space,
# balanced tree over positions). Each finished run is appended at once to the raw file (with its
# command, wall and CPU seconds and the load average), so a stopped run keeps what it did; the report
# (report_scale.py) adds the N = 1..15 rows of the same setting from mnist_addition.jsonl and draws the
# scaling plot.
# Usage: bench/mnist_addition/scale.sh [SEEDS] [DATA]   (default 5 seeds at N = 100, 3 at N = 500)
# Setting: NET (model spec, default examples/nesy/digit-cnn16.yaml), E100/E500 (epochs, each over all
# 60,000 training images), B100/B500 (sums per batch), LR, SCHEDULE, SHIFT, EMA (decay of the evaluated
# moving average of the weights, 0 = off); PLAN="N:seed ..." runs only
# those entries; KEEP=0 empties the raw file first (default: append, i.e. resume).
# Needs the built app (no build here):
#   ./mvnw -o -q -B -pl gyrus-app -am package -DskipTests
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
seeds="${1:-5}"
data="${2:-${GYRUS_DATA:-$root/../shared/data}}"
name="${NAME:-mnist_addition_scale}"
raw="$root/bench/results/$name.jsonl"
mkdir -p "$root/bench/results"
[ "${KEEP:-1}" = 1 ] || : > "$raw"
jar="$root/gyrus-app/target/gyrus-app-0.1.0-SNAPSHOT.jar"
[ -f "$jar" ] || { echo "error: $jar missing; build it: ./mvnw -o -q -B -pl gyrus-app -am package -DskipTests" >&2; exit 2; }
# one engine thread: the machine has 2 cores shared with other jobs
export OMP_NUM_THREADS=1
opts=(-Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1 -Dai.djl.offline=true)
# Run from a snapshot of the built jars, so that rebuilding the tree meanwhile cannot disturb the runs.
snap="$(mktemp -d)"
cp "$jar" "$snap/" && cp -r "$root/gyrus-app/target/lib" "$snap/lib"
trap 'rm -rf "$snap"' EXIT
net="${NET:-examples/nesy/digit-cnn16.yaml}"
plan="${PLAN:-}"
if [ -z "$plan" ]; then
  for s in $(seq 0 $((seeds - 1))); do plan="$plan 100:$s"; done
  for s in $(seq 0 $((seeds > 3 ? 2 : seeds - 1))); do plan="$plan 500:$s"; done
fi
for entry in $plan; do
  n="${entry%%:*}"; s="${entry##*:}"
  case "$n" in
    100) e="${E100:-15}"; b="${B100:-2}" ;;
    500) e="${E500:-15}"; b="${B500:-1}" ;;
    *) e="${EPOCHS:-10}"; b="${BATCH:-2}" ;;
  esac
  args=(nesy mnist-add --digits "$n" --epochs "$e" --batch "$b" --seed "$s" --lr "${LR:-1e-3}"
    --schedule "${SCHEDULE:-cosine}" --shift "${SHIFT:-2}" --data "$data")
  [ "$net" = lenet ] || args+=(--net "$root/$net")
  [ "${EMA:-0}" = 0 ] || args+=(--ema "$EMA")
  cmd="./gyrus ${args[*]}"
  cmd="${cmd//$root\//}"
  echo "== $cmd" >&2
  one="$(mktemp)"
  nice -n "${NICE:-10}" java "${opts[@]}" -cp "$snap/$(basename "$jar"):$snap/lib/*" org.gyrus.app.Main \
    "${args[@]}" --json "$one" >&2
  /usr/bin/python3 - "$one" "$raw" "$cmd" <<'PY'
import json, sys
row = json.loads(open(sys.argv[1]).read())
row["command"] = sys.argv[3]
row["load_average"] = open("/proc/loadavg").read().split()[:3]
open(sys.argv[2], "a").write(json.dumps(row) + "\n")
PY
  rm -f "$one"
done
/usr/bin/python3 "$root/bench/mnist_addition/report_scale.py" "$raw" "$root/bench/results" "$name" "$snap"
