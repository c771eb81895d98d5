#!/usr/bin/env bash
# GraSP's central-difference Hessian-gradient product against the exact double backward on the
# first CELLS cells of the scoring sample (ProxyBench graspcheck), each grasp SPEC (YAML, e.g.
# "{_type: grasp, float64: true, step: 1.0e-6}"; default: the proxy's defaults) beside it. Writes
# bench/results/nas_proxies_TAG.{json,md}. The double backward leaks each network (see
# Grasp.doubleBackward: ~0.7 GB per N=5 network at batch 64), so keep CELLS small.
#   bench/nas_proxies/grasp_check.sh [CELLS=10] [SEED=0] [C=16] [N=5] [BATCH=64] [INIT=glorot]
#                                    [TAG=grasp_check] [SPEC...]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cells="${1:-10}"; seed="${2:-0}"; channels="${3:-16}"; per_stage="${4:-5}"; batch="${5:-64}"
init="${6:-glorot}"; tag="${7:-grasp_check}"; shift $(( $# < 7 ? $# : 7 ))
specs=("$@"); [ ${#specs[@]} -gt 0 ] || specs=("{_type: grasp, init: $init}")
data="${GYRUS_DATA:-/work/shared/data}"
work="$root/bench/work/nas_proxies"; mkdir -p "$work" "$root/bench/results"
(cd "$root" && ./mvnw -o -q -B -pl gyrus-nn,gyrus-nas -am package -DskipTests -Dspotless.skip=true \
  && ./mvnw -o -q -B -pl gyrus-nas dependency:build-classpath -Dmdep.outputFile="$work/cp.txt") >&2
cp="$(sed -E "s#[^:]*/org/gyrus/(gyrus-[a-z]+)/[^:]*\.jar#$root/\1/target/classes#g" "$work/cp.txt"):$root/gyrus-nas/target/classes"
env OMP_NUM_THREADS=1 nice -n 5 java -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 \
  -Dai.djl.pytorch.num_interop_threads=1 -cp "$cp" org.gyrus.nas.bench.ProxyBench graspcheck \
  "$data" "$cells" "$seed" "$channels" "$per_stage" "$batch" "$init" \
  "$root/bench/results/nas_proxies_$tag.json" "$root/bench/results/nas_proxies_$tag.md" \
  "bench/nas_proxies/grasp_check.sh $cells $seed $channels $per_stage $batch $init $tag$(printf " '%s'" "${specs[@]}")" \
  "${specs[@]}"
cat "$root/bench/results/nas_proxies_$tag.md"
