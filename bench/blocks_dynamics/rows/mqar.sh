#!/usr/bin/env bash
# Issue 19, row mqar (B5 test-time memory): MQAR recall accuracy of neural_memory (titans, moneta,
# yaad, memora) vs softmax and linear recall_attention of equal size as the sequence grows.
# Usage: bench/blocks_dynamics/rows/mqar.sh [LENGTHS] [PAIRS] [STEPS] [MIXERS]
# Writes bench/results/blocks_dynamics/mqar.{json,png}.
set -euo pipefail
LENGTHS=${1:-64,128,256}
PAIRS=${2:-4,8,16}
STEPS=${3:-300}
MIXERS=${4:-softmax,linear,titans,moneta:64/256,yaad:64/256,memora:64}
source "$(dirname "$0")/_java.sh"
export ROW_COMMAND="bench/blocks_dynamics/rows/mqar.sh $LENGTHS $PAIRS $STEPS $MIXERS"
"${JAVA[@]}" org.gyrus.nn.memory.MqarBench "$OUT_DIR" "$LENGTHS" "$PAIRS" 64 "$STEPS" 32 0 "$MIXERS" \
  2> >(grep --line-buffered -v -i warn >&2)
