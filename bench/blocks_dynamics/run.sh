#!/usr/bin/env bash
# New building blocks II (issue 19): networks that think in time. Runs every rows/ROW.sh (or the ROWS
# given as arguments); each row script writes bench/results/blocks_dynamics/ROW.json (format:
# org.gyrus.nn.plot.RowReport — row, command, scale, plots, results[{metric, ours, anchor, met}],
# data) and its PNG plots next to it. Then all row files present are merged into
# bench/results/blocks_dynamics.{json,md} (keys = row names: hopfield, cam, lif, hlop, lsm, ...).
# Usage: bench/blocks_dynamics/run.sh [ROW...]     e.g. bench/blocks_dynamics/run.sh hopfield cam
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
source "$HERE/env.sh"
if [ $# -gt 0 ]; then
  ROWS=("$@")
else
  ROWS=()
  for f in "$HERE"/rows/*.sh; do ROWS+=("$(basename "$f" .sh)"); done
fi
failed=()
for row in "${ROWS[@]}"; do
  script="$HERE/rows/$row.sh"
  if [ ! -f "$script" ]; then
    echo "unknown row $row (no $script)" >&2
    exit 2
  fi
  echo "== $row" >&2
  start=$(date +%s)
  if bash "$script"; then
    echo "== $row done in $(($(date +%s) - start)) s" >&2
  else
    echo "== $row FAILED" >&2
    failed+=("$row")
  fi
done
/usr/bin/python3 "$HERE/combine.py" "$OUT" bench/results/blocks_dynamics.json bench/results/blocks_dynamics.md
if [ ${#failed[@]} -gt 0 ]; then
  echo "failed rows: ${failed[*]}" >&2
  exit 1
fi
