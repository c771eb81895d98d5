#!/usr/bin/env bash
# Issue 14 §1, recurrent / attention space (S10): ground truth trained here, since no table exists.
# MODELS distinct models sampled with SEED from bench/nas_proxies/seq-space.yaml (row embedding,
# 1-3 residual layers, each mixer one of recall_attention softmax|linear (± token shift),
# neural_memory titans|moneta|yaad|memora (chunk 7|14), attention (causal or not), causal_conv
# (kernel 3|5)), on Fashion-MNIST read row by row (28 steps x 28 pixels). Each model is scored by
# every proxy on one fixed batch of BATCH training sequences (proxy seed SEED), then trained with
# TrainAndEvaluate on TRAIN training sequences (one recipe, seed 0) and evaluated on VAL validation
# and TEST test sequences. One JSON line per model in bench/work/nas_proxies/seq_pool_<setting>.jsonl
# (one pool per setting; resumes: rerun the same command to continue to MODELS). Then Spearman rho
# per proxy into bench/results/$NAME.{json,md} (NAME=nas_proxies_seq unless set) and the pool
# beside them as $NAME_pool.jsonl.
#   bench/nas_proxies/seq.sh [MODELS=60] [SEED=0] [TRAIN=3000] [EPOCHS=2] [BATCH=32] [VAL=1000] [TEST=1000]
# SKIP_BUILD=1 reuses the built classes. The run uses a snapshot of the classes, so rebuilding the
# tree while it runs does not kill it (lazy class loading).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
models="${1:-60}"; seed="${2:-0}"; train="${3:-3000}"; epochs="${4:-2}"; batch="${5:-32}"
val="${6:-1000}"; test="${7:-1000}"
data="${GYRUS_DATA:-/work/shared/data}"
proxies="synflow,naswot,jacob_cov,snip,grad_norm,grasp,fisher,zen,params,flops,hidden_cov"
recipe="{_type: recipe, optimizer: adam, lr: 0.003, batch_size: 64, epochs: $epochs, seed: 0}"
work="$root/bench/work/nas_proxies"; mkdir -p "$work" "$root/bench/results"
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  (cd "$root" && ./mvnw -o -q -B -pl gyrus-nas -am package -DskipTests -Dspotless.skip=true \
    && ./mvnw -o -q -B -pl gyrus-nas dependency:build-classpath -Dmdep.outputFile="$work/cp.txt") >&2
fi
snap="$work/seq_classes"; rm -rf "$snap"; mkdir -p "$snap"
for m in gyrus-core gyrus-nn gyrus-search gyrus-nas; do cp -r "$root/$m/target/classes" "$snap/$m"; done
cp="$(sed -E "s#[^:]*/org/gyrus/(gyrus-[a-z]+)/[^:]*\.jar#$snap/\1#g" "$work/cp.txt"):$snap/gyrus-nas"
java=(env OMP_NUM_THREADS=1 GYRUS_THREADS=1 nice -n 10 java -Dai.djl.offline=true
  -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1 -cp "$cp"
  org.gyrus.nas.bench.SeqProxyBench)
pool="$work/seq_pool_s${seed}_t${train}_e${epochs}_b${batch}_v${val}_x${test}.jsonl"
name="${NAME:-nas_proxies_seq}"
"${java[@]}" score "$data" "$here/seq-space.yaml" "$pool" "$models" "$seed" "$train" "$val" "$test" \
  "$batch" "$recipe" "$proxies"
echo "trained: $(wc -l < "$pool") models" >&2
cp "$pool" "$root/bench/results/${name}_pool.jsonl"
setting="$(wc -l < "$pool") of $models distinct models of bench/nas_proxies/seq-space.yaml sampled with seed $seed; sequential Fashion-MNIST (28 rows x 28 pixels), $train training / $val validation (from the 60k training set) / first $test test images; recipe $recipe; proxies on one fixed batch of $batch training sequences, proxy seed $seed, default init (glorot); ground truth = validation accuracy (test beside it); 1 engine thread, nice 10, on 2 shared cores (wall times include waiting for the CPU)"
"${java[@]}" report "$pool" "$root/bench/results/$name.json" \
  "$root/bench/results/$name.md" "$setting" \
  "NAME=$name bench/nas_proxies/seq.sh $models $seed $train $epochs $batch $val $test"
cat "$root/bench/results/$name.md"
