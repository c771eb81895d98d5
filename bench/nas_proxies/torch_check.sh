#!/usr/bin/env bash
# Issue 14 §1: Gyrus's Java proxies vs an independent PyTorch implementation of the reference
# (bench/nas_proxies/torch_reference.py) on the same cells and the same batch.
#   bench/nas_proxies/torch_check.sh [CELLS=200] [GRASP_CELLS=40] [CEILING_CELLS=100] [TAG=torch_check] [JAVA_REF_POOL]
# Cells: the first CELLS of bench/results/nas_proxies_pool_n5torch.jsonl (the seed-0 sample of
# `published.sh 1000 0 16 5 64 ... n5torch torch`, in sampling order), whose Java scores are compared;
# GraSP against bench/results/nas_proxies_pool_n5grasp.jsonl. The first CEILING_CELLS cells are
# scored again with a second PyTorch init (Java's batch only): the init-noise ceiling of the
# Java-vs-PyTorch agreement. JAVA_REF_POOL: a Java pool scored with the reference's definitions
# (published.sh ... "[{_type: fisher, init: torch, fan_in_weighted: true}]" TAG torch true), compared
# with PyTorch's reference-definition scores. The batch is the Java bench's own
# (`ProxyBench batch DATA 0 64`). PyTorch: Debian's python3-torch (CPU), one thread, nice 10.
# Scores go to bench/work/nas_proxies/torch_TAG.jsonl (resumes); writes
# bench/results/nas_proxies_TAG.{json,md}.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cells="${1:-200}"; grasp_cells="${2:-40}"; ceiling="${3:-100}"; tag="${4:-torch_check}"; ref_pool="${5:-}"
data="${GYRUS_DATA:-/work/shared/data}"
work="$root/bench/work/nas_proxies"; mkdir -p "$work"
pool="$root/bench/results/nas_proxies_pool_n5torch.jsonl"
grasp_pool="$root/bench/results/nas_proxies_pool_n5grasp.jsonl"
batch="$work/batch_s0_64.bin"
if [ ! -s "$batch" ]; then
  (cd "$root" && ./mvnw -o -q -B -pl gyrus-nn,gyrus-nas -am package -DskipTests -Dspotless.skip=true \
    && ./mvnw -o -q -B -pl gyrus-nas dependency:build-classpath -Dmdep.outputFile="$work/cp.txt") >&2
  cp="$(sed -E "s#[^:]*/org/gyrus/(gyrus-[a-z]+)/[^:]*\.jar#$root/\1/target/classes#g" "$work/cp.txt")"
  java -Dai.djl.offline=true -cp "$cp:$root/gyrus-nas/target/classes" \
    org.gyrus.nas.bench.ProxyBench batch "$data" 0 64 "$batch"
fi
py=(env OMP_NUM_THREADS=1 nice -n 10 /usr/bin/python3 "$here/torch_reference.py")
load0="$(uptime | sed 's/.*load average: //')"; t0=$(date +%s)
"${py[@]}" score "$pool" "$batch" "$data/cifar10/cifar10-train-jpeg.zip" "$work/torch_$tag.jsonl" \
  "$cells" "$grasp_cells" | sed -u 's/^/  /' >&2
"${py[@]}" score "$pool" "$batch" "" "$work/torch_${tag}_initb.jsonl" "$ceiling" "$grasp_cells" 1 \
  | sed -u 's/^/  init B: /' >&2
load1="$(uptime | sed 's/.*load average: //')"; t1=$(date +%s)
setting="NB201 macro C=16, N=5, batch 64, PyTorch $(/usr/bin/python3 -c 'import torch; print(torch.__version__)') CPU, 1 thread, nice 10, default init seeded per cell; cells: the first $cells of the Java seed-0 sample (ρ against NATS cifar10 200-epoch test accuracy); init B: the first $ceiling cells again with another init; load average $load0 at the start, $load1 at the end of this invocation ($((t1 - t0)) s)"
"${py[@]}" report "$work/torch_$tag.jsonl" "$pool" "$grasp_pool" "nas_proxies_$tag" \
  "bench/nas_proxies/torch_check.sh $cells $grasp_cells $ceiling $tag${ref_pool:+ $ref_pool}" \
  "$setting" "$work/torch_${tag}_initb.jsonl" ${ref_pool:+"$root/$ref_pool"}
