#!/usr/bin/env bash
# Side-by-side training benchmark: Gyrus vs a raw DJL loop vs PyTorch (Debian python3-torch with
# OpenMP OpenBLAS), same models, data, optimiser (Adam 1e-3), batch size and thread count.
# Usage: bench/train_vs_pytorch/run.sh [REPS] [THREADS]   (needs GYRUS_DATA or ../shared/data)
#   At THREADS=1 it also writes the per-step section of bench/results/throughput.{json,md}.
#   MODELS="mlp" TAG=_mlp picks models and names the outputs train$TAG.{json,md}.
#   IMPLS="gyrus pytorch" picks implementations (default: gyrus djl pytorch).
#   BASE_TREE=DIR also runs the Gyrus trainer of another checkout (built the same way, e.g. an older
#   commit unpacked with git archive) in each repetition, as impl gyrus_base: before/after, same run.
#   LONG_CNN_EPOCHS=N adds an N-epoch Gyrus CNN run (cosine schedule, plus the recipe keys in
#   LONG_CNN_RECIPE, e.g. "shift=2 flip=true"); REPS=0 runs only that.
set -euo pipefail
cd "$(dirname "$0")/../.."
REPS=${1:-2}
THREADS=${2:-2}
DATA=${GYRUS_DATA:-$(cd .. && pwd)/shared/data}
MLP_EPOCHS=${MLP_EPOCHS:-3}
CNN_EPOCHS=${CNN_EPOCHS:-2}
BATCH=${BATCH:-128}
OUT=bench/results
mkdir -p "$OUT"
TAG=${TAG:-}
MODELS=${MODELS:-mlp cnn}
IMPLS=${IMPLS:-gyrus djl pytorch}
RAW="$OUT/train_raw$TAG.jsonl"
# REPS=0 keeps the lines of the last run (long runs included) and adds a long CNN run
if [ "$REPS" -gt 0 ]; then : > "$RAW"; fi
# one reactor build: gyrus-core resolves to this tree's jar, and nothing goes into the shared ~/.m2
./mvnw -q -B -ntp -pl gyrus-nn -am package -DskipTests -Dspotless.check.skip=true \
  dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt -Dmdep.includeScope=runtime
CP="gyrus-nn/target/classes:$(cat gyrus-nn/target/bench-cp.txt)"
export DJL_CACHE_DIR=${DJL_CACHE_DIR:-$HOME/.djl.ai} OMP_NUM_THREADS=$THREADS
# passive OpenMP waiting for all three: on a shared 2-core box spinning threads starve each other
export OMP_WAIT_POLICY=${OMP_WAIT_POLICY:-PASSIVE}
# keep freed tensor memory in the heap: without this, glibc returns large blocks to the OS and the
# first hundreds of steps pay page faults on every temporary (measured: 4.7 -> 2.6 ms per MLP step)
export MALLOC_MMAP_THRESHOLD_=${MALLOC_MMAP_THRESHOLD_:-33554432}
export MALLOC_TRIM_THRESHOLD_=${MALLOC_TRIM_THRESHOLD_:-1073741824}
export MALLOC_TOP_PAD_=${MALLOC_TOP_PAD_:-268435456}
# what ./gyrus runs with: on AMD, the shim that lets libtorch's MKL take its AVX-512 kernels
export MKL_SHIM="$(gyrus-nn/src/main/native/mkl-preload 2> /dev/null || true)"
JVM=(env ${MKL_SHIM:+LD_PRELOAD=$MKL_SHIM} java -Xmx4g -Dai.djl.offline=true
  -Dai.djl.pytorch.num_threads="$THREADS" -Dai.djl.pytorch.num_interop_threads=1)
JAVA=("${JVM[@]}" -cp "$CP" org.gyrus.nn.bench.TrainBench)
if [ -n "${BASE_TREE:-}" ]; then
  (cd "$BASE_TREE" && ./mvnw -q -B -ntp -pl gyrus-nn -am package -DskipTests -Dspotless.check.skip=true \
    dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt -Dmdep.includeScope=runtime)
  BASE_JAVA=("${JVM[@]}" -cp "$BASE_TREE/gyrus-nn/target/classes:$(cat "$BASE_TREE/gyrus-nn/target/bench-cp.txt")"
    org.gyrus.nn.bench.TrainBench)
fi
PY=/usr/bin/python3
blas="$(readlink -f /usr/lib/x86_64-linux-gnu/libblas.so.3 || true)"
echo "BLAS: $blas" >&2
# Debian's torch takes whatever libblas.so.3 is: the reference BLAS would make PyTorch look slow
case "$blas" in
  *openblas*) ;;
  *) echo "error: /usr/lib/x86_64-linux-gnu/libblas.so.3 is '$blas', not OpenBLAS;" \
       "install it: apt-get install -y libopenblas0-openmp" >&2; exit 2 ;;
esac
[ "$REPS" -gt 0 ] && "${JAVA[@]}" matmul | tee -a "$RAW"
for rep in $(seq 1 "$REPS"); do
  for model in $MODELS; do
    epochs=$MLP_EPOCHS; [ "$model" = cnn ] && epochs=$CNN_EPOCHS
    echo "rep $rep $model: $IMPLS${BASE_TREE:+, gyrus_base}" >&2
    for impl in $IMPLS; do
      case $impl in
        pytorch) $PY bench/train_vs_pytorch/torch_train.py "$model" "$epochs" "$BATCH" "$DATA" "$THREADS" ;;
        *) "${JAVA[@]}" "$impl" "$model" "$epochs" "$BATCH" "$DATA" 2> >(grep -v '^\[W' >&2) ;;
      esac | sed "s/^{/{\"rep\": $rep, /" | tee -a "$RAW"
    done
    if [ -n "${BASE_TREE:-}" ]; then
      "${BASE_JAVA[@]}" gyrus "$model" "$epochs" "$BATCH" "$DATA" 2> >(grep -v '^\[W' >&2) |
        sed -e "s/^{/{\"rep\": $rep, /" -e 's/"impl": "gyrus"/"impl": "gyrus_base"/' | tee -a "$RAW"
    fi
  done
done
# a long Gyrus CNN run with a cosine schedule, for the accuracy goal
if [ -n "${LONG_CNN_EPOCHS:-}" ]; then
  # shellcheck disable=SC2086  # LONG_CNN_RECIPE is a list of KEY=VALUE words
  "${JAVA[@]}" gyrus cnn "$LONG_CNN_EPOCHS" "$BATCH" "$DATA" schedule=cosine ${LONG_CNN_RECIPE:-} 2> >(grep -v '^\[W' >&2) | sed 's/^{/{"rep": "long", /' | tee -a "$RAW"
fi
$PY bench/train_vs_pytorch/report.py "$RAW" "$THREADS" "$BATCH" "$OUT/train$TAG.json" "$OUT/train$TAG.md"
# at 1 thread, the CPU-per-epoch ratios are issue 12's per-step goal: a section of throughput.{json,md}
if [ "$THREADS" = 1 ] && [ "$REPS" -gt 0 ]; then
  $PY bench/train_vs_pytorch/per_step.py "$OUT/train$TAG.json" "$OUT/throughput.json" "$OUT/throughput.md" \
    "${BASE_TREE:+BASE_TREE=$BASE_TREE }IMPLS=\"$IMPLS\" TAG=$TAG MLP_EPOCHS=$MLP_EPOCHS CNN_EPOCHS=$CNN_EPOCHS bench/train_vs_pytorch/run.sh $REPS 1"
fi
cat "$OUT/train$TAG.md"
