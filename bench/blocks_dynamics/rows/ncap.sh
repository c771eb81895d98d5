#!/usr/bin/env bash
# Issue 19, row ncap (B8): NCAP (4 shared parameters) vs tanh MLP policies of growing width on a
# 6-link resistive-force swimmer, all trained by the same evolution strategies (pure Java, no DJL).
# Usage: bench/blocks_dynamics/rows/ncap.sh [GENERATIONS] [PAIRS] [MLP_WIDTHS]
# Writes bench/results/blocks_dynamics/ncap.json, ncap.png (speed vs params), ncap_es.png,
# ncap_trajectory.png.
set -euo pipefail
GENERATIONS=${1:-150}
PAIRS=${2:-16}
WIDTHS=${3:-4,8,16,32}
source "$(dirname "$0")/_java.sh"
export ROW_COMMAND="bench/blocks_dynamics/rows/ncap.sh $GENERATIONS $PAIRS $WIDTHS"
nice -n 10 java -cp "$CP" org.gyrus.nn.swimmer.SwimmerBench "$OUT_DIR" "$GENERATIONS" "$PAIRS" 0 \
  "$WIDTHS"
