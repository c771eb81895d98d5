#!/usr/bin/env bash
# Issue 19, row synthetic_gradients (B16, decoupled neural interfaces): an LSTM on the copy task,
# trained by full BPTT, truncated BPTT and truncated BPTT + synthetic gradients (same seed/steps),
# plus the control synthetic_lambda0 (DNI loop, synthetic gradient times 0).
# SG_SCALE λ multiplies the synthetic gradient given to the core (and so discounts the bootstrap);
# λ = 1, 0.7 diverge (the SG feeds on its own predictions), 0.2-0.5 train (issue 19 sweep, NOTES).
# Usage: bench/blocks_dynamics/rows/synthetic_gradients.sh [LENGTH] [WINDOW] [STEPS] [SG_SCALE]
# Writes bench/results/blocks_dynamics/synthetic_gradients.{json,png}.
set -euo pipefail
LENGTH=${1:-10}
WINDOW=${2:-3}
STEPS=${3:-1000}
SCALE=${4:-0.3}
source "$(dirname "$0")/_java.sh"
export ROW_COMMAND="bench/blocks_dynamics/rows/synthetic_gradients.sh $LENGTH $WINDOW $STEPS $SCALE"
"${JAVA[@]}" org.gyrus.nn.sg.SgBench "$OUT_DIR" "$LENGTH" 8 "$WINDOW" 64 "$STEPS" 32 100 0 "$SCALE" \
  2> >(grep --line-buffered -v -i warn >&2)
