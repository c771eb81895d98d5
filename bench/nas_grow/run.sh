#!/usr/bin/env bash
# Networks that grow (S5) and bricks (S15). Grown-vs-scratch: a small CNN seed trained SEED_EPOCHS,
# grown by the REINFORCE controller over function-preserving morphisms for ROUNDS rounds of
# CHILDREN one-epoch children (weights inherited), against the final architecture trained from
# scratch for the grown network's lineage epochs; SEEDS seeds on TRAIN_N Fashion-MNIST training
# images (validation 2,000, test 5,000), optionally CIFAR-10 (1,000-per-class subset) too.
# Bricks: route / merge / grow / update demonstrations (BricksBench).
# Writes bench/results/nas_grow.json and bench/results/nas_grow.md.
#   bench/nas_grow/run.sh [SEEDS=3] [TRAIN_N=6000] [ROUNDS=4] [CHILDREN=2] [SEED_EPOCHS=2] [SETS=fashion]
# One engine thread, nice 10. Needs $GYRUS_DATA (default /work/shared/data).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
seeds="${1:-3}"; train_n="${2:-6000}"; rounds="${3:-4}"; children="${4:-2}"; seed_epochs="${5:-2}"
sets="${6:-fashion}"
data="${GYRUS_DATA:-/work/shared/data}"
work="$root/bench/work/nas_grow"; mkdir -p "$work" "$root/bench/results"
(cd "$root" && ./mvnw -o -q -B -pl gyrus-nas -am package -DskipTests -Dspotless.skip=true \
  && ./mvnw -o -q -B -pl gyrus-nas dependency:build-classpath -Dmdep.outputFile="$work/cp.txt") >&2
cp="$(sed -E "s#[^:]*/org/gyrus/(gyrus-[a-z]+)/[^:]*\.jar#$root/\1/target/classes#g" "$work/cp.txt"):$root/gyrus-nas/target/classes"
export MALLOC_MMAP_THRESHOLD_=33554432 MALLOC_TRIM_THRESHOLD_=1073741824 MALLOC_TOP_PAD_=268435456
export OMP_NUM_THREADS=1 TORCH_CPP_LOG_LEVEL=ERROR
java=(nice -n 10 java -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1 -cp "$cp")
cmd="bench/nas_grow/run.sh $seeds $train_n $rounds $children $seed_epochs $sets"
# one file per data set, so runs for different sets (and their commands) combine in the report
for set in ${sets//,/ }; do
  : > "$work/grow_$set.jsonl"
  echo "bench/nas_grow/run.sh $seeds $train_n $rounds $children $seed_epochs $set" > "$work/grow_$set.cmd"
  for ((s = 0; s < seeds; s++)); do
    "${java[@]}" org.gyrus.nas.bench.GrowBench "$data" "$set" "$train_n" "$s" "$rounds" "$children" "$seed_epochs" >> "$work/grow_$set.jsonl"
  done
done
"${java[@]}" org.gyrus.nas.bench.BricksBench "$data" "$seeds" > "$work/bricks.jsonl" || echo "bricks bench failed" >&2
/usr/bin/python3 "$here/report.py" "$work" "$work/bricks.jsonl" "$cmd" \
  "$root/bench/results/nas_grow.json" "$root/bench/results/nas_grow.md"
