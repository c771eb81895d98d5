#!/usr/bin/env bash
# Training-free proxies at the published setting of Abdelfattah et al. (ICLR 2021): the NB201 macro
# network at C=16, N=5 cells per stage, one CIFAR-10 training batch of 64 images, proxies only
# (no searches). Scores CELLS cells sampled with SEED (the same sample as run.sh) into
# bench/work/nas_proxies/pool_TAG.jsonl (resumes from it) and writes
# bench/results/nas_proxies_TAG.{json,md} with Spearman rho, wall and CPU ms per cell, and the load.
#   bench/nas_proxies/published.sh [CELLS=1000] [SEED=0] [C=16] [N=5] [BATCH=64] [PROXIES] [TAG=n5] [INIT] [REFERENCE_CELLS]
# INIT: glorot (the proxies' default, DJL's Xavier-uniform) or torch (PyTorch's default init, which
# the published figures used); empty = each proxy's default. REFERENCE_CELLS=true: the zero-cost-nas
# reference's cells (conv bias, ops on input-less nodes run on zeros): what its Fisher reads (see
# torch_check.sh and nas_proxies_torch_check.md).
# PROXIES may be a YAML list of specs, e.g. "[{_type: fisher, init: torch, fan_in_weighted: true}]".
# The classes are copied to bench/work/nas_proxies/snap_TAG first, so rebuilding the tree while it
# runs does not change the code it runs.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cells="${1:-1000}"; seed="${2:-0}"; channels="${3:-16}"; per_stage="${4:-5}"; batch="${5:-64}"
proxies="${6:-synflow,jacob_cov,snip,grad_norm,grasp,fisher}"; tag="${7:-n5}"; init="${8:-}"
reference_cells="${9:-false}"
data="${GYRUS_DATA:-/work/shared/data}"
work="$root/bench/work/nas_proxies"; mkdir -p "$work" "$root/bench/results"
(cd "$root" && ./mvnw -o -q -B -pl gyrus-nn,gyrus-nas -am package -DskipTests -Dspotless.skip=true \
  && ./mvnw -o -q -B -pl gyrus-nas dependency:build-classpath -Dmdep.outputFile="$work/cp.txt") >&2
snap="$work/snap_$tag"; rm -rf "$snap"; mkdir -p "$snap"
for m in gyrus-core gyrus-search gyrus-nn gyrus-nas; do cp -r "$root/$m/target/classes" "$snap/$m"; done
cp="$(sed -E "s#[^:]*/org/gyrus/(gyrus-[a-z]+)/[^:]*\.jar#$snap/\1#g" "$work/cp.txt"):$snap/gyrus-nas"
# glibc would otherwise unmap each freed activation block and page it in again (NOTES, gyrus-nn)
java=(env OMP_NUM_THREADS=1 MALLOC_MMAP_THRESHOLD_=33554432 MALLOC_TRIM_THRESHOLD_=1073741824
  MALLOC_TOP_PAD_=268435456 nice -n 5 java -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1
  -Dai.djl.pytorch.num_interop_threads=1 -cp "$cp" org.gyrus.nas.bench.ProxyBench)
pool="$work/pool_$tag.jsonl"
load0="$(uptime | sed 's/.*load average: //')"; t0=$(date +%s)
"${java[@]}" score "$data" "$pool" "$cells" "$seed" "$channels" "$per_stage" "$batch" "$proxies" "$init" \
  "$reference_cells"
load1="$(uptime | sed 's/.*load average: //')"; t1=$(date +%s)
echo "scored: $(wc -l < "$pool") cells" >&2
setting="$(wc -l < "$pool") NB201 cells sampled with seed $seed; macro network C=$channels, N=$per_stage cells per stage; one CIFAR-10 training batch of $batch images; initialisation ${init:-glorot}; reference cells $reference_cells; proxy seed $seed; 1 engine thread (nice 5) on 2 cores shared with other jobs; load average (1/5/15 min) $load0 at the start, $load1 at the end of this invocation ($((t1 - t0)) s)"
"${java[@]}" report "$pool" "" 10 "$root/bench/results/nas_proxies_$tag.json" \
  "$root/bench/results/nas_proxies_$tag.md" "$setting" \
  "bench/nas_proxies/published.sh $cells $seed $channels $per_stage $batch $proxies $tag $init $reference_cells"
cat "$root/bench/results/nas_proxies_$tag.md"
