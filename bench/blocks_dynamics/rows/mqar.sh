#!/usr/bin/env bash
# Issue 19, row mqar (B5 test-time memory): MQAR recall accuracy of neural_memory (titans, moneta,
# yaad, memora) vs softmax and linear recall_attention of equal size as the sequence grows.
# Groups of mixers train in parallel processes (one engine thread each); every finished
# (mixer, length) is appended to mqar_runs.jsonl and the row is rebuilt from it.
# Usage: bench/blocks_dynamics/rows/mqar.sh [LENGTHS] [PAIRS] [STEPS] [GROUPS...]
#   a group is a comma list of mixers; name:64/256 restricts a mixer to those lengths;
#   a memory variant may name its chunk: titans@1 is the exact token-by-token recurrence.
# KEEP=1 appends to the existing mqar_runs.jsonl (a mixer run again replaces its old rows)
# instead of starting it afresh; the row's command then lists every command that wrote rows.
# Writes bench/results/blocks_dynamics/mqar.{json,png} and mqar_runs.jsonl.
set -euo pipefail
LENGTHS=${1:-64,128,256}
PAIRS=${2:-4,8,16}
STEPS=${3:-300}
shift 3 2>/dev/null || shift $#
GROUPS_=("$@")
if [ ${#GROUPS_[@]} -eq 0 ]; then
  GROUPS_=(titans softmax,linear moneta:64,yaad:64,memora:64)
fi
source "$(dirname "$0")/_java.sh"
COMMAND="bench/blocks_dynamics/rows/mqar.sh $LENGTHS $PAIRS $STEPS ${GROUPS_[*]}"
if [ -n "${KEEP:-}" ] && [ -f "$OUT_DIR/mqar.json" ]; then
  PREVIOUS=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["command"])' "$OUT_DIR/mqar.json")
  export ROW_COMMAND="$PREVIOUS; KEEP=1 $COMMAND"
else
  export ROW_COMMAND="$COMMAND"
  rm -f "$OUT_DIR/mqar_runs.jsonl"
fi
pids=()
for g in "${GROUPS_[@]}"; do
  "${JAVA[@]}" org.gyrus.nn.memory.MqarBench "$OUT_DIR" "$LENGTHS" "$PAIRS" 64 "$STEPS" 32 0 "$g" \
    2> >(grep --line-buffered -v -i warn >&2) &
  pids+=($!)
done
for p in "${pids[@]}"; do wait "$p"; done
"${JAVA[@]}" org.gyrus.nn.memory.MqarBench --report "$OUT_DIR"
