#!/usr/bin/env bash
# New building blocks I (issue 18): KAN (pykan's grid-extension tutorial, symbolic recovery, KAN vs
# MLP on Feynman-style formulas), quadratic neurons with/without ReLinear on Fashion-MNIST, FNO vs
# CNN on our own Burgers and Darcy data (zero-shot at 2x resolution), an untrained attention encoder
# vs a trained one as a character language model of the bAbI stories, a deep plain MLP guided by a
# trained CNN through 1 - CKA vs unguided. One engine thread, nice 10.
# Emergent MoE (carve a trained dense FFN into top-k experts), m2mKD (module-to-module distillation)
# and Fourier KArAt (learnable score->weight map) on Fashion-MNIST / MNIST.
# Usage: bench/blocks_layers/run.sh [PARTS]   PARTS from "kan feynman skan quadratic quadratic_low fno
# untrained_mha cka emoe m2mkd karat"
# Scale of the last three through the environment (defaults in brackets; see each bench class):
#   EMOE_ARGS [12000 5 2 3 512 8 2]: TRAIN_SIZE EPOCHS FT_EPOCHS SEEDS HIDDEN EXPERTS TOP_K
#   M2MKD_ARGS [12000 5 2 5 3]: TRAIN_SIZE TEACHER_EPOCHS DISTILL_EPOCHS EPOCHS SEEDS
#   KARAT_ARGS [12000 5 2 mnist,fashion-mnist]: TRAIN_SIZE EPOCHS SEEDS TASKS
# (default all but quadratic_low: Adam lr 1e-3 instead of 1e-2)
# Writes bench/results/blocks_layers.{json,md} (rows of the parts run; others kept from the last run).
set -euo pipefail
cd "$(dirname "$0")/../.."
PARTS=${1:-kan feynman skan quadratic fno untrained_mha cka emoe m2mkd karat}
DATA=${GYRUS_DATA:-$(cd .. && pwd)/shared/data}
OUT=bench/results
mkdir -p "$OUT"
./mvnw -o -q -B -pl gyrus-nn -am package -DskipTests -Dspotless.skip=true
./mvnw -o -q -B -pl gyrus-nn dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt \
  -Dmdep.includeScope=runtime
CP="gyrus-core/target/classes:gyrus-nn/target/classes:$(cat gyrus-nn/target/bench-cp.txt)"
export OMP_NUM_THREADS=1 OMP_WAIT_POLICY=PASSIVE
export MALLOC_MMAP_THRESHOLD_=33554432 MALLOC_TRIM_THRESHOLD_=1073741824 MALLOC_TOP_PAD_=268435456
JAVA=(nice -n 10 java -Xmx3g -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1
  -Dai.djl.pytorch.num_interop_threads=1 -cp "$CP")
RAW="$OUT/blocks_layers_raw.txt"
touch "$RAW"
# run PART MAIN ARGS...: replaces the PART's lines in $RAW with "PART<TAB>command<TAB>line"
run() {
  local part=$1
  shift
  local cmd="bench/blocks_layers/run.sh ${CMDPART:-$part}  # java $*"
  grep -v "^$part	" "$RAW" > "$RAW.tmp" || true
  mv "$RAW.tmp" "$RAW"
  "${JAVA[@]}" "$@" 2>/dev/null | grep -v -i warning | while IFS= read -r line; do
    echo "$line" >&2
    printf '%s\t%s\t%s\n' "$part" "$cmd" "$line" >> "$RAW"
  done
}
for p in $PARTS; do
  case $p in
    kan) run kan org.gyrus.nn.bench.KanTutorial 50 0 ;;
    feynman) run feynman org.gyrus.nn.bench.KanVsMlp 20 0 ;;
    skan) run skan org.gyrus.nn.bench.SkanBench 1 150 ;;
    quadratic) run quadratic org.gyrus.nn.bench.QuadraticBench "$DATA" 12000 4 5 64 0.01 ;;
    quadratic_low) run quadratic_low org.gyrus.nn.bench.QuadraticBench "$DATA" 12000 3 5 64 0.001 ;;
    fno)
      run fno org.gyrus.nn.fno.OperatorBench burgers 200 50 40 0
      CMDPART=fno run fno_darcy org.gyrus.nn.fno.OperatorBench darcy 200 50 40 0
      ;;
    cka) run cka org.gyrus.nn.bench.GuidanceBench "$DATA" 12000 5 3 12 ;;
    untrained_mha) run untrained_mha org.gyrus.nn.bench.UntrainedMhaBench "$DATA" 20000 3 2 ;;
    # shellcheck disable=SC2086 # the *_ARGS are word lists
    emoe) run emoe org.gyrus.nn.bench.EmoeBench "$DATA" ${EMOE_ARGS:-12000 5 2 3 512 8 2} ;;
    m2mkd)
      run m2mkd org.gyrus.nn.bench.M2mkdBench "$DATA" examples/blocks/m2mkd-fashion.yaml \
        ${M2MKD_ARGS:-12000 5 2 5 3}
      ;;
    karat)
      run karat org.gyrus.nn.bench.KaratBench "$DATA" examples/blocks/karat-vit.yaml \
        ${KARAT_ARGS:-12000 5 2 mnist,fashion-mnist}
      ;;
    *) echo "unknown part $p" >&2; exit 2 ;;
  esac
done
/usr/bin/python3 bench/blocks_layers/report.py "$RAW" "$OUT/blocks_layers.json" "$OUT/blocks_layers.md"
