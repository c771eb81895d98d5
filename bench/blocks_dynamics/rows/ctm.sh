#!/usr/bin/env bash
# Issue 19, row ctm (B1 Continuous Thought Machine): cumulative parity of 16- and 64-bit sequences;
# accuracy read at every tick, at the most certain tick, and with adaptive halting (mean ticks).
# Usage: bench/blocks_dynamics/rows/ctm.sh [LENGTHS] [STEPS per length] [TICKS] [NEURONS] [THRESHOLD]
# Writes bench/results/blocks_dynamics/ctm.{json,png}.
set -euo pipefail
LENGTHS=${1:-16,64}
STEPS=${2:-3000,400}
TICKS=${3:-16}
NEURONS=${4:-64}
THRESHOLD=${5:-0.9}
source "$(dirname "$0")/_java.sh"
export ROW_COMMAND="bench/blocks_dynamics/rows/ctm.sh $LENGTHS $STEPS $TICKS $NEURONS $THRESHOLD"
"${JAVA[@]}" org.gyrus.nn.ctm.ParityBench "$OUT_DIR" "$LENGTHS" "$STEPS" "$TICKS" "$NEURONS" 64 0 \
  "$THRESHOLD" 2> >(grep --line-buffered -v -i warn >&2)
