#!/usr/bin/env bash
# RoBoT (S11) on a larger pool: CELLS NB201 cells (the same seeded sample as run.sh, so its first
# cells are run.sh's) scored by the cheap proxies RoBoT ensembles best here (synflow, naswot,
# jacob_cov, zen, plus params and flops), then searches on the NB201 table counted in table
# queries: robot over the four proxies with EXPLORE queries of weight search (the first value is
# run.sh's setting, the second a longer weight search), greedy on the pool's best single proxy, and
# random search over the whole table. Writes bench/results/nas_proxies_robot.{json,md}.
#   bench/nas_proxies/robot_pool.sh [CELLS=3000] [SEEDS=30] [EXPLORE="10 20"]
# Resumable: the pool (bench/work/nas_proxies/pool_robot.jsonl) keeps every scored cell; rows of
# run.sh's pool can seed it (same cells, same proxy seed: identical scores).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cells="${1:-3000}"; seeds="${2:-30}"; explore="${3:-10 20}"
data="${GYRUS_DATA:-/work/shared/data}"
proxies="synflow,naswot,jacob_cov,zen,params,flops"
work="$root/bench/work/nas_proxies"; mkdir -p "$work" "$root/bench/results"
(cd "$root" && ./mvnw -o -q -B -pl gyrus-nas -am package -DskipTests -Dspotless.skip=true \
  && ./mvnw -o -q -B -pl gyrus-nas dependency:build-classpath -Dmdep.outputFile="$work/cp.txt") >&2
cp="$(sed -E "s#[^:]*/org/gyrus/(gyrus-[a-z]+)/[^:]*\.jar#$root/\1/target/classes#g" "$work/cp.txt"):$root/gyrus-nas/target/classes"
java=(env OMP_NUM_THREADS=1 nice -n "${NICE:-10}" java -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1
  -Dai.djl.pytorch.num_interop_threads=1 -cp "$cp" org.gyrus.nas.bench.ProxyBench)
pool="$work/pool_robot.jsonl"
"${java[@]}" score "$data" "$pool" "$cells" 0 16 1 16 "$proxies"
echo "scored: $(wc -l < "$pool") cells" >&2
best="$("${java[@]}" bestproxy "$pool")"
runs="$work/runs_robot.jsonl"; : > "$runs"
for e in $explore; do
  "${java[@]}" robot "$data" "robot (synflow, naswot, jacob_cov, zen; explore $e)" "{_type: robot, pool: '$pool', proxies: 'synflow,naswot,jacob_cov,zen', explore: $e}" 0 "$seeds" 100 >> "$runs"
done
"${java[@]}" robot "$data" "greedy $best" "{_type: robot, pool: '$pool', proxies: $best, explore: 0}" 0 "$seeds" 100 >> "$runs"
"${java[@]}" robot "$data" "random (whole table)" "random" 0 "$seeds" 100 >> "$runs"
setting="$(wc -l < "$pool") NB201 cells sampled with seed 0 (run.sh's sample); macro network C=16, N=1 cells per stage; one CIFAR-10 training batch of 16 images; proxy seed 0; 1 engine thread on 2 shared cores; searches: $seeds seeds, budget 100 table queries"
"${java[@]}" report "$pool" "$runs" 10,20,50,100 "$root/bench/results/nas_proxies_robot.json" \
  "$root/bench/results/nas_proxies_robot.md" "$setting" \
  "bench/nas_proxies/robot_pool.sh $cells $seeds \"$explore\""
cat "$root/bench/results/nas_proxies_robot.md"
