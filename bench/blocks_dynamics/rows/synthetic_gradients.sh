#!/usr/bin/env bash
# Issue 19, row synthetic_gradients (B16, decoupled neural interfaces): an LSTM on the copy task,
# trained by full BPTT, truncated BPTT and truncated BPTT + synthetic gradients (same seed/steps).
# Usage: bench/blocks_dynamics/rows/synthetic_gradients.sh [LENGTH] [WINDOW] [STEPS]
# Writes bench/results/blocks_dynamics/synthetic_gradients.{json,png}.
set -euo pipefail
LENGTH=${1:-10}
WINDOW=${2:-3}
STEPS=${3:-1000}
source "$(dirname "$0")/_java.sh"
export ROW_COMMAND="bench/blocks_dynamics/rows/synthetic_gradients.sh $LENGTH $WINDOW $STEPS"
"${JAVA[@]}" org.gyrus.nn.sg.SgBench "$OUT_DIR" "$LENGTH" 8 "$WINDOW" 64 "$STEPS" 32 100 0 \
  2> >(grep --line-buffered -v -i warn >&2)
