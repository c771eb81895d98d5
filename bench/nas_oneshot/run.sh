#!/usr/bin/env bash
# One-shot NAS on NAS-Bench-201 (issue 13 §1, §2a), judged by the NB201 CIFAR-10 table.
# 1. Differentiable searches (first-order DARTS, sharpDARTS, each with and without DARTS-'s
#    auxiliary-skip guard) over a mixed-op supernet on real CIFAR-10 (the 10k JPEG subset split in
#    two halves, IMAGES of each, shrunk to SIZE² pixels, C channels, N cells per stage, EPOCHS
#    epochs), one JSON line per method × seed in bench/work/nas_oneshot/runs.jsonl; a pair already
#    there is skipped (resumable). Each search is a stored study (SQLite, bench/work/nas_oneshot/
#    studies.db): the derived cell + SAMPLES cells from softmax(α), supernet estimate as value,
#    table accuracy as attribute.
#    ENAS with weight sharing (`enas`: LSTM controller over single paths, memory buffer re-ranked at
#    the end) and RSPS (`rsps`: the same supernet with uniform paths) run through the same runner;
#    UNIFORM > 0 also scores that many uniformly drawn cells for a sampler-independent ρ.
#    multitask1 / multitask3: the multi-task search with 1 task (c10) and 3 (c10, vehicle_animal,
#    pairs), same data budget; later tasks' cells trained EVAL_EPOCHS (default 5) from scratch.
# 2. REINFORCE (LSTM controller, `gyrus bench nb201 --algorithm reinforce`) against random search
#    on the table, 100 queries, RL_REPEATS repeats.
# 3. report.py → bench/results/nas_oneshot.{json,md} (with the all-nor_conv_3x3 cell and the
#    expected best of N random cells, N from CPU time: see the report).
#   bench/nas_oneshot/run.sh [SEEDS="0 1 2"] [METHODS="darts sharpdarts-guard ..."] [EPOCHS=10]
#       [IMAGES=5000] [SIZE=16] [C=8] [N=1] [SAMPLES=30] [RL_REPEATS=50] [UNIFORM=0]
#   e.g. ENAS and RSPS, 3 seeds: bench/nas_oneshot/run.sh "0 1 2" "enas rsps" 10 5000 16 8 1 30 0 50
# IMAGES=5000 is the whole 10k subset (20% of CIFAR-10 train); use 2500 for the second data fraction.
# RL seeds start at 5000 (the defaults of `reinforce` were chosen on seeds 1000-1019).
# Keep it nice and to one run at a time on a shared box.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
seeds="${1:-0 1 2}"; methods="${2:-darts darts-guard sharpdarts sharpdarts-guard}"
epochs="${3:-10}"; images="${4:-5000}"; size="${5:-16}"; channels="${6:-8}"; n="${7:-1}"
samples="${8:-30}"; rl_repeats="${9:-50}"; uniform="${10:-0}"
data="${GYRUS_DATA:-/work/shared/data}"
work="$root/bench/work/nas_oneshot"; mkdir -p "$work" "$root/bench/results"
# The rows of earlier runs live in the committed results: start from them when the work dir is new.
if [ ! -s "$work/runs.jsonl" ] && [ -s "$root/bench/results/nas_oneshot.json" ]; then
  /usr/bin/python3 - "$root/bench/results/nas_oneshot.json" "$work" <<'PY'
import json, sys
res = json.load(open(sys.argv[1])); work = sys.argv[2]
derived = ("image_passes", "random_n", "random_best_of_n", "beats_random")
with open(work + "/runs.jsonl", "w") as f:
    for r in res.get("runs", []):
        f.write(json.dumps({k: v for k, v in r.items() if k not in derived}, separators=(",", ":")) + "\n")
for algo, d in res.get("reinforce_on_table", {}).items():
    json.dump(d, open(f"{work}/rl_{algo}.json", "w"), separators=(",", ":"))
PY
fi
if [ ! -f "$work/cp.txt" ] || [ -z "${SKIP_BUILD:-}" ]; then
  (cd "$root" && ./mvnw -o -q -B -pl gyrus-nas -am package -DskipTests -Dspotless.skip=true \
    && ./mvnw -o -q -B -pl gyrus-nas dependency:build-classpath -Dmdep.outputFile="$work/cp.txt") >&2
fi
cp="$(sed -E "s#[^:]*/org/gyrus/(gyrus-[a-z]+)/[^:]*\.jar#$root/\1/target/classes#g" "$work/cp.txt"):$root/gyrus-nas/target/classes"
java=(env OMP_NUM_THREADS=1 nice -n 10 java -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1
  -Dai.djl.pytorch.num_interop_threads=1 -cp "$cp")
# Bench labels for method specs (any other label is a method name of `gyrus types`).
spec_of() {
  case "$1" in
    multitask1) echo "{_type: multitask, tasks: c10, eval_epochs: ${EVAL_EPOCHS:-5}}" ;;
    multitask3) echo "{_type: multitask, tasks: 'c10,vehicle_animal,pairs', eval_epochs: ${EVAL_EPOCHS:-5}}" ;;
    *-e[0-9]*) spec_of "${1%-e*}" ;;  # NAME-eEPOCHS: NAME run with another EPOCHS, its own row
    *) echo "$1" ;;
  esac
}
for seed in $seeds; do
  for m in $methods; do
    "${java[@]}" org.gyrus.nas.oneshot.OneShotMain method="$(spec_of "$m")" label="$m" seed="$seed" epochs="$epochs" \
      images="$images" size="$size" channels="$channels" n="$n" samples="$samples" uniform="$uniform" data="$data" \
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
