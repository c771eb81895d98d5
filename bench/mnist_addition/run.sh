#!/usr/bin/env bash
# MNIST-addition (DeepStochLog / A-NeSI protocol) with Gyrus's batched exact carry circuit.
# Usage: bench/mnist_addition/run.sh [SEEDS] [DATA]   (default 3 seeds, $GYRUS_DATA or ../shared/data)
# Setting: NET (a model spec file, or "lenet" for DeepProbLog's network; default
# examples/nesy/digit-cnn16.yaml), SCHEDULE (cosine|constant, default cosine), SHIFT (augmentation:
# random translation by up to SHIFT pixels, default 2). NET=lenet SCHEDULE=constant SHIFT=0 is the
# DeepStochLog setting.
# Writes bench/results/$NAME.{json,md} (NAME=mnist_addition); raw lines in bench/results/$NAME.jsonl.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
seeds="${1:-3}"
data="${2:-${GYRUS_DATA:-$root/../shared/data}}"
name="${NAME:-mnist_addition}"   # output base name; E1/E2/E4/E15 override the epochs
raw="$root/bench/results/$name.jsonl"
mkdir -p "$root/bench/results"
# KEEP=1 appends to the raw file (resuming); PLAN="N:seed ..." runs only those entries.
[ "${KEEP:-0}" = 1 ] || : > "$raw"
# one engine thread: the machine has 2 cores shared with other jobs
export GYRUS_JAVA_OPTS="${GYRUS_JAVA_OPTS:--Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1}"
export OMP_NUM_THREADS=1
# Run from a snapshot of the built jars, so that rebuilding the tree meanwhile cannot disturb the runs.
"$root/gyrus" --version > /dev/null
snap="$(mktemp -d)"
cp "$root/gyrus-app/target/gyrus-app-0.1.0-SNAPSHOT.jar" "$snap/" && cp -r "$root/gyrus-app/target/lib" "$snap/lib"
trap 'rm -rf "$snap"' EXIT
gyrus() {
  DJL_CACHE_DIR="${DJL_CACHE_DIR:-$HOME/.djl.ai}" java $GYRUS_JAVA_OPTS -Dai.djl.offline=true \
    -cp "$snap/gyrus-app-0.1.0-SNAPSHOT.jar:$snap/lib/*" org.gyrus.app.Main "$@"
}
net="${NET:-examples/nesy/digit-cnn16.yaml}"
setting=(--schedule "${SCHEDULE:-cosine}" --shift "${SHIFT:-2}")
[ "$net" = lenet ] || setting+=(--net "$root/$net")
run() { # digits epochs batch seed [extra]
  local n=$1 e=$2 b=$3 s=$4; shift 4
  echo "== N=$n seed=$s epochs=$e batch=$b ${setting[*]} $*" >&2
  gyrus nesy mnist-add --digits "$n" --epochs "$e" --batch "$b" --seed "$s" \
    --data "$data" --json "$raw" "${setting[@]}" "$@" | tail -n 2 >&2
}
plan="${PLAN:-}"
if [ -z "$plan" ]; then
  for s in $(seq 0 $((seeds - 1))); do plan="$plan 1:$s 2:$s 4:$s"; done
  for s in $(seq 0 $((seeds - 1))); do plan="$plan 15:$s"; done
fi
for entry in $plan; do
  n="${entry%%:*}"; s="${entry##*:}"
  case "$n" in
    1) run 1 "${E1:-10}" 32 "$s" --pinesy ;;
    2) run 2 "${E2:-10}" 32 "$s" ;;
    4) run 4 "${E4:-15}" 16 "$s" ;;
    15) run 15 "${E15:-40}" 16 "$s" --max-seconds "${N15_MAX_SECONDS:-1800}" ;;
    *) run "$n" 5 16 "$s" ;;
  esac
done
/usr/bin/python3 "$root/bench/mnist_addition/report.py" "$raw" "$root/bench/results" "$name"
