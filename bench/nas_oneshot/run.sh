#!/usr/bin/env bash
# One-shot NAS on NAS-Bench-201 (issue 13 §1, §2a), judged by the NB201 CIFAR-10 table.
# 1. Differentiable searches (first-order DARTS, sharpDARTS, each with and without DARTS-'s
#    auxiliary-skip guard) over a mixed-op supernet on real CIFAR-10 (the 10k JPEG subset split in
#    two halves, IMAGES of each, shrunk to SIZE² pixels, C channels, N cells per stage, EPOCHS
#    epochs), one JSON line per method × seed in bench/work/nas_oneshot/runs.jsonl; a pair already
#    there is skipped (resumable). Each search is a stored study (SQLite, bench/work/nas_oneshot/
#    studies.db): the derived cell + SAMPLES cells from softmax(α), supernet estimate as value,
#    table accuracy as attribute.
# 2. REINFORCE (LSTM controller, `gyrus bench nb201 --algorithm reinforce`) against random search
#    on the table, 100 queries, RL_REPEATS repeats.
# 3. report.py → bench/results/nas_oneshot.{json,md} (with the all-nor_conv_3x3 cell and the
#    expected best of N random cells, N from CPU time: see the report).
#   bench/nas_oneshot/run.sh [SEEDS="0 1 2"] [METHODS="darts sharpdarts-guard ..."] [EPOCHS=10]
#       [IMAGES=5000] [SIZE=16] [C=8] [N=1] [SAMPLES=30] [RL_REPEATS=50]
# IMAGES=5000 is the whole 10k subset (20% of CIFAR-10 train); use 2500 for the second data fraction.
# RL seeds start at 5000 (the defaults of `reinforce` were chosen on seeds 1000-1019).
# Keep it nice and to one run at a time on a shared box.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
seeds="${1:-0 1 2}"; methods="${2:-darts darts-guard sharpdarts sharpdarts-guard}"
epochs="${3:-10}"; images="${4:-5000}"; size="${5:-16}"; channels="${6:-8}"; n="${7:-1}"
samples="${8:-30}"; rl_repeats="${9:-50}"
data="${GYRUS_DATA:-/work/shared/data}"
work="$root/bench/work/nas_oneshot"; mkdir -p "$work" "$root/bench/results"
if [ ! -f "$work/cp.txt" ] || [ -z "${SKIP_BUILD:-}" ]; then
  (cd "$root" && ./mvnw -o -q -B -pl gyrus-nas -am package -DskipTests -Dspotless.skip=true \
    && ./mvnw -o -q -B -pl gyrus-nas dependency:build-classpath -Dmdep.outputFile="$work/cp.txt") >&2
fi
cp="$(sed -E "s#[^:]*/org/gyrus/(gyrus-[a-z]+)/[^:]*\.jar#$root/\1/target/classes#g" "$work/cp.txt"):$root/gyrus-nas/target/classes"
java=(env OMP_NUM_THREADS=1 nice -n 10 java -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1
  -Dai.djl.pytorch.num_interop_threads=1 -cp "$cp")
for seed in $seeds; do
  for m in $methods; do
    "${java[@]}" org.gyrus.nas.oneshot.OneShotMain method="$m" seed="$seed" epochs="$epochs" \
      images="$images" size="$size" channels="$channels" n="$n" samples="$samples" data="$data" \
      out="$work/runs.jsonl" store="sqlite:$work/studies.db" checkpoints="$work/supernets"
  done
done
if [ "$rl_repeats" -gt 0 ]; then
  for algo in reinforce random; do
    f="$work/rl_$algo.json"
    [ -s "$f" ] && grep -q "\"repeats\":$rl_repeats," "$f" && continue
    "${java[@]}" org.gyrus.nas.oneshot.TableSearch "$algo" 100 "$rl_repeats" "$data" 5000 > "$f"
  done
fi
/usr/bin/python3 "$here/report.py" "$work" "$data/nas-bench-201/nb201-cifar10.csv" \
  "$root/bench/results/nas_oneshot.json" "$root/bench/results/nas_oneshot.md"
cat "$root/bench/results/nas_oneshot.md"
