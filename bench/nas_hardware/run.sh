#!/usr/bin/env bash
# Network x accelerator co-search (S6, NASAIC): Gyrus nsga2 and random against Optuna's
# NSGAIISampler (and RandomSampler) on the same deterministic objectives, read by both from ONE
# file written first (per NB201 cell: table accuracy, convolution counts, MACs, weights; per
# accelerator: area and the closed-form latency/energy terms of the analytic model). Hard specs:
# latency <= L ms, energy <= E uJ, area <= A mm2. One 1,000-evaluation run per (system, seed);
# hypervolume of the feasible designs at 100 / 300 / 1,000 evaluations, computed for every trace by
# the same Java function; ask+tell time per trial; measured CPU latency of three NB201 networks.
# Writes bench/results/nas_hardware.json and bench/results/nas_hardware.md.
#   bench/nas_hardware/run.sh [SEEDS=10] [FIRST_SEED=0] [L=0.4] [E=50] [A=3.5]
# Needs Debian's python3-optuna (apt-get install -y python3-optuna). ~5 min on 2 busy cores.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
seeds="${1:-10}"
first="${2:-0}"
spec_l="${3:-0.4}"
spec_e="${4:-50}"
spec_a="${5:-3.5}"
trials=1000
budgets="100,300,1000"
/usr/bin/python3 -c "import optuna" 2>/dev/null || { echo "needs Debian's python3-optuna: apt-get install -y python3-optuna"; exit 2; }
work="$root/bench/work/nas_hardware"; mkdir -p "$work" "$root/bench/results"
# Build gyrus-nas and what it needs in this tree (no install into ~/.m2), then run its classes.
(cd "$root" && ./mvnw -o -q -B -pl gyrus-nas -am package -DskipTests -Dspotless.skip=true \
  && ./mvnw -o -q -B -pl gyrus-nas dependency:build-classpath -Dmdep.outputFile="$work/cp.txt") >&2
cp="$(sed -E "s#[^:]*/org/gyrus/(gyrus-[a-z]+)/[^:]*\.jar#$root/\1/target/classes#g" "$work/cp.txt"):$root/gyrus-nas/target/classes"
bench=(nice -n 10 java -cp "$cp" org.gyrus.nas.bench.NasHardwareBench)
table="$work/objectives.json"
"${bench[@]}" table "$table" "$spec_l" "$spec_e" "$spec_a" 70
: > "$work/traces.jsonl"
for a in nsga2 random; do
  "${bench[@]}" run "$table" "$a" "$first" "$seeds" "$trials" >> "$work/traces.jsonl"
  echo "gyrus $a: $seeds runs" >&2
done
nice -n 10 /usr/bin/python3 "$here/optuna_nas_hw.py" "$table" --samplers nsga2,random --seed "$first" \
  --repeats "$seeds" --trials "$trials" >> "$work/traces.jsonl"
echo "optuna $(/usr/bin/python3 -c 'import optuna; print(optuna.__version__)'): done" >&2
# Measured CPU latency (cost model cpu_latency) of three networks, one engine thread.
OMP_NUM_THREADS=1 nice -n 10 java -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 \
  -Dai.djl.pytorch.num_interop_threads=1 -cp "$cp" org.gyrus.nas.bench.NasHardwareBench cpu 2 5 \
  2>/dev/null > "$work/cpu.jsonl"
"${bench[@]}" report "$table" "$work/traces.jsonl" "$budgets" \
  "$root/bench/results/nas_hardware.json" "$root/bench/results/nas_hardware.md" \
  "bench/nas_hardware/run.sh $seeds $first $spec_l $spec_e $spec_a" "$work/cpu.jsonl"
