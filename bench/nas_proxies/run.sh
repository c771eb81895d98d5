#!/usr/bin/env bash
# Training-free proxies (S10) and RoBoT (S11) on NAS-Bench-201 CIFAR-10.
# 1. score: CELLS distinct NB201 cells sampled with SEED, each compiled into the NB201 macro network
#    (C channels, N cells per stage) and scored by every registered proxy on one fixed CIFAR-10
#    training batch of BATCH images (from the JPEG zips in $GYRUS_DATA/cifar10), one engine thread;
#    appends to bench/work/nas_proxies/pool.jsonl and resumes from it.
# 2. search: ordinary studies on the NB201 table, one query per trial, SEEDS seeds each, budget 100:
#    robot (all 11 proxies; the 6 of Abdelfattah et al.; the 4 best-known: GP weight search for
#    EXPLORE queries then greedy), greedy on the single
#    best proxy of the pool (chosen with hindsight), and random search over the whole table.
# 2b. depth check (DEPTH_CELLS=60): the first cells again at N=5 for the gradient proxies.
# 3. report: Spearman rho per proxy vs the table's CIFAR-10 accuracy (published |rho| beside it),
#    median ms per cell per proxy, best accuracy at 10/20/50/100 queries.
# Writes bench/results/nas_proxies.json and bench/results/nas_proxies.md.
#   bench/nas_proxies/run.sh [CELLS=1000] [SEED=0] [C=16] [N=1] [BATCH=16] [SEEDS=30] [EXPLORE=10]
# The published setting is C=16, N=5, batch 64; N=1 and batch 16 are what 2 shared cores allow
# (~4 s per cell for all 11 proxies). Roughly 70 min for 1,000 cells, then ~10 min of searches.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cells="${1:-1000}"; seed="${2:-0}"; channels="${3:-16}"; per_stage="${4:-1}"; batch="${5:-16}"
seeds="${6:-30}"; explore="${7:-10}"
data="${GYRUS_DATA:-/work/shared/data}"
proxies="synflow,naswot,jacob_cov,snip,grad_norm,grasp,fisher,zen,params,flops,hidden_cov"
work="$root/bench/work/nas_proxies"; mkdir -p "$work" "$root/bench/results"
(cd "$root" && ./mvnw -o -q -B -pl gyrus-nas -am package -DskipTests -Dspotless.skip=true \
  && ./mvnw -o -q -B -pl gyrus-nas dependency:build-classpath -Dmdep.outputFile="$work/cp.txt") >&2
cp="$(sed -E "s#[^:]*/org/gyrus/(gyrus-[a-z]+)/[^:]*\.jar#$root/\1/target/classes#g" "$work/cp.txt"):$root/gyrus-nas/target/classes"
java=(env OMP_NUM_THREADS=1 nice -n 10 java -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1
  -Dai.djl.pytorch.num_interop_threads=1 -cp "$cp" org.gyrus.nas.bench.ProxyBench)
pool="$work/pool.jsonl"
"${java[@]}" score "$data" "$pool" "$cells" "$seed" "$channels" "$per_stage" "$batch" "$proxies"
echo "scored: $(wc -l < "$pool") cells" >&2
cp "$pool" "$root/bench/results/nas_proxies_pool.jsonl" # the pool examples/nb201-robot.yaml reads
# Depth check: the first DEPTH_CELLS cells of the same sample again at N=5 (the published depth),
# gradient proxies only, so the effect of N on their rho is read on paired cells.
deep_cells="${DEPTH_CELLS:-60}"; deep="$work/pool_n5.jsonl"
if [ "$deep_cells" -gt 0 ]; then
  "${java[@]}" score "$data" "$deep" "$deep_cells" "$seed" "$channels" 5 "$batch" synflow,snip,grad_norm,grasp,fisher
fi
best="$("${java[@]}" bestproxy "$pool")"
runs="$work/runs.jsonl"; : > "$runs"
"${java[@]}" robot "$data" "robot (11 proxies)" "{_type: robot, pool: '$pool', explore: $explore}" 0 "$seeds" 100 >> "$runs"
"${java[@]}" robot "$data" "robot (6 of Abdelfattah et al.)" "{_type: robot, pool: '$pool', proxies: 'grad_norm,snip,grasp,fisher,synflow,jacob_cov', explore: $explore}" 0 "$seeds" 100 >> "$runs"
"${java[@]}" robot "$data" "robot (synflow, naswot, jacob_cov, zen)" "{_type: robot, pool: '$pool', proxies: 'synflow,naswot,jacob_cov,zen', explore: $explore}" 0 "$seeds" 100 >> "$runs"
"${java[@]}" robot "$data" "greedy $best" "{_type: robot, pool: '$pool', proxies: $best, explore: 0}" 0 "$seeds" 100 >> "$runs"
"${java[@]}" robot "$data" "random (whole table)" "random" 0 "$seeds" 100 >> "$runs"
setting="$(wc -l < "$pool") NB201 cells sampled with seed $seed; macro network C=$channels, N=$per_stage cells per stage; one CIFAR-10 training batch of $batch images; proxy seed $seed; 1 engine thread on 2 shared cores; searches: $seeds seeds, budget 100 table queries"
"${java[@]}" report "$pool" "$runs" 10,20,50,100 "$root/bench/results/nas_proxies.json" \
  "$root/bench/results/nas_proxies.md" "$setting" \
  "DEPTH_CELLS=$deep_cells bench/nas_proxies/run.sh $cells $seed $channels $per_stage $batch $seeds $explore" \
  "$deep"
cat "$root/bench/results/nas_proxies.md"
