#!/usr/bin/env bash
# Π-NeSy's own learning protocol (Baaj & Marquis 2025, the authors' code) beside our earlier
# 100×19-relation arm, on the same digit probabilities: LeNet trained on digit labels (50,000 MNIST
# training images, 10,000 held out), MNIST-addition N=1 (25,000 / 5,000 / 5,000 pairs), rule
# parameters learned by Baaj's Chebyshev approximations with thresholds searched on validation;
# 4x4 MNIST-Sudoku validity, SPLITS splits of 100+100 / 50+50 / 50+50 puzzles.
# Usage: bench/mnist_addition/pinesy_learning.sh [SEEDS] [DATA]
# Env: EPOCHS (digit net, default 5), TRANSFORMS ("1 2": antipignistic, minimum specificity),
# SPLITS (default 10), DIGITS (multi-digit addition sizes, run with transform 1 only; default
# "2 4 15 100"), CACHE (digit probabilities, default /tmp/gyrus-pinesy-cache),
# CP (classpath; default the built gyrus-app jar and its lib/), NAME (default mnist_addition_pinesy_learning).
# Writes bench/results/$NAME.{jsonl,json,md}.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
seeds="${1:-1}"
data="${2:-${GYRUS_DATA:-$root/../shared/data}}"
name="${NAME:-mnist_addition_pinesy_learning}"
raw="$root/bench/results/$name.jsonl"
[ "${KEEP:-0}" = 1 ] || : > "$raw"
cp="${CP:-$root/gyrus-app/target/gyrus-app-0.1.0-SNAPSHOT.jar:$root/gyrus-app/target/lib/*}"
export OMP_NUM_THREADS=1 GYRUS_THREADS=1
for s in $(seq 0 $((seeds - 1))); do
  for t in ${TRANSFORMS:-1 2}; do
    echo "== seed=$s transform=$t" >&2
    DJL_CACHE_DIR="${DJL_CACHE_DIR:-$HOME/.djl.ai}" nice -n "${NICE:-10}" java -Dai.djl.offline=true \
      -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1 -cp "$cp" \
      org.gyrus.nesy.pinesy.PiNesyLearningBench "$data" "${CACHE:-/tmp/gyrus-pinesy-cache}" \
      "$s" "${EPOCHS:-5}" "$t" "${SPLITS:-10}" "$([ "$t" = 1 ] && echo "${DIGITS-2 4 15 100}")" >> "$raw"
  done
done
python3 "$root/bench/mnist_addition/report_pinesy.py" "$raw" "$root/bench/results/$name" \
  "bench/mnist_addition/pinesy_learning.sh $seeds  (EPOCHS=${EPOCHS:-5} TRANSFORMS='${TRANSFORMS:-1 2}' SPLITS=${SPLITS:-10} DIGITS='${DIGITS-2 4 15 100}')"
