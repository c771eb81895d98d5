#!/usr/bin/env bash
# GraSP with the exact Hessian-gradient product (double backward, as Abdelfattah et al.'s code) on
# the scoring sample at the published setting. The double backward leaks each network in DJL (see
# Grasp.doubleBackward), so a fresh JVM scores CHUNK cells at a time, resuming from
# bench/work/nas_proxies/pool_TAG.jsonl, until CELLS are scored or SECONDS have passed. Writes
# bench/results/nas_proxies_TAG.{json,md}.
#   bench/nas_proxies/grasp_exact.sh [CELLS=1000] [SECONDS=1200] [CHUNK=3] [INIT=glorot] [TAG=n5grasp]
#                                    [SEED=0] [C=16] [N=5] [BATCH=64]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cells="${1:-1000}"; budget="${2:-1200}"; chunk="${3:-3}"; init="${4:-glorot}"; tag="${5:-n5grasp}"
seed="${6:-0}"; channels="${7:-16}"; per_stage="${8:-5}"; batch="${9:-64}"
data="${GYRUS_DATA:-/work/shared/data}"
work="$root/bench/work/nas_proxies"; mkdir -p "$work" "$root/bench/results"
(cd "$root" && ./mvnw -o -q -B -pl gyrus-nn,gyrus-nas -am package -DskipTests -Dspotless.skip=true \
  && ./mvnw -o -q -B -pl gyrus-nas dependency:build-classpath -Dmdep.outputFile="$work/cp.txt") >&2
snap="$work/snap_$tag"; rm -rf "$snap"; mkdir -p "$snap"
for m in gyrus-core gyrus-search gyrus-nn gyrus-nas; do cp -r "$root/$m/target/classes" "$snap/$m"; done
cp="$(sed -E "s#[^:]*/org/gyrus/(gyrus-[a-z]+)/[^:]*\.jar#$snap/\1#g" "$work/cp.txt"):$snap/gyrus-nas"
java=(env OMP_NUM_THREADS=1 MALLOC_MMAP_THRESHOLD_=33554432 MALLOC_TRIM_THRESHOLD_=1073741824
  MALLOC_TOP_PAD_=268435456 nice -n 5 java -Xmx1g -Dai.djl.offline=true
  -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1 -cp "$cp"
  org.gyrus.nas.bench.ProxyBench)
pool="$work/pool_$tag.jsonl"; touch "$pool"
load0="$(uptime | sed 's/.*load average: //')"; t0=$(date +%s)
while [ "$(wc -l < "$pool")" -lt "$cells" ] && [ $(( $(date +%s) - t0 )) -lt "$budget" ]; do
  next=$(( $(wc -l < "$pool") + chunk )); [ "$next" -le "$cells" ] || next="$cells"
  "${java[@]}" score "$data" "$pool" "$next" "$seed" "$channels" "$per_stage" "$batch" \
    "[{_type: grasp, exact: true, init: $init}]" 2> >(grep -v "NNPACK\|create_graph" >&2)
done
load1="$(uptime | sed 's/.*load average: //')"; t1=$(date +%s)
setting="$(wc -l < "$pool") NB201 cells (the first of the seed-$seed sample); macro network C=$channels, N=$per_stage cells per stage; one CIFAR-10 training batch of $batch images; initialisation $init; GraSP with H g by double backward, $chunk cells per JVM; 1 engine thread (nice 5) on 2 cores shared with other jobs; load average (1/5/15 min) $load0 at the start, $load1 at the end ($((t1 - t0)) s)"
"${java[@]}" report "$pool" "" 10 "$root/bench/results/nas_proxies_$tag.json" \
  "$root/bench/results/nas_proxies_$tag.md" "$setting" \
  "bench/nas_proxies/grasp_exact.sh $cells $budget $chunk $init $tag $seed $channels $per_stage $batch"
cat "$root/bench/results/nas_proxies_$tag.md"
